/**
 * Creates a Temporal Schedule, or brings an existing one to these options (its spec, action and policies): several
 * workers starting at once converge on the same schedule. Returns what it did.
 */
import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';

export async function ensureSchedule(client: Client, options: ScheduleOptions): Promise<'created' | 'updated'> {
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({
      ...previous, spec: options.spec, action: options.action, policies: { ...previous.policies, ...options.policies },
    }));
    return 'updated';
  }
}
