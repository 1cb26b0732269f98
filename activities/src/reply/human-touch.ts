/**
 * VIP care in a draft: the human-touch line (policy `vip.human_touch`) a verified VIP customer's reply carries before
 * the signature, only for the templates the policy lists. Policy text, stated as is: it holds no shop fact.
 */
import type { RoutingPolicy } from '../triage/policy';
import type { ReplyContext } from './reply-context';

export function humanTouchLine(
  ctx: Pick<ReplyContext, 'lang' | 'customer'>, templateId: string, touch: RoutingPolicy['vipHumanTouch'] | undefined,
): string | null {
  if (!touch || ctx.customer?.vip !== true || !touch.templates.includes(templateId)) return null;
  return ctx.lang === 'fr' ? touch.fr : touch.en;
}
