/**
 * Batch groups: waiting drafts a reviewer can decide together. Two kinds:
 * - similar: the same intent and the same template (the drafts say the same thing about different orders),
 *   approved in one click;
 * - topic: the same intent (the topic the inbox map labels its clusters with), whatever the template, approved or
 *   rejected in one click.
 * Only a waiting level-1 email with a draft joins a group. The route re-checks membership for every listed email,
 * and the workflow still checks each decision (double approval, follow-ups, claims).
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

/** The groups of two or more, similar ones first, each kind in the order of its first member (the queue's priority order). */
export function batchGroups<T extends Groupable>(rows: readonly T[]): BatchGroup<T>[] {
  const similar = new Map<string, T[]>();
  const topics = new Map<string, T[]>();
  for (const row of rows) {
    const s = similarKeyOf(row);
    const t = topicKeyOf(row);
    if (s) similar.set(s, [...(similar.get(s) ?? []), row]);
    if (t) topics.set(t, [...(topics.get(t) ?? []), row]);
  }
  return [
    ...[...similar].filter(([, m]) => m.length >= 2).map(([key, members]) => ({ kind: 'similar' as const, key, members })),
    ...[...topics].filter(([, m]) => m.length >= 2).map(([key, members]) => ({ kind: 'topic' as const, key, members })),
  ];
}
