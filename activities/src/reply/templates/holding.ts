/**
 * The holding reply: for anything a person must answer (escalations, unclear requests). It states no order fact and
 * repeats nothing the customer wrote; where the request is unclear it asks the one question that unblocks it.
 * 1.1.0 honours a stated contact preference (contact-preferences.ts): no opening-hours line for a customer who asked
 * not to be phoned.
 */
import type { Intent } from '../../domain/types';
import type { ReplyContext } from '../reply-context';
import { say } from '../wording/say';
import { FactSheet, type ReplyTemplate, type TemplateOutput } from './template-kit';
import { contactPreferenceLine, wantsNoPhone } from './contact-preferences';

const ASK_FOR_DETAILS: Intent[] = ['other', 'complaint'];

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const paragraphs = [say(ctx, 'holding.received')];
  if (ctx.intent === 'safety_incident') {
    paragraphs.push(say(ctx, 'holding.safety'));
  }
  if (ASK_FOR_DETAILS.includes(ctx.intent) && !ctx.order) {
    paragraphs.push(say(ctx, 'holding.ask_details'));
  }
  const hours = typeof ctx.policies['business_hours'] === 'string' ? (ctx.policies['business_hours'] as string) : null;
  // Opening hours are written in French in shop data; an English reply leaves them out rather than mix languages.
  // They invite a call: not for a customer who asked not to be phoned.
  if (hours && ctx.lang === 'fr' && !wantsNoPhone(ctx)) paragraphs.push(`Notre service client est joignable : ${hours}.`);
  const contact = contactPreferenceLine(ctx);
  if (contact) paragraphs.push(contact);
  return { subject: say(ctx, 'holding.subject'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const holdingTemplate: ReplyTemplate = { id: 'holding', version: '1.1.0', intents: ['other'], render };
