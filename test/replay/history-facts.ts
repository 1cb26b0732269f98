/**
 * What a recorded emailWorkflow history covers, read from the history itself (not from how it was recorded), so
 * the replay test can tell when a category of run disappears from the fixtures. Also its command "shape" (the
 * sequence of commands and of the signals, updates and timers it saw, without IDs or times), to deduplicate.
 */
import { createHash } from 'node:crypto';

interface JsonPayload { metadata?: Record<string, string>; data?: string }
type JsonEvent = Record<string, unknown> & { eventId: string; eventType: string };
export interface JsonHistory { events: JsonEvent[] }

export interface HistoryFacts {
  categories: string[];
  shape: string;
  /** Every payload of the history as text (JSON), for the PII scan. */
  texts: string[];
}

const short = (eventType: string) => eventType.replace(/^EVENT_TYPE_/, '').toLowerCase();

function decode(payload: JsonPayload): string {
  return payload.data ? Buffer.from(payload.data, 'base64').toString('utf8') : '';
}

function parse(payload: JsonPayload | undefined): Record<string, unknown> | null {
  if (!payload) return null;
  try {
    const value: unknown = JSON.parse(decode(payload));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** All payloads anywhere under `node` (inputs, results, headers, search attributes, markers). */
function collectPayloads(node: unknown, out: JsonPayload[]): JsonPayload[] {
  if (Array.isArray(node)) node.forEach((n) => collectPayloads(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.data === 'string' && o.metadata && typeof o.metadata === 'object') out.push(o as JsonPayload);
    else Object.values(o).forEach((v) => collectPayloads(v, out));
  }
  return out;
}

const attrs = (e: JsonEvent, key: string) => (e[key] ?? {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function historyFacts(history: JsonHistory): HistoryFacts {
  const categories = new Set<string>();
  const shape: string[] = [];
  const activityOf = new Map<string, string>();
  let approvals = 0;
  let lastState: string | null = null;
  let lastRoute: string | null = null;
  for (const e of history.events) {
    const type = short(e.eventType);
    if (type === 'activity_task_scheduled') {
      const name = attrs(e, 'activityTaskScheduledEventAttributes').activityType?.name as string;
      activityOf.set(e.eventId, name);
      shape.push(`activity:${name}`);
      if (name === 'remindReviewers') categories.add('sla:reminder');
      const input = name === 'recordState' ? parse(attrs(e, 'activityTaskScheduledEventAttributes').input?.payloads?.[0]) : null;
      if (input?.state === 'escalated' && input.reason === 'review_sla_expired') categories.add('sla:escalated');
      if (input?.state === 'escalated' && input.reason === 'customer_follow_up') categories.add('follow-up:escalated');
    } else if (type === 'activity_task_completed') {
      const a = attrs(e, 'activityTaskCompletedEventAttributes');
      const name = activityOf.get(String(a.scheduledEventId));
      const result = parse(a.result?.payloads?.[0]);
      if (name === 'checkEditedReply' && Array.isArray(result?.failed) && result.failed.length > 0) categories.add('edit:blocked');
    } else if (type === 'activity_task_failed' || type === 'activity_task_timed_out') {
      shape.push(type);
      categories.add('activity:retried-out');
    } else if (type === 'workflow_execution_signaled') {
      const a = attrs(e, 'workflowExecutionSignaledEventAttributes');
      shape.push(`signal:${a.signalName}`);
      if (a.signalName === 'customerFollowUp') categories.add('follow-up');
      if (a.signalName === 'reviewDecision') decision(parse(a.input?.payloads?.[0]), 'signal');
    } else if (type === 'workflow_execution_update_accepted') {
      const input = attrs(e, 'workflowExecutionUpdateAcceptedEventAttributes').acceptedRequest?.input;
      shape.push(`update:${input?.name}`);
      if (input?.name === 'decide') decision(parse(input.args?.payloads?.[0]), 'update');
    } else if (type === 'workflow_execution_update_completed') {
      const outcome = parse(attrs(e, 'workflowExecutionUpdateCompletedEventAttributes').outcome?.success?.payloads?.[0]);
      if (outcome?.status === 'blocked') categories.add('edit:blocked');
      if (outcome?.approvalsRequired === 2) categories.add('review:double-approval');
    } else if (type === 'timer_started' || type === 'timer_fired' || type === 'timer_canceled') {
      shape.push(type);
    } else if (type === 'marker_recorded') {
      const a = attrs(e, 'markerRecordedEventAttributes');
      const patch = parse(a.details?.patch_id?.payloads?.[0]) as unknown;
      shape.push(`marker:${a.markerName}`);
      if (typeof patch === 'string') categories.add(`patch:${patch}`);
    } else if (type === 'upsert_workflow_search_attributes') {
      const fields = attrs(e, 'upsertWorkflowSearchAttributesEventAttributes').searchAttributes?.indexedFields ?? {};
      for (const [key, payload] of Object.entries(fields as Record<string, JsonPayload>)) {
        const value = JSON.parse(decode(payload)) as unknown;
        if (key === 'EmailState') lastState = String(value);
        if (key === 'Route') lastRoute = String(value);
        if (key === 'TemporalChangeVersion' && Array.isArray(value)) value.forEach((p) => categories.add(`patch:${String(p)}`));
      }
    } else if (type === 'workflow_execution_completed') {
      const result = parse(attrs(e, 'workflowExecutionCompletedEventAttributes').result?.payloads?.[0]);
      shape.push(`completed:${result?.state}`);
      categories.add(`final:${result?.state}`);
      if (result?.state === 'sent') categories.add(`sent:${result.reason}`);
      if (result?.state === 'suppressed') String(result.reason).split(',').forEach((r) => categories.add(`suppressed:${r}`));
      if (result?.route) lastRoute = String(result.route);
    } else if (type === 'workflow_execution_terminated' || type === 'workflow_execution_failed') {
      shape.push(type);
    }
  }
  if (lastRoute) categories.add(`route:${lastRoute}`);
  if (!history.events.some((e) => short(e.eventType) === 'workflow_execution_completed')) categories.add(`open:${lastState}`);
  if (approvals >= 2) categories.add('review:double-approval');
  const texts = collectPayloads(history.events, []).map(decode);
  return {
    categories: [...categories].sort(),
    shape: createHash('sha256').update(shape.join('\n')).digest('hex').slice(0, 16),
    texts,
  };

  function decision(d: Record<string, unknown> | null, via: 'signal' | 'update'): void {
    if (!d) return;
    categories.add(`decision:${String(d.action)}`);
    categories.add(`decision-via:${via}`);
    if (d.override) categories.add('edit:overridden');
    if (d.action === 'approve') approvals++;
  }
}
