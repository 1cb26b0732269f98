/**
 * The customer's own orders as grounding snippets, read from the shop when an email needs them (an order's status
 * changes by the minute, and a copy in a vector store would go stale and outlive an erasure). The order the email is
 * about comes first, then the newest; only ever for the customer the sender was matched to.
 */
import type { ContextSnippet, OrderRecord, ShopData } from '../domain/types';
import { formatAmount, formatDate } from './shop-format';

export const HISTORY_LIMIT = 2;

export function historySnippet(order: OrderRecord, productNames: ReadonlyMap<string, string>, score: number): ContextSnippet {
  const items = order.items.map((it) => `${it.qty} × ${productNames.get(it.sku) ?? it.sku}`).join(', ');
  return {
    id: `history:order:${order.number}`,
    kind: 'history',
    text: `Commande ${order.number} du ${formatDate(order.ordered_at, 'fr')} : ${items} ; total ${formatAmount(order.total, 'fr')} ; statut ${order.status}` +
      (order.carrier ? ` ; ${order.carrier}` : '') + '.',
    score,
  };
}

export async function customerHistory(
  shop: Pick<ShopData, 'ordersOfCustomer' | 'products'>, customerId: string, aboutOrder: string | null, limit = HISTORY_LIMIT,
): Promise<ContextSnippet[]> {
  const [orders, products] = await Promise.all([shop.ordersOfCustomer(customerId), shop.products()]);
  const names = new Map(products.map((p) => [p.sku, p.name_fr]));
  return orders
    .filter((o) => o.customer_id === customerId)
    .sort((a, b) => Number(b.number === aboutOrder) - Number(a.number === aboutOrder) || b.ordered_at.localeCompare(a.ordered_at) || a.number.localeCompare(b.number))
    .slice(0, limit)
    .map((o) => historySnippet(o, names, o.number === aboutOrder ? 1 : 0.5));
}
