/**
 * The KPIs recomputed from raw `email.events` messages, in plain TypeScript, without the consumer's SQL: the oracle the
 * KPI tests hold the consumer, the CSV and the page to. It follows the definitions written in
 * services/src/kpi/README.md, not the code of kpi-store.ts.
 */
import type { KpiDimension, KpiGranularity, KpiRow } from '../../activities/src/kpi/kpi-definitions';

export interface RawEvent {
  eventId?: string;
  emailKey: string;
  stage: string;
  event: string;
  at: string;
  data: Record<string, unknown>;
}

interface Email {
  key: string;
  receivedAt: number;
  route: string;
  intent: string;
  lang: string;
  template: string;
  cohort: string;
  conversation: string | null;
  customer: boolean;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  automated: boolean;
  reviewed: boolean;
  reviewedSent: boolean;
  escalated: boolean;
  slaBreached: boolean;
  edited: boolean;
  editDistance: number | null;
  factCheckBlocked: boolean;
  csat: number | null;
  reescalated: boolean;
  customerId: string | null;
  complements: string[];
}

/** What conversion after email is measured against: the CRM's customers and orders, and the order feed's orders. */
export interface ConversionShop {
  customers: { id: string; vip: boolean; language: string }[];
  /** The CRM's orders (a day each). */
  crmOrders: { number: string; customer_id: string; ordered_at: string }[];
  /** The order feed's (placed_orders). */
  placed: { id: string; customerId: string; placedAt: string; items: { sku: string }[] }[];
  windowDays: number;
}

const NO_SHOP: ConversionShop = { customers: [], crmOrders: [], placed: [], windowDays: 7 };

const FACT = new Set(['fact_mismatch', 'unverifiable_fact', 'other_customer_data']);
const HUMAN = new Set(['approve', 'edit', 'reject', 'escalate', 'takeover']);
const DAY = 86_400_000;

/** Copies of one event (a redelivery, a retried publish of the same event) count once. */
function distinct(events: RawEvent[]): RawEvent[] {
  const seen = new Map<string, RawEvent>();
  for (const e of events) {
    const key = e.eventId ? `id:${e.eventId}` : `${e.emailKey}|${e.stage}|${e.event}|${Date.parse(e.at)}`;
    if (!seen.has(key)) seen.set(key, e);
  }
  return [...seen.values()];
}

const t = (e: RawEvent) => Date.parse(e.at);
const latest = (events: RawEvent[]) => events.reduce<RawEvent | null>((a, e) => (!a || t(e) > t(a) ? e : a), null);
const earliest = (events: RawEvent[]) => (events.length === 0 ? null : Math.min(...events.map(t)));
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const notes = (e: RawEvent | null) => (e && Array.isArray(e.data.notes) ? (e.data.notes as unknown[]).map(String) : []);

function emailOf(key: string, events: RawEvent[]): Email {
  const is = (stage: string, ...names: string[]) => (e: RawEvent) => e.stage === stage && (names.length === 0 || names.includes(e.event));
  const routed = latest(events.filter(is('route', 'auto', 'review', 'escalate', 'suppress')));
  const classified = latest(events.filter(is('classify', 'done')));
  const drafted = latest(events.filter(is('draft', 'done')));
  const escalated = events.some(is('state', 'escalated'));
  const sends = events.filter(is('send', 'accepted'));
  const human = events.some((e) => e.stage === 'review' && HUMAN.has(e.event));
  const edits = events.filter((e) => is('review', 'edit')(e) && typeof e.data.editDistance === 'number');
  const ratings = events.filter((e) => is('csat', 'rated')(e) && typeof e.data.score === 'number')
    .sort((a, b) => Number(b.data.changes ?? 0) - Number(a.data.changes ?? 0) || t(b) - t(a));
  const draftNotes = notes(drafted);
  const rd = routed?.data ?? {};
  return {
    key,
    receivedAt: earliest(events.filter(is('intake', 'accepted'))) ?? earliest(events)!,
    route: routed?.event ?? (escalated ? 'escalate' : 'unknown'),
    intent: str(rd.intent) ?? notes(classified)[0] ?? 'unknown',
    lang: str(rd.lang) ?? notes(classified)[1] ?? 'unknown',
    template: str(rd.template) ?? (draftNotes[0] && draftNotes[0] !== 'no_draft' ? `${draftNotes[0]}@${draftNotes[1]}` : 'none'),
    cohort: str(rd.cohort) ?? 'none',
    conversation: str(rd.conversation),
    customer: events.some(is('route', 'auto', 'review', 'escalate')) || events.some(is('state', 'waiting_review', 'escalated', 'sending')),
    firstResponseAt: earliest(sends),
    resolvedAt: earliest(events.filter(is('state', 'sent', 'rejected'))),
    automated: sends.some((e) => e.data.mode === 'automatic') && !human,
    reviewed: events.some(is('state', 'waiting_review')),
    reviewedSent: sends.some((e) => e.data.mode === 'reviewed'),
    escalated,
    slaBreached: events.some((e) => is('state', 'escalated')(e) && e.data.reason === 'review_sla_expired'),
    edited: events.some(is('review', 'edit')),
    editDistance: edits.length === 0 ? null : Number(latest(edits)!.data.editDistance),
    factCheckBlocked: events.some((e) => is('check', 'done')(e) && notes(e).some((n) => FACT.has(n)))
      || events.some((e) => is('review', 'edit_blocked')(e) && Array.isArray(e.data.failed) && (e.data.failed as string[]).some((n) => FACT.has(n))),
    csat: ratings[0] ? Number(ratings[0].data.score) : null,
    reescalated: false,
    customerId: str(rd.customer),
    complements: Array.isArray(rd.complements) ? (rd.complements as unknown[]).map(String).sort() : [],
  };
}

/**
 * The demo's simulation clock (services/src/kpi/README.md, "Simulated month"): an email's `clock:simulated` events say
 * "from this real instant on, this email's time is simAt"; every other event is moved by the offset of the latest such
 * event at or before it (the earliest one when none is), and the clock events themselves are no step of the email.
 */
function throughClock(events: RawEvent[]): RawEvent[] {
  const anchors = events.filter((e) => e.stage === 'clock' && e.event === 'simulated' && typeof e.data.simAt === 'string')
    .map((e) => ({ real: t(e), offset: Date.parse(e.data.simAt as string) - t(e) }))
    .sort((a, b) => a.real - b.real);
  const steps = events.filter((e) => e.stage !== 'clock');
  if (anchors.length === 0) return steps;
  return steps.map((e) => {
    let offset = anchors[0]!.offset;
    for (const a of anchors) if (a.real <= t(e)) offset = a.offset;
    return { ...e, at: new Date(t(e) + offset).toISOString() };
  });
}

/** Every email's facts, with re-escalation (a later customer email of the conversation, same intent, within 7 days). */
export function recomputeEmails(raw: RawEvent[]): Email[] {
  const byEmail = new Map<string, RawEvent[]>();
  for (const e of distinct(raw)) byEmail.set(e.emailKey, [...(byEmail.get(e.emailKey) ?? []), e]);
  const emails = [...byEmail].map(([key, events]) => emailOf(key, throughClock(events)));
  for (const a of emails) {
    if (!a.automated || a.conversation === null || a.firstResponseAt === null) continue;
    a.reescalated = emails.some((b) => b.key !== a.key && b.customer && b.conversation === a.conversation && b.intent === a.intent
      && b.receivedAt > a.firstResponseAt! && b.receivedAt <= a.firstResponseAt! + 7 * DAY);
  }
  return emails;
}

/** percentile_cont: linear interpolation between the closest ranks. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function periodOf(ms: number, granularity: KpiGranularity): string {
  if (granularity === 'all') return 'all';
  const day = new Date(Math.floor(ms / DAY) * DAY);
  if (granularity === 'week') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

export interface OracleQuery {
  from: string | null;
  to: string | null;
  granularity: KpiGranularity;
  split: KpiDimension | null;
  filters: Partial<Record<KpiDimension, string>>;
}

function selected(emails: Email[], q: Omit<OracleQuery, 'granularity' | 'split'>): Email[] {
  return emails.filter((e) => e.customer
    && (!q.from || e.receivedAt >= Date.parse(`${q.from}T00:00:00Z`))
    && (!q.to || e.receivedAt < Date.parse(`${q.to}T00:00:00Z`) + DAY)
    && Object.entries(q.filters).every(([d, v]) => e[d as KpiDimension] === v));
}

/**
 * Conversion after email as services/src/kpi/README.md defines it, computed for the replies in `list` against the
 * whole of `emails` (which customers got a reply) and the shop.
 */
function conversionOf(list: Email[], emails: Email[], q: OracleQuery, shop: ConversionShop, segmentShop: ConversionShop = shop) {
  const customerEmails = emails.filter((e) => e.customer);
  const dayOf = (ms: number) => new Date(Math.floor(ms / DAY) * DAY).toISOString().slice(0, 10);
  const d0 = q.from ?? dayOf(Math.min(...customerEmails.map((e) => e.receivedAt)));
  const d1 = q.to ?? dayOf(Math.max(...customerEmails.map((e) => e.receivedAt)));
  const t0 = Date.parse(`${d0}T00:00:00Z`);
  const t1 = Date.parse(`${d1}T00:00:00Z`) + DAY;
  const w = shop.windowDays * DAY;
  const segment = new Map(shop.customers.map((c) => {
    const before = new Set([
      ...segmentShop.crmOrders.filter((o) => o.customer_id === c.id && o.ordered_at < d0).map((o) => o.number),
      ...segmentShop.placed.filter((o) => o.customerId === c.id && Date.parse(o.placedAt) < t0).map((o) => o.id),
    ]).size;
    return [c.id, `${c.vip ? 'vip' : 'regular'}:${c.language}:${before === 0 ? '0' : before === 1 ? '1' : '2+'}`];
  }));
  const treated = new Set(customerEmails.filter((e) => e.customerId !== null && e.firstResponseAt !== null
    && e.firstResponseAt >= t0 - w && e.firstResponseAt < t1 + w).map((e) => e.customerId!));
  const baseline = shop.customers.filter((c) => !treated.has(c.id));
  const orderedIn = (customerId: string, t: number, sku?: string) => shop.placed.some((o) => o.customerId === customerId
    && Date.parse(o.placedAt) > t && Date.parse(o.placedAt) <= t + w && (sku === undefined || o.items.some((i) => i.sku === sku)));
  const replies = list.filter((e) => e.firstResponseAt !== null && e.customerId !== null);
  let matched = 0;
  let converted = 0;
  let expected = 0;
  for (const e of replies) {
    const seg = segment.get(e.customerId!);
    const peers = baseline.filter((c) => seg !== undefined && segment.get(c.id) === seg);
    if (peers.length === 0) continue;
    matched++;
    if (orderedIn(e.customerId!, e.firstResponseAt!)) converted++;
    expected += peers.filter((c) => orderedIn(c.id, e.firstResponseAt!)).length / peers.length;
  }
  const rate = matched === 0 ? null : converted / matched;
  const base = matched === 0 ? null : expected / matched;
  return {
    conversionReplies: replies.length, conversionMatched: matched, conversionConverted: converted,
    conversionRate: rate, conversionBaseline: base, conversionLift: rate === null || base === null || base <= 0 ? null : rate / base - 1,
  };
}

export function recomputeRows(emails: Email[], q: OracleQuery, shop: ConversionShop = NO_SHOP): KpiRow[] {
  const groups = new Map<string, Email[]>();
  for (const e of selected(emails, q)) {
    const key = `${periodOf(e.receivedAt, q.granularity)}\u0000${q.split ? e[q.split] : 'all'}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  const count = (list: Email[], f: (e: Email) => boolean) => list.filter(f).length;
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, list]) => {
    const [period, group] = key.split('\u0000') as [string, string];
    const tfr = list.filter((e) => e.firstResponseAt !== null).map((e) => (e.firstResponseAt! - e.receivedAt) / 1000);
    const ttr = list.filter((e) => e.resolvedAt !== null).map((e) => (e.resolvedAt! - e.receivedAt) / 1000);
    const rated = list.filter((e) => e.csat !== null);
    const distances = list.filter((e) => e.edited && e.editDistance !== null).map((e) => e.editDistance!);
    const automated = count(list, (e) => e.automated);
    const reviewedSent = count(list, (e) => e.reviewedSent);
    return {
      period, group,
      emails: list.length,
      responded: tfr.length,
      tfrP50: percentile(tfr, 0.5),
      tfrP90: percentile(tfr, 0.9),
      tfrOverTarget: count(list, (e) => e.firstResponseAt !== null && (e.firstResponseAt - e.receivedAt) / 1000 > (e.route === 'auto' ? 3600 : 86400)),
      resolved: ttr.length,
      ttrP50: percentile(ttr, 0.5),
      ttrP90: percentile(ttr, 0.9),
      automated,
      automationRate: rate(automated, list.length),
      reescalated: count(list, (e) => e.reescalated),
      reescalationRate: rate(count(list, (e) => e.reescalated), automated),
      rated: rated.length,
      csat: rate(count(rated, (e) => e.csat! >= 4), rated.length),
      escalations: count(list, (e) => e.escalated),
      reviews: count(list, (e) => e.reviewed),
      slaBreaches: count(list, (e) => e.slaBreached),
      reviewedSent,
      edited: count(list, (e) => e.edited),
      editRate: rate(count(list, (e) => e.edited && e.reviewedSent), reviewedSent),
      editDistanceAvg: distances.length === 0 ? null : distances.reduce((s, d) => s + d, 0) / distances.length,
      factCheckBlocks: count(list, (e) => e.factCheckBlocked),
      ...conversionOf(list, emails, q, shop),
    };
  });
}

/** Per complementary product named in replies: replies, bought within the window, rate and matched baseline. */
export function recomputeComplements(emails: Email[], q: Omit<OracleQuery, 'granularity' | 'split'>, shop: ConversionShop) {
  const skus = [...new Set(selected(emails, q).filter((e) => e.firstResponseAt !== null && e.customerId !== null).flatMap((e) => e.complements))];
  return skus.map((sku) => {
    // The same matching as conversionOf, with "ordered this product" as the outcome.
    const named = selected(emails, q).filter((e) => e.firstResponseAt !== null && e.customerId !== null && e.complements.includes(sku));
    const withSku = { ...shop, placed: shop.placed.filter((o) => o.items.some((i) => i.sku === sku)) };
    const c = conversionOf(named, emails, { ...q, granularity: 'all', split: null }, withSku, shop);
    return { sku, replies: named.length, bought: named.filter((e) => withSku.placed.some((o) => o.customerId === e.customerId
      && Date.parse(o.placedAt) > e.firstResponseAt! && Date.parse(o.placedAt) <= e.firstResponseAt! + shop.windowDays * DAY)).length,
      baseline: c.conversionBaseline };
  }).sort((a, b) => b.replies - a.replies || (a.sku < b.sku ? -1 : 1));
}

/** Re-escalations per intent, most first (ties by name). */
export function recomputeTopics(emails: Email[], q: Omit<OracleQuery, 'granularity' | 'split'>): { intent: string; reescalated: number }[] {
  const counts = new Map<string, number>();
  for (const e of selected(emails, q)) if (e.reescalated) counts.set(e.intent, (counts.get(e.intent) ?? 0) + 1);
  return [...counts].map(([intent, reescalated]) => ({ intent, reescalated }))
    .sort((a, b) => b.reescalated - a.reescalated || (a.intent < b.intent ? -1 : 1));
}
