/**
 * The building blocks every reply template shares: the fact sheet that formats a verified value and records it at the
 * same time (so a draft's `facts` are exactly what its text states), greeting, signature and status wording.
 */
import type { DraftAttachment, Intent, OrderRecord } from '../../domain/types';
import type { ReplyContext } from '../reply-context';
import { formatAmount, formatDate, type ReplyLang } from '../shop-format';

export { statusWord } from '../shop-format';
import { say } from '../wording/say';
import type { PhraseKey } from '../wording/phrase-catalogue';

export type FactValue = string | number | boolean | null;

export interface TemplateOutput {
  subject: string;
  paragraphs: string[];
  facts: Record<string, FactValue>;
  /** The same facts as written in the text ("25 novembre 2026", "49,80 €"): what an LLM may copy. */
  display: Record<string, string>;
  offers: string[];
  /** Documents the reply carries (an invoice copy). */
  attachments?: DraftAttachment[];
}

export interface ReplyTemplate {
  id: string;
  version: string;
  intents: readonly Intent[];
  render(ctx: ReplyContext): TemplateOutput;
}

/** Formats verified values for the text and records each one under a label-style key. */
export class FactSheet {
  readonly facts: Record<string, FactValue> = {};
  readonly display: Record<string, string> = {};
  constructor(private readonly lang: ReplyLang, private readonly currency = 'EUR') {}

  date(key: string, iso: string): string {
    return this.record(key, iso, formatDate(iso, this.lang));
  }
  amount(key: string, value: number): string {
    return this.record(key, value, formatAmount(value, this.lang, this.currency));
  }
  text(key: string, value: string): string {
    return this.record(key, value, value);
  }
  number(key: string, value: number): number {
    this.record(key, value, String(value));
    return value;
  }
  note(key: string, value: FactValue): void {
    this.record(key, value, String(value));
  }
  private record(key: string, value: FactValue, shown: string): string {
    this.facts[key] = value;
    this.display[key] = shown;
    return shown;
  }
}


export function greeting(ctx: ReplyContext): string {
  return say(ctx, ctx.customer?.first_name?.trim() ? 'greeting.named' : 'greeting.anonymous');
}

export function signature(ctx: ReplyContext): string {
  return say(ctx, 'signature');
}

export function composeBody(ctx: ReplyContext, paragraphs: string[]): string {
  return [greeting(ctx), ...paragraphs.filter((p) => p.trim().length > 0), signature(ctx)].join('\n\n');
}


/** The order's subject line: "Votre commande CMD-10234" / "Your order CMD-10234", or the template's own (`generic`). */
export function orderSubject(ctx: ReplyContext, order: OrderRecord | null, generic: PhraseKey): string {
  return order ? say(ctx, 'order.subject', null, { numerocommande: order.number }) : say(ctx, generic);
}
