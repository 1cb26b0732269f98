/**
 * Real `email.events` rows for a rollout cohort, taken by the KPI store as the KPI consumer takes them (takeKpiEvent:
 * kpi_events, then kpi_email_facts recomputed): automatic replies (some re-escalated: the customer writes again on
 * the same matter), reviewed replies (some edited), drafts blocked by the fact-check, ratings. Each email's route
 * event says `rollout: in` or `out` and the policy version it was routed under, as the worker writes it.
 */
import { createHash } from 'node:crypto';
import type { Pool } from '../../activities/src/adapters/pg/pool';
import { takeKpiEvent } from '../../activities/src/adapters/pg/kpi-store';
import { withTransaction } from '../../activities/src/adapters/pg/transaction';

export interface CohortMix {
  /** Automatic replies, of which `reescalated` get a follow-up on the same matter a day later. */
  automated: number;
  reescalated?: number;
  /** Replies sent after review, of which `edited` a person changed. */
  reviewed?: number;
  edited?: number;
  /** Of the automatic replies' drafts plus these: drafts blocked by the fact-check (reviewed, not sent). */
  factCheckBlocked?: number;
  /** Ratings of the automatic replies: `satisfied` of them 4–5, the rest 2. */
  rated?: number;
  satisfied?: number;
}

interface Event { emailKey: string; stage: string; event: string; at: string; data: Record<string, unknown> }

let serial = 0;

/** Writes the events of a mix, routed under `policyVersion` with `rollout`, from `start` on; returns how many emails. */
export async function seedCohort(db: Pool, options: { policyVersion: number; rollout: 'in' | 'out'; start: Date; mix: CohortMix }): Promise<number> {
  const { policyVersion, rollout, start, mix } = options;
  const events: Event[] = [];
  let emails = 0;
  const email = (minutes: number, route: string, conversation: string, extra: (key: string, t: (m: number) => string) => void) => {
    const key = createHash('sha256').update(`rollout-test-${process.pid}-${serial++}`).digest('hex');
    emails++;
    const t = (m: number) => new Date(start.getTime() + (minutes + m) * 60_000).toISOString();
    const push = (stage: string, event: string, at: string, data: Record<string, unknown> = {}) => events.push({ emailKey: key, stage, event, at, data });
    push('intake', 'accepted', t(0));
    push('draft', 'done', t(0.2), { notes: ['order-status', '1'] });
    push('route', route, t(0.5), {
      reasons: route === 'auto' ? ['within_estimate', 'facts_verified'] : ['low_confidence'], confidence: 0.9, policyVersion, rollout,
      intent: 'order_status', lang: 'fr', template: 'order-status@1', cohort: 'none', conversation,
    });
    extra(key, t);
    return { key, push, t };
  };
  let minute = 0;
  for (let i = 0; i < mix.automated; i++) {
    const conversation = `conv-${serial}-${i}`;
    const rating = i < (mix.rated ?? 0) ? (i < (mix.satisfied ?? 0) ? 5 : 2) : null;
    const { push, t } = email(minute, 'auto', conversation, () => undefined);
    push('send', 'accepted', t(1), { mode: 'automatic' });
    push('state', 'sent', t(1.1));
    if (rating !== null) push('csat', 'rated', t(120), { score: rating });
    if (i < (mix.reescalated ?? 0)) {
      const back = email(minute + 24 * 60, 'review', conversation, () => undefined);
      back.push('state', 'waiting_review', back.t(1));
    }
    minute += 3;
  }
  for (let i = 0; i < (mix.reviewed ?? 0); i++) {
    const { push, t } = email(minute, 'review', `conv-r-${serial}-${i}`, () => undefined);
    push('state', 'waiting_review', t(1));
    push('review', i < (mix.edited ?? 0) ? 'edit' : 'approve', t(30), i < (mix.edited ?? 0) ? { reviewer: 'rita', editDistance: 40 } : { reviewer: 'rita' });
    push('send', 'accepted', t(31), { mode: 'reviewed' });
    push('state', 'sent', t(31.1));
    minute += 3;
  }
  for (let i = 0; i < (mix.factCheckBlocked ?? 0); i++) {
    const { push, t } = email(minute, 'review', `conv-f-${serial}-${i}`, () => undefined);
    push('check', 'done', t(0.3), { notes: ['fact_mismatch'] });
    push('state', 'waiting_review', t(1));
    minute += 3;
  }
  await withTransaction(db, async (client) => {
    for (const event of events) await takeKpiEvent(client, event);
  });
  return emails;
}
