/**
 * Loads a whole shop JSON (shared/fixtures/shop.json format) into the CRM tables. Idempotent: an upsert by
 * primary key, in one transaction; seeding the same file twice leaves the same rows. The file is validated with
 * the shop JSON adapter's schema, so the tables hold exactly what JsonShopData would serve.
 */
import { z } from 'zod';
import type { Pool } from 'pg';
import { shopFileSchema, type ShopFile } from '../shop-json';
import type { Queryable } from './pool';
import {
  CUSTOMER_COLUMNS, ORDER_OPTIONAL_COLUMNS, ORDER_REQUIRED_COLUMNS, PRODUCT_COLUMNS, checkShopForColumns, customerNameKey,
  extraKeys,
} from './shop-columns';
import { withTransaction } from './transaction';

export interface SeedOptions {
  shopId?: string;
  /** Also delete customers, products and orders absent from the file (the demo reset). Default: keep them. */
  prune?: boolean;
}

export interface SeedResult {
  customers: number;
  products: number;
  orders: number;
  /** Rows deleted by `prune`. */
  pruned: number;
}

export async function upsertPolicies(
  db: Queryable, shopId: string, policies: Record<string, unknown>, today: string | null,
): Promise<void> {
  await db.query(
    `insert into shop_policies (shop_id, policies, today) values ($1, $2::jsonb, $3::date)
     on conflict (shop_id) do update set policies = excluded.policies, today = excluded.today, updated_at = now()
     where (shop_policies.policies, shop_policies.today) is distinct from (excluded.policies, excluded.today)`,
    [shopId, JSON.stringify(policies), today],
  );
}

/**
 * Where upserted rows go in the table's order (`ordinal`): `batch` (a whole file: its own order), or `append` (a sync
 * batch: new rows after the existing ones, a row already there keeps its place).
 */
export interface UpsertOptions {
  ordinals?: 'batch' | 'append';
}

/** The SQL of a row's ordinal: the batch's, or (append) after the table's last for a new row, its own for an old one. */
function ordinalSql(table: string): { insert: string; update: string } {
  return {
    insert: `case when $2::boolean then (select coalesce(max(ordinal), -1) + 1 from ${table}) + r.ordinal else r.ordinal end`,
    update: `case when $2::boolean then ${table}.ordinal else excluded.ordinal end`,
  };
}

export async function upsertCustomers(db: Queryable, customers: ShopFile['customers'], options: UpsertOptions = {}): Promise<void> {
  const place = ordinalSql('customers');
  const rows = customers.map((c, ordinal) => ({
    ...c,
    created_at: c.created_at === '' ? null : c.created_at,
    name_key: customerNameKey(c.first_name, c.last_name),
    extra: extraKeys(c, CUSTOMER_COLUMNS),
    ordinal,
  }));
  await db.query(
    `insert into customers (id, first_name, last_name, email, language, vip, ai_opt_out, created_at, notes,
       name_key, extra, ordinal)
     select id, first_name, last_name, email, language, vip, ai_opt_out, created_at, notes, name_key, extra, ${place.insert}
     from jsonb_to_recordset($1::jsonb) as r(id text, first_name text, last_name text, email text, language text,
       vip boolean, ai_opt_out boolean, created_at date, notes text, name_key text, extra jsonb, ordinal integer)
     on conflict (id) do update set
       first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
       language = excluded.language, vip = excluded.vip,
       -- an opt-out the customer gave us (reply link) or a reviewer recorded outlives a re-seed of the CRM
       ai_opt_out = excluded.ai_opt_out or customers.ai_opt_out_at is not null,
       created_at = excluded.created_at, notes = excluded.notes, name_key = excluded.name_key,
       extra = excluded.extra, ordinal = ${place.update}`,
    [JSON.stringify(rows), options.ordinals === 'append'],
  );
}

export async function upsertProducts(db: Queryable, products: ShopFile['products'], options: UpsertOptions = {}): Promise<void> {
  const place = ordinalSql('products');
  const rows = products.map((p, ordinal) => ({ ...p, extra: extraKeys(p, PRODUCT_COLUMNS), ordinal }));
  await db.query(
    `insert into products (sku, name_fr, name_en, price, complementary, extra, ordinal)
     select sku, name_fr, name_en, price, complementary, extra, ${place.insert}
     from jsonb_to_recordset($1::jsonb) as r(sku text, name_fr text, name_en text, price numeric,
       complementary text[], extra jsonb, ordinal integer)
     on conflict (sku) do update set
       name_fr = excluded.name_fr, name_en = excluded.name_en, price = excluded.price,
       complementary = excluded.complementary, extra = excluded.extra, ordinal = ${place.update}`,
    [JSON.stringify(rows), options.ordinals === 'append'],
  );
}

export async function upsertOrders(db: Queryable, orders: ShopFile['orders'], options: UpsertOptions = {}): Promise<void> {
  const place = ordinalSql('orders');
  const columns = [...ORDER_REQUIRED_COLUMNS, ...ORDER_OPTIONAL_COLUMNS];
  const rows = orders.map((o, ordinal) => ({ ...o, extra: extraKeys(o, columns, ORDER_OPTIONAL_COLUMNS), ordinal }));
  await db.query(
    `insert into orders (number, customer_id, ordered_at, status, items, total, currency, shipping_fee, carrier,
       tracking_number, shipped_at, estimated_delivery, delivered_at, refunded_amount, return_received_at, extra, ordinal)
     select number, customer_id, ordered_at, status, items, total, currency, shipping_fee, carrier,
       tracking_number, shipped_at, estimated_delivery, delivered_at, refunded_amount, return_received_at, extra,
       ${place.insert}
     from jsonb_to_recordset($1::jsonb) as r(number text, customer_id text, ordered_at date, status text, items jsonb,
       total numeric, currency text, shipping_fee numeric, carrier text, tracking_number text, shipped_at date,
       estimated_delivery date, delivered_at date, refunded_amount numeric, return_received_at date, extra jsonb,
       ordinal integer)
     on conflict (number) do update set
       customer_id = excluded.customer_id, ordered_at = excluded.ordered_at, status = excluded.status,
       items = excluded.items, total = excluded.total, currency = excluded.currency,
       shipping_fee = excluded.shipping_fee, carrier = excluded.carrier, tracking_number = excluded.tracking_number,
       shipped_at = excluded.shipped_at, estimated_delivery = excluded.estimated_delivery,
       delivered_at = excluded.delivered_at, refunded_amount = excluded.refunded_amount,
       return_received_at = excluded.return_received_at, extra = excluded.extra, ordinal = ${place.update}`,
    [JSON.stringify(rows), options.ordinals === 'append'],
  );
}

/** Deletes the CRM rows whose key is not in the file; returns how many. */
export async function pruneShop(db: Queryable, shop: ShopFile): Promise<number> {
  const { rows } = await db.query<{ pruned: number }>(
    `with o as (delete from orders where not (number = any($1::text[])) returning 1),
          p as (delete from products where not (sku = any($2::text[])) returning 1),
          c as (delete from customers where not (id = any($3::text[])) returning 1)
     select (select count(*) from o) + (select count(*) from p) + (select count(*) from c) as pruned`,
    [shop.orders.map((o) => o.number), shop.products.map((p) => p.sku), shop.customers.map((c) => c.id)],
  );
  return Number(rows[0]?.pruned ?? 0);
}

export function parseShopJson(shopJson: unknown): ShopFile {
  const parsed = shopFileSchema.safeParse(shopJson);
  if (!parsed.success) throw new Error(`invalid shop data: ${z.prettifyError(parsed.error)}`);
  checkShopForColumns(parsed.data);
  return parsed.data;
}

export async function seedShop(pool: Pool, shopJson: unknown, options: SeedOptions = {}): Promise<SeedResult> {
  const shop = parseShopJson(shopJson);
  return withTransaction(pool, async (client) => {
    const pruned = options.prune ? await pruneShop(client, shop) : 0;
    await upsertPolicies(client, options.shopId ?? 'default', shop.policies, shop.today);
    await upsertCustomers(client, shop.customers);
    await upsertProducts(client, shop.products);
    await upsertOrders(client, shop.orders);
    return { customers: shop.customers.length, products: shop.products.length, orders: shop.orders.length, pruned };
  });
}
