/**
 * The shop's CRM data arriving piece by piece (the sync endpoint, services/src/review/shop-sync-routes.ts): one kind
 * at a time — customers, orders, products, or the policies — validated with the shop JSON schema before anything
 * is written (the whole batch or nothing), upserted by key in one transaction, like `replique shop import`
 * (seed-shop.ts) but without touching what the batch does not name. Rows new to the table are placed after the
 * existing ones (the order `customerByEmail` and the order lists follow); a row sent again keeps its place.
 * Orders are also recorded as placed (placed_orders, the conversion KPI's feed), once by number, in the same
 * transaction: the shop sends each order once, here. One that cannot be an order placed (no items…) is named in
 * `placed.skipped`; its CRM record is stored all the same.
 */
import { z } from 'zod';
import type { Pool } from 'pg';
import { shopFileSchema, type ShopFile } from '../shop-json';
import { checkShopForColumns } from './shop-columns';
import { placedOrderOfShopOrder, ShopOrderPlacedAtSchema, type PlacedOrder } from '../../orders/placed-order';
import { storePlacedOrders, type StoreOrdersResult } from './placed-orders';
import { upsertCustomers, upsertOrders, upsertPolicies, upsertProducts } from './seed-shop';
import { withTransaction } from './transaction';

const MAX_ROWS = 10_000;
const shape = shopFileSchema.shape;

export const shopSyncSchemas = {
  customers: z.strictObject({ customers: shape.customers.min(1).max(MAX_ROWS) }),
  orders: z.strictObject({ orders: shape.orders.min(1).max(MAX_ROWS) }),
  products: z.strictObject({ products: shape.products.min(1).max(MAX_ROWS) }),
  /** `today` pins the shop's date (a demo shop); null or absent: the real date. */
  policies: z.strictObject({ policies: shape.policies, today: shape.today.nullable().optional() }),
};
export type ShopSyncKind = keyof typeof shopSyncSchemas;
export const SHOP_SYNC_KINDS = Object.keys(shopSyncSchemas) as ShopSyncKind[];

/** The batch failed validation: `message` names every problem (and no value of a customer's). */
export class ShopSyncInvalidError extends Error {
  override readonly name = 'ShopSyncInvalidError';
}

export interface ShopSyncResult {
  kind: ShopSyncKind;
  /** Rows inserted or updated (1 for the policies). */
  upserted: number;
  /** Orders only: how they were recorded as placed (new, already there, changed after the fact: not applied), and those that cannot be. */
  placed?: StoreOrdersResult & { skipped: { number: string; error: string }[] };
}

export async function syncShopData(pool: Pool, kind: ShopSyncKind, body: unknown, shopId = 'default'): Promise<ShopSyncResult> {
  const parsed = shopSyncSchemas[kind].safeParse(body);
  if (!parsed.success) throw new ShopSyncInvalidError(z.prettifyError(parsed.error));
  const data = parsed.data as Partial<z.infer<typeof shopFileSchema>> & { today?: string | null };
  try {
    checkShopForColumns({ customers: [], orders: [], products: [], ...data } as z.infer<typeof shopFileSchema>);
  } catch (error) {
    throw new ShopSyncInvalidError((error as Error).message);
  }
  const placed = kind === 'orders' ? ordersPlaced(data.orders!) : null;
  const append = { ordinals: 'append' } as const;
  return withTransaction(pool, async (db) => {
    switch (kind) {
      case 'customers': await upsertCustomers(db, data.customers!, append); return { kind, upserted: data.customers!.length };
      case 'orders': {
        await upsertOrders(db, data.orders!, append);
        const stored = await storePlacedOrders(db, placed!.orders, 'http');
        return { kind, upserted: data.orders!.length, placed: { ...stored, skipped: placed!.skipped } };
      }
      case 'products': await upsertProducts(db, data.products!, append); return { kind, upserted: data.products!.length };
      case 'policies': await upsertPolicies(db, shopId, data.policies!, data.today ?? null); return { kind, upserted: 1 };
    }
  });
}

/** The batch's orders as orders placed; an invalid `placed_at` fails the batch (nothing stored). */
function ordersPlaced(orders: ShopFile['orders']): { orders: PlacedOrder[]; skipped: { number: string; error: string }[] } {
  const badInstant = orders.filter((o) => !ShopOrderPlacedAtSchema.safeParse(o['placed_at']).success).map((o) => o.number);
  if (badInstant.length > 0) throw new ShopSyncInvalidError(`placed_at is not an ISO 8601 instant with an offset: orders ${badInstant.slice(0, 10).join(', ')}`);
  const result = { orders: [] as PlacedOrder[], skipped: [] as { number: string; error: string }[] };
  for (const order of orders) {
    const placed = placedOrderOfShopOrder(order);
    if ('order' in placed) result.orders.push(placed.order);
    else result.skipped.push({ number: order.number, error: placed.error });
  }
  return result;
}
