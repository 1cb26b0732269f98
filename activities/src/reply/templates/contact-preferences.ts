/**
 * How the customer asked to be contacted (memory/stated-preferences.ts, remembered or said in this email), honoured by
 * the replies that talk about getting back to them: with `no_phone` no reply invites a call (the opening-hours line is
 * left out) and the reply says the answer comes in writing; with `call_evening` the reply says it is noted.
 */
import type { ReplyContext } from '../reply-context';
import { say } from '../wording/say';

export function wantsNoPhone(ctx: Pick<ReplyContext, 'preferences'>): boolean {
  return ctx.preferences.includes('no_phone');
}

/** The line that acknowledges a stated contact preference, or null. */
export function contactPreferenceLine(ctx: ReplyContext): string | null {
  if (wantsNoPhone(ctx)) {
    return say(ctx, 'contact.no_phone');
  }
  if (ctx.preferences.includes('call_evening')) {
    return say(ctx, 'contact.call_evening');
  }
  return null;
}
