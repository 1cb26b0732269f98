/**
 * Says a phrase of the template version in force: its text in the reply's language with each `{variable}` bound to a
 * verified value (the fact sheet's shown form, or verified CRM / shop data). A variable with no verified value stops
 * the draft (WordingFactMissing): the draft stage then writes the shipped wording and sends the draft to review.
 */
import type { ReplyContext } from '../reply-context';
import type { FactSheet } from '../templates/template-kit';
import { statusWord } from '../shop-format';
import { BUILTIN_WORDING, VARIABLES, type PhraseKey, type VariableSource } from './phrase-catalogue';
import { VARIABLE_PATTERN } from './template-wording-schema';

export class WordingFactMissing extends Error {
  override readonly name = 'WordingFactMissing';
  constructor(readonly phrase: string, readonly variable: string) {
    super(`phrase ${phrase} uses {${variable}}, which has no verified value for this email`);
  }
}

function valueOf(source: VariableSource, ctx: ReplyContext, f: FactSheet | null): string | null {
  if ('context' in source) {
    if (source.context === 'customer_first_name') return ctx.customer?.first_name?.trim() || null;
    if (source.context === 'shop_name') return ctx.policies.shop_name || null;
    return ctx.policies.support_address || null;
  }
  const fact = f?.facts[source.fact];
  if (fact === undefined || fact === null || fact === '') return null;
  if (source.show === 'status_word') return statusWord(String(fact), ctx.lang);
  return f!.display[source.fact] ?? null;
}

export function say(ctx: ReplyContext, key: PhraseKey, f: FactSheet | null = null): string {
  const text = (ctx.wording ?? BUILTIN_WORDING).wording.phrases[key][ctx.lang];
  return text.replace(VARIABLE_PATTERN, (_, name: string) => {
    const source = (VARIABLES as Record<string, VariableSource>)[name];
    const value = source ? valueOf(source, ctx, f) : null;
    if (value === null) throw new WordingFactMissing(key, name);
    return value;
  });
}
