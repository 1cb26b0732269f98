/**
 * Batch approval groups: drafts that are alike enough to approve in one click. Two kinds:
 * - similar: the same intent and the same template (the drafts say the same thing about different orders);
 * - topic: the same intent across templates (shown only when it spans more than one template, else it is the
 *   similar group again).
 * Only a waiting level-1 email with a draft joins a group. The route re-checks membership for every listed email,
 * and the workflow still checks each approval (double approval, follow-ups, claims).
 */
import type { QueueItem } from '@replique/activities/adapters/pg/review-queue';

type Groupable = Pick<QueueItem, 'state' | 'intent' | 'draft'>;

export function similarKeyOf(item: Groupable): string | null {
  return item.state === 'waiting_review' && item.draft ? `${item.intent ?? 'unknown'} · ${item.draft.templateId}` : null;
}

export function topicKeyOf(item: Groupable): string | null {
  return item.state === 'waiting_review' && item.draft ? `topic: ${item.intent ?? 'unknown'}` : null;
}

/** Whether an email belongs to the batch group a form names. */
export function inBatchGroup(group: string, item: Groupable): boolean {
  return group !== '' && (similarKeyOf(item) === group || topicKeyOf(item) === group);
}

export interface BatchGroup<T> {
  kind: 'similar' | 'topic';
  key: string;
  members: T[];
}

/** The groups of two or more, in the order of their first member (the queue's priority order). */
export function batchGroups<T extends Groupable>(rows: readonly T[]): BatchGroup<T>[] {
  const similar = new Map<string, T[]>();
  const topics = new Map<string, T[]>();
  for (const row of rows) {
    const s = similarKeyOf(row);
    const t = topicKeyOf(row);
    if (s) similar.set(s, [...(similar.get(s) ?? []), row]);
    if (t) topics.set(t, [...(topics.get(t) ?? []), row]);
  }
  const templates = (members: T[]) => new Set(members.map((m) => m.draft!.templateId)).size;
  return [
    ...[...similar].filter(([, m]) => m.length >= 2).map(([key, members]) => ({ kind: 'similar' as const, key, members })),
    ...[...topics].filter(([, m]) => m.length >= 2 && templates(m) >= 2).map(([key, members]) => ({ kind: 'topic' as const, key, members })),
  ];
}
