/**
 * The intent supplement (data/intent-supplement.ts) as training messages for the intent head only: each written message
 * as the heads read it (intent-features.ts structuredModelText), with a new subject and as a reply in a thread, its
 * order slot filled. Seeded: the same seed gives the same messages.
 */
import { structuredModelText } from '../activities/src/triage/intent-features';
import { INTENT_SUPPLEMENT } from './data/intent-supplement';
import type { Rand } from './logreg';
import type { SyntheticExample } from './synthetic';

export function supplementExamples(rand: Rand): SyntheticExample[] {
  const order = (): string => `CMD-${10200 + Math.floor(rand() * 700)}`;
  return INTENT_SUPPLEMENT.flatMap((m) => ['', 'Re: '].map((prefix): SyntheticExample => {
    const n = order();
    return {
      text: structuredModelText(`${prefix}${m.subject}`.replace(/\{order\}/g, n), m.body.replace(/\{order\}/g, n)),
      intent: m.intent, risk: null, routine: null,
    };
  }));
}
