/**
 * The message on Kafka topic `email.inbound`: a reference to a raw email stored in Postgres — never the body.
 * Produced by the intake service (HTTP, IMAP), consumed by the starter service, keyed by `emailKey`.
 */
import { z } from 'zod';

export const INBOUND_SOURCES = ['imap', 'http', 'smtp'] as const;
export type InboundSource = (typeof INBOUND_SOURCES)[number];

export const InboundRefSchema = z.strictObject({
  /** Stable identity of the email in its mailbox (from the Message-ID, or the raw hash when there is none). */
  emailKey: z.string().min(1).max(200),
  /** Row id of the stored raw message. */
  rawId: z.string().min(1).max(100),
  /** The logical support mailbox the email arrived in (e.g. `support`), not an address of the sender. */
  mailbox: z.string().min(1).max(200),
  source: z.enum(INBOUND_SOURCES),
  /** When intake accepted it (ISO 8601). */
  receivedAt: z.iso.datetime({ offset: true }),
});
export type InboundRef = z.infer<typeof InboundRefSchema>;
