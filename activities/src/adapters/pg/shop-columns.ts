/**
 * How shop records (as the shop JSON adapter reads them) map to the CRM tables and back, so PgShopData returns
 * exactly what JsonShopData returns: typed columns for the known fields, `extra` for every other key (and for a
 * known optional key set to an explicit null), an absent key when the source had none.
 */
import { z } from 'zod';
import type { ShopFile } from '../shop-json';

export const CUSTOMER_COLUMNS = [
  'id', 'first_name', 'last_name', 'email', 'language', 'vip', 'ai_opt_out', 'created_at', 'notes',
] as const;
export const PRODUCT_COLUMNS = ['sku', 'name_fr', 'name_en', 'price', 'complementary'] as const;
export const ORDER_REQUIRED_COLUMNS = [
  'number', 'customer_id', 'ordered_at', 'status', 'items', 'total', 'currency', 'shipping_fee',
] as const;
export const ORDER_OPTIONAL_COLUMNS = [
  'carrier', 'tracking_number', 'shipped_at', 'estimated_delivery', 'delivered_at', 'refunded_amount',
  'return_received_at',
] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

/** What the typed columns need on top of the shop JSON schema (which lets these keys through untyped). */
export const orderColumnsSchema = z.object({
  ordered_at: isoDate,
  carrier: optional(z.string()),
  tracking_number: optional(z.string()),
  shipped_at: optional(isoDate),
  estimated_delivery: optional(isoDate),
  delivered_at: optional(isoDate),
  refunded_amount: optional(z.number()),
  return_received_at: optional(isoDate),
});
/** A customer's created_at is a date, or '' (the JSON adapter's default) which is stored as null. */
export const customerColumnsSchema = z.object({ created_at: z.union([isoDate, z.literal('')]) });

/** The keys of `record` outside `columns`, plus the listed nullable columns set to an explicit null. */
export function extraKeys(
  record: Record<string, unknown>, columns: readonly string[], nullable: readonly string[] = [],
): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!columns.includes(key) || (nullable.includes(key) && value === null)) extra[key] = value;
  }
  return extra;
}

/** Rejects what the tables cannot hold faithfully: bad dates, mistyped optional fields, duplicate keys. */
export function checkShopForColumns(shop: ShopFile): void {
  const problems: string[] = [];
  const seen = (label: string, keys: string[]): void => {
    const set = new Set<string>();
    for (const key of keys) {
      if (set.has(key)) problems.push(`duplicate ${label} ${key}`);
      set.add(key);
    }
  };
  seen('customer id', shop.customers.map((c) => c.id));
  seen('product sku', shop.products.map((p) => p.sku));
  seen('order number (case-insensitive)', shop.orders.map((o) => o.number.toUpperCase()));
  shop.customers.forEach((c, i) => {
    const r = customerColumnsSchema.safeParse(c);
    if (!r.success) problems.push(`customers[${i}] (${c.id}): ${z.prettifyError(r.error)}`);
  });
  shop.orders.forEach((o, i) => {
    const r = orderColumnsSchema.safeParse(o);
    if (!r.success) problems.push(`orders[${i}] (${o.number}): ${z.prettifyError(r.error)}`);
  });
  if (problems.length > 0) throw new Error(`shop data cannot be stored: ${problems.join('; ')}`);
}

/** The by-name lookup key: first and last name without accents, case or extra spaces (as the JSON adapter compares). */
export function customerNameKey(firstName: string, lastName: string): string {
  const norm = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return `${norm(firstName)}\n${norm(lastName)}`;
}
