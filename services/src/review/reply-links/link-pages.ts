/**
 * The pages a customer reaches from a reply's links, in French or English: plain HTML forms that work without
 * JavaScript in any browser. Built with the escaping `html` template like every page of the review service.
 */
import { html, type SafeHtml } from '../web/html';

export type PageLang = 'fr' | 'en';

const TEXT = {
  fr: {
    rateTitle: 'Votre avis sur notre réponse',
    rateAsk: 'Notre réponse vous a-t-elle aidé ?',
    scores: ['1 – Pas du tout', '2 – Peu', '3 – Moyennement', '4 – Bien', '5 – Tout à fait'],
    comment: 'Un commentaire ? (facultatif)',
    send: 'Envoyer ma note',
    saved: (score: number) => `Merci ! Votre note (${score}/5) est enregistrée. Vous pouvez la changer à tout moment avec ce même lien.`,
    already: (score: number) => `Vous avez noté cette réponse ${score}/5. Vous pouvez changer votre note.`,
    noScore: 'Choisissez une note de 1 à 5.',
    humanTitle: 'Une personne la prochaine fois ?',
    humanAsk: 'Vous préférez qu’une personne de notre équipe réponde à vos prochains messages, plutôt qu’une réponse automatique ?',
    humanButton: 'Oui, je préfère une personne',
    humanDone: 'C’est noté : vos prochains messages seront lus et traités par une personne de notre équipe.',
    humanUnknown: 'Nous ne pouvons pas enregistrer ce choix depuis ce lien. Répondez simplement à notre message et demandez une personne : nous nous en occupons.',
    expired: 'Ce lien a expiré. Répondez simplement à notre message : une personne vous lira.',
    invalid: 'Ce lien n’est pas valide.',
    other: 'English',
  },
  en: {
    rateTitle: 'Your rating of our reply',
    rateAsk: 'Did our reply help you?',
    scores: ['1 – Not at all', '2 – A little', '3 – Somewhat', '4 – Well', '5 – Completely'],
    comment: 'Any comment? (optional)',
    send: 'Send my rating',
    saved: (score: number) => `Thank you! Your rating (${score}/5) is saved. You can change it at any time with the same link.`,
    already: (score: number) => `You rated this reply ${score}/5. You can change your rating.`,
    noScore: 'Choose a rating from 1 to 5.',
    humanTitle: 'A person next time?',
    humanAsk: 'Would you rather a person from our team answered your next messages, instead of an automatic reply?',
    humanButton: 'Yes, I prefer a person',
    humanDone: 'Done: your next messages will be read and handled by a person from our team.',
    humanUnknown: 'We cannot record this choice from this link. Just reply to our message and ask for a person: we will take care of it.',
    expired: 'This link has expired. Just reply to our message: a person will read it.',
    invalid: 'This link is not valid.',
    other: 'Français',
  },
} as const;

function shell(lang: PageLang, title: string, body: SafeHtml, switchTo: string | null): string {
  const other = lang === 'fr' ? 'en' : 'fr';
  return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title><link rel="stylesheet" href="/static/reply-links.css"></head>
<body><main class="link-page"><h1>${title}</h1>${body}
${switchTo ? html`<p class="lang"><a href="${switchTo}?lang=${other}" hreflang="${other}">${TEXT[lang].other}</a></p>` : ''}
</main></body></html>`.value;
}

export interface RatePageInput {
  lang: PageLang;
  action: string;
  /** The score to show chosen: the one the customer clicked in the mail, else their current rating. */
  selected: number | null;
  comment: string;
  current: number | null;
  saved: boolean;
  error: string | null;
}

export function ratePage(input: RatePageInput): string {
  const t = TEXT[input.lang];
  const notice = input.saved && input.current !== null
    ? html`<p class="flash" role="status">${t.saved(input.current)}</p>`
    : input.current !== null ? html`<p class="muted">${t.already(input.current)}</p>` : '';
  const body = html`${notice}${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
    <form method="post" action="${input.action}">
      <input type="hidden" name="lang" value="${input.lang}">
      <fieldset class="scores"><legend>${t.rateAsk}</legend>
        ${t.scores.map((label, i) => html`<label class="score"><input type="radio" name="score" value="${i + 1}"${input.selected === i + 1 ? html` checked` : ''}> ${label}</label>`)}
      </fieldset>
      <label class="comment">${t.comment}<br><textarea name="comment" rows="4" maxlength="2000">${input.comment}</textarea></label>
      <p><button type="submit">${t.send}</button></p>
    </form>`;
  return shell(input.lang, t.rateTitle, body, input.action);
}

export function humanPage(input: { lang: PageLang; action: string; state: 'ask' | 'done' | 'unknown' }): string {
  const t = TEXT[input.lang];
  const body = input.state === 'done'
    ? html`<p class="flash" role="status">${t.humanDone}</p>`
    : input.state === 'unknown'
      ? html`<p class="muted">${t.humanUnknown}</p>`
      : html`<p>${t.humanAsk}</p>
        <form method="post" action="${input.action}"><input type="hidden" name="lang" value="${input.lang}">
          <button type="submit">${t.humanButton}</button></form>`;
  return shell(input.lang, t.humanTitle, body, input.action);
}

export function deadLinkPage(lang: PageLang, why: 'expired' | 'invalid'): string {
  const t = TEXT[lang];
  return shell(lang, why === 'expired' ? t.expired : t.invalid, html``, null);
}

export function noScoreMessage(lang: PageLang): string {
  return TEXT[lang].noScore;
}
