/**
 * Customer text that travels through Temporal (a reviewer's edit, note and override reason; the checks' messages that
 * quote an edited text) as a *sealed text token* instead of the text: `rq-sealed:v1:<base64 of a sealed field>`,
 * sealed with the email's data key like the Postgres columns (sealed-field.ts). The shared payload codec still
 * encrypts the whole payload; the token adds the customer's own key inside it, so erasing the customer (destroying
 * that key) leaves their text in workflow histories unreadable too, although the payload key decodes the history.
 *
 * The services seal what they send to a workflow; the activities open what they are given. A value that is not a
 * token (a decision sent with the `temporal` CLI, a history from before tokens, a process without a KEK) is taken as
 * it is. Blank text and text with a NUL byte are never sealed: the workflow's validator must still see them.
 */
import type { FieldVault, SealOwner } from './field-vault';

export const SEALED_TEXT_PREFIX = 'rq-sealed:v1:';

export function isSealedText(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_TEXT_PREFIX);
}

/** The token of a text, sealed with the owner's data key; the text itself when there is nothing to seal or no KEK. */
export async function sealText(vault: FieldVault, owner: SealOwner, text: string): Promise<string>;
export async function sealText(vault: FieldVault, owner: SealOwner, text: string | undefined): Promise<string | undefined>;
export async function sealText(vault: FieldVault, owner: SealOwner, text: string | undefined): Promise<string | undefined> {
  if (text === undefined || !vault.encrypts || !text.trim() || text.includes('\u0000') || isSealedText(text)) return text;
  return SEALED_TEXT_PREFIX + (await vault.seal(owner, text)).toString('base64');
}

/** The text of a token (ErasedFieldError when its key was destroyed); any other value as it is. */
export async function openText(vault: FieldVault, value: string): Promise<string>;
export async function openText(vault: FieldVault, value: string | undefined): Promise<string | undefined>;
export async function openText(vault: FieldVault, value: string | null | undefined): Promise<string | null | undefined>;
export async function openText(vault: FieldVault, value: string | null | undefined): Promise<string | null | undefined> {
  if (!isSealedText(value)) return value;
  return (await vault.openText(Buffer.from(value.slice(SEALED_TEXT_PREFIX.length), 'base64')))!;
}

/** The same object with every sealed text token in it (at any depth) opened. */
export async function openTextsIn<T>(vault: FieldVault, value: T): Promise<T> {
  if (isSealedText(value)) return (await openText(vault, value)) as T;
  if (Array.isArray(value)) return (await Promise.all(value.map((v) => openTextsIn(vault, v)))) as T;
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await openTextsIn(vault, v)] as const));
    return Object.fromEntries(entries) as T;
  }
  return value;
}
