/**
 * The case files of the emails this worker is analysing, kept between its stages. The decision stages of one email
 * run one after another (enrich → classify → retrieve → draft → check → route), each loading the case file the one
 * before saved: a select and a decryption of the same bytes the worker had just sealed (6 of an email's ~42
 * statements: docs/benchmarks/README.md). Kept here after each save (the JSON text, never the sealed bytes' key), a
 * stage starts from it without a read, and its save goes through only if the stored case file is still the one this
 * worker wrote (`sha256(email_case)`, in the save's own statement: no extra round trip). Any other writer — another
 * worker running a step of the same email, the body purge, erasure, re-sealing — changes those bytes, the save changes
 * nothing, and the stage runs again from Postgres (`runOnCase`). Nothing is trusted without that check, so a kept case
 * file is only ever used by a stage that saves.
 *
 * Bounded (`maxKept` case files and `maxKeptChars` of JSON, oldest out first; a case file larger than a tenth of that
 * is not kept) and short-lived (`ttlMs`, below the vault's key cache); `forget()` drops all, and it runs whenever the vault
 * drops its keys (an erasure in any process: ../vault/erasure-notices.ts).
 */
import { createHash } from 'node:crypto';
import type { EmailCase } from '../../domain/types';
import type { FieldVault } from '../vault/field-vault';
import type { AuditOfChange } from './audit-log';
import { loadCase, writeSealedCase, type CaseWrite } from './emails';
import type { Queryable } from './pool';

export interface CaseFilesOptions {
  ttlMs?: number;
  maxKept?: number;
  /** JSON characters kept at most, all case files together. */
  maxKeptChars?: number;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
}

interface Kept {
  json: string;
  sealedSha256: Buffer;
  until: number;
}

export class CaseFiles {
  private readonly kept = new Map<string, Kept>();
  private readonly ttlMs: number;
  private readonly maxKept: number;
  private readonly maxKeptChars: number;
  private keptChars = 0;
  private readonly now: () => number;

  constructor(private readonly db: Queryable, private readonly vault: FieldVault, options: CaseFilesOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxKept = options.maxKept ?? 500;
    this.maxKeptChars = options.maxKeptChars ?? 32_000_000;
    this.now = options.now ?? Date.now;
    vault.whenKeysForgotten(() => this.forget()); // an erasure: no text opened with a dropped key stays here
  }

  /** Read through (the kept copy is not used: a caller that does not save could not check it). */
  load(emailKey: string): Promise<EmailCase | null> {
    return loadCase(this.db, this.vault, emailKey);
  }

  /** Saves the case file (EmailNotFoundError when the email has no row) and keeps it for the next stage. */
  async save(emailKey: string, emailCase: EmailCase, audit?: AuditOfChange): Promise<void> {
    await this.write(emailKey, emailCase, { audit });
  }

  /**
   * Runs `step` on the email's case file and saves what it returns with `writeOf(result)` (its audit rows, …): on the
   * kept copy when there is one and the stored case file is still that one, else (or when the save finds it changed)
   * on the case file read from Postgres. `step` must be pure (a stage): it may run twice. Null when the email has no
   * case file.
   */
  async runOnCase<R extends { updated: EmailCase }>(
    emailKey: string, step: (emailCase: EmailCase) => Promise<R>, writeOf: (result: R) => Omit<CaseWrite, 'ifSealedSha256'>,
  ): Promise<R | null> {
    const kept = this.keptCase(emailKey);
    if (kept) {
      const result = await step(JSON.parse(kept.json) as EmailCase);
      if (await this.write(emailKey, result.updated, { ...writeOf(result), ifSealedSha256: kept.sealedSha256 })) return result;
    }
    const stored = await this.load(emailKey);
    if (!stored) return null;
    const result = await step(stored);
    await this.write(emailKey, result.updated, writeOf(result));
    return result;
  }

  /** Drops every kept case file. */
  forget(): void {
    this.kept.clear();
    this.keptChars = 0;
  }

  private keptCase(emailKey: string): Kept | null {
    const kept = this.kept.get(emailKey);
    if (!kept) return null;
    if (kept.until > this.now()) return kept;
    this.drop(emailKey);
    return null;
  }

  /** Seals and writes (only over `ifSealedSha256` when given); keeps what was written. False: the stored one differed. */
  private async write(emailKey: string, emailCase: EmailCase, write: CaseWrite): Promise<boolean> {
    this.drop(emailKey); // whatever happens below, the kept copy is no longer known to be the stored one
    const json = JSON.stringify(emailCase);
    const sealed = await this.vault.seal({ emailKey }, json);
    const written = await writeSealedCase(this.db, emailKey, sealed, emailCase, write);
    if (written) this.keep(emailKey, { json, sealedSha256: createHash('sha256').update(sealed).digest(), until: this.now() + this.ttlMs });
    return written;
  }

  private keep(emailKey: string, kept: Kept): void {
    if (kept.json.length > this.maxKeptChars / 10) return;
    while (this.kept.size >= this.maxKept || (this.kept.size > 0 && this.keptChars + kept.json.length > this.maxKeptChars)) {
      this.drop(this.kept.keys().next().value as string);
    }
    this.kept.set(emailKey, kept);
    this.keptChars += kept.json.length;
  }

  private drop(emailKey: string): void {
    const kept = this.kept.get(emailKey);
    if (!kept) return;
    this.kept.delete(emailKey);
    this.keptChars -= kept.json.length;
  }
}
