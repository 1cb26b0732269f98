/**
 * Sending one reply, at most once per send key.
 *
 *   beginSend (claims the key in sent_mail, with the body's fingerprint) ─ already accepted? → return the earlier
 *        │                                                               result, send nothing
 *   linkSentMessageId (our Message-ID → the email's conversation, before the SMTP call: a customer who answers our
 *        │             reply joins the conversation even when their client names only our Message-ID)
 *        └─ SMTP (deterministic Message-ID, In-Reply-To, References, Auto-Submitted, X-Replique-Send-Key, attachments)
 *             ├─ accepted → markSendAccepted
 *             └─ refused  → markSendFailed, throw SmtpSendError (4xx/connection: retryable; 5xx: not)
 *
 * The gap no SMTP client can close: the server may have accepted the reply when the attempt cannot say so — the
 * worker died between the server's 250 and markSendAccepted, the database was gone at that moment, or the
 * connection dropped (or timed out) after the message was handed over and before the server's reply. Sending
 * again would answer the customer twice (smtp servers do not deduplicate by Message-ID). So such a send is never
 * repeated automatically: the claim stays 'sending' and SendOutcomeUnknownError tells the caller to hand the
 * email to a person, who checks the outgoing server's log for the Message-ID. At most once, never twice.
 */
import { createHash } from 'node:crypto';
import type { Address } from '../../domain/types';
import { replyFingerprint } from '../../mail/reply-fingerprint';
import { createLogger, maskEmailAddresses } from '../../logger';
import type { Queryable } from '../pg/pool';
import { linkSentMessageId } from '../pg/conversations';
import { beginSend, markSendAccepted, markSendFailed, rearmSend } from '../pg/sent-mail';
import { classifySmtpError, type SmtpSendError } from './smtp-errors';
import type { SmtpTransport } from './smtp-transport';

const log = createLogger('adapter.smtp');

export interface SendReplyDeps {
  db: Queryable;
  transport: SmtpTransport;
}

export interface SendReplyInput {
  /** Idempotency key of this send (derived from the email and the step). */
  sendKey: string;
  emailKey: string;
  from: string | Address;
  to: string | Address;
  subject: string;
  text: string;
  /** The same reply as HTML (it carries the reply's clickable links); text only when absent. */
  html?: string;
  /** Message-ID of the email we answer (with or without angle brackets). */
  inReplyTo: string | null;
  references: string[];
  /** Automatic replies carry `Auto-Submitted: auto-replied` (RFC 3834); a person's reply does not. */
  autoSubmitted: boolean;
  /** Our deterministic Message-ID for this reply (with or without angle brackets). */
  messageId: string;
  /** Files sent with the reply (an invoice PDF). */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export interface SendReplyResult {
  /** Without angle brackets. */
  messageId: string;
  /** False when an earlier attempt with this send key had already been accepted: nothing was sent now. */
  sentNow: boolean;
  /** The server's reply to DATA (addresses masked); null when not sent now and not known. */
  smtpResponse: string | null;
}

/** The reply may or may not have been accepted by the SMTP server: it must not be sent again automatically. */
export class SendOutcomeUnknownError extends Error {
  override readonly name = 'SendOutcomeUnknownError';
  constructor(
    readonly sendKey: string,
    readonly messageId: string,
    why: string,
  ) {
    super(`the outcome of an earlier send is unknown (${why}); not sent again`);
  }
}

/**
 * A failure without an SMTP reply, after the connection was open: the message may have been handed over and
 * accepted before the connection broke. A refused or unresolvable connection, or any SMTP reply, is certain.
 */
function outcomeUncertain(failure: SmtpSendError): boolean {
  if (failure.responseCode !== null) return false;
  const cause = failure.cause as { syscall?: unknown; message?: unknown } | undefined;
  if (cause?.syscall === 'connect' || cause?.syscall === 'getaddrinfo') return false;
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN/.test(String(cause?.message ?? failure.message))) return false;
  return failure.code === 'ECONNECTION' || failure.code === 'ETIMEDOUT' || failure.code === 'ESOCKET' || failure.code === 'ECONNRESET';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records an acceptance we know of, through a short database outage (a restart takes seconds). */
async function recordAccepted(db: Queryable, sendKey: string, smtpResponse: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await markSendAccepted(db, sendKey, smtpResponse);
      return;
    } catch (error) {
      if (attempt >= 8) throw error;
      log.warn({ err: error, sendKey, attempt }, 'could not record an accepted send yet; retrying');
      await sleep(Math.min(8_000, 250 * 2 ** attempt));
    }
  }
}

const bare = (id: string): string => id.trim().replace(/^<|>$/g, '');
const bracketed = (id: string): string => `<${bare(id)}>`;

function addressOf(value: string | Address): string {
  if (typeof value !== 'string') return value.address;
  const inAngles = /<([^<>]+)>/.exec(value);
  return (inAngles ? inAngles[1]! : value).trim();
}

/** Hex sha256 of the lower-cased address: how sent_mail records the recipient. */
export function addressHash(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest('hex');
}

export async function sendReply(deps: SendReplyDeps, input: SendReplyInput): Promise<SendReplyResult> {
  const to = addressOf(input.to);
  const claim = await beginSend(deps.db, {
    sendKey: input.sendKey,
    emailKey: input.emailKey,
    messageId: bare(input.messageId),
    toAddressHash: addressHash(to),
    bodyFingerprint: replyFingerprint(bare(input.messageId), input.text),
  });
  // A retry sends with the Message-ID of the first claim, so a receiver can fold an accidental second copy.
  const messageId = claim.messageId;
  await linkSentMessageId(deps.db, { emailKey: input.emailKey, messageId });
  if (claim.status === 'accepted') {
    log.info({ emailKey: input.emailKey, sendKey: input.sendKey }, 'reply already accepted earlier; not sent again');
    return { messageId, sentNow: false, smtpResponse: claim.smtpResponse ?? null };
  }
  if (claim.status === 'sending' && !claim.inserted) {
    log.error({ emailKey: input.emailKey, sendKey: input.sendKey }, 'an earlier send attempt ended without a recorded outcome; not sending again');
    throw new SendOutcomeUnknownError(input.sendKey, messageId, 'an earlier attempt ended without recording it');
  }
  if (claim.status === 'failed') await rearmSend(deps.db, input.sendKey, replyFingerprint(messageId, input.text));

  const headers: Record<string, string> = { 'X-Replique-Send-Key': input.sendKey };
  if (input.autoSubmitted) {
    headers['Auto-Submitted'] = 'auto-replied';
    // Asks Exchange/Outlook not to answer our automatic reply with an automatic reply of its own.
    headers['X-Auto-Response-Suppress'] = 'All';
  }
  const references = input.references.map(bracketed);

  let info;
  try {
    info = await deps.transport.sendMail({
      from: input.from,
      to: input.to,
      subject: input.subject,
      text: input.text,
      ...(input.html ? { html: input.html } : {}),
      messageId: bracketed(messageId),
      ...(input.inReplyTo ? { inReplyTo: bracketed(input.inReplyTo) } : {}),
      ...(references.length > 0 ? { references } : {}),
      ...(input.attachments?.length
        ? { attachments: input.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) }
        : {}),
      headers,
    });
  } catch (error) {
    const failure = classifySmtpError(error);
    if (outcomeUncertain(failure)) {
      // The claim stays 'sending': any later attempt sees the same uncertainty.
      log.error({ err: failure, emailKey: input.emailKey, sendKey: input.sendKey }, 'SMTP connection lost without a reply; outcome unknown, not sending again');
      throw new SendOutcomeUnknownError(input.sendKey, messageId, failure.message);
    }
    // The SMTP verdict matters more than the bookkeeping: a failed write is logged, the SMTP error is thrown.
    await markSendFailed(deps.db, input.sendKey, failure.message).catch((dbError: unknown) => {
      log.error({ err: dbError, sendKey: input.sendKey }, 'could not record the failed send');
    });
    log.warn({ err: failure, emailKey: input.emailKey, sendKey: input.sendKey }, 'reply not accepted by SMTP server');
    throw failure;
  }
  const smtpResponse = maskEmailAddresses(info.response ?? '');
  await recordAccepted(deps.db, input.sendKey, smtpResponse);
  log.info({ emailKey: input.emailKey, sendKey: input.sendKey, autoSubmitted: input.autoSubmitted }, 'reply accepted by SMTP server');
  return { messageId, sentNow: true, smtpResponse };
}
