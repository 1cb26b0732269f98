/**
 * Replays a simulated month through the real pipeline and the real event path (README.md here): the month's emails
 * are delivered to the running intake, the workflows route, draft and send them, a simulated reviewer decides the
 * waiting ones through the review API, simulated customers rate replies through the rating links' endpoint, and the
 * demo shop posts its orders to the order feed. The only thing the simulation adds is each email's clock
 * (`clock:simulated` events, activities/src/kpi/simulation-clock.ts), written through the audit log and the outbox
 * before each simulated person acts, so the KPI consumer sees a month where the pipeline took minutes.
 *
 * Idempotent: a re-run finds the emails already taken (same bytes, same keys), their clock events already written
 * (audit keys), nothing left waiting and the orders already stored; it changes nothing.
 */
import type { Client } from '@temporalio/client';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import { emailKeyFor, extractMessageIdHeader, rawSha256 } from '@replique/activities/domain/email-key';
import { FINAL_EMAIL_STATES, WAITING_EMAIL_STATES } from '@replique/activities/domain/types';
import { SIM_CLOCK_EVENT, SIM_CLOCK_STAGE } from '@replique/activities/kpi/simulation-clock';
import { signLinkToken } from '@replique/activities/outbound/reply-link-token';
import type { ShopData } from '../../../../ml/inbox-generator';
import { feedOrders, shopFromDb, type PostedOrders } from '../demo-shop-orders';
import { generateOrderStream } from '../order-stream';
import { waitForViews } from '../wait-for-views';
import { followUpEmail, planMonth, type PlannedEmail } from './month-plan';

export interface MonthDeps {
  /** The pipeline's Postgres: clock events (audit log + outbox), then the KPI tables and the shop to read. */
  db: Pool;
  /** To follow each email's workflow (state query). */
  temporal: Client;
  /** The intake's mailbox name (part of every email key). */
  mailbox: string;
  /** Hands raw emails to the intake (IMAP append, or its HTTP endpoint). */
  deliver: (raws: Buffer[]) => Promise<void>;
  /** The review service: its API (decisions), its rating pages and its order feed. */
  reviewUrl: string;
  reviewToken: string;
  /** The secret reply links are signed with (the worker's REPLY_LINK_SECRET). */
  linkSecret: string;
  shopFeedToken: string;
  shop: ShopData;
  log: (line: string) => void;
}

export interface MonthOptions {
  seed: number;
  emails: number;
  days: number;
  /** End of the month (exclusive); default: today 00:00 UTC. */
  end?: Date;
  /** Share of the customers who write again after an automatic reply. Default 0.1. */
  followUpShare?: number;
  /** How much more customers order in the week after a reply (the demo shop's behaviour). Default 0.3. */
  orderLift?: number;
  timeoutMs?: number;
}

export interface MonthResult {
  from: string;
  to: string;
  emailKeys: string[];
  /** Emails of customers who wrote again after an automatic reply (in `emailKeys` too). */
  followUps: number;
  settled: number;
  decided: number;
  rated: number;
  orders: PostedOrders & { generated: number };
}

const DAY = 86_400_000;
const REVIEWERS = ['demo-alice', 'demo-bruno'];
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export async function simulateMonth(deps: MonthDeps, options: MonthOptions): Promise<MonthResult> {
  const end = options.end ?? new Date(Math.floor(Date.now() / DAY) * DAY);
  const timeoutMs = options.timeoutMs ?? 600_000;
  const plan = planMonth(deps.shop, { seed: options.seed, emails: options.emails, days: options.days, end, followUpShare: options.followUpShare });
  const keyOf = (p: PlannedEmail) => emailKeyFor(deps.mailbox, extractMessageIdHeader(p.raw), rawSha256(p.raw));
  const planned = plan.map((p) => ({ ...p, emailKey: keyOf(p) }));
  const from = dayOf(new Date(end.getTime() - options.days * DAY));
  const to = dayOf(new Date(end.getTime() - DAY));

  // 1. Arrival: each email's clock starts at its simulated arrival, then it is delivered.
  for (const p of planned) await setClock(deps.db, p.emailKey, 'received', p.receivedAt);
  await deps.deliver(planned.map((p) => p.raw));
  deps.log(`simulated month ${from} to ${to}: ${planned.length} emails delivered`);
  const keys = planned.map((p) => p.emailKey);
  const settledViews = await waitForViews(deps.temporal, keys, {
    done: (v) => FINAL_EMAIL_STATES.includes(v.state) || WAITING_EMAIL_STATES.includes(v.state), timeoutMs,
    progress: (n, total) => deps.log(`month: ${n}/${total} emails settled`),
  });

  // 1b. Follow-ups: some customers answered automatically write again about the same matter, in the reply's thread.
  const followUps = planned.flatMap((p) => {
    const view = settledViews.get(p.emailKey);
    const at = p.followUp ? new Date(p.receivedAt.getTime() + p.followUp.afterMs) : null;
    if (!at || at >= end || view?.state !== 'sent' || view.route !== 'auto' || !view.sentMessageId) return [];
    const raw = followUpEmail(p.raw, view.sentMessageId, p.lang, p.followUp!.afterMs);
    return [{ ...p, raw, receivedAt: at, followUp: null, emailKey: keyOf({ ...p, raw }) }];
  });
  if (followUps.length > 0) {
    for (const f of followUps) await setClock(deps.db, f.emailKey, 'received', f.receivedAt);
    await deps.deliver(followUps.map((f) => f.raw));
    for (const [key, view] of await waitForViews(deps.temporal, followUps.map((f) => f.emailKey), {
      done: (v) => FINAL_EMAIL_STATES.includes(v.state) || WAITING_EMAIL_STATES.includes(v.state), timeoutMs,
    })) settledViews.set(key, view);
    planned.push(...followUps);
    keys.push(...followUps.map((f) => f.emailKey));
    deps.log(`month: ${followUps.length} customers wrote again after an automatic reply`);
  }

  // 2. Reviews: the waiting ones are decided by simulated reviewers, each at its simulated time.
  let decided = 0;
  for (const p of planned) {
    if (settledViews.get(p.emailKey)?.state !== 'waiting_review') continue;
    const decidedAt = new Date(p.receivedAt.getTime() + p.review.afterMs);
    await setClock(deps.db, p.emailKey, 'decided', decidedAt);
    if (await decide(deps, p)) decided++;
  }
  const views = await waitForViews(deps.temporal, keys, {
    done: (v) => FINAL_EMAIL_STATES.includes(v.state) || v.state === 'escalated', timeoutMs,
    progress: (n, total) => deps.log(`month: ${n}/${total} emails final or escalated`),
  });
  const settled = keys.filter((k) => views.has(k)).length;

  // 3. Ratings: customers click the rating link of their reply, some time after it.
  let rated = 0;
  for (const p of planned) {
    const view = views.get(p.emailKey);
    if (view?.state !== 'sent' || !p.rating) continue;
    const repliedAt = view.review ? p.receivedAt.getTime() + p.review.afterMs : p.receivedAt.getTime();
    const fresh = await setClock(deps.db, p.emailKey, 'rated', new Date(repliedAt + p.rating.afterMs));
    if (fresh && (await rate(deps, p.emailKey, p.rating.score))) rated++;
  }

  // 4. The KPI consumer has taken every event; then the shop's orders of the month (customers order more after a reply).
  await waitForKpiConsumer(deps.db, keys, timeoutMs);
  const shop = await shopFromDb(deps.db, from, options.days);
  const orders = generateOrderStream({
    seed: options.seed, start: from, days: options.days, ...shop, replyLift: options.orderLift ?? 0.3, dailyRate: 0.04,
  }).filter((o) => Date.parse(o.placedAt) < end.getTime());
  const posted = await feedOrders(deps.reviewUrl, deps.shopFeedToken, orders);
  deps.log(`month: ${decided} reviews decided, ${rated} replies rated, ${orders.length} orders fed to PUT /shop/crm/orders (${posted.stored} new)`);
  return { from, to, emailKeys: keys, followUps: followUps.length, settled, decided, rated, orders: { ...posted, generated: orders.length } };
}

/** Writes the email's clock event (once per step: a re-run writes nothing); true when it was new. */
async function setClock(db: Pool, emailKey: string, step: string, simAt: Date): Promise<boolean> {
  const { inserted } = await appendAudit(db, {
    emailKey, stage: SIM_CLOCK_STAGE, event: SIM_CLOCK_EVENT, data: { step, simAt: simAt.toISOString() },
    auditKey: `sim-clock:${step}:${emailKey}`, publish: true,
  });
  return inserted;
}

/** The planned decision through the review API; a second reviewer approves where two approvals are needed. */
async function decide(deps: MonthDeps, p: PlannedEmail & { emailKey: string }): Promise<boolean> {
  const post = (body: Record<string, unknown>) => fetch(`${deps.reviewUrl}/api/emails/${p.emailKey}/decision`, {
    method: 'POST', headers: { authorization: `Bearer ${deps.reviewToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const id = p.emailKey.slice(0, 24);
  let res = await post(p.review.action === 'edit'
    ? { action: 'edit', reviewer: REVIEWERS[0], body: editedReply(p.lang), decisionId: `month-${id}-1` }
    : { action: p.review.action, reviewer: REVIEWERS[0], decisionId: `month-${id}-1` });
  // An edit the checks block is approved as drafted instead (a reviewer would rework it; the demo moves on).
  if (res.status === 422) res = await post({ action: 'approve', reviewer: REVIEWERS[0], decisionId: `month-${id}-1b` });
  if (!res.ok) return false;
  const outcome = (await res.json()) as { status: string; approvals?: string[]; approvalsRequired?: number; state?: string };
  if (outcome.state === 'waiting_review' && (outcome.approvals?.length ?? 0) < (outcome.approvalsRequired ?? 1)) {
    await post({ action: 'approve', reviewer: REVIEWERS[1], decisionId: `month-${id}-2` });
  }
  return true;
}

function editedReply(lang: 'fr' | 'en'): string {
  return lang === 'fr'
    ? 'Bonjour,\n\nMerci pour votre message. Nous avons bien noté votre demande et nous revenons vers vous très vite avec la suite.\n\nBien cordialement,\nLe service client'
    : 'Hello,\n\nThank you for your message. We have noted your request and will come back to you very soon with the next steps.\n\nKind regards,\nCustomer service';
}

/** The customer's click: the rating page's form, posted with the link the reply carries (signed as the worker signs it). */
async function rate(deps: MonthDeps, emailKey: string, score: number): Promise<boolean> {
  const token = signLinkToken(deps.linkSecret, { purpose: 'csat', emailKey, expiresAt: new Date(Date.now() + 7 * DAY) });
  const res = await fetch(`${deps.reviewUrl}/r/rate/${token}`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ score: String(score) }),
  });
  return res.status === 303;
}

/** Until the outbox is empty and the KPI consumer's count of the month's events stops moving. */
async function waitForKpiConsumer(db: Pool, emailKeys: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let still = 0;
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ pending: number; taken: number }>(
      `select (select count(*)::int from event_outbox) as pending,
              (select count(*)::int from kpi_events where email_key = any($1::text[])) as taken`, [emailKeys]);
    const { pending, taken } = rows[0]!;
    still = pending === 0 && taken === last && taken > 0 ? still + 1 : 0;
    if (still >= 3) return;
    last = taken;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error('the KPI consumer did not take the month\'s events in time: is services/src/kpi running?');
}
