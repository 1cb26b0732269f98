/**
 * How the customer asked to be contacted (memory/stated-preferences.ts, remembered or said in this email), honoured by
 * the replies that talk about getting back to them: with `no_phone` no reply invites a call (the opening-hours line is
 * left out) and the reply says the answer comes in writing; with `call_evening` the reply says it is noted.
 */
import type { ReplyContext } from '../reply-context';
import { pick } from './template-kit';

export function wantsNoPhone(ctx: Pick<ReplyContext, 'preferences'>): boolean {
  return ctx.preferences.includes('no_phone');
}

/** The line that acknowledges a stated contact preference, or null. */
export function contactPreferenceLine(ctx: Pick<ReplyContext, 'preferences' | 'lang'>): string | null {
  if (wantsNoPhone(ctx)) {
    return pick(ctx.lang,
      'Comme vous nous l\'avez demandé, nous vous répondrons uniquement par écrit, sans vous appeler.',
      'As you asked, we will answer you in writing only, without calling you.');
  }
  if (ctx.preferences.includes('call_evening')) {
    return pick(ctx.lang,
      'Vous nous avez indiqué préférer être appelé en soirée : c\'est noté pour notre équipe.',
      'You told us you prefer a call in the evening: our team has noted it.');
  }
  return null;
}
