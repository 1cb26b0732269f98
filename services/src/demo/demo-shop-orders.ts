/**
 * The demo shop's side of the order feed: what it knows to generate its order stream (its customers and products as
 * Postgres holds them, the replies the KPI tables saw), and how it sends orders to the review service the one way a
 * shop feeds orders: `PUT /shop/crm/orders` (bearer SHOP_FEED_TOKEN), as CRM order records carrying their instant
 * (`placed_at`), 500 a request. Used by `replique orders generate|replay` and the demo's simulated month.
 */
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { shopOrderOfPlacedOrder, type PlacedOrder } from '@replique/activities/orders/placed-order';
import type { StreamCustomer, StreamProduct, StreamReply } from './order-stream';

/** The demo shop as Postgres holds it, and the replies the KPI tables saw in the range. */
export async function shopFromDb(db: Queryable, from: string, days: number): Promise<{ customers: StreamCustomer[]; products: StreamProduct[]; replies: StreamReply[] }> {
  const [customers, products, replies] = await Promise.all([
    db.query<StreamCustomer>(`select c.id, c.vip, (select count(*)::int from orders o where o.customer_id = c.id and o.ordered_at < $1::date) as "priorOrders"
      from customers c order by c.ordinal, c.id`, [from]),
    db.query<{ sku: string; price: string }>('select sku, price from products order by ordinal, sku'),
    db.query<StreamReply>(`select customer_id as "customerId", to_char(first_response_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, complements
      from kpi_email_facts where customer_id is not null and first_response_at >= $1::date and first_response_at < $1::date + $2::int
      order by first_response_at, email_key`, [from, days]),
  ]);
  return { customers: customers.rows, products: products.rows.map((p) => ({ sku: p.sku, price: Number(p.price) })), replies: replies.rows };
}

export interface PostedOrders {
  stored: number;
  duplicates: number;
  conflicts: number;
}

/** Sends the orders to `url`'s PUT /shop/crm/orders, 500 a request; how many were recorded as placed. */
export async function feedOrders(url: string, token: string, orders: PlacedOrder[], fetcher: typeof fetch = fetch): Promise<PostedOrders> {
  const totals = { stored: 0, duplicates: 0, conflicts: 0 };
  for (let i = 0; i < orders.length; i += 500) {
    const res = await fetcher(new URL('/shop/crm/orders', url), {
      method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ orders: orders.slice(i, i + 500).map(shopOrderOfPlacedOrder) }),
    });
    if (!res.ok) throw new Error(`PUT /shop/crm/orders answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    const { placed } = (await res.json()) as { placed: { stored: number; duplicates: number; conflicts: string[]; skipped: unknown[] } };
    if (placed.skipped.length > 0) throw new Error(`PUT /shop/crm/orders could not record ${placed.skipped.length} order(s) as placed: ${JSON.stringify(placed.skipped.slice(0, 3))}`);
    totals.stored += placed.stored;
    totals.duplicates += placed.duplicates;
    totals.conflicts += placed.conflicts.length;
  }
  return totals;
}
