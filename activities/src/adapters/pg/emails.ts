/**
 * One row per inbound email, keyed by its dedup key: where it came from, its workflow, its state as the
 * workflow last reported it, and the EmailCase (the case file, PII) once triage has built it, sealed with the
 * email's data key (../vault/field-vault.ts). What SQL looks up is beside it: the sender's and the thread's hashes,
 * the CRM customer id.
 */
import { threadKeyOf } from '../../triage/auto-reply-window';
import { addressHash, messageIdHashOrNull } from '../../domain/email-key';
import type { EmailCase, EmailState, Intent, Route } from '../../domain/types';
import type { FieldVault } from '../vault/field-vault';
import type { Queryable } from './pool';
import { changeWithAudit, type AuditOfChange, type ChangeRider } from './audit-log';

export { EMAIL_STATES, type EmailState } from '../../domain/types';

export interface EmailRow {
  emailKey: string;
  rawId: string;
  mailbox: string;
  messageIdHash: string | null;
  workflowId: string;
  conversationId: string | null;
  state: EmailState;
  stateReason: string | null;
  route: Route | null;
  intent: Intent | null;
  createdAt: Date;
  updatedAt: Date;
}

export class EmailNotFoundError extends Error {
  constructor(emailKey: string) {
    super(`no email with key ${emailKey}`);
    this.name = 'EmailNotFoundError';
  }
}

const EMAIL_COLUMNS = `email_key as "emailKey", raw_id as "rawId", mailbox, message_id_hash as "messageIdHash",
  workflow_id as "workflowId", conversation_id as "conversationId", state, state_reason as "stateReason", route,
  intent, created_at as "createdAt", updated_at as "updatedAt"`;

/** Registers an email once; a second call with the same key changes nothing and says so. */
export async function registerEmail(
  db: Queryable,
  input: { emailKey: string; rawId: string; mailbox: string; messageIdHash: string | null; workflowId: string },
): Promise<{ inserted: boolean }> {
  const { rowCount } = await db.query(
    `insert into emails (email_key, raw_id, mailbox, message_id_hash, workflow_id) values ($1, $2, $3, $4, $5)
     on conflict (email_key) do nothing`,
    [input.emailKey, input.rawId, input.mailbox, input.messageIdHash, input.workflowId],
  );
  return { inserted: rowCount === 1 };
}

/**
 * Updates the email's row; with `audit`, its audit row is written by the same statement (changeWithAudit). `extraWhere`
 * (over parameters after `values`) narrows the update: no row changed then throws only when `extraWhere` is absent.
 * Returns how many rows changed.
 */
async function updateOne(
  db: Queryable, emailKey: string, set: string, values: unknown[], audit?: AuditOfChange | AuditOfChange[],
  extraWhere?: { sql: string; values: unknown[] }, riders: ChangeRider[] = [],
): Promise<number> {
  if (riders.length && !audit) throw new Error('a write riding on an email change needs its audit row');
  const where = extraWhere ? ` and ${extraWhere.sql}` : '';
  const change = {
    sql: `update emails set ${set}, updated_at = now() where email_key = $1${where} returning email_key`,
    values: [emailKey, ...values, ...(extraWhere?.values ?? [])],
  };
  const changed = audit ? await changeWithAudit(db, change, audit, riders) : (await db.query(change.sql, change.values)).rowCount;
  if (changed !== 1 && !extraWhere) throw new EmailNotFoundError(emailKey);
  return changed ?? 0;
}

/**
 * Sets the state; a `route` given also replaces the recorded one (a follow-up turns `auto` into `review`).
 * `reviewDueAt`: when a `waiting_review` email escalates (its SLA deadline); any other state clears it.
 */
export async function setEmailState(
  db: Queryable, emailKey: string, state: EmailState, reason?: string | null, route?: Route | null, audit?: AuditOfChange,
  reviewDueAt?: string | null,
): Promise<void> {
  await updateOne(
    db, emailKey, 'state = $2, state_reason = $3, route = coalesce($4, route), review_due_at = $5',
    [state, reason ?? null, route ?? null, state === 'waiting_review' ? reviewDueAt ?? null : null], audit,
  );
}

export async function saveCase(
  db: Queryable, vault: FieldVault, emailKey: string, emailCase: EmailCase, audit?: AuditOfChange,
): Promise<void> {
  await writeSealedCase(db, emailKey, await vault.sealJson({ emailKey }, emailCase), emailCase, { audit });
}

/** What a case file's save may write besides it: its audit rows (in order), the route and intent the route stage decided. */
export interface CaseWrite {
  audit?: AuditOfChange | AuditOfChange[];
  routed?: { route: Route | null; intent: Intent | null };
  /** Only when the stored case file is still the one with this SHA-256 (the one this process wrote last: case-files.ts). */
  ifSealedSha256?: Buffer;
  /** Rows written by the same statement, only if the case file is (the stage's draft, the route's decision); needs `audit`. */
  riders?: ChangeRider[];
}

/**
 * Writes a case file already sealed (with the columns SQL looks up, taken from the case). With `ifSealedSha256`, it
 * returns false, changing nothing, when the stored case file is another; without it, the email must exist
 * (EmailNotFoundError).
 */
export async function writeSealedCase(
  db: Queryable, emailKey: string, sealed: Buffer, emailCase: EmailCase, write: CaseWrite = {},
): Promise<boolean> {
  const parsed = emailCase.parsed as Partial<EmailCase['parsed']> | undefined; // a case file may be partial (tests)
  const threadHashes = [messageIdHashOrNull(parsed?.references?.[0]), messageIdHashOrNull(parsed?.messageId)].filter((h) => h !== null);
  const sender = parsed?.from?.address;
  // The auto-reply limits' clock and thread (triage/auto-reply-window.ts): the Date header and the thread key's hash.
  const threadKey = parsed?.references ? threadKeyOf({ references: parsed.references, inReplyTo: parsed.inReplyTo ?? null, messageId: parsed.messageId ?? null }) : null;
  const values: unknown[] = [sealed, sender ? addressHash(sender) : null, threadHashes, emailCase.enrichment?.customerId ?? null,
    parsed?.date ?? null, messageIdHashOrNull(threadKey)];
  let set = 'email_case = $2, sender_hash = $3, thread_hashes = $4, customer_id = $5, email_date = $6, thread_key_hash = $7';
  if (write.routed) {
    set += ', route = $8, intent = $9';
    values.push(write.routed.route, write.routed.intent);
  }
  const { ifSealedSha256 } = write;
  const changed = await updateOne(
    db, emailKey, set, values, write.audit,
    ifSealedSha256 ? { sql: `sha256(email_case) = $${values.length + 2}`, values: [ifSealedSha256] } : undefined, write.riders,
  );
  return changed === 1;
}

export async function loadCase(db: Queryable, vault: FieldVault, emailKey: string): Promise<EmailCase | null> {
  const { rows } = await db.query<{ email_case: Buffer | null }>(
    'select email_case from emails where email_key = $1', [emailKey],
  );
  return vault.openJson<EmailCase>(rows[0]?.email_case ?? null);
}

export async function setRouteAndIntent(
  db: Queryable, emailKey: string, values: { route: Route | null; intent: Intent | null }, audit?: AuditOfChange,
): Promise<void> {
  await updateOne(db, emailKey, 'route = $2, intent = $3', [values.route, values.intent], audit);
}

export async function getEmail(db: Queryable, emailKey: string): Promise<EmailRow | null> {
  const { rows } = await db.query<EmailRow>(`select ${EMAIL_COLUMNS} from emails where email_key = $1`, [emailKey]);
  return rows[0] ?? null;
}

/** Newest first; optionally only those in one state. */
export async function listEmails(db: Queryable, filter: { state?: EmailState; limit: number }): Promise<EmailRow[]> {
  const { rows } = await db.query<EmailRow>(
    `select ${EMAIL_COLUMNS} from emails where ($1::text is null or state = $1)
     order by created_at desc, email_key limit $2`,
    [filter.state ?? null, filter.limit],
  );
  return rows;
}

/**
 * Records that `emailKey` is a follow-up taken by the workflow of `parentKey`: state `threaded`, `followup_of`.
 * `onlyIfReceived` (the starter) leaves an email alone once a workflow of its own has given it another state.
 */
export async function markThreaded(
  db: Queryable, input: { emailKey: string; parentKey: string; onlyIfReceived: boolean },
): Promise<void> {
  await db.query(
    `update emails set state = 'threaded', state_reason = 'customer_follow_up', followup_of = $2, updated_at = now()
     where email_key = $1 and (not $3 or state = 'received')`,
    [input.emailKey, input.parentKey, input.onlyIfReceived],
  );
}

export interface FollowUpRow {
  emailKey: string;
  /** The customer's new text (cleaned), once the parent's workflow has read it; PII. */
  text: string | null;
  intent: string | null;
  createdAt: Date;
}

/** The follow-ups the workflow of `emailKey` took, oldest first. */
export async function followUpsOf(db: Queryable, vault: FieldVault, emailKey: string): Promise<FollowUpRow[]> {
  const { rows } = await db.query<{ emailKey: string; emailCase: Buffer | null; createdAt: Date }>(
    `select email_key as "emailKey", email_case as "emailCase", created_at as "createdAt"
     from emails where followup_of = $1 and state = 'threaded' order by created_at, email_key`,
    [emailKey],
  );
  return Promise.all(rows.map(async (row) => {
    const followUp = await vault.openJson<EmailCase>(row.emailCase);
    return {
      emailKey: row.emailKey, text: followUp?.cleaned?.clean ?? null, intent: followUp?.classification?.intent ?? null,
      createdAt: row.createdAt,
    };
  }));
}
