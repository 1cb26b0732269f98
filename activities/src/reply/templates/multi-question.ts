/**
 * Mail with several requests (the classifier's secondary intents, and other orders of the sender): the main
 * template's answer, then a short section per extra request, each rendered by its own template over the order it
 * is about. Such mail always goes to a reviewer; the sections save them writing it.
 */
import type { Intent } from '../../domain/types';
import type { ReplyContext } from '../reply-context';
import { holdingTemplate } from './holding';
import { templateFor } from './registry';
import type { TemplateOutput } from './template-kit';
import { say } from '../wording/say';

/** Intents whose template can answer a side question on its own. */
const SECTION_INTENTS: ReadonlySet<Intent> = new Set([
  'order_status', 'delivery_delay', 'return_request', 'refund_request', 'refund_status', 'invoice_request',
]);

export function withSecondarySections(ctx: ReplyContext, main: TemplateOutput, secondaryIntents: readonly Intent[]): TemplateOutput {
  const out: TemplateOutput = { ...main, paragraphs: [...main.paragraphs], facts: { ...main.facts }, display: { ...main.display } };
  const done = new Set<string>([`${ctx.intent}|${ctx.order?.number ?? ''}`]);
  const orders = ctx.otherOrders.length ? ctx.otherOrders : ctx.order ? [ctx.order] : [];
  const introduced = new Set<string>(ctx.order ? [ctx.order.number] : []);
  for (const intent of secondaryIntents) {
    const template = templateFor(intent);
    if (!SECTION_INTENTS.has(intent) || template === holdingTemplate) continue;
    for (const order of orders) {
      const key = `${intent}|${order.number}`;
      if (done.has(key)) continue;
      done.add(key);
      const section = template.render({ ...ctx, intent, order, orderIssue: 'none', offers: [] });
      const fresh = section.paragraphs.filter((p) => !out.paragraphs.includes(p));
      if (!fresh.length) continue;
      if (!introduced.has(order.number)) {
        introduced.add(order.number);
        out.paragraphs.push(say(ctx, 'sections.about_order', null, { numerocommande: order.number }));
      }
      out.paragraphs.push(...fresh);
      const prefix = order.number === ctx.order?.number ? '' : `${order.number}.`;
      for (const [k, v] of Object.entries(section.facts)) if (!(prefix + k in out.facts)) out.facts[prefix + k] = v;
      for (const [k, v] of Object.entries(section.display)) if (!(prefix + k in out.display)) out.display[prefix + k] = v;
      if (section.attachments?.length) out.attachments = [...(out.attachments ?? []), ...section.attachments];
    }
  }
  return out;
}
