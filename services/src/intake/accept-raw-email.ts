/**
 * The intake core, shared by HTTP and IMAP: store the raw bytes first (once, by hash), then publish the
 * reference on `email.inbound`. Nothing is lost: if publishing fails, the caller gets the error and retries;
 * the store is idempotent, so the retry finds the row and publishes again. A duplicate (same bytes again) is
 * published again too — the earlier publish may be the one that failed — and the starter drops it, because the
 * emailKey, hence the workflow ID, is the same.
 */
import { trace } from '@opentelemetry/api';
import { emailKeyFor, extractMessageIdHeader, rawSha256, threadHashesOf } from '@replique/activities/domain/email-key';
import type { InboundSource } from '@replique/activities/domain/inbound-ref';
import type { EmailPublisher } from '@replique/activities/adapters/kafka/email-producer';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { intakeEmails } from '../metrics/replique-metrics';

export const DEFAULT_MAX_RAW_BYTES = 40 * 1024 * 1024;

export interface AcceptRawEmailDeps {
  db: Queryable;
  /** Seals the raw bytes with the data key of the message's sender. */
  vault: FieldVault;
  producer: EmailPublisher;
  /** Larger messages are refused (RawEmailTooLargeError). Default 40 MB. */
  maxRawBytes?: number;
  now?: () => Date;
}

export interface AcceptRawEmailInput {
  raw: Buffer;
  source: InboundSource;
  mailbox: string;
}

export interface AcceptedEmail {
  emailKey: string;
  rawId: string;
  /** True when these exact bytes were already stored. */
  duplicate: boolean;
}

/** A business refusal, not a fault: retrying will not help. `status` is the HTTP status to answer with. */
export class RawEmailRejectedError extends Error {
  override readonly name: string = 'RawEmailRejectedError';
  readonly retryable = false;
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class RawEmailTooLargeError extends RawEmailRejectedError {
  override readonly name = 'RawEmailTooLargeError';
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`raw email is ${size} bytes; the limit is ${limit} bytes`, 413);
  }
}

export async function acceptRawEmail(deps: AcceptRawEmailDeps, input: AcceptRawEmailInput): Promise<AcceptedEmail> {
  const limit = deps.maxRawBytes ?? DEFAULT_MAX_RAW_BYTES;
  if (input.raw.length === 0) throw new RawEmailRejectedError('raw email is empty', 400);
  if (input.raw.length > limit) throw new RawEmailTooLargeError(input.raw.length, limit);

  const emailKey = emailKeyFor(input.mailbox, extractMessageIdHeader(input.raw), rawSha256(input.raw));
  trace.getActiveSpan()?.setAttribute('replique.email_key', emailKey);
  // The intake's audit row, also an event of `email.events` (queued in the outbox; the worker's relay publishes it):
  // a message stored for the first time gets its `accepted` row from its insert's own statement (one transaction), so
  // it precedes every row of the email's workflow in the trail.
  const data = { source: input.source, size: input.raw.length };
  const stored = await storeRawEmail(
    deps.db, deps.vault, { raw: input.raw, source: input.source, mailbox: input.mailbox }, { emailKey, data },
  );
  const rawId = String(stored.rawId);
  const at = (deps.now?.() ?? new Date()).toISOString();
  await deps.producer.publishInbound({
    emailKey, rawId, mailbox: input.mailbox, source: input.source, receivedAt: at,
    ...threadHashesOf(input.raw),
  });
  const duplicate = !stored.inserted;
  intakeEmails.inc({ source: input.source, outcome: duplicate ? 'duplicate' : 'accepted' });
  // A duplicate delivery (these bytes stored already) has a row of its own, after its publish: if this write fails, the
  // caller retries and the retry writes one.
  if (duplicate) {
    await appendAudit(deps.db, { emailKey, stage: 'intake', event: 'duplicate', data: { ...data, rawId }, publish: true });
  }
  return { emailKey, rawId, duplicate };
}

