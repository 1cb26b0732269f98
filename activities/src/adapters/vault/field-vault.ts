/**
 * The one encryption layer of the Postgres adapters: seals customer text with its data subject's data key and opens
 * it again. A data subject is the sender of the message an email was read from (its address, by hash); every field of
 * that email (case file, drafts, edits, reviewer notes, ratings, reply documents) uses the key its message got at
 * intake. Data keys are created on first use, stored wrapped by the KEK (`KeyWrapper`), and kept unwrapped in memory
 * for `cacheTtlMs`. An erasure in another process drops these caches within milliseconds (erasure-notices.ts: a
 * notification at its commit); the cache lifetime bounds it when the notification is lost (so for the mapping of a
 * subject or an email to its key).
 *
 * Without a KeyWrapper (no DATA_KEKS), `seal` writes plaintext (the process warns at start) and `open` still reads
 * plaintext, but a sealed value then fails with an error naming the missing configuration.
 */
import { randomBytes } from 'node:crypto';
import { addressHash, extractFromAddress, rawSha256 } from '../../domain/email-key';
import {
  dataKeyById, dataKeyOfSubject, existingKeyOfSubject, rawKeyOfEmail, setRawDataKey, type DataKeyRow,
} from '../pg/data-keys';
import { EmailNotFoundError } from '../pg/emails';
import type { Queryable } from '../pg/pool';
import type { KeyWrapper } from './key-wrapper';
import { isSealed, openWith, sealedKeyId, sealWith } from './sealed-field';

/** Whose key seals a field: an email's (its message's sender), or a data subject's directly (a message at intake). */
export type SealOwner = { emailKey: string } | { subjectHash: string };

export class ErasedFieldError extends Error {
  override readonly name = 'ErasedFieldError';
  constructor(readonly keyId: string) {
    super(`a field sealed with data key ${keyId} is erased: its key was destroyed`);
  }
}

export class VaultConfigError extends Error {
  override readonly name = 'VaultConfigError';
}

/** The data subject of a raw message: its sender's address hash, or the message's own hash when it has no sender. */
export function subjectOfRaw(raw: Buffer): string {
  const from = extractFromAddress(raw);
  return from ? addressHash(from) : `raw:${rawSha256(raw)}`;
}

const MAX_CACHED = 10_000;

export class FieldVault {
  private readonly keys = new Map<string, { key: Buffer; until: number }>();
  private readonly keyOfEmail = new Map<string, { id: string; until: number }>();
  private readonly keyOfSubject = new Map<string, { id: string; until: number }>();
  private readonly onForget = new Set<() => void>();
  private readonly cacheTtlMs: number;

  constructor(
    private readonly db: Queryable,
    private readonly wrapper: KeyWrapper | null,
    options: { cacheTtlMs?: number } = {},
  ) {
    this.cacheTtlMs = options.cacheTtlMs ?? 5 * 60_000;
  }

  /** False without a KEK: fields are written in clear. */
  get encrypts(): boolean {
    return this.wrapper !== null;
  }

  async seal(owner: SealOwner, plain: Buffer | string): Promise<Buffer> {
    const bytes = typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain;
    if (!this.wrapper) return bytes;
    const keyId = 'emailKey' in owner ? await this.keyIdOfEmail(owner.emailKey) : await this.keyIdOfSubject(owner.subjectHash);
    return sealWith(keyId, await this.key(keyId), bytes);
  }

  async sealText(owner: SealOwner, text: string | null): Promise<Buffer | null> {
    return text === null ? null : this.seal(owner, text);
  }

  async sealJson(owner: SealOwner, value: unknown): Promise<Buffer> {
    return this.seal(owner, JSON.stringify(value));
  }

  /** The plaintext of a sealed value, or the value itself when it is legacy plaintext. */
  async open(value: Buffer | null): Promise<Buffer | null> {
    if (value === null) return null;
    if (!isSealed(value)) return value;
    return openWith(await this.key(sealedKeyId(value)), value);
  }

  /**
   * `open`, given the data key's row as the caller read it with the value (one statement for both): a key not cached
   * is unwrapped from that row instead of being read again. A row of another key is ignored (read as `open` does).
   */
  async openWithKeyRow(value: Buffer | null, row: DataKeyRow | null): Promise<Buffer | null> {
    if (value === null) return null;
    if (!isSealed(value)) return value;
    const keyId = sealedKeyId(value);
    return openWith(row?.id === keyId ? await this.key(keyId, row) : await this.key(keyId), value);
  }

  async openText(value: Buffer | null): Promise<string | null> {
    return (await this.open(value))?.toString('utf8') ?? null;
  }

  async openJson<T>(value: Buffer | null): Promise<T | null> {
    const text = await this.openText(value);
    return text === null ? null : (JSON.parse(text) as T);
  }

  /** The data key id every field of this email is sealed with (its message's). */
  async keyIdOfEmail(emailKey: string): Promise<string> {
    const known = this.keyOfEmail.get(emailKey);
    if (known && known.until > Date.now()) return known.id;
    const row = await rawKeyOfEmail(this.db, emailKey);
    if (!row) throw new EmailNotFoundError(emailKey);
    let keyId = row.dataKeyId;
    if (keyId === null) {
      // A message stored before encryption: its key is chosen now, from its sender (the raw is still plaintext).
      const subject = row.raw ? subjectOfRaw(row.raw) : `raw:${row.sha256}`;
      keyId = await setRawDataKey(this.db, row.rawId, await this.keyIdOfSubject(subject));
    }
    this.remember(this.keyOfEmail, emailKey, keyId);
    return keyId;
  }

  /** What `keyIdOfEmail` would read: the data key id of the message the email was read from (raw_emails.data_key_id). */
  learnKeyOfEmail(emailKey: string, keyId: string): void {
    this.remember(this.keyOfEmail, emailKey, keyId);
  }

  /** The subject's data key id, the key created (and wrapped) when the subject has none. */
  async keyIdOfSubject(subjectHash: string): Promise<string> {
    const known = this.keyOfSubject.get(subjectHash);
    if (known && known.until > Date.now()) return known.id;
    const existing = await existingKeyOfSubject(this.db, subjectHash);
    const row = existing ?? await this.createKey(subjectHash);
    this.remember(this.keyOfSubject, subjectHash, row.id);
    return row.id;
  }

  /**
   * Drops every cached key, then every cache registered with `whenKeysForgotten` (an erasure in any process:
   * erasure-notices.ts; tests).
   */
  forgetKeys(): void {
    this.keys.clear();
    this.keyOfEmail.clear();
    this.keyOfSubject.clear();
    for (const drop of this.onForget) drop();
  }

  /** Runs `drop` whenever the cached keys are dropped: a cache of text opened with them goes with them (case files). */
  whenKeysForgotten(drop: () => void): void {
    this.onForget.add(drop);
  }

  private async createKey(subjectHash: string): Promise<DataKeyRow> {
    const wrapper = this.requireWrapper();
    const dataKey = randomBytes(32);
    const wrapped = await wrapper.wrap(dataKey, wrapContext(subjectHash));
    const row = await dataKeyOfSubject(this.db, { subjectHash, kekId: wrapped.kekId, wrappedKey: wrapped.wrapped });
    // Ours went in (not a concurrent writer's): the first seal needs no read of it back nor an unwrap (a KMS call).
    if (row.wrappedKey?.equals(wrapped.wrapped)) this.cacheKey(row.id, dataKey);
    return row;
  }

  /** The unwrapped key: cached, else unwrapped from `given` (its row, read by the caller) or from its row read now. */
  private async key(keyId: string, given?: DataKeyRow): Promise<Buffer> {
    const cached = this.keys.get(keyId);
    if (cached && cached.until > Date.now()) return cached.key;
    const wrapper = this.requireWrapper();
    const row = given ?? await dataKeyById(this.db, keyId);
    if (!row) throw new Error(`data key ${keyId} does not exist`);
    if (row.destroyedAt || !row.wrappedKey || !row.kekId) throw new ErasedFieldError(keyId);
    const key = await wrapper.unwrap({ kekId: row.kekId, wrapped: row.wrappedKey }, wrapContext(row.subjectHash));
    this.cacheKey(keyId, key);
    return key;
  }

  private cacheKey(keyId: string, key: Buffer): void {
    if (this.keys.size >= MAX_CACHED) this.keys.clear();
    this.keys.set(keyId, { key, until: Date.now() + this.cacheTtlMs });
  }

  private remember(map: Map<string, { id: string; until: number }>, key: string, id: string): void {
    if (map.size >= MAX_CACHED) map.clear();
    map.set(key, { id, until: Date.now() + this.cacheTtlMs });
  }

  private requireWrapper(): KeyWrapper {
    if (!this.wrapper) throw new VaultConfigError('a sealed field needs its data key, and no key encryption key is configured (DATA_KEKS or DATA_KEKS_FILE)');
    return this.wrapper;
  }
}

/** What a data key's wrapping is bound to (the KMS encryption context): its subject. */
export function wrapContext(subjectHash: string): string {
  return `subject:${subjectHash}`;
}


/** The data key a stored value was sealed with; null for plaintext. */
export function keyIdOfValue(value: Buffer): string | null {
  return isSealed(value) ? sealedKeyId(value) : null;
}
