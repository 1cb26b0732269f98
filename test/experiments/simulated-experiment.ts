/**
 * A seeded stream of `email.events` for one experiment's variants (cohort `experimentId:variant` on the route event,
 * as the draft stage records it), with emails outside it (no experiment, another experiment) that must not count;
 * and an independent oracle: the per-variant figures and the fixed-horizon test's arms computed from the simulated
 * emails themselves (not from SQL).
 */
import { createHash } from 'node:crypto';
import type { ArmSummary } from '../../activities/src/experiments/readout';
import type { VariantFigures } from '../../activities/src/adapters/pg/experiment-store';
import type { RawEvent } from '../kpi/recompute-kpis';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface VariantTruth {
  name: string;
  /** Probability that a rating is 4 or 5. */
  positive: number;
  /** Mean reviewer edit distance. */
  editMean: number;
  /** Probability that an automatic reply's customer writes again about the same matter. */
  comesBack: number;
}

export interface SimulatedEmail {
  emailKey: string;
  cohort: string;
  intent: string;
  conversation: string;
  receivedAt: number;
  firstResponseAt: number;
  resolvedAt: number;
  automated: boolean;
  editDistance: number | null;
  csat: number | null;
  events: RawEvent[];
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulateExperiment(options: { seed: number; experimentId: string; variants: VariantTruth[]; perVariant: number; start: string }): SimulatedEmail[] {
  const rand = seeded(options.seed);
  const t0 = Date.parse(`${options.start}T08:00:00Z`);
  const emails: SimulatedEmail[] = [];
  let counter = 0;
  const intents = ['order_status', 'return_policy', 'delivery_issue'];

  const one = (cohort: string, truth: VariantTruth | null, at: number, conversation: string, intent: string, followUp: boolean): SimulatedEmail => {
    const emailKey = createHash('sha256').update(`exp-${options.seed}-${counter++}`).digest('hex');
    const events: RawEvent[] = [];
    const push = (stage: string, event: string, when: number, data: Record<string, unknown> = {}) =>
      events.push({ eventId: `${options.seed}-${counter}-${events.length}`, emailKey, stage, event, at: new Date(Math.round(when)).toISOString(), data });
    const automatic = !followUp && rand() < 0.6;
    push('intake', 'accepted', at, { source: 'imap' });
    push('route', automatic ? 'auto' : 'review', at + 4000, { intent, lang: 'fr', template: `${intent}_reply@3`, cohort, conversation, reasons: [] });
    let sentAt: number;
    let editDistance: number | null = null;
    if (automatic) {
      sentAt = Math.round(at + 10_000 + rand() * 40 * MIN);
      push('send', 'accepted', sentAt, { mode: 'automatic' });
    } else {
      push('state', 'waiting_review', at + 5000);
      const decidedAt = Math.round(at + 10 * MIN + rand() * 20 * HOUR);
      if (rand() < 0.5) {
        editDistance = Math.round((truth?.editMean ?? 100) * 2 * rand());
        push('review', 'edit', decidedAt, { reviewer: 'rita', editDistance });
      } else {
        push('review', 'approve', decidedAt, { reviewer: 'rita' });
      }
      sentAt = decidedAt + 2000;
      push('send', 'accepted', sentAt, { mode: 'reviewed' });
    }
    push('state', 'sent', sentAt + 300, { reason: automatic ? 'automatic' : 'approved' });
    let csat: number | null = null;
    if (!followUp && rand() < 0.8) {
      csat = rand() < (truth?.positive ?? 0.8) ? (rand() < 0.6 ? 5 : 4) : 1 + Math.floor(rand() * 3);
      push('csat', 'rated', sentAt + HOUR + rand() * DAY, { score: csat, previousScore: null, changes: 0, comment: false });
    }
    return { emailKey, cohort, intent, conversation, receivedAt: at, firstResponseAt: sentAt, resolvedAt: sentAt + 300, automated: automatic, editDistance, csat, events };
  };

  const cohorts: { cohort: string; truth: VariantTruth | null; count: number }[] = [
    ...options.variants.map((v) => ({ cohort: `${options.experimentId}:${v.name}`, truth: v, count: options.perVariant })),
    { cohort: 'none', truth: null, count: 20 },
    { cohort: `another-experiment:${options.variants[0]!.name}`, truth: null, count: 20 },
  ];
  const plan = cohorts.flatMap((c) => Array.from({ length: c.count }, () => c));
  // Shuffled: the variants' emails interleave over time as a stable hash would.
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  plan.forEach((c, i) => {
    const at = t0 + i * 13 * MIN;
    const intent = intents[Math.floor(rand() * intents.length)]!;
    const email = one(c.cohort, c.truth, at, `${5000 + i}`, intent, false);
    emails.push(email);
    // The customer writes again about the same matter (same conversation, so the same variant) within two days.
    if (email.automated && c.truth && rand() < c.truth.comesBack) {
      emails.push(one(c.cohort, c.truth, Math.round(email.firstResponseAt + rand() * 2 * DAY), email.conversation, intent, true));
    }
  });
  return emails;
}

function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

function reescalated(e: SimulatedEmail, all: SimulatedEmail[]): boolean {
  return e.automated && all.some((b) => b.conversation === e.conversation && b.emailKey !== e.emailKey && b.intent === e.intent
    && b.receivedAt > e.firstResponseAt && b.receivedAt <= e.firstResponseAt + 7 * DAY);
}

export function oracleFigures(all: SimulatedEmail[], experimentId: string, variant: string): VariantFigures {
  const mine = all.filter((e) => e.cohort === `${experimentId}:${variant}`);
  const rated = mine.filter((e) => e.csat !== null);
  const automated = mine.filter((e) => e.automated);
  const edited = mine.filter((e) => e.editDistance !== null);
  return {
    variant,
    emails: mine.length,
    automationRate: mine.length ? automated.length / mine.length : null,
    rated: rated.length,
    csat: rated.length ? rated.filter((e) => e.csat! >= 4).length / rated.length : null,
    automated: automated.length,
    reescalationRate: automated.length ? automated.filter((e) => reescalated(e, all)).length / automated.length : null,
    closed: mine.length,
    timeToCloseP50Seconds: percentileCont(mine.map((e) => (e.resolvedAt - e.receivedAt) / 1000), 0.5),
    edited: edited.length,
    editDistanceMean: mean(edited.map((e) => e.editDistance!)),
    // The simulated emails come from no known CRM customer: no reply is matched for conversion.
    conversionMatched: 0, conversionConverted: 0, conversionRate: null, conversionBaseline: null,
  };
}

/** The CSAT arms the fixed-horizon test reads: the first `samplePerArm` rated emails of each variant by arrival. */
export function oracleCsatArm(all: SimulatedEmail[], experimentId: string, variant: string, samplePerArm: number): ArmSummary {
  const rated = all.filter((e) => e.cohort === `${experimentId}:${variant}` && e.csat !== null)
    .sort((a, b) => a.receivedAt - b.receivedAt || (a.emailKey < b.emailKey ? -1 : 1))
    .slice(0, samplePerArm);
  return { variant, n: rated.length, successes: rated.filter((e) => e.csat! >= 4).length };
}
