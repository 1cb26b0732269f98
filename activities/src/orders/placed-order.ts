/**
 * An order placed, for the conversion-after-email KPI: the id is the shop's order number, the key of idempotency.
 * The shop feeds its orders once, as CRM order records (`PUT /shop/crm/orders`): each is recorded as placed
 * (placedOrderOfShopOrder) beside its state. `replique orders import` reads this format from a file; `POST /shop/orders`
 * takes it too, as a deprecated alias. Validated with zod before anything is stored. Pure.
 */
import { z } from 'zod';

export const PlacedOrderItemSchema = z.strictObject({
  sku: z.string().trim().min(1).max(100),
  qty: z.number().int().positive().max(10_000),
  unitPrice: z.number().nonnegative().max(1_000_000),
});

export const PlacedOrderSchema = z.strictObject({
  /** The shop's order number: the same id sent again is the same order. */
  id: z.string().trim().min(1).max(100),
  /** The CRM customer id (customers.id). */
  customerId: z.string().trim().min(1).max(100),
  /** When the order was placed (ISO 8601 with an offset). */
  placedAt: z.iso.datetime({ offset: true }),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code, e.g. EUR'),
  total: z.number().nonnegative().max(10_000_000),
  items: z.array(PlacedOrderItemSchema).min(1).max(500),
});
export type PlacedOrder = z.infer<typeof PlacedOrderSchema>;

/** One request of the feed: up to 1,000 orders. */
export const PlacedOrderBatchSchema = z.strictObject({ orders: z.array(PlacedOrderSchema).min(1).max(1_000) });

export interface ParsedOrderFile {
  orders: PlacedOrder[];
  /** Lines (or array positions, from 1) that are not valid orders, with why. */
  invalid: { at: number; error: string }[];
}

/**
 * An import file: JSON lines (one order per line), a JSON array of orders, or `{"orders": [...]}` (the HTTP body).
 * Every order is validated; the invalid ones are reported by position and none of them is kept.
 */
export function parseOrderFile(text: string): ParsedOrderFile {
  const trimmed = text.trim();
  let entries: unknown[];
  if (trimmed.startsWith('[') || trimmed.startsWith('{"orders"') || /^\{\s*"orders"\s*:/.test(trimmed)) {
    const json: unknown = JSON.parse(trimmed);
    entries = Array.isArray(json) ? json : z.object({ orders: z.array(z.unknown()) }).parse(json).orders;
  } else {
    entries = trimmed === '' ? [] : trimmed.split('\n').map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return line;
      }
    });
  }
  const result: ParsedOrderFile = { orders: [], invalid: [] };
  entries.forEach((entry, i) => {
    const parsed = PlacedOrderSchema.safeParse(entry);
    if (parsed.success) result.orders.push(parsed.data);
    else result.invalid.push({ at: i + 1, error: z.prettifyError(parsed.error).split('\n').join(' ') });
  });
  return result;
}

/** An order as the shop's CRM sends it (the shop JSON's order record: shared/fixtures/shop.json), as far as it matters here. */
export interface ShopOrderLike {
  number: string;
  customer_id: string;
  /** YYYY-MM-DD. */
  ordered_at: string;
  items: { sku: string; qty: number; unit_price: number }[];
  total: number;
  currency: string;
  /** When the order was placed, ISO 8601 with an offset (optional: else the start of `ordered_at`, UTC). */
  placed_at?: unknown;
}

/** `placed_at` when the record carries one: a valid instant, or null when absent; an invalid value is an error. */
export const ShopOrderPlacedAtSchema = z.iso.datetime({ offset: true }).nullish();

/**
 * The CRM order record as an order placed: its number, customer, instant (`placed_at`, else `ordered_at` at 00:00 UTC),
 * amounts and items. An error (why) when it cannot be one (no items, a quantity of 0, a currency not in ISO 4217 form).
 */
export function placedOrderOfShopOrder(order: ShopOrderLike): { order: PlacedOrder } | { error: string } {
  const placedAt = typeof order.placed_at === 'string' ? order.placed_at : `${order.ordered_at}T00:00:00Z`;
  const parsed = PlacedOrderSchema.safeParse({
    id: order.number, customerId: order.customer_id, placedAt, currency: order.currency, total: order.total,
    items: order.items.map((i) => ({ sku: i.sku, qty: i.qty, unitPrice: i.unit_price })),
  });
  return parsed.success ? { order: parsed.data } : { error: z.prettifyError(parsed.error).split('\n').join(' ') };
}

/** An order placed as the CRM order record that says the same (status `processing`, no shipping fee known): the demo shop's stream. */
export function shopOrderOfPlacedOrder(order: PlacedOrder): ShopOrderLike & { status: string; shipping_fee: number; placed_at: string } {
  return {
    number: order.id, customer_id: order.customerId, ordered_at: new Date(order.placedAt).toISOString().slice(0, 10),
    placed_at: order.placedAt, status: 'processing', items: order.items.map((i) => ({ sku: i.sku, qty: i.qty, unit_price: i.unitPrice })),
    total: order.total, currency: order.currency, shipping_fee: 0,
  };
}
