/** The SLA of a waiting review: when to remind reviewers, when to escalate to level 2. Pure and deterministic. */
import { reviewSlaMs, type ReviewSla } from './contracts';
import type { ReviewGate } from './review-gate';

export interface SlaDeadline {
  kind: 'remind' | 'escalate';
  inMs: number;
}

export function reviewTimeline(sla: ReviewSla, waitingSinceMs: number) {
  const { remindMs, escalateMs } = reviewSlaMs(sla);
  const remindAt = waitingSinceMs + remindMs;
  const escalateAt = waitingSinceMs + escalateMs;
  return {
    /** When reviewers are reminded, when the review is escalated (epoch ms). */
    remindAt,
    escalateAt,
    /** The next SLA step for this gate, or null when nothing more is due (already escalated). */
    nextDeadline(gate: Pick<ReviewGate, 'level' | 'reminded'>, nowMs: number): SlaDeadline | null {
      if (gate.level !== 'review') return null;
      if (!gate.reminded && remindAt < escalateAt) return { kind: 'remind', inMs: Math.max(0, remindAt - nowMs) };
      return { kind: 'escalate', inMs: Math.max(0, escalateAt - nowMs) };
    },
  };
}
