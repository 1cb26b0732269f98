/**
 * Input that cannot be treated as an email at all. The raw bytes stay in storage, the workflow records the
 * reason and a human may look; nothing downstream (cleaning, classification, reply) runs on it.
 *
 * The rule (see `assertLooksLikeEmail`), applied to the bytes before any MIME parsing:
 * - `empty_input`: no bytes, or only whitespace;
 * - `too_large`: more than MAX_RAW_BYTES (far above any mailbox limit; the parse would be abusive);
 * - `binary_content`: NUL bytes, or mostly control bytes, in the header section;
 * - `no_headers`: the first non-blank line is not an RFC 5322 header field (`Name: value`) nor an mbox
 *   `From ` separator — e.g. a PDF, a zip, a bare paragraph of text. Exception: input that starts with a
 *   line break has an explicitly empty header section (RFC 5322 syntax allows it); it parses as body only,
 *   flagged `missing_from`, `missing_message_id`...
 * A UTF-8 byte-order mark and blank lines before the first header field are skipped.
 * - `mime_parse_failed`: the MIME parser itself gave up (thrown by parseEmail, with the cause attached).
 * Anything else parses, with defects listed in `ParsedEmail.problems`.
 */
export const QUARANTINE_REASONS = ['empty_input', 'too_large', 'binary_content', 'no_headers', 'mime_parse_failed'] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export class QuarantineError extends Error {
  override readonly name = 'QuarantineError';
  /** Not worth retrying: the same bytes always give the same answer. */
  readonly nonRetryable = true;

  constructor(
    readonly reason: QuarantineReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isQuarantineError(err: unknown): err is QuarantineError {
  return err instanceof QuarantineError;
}

/** 64 MB: a 25 MB attachment is ~34 MB once base64-encoded; beyond this we do not even try. */
export const MAX_RAW_BYTES = 64 * 1024 * 1024;

const HEADER_FIELD = /^[!-9;-~]+[ \t]*:/; // RFC 5322 field name: printable ASCII except ':' (WSP before ':' tolerated)
const MBOX_FROM = /^From \S/;

/**
 * Throws QuarantineError when the bytes cannot be an email. Returns the offset where the header section starts,
 * or -1 for a body-only message (empty header section).
 */
export function assertLooksLikeEmail(raw: Buffer): number {
  if (raw.length > MAX_RAW_BYTES) {
    throw new QuarantineError('too_large', `input is ${raw.length} bytes, above ${MAX_RAW_BYTES}`);
  }
  let start = 0;
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) start = 3; // UTF-8 BOM
  const emptyHeaderSection = raw[start] === 0x0a || (raw[start] === 0x0d && raw[start + 1] === 0x0a);
  while (start < raw.length && isWhitespaceByte(raw[start]!)) start++;
  if (start >= raw.length) throw new QuarantineError('empty_input', 'input is empty or blank');
  if (emptyHeaderSection && !HEADER_FIELD.test(raw.subarray(start, start + 200).toString('latin1'))) {
    assertNotBinary(raw.subarray(start, start + 4096));
    return -1;
  }

  const headEnd = findHeaderEnd(raw, start);
  const head = raw.subarray(start, Math.min(headEnd, start + 64 * 1024));
  assertNotBinary(head);
  const firstLine = head.subarray(0, lineLength(head)).toString('latin1');
  if (!HEADER_FIELD.test(firstLine) && !MBOX_FROM.test(firstLine)) {
    throw new QuarantineError('no_headers', 'input does not start with a header field');
  }
  return start;
}

function assertNotBinary(head: Buffer): void {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) throw new QuarantineError('binary_content', 'NUL byte where text is expected');
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  if (head.length > 0 && control / head.length > 0.05) {
    throw new QuarantineError('binary_content', 'mostly control bytes where text is expected');
  }
}

function isWhitespaceByte(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function lineLength(buf: Buffer): number {
  for (let i = 0; i < buf.length; i++) if (buf[i] === 0x0a || buf[i] === 0x0d) return i;
  return buf.length;
}

/** Offset of the blank line ending the header section (or the end of input). */
export function findHeaderEnd(raw: Buffer, from = 0): number {
  const lf = raw.indexOf('\n\n', from, 'latin1');
  const crlf = raw.indexOf('\r\n\r\n', from, 'latin1');
  const cands = [lf, crlf].filter((i) => i >= 0);
  return cands.length ? Math.min(...cands) : raw.length;
}
