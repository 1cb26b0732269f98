/**
 * An event of `email.events` as the KPI consumer reads it: the published schema (adapters/kafka/email-event.ts), read
 * leniently so that events from before and after the outbox both pass: `eventId` is optional and unknown keys are
 * ignored. Pure.
 */
import { z } from 'zod';

export const KpiEventSchema = z.object({
  /** The outbox's event id (its audit row id), when the producer sets one. */
  eventId: z.string().min(1).max(40).optional(),
  emailKey: z.string().min(1).max(200),
  stage: z.string().min(1).max(50),
  event: z.string().min(1).max(50),
  at: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type KpiEvent = z.infer<typeof KpiEventSchema>;

/**
 * What makes two copies of an event the same event: its id, or (events without one) email, stage, event and time.
 */
export function kpiEventKey(event: Pick<KpiEvent, 'eventId' | 'emailKey' | 'stage' | 'event' | 'at'>): string {
  if (event.eventId) return `id:${event.eventId}`;
  return `k:${event.emailKey}|${event.stage}|${event.event}|${new Date(event.at).toISOString()}`;
}

export function parseKpiEvent(value: Buffer | string | null): KpiEvent | null {
  if (value === null) return null;
  try {
    const parsed = KpiEventSchema.safeParse(JSON.parse(value.toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
