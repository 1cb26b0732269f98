/**
 * Key encryption keys (KEKs): what wraps each customer's data key. The data keys live in Postgres only wrapped; the
 * KEK never does. `KeyWrapper` is the adapter interface a KMS implements in production (wrap = the KMS's Encrypt,
 * unwrap = its Decrypt, with `context` as its encryption context / additional authenticated data); `LocalKeyWrapper`
 * is the implementation over keys from configuration (DATA_KEKS or DATA_KEKS_FILE), AES-256-GCM via node:crypto.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One local KEK: its id (stored beside each wrapped key) and its 32 bytes. */
export interface KeyEncryptionKey {
  id: string;
  key: Buffer;
}

export interface WrappedKey {
  kekId: string;
  wrapped: Buffer;
}

export interface KeyWrapper {
  /** The KEK new data keys are wrapped with (and `replique keys rotate` re-wraps to). */
  readonly currentKekId: string;
  /** Wraps a data key under the current KEK. `context` is bound to it: unwrap needs the same. */
  wrap(dataKey: Buffer, context: string): Promise<WrappedKey>;
  /** Unwraps a data key; throws KeyUnwrapError when the KEK is unknown or is not the one that wrapped it. */
  unwrap(key: WrappedKey, context: string): Promise<Buffer>;
}

export class KeyUnwrapError extends Error {
  override readonly name = 'KeyUnwrapError';
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class LocalKeyWrapper implements KeyWrapper {
  private readonly keks: ReadonlyMap<string, Buffer>;
  readonly currentKekId: string;

  /** `keks[0]` wraps; every listed KEK unwraps (rotation: the new one first, the old ones until `keys rotate` ran). */
  constructor(keks: readonly KeyEncryptionKey[]) {
    const first = keks[0];
    if (!first) throw new Error('LocalKeyWrapper: at least one key encryption key');
    for (const { id, key } of keks) if (key.length !== 32) throw new Error(`key encryption key "${id}" must be 32 bytes`);
    this.keks = new Map(keks.map(({ id, key }) => [id, key]));
    this.currentKekId = first.id;
  }

  async wrap(dataKey: Buffer, context: string): Promise<WrappedKey> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keks.get(this.currentKekId)!, iv);
    cipher.setAAD(aad(this.currentKekId, context));
    const wrapped = Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
    return { kekId: this.currentKekId, wrapped };
  }

  async unwrap({ kekId, wrapped }: WrappedKey, context: string): Promise<Buffer> {
    const kek = this.keks.get(kekId);
    if (!kek) throw new KeyUnwrapError(`data key wrapped by key encryption key "${kekId}", which is not configured (DATA_KEKS)`);
    if (wrapped.length !== IV_BYTES + 32 + TAG_BYTES) throw new KeyUnwrapError(`wrapped data key of ${wrapped.length} bytes (KEK "${kekId}")`);
    const decipher = createDecipheriv(ALGORITHM, kek, wrapped.subarray(0, IV_BYTES));
    decipher.setAAD(aad(kekId, context));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new KeyUnwrapError(`data key could not be unwrapped with key encryption key "${kekId}" (another key under that id, or altered data)`);
    }
  }
}

const aad = (kekId: string, context: string): Buffer => Buffer.from(`replique-data-key\n${kekId}\n${context}`, 'utf8');

const KEK_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Parses `id:base64,id:base64,…` (32 bytes each: `openssl rand -base64 32`). Returns the keys or the problems, never
 * a key's value in a message.
 */
export function parseKekList(value: string): { keks: KeyEncryptionKey[]; problems: string[] } {
  const keks: KeyEncryptionKey[] = [];
  const problems: string[] = [];
  for (const item of value.split(/[,\n]/).map((part) => part.trim()).filter((part) => part !== '' && !part.startsWith('#'))) {
    const colon = item.indexOf(':');
    const id = colon > 0 ? item.slice(0, colon) : '';
    const key = Buffer.from(item.slice(colon + 1), 'base64');
    if (!KEK_ID.test(id)) problems.push(`key #${keks.length + problems.length + 1}: expected id:base64 with an id of [A-Za-z0-9._-]{1,64}`);
    else if (key.length !== 32) problems.push(`key "${id}": must be 32 bytes in base64 (openssl rand -base64 32)`);
    else if (keks.some((known) => known.id === id)) problems.push(`key "${id}" listed twice`);
    else keks.push({ id, key });
  }
  if (keks.length === 0 && problems.length === 0) problems.push('at least one key');
  return { keks, problems };
}
