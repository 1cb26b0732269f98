/**
 * SMTP failures as one typed error with a `retryable` flag, so the send activity can tell Temporal whether a
 * retry may help: a 4xx reply or a lost connection may pass later; a 5xx reply will not.
 * Messages are scrubbed of email addresses (servers echo recipients in their replies).
 */
import { maskEmailAddresses } from '../../logger';

export class SmtpSendError extends Error {
  override readonly name = 'SmtpSendError';
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The SMTP reply code, when the server replied (421, 450, 550...). */
    readonly responseCode: number | null,
    /** nodemailer's error code (ECONNECTION, EENVELOPE, EMESSAGE, ETIMEDOUT...). */
    readonly code: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Errors that mean "the server was not reachable or went away": worth retrying. */
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPROTOCOL']);

export function classifySmtpError(error: unknown): SmtpSendError {
  if (error instanceof SmtpSendError) return error;
  const e = (error ?? {}) as { message?: unknown; responseCode?: unknown; code?: unknown; command?: unknown };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const code = typeof e.code === 'string' ? e.code : null;
  const text = maskEmailAddresses(typeof e.message === 'string' ? e.message : String(error));
  let retryable: boolean;
  if (responseCode !== null && responseCode >= 500) retryable = false;
  else if (responseCode !== null && responseCode >= 400) retryable = true;
  else retryable = code === null || TRANSIENT_CODES.has(code);
  const command = typeof e.command === 'string' ? ` (${e.command})` : '';
  return new SmtpSendError(`SMTP ${retryable ? 'temporary' : 'permanent'} failure${command}: ${text}`, retryable, responseCode, code, {
    cause: error,
  });
}
