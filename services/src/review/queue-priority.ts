/**
 * The queue's order: a priority score made of named parts, so a reviewer sees why a row is first. Pure: the same
 * inputs and `now` give the same score.
 *
 *   score = SLA risk + urgency + VIP + tone + level
 *
 * | part      | from                                                      | points                                               |
 * |-----------|-----------------------------------------------------------|------------------------------------------------------|
 * | SLA risk  | time left before a level-1 review escalates (the workflow's deadline) | overdue 40 · ≤ 30 min 30 · ≤ 2 h 20 · ≤ 4 h 10 · else 0 |
 * | urgency   | the classifier's urgency                                  | high 20 · normal 10 · low 0                          |
 * | VIP       | a VIP customer, found by the sender's own address         | 15                                                   |
 * | tone      | the classifier's sentiment                                | negative 10 · else 0                                 |
 * | level     | level 2 (escalated: a person must own it; no SLA runs)    | 10                                                   |
 *
 * Ties: the nearer deadline first (none last), then the longer wait, then the email key. With the default SLA
 * (escalation after 8 h) a new email gets no SLA points and climbs as its deadline nears; a VIP's shorter SLA
 * (policy `vip.review_sla`, 2 h) starts it at 20, so a new VIP email (≥ 35) goes above every new non-VIP one but
 * below an overdue one with high urgency (≥ 60).
 */
import type { Sentiment, Urgency } from '@replique/activities/domain/types';

export interface PriorityInput {
  /** 1: waiting_review (SLA runs), 2: escalated. */
  level: 1 | 2;
  /** When a level-1 review escalates (its SLA deadline); null when unknown or for level 2. */
  dueAt: Date | null;
  urgency: Urgency | null;
  sentiment: Sentiment | null;
  vip: boolean;
}

export type PriorityFactor = 'sla' | 'urgency' | 'vip' | 'tone' | 'level';

export interface PriorityPart {
  factor: PriorityFactor;
  points: number;
  /** What the reviewer reads, e.g. "SLA in 25m", "urgency high". */
  label: string;
}

export interface Priority {
  score: number;
  /** The parts that add points, largest first. */
  parts: PriorityPart[];
}

const MINUTE = 60_000;
/** SLA risk bands: time left at most `within` (ms) earns `points`; the first band that fits wins. */
const SLA_BANDS: readonly { within: number; points: number }[] = [
  { within: 0, points: 40 },
  { within: 30 * MINUTE, points: 30 },
  { within: 120 * MINUTE, points: 20 },
  { within: 240 * MINUTE, points: 10 },
];
const URGENCY_POINTS: Record<Urgency, number> = { high: 20, normal: 10, low: 0 };
export const VIP_POINTS = 15;
const NEGATIVE_TONE_POINTS = 10;
const LEVEL_2_POINTS = 10;

export function queuePriority(input: PriorityInput, nowMs: number): Priority {
  const parts: PriorityPart[] = [];
  if (input.level === 1 && input.dueAt) {
    const left = input.dueAt.getTime() - nowMs;
    const band = SLA_BANDS.find((b) => left <= b.within);
    if (band) parts.push({ factor: 'sla', points: band.points, label: left <= 0 ? 'SLA overdue' : `SLA in ${shortDuration(left)}` });
  }
  if (input.urgency && URGENCY_POINTS[input.urgency] > 0) {
    parts.push({ factor: 'urgency', points: URGENCY_POINTS[input.urgency], label: `urgency ${input.urgency}` });
  }
  if (input.vip) parts.push({ factor: 'vip', points: VIP_POINTS, label: 'VIP' });
  if (input.sentiment === 'negative') parts.push({ factor: 'tone', points: NEGATIVE_TONE_POINTS, label: 'negative tone' });
  if (input.level === 2) parts.push({ factor: 'level', points: LEVEL_2_POINTS, label: 'level 2' });
  parts.sort((a, b) => b.points - a.points);
  return { score: parts.reduce((sum, p) => sum + p.points, 0), parts };
}

export interface Prioritised {
  emailKey: string;
  priority: Priority;
  dueAt: Date | null;
  /** Since when the email waits in its state. */
  waitingSince: Date;
}

/** Queue order: higher score first; then the nearer deadline (none last), the longer wait, the email key. */
export function byPriority(a: Prioritised, b: Prioritised): number {
  return b.priority.score - a.priority.score
    || (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity)
    || a.waitingSince.getTime() - b.waitingSince.getTime()
    || (a.emailKey < b.emailKey ? -1 : a.emailKey > b.emailKey ? 1 : 0);
}

function shortDuration(ms: number): string {
  const minutes = Math.ceil(ms / MINUTE);
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`;
}
