/**
 * An order placed, as the shop's order feed sends it (HTTP `POST /shop/orders`, `replique orders import`): the id is
 * the shop's order number, the key of idempotency. Validated with zod before anything is stored. Pure.
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
