/**
 * A shop for the conversion tests: the demo shop's policies and products (shared/fixtures/shop.json) with a crowd of
 * synthetic customers (VIP or not, French or English, 0–3 orders in the CRM before the simulated range), so that a
 * simulated fortnight has customers who got replies and a baseline of customers who got none. Deterministic.
 */
import { readFileSync } from 'node:fs';
import { mulberry32 } from '@replique/activities/domain/seeded-random';
import type { StreamCustomer, StreamProduct } from '../../services/src/demo/order-stream';
import { shopFixture } from '../support/paths';
import type { ConversionShop } from './recompute-kpis';

interface ShopJson {
  policies: unknown;
  today: string;
  products: { sku: string; price: number; complementary: string[] }[];
  customers: Record<string, unknown>[];
  orders: Record<string, unknown>[];
}

export interface SimulatedShop {
  json: ShopJson;
  customerIds: string[];
  /** What the order stream needs. */
  streamCustomers: StreamCustomer[];
  products: StreamProduct[];
  /** SKU → its complementary products. */
  complements: Record<string, string[]>;
  /** The oracle's view of the shop, without the feed's orders (added once generated). */
  conversion(placed: ConversionShop['placed'], windowDays: number): ConversionShop;
}

export function simulateShop(options: { seed: number; customers: number; start: string }): SimulatedShop {
  const rand = mulberry32(options.seed);
  const fixture = JSON.parse(readFileSync(shopFixture, 'utf8')) as ShopJson;
  const customers: Record<string, unknown>[] = [];
  const orders: Record<string, unknown>[] = [];
  const streamCustomers: StreamCustomer[] = [];
  const t0 = Date.parse(`${options.start}T00:00:00Z`);
  for (let i = 1; i <= options.customers; i++) {
    const id = `S${String(i).padStart(4, '0')}`;
    const vip = rand() < 0.12;
    const language = rand() < 0.6 ? 'fr' : 'en';
    customers.push({ id, first_name: `Client${i}`, last_name: 'Simulé', email: `client${i}@example.test`, language, vip, ai_opt_out: false,
      created_at: '2024-01-15', notes: '' });
    const prior = Math.floor(rand() * 4);
    for (let k = 0; k < prior; k++) {
      const product = fixture.products[Math.floor(rand() * fixture.products.length)]!;
      orders.push({ number: `SIM-${id}-${k + 1}`, customer_id: id, ordered_at: new Date(t0 - (5 + Math.floor(rand() * 300)) * 86_400_000).toISOString().slice(0, 10),
        status: 'delivered', items: [{ sku: product.sku, qty: 1, unit_price: product.price }], total: product.price, currency: 'EUR', shipping_fee: 0 });
    }
    streamCustomers.push({ id, vip, priorOrders: prior });
  }
  const json = { ...fixture, customers, orders };
  return {
    json,
    customerIds: customers.map((c) => c.id as string),
    streamCustomers,
    products: fixture.products.map((p) => ({ sku: p.sku, price: p.price })),
    complements: Object.fromEntries(fixture.products.map((p) => [p.sku, p.complementary])),
    conversion: (placed, windowDays) => ({
      customers: customers.map((c) => ({ id: c.id as string, vip: c.vip as boolean, language: c.language as string })),
      crmOrders: orders.map((o) => ({ number: o.number as string, customer_id: o.customer_id as string, ordered_at: o.ordered_at as string })),
      placed, windowDays,
    }),
  };
}

/** The oracle's view of the demo shop itself (shared/fixtures/shop.json, as the worker seeds it), with the feed's orders. */
export function demoShopConversion(placed: ConversionShop['placed'], windowDays: number): ConversionShop {
  const fixture = JSON.parse(readFileSync(shopFixture, 'utf8')) as {
    customers: { id: string; vip: boolean; language: string }[];
    orders: { number: string; customer_id: string; ordered_at: string }[];
  };
  return { customers: fixture.customers, crmOrders: fixture.orders, placed, windowDays };
}
