/**
 * Heartbeats the current Temporal activity while `work` runs. An activity allowed a long model call (a long
 * start-to-close timeout and a short heartbeat timeout, see workflows/src/activity-options.ts) is thus still known
 * dead within seconds when its worker dies, and a hang anywhere outside the model call — where nothing heartbeats —
 * times out as quickly as any other stage. Outside an activity (the triage CLI, unit tests) it only runs `work`.
 */
import { Context } from '@temporalio/activity';

export async function heartbeatWhile<T>(work: () => Promise<T>, everyMs = 5_000): Promise<T> {
  const context = currentActivity();
  if (!context) return work();
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

function currentActivity(): Context | null {
  try {
    return Context.current();
  } catch {
    return null;
  }
}
