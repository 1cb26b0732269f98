/**
 * Voiced training messages: the hand-written sentences (data/intent-phrases*.ts, data/risk-phrases.ts and the
 * further ways of saying them in data/voice-phrases.ts) written as different people write mail — an SMS-style
 * one-liner, a formal letter, a non-native writer, a hurried writer's typos, French and English mixed, a terse answer
 * in an old thread, a forward with a note — each with a subject line as real mail has, the shop's products, order
 * numbers, tracking numbers and customers' names as slots. The held-out mail is by authors the model never read: the
 * more voices it has seen say the same request, the less it learns one author's habits.
 *
 * The text is what the heads read (intent-features.ts structuredModelText: the marked subject line, the new text, the
 * order's mark). Seeded (activities/src/domain/seeded-random.ts): the same seed gives the same messages.
 */
import type { Intent } from '../activities/src/domain/types';
import type { RiskFamily } from '../activities/src/triage/intent-model';
import { CLOSINGS, DAYS, GREETINGS, PRODUCTS, type Lang } from './data/intent-phrases';
import { THREAD_SUBJECTS } from './data/intent-phrases-4';
import { RISK_PHRASES } from './data/risk-phrases';
import {
  FORMAL, GENERIC_SUBJECTS, MIXED_TAGS, NON_NATIVE, SHOP_NAMES, SHOP_PRODUCTS, SMS, SUBJECTS, TRACKING_PREFIXES, VOICE_PHRASES, VOICE_RISK,
} from './data/voice-phrases';
import type { Rand } from './logreg';
import {
  cap, CONTEXT_INTENTS, INTENT_PHRASES, INTENT_RISK, parcelOf, RISK_INTENT, ROUTINE_CONTEXT, ROUTINE_INTENTS, stripAccents, type SyntheticExample,
} from './synthetic';

export const VOICES = ['sms', 'formal', 'non_native', 'typos', 'mixed', 'thread', 'forward', 'subject_only'] as const;
export type Voice = (typeof VOICES)[number];

/** One message to write: its request sentence, what it teaches, and maybe an everyday request it comes with. */
interface Plan {
  core: string;
  lang: Lang;
  /** The intent whose subject line fits the message. */
  topic: Intent | null;
  intent: Intent | null;
  risk: RiskFamily | 'none' | null;
  routine: SyntheticExample['routine'];
  context?: string;
}

const other = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');
const merge = <T>(a: Record<string, Record<Lang, T[]>>, b: Record<string, Record<Lang, T[]>>): Record<string, Record<Lang, T[]>> =>
  Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, {
    fr: [...(a[k]?.fr ?? []), ...(b[k]?.fr ?? [])], en: [...(a[k]?.en ?? []), ...(b[k]?.en ?? [])],
  }]));

/** Subjects a shop notification has, for a forwarded message. */
const SHOP_NOTICES: Record<Lang, string[]> = {
  fr: ['Votre commande {order} est confirmée', 'Votre colis {order} est en route', 'Confirmation de remboursement {order}', 'Votre facture {order}'],
  en: ['Your order {order} is confirmed', 'Your parcel {order} is on its way', 'Refund confirmation {order}', 'Your invoice {order}'],
};
const FORWARD_NOTE: Record<Lang, string[]> = { fr: ['(voir ci-dessous)', 'je vous transfère le mail.', ''], en: ['(see below)', 'forwarding your email.', ''] };

export function voicedExamples(rand: Rand, perPhrase: number): SyntheticExample[] {
  if (perPhrase <= 0) return [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number): boolean => rand() < p;
  const fill = (t: string, lang: Lang): string => t
    .replace(/\{order\}/g, () => {
      const n = `CMD-${10200 + Math.floor(rand() * 700)}`;
      return pick(lang === 'fr' ? [`la commande ${n}`, n, n, 'ma commande', `n° ${n}`] : [`order ${n}`, n, n, 'my order', `#${n}`]);
    })
    .replace(/\{product\}/g, () => pick(chance(0.5) ? SHOP_PRODUCTS[lang] : PRODUCTS[lang]))
    .replace(/\{day\}/g, () => pick(DAYS[lang]))
    .replace(/\{date\}/g, () => (lang === 'fr' ? `${1 + Math.floor(rand() * 28)}/11` : `${1 + Math.floor(rand() * 28)} November`))
    .replace(/\{tracking\}/g, () => `${pick(TRACKING_PREFIXES)}${100000000 + Math.floor(rand() * 899999999)}`)
    .replace(/\{name\}/g, () => pick(SHOP_NAMES[lang]))
    .replace(/\{n\}/g, () => String(2 + Math.floor(rand() * 12)))
    .replace(/\{amount\}/g, () => (lang === 'fr' ? `${10 + Math.floor(rand() * 300)},90 €` : `€${10 + Math.floor(rand() * 300)}.90`));
  const sentence = (t: string, lang: Lang): string => cap(fill(t, lang));
  const signature = (lang: Lang): string => {
    const name = pick(SHOP_NAMES[lang]);
    return chance(0.5) ? name : name.split(' ')[0]!;
  };
  const typos = (text: string): string => text.replace(/\p{L}{4,}/gu, (w) => {
    if (!chance(0.08)) return w;
    const i = 1 + Math.floor(rand() * (w.length - 2));
    switch (Math.floor(rand() * 3)) {
      case 0: return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
      case 1: return w.slice(0, i) + w.slice(i + 1);
      default: return w.slice(0, i) + w[i] + w.slice(i);
    }
  });
  const sms = (text: string, lang: Lang): string => {
    let t = stripAccents(text.toLowerCase()).replace(/[.!]+(\s|$)/g, chance(0.5) ? ' ' : '$1');
    for (const [re, outs] of SMS[lang]) if (chance(0.7)) t = t.replace(re, () => pick(outs));
    return t.replace(/[ \t]+/g, ' ').trim();
  };
  const nonNative = (text: string, lang: Lang): string => {
    let t = text;
    for (const [re, out] of NON_NATIVE[lang]) if (chance(0.5)) t = t.replace(re, out);
    return t;
  };
  const subjectLine = (plan: Plan, voice: Voice): string => {
    const { lang } = plan;
    if (voice === 'thread') return `__reply__ ${fill(pick(THREAD_SUBJECTS[lang]), lang)}\n`;
    if (voice === 'forward') return `__forward__ ${fill(pick(SHOP_NOTICES[lang]), lang)}\n`;
    const own = plan.topic ? SUBJECTS[plan.topic]?.[lang] : undefined;
    const r = rand();
    const s = own && r < 0.6 ? pick(own) : r < 0.88 ? pick(GENERIC_SUBJECTS[lang]) : '';
    const text = fill(s, lang);
    return text ? `__subject__ ${voice === 'sms' ? stripAccents(text.toLowerCase()) : text}\n` : '';
  };
  const body = (plan: Plan, voice: Voice): string => {
    const { lang } = plan;
    const core = sentence(plan.core, lang);
    const context = plan.context !== undefined ? sentence(plan.context, lang) : undefined;
    const request = context === undefined ? [core] : chance(0.6) ? [context, core] : [core, context];
    switch (voice) {
      case 'sms': return sms([chance(0.4) ? pick(GREETINGS[lang]) : '', ...request, chance(0.4) ? pick(CLOSINGS[lang]) : ''].filter(Boolean).join(' '), lang);
      case 'formal':
        return [pick(FORMAL.open[lang]), sentence(pick(FORMAL.lead[lang]), lang), request.join(' '), pick(FORMAL.close[lang]), pick(SHOP_NAMES[lang])].join('\n\n');
      case 'non_native':
        return [pick(GREETINGS[lang]), nonNative(request.join(' '), lang), pick(CLOSINGS[lang]), signature(lang)].filter(Boolean).join('\n\n');
      case 'typos':
        return typos([pick(GREETINGS[lang]), request.join(' '), pick(CLOSINGS[lang])].filter(Boolean).join(chance(0.5) ? '\n\n' : ' '));
      case 'mixed': {
        const o = other(lang);
        const parts = chance(0.5)
          ? [pick(GREETINGS[o]), ...request, pick(CLOSINGS[o])]
          : [pick(GREETINGS[lang]), pick(MIXED_TAGS[lang]), ...request, pick(CLOSINGS[o])];
        return parts.filter(Boolean).join('\n\n');
      }
      case 'thread': return [chance(0.5) ? pick(GREETINGS[lang]) : '', request.join(' '), chance(0.5) ? pick(CLOSINGS[lang]) : ''].filter(Boolean).join('\n');
      case 'forward': return [request.join(' '), pick(FORWARD_NOTE[lang])].filter(Boolean).join(' ');
      default: return [pick(GREETINGS[lang]), request.join(' '), pick(CLOSINGS[lang]), chance(0.5) ? signature(lang) : ''].filter(Boolean).join('\n\n');
    }
  };
  const write = (plan: Plan): SyntheticExample => {
    const voice = pick(VOICES);
    const marked = plan.intent !== null && chance(0.4);
    const text = subjectLine(plan, voice) + body(plan, voice);
    const parcel = marked && plan.intent ? parcelOf(plan.intent, text) : '';
    return { text: text + parcel, intent: plan.intent, risk: plan.risk, routine: plan.routine };
  };

  const out: SyntheticExample[] = [];
  const intentPhrases = merge(INTENT_PHRASES, VOICE_PHRASES);
  const fresh = new Set(Object.values(VOICE_PHRASES).flatMap((b) => [...b.fr, ...b.en]));
  for (const [intent, byLang] of Object.entries(intentPhrases) as [Intent, Record<Lang, string[]>][]) {
    for (const lang of ['fr', 'en'] as const) {
      for (const core of byLang[lang]) {
        // the new sentences have no plain rendering (synthetic.ts): they get one more voiced one
        for (let r = 0; r < perPhrase + (fresh.has(core) ? 1 : 0); r++) {
          out.push(write({
            core, lang, topic: intent, intent, risk: INTENT_RISK[intent] ?? 'none', routine: ROUTINE_INTENTS.has(intent) ? 'routine' : 'needs_person',
          }));
        }
      }
    }
  }
  // risk sentences, alone or with an everyday request (labels as in synthetic.ts: the family decides the intent,
  // except a bank dispute or an innocent sentence, which leave the request's)
  for (const [risk, byLang] of Object.entries(merge(RISK_PHRASES, VOICE_RISK)) as [RiskFamily | 'none', Record<Lang, string[]>][]) {
    for (const lang of ['fr', 'en'] as const) {
      for (const core of byLang[lang]) {
        for (let r = 0; r < perPhrase; r++) {
          const withContext = risk === 'none' || chance(0.5);
          const topic = pick(risk === 'none' ? ROUTINE_CONTEXT : CONTEXT_INTENTS);
          const context = withContext ? pick(INTENT_PHRASES[topic]![lang]) : undefined;
          const intent = !withContext ? RISK_INTENT[risk] ?? null : risk === 'none' || risk === 'chargeback_hint' ? topic : RISK_INTENT[risk] ?? null;
          out.push(write({
            core, lang, topic: intent ?? topic, intent, risk, routine: risk === 'none' ? 'routine' : 'needs_person', ...(context !== undefined ? { context } : {}),
          }));
        }
      }
    }
  }
  return out;
}
