/**
 * What an email costs the Temporal server, counted from the histories themselves (load-independent, unlike the
 * clock): events, workflow tasks, activity tasks, local activities (markers), search-attribute upserts, timers, and the
 * bytes of the history and of its payloads, per workflow, averaged over a sample of the run's workflows.
 */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export interface HistoryCensus {
  workflows: number;
  eventsPerWorkflow: number;
  workflowTasksPerWorkflow: number;
  activityTasksPerWorkflow: number;
  localActivitiesPerWorkflow: number;
  searchAttributeUpsertsPerWorkflow: number;
  timersPerWorkflow: number;
  historyBytesPerWorkflow: number;
  payloadBytesPerWorkflow: number;
}

const EventType = temporal.api.enums.v1.EventType;

/** Bytes of every payload's data in `value` (search attributes' indexed fields left out: they are not payloads we send). */
function payloadBytes(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + payloadBytes(item), 0);
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return 0;
  const record = value as Record<string, unknown>;
  if ('indexedFields' in record) return 0;
  const metadata = record.metadata as Record<string, unknown> | undefined;
  if (metadata && metadata.encoding instanceof Uint8Array) return (record.data as Uint8Array | undefined)?.length ?? 0;
  return Object.values(record).reduce((sum: number, item) => sum + payloadBytes(item), 0);
}

export async function historyCensus(client: Client, workflowIds: string[]): Promise<HistoryCensus> {
  const totals = { events: 0, wft: 0, activities: 0, local: 0, upserts: 0, timers: 0, bytes: 0, payload: 0 };
  for (const id of workflowIds) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    const events = history.events ?? [];
    totals.events += events.length;
    totals.bytes += temporal.api.history.v1.History.encode(history).finish().length;
    totals.payload += payloadBytes(events);
    for (const e of events) {
      if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) totals.wft++;
      else if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) totals.activities++;
      else if (e.eventType === EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES) totals.upserts++;
      else if (e.eventType === EventType.EVENT_TYPE_TIMER_STARTED) totals.timers++;
      else if (e.eventType === EventType.EVENT_TYPE_MARKER_RECORDED && /local_activity/.test(e.markerRecordedEventAttributes?.markerName ?? '')) totals.local++;
    }
  }
  const n = Math.max(1, workflowIds.length);
  return {
    workflows: workflowIds.length,
    eventsPerWorkflow: totals.events / n,
    workflowTasksPerWorkflow: totals.wft / n,
    activityTasksPerWorkflow: totals.activities / n,
    localActivitiesPerWorkflow: totals.local / n,
    searchAttributeUpsertsPerWorkflow: totals.upserts / n,
    timersPerWorkflow: totals.timers / n,
    historyBytesPerWorkflow: totals.bytes / n,
    payloadBytesPerWorkflow: totals.payload / n,
  };
}
