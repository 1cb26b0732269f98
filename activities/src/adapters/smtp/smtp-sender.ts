/**
 * Sending one reply, at most once per send key.
 *
 *   beginSend (claims the key in sent_mail) ─ already accepted? → return the earlier result, send nothing
 *        └─ SMTP (deterministic Message-ID, In-Reply-To, References, Auto-Submitted, X-Replique-Send-Key)
 *             ├─ accepted → markSendAccepted
 *             └─ refused  → markSendFailed, throw SmtpSendError (4xx/connection: retryable; 5xx: not)
 *
 * The one gap no SMTP client can close: a crash after the server accepted and before markSendAccepted. The
 * retry then sends again with the same Message-ID, which lets mail clients fold the two copies.
 */
import { createHash } from 'node:crypto';
import type { Address } from '../../domain/types';
import { createLogger, maskEmailAddresses } from '../../logger';
import type { Queryable } from '../pg/pool';
import { beginSend, markSendAccepted, markSendFailed } from '../pg/sent-mail';
import { classifySmtpError } from './smtp-errors';
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
  /** Message-ID of the email we answer (with or without angle brackets). */
  inReplyTo: string | null;
  references: string[];
  /** Automatic replies carry `Auto-Submitted: auto-replied` (RFC 3834); a person's reply does not. */
  autoSubmitted: boolean;
  /** Our deterministic Message-ID for this reply (with or without angle brackets). */
  messageId: string;
}

export interface SendReplyResult {
  /** Without angle brackets. */
  messageId: string;
  /** False when an earlier attempt with this send key had already been accepted: nothing was sent now. */
  sentNow: boolean;
  /** The server's reply to DATA (addresses masked); null when not sent now and not known. */
  smtpResponse: string | null;
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
  });
  // A retry sends with the Message-ID of the first claim, so a receiver can fold an accidental second copy.
  const messageId = claim.messageId;
  if (claim.status === 'accepted') {
    log.info({ emailKey: input.emailKey, sendKey: input.sendKey }, 'reply already accepted earlier; not sent again');
    return { messageId, sentNow: false, smtpResponse: claim.smtpResponse ?? null };
  }

  const headers: Record<string, string> = { 'X-Replique-Send-Key': input.sendKey };
  if (input.autoSubmitted) {
    headers['Auto-Submitted'] = 'auto-replied';
    // Asks Exchange/Outlook not to answer our automatic reply with an automatic reply of its own.
    headers['X-Auto-Response-Suppress'] = 'All';
  }
  const references = input.references.map(bracketed);

  try {
    const info = await deps.transport.sendMail({
      from: input.from,
      to: input.to,
      subject: input.subject,
      text: input.text,
      messageId: bracketed(messageId),
      ...(input.inReplyTo ? { inReplyTo: bracketed(input.inReplyTo) } : {}),
      ...(references.length > 0 ? { references } : {}),
      headers,
    });
    const smtpResponse = maskEmailAddresses(info.response ?? '');
    await markSendAccepted(deps.db, input.sendKey, smtpResponse);
    log.info({ emailKey: input.emailKey, sendKey: input.sendKey, autoSubmitted: input.autoSubmitted }, 'reply accepted by SMTP server');
    return { messageId, sentNow: true, smtpResponse };
  } catch (error) {
    const failure = classifySmtpError(error);
    // The SMTP verdict matters more than the bookkeeping: a failed write is logged, the SMTP error is thrown.
    await markSendFailed(deps.db, input.sendKey, failure.message).catch((dbError: unknown) => {
      log.error({ err: dbError, sendKey: input.sendKey }, 'could not record the failed send');
    });
    log.warn({ err: failure, emailKey: input.emailKey, sendKey: input.sendKey }, 'reply not accepted by SMTP server');
    throw failure;
  }
}
