/**
 * The message on topic `email.events`: one step of one email's life, taken from its audit row by the outbox relay
 * (event-relay.ts). `eventId` is the audit row's id: a consumer that sees an id twice drops the second copy. `data`
 * holds short, PII-free facts (flat values only); it is scrubbed again before publishing, in case a caller slipped
 * an address in.
 */
import type { Message } from 'kafkajs';
import { z } from 'zod';
import { redactPii } from '../../logger';

const EventValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(50)]);

export const EmailEventSchema = z.strictObject({
  /** The audit row's id (decimal): unique, and the same on every copy of the event. */
  eventId: z.string().regex(/^\d+$/),
  emailKey: z.string().min(1).max(200),
  /** Pipeline stage, e.g. `intake`, `classify`, `route`, `send`. */
  stage: z.string().min(1).max(50),
  /** What happened in it, e.g. `accepted`, `duplicate`, `sent`, `failed`. */
  event: z.string().min(1).max(50),
  at: z.iso.datetime({ offset: true }),
  data: z.record(z.string().max(50), EventValue).default({}),
});
export type EmailEvent = z.infer<typeof EmailEventSchema>;
export type EmailEventInput = z.input<typeof EmailEventSchema>;

/** The header that carries the event id, so the relay can tell its own messages in the topic without parsing them. */
export const EVENT_ID_HEADER = 'event-id';

/**
 * The Kafka message of one event: keyed by email (one partition per email, so its events stay in order). Data that
 * does not fit the schema (nested values, overlong text) is not published: the event still is, with
 * `{ dropped: 'invalid_data' }`, so that counts stay right and one bad row never blocks the ones behind it.
 */
export function eventMessage(input: EmailEventInput): Message {
  const parsed = EmailEventSchema.safeParse(input);
  const event: EmailEvent = parsed.success ? parsed.data : EmailEventSchema.parse({ ...input, data: { dropped: 'invalid_data' } });
  const safe = { ...event, data: redactPii(event.data) as EmailEvent['data'] };
  return {
    key: event.emailKey,
    value: JSON.stringify(safe),
    headers: { 'content-type': 'application/json', schema: 'email-event/2', [EVENT_ID_HEADER]: event.eventId },
  };
}
