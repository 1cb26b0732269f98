/**
 * An FAQ page draft in one language, for a person to review and publish: static HTML5 with an SEO title (the topics
 * it covers and the shop's name, under 60 characters where it can), a meta description (the questions, under 160
 * characters), a canonical link and its other-language alternate, and schema.org `FAQPage` structured data (JSON-LD:
 * each `Question` with its `acceptedAnswer`), the same questions and answers as the visible text.
 */
import type { FaqEntry } from './faq-answers';
import type { FaqLang } from './faq-questions';

const TOPIC_WORDS: Record<FaqLang, Record<string, string>> = {
  fr: { return_request: 'retours', refund_status: 'remboursements', product_question: 'prix', delivery_delay: 'livraison', invoice_request: 'factures', order_status: 'suivi' },
  en: { return_request: 'returns', refund_status: 'refunds', product_question: 'prices', delivery_delay: 'delivery', invoice_request: 'invoices', order_status: 'tracking' },
};

const html = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON inside <script>: no `</script>` or `<!--` can close or confuse the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value, null, 1).replace(/</g, '\\u003c');

/** A plain, readable draft; the shop's own stylesheet replaces it when the page is published. */
const STYLE = 'body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}'
  + 'h1{font-size:1.6rem}h2{font-size:1.1rem;margin:1.6rem 0 .3rem}section p{margin:.3rem 0}';

export interface FaqPage { lang: FaqLang; title: string; description: string; url: string; html: string; jsonLd: Record<string, unknown> }

function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:]+$/, '')}…`;
}

export function faqPageUrl(website: string, lang: FaqLang): string {
  return `${website.replace(/\/+$/, '')}/${lang}/faq`;
}

export function renderFaqPage(entries: readonly FaqEntry[], lang: FaqLang, shop: { name: string; website: string }): FaqPage {
  const topics = [...new Set(entries.map((e) => TOPIC_WORDS[lang][e.intent]).filter((w): w is string => Boolean(w)))];
  const lead = lang === 'fr' ? 'Questions fréquentes' : 'FAQ';
  const about = topics.length ? ` : ${topics.join(', ')}` : '';
  const title = truncate(`${lead}${lang === 'fr' ? about : about.replace(' :', ':')} | ${shop.name}`, 70);
  const description = truncate(`${shop.name} — ${entries.map((e) => e.question).join(' ')}`, 160);
  const url = faqPageUrl(shop.website, lang);
  const other: FaqLang = lang === 'fr' ? 'en' : 'fr';
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    inLanguage: lang,
    url,
    mainEntity: entries.map((e) => ({
      '@type': 'Question',
      name: e.question,
      acceptedAnswer: { '@type': 'Answer', text: e.answer.join('\n') },
    })),
  };
  const answerHtml = (e: FaqEntry): string => e.answer.map((p) => `<p>${p.split('\n').map(html).join('<br>')}</p>`).join('');
  const page = [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<meta name="description" content="${html(description)}">`,
    `<link rel="canonical" href="${html(url)}">`,
    `<link rel="alternate" hreflang="${other}" href="${html(faqPageUrl(shop.website, other))}">`,
    `<script type="application/ld+json">${scriptJson(jsonLd)}</script>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${html(`${lead} — ${shop.name}`)}</h1>`,
    ...entries.map((e, i) => `<section id="q${i + 1}"><h2>${html(e.question)}</h2>${answerHtml(e)}</section>`),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { lang, title, description, url, html: page, jsonLd };
}
