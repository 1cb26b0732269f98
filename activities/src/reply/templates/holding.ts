/**
 * The holding reply: for anything a person must answer (escalations, unclear requests). It states no order fact and
 * repeats nothing the customer wrote; where the request is unclear it asks the one question that unblocks it.
 */
import type { Intent } from '../../domain/types';
import type { ReplyContext } from '../reply-context';
import { FactSheet, pick, type ReplyTemplate, type TemplateOutput } from './template-kit';

const ASK_FOR_DETAILS: Intent[] = ['other', 'complaint'];

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const paragraphs = [pick(ctx.lang,
    'Nous avons bien reçu votre message. Un membre de notre équipe l\'examine personnellement et vous répond dans les meilleurs délais.',
    'We have received your message. A member of our team is looking at it personally and will reply as soon as possible.')];
  if (ctx.intent === 'safety_incident') {
    paragraphs.push(pick(ctx.lang,
      'Par précaution, nous vous demandons de ne plus utiliser l\'article et de le laisser débranché en attendant notre réponse.',
      'As a precaution, please do not use the item and keep it unplugged until you hear from us.'));
  }
  if (ASK_FOR_DETAILS.includes(ctx.intent) && !ctx.order) {
    paragraphs.push(pick(ctx.lang,
      'Pour nous aider à vous répondre, pourriez-vous nous préciser le numéro de la commande concernée et le problème rencontré ?',
      'To help us answer, could you tell us the number of the order concerned and what the problem is?'));
  }
  const hours = typeof ctx.policies['business_hours'] === 'string' ? (ctx.policies['business_hours'] as string) : null;
  // Opening hours are written in French in shop data; an English reply leaves them out rather than mix languages.
  if (hours && ctx.lang === 'fr') paragraphs.push(`Notre service client est joignable : ${hours}.`);
  return { subject: pick(ctx.lang, 'Votre message à ' + ctx.policies.shop_name, 'Your message to ' + ctx.policies.shop_name), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const holdingTemplate: ReplyTemplate = { id: 'holding', version: '1.0.0', intents: ['other'], render };
