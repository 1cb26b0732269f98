/**
 * The hand-written synthetic training data, composed into messages: intent sentences (data/intent-phrases*.ts) and
 * risk sentences (data/risk-phrases.ts) with a greeting, sometimes a context sentence, sometimes a second sentence of
 * the same class, and a closing; some without accents or in lower case. None of it saw the labelled corpus.
 */
import type { Intent } from '../activities/src/domain/types';
import type { RiskFamily } from '../activities/src/triage/intent-model';
import { CLOSINGS, DAYS, FILLERS, GREETINGS, PHRASES as FIRST, PRODUCTS, type Lang, type Phrases } from './data/intent-phrases';
import { MORE_PHRASES } from './data/intent-phrases-2';
import { EXTRA_PHRASES } from './data/intent-phrases-3';
import { RISK_PHRASES } from './data/risk-phrases';
import type { Rand } from './logreg';

/** The three hand-written intent lists, merged per intent and language. */
export const INTENT_PHRASES: Phrases = Object.fromEntries(Object.entries(FIRST).map(([intent, byLang]) => [intent, {
  fr: [...byLang.fr, ...(MORE_PHRASES[intent]?.fr ?? []), ...(EXTRA_PHRASES[intent]?.fr ?? [])],
  en: [...byLang.en, ...(MORE_PHRASES[intent]?.en ?? []), ...(EXTRA_PHRASES[intent]?.en ?? [])],
}]));

/** Intent sentences that also teach the risk head a family (the rest teach 'none'). */
const INTENT_RISK: Partial<Record<string, RiskFamily>> = {
  legal_threat: 'legal_threat', fraud_report: 'fraud_report', gdpr_request: 'gdpr_request', safety_incident: 'safety_incident',
};

export interface SyntheticExample { text: string; intent: Intent | null; risk: RiskFamily | 'none' | null; routine: 'routine' | 'needs_person' | null }

/** Intents a routine reply can answer from shop data (policies/default.json `automation.enabled_intents`). */
const ROUTINE_INTENTS = new Set(['order_status', 'delivery_delay', 'return_request', 'refund_status', 'invoice_request', 'product_question', 'thanks']);

const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

export function syntheticExamples(rand: Rand, perPhrase: number): SyntheticExample[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const fill = (t: string, lang: Lang): string => {
    const order = (): string => {
      const n = `${pick(['CMD-', 'CMD-', 'CMD ', '#'])}${10000 + Math.floor(rand() * 90000)}`;
      return pick(lang === 'fr' ? [`la commande ${n}`, n, 'ma commande', `n° ${n}`] : [`order ${n}`, n, 'my order', `#${n.replace('#', '')}`]);
    };
    return t
      .replace(/\{order\}/g, order)
      .replace(/\{product\}/g, () => pick(PRODUCTS[lang]))
      .replace(/\{day\}/g, () => pick(DAYS[lang]))
      .replace(/\{n\}/g, () => String(2 + Math.floor(rand() * 12)))
      .replace(/\{amount\}/g, () => (lang === 'fr' ? `${10 + Math.floor(rand() * 300)},90 €` : `€${10 + Math.floor(rand() * 300)}.90`));
  };
  const compose = (core: string, pool: string[], lang: Lang): string => {
    const parts: string[] = [];
    const g = pick(GREETINGS[lang]);
    if (g) parts.push(g);
    if (rand() < 0.3) parts.push(cap(pick(FILLERS[lang])));
    parts.push(cap(fill(core, lang)));
    if (rand() < 0.25 && pool.length) parts.push(cap(fill(pick(pool), lang)));
    const c = pick(CLOSINGS[lang]);
    if (c) parts.push(c);
    let text = parts.join(rand() < 0.5 ? '\n\n' : ' ');
    if (rand() < 0.15) text = stripAccents(text);
    if (rand() < 0.1) text = text.toLowerCase();
    return text;
  };
  const out: SyntheticExample[] = [];
  for (const [intent, byLang] of Object.entries(INTENT_PHRASES) as [Intent, Record<Lang, string[]>][]) {
    for (const lang of ['fr', 'en'] as const) {
      const phrases = byLang[lang];
      for (const core of phrases) {
        for (let r = 0; r < perPhrase; r++) {
          out.push({
            text: compose(core, phrases.filter((p) => p !== core), lang), intent, risk: INTENT_RISK[intent] ?? 'none',
            routine: ROUTINE_INTENTS.has(intent) ? 'routine' : 'needs_person',
          });
        }
      }
    }
  }
  // risk sentences: the bare sentence (as the head reads one sentence for its reason) and composed messages
  for (const [risk, byLang] of Object.entries(RISK_PHRASES) as [RiskFamily | 'none', Record<Lang, string[]>][]) {
    for (const lang of ['fr', 'en'] as const) {
      for (const core of byLang[lang]) {
        out.push({ text: cap(fill(core, lang)), intent: null, risk, routine: risk === 'none' ? null : 'needs_person' });
        for (let r = 0; r < perPhrase; r++) {
          const routine = pick(INTENT_PHRASES[pick(['order_status', 'delivery_delay', 'refund_status', 'product_question', 'return_request'])]![lang]);
          const text = compose(core, [routine], lang);
          out.push({ text, intent: null, risk, routine: risk === 'none' ? 'routine' : 'needs_person' });
        }
      }
    }
  }
  return out;
}
