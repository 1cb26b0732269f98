/**
 * The holding reply: for anything a person must answer (escalations, unclear requests). It states no order fact and
 * repeats nothing the customer wrote; where the request is unclear it asks the one question that unblocks it.
 */
import type { Intent } from '../../domain/types';
import type { ReplyContext } from '../reply-context';
import { say } from '../wording/say';
import { FactSheet, type ReplyTemplate, type TemplateOutput } from './template-kit';

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
  if (hours && ctx.lang === 'fr') paragraphs.push(`Notre service client est joignable : ${hours}.`);
  return { subject: say(ctx, 'holding.subject'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const holdingTemplate: ReplyTemplate = { id: 'holding', version: '1.0.0', intents: ['other'], render };
