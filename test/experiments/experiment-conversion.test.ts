/**
 * An experiment judged on conversion after the reply, on the real Postgres: replies of two variants go in as the KPI
 * consumer takes their events (takeKpiEvent: intake, route with cohort and customer, send), the customers' orders as
 * the order feed stores them (storePlacedOrders), and the fixed-horizon readout counts, per variant, the first
 * `samplePerArm` replies whose window the feed has passed and whether an order followed within it — as an oracle
 * computes from the simulated replies themselves. Replies the feed has not yet passed, replies to unknown senders and
 * orders placed before a reply or after its window do not count; the planted winner is found.
 */
import { storePlacedOrders } from '../../activities/src/adapters/pg/placed-orders';
import { takeKpiEvent } from '../../activities/src/adapters/pg/kpi-store';
import { createExperiment, experimentReport, getExperiment } from '../../activities/src/adapters/pg/experiment-store';
import { mulberry32 } from '../../activities/src/domain/seeded-random';
import type { PlacedOrder } from '../../activities/src/orders/placed-order';
import { withTestDatabase, type TestDatabase } from '../support/pg';

const DAY = 86_400_000;
const WINDOW_DAYS = 7;
const EXPERIMENT = 'closing-cta-2027-01';
const DEFINITION = {
  id: EXPERIMENT, kind: 'cta', title: 'A call to action in the order-status reply', metric: 'conversion',
  baseline: 0.2, mde: 0.2, alpha: 0.05, power: 0.8,
  variants: [{ name: 'plain', versionKey: 'order-status@1.1.0' }, { name: 'cta', versionKey: 'draft-reply@2.0.0' }],
};
const TRUTH = { plain: 0.2, cta: 0.5 } as const;

interface Reply { emailKey: string; variant: keyof typeof TRUTH; customerId: string | null; receivedAt: number; sentAt: number; converted: boolean }

let db: TestDatabase;
// a database per attempt: a retry starts the experiment again
beforeEach(async () => { db = await withTestDatabase(); });
afterEach(async () => { await db?.close(); });

/**
 * Replies over 40 days from 2026-10-01, each to its own customer (a few to unknown senders), with the orders the feed
 * has reported by 2026-11-08 (the later ones it has not yet).
 */
function simulate(perVariant: number): { replies: Reply[]; orders: PlacedOrder[] } {
  const rand = mulberry32(2027);
  const t0 = Date.parse('2026-10-01T08:00:00Z');
  const replies: Reply[] = [];
  const orders: PlacedOrder[] = [];
  const order = (customerId: string, at: number): void => {
    orders.push({ id: `O-${orders.length + 1}`, customerId, placedAt: new Date(at).toISOString(), currency: 'EUR', total: 40, items: [{ sku: 'TEA-1', qty: 1, unitPrice: 40 }] });
  };
  for (const variant of ['plain', 'cta'] as const) {
    for (let i = 0; i < perVariant; i++) {
      const receivedAt = t0 + Math.floor(rand() * 40 * DAY);
      const sentAt = receivedAt + 60_000;
      const customerId = rand() < 0.05 ? null : `C-${variant}-${i}`;
      const converted = customerId !== null && rand() < TRUTH[variant];
      if (customerId !== null) {
        if (converted) order(customerId, sentAt + Math.floor(rand() * WINDOW_DAYS * DAY) + 1);
        // orders that are not conversions of this reply: before it, and after its window
        if (rand() < 0.3) order(customerId, receivedAt - DAY);
        if (rand() < 0.3) order(customerId, sentAt + (WINDOW_DAYS + 2) * DAY);
      }
      replies.push({ emailKey: `conv-${variant}-${i}`, variant, customerId, receivedAt, sentAt, converted });
    }
  }
  const feedNow = t0 + 38 * DAY;
  return { replies, orders: orders.filter((o) => Date.parse(o.placedAt) <= feedNow) };
}

async function take(r: Reply): Promise<void> {
  const at = (t: number) => new Date(t).toISOString();
  const route = { intent: 'order_status', lang: 'fr', template: 'order_status_reply@3', cohort: `${EXPERIMENT}:${r.variant}`, conversation: `conv-${r.emailKey}`, reasons: [], ...(r.customerId ? { customer: r.customerId } : {}) };
  await takeKpiEvent(db.pool, { eventId: `${r.emailKey}-1`, emailKey: r.emailKey, stage: 'intake', event: 'accepted', at: at(r.receivedAt), data: {} });
  await takeKpiEvent(db.pool, { eventId: `${r.emailKey}-2`, emailKey: r.emailKey, stage: 'route', event: 'auto', at: at(r.receivedAt + 4000), data: route });
  await takeKpiEvent(db.pool, { eventId: `${r.emailKey}-3`, emailKey: r.emailKey, stage: 'send', event: 'accepted', at: at(r.sentAt), data: { mode: 'automatic' } });
}

test('the readout counts conversions within the window, only for replies the order feed has passed, and finds the planted winner', async () => {
  await createExperiment(db.pool, DEFINITION, 'lena');
  const experiment = (await getExperiment(db.pool, EXPERIMENT))!;
  const n = experiment.samplePerArm;
  const { replies, orders } = simulate(n + 25);
  expect(n).toBeGreaterThan(30);
  for (const r of replies) await take(r);
  for (let i = 0; i < orders.length; i += 500) await storePlacedOrders(db.pool, orders.slice(i, i + 500), 'import');

  // The oracle: the feed has reported up to its latest order; a reply counts once its window ends before that.
  const armsUntil = (feedUntil: number) => (['plain', 'cta'] as const).map((variant) => {
    const known = replies
      .filter((r) => r.variant === variant && r.customerId !== null && r.sentAt + WINDOW_DAYS * DAY <= feedUntil)
      .sort((a, b) => a.receivedAt - b.receivedAt || a.emailKey.localeCompare(b.emailKey))
      .slice(0, n);
    return { variant, n: known.length, successes: known.filter((r) => r.converted).length };
  });
  const feedUntil = Math.max(...orders.map((o) => Date.parse(o.placedAt)));
  // the feed's horizon leaves some replies out: the test would not show the rule otherwise
  expect(replies.filter((r) => r.customerId !== null && r.sentAt + WINDOW_DAYS * DAY > feedUntil).length).toBeGreaterThan(0);

  const report = await experimentReport(db.pool, experiment, WINDOW_DAYS);
  expect(report.arms).toEqual(armsUntil(feedUntil));
  expect(report.arms.every((a) => a.n === n)).toBe(true);
  expect(report.state).toMatchObject({ kind: 'winner', winner: 'cta' });

  // A feed that lags (its orders known only up to 2026-10-25) leaves the later replies unknown: fewer outcomes, not
  // failures, and the test is back to waiting for them.
  const lagging = Date.parse('2026-10-25T00:00:00Z');
  await db.pool.query(`delete from placed_orders where placed_at > $1`, [new Date(lagging).toISOString()]);
  const laggingUntil = Math.max(...orders.map((o) => Date.parse(o.placedAt)).filter((t) => t <= lagging));
  const earlier = await experimentReport(db.pool, experiment, WINDOW_DAYS);
  expect(earlier.arms).toEqual(armsUntil(laggingUntil));
  expect(earlier.arms.every((a) => a.n < n)).toBe(true);
  expect(earlier.state.kind).toBe('running');
});
