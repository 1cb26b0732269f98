/**
 * Says a phrase of the template version in force: its text in the reply's language with each `{variable}` bound to a
 * verified value (the fact sheet's shown form, verified CRM / shop data, or a value the template gives: a catalogue
 * name, another phrase it has said). A variable with no verified value stops the draft (WordingFactMissing): the draft
 * stage then writes the shipped wording and sends the draft to review. An optional part `[…]` is said only when every
 * variable in it has a value ("a été expédiée[ le {dateexpedition}][ avec {transporteur}]").
 */
import type { ReplyContext } from '../reply-context';
import type { FactSheet } from '../templates/template-kit';
import { statusWord } from '../shop-format';
import { BUILTIN_WORDING, VARIABLES, type PhraseKey, type VariableName, type VariableSource } from './phrase-catalogue';
import { PART_OR_VARIABLE_PATTERN, VARIABLE_PATTERN } from './template-wording-schema';

export class WordingFactMissing extends Error {
  override readonly name = 'WordingFactMissing';
  constructor(readonly phrase: string, readonly variable: string) {
    super(`phrase ${phrase} uses {${variable}}, which has no verified value for this email`);
  }
}

/**
 * Values the template gives for this saying: a catalogue name or price, another phrase, or a fact it states only when
 * present (null or undefined: no value, so an optional part is left out). They override the catalogue's own source.
 */
export type GivenValues = Partial<Record<VariableName, string | null | undefined>>;

function dayCount(n: number, lang: ReplyContext['lang']): string {
  const one = n === 1 || (lang === 'fr' && n === 0);
  return `${n} ${lang === 'fr' ? (one ? 'jour' : 'jours') : (one ? 'day' : 'days')}`;
}

function valueOf(source: VariableSource, ctx: ReplyContext, f: FactSheet | null): string | null {
  if ('given' in source) return null;
  if ('context' in source) {
    if (source.context === 'customer_first_name') return ctx.customer?.first_name?.trim() || null;
    if (source.context === 'shop_name') return ctx.policies.shop_name || null;
    return ctx.policies.support_address || null;
  }
  const fact = f?.facts[source.fact];
  if (fact === undefined || fact === null || fact === '') return null;
  if (source.show === 'status_word') return statusWord(String(fact), ctx.lang);
  if (source.show === 'day_count') return dayCount(Number(fact), ctx.lang);
  return f!.display[source.fact] ?? null;
}

export function say(ctx: ReplyContext, key: PhraseKey, f: FactSheet | null = null, given: GivenValues = {}): string {
  const text = (ctx.wording ?? BUILTIN_WORDING).wording.phrases[key][ctx.lang];
  const lookup = (name: string): string | null => {
    if (Object.hasOwn(given, name)) return given[name as VariableName] || null;
    const source = (VARIABLES as Record<string, VariableSource>)[name];
    return source ? valueOf(source, ctx, f) : null;
  };
  const bound = (name: string): string => {
    const value = lookup(name);
    if (value === null) throw new WordingFactMissing(key, name);
    return value;
  };
  const fill = (part: string): string => part.replace(VARIABLE_PATTERN, (_, name: string) => bound(name));
  // One pass over the text: a value is never read again as wording.
  return text.replace(PART_OR_VARIABLE_PATTERN, (_, part: string | undefined, name: string | undefined) => {
    if (part === undefined) return bound(name!);
    return [...part.matchAll(VARIABLE_PATTERN)].every(([, v]) => lookup(v!) !== null) ? fill(part) : '';
  });
}
