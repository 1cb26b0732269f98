/**
 * The identity of one inbound email, derived before any parsing so intake, the starter and the workflow agree:
 *
 *   emailKey   = hex sha256( mailbox + "\n" + normalised Message-ID )        when the message has one
 *              = hex sha256( mailbox + "\n" + "sha256:" + sha256(raw bytes) ) when it has none
 *   workflowId = "email-" + the first 32 hex characters of emailKey   (workflows/src/contracts.ts)
 *
 * The same message delivered twice to the same mailbox (IMAP re-poll, HTTP retry, Kafka replay) gets the same
 * key, hence the same workflow ID, and Temporal rejects the duplicate start. Keys and IDs are hashes: no address,
 * subject or Message-ID (which often embeds a host or a name) ever appears in an ID, a log or a Kafka key.
 */
import { createHash } from 'node:crypto';

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** `<ABC@Example.com>` → `abc@example.com`; blank or `<>` → null. */
export function normaliseMessageId(messageId: string | null | undefined): string | null {
  if (messageId == null) return null;
  let id = messageId.trim();
  const bracketed = /<([^<>]*)>/.exec(id);
  if (bracketed) id = bracketed[1]!.trim();
  id = id.toLowerCase();
  return id === '' ? null : id;
}

/** Stable hash of a Message-ID (also of In-Reply-To / References entries), for thread lookups. */
export function messageIdHash(messageId: string): string {
  const id = normaliseMessageId(messageId);
  if (id === null) throw new Error('messageIdHash: empty Message-ID');
  return sha256Hex(id);
}

/** Like messageIdHash, but null for a missing or empty Message-ID. */
export function messageIdHashOrNull(messageId: string | null | undefined): string | null {
  const id = normaliseMessageId(messageId);
  return id === null ? null : sha256Hex(id);
}

/** The dedup key of an inbound email in a mailbox (see the file comment). `rawSha256` is the hex hash of the raw bytes. */
export function emailKeyFor(mailbox: string, messageId: string | null, rawSha256: string): string {
  const id = normaliseMessageId(messageId);
  return sha256Hex(`${mailbox}\n${id ?? `sha256:${rawSha256}`}`);
}


/** Hex sha256 of raw bytes (the raw_emails dedup key and the fallback identity of a message without Message-ID). */
export function rawSha256(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

/** Headers longer than this are not a real header section; stop looking. */
const MAX_HEADER_BYTES = 256 * 1024;

/**
 * The Message-ID of a raw message, without angle brackets, from a cheap scan of the header section only:
 * stops at the first blank line, unfolds continuation lines, takes the first Message-ID header. No MIME parsing,
 * no decoding (a Message-ID is ASCII). Returns null when there is none or it is empty.
 */
export function extractMessageIdHeader(raw: Buffer): string | null {
  for (const line of unfoldedHeaderLines(raw)) {
    const match = /^message-id[ \t]*:(.*)$/i.exec(line);
    if (!match) continue;
    const value = match[1]!.trim();
    const bracketed = /<([^<>]*)>/.exec(value);
    const id = (bracketed ? bracketed[1]! : value.split(/[ \t]/)[0]!).trim();
    return id === '' ? null : id;
  }
  return null;
}

/** Most Message-IDs kept from a long References header: the thread root (first) and the newest ones. */
const MAX_REFERENCES = 50;

/**
 * The Message-IDs a reply refers to, from the References header (oldest first) then In-Reply-To, without angle
 * brackets and without repeats; the same cheap header scan as extractMessageIdHeader. A very long References
 * header keeps its first entry (the thread root) and its newest ones.
 */
export function extractReferencedMessageIds(raw: Buffer): string[] {
  const ids: string[] = [];
  let references: string[] = [];
  let inReplyTo: string[] = [];
  for (const line of unfoldedHeaderLines(raw)) {
    const match = /^(references|in-reply-to)[ \t]*:(.*)$/i.exec(line);
    if (!match) continue;
    const found = [...match[2]!.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
    if (match[1]!.toLowerCase() === 'references' && references.length === 0) references = found;
    if (match[1]!.toLowerCase() === 'in-reply-to' && inReplyTo.length === 0) inReplyTo = found.slice(0, 1);
  }
  for (const id of [...references, ...inReplyTo]) {
    if (!ids.some((known) => normaliseMessageId(known) === normaliseMessageId(id))) ids.push(id);
  }
  return ids.length <= MAX_REFERENCES ? ids : [ids[0]!, ...ids.slice(ids.length - MAX_REFERENCES + 1)];
}

/** The header section of raw bytes, continuation lines unfolded, one entry per header (no decoding). */
function unfoldedHeaderLines(raw: Buffer): string[] {
  const head = raw.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  const end = /\r?\n\r?\n/.exec(head);
  const section = end ? head.slice(0, end.index) : head;
  return section.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/);
}

/**
 * The thread hashes an `email.inbound` reference carries (see inbound-ref.ts): the email's own Message-ID hash and
 * the hashes of the Message-IDs it answers, never the IDs in clear.
 */
export function threadHashesOf(raw: Buffer): { messageIdHash?: string; referenceHashes: string[] } {
  const own = messageIdHashOrNull(extractMessageIdHeader(raw));
  const referenceHashes = extractReferencedMessageIds(raw).map(messageIdHash).filter((h) => h !== own);
  return { ...(own ? { messageIdHash: own } : {}), referenceHashes };
}

/** Hex sha256 of a trimmed, lower-cased address (sent_mail.to_address_hash, bounces, emails.sender_hash, data keys). */
export function addressHash(address: string): string {
  return sha256Hex(address.trim().toLowerCase());
}

/**
 * The sender's address of a raw message, from the same cheap header scan: the first From header's `<addr>`, else its
 * first bare `local@domain`; null when there is none. Only picks the data key of a message (vault/README.md).
 */
export function extractFromAddress(raw: Buffer): string | null {
  for (const line of unfoldedHeaderLines(raw)) {
    const match = /^from[ \t]*:(.*)$/i.exec(line);
    if (!match) continue;
    const value = match[1]!.replace(/"(?:[^"\\]|\\.)*"/g, ' ');
    const address = /<([^<>\s]+@[^<>\s]+)>/.exec(value)?.[1] ?? /[^\s<>,;:"()]+@[^\s<>,;:"()]+/.exec(value)?.[0];
    return address ? address.trim() : null;
  }
  return null;
}
