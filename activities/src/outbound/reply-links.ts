/**
 * The lines a reply ends with, in the reply's language: a one-click rating (every reply) and, on an automatic
 * reply to a known customer, a way to ask for a person next time. Each line carries a signed link
 * (reply-link-token.ts) to the review service's public pages (services/src/review/reply-links/); a link only opens
 * a page, and the vote or the opt-out is that page's form, so a mail scanner that follows links changes nothing.
 *
 * The reply goes out as plain text and as HTML built from the same text (escaped), the HTML with one link per
 * score so that a single click lands on the page with that score chosen.
 */
import { signLinkToken } from './reply-link-token';

export interface ReplyLinkSettings {
  /** Where the public link pages are served, e.g. https://support.example.com (no trailing slash needed). */
  baseUrl: string;
  secret: string;
  csatTtlDays: number;
  optOutTtlDays: number;
}

export type ReplyLang = 'fr' | 'en';

export const CSAT_SCORES = [1, 2, 3, 4, 5] as const;

const DAY_MS = 86_400_000;

const WORDS = {
  fr: {
    rate: 'Cette réponse vous a-t-elle aidé ? Notez-la en un clic :',
    scores: ['1 – Pas du tout', '2', '3', '4', '5 – Tout à fait'],
    human: 'Vous préférez qu’une personne vous réponde la prochaine fois ? Dites-le-nous :',
    humanLink: 'répondez-moi par une personne',
  },
  en: {
    rate: 'Did this reply help? Rate it in one click:',
    scores: ['1 – Not at all', '2', '3', '4', '5 – Completely'],
    human: 'Would you rather a person answered you next time? Tell us:',
    humanLink: 'have a person answer me',
  },
} as const;

export interface ReplyLinkUrls {
  csat: string;
  optOut: string | null;
}

export function replyLinkUrls(settings: ReplyLinkSettings, emailKey: string, withOptOut: boolean, now: Date): ReplyLinkUrls {
  const base = settings.baseUrl.replace(/\/+$/, '');
  const expiry = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const csat = signLinkToken(settings.secret, { purpose: 'csat', emailKey, expiresAt: expiry(settings.csatTtlDays) });
  const optOut = withOptOut ? signLinkToken(settings.secret, { purpose: 'optout', emailKey, expiresAt: expiry(settings.optOutTtlDays) }) : null;
  return { csat: `${base}/r/rate/${csat}`, optOut: optOut ? `${base}/r/human/${optOut}` : null };
}

/** The text body with the link lines after it. */
export function textWithLinks(text: string, lang: ReplyLang, urls: ReplyLinkUrls): string {
  const w = WORDS[lang];
  const lines = ['', '--', `${w.rate} ${urls.csat}`];
  if (urls.optOut) lines.push(`${w.human} ${urls.optOut}`);
  return `${text.replace(/\s+$/, '')}\n${lines.join('\n')}\n`;
}

/** The HTML body: the reply's text escaped (paragraphs and line breaks kept), then the link lines. */
export function htmlWithLinks(text: string, lang: ReplyLang, urls: ReplyLinkUrls | null): string {
  const paragraphs = text.trim().split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`);
  const footer: string[] = [];
  if (urls) {
    const w = WORDS[lang];
    const scoreLinks = CSAT_SCORES.map((score, i) =>
      `<a href="${escapeHtml(`${urls.csat}?score=${score}`)}" style="display:inline-block;padding:4px 10px;margin:2px;border:1px solid #888;border-radius:4px;text-decoration:none">${escapeHtml(w.scores[i]!)}</a>`);
    footer.push('<hr style="border:none;border-top:1px solid #ccc">', `<p style="font-size:90%">${escapeHtml(w.rate)}<br>\n${scoreLinks.join(' ')}</p>`);
    if (urls.optOut) {
      footer.push(`<p style="font-size:90%">${escapeHtml(w.human)} <a href="${escapeHtml(urls.optOut)}">${escapeHtml(w.humanLink)}</a></p>`);
    }
  }
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>\n${[...paragraphs, ...footer].join('\n')}\n</body></html>\n`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
