/**
 * Validation of a template version before it is saved (zod): every phrase of the catalogue, in French and English,
 * non-empty, and each `{variable}` one the phrase may use (a verified fact recorded at that point). An unknown
 * variable, or a known one that is not a verified fact where the phrase is said, is refused with the phrase's name.
 */
import { z } from 'zod';
import { BUILTIN_TEMPLATE_WORDING, PHRASE_KEYS, PHRASES, VARIABLES, type PhraseKey, type TemplateWording } from './phrase-catalogue';

/** `{name}` in a phrase text. Braces are reserved for variables. */
export const VARIABLE_PATTERN = /\{([^{}]*)\}/g;
/** `[…]`: an optional part, said only when each of its variables has a value. Square brackets are reserved for it. */
export const OPTIONAL_PART_PATTERN = /\[([^[\]]*)\]/g;
/** An optional part (group 1) or a variable outside one (group 2), in text order. */
export const PART_OR_VARIABLE_PATTERN = /\[([^[\]]*)\]|\{([^{}]*)\}/g;

/** Line ends as in the shipped texts (a browser's textarea sends CRLF), no blank edges. */
const phraseText = z.string().transform((s) => s.replace(/\r\n?/g, '\n').trim()).pipe(z.string().min(1).max(2000));
const phrase = z.strictObject({ fr: phraseText, en: phraseText });

export const templateWordingSchema = z.strictObject({
  phrases: z.strictObject(Object.fromEntries(PHRASE_KEYS.map((k) => [k, phrase])) as Record<PhraseKey, typeof phrase>),
}).superRefine((body, ctx) => {
  for (const key of PHRASE_KEYS) {
    const allowed: readonly string[] = PHRASES[key].vars;
    for (const lang of ['fr', 'en'] as const) {
      const text = body.phrases[key][lang];
      const path = ['phrases', key, lang];
      const stripped = text.replace(VARIABLE_PATTERN, '');
      if (stripped.includes('{') || stripped.includes('}')) {
        ctx.addIssue({ code: 'custom', path, message: 'a lone brace: braces only surround a variable, as in {prenom}' });
      }
      for (const [part] of text.matchAll(OPTIONAL_PART_PATTERN)) {
        if (!/\{[^{}]*\}/.test(part)) ctx.addIssue({ code: 'custom', path, message: `an optional part without a variable: ${part} (it is said only when its variables have a value)` });
      }
      const unbracketed = text.replace(OPTIONAL_PART_PATTERN, '');
      if (unbracketed.includes('[') || unbracketed.includes(']')) {
        ctx.addIssue({ code: 'custom', path, message: 'a lone or nested square bracket: brackets only surround an optional part, as in [ avec {transporteur}]' });
      }
      for (const [, name] of text.matchAll(VARIABLE_PATTERN)) {
        if (!(name! in VARIABLES)) {
          ctx.addIssue({ code: 'custom', path, message: `unknown variable {${name}}: the variables are ${Object.keys(VARIABLES).map((v) => `{${v}}`).join(', ')}` });
        } else if (!allowed.includes(name!)) {
          ctx.addIssue({
            code: 'custom', path,
            message: `{${name}} is not a verified fact where this phrase is said; it may use ${allowed.length ? allowed.map((v) => `{${v}}`).join(', ') : 'no variable'}`,
          });
        }
      }
    }
  }
}) satisfies z.ZodType<TemplateWording>;

export class WordingInvalidError extends Error {
  override readonly name = 'WordingInvalidError';
}

export function validateTemplateWording(body: unknown): TemplateWording {
  const result = templateWordingSchema.safeParse(body);
  if (!result.success) throw new WordingInvalidError(z.prettifyError(result.error));
  return result.data;
}

/**
 * A stored version as the worker, the preview and the activation check read it: a phrase that joined the catalogue
 * after the version was saved is said with its shipped words, and a phrase no longer in the catalogue is
 * left out. Saving still needs every phrase (validateTemplateWording).
 */
export function readStoredTemplateWording(body: unknown): TemplateWording {
  const stored = (body as { phrases?: Record<string, unknown> } | null)?.phrases ?? {};
  const phrases = Object.fromEntries(PHRASE_KEYS.map((k) => [k, Object.hasOwn(stored, k) ? stored[k] : BUILTIN_TEMPLATE_WORDING.phrases[k]]));
  return templateWordingSchema.parse({ phrases });
}
