/**
 * The message on Kafka topic `email.inbound`: a reference to a raw email stored in Postgres — never the body.
 * Produced by the intake service (HTTP, IMAP), consumed by the starter service, keyed by `emailKey`.
 */
import { z } from 'zod';

export const INBOUND_SOURCES = ['imap', 'http', 'smtp'] as const;
export type InboundSource = (typeof INBOUND_SOURCES)[number];

/** A SHA-256 in hex: Message-IDs travel as hashes only (they often embed a host or a name). */
const HASH = /^[0-9a-f]{64}$/;

const inboundRefFields = {
  /** Stable identity of the email in its mailbox (from the Message-ID, or the raw hash when there is none). */
  emailKey: z.string().min(1).max(200),
  /** Row id of the stored raw message. */
  rawId: z.string().min(1).max(100),
  /** The logical support mailbox the email arrived in (e.g. `support`), not an address of the sender. */
  mailbox: z.string().min(1).max(200),
  source: z.enum(INBOUND_SOURCES),
  /** When intake accepted it (ISO 8601). */
  receivedAt: z.iso.datetime({ offset: true }),
  /** Hash of the email's own Message-ID (absent in refs from before threading, or when it has none). */
  messageIdHash: z.string().regex(HASH).optional(),
  /** Hashes of the Message-IDs in References and In-Reply-To, oldest first: how a reply finds its conversation. */
  referenceHashes: z.array(z.string().regex(HASH)).max(100).optional(),
};

/** What a producer may write: these fields and no other (a body or an address never rides along by mistake). */
export const InboundRefSchema = z.strictObject(inboundRefFields);
/**
 * What a consumer accepts: a field it does not know (from a newer producer, during a rolling upgrade) is dropped, not
 * a reason to skip the email.
 */
export const InboundRefReadSchema = z.object(inboundRefFields);
export type InboundRef = z.infer<typeof InboundRefSchema>;
