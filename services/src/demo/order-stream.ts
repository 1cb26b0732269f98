/**
 * A generated stream of orders placed, for the demo shop and the tests: deterministic for a seed (same seed, same
 * orders, byte for byte). Each customer orders on a day with a small probability that rises with VIP status and past
 * orders; within `windowDays` after a reply the probability is multiplied by 1 + `replyLift`, and such an order
 * takes one of the complementary products the reply named with probability `complementUptake`. So a stream made with
 * a lift of 0 is the null case, and one made with a lift shows that lift (up to chance) in the conversion KPI.
 * Pure: replayed through `PUT /shop/crm/orders` or `replique orders import` (services/src/cli/orders-command.ts).
 */
import { mulberry32 } from '@replique/activities/domain/seeded-random';
import type { PlacedOrder } from '@replique/activities/orders/placed-order';

export interface StreamCustomer {
  id: string;
  vip: boolean;
  /** Orders before the stream starts (the CRM's): a customer who ordered before orders more. */
  priorOrders: number;
}

export interface StreamProduct {
  sku: string;
  price: number;
}

export interface StreamReply {
  customerId: string;
  at: string;
  complements: string[];
}

export interface OrderStreamOptions {
  seed: number;
  /** First day (YYYY-MM-DD, UTC) and number of days. */
  start: string;
  days: number;
  customers: StreamCustomer[];
  products: StreamProduct[];
  replies?: StreamReply[];
  /** A regular customer's chance of ordering on a given day, before VIP and past orders. Default 0.02. */
  dailyRate?: number;
  /** How much more likely an order is within the window after a reply. Default 0.5 (+50 %). */
  replyLift?: number;
  windowDays?: number;
  complementUptake?: number;
  currency?: string;
}

const DAY = 86_400_000;

const round2 = (n: number) => Math.round(n * 100) / 100;

export function generateOrderStream(options: OrderStreamOptions): PlacedOrder[] {
  const rand = mulberry32(options.seed);
  const dailyRate = options.dailyRate ?? 0.02;
  const lift = options.replyLift ?? 0.5;
  const windowMs = (options.windowDays ?? 7) * DAY;
  const uptake = options.complementUptake ?? 0.3;
  const t0 = Date.parse(`${options.start}T00:00:00Z`);
  const byCustomer = new Map<string, StreamReply[]>();
  for (const r of options.replies ?? []) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r]);
  const prices = new Map(options.products.map((p) => [p.sku, p.price]));
  const orders: PlacedOrder[] = [];
  let n = 0;
  for (const customer of options.customers) {
    const base = dailyRate * (customer.vip ? 1.5 : 1) * (1 + 0.25 * Math.min(customer.priorOrders, 4));
    const replies = byCustomer.get(customer.id) ?? [];
    for (let day = 0; day < options.days; day++) {
      const at = t0 + day * DAY + Math.floor(rand() * DAY);
      const after = replies.find((r) => at > Date.parse(r.at) && at <= Date.parse(r.at) + windowMs);
      if (rand() >= base * (after ? 1 + lift : 1)) continue;
      const items: PlacedOrder['items'] = [];
      const complement = after && after.complements.length > 0 && rand() < uptake ? after.complements[Math.floor(rand() * after.complements.length)]! : null;
      if (complement && prices.has(complement)) items.push({ sku: complement, qty: 1, unitPrice: prices.get(complement)! });
      const count = 1 + Math.floor(rand() * 2);
      for (let i = 0; i < count; i++) {
        const product = options.products[Math.floor(rand() * options.products.length)]!;
        if (!items.some((it) => it.sku === product.sku)) items.push({ sku: product.sku, qty: 1 + Math.floor(rand() * 2), unitPrice: product.price });
      }
      n++;
      orders.push({
        id: `W${options.seed}-${String(n).padStart(5, '0')}`,
        customerId: customer.id,
        placedAt: new Date(at).toISOString(),
        currency: options.currency ?? 'EUR',
        total: round2(items.reduce((s, it) => s + it.qty * it.unitPrice, 0)),
        items,
      });
    }
  }
  return orders.sort((a, b) => a.placedAt.localeCompare(b.placedAt) || a.id.localeCompare(b.id));
}
