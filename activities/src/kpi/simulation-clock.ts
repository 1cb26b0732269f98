/**
 * The simulation clock of the demo's simulated month (services/src/demo/month/): a way to replay a month of support
 * mail through the real pipeline in a few minutes and still see it on the KPI page as a month.
 *
 * The pipeline runs in real time; nothing in it is backdated. The demo's driver adds, to an email's own history,
 * `clock:simulated` events (an audit row and its event through the outbox, like any other step): "from this real
 * instant on, this email's time is `simAt`". The KPI consumer reads every event of that email through its clock:
 * an event at real time t maps to `simAt + (t − anchor)`, with the latest anchor at or before t (the earliest one for
 * events before any anchor). So the delays the pipeline really took (intake to automatic reply: seconds) are kept,
 * and the delays a simulated person takes (a reviewer deciding hours later, a customer rating the next day) are the
 * jumps between anchors. An email without a clock event is read as it is: in production no such event is ever
 * written, and the mapping is the identity.
 *
 * The raw events keep their real times (kpi_events, the topic, the audit log): anyone can see and undo the
 * simulation. Pure.
 */
export const SIM_CLOCK_STAGE = 'clock';
export const SIM_CLOCK_EVENT = 'simulated';

/** An ISO-8601 UTC instant as `Date#toISOString` writes it: the only `simAt` the consumer accepts. */
export const SIM_AT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z$';

export interface ClockAnchor {
  /** The real instant of the clock event (its audit row's time). */
  realAt: number;
  /** The simulated instant it stands for. */
  simAt: number;
}

/** The simulated time of an event at real time `at` (ms), given the email's anchors (identity without any). */
export function simulatedTime(at: number, anchors: readonly ClockAnchor[]): number {
  if (anchors.length === 0) return at;
  const sorted = [...anchors].sort((a, b) => a.realAt - b.realAt);
  const before = sorted.filter((a) => a.realAt <= at);
  const anchor = before.length > 0 ? before[before.length - 1]! : sorted[0]!;
  return anchor.simAt + (at - anchor.realAt);
}
