/**
 * The failures of a workflow's activities as its history records them: an activity task's ActivityTaskFailed event,
 * or a local activity's marker (emailWorkflow runs its short steps as local activities since the `local-steps` patch).
 */
import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Failure = temporal.api.failure.v1.IFailure;

export interface RecordedActivityFailure {
  kind: 'activity task' | 'local activity';
  failure: Failure;
}

export function activityFailuresOf(events: HistoryEvent[] | null | undefined): RecordedActivityFailure[] {
  const found: RecordedActivityFailure[] = [];
  for (const e of events ?? []) {
    const task = e.activityTaskFailedEventAttributes?.failure;
    if (task) found.push({ kind: 'activity task', failure: task });
    const marker = e.markerRecordedEventAttributes;
    if (marker?.failure && /local_activity/.test(marker.markerName ?? '')) {
      // The marker's failure wraps the activity's own (an ActivityFailure whose cause is the application failure).
      found.push({ kind: 'local activity', failure: marker.failure.cause ?? marker.failure });
    }
  }
  return found;
}
