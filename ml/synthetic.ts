/**
 * The hand-written synthetic training data, composed into messages: intent sentences (data/intent-phrases*.ts) and
 * risk sentences (data/risk-phrases.ts) with a greeting, sometimes a context sentence, sometimes a second sentence of
 * the same class, and a closing; some without accents or in lower case. None of it saw the labelled corpus.
 */
import type { Intent } from '../activities/src/domain/types';
import type { RiskFamily } from '../activities/src/triage/intent-model';
import { fold } from '../activities/src/triage/lexicon';
import { CLOSINGS, DAYS, FILLERS, GREETINGS, PHRASES as FIRST, PRODUCTS, type Lang, type Phrases } from './data/intent-phrases';
import { MORE_PHRASES } from './data/intent-phrases-2';
import { EXTRA_PHRASES } from './data/intent-phrases-3';
import { FOURTH_PHRASES, SUSPICIOUS_SUBJECTS, THREAD_SUBJECTS } from './data/intent-phrases-4';
import { RISK_PHRASES } from './data/risk-phrases';
import type { Rand } from './logreg';

/** The hand-written intent lists, merged per intent and language. */
export const INTENT_PHRASES: Phrases = Object.fromEntries(Object.entries(FIRST).map(([intent, byLang]) => [intent, {
  fr: [...byLang.fr, ...[MORE_PHRASES, EXTRA_PHRASES, FOURTH_PHRASES].flatMap((more) => more[intent]?.fr ?? [])],
  en: [...byLang.en, ...[MORE_PHRASES, EXTRA_PHRASES, FOURTH_PHRASES].flatMap((more) => more[intent]?.en ?? [])],
}]));

/** Intent sentences that also teach the risk head a family (the rest teach 'none'). */
export const INTENT_RISK: Partial<Record<string, RiskFamily>> = {
  legal_threat: 'legal_threat', fraud_report: 'fraud_report', gdpr_request: 'gdpr_request', safety_incident: 'safety_incident',
};

/**
 * The intent a risk sentence gives its message whatever else it asks (the labels' convention): the four escalation
 * intents, and a complaint for threats and insults. A bank dispute or an innocent sentence leaves the request's intent.
 */
export const RISK_INTENT: Partial<Record<RiskFamily | 'none', Intent>> = {
  legal_threat: 'legal_threat', fraud_report: 'fraud_report', gdpr_request: 'gdpr_request', safety_incident: 'safety_incident',
  threat: 'complaint', abusive_language: 'complaint',
};

/** The order mark (intent-features.ts orderMark) of a status question, a delay and a refund already made. */
export const PARCEL_OF: Partial<Record<Intent, string>> = { order_status: '\n__ontime__', delivery_delay: '\n__late__', refund_status: '\n__refunded__' };

/** A return said sent back or received, no refund said made: the shop's data then records the return, not a refund. */
const RETURN_SENT = /\b(?:renvoye|retourne|(?:mon|le|votre) retour|sent .{0,30}back|my return|returned)\b/;
const REFUND_SAID_MADE = /\b(?:confirm|annonce|effectue|issued|processed|visible|statement|releve|showing|apparai)/;

/**
 * The order mark of a generated message (intent-features.ts orderMark): a refund awaited after a return said sent
 * back is about an order whose return arrived (`__returned__`), one said made about a refunded order.
 */
export function parcelOf(intent: Intent, text: string): string {
  const t = fold(text);
  if (intent === 'refund_status' && RETURN_SENT.test(t) && !REFUND_SAID_MADE.test(t)) return '\n__returned__';
  return PARCEL_OF[intent] ?? '';
}

/** Everyday requests a risk sentence is composed with (an innocent one: only requests a routine reply answers). */
export const ROUTINE_CONTEXT: readonly Intent[] = ['order_status', 'delivery_delay', 'refund_status', 'product_question', 'return_request'];
export const CONTEXT_INTENTS: readonly Intent[] = [...ROUTINE_CONTEXT, 'refund_request', 'damaged_item', 'payment_issue', 'missing_item', 'cancel_order'];

export interface SyntheticExample { text: string; intent: Intent | null; risk: RiskFamily | 'none' | null; routine: 'routine' | 'needs_person' | null }

/** Intents a routine reply can answer from shop data (policies/default.json `automation.enabled_intents`). */
export const ROUTINE_INTENTS = new Set(['order_status', 'delivery_delay', 'return_request', 'refund_status', 'invoice_request', 'product_question', 'thanks']);

export const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
export const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

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
  // the subject line as the heads read it (activities/src/triage/intent-features.ts structuredModelText)
  const header = (kind: 'reply' | 'forward', subjects: Record<Lang, string[]>, lang: Lang): string => `__${kind}__ ${fill(pick(subjects[lang]), lang)}\n`;
  const compose = (core: string, pool: string[], lang: Lang, context?: string): string => {
    const parts: string[] = [];
    const g = pick(GREETINGS[lang]);
    if (g) parts.push(g);
    if (rand() < 0.3) parts.push(cap(pick(FILLERS[lang])));
    const contextFirst = context !== undefined && rand() < 0.7;
    if (context !== undefined && contextFirst) parts.push(cap(fill(context, lang)));
    parts.push(cap(fill(core, lang)));
    if (context !== undefined && !contextFirst) parts.push(cap(fill(context, lang)));
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
          // a quarter of them answer in a thread whose subject names an older topic
          const thread = rand() < 0.25 ? header('reply', THREAD_SUBJECTS, lang) : '';
          // what the shop's data says of the parcel, where the intent tells it (labels: a delay is a late parcel)
          const parcel = rand() < 0.4 ? parcelOf(intent, core) : '';
          out.push({
            text: thread + compose(core, phrases.filter((p) => p !== core), lang) + parcel, intent, risk: INTENT_RISK[intent] ?? 'none',
            routine: ROUTINE_INTENTS.has(intent) ? 'routine' : 'needs_person',
          });
        }
      }
    }
  }
  // risk sentences: the bare sentence (as the head reads one sentence for its reason), messages of it alone, and
  // messages where it comes with an everyday request (a late parcel, a refund awaited...): the escalation family, not
  // the request around it, is the message's intent (a legal threat about a late parcel is a legal threat)
  for (const [risk, byLang] of Object.entries(RISK_PHRASES) as [RiskFamily | 'none', Record<Lang, string[]>][]) {
    for (const lang of ['fr', 'en'] as const) {
      for (const core of byLang[lang]) {
        const routine: SyntheticExample['routine'] = risk === 'none' ? 'routine' : 'needs_person';
        out.push({ text: cap(fill(core, lang)), intent: RISK_INTENT[risk] ?? null, risk, routine: risk === 'none' ? null : 'needs_person' });
        for (let r = 0; r < perPhrase; r++) {
          // innocent sentences come with a request a routine reply answers, so they still teach the routine head 'routine'
          const topic = pick(risk === 'none' ? ROUTINE_CONTEXT : CONTEXT_INTENTS);
          const withContext = r % 2 === 1;
          const context = withContext ? pick(INTENT_PHRASES[topic]![lang]) : undefined;
          const intent = !withContext ? RISK_INTENT[risk] ?? null
            : risk === 'none' || risk === 'chargeback_hint' ? topic : RISK_INTENT[risk] ?? null;
          // a fraud report sometimes forwards the message it reports
          const forwarded = risk === 'fraud_report' && rand() < 0.3 ? header('forward', SUSPICIOUS_SUBJECTS, lang) : '';
          out.push({ text: forwarded + compose(core, [], lang, context), intent, risk, routine });
        }
      }
    }
  }
  return out;
}
