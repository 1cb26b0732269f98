/**
 * Grounding of a model-written draft. A template states its facts by construction; a model may leave them out,
 * answer in another language, or leave a masking token behind. What the template for the same case would state is
 * the reference: every core fact it states (order, tracking number, carrier, dates, amounts) must appear in the
 * model's text, exactly as written there. Anything less is not auto-sent.
 */
import { langScores } from '../triage/lang';
import type { ReplyLang } from './shop-format';
import type { TemplateOutput } from './templates/template-kit';
import { fold } from './text-fold';

export type GroundingCheckName = 'missing_fact' | 'wrong_language' | 'unresolved_placeholder';

export interface GroundingIssue {
  check: GroundingCheckName;
  message: string;
}

/** The facts that answer the customer's question: a model's draft that leaves one out does not answer it. */
export const CORE_FACT_KEYS: readonly string[] = [
  'order_number', 'tracking_number', 'carrier', 'ordered_at', 'estimated_delivery', 'delivered_at', 'return_deadline',
  'total', 'refund_amount', 'refunded_amount', 'price',
];

/** Core keys, and each listed product's price ("price_SKU-1004") when a reply lists several. */
function isCoreFact(key: string): boolean {
  return CORE_FACT_KEYS.includes(key) || key.startsWith('price_');
}

const PLACEHOLDER = /«[A-Z_]+_\d+»|\b(?:EMAIL|PHONE|NAME|IBAN|CARD|NIR|DOB|ADDRESS)_\d+\b/;

/** Spaces inside amounts and dates vary (thin, non-breaking); compare without them. */
function squash(text: string): string {
  return fold(text).replace(/\s+/g, '');
}

export function groundingCheck(draftText: string, reference: TemplateOutput, lang: ReplyLang): GroundingIssue[] {
  const issues: GroundingIssue[] = [];
  const text = squash(draftText);
  for (const key of Object.keys(reference.display).filter(isCoreFact)) {
    const shown = reference.display[key];
    if (shown === undefined || shown.trim() === '') continue;
    if (!text.includes(squash(shown))) {
      issues.push({ check: 'missing_fact', message: `the draft does not state the verified ${key} (${shown})` });
    }
  }
  // A reply is written in the customer's language: the other language's function words must not outnumber theirs
  // (a product name or a quoted phrase in the other language is fine; a half-English reply to a French customer is not).
  const scores = langScores(draftText);
  const other = lang === 'fr' ? 'en' : 'fr';
  if (scores[other] > scores[lang]) {
    issues.push({ check: 'wrong_language', message: `the draft is written in ${other}, the customer's language is ${lang}` });
  }
  const token = PLACEHOLDER.exec(draftText);
  if (token) issues.push({ check: 'unresolved_placeholder', message: `the draft contains a masking token (${token[0]})` });
  return issues;
}
