/**
 * A deterministic stream of `email.events` for a simulated fortnight of support mail: automatic replies (some answered
 * again by the customer in the same conversation), reviews (approved, edited, rejected, SLA expired), escalations,
 * robots, unreadable mail, a pipeline error, ratings (some changed). Half the emails carry outbox-style event ids,
 * half none; some route events predate the KPI fields (the consumer falls back to the classify and draft notes).
 */
import { createHash } from 'node:crypto';
import type { RawEvent } from './recompute-kpis';

const INTENTS = ['order_status', 'return_policy', 'invoice_copy', 'delivery_issue', 'product_question'];
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A reply the simulation sent to a known customer: what the order stream reacts to. */
export interface SimulatedReply {
  customerId: string;
  at: string;
  complements: string[];
}

export interface SimulatedMonth {
  events: RawEvent[];
  replies: SimulatedReply[];
  /** The first day of the simulation (YYYY-MM-DD). */
  start: string;
  emails: number;
}

export interface SimulationOptions {
  seed: number;
  emails: number;
  days: number;
  start?: string;
  /** CRM customer ids senders are drawn from (70 % of emails come from one; the rest from unknown senders). */
  customers?: string[];
  /** Complementary products by SKU: a catalogue answer (product_question) may name some of them. */
  complements?: Record<string, string[]>;
}

export function simulateEvents(options: SimulationOptions): SimulatedMonth {
  const rand = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const start = options.start ?? '2026-11-02';
  const t0 = Date.parse(`${start}T00:00:00Z`);
  const events: RawEvent[] = [];
  let nextId = 1;
  const autoReplies: { conversation: string; intent: string; sentAt: number; customer: string | null }[] = [];
  const replies: SimulatedReply[] = [];
  const customers = options.customers ?? [];
  const catalogue = Object.entries(options.complements ?? {}).filter(([, list]) => list.length > 0);

  for (let i = 0; i < options.emails; i++) {
    const emailKey = createHash('sha256').update(`sim-${options.seed}-${i}`).digest('hex');
    const withIds = rand() < 0.5;
    const push = (stage: string, event: string, at: number, data: Record<string, unknown> = {}) =>
      events.push({ ...(withIds ? { eventId: String(nextId++) } : {}), emailKey, stage, event, at: new Date(Math.round(at)).toISOString(), data });

    // A customer writing again after an automatic reply (same conversation), or a new conversation.
    const earlier = autoReplies.length > 0 && rand() < 0.12 ? pick(autoReplies) : null;
    let intent = pick(INTENTS);
    let conversation = `${1000 + i}`;
    let at = t0 + rand() * options.days * DAY;
    let customer = customers.length > 0 && rand() < 0.7 ? pick(customers) : null;
    if (earlier) {
      customer = earlier.customer;
      conversation = earlier.conversation;
      if (rand() < 0.7) intent = earlier.intent;
      at = earlier.sentAt + rand() * 10 * DAY;
    }
    const lang = rand() < 0.6 ? 'fr' : 'en';
    const version = rand() < 0.5 ? '1' : '2';
    const cohort = pick(['none', 'draft-ab:template', 'draft-ab:llm']);
    const r = rand();
    const kind = r < 0.5 ? 'auto' : r < 0.75 ? 'review' : r < 0.86 ? 'escalate' : r < 0.95 ? 'suppress' : r < 0.98 ? 'quarantine' : 'pipeline_error';

    push('intake', 'accepted', at, { source: 'imap', rawId: String(i), size: 2000 });
    push('state', 'analysing', at + 900);
    if (kind === 'quarantine') {
      push('read', 'quarantined', at + 1500, { reason: 'unparseable' });
      push('state', 'quarantined', at + 1600, { reason: 'unparseable' });
      continue;
    }
    push('read', 'done', at + 1500, { machine: kind === 'suppress', reasons: [], problems: [] });
    if (kind === 'pipeline_error') {
      push('state', 'escalated', at + 60_000, { reason: 'pipeline_error' });
      continue;
    }
    push('classify', 'done', at + 2500, { notes: [intent, lang] });
    push('draft', 'done', at + 3000, { notes: [`${intent}_reply`, version] });
    const factCheck = kind !== 'auto' && kind !== 'suppress' && rand() < 0.15;
    push('check', 'done', at + 3500, { notes: factCheck ? ['fact_mismatch'] : [] });
    const route = kind === 'suppress' ? 'suppress' : kind;
    push('route', 'done', at + 3900, { notes: [] }); // the route stage's own trace, before its verdict
    const oldEvent = rand() < 0.1; // a route event from before the KPI fields
    const complements = intent === 'product_question' && catalogue.length > 0 && rand() < 0.6 ? [...pick(catalogue)[1]].sort() : [];
    push('route', route, at + 4000, {
      reasons: [], confidence: 0.9,
      ...(oldEvent ? {} : { intent, lang, template: `${intent}_reply@${version}`, cohort, conversation, customer, complements }),
    });
    if (kind === 'suppress') {
      push('state', 'suppressed', at + 4500, { reason: 'auto_submitted_header' });
      continue;
    }

    let sentAt: number | null = null;
    if (kind === 'auto') {
      sentAt = at + 10_000 + rand() * (rand() < 0.9 ? 40 * MIN : 5 * HOUR);
      push('state', 'sending', sentAt - 500);
      push('send', 'accepted', sentAt, { mode: 'automatic' });
      push('state', 'sent', sentAt + 300, { reason: 'automatic' });
      if (!oldEvent) autoReplies.push({ conversation, intent, sentAt, customer });
    } else {
      push('state', kind === 'review' ? 'waiting_review' : 'escalated', at + 5000, { reason: null });
      let decidedAt = at + 5 * MIN + rand() * 30 * HOUR;
      if (kind === 'review' && rand() < 0.15) {
        push('review', 'reminder', at + 2 * HOUR);
        push('state', 'escalated', at + 4 * HOUR, { reason: 'review_sla_expired' });
        push('review', 'takeover', decidedAt - MIN, { reviewer: 'sam' });
        decidedAt += MIN;
      }
      const d = rand();
      if (d < 0.1) {
        push('review', 'reject', decidedAt, { reviewer: 'rita' });
        push('state', 'rejected', decidedAt + 500, { reason: 'rejected by reviewer' });
      } else {
        if (d < 0.45) {
          if (rand() < 0.2) push('review', 'edit_blocked', decidedAt - 2 * MIN, { reviewer: 'rita', failed: ['fact_mismatch'], overridden: [] });
          push('review', 'edit_checks_passed', decidedAt - 500, { reviewer: 'rita', failed: [], overridden: [] });
          push('review', 'edit', decidedAt, { reviewer: 'rita', ...(rand() < 0.9 ? { editDistance: Math.floor(rand() * 400) } : {}) });
        } else {
          push('review', 'approve', decidedAt, { reviewer: 'rita' });
        }
        sentAt = decidedAt + 2000;
        push('state', 'sending', sentAt - 500);
        push('send', 'accepted', sentAt, { mode: 'reviewed' });
        push('state', 'sent', sentAt + 300, { reason: 'approved' });
      }
    }
    if (sentAt !== null && customer !== null && !oldEvent) replies.push({ customerId: customer, at: new Date(Math.round(sentAt)).toISOString(), complements });
    if (sentAt !== null && rand() < 0.45) {
      const s = rand();
      const score = s < 0.55 ? 5 : s < 0.85 ? 4 : s < 0.92 ? 3 : s < 0.96 ? 2 : 1;
      const ratedAt = sentAt + HOUR + rand() * 2 * DAY;
      push('csat', 'rated', ratedAt, { score, previousScore: null, changes: 0, comment: false });
      if (rand() < 0.15) push('csat', 'rated', ratedAt + HOUR, { score: 6 - score, previousScore: score, changes: 1, comment: true });
    }
  }
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { events, replies, start, emails: options.emails };
}
