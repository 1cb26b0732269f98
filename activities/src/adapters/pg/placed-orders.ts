/**
 * The order feed's table (migration 027): orders placed, once each by order id. A repeated order changes nothing;
 * one whose content differs from the stored one is reported as a conflict and not applied (the first version stays:
 * an order placed does not change after the fact; a refund or a cancellation is not a new order).
 */
import type { PlacedOrder } from '../../orders/placed-order';
import type { Queryable } from './pool';

export interface StoreOrdersResult {
  stored: number;
  /** Already there, the same. */
  duplicates: number;
  /** Already there with other content: the ids, not applied. */
  conflicts: string[];
}

export async function storePlacedOrders(db: Queryable, orders: PlacedOrder[], source: 'http' | 'import'): Promise<StoreOrdersResult> {
  if (orders.length === 0) return { stored: 0, duplicates: 0, conflicts: [] };
  const rows = orders.map((o, ord) => ({
    ord, order_id: o.id, customer_id: o.customerId, placed_at: o.placedAt, currency: o.currency, total: o.total,
    items: o.items, skus: [...new Set(o.items.map((i) => i.sku))],
  }));
  // The same id twice in one batch counts once (the first); `xmax = 0` tells an insert from the row already there.
  const { rows: out } = await db.query<{ order_id: string; inserted: boolean; same: boolean }>(
    `with input as (
       select distinct on (order_id) * from jsonb_to_recordset($1::jsonb)
         as r(ord integer, order_id text, customer_id text, placed_at timestamptz, currency text, total numeric, items jsonb, skus text[])
       order by order_id, ord),
     ins as (
       insert into placed_orders (order_id, customer_id, placed_at, currency, total, items, skus, source)
       select order_id, customer_id, placed_at, currency, total, items, skus, $2 from input
       on conflict (order_id) do nothing
       returning order_id)
     select i.order_id, (ins.order_id is not null) as inserted,
       coalesce((p.customer_id, p.placed_at, p.currency, p.total, p.items) = (i.customer_id, i.placed_at, i.currency, i.total, i.items), true) as same
     from input i left join ins using (order_id) left join placed_orders p on p.order_id = i.order_id and ins.order_id is null`,
    [JSON.stringify(rows), source],
  );
  const conflicts = out.filter((r) => !r.inserted && !r.same).map((r) => r.order_id).sort();
  const stored = out.filter((r) => r.inserted).length;
  return { stored, duplicates: orders.length - stored - conflicts.length, conflicts };
}

export async function placedOrderCount(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from placed_orders');
  return rows[0]!.n;
}
