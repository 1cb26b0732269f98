/**
 * The message on topic `email.events`: one step of one email's life. `data` holds short, PII-free facts
 * (flat values only); it is scrubbed again before publishing, in case a caller slipped an address in.
 */
import { z } from 'zod';

const EventValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(50)]);

export const EmailEventSchema = z.strictObject({
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
