/**
 * ShopData over a shop JSON file (the CLI and tests; production reads Postgres).
 * The file holds { policies, products, customers, orders, today } — see shared/fixtures/shop.json.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type {
  CustomerRecord, OrderRecord, ProductRecord, ShopData, ShopPolicies,
} from '../domain/types';
import { INTENTS } from '../domain/types';
import { orderFormatOf, type OrderFormat } from '../domain/order-format';

const customerSchema = z.object({
  id: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  language: z.string().default('fr'),
  vip: z.boolean().default(false),
  ai_opt_out: z.boolean().default(false),
  created_at: z.string().default(''),
  notes: z.string().default(''),
});

const orderSchema = z.looseObject({
  number: z.string(),
  customer_id: z.string(),
  ordered_at: z.string(),
  status: z.string(),
  items: z.array(z.object({ sku: z.string(), qty: z.number(), unit_price: z.number() })),
  total: z.number(),
  currency: z.string(),
  shipping_fee: z.number(),
});

const productSchema = z.looseObject({
  sku: z.string(),
  name_fr: z.string(),
  name_en: z.string(),
  price: z.number(),
  complementary: z.array(z.string()).default([]),
});

const policiesSchema = z.looseObject({
  shop_name: z.string(),
  support_address: z.string(),
  website: z.string().default(''),
  return_window_days: z.number(),
  refund_processing_days: z.string(),
  free_shipping_threshold: z.number(),
  refund_double_approval_over: z.number(),
  approved_offers: z.array(z.object({
    code: z.string(), description_fr: z.string(), description_en: z.string(), when: z.string(),
    vip_only: z.boolean().optional(),
    intents: z.array(z.enum(INTENTS)).optional(),
  })).default([]),
  forbidden_commitments: z.array(z.string()).default([]),
  escalation_keywords_fr: z.array(z.string()).default([]),
  escalation_keywords_en: z.array(z.string()).default([]),
});

export const shopFileSchema = z.object({
  policies: policiesSchema,
  products: z.array(productSchema),
  customers: z.array(customerSchema),
  orders: z.array(orderSchema),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type ShopFile = z.infer<typeof shopFileSchema>;

const normName = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** An in-memory ShopData; lookups are case-insensitive on e-mail addresses and order numbers. */
export class JsonShopData implements ShopData {
  private readonly byEmail = new Map<string, CustomerRecord>();
  private readonly byId = new Map<string, CustomerRecord>();
  private readonly orders = new Map<string, OrderRecord>();

  constructor(private readonly data: ShopFile) {
    for (const c of data.customers) {
      this.byEmail.set(c.email.toLowerCase(), c);
      this.byId.set(c.id, c);
    }
    for (const o of data.orders) this.orders.set(o.number.toUpperCase(), o as OrderRecord);
  }

  async policies(): Promise<ShopPolicies> { return this.data.policies as ShopPolicies; }
  async today(): Promise<string> { return this.data.today; }
  async customerByEmail(email: string): Promise<CustomerRecord | null> {
    return this.byEmail.get(email.trim().toLowerCase()) ?? null;
  }
  async customerById(id: string): Promise<CustomerRecord | null> { return this.byId.get(id) ?? null; }
  async customersByName(firstName: string, lastName: string): Promise<CustomerRecord[]> {
    const f = normName(firstName);
    const l = normName(lastName);
    return this.data.customers.filter((c) => normName(c.first_name) === f && normName(c.last_name) === l);
  }
  async order(number: string): Promise<OrderRecord | null> {
    return this.orders.get(number.trim().toUpperCase()) ?? null;
  }
  async ordersOfCustomer(customerId: string): Promise<OrderRecord[]> {
    return [...this.orders.values()].filter((o) => o.customer_id === customerId);
  }
  async orderByTracking(trackingNumber: string): Promise<OrderRecord | null> {
    const wanted = trackingNumber.trim().toUpperCase();
    return [...this.orders.values()].find((o) => o.tracking_number?.toUpperCase() === wanted) ?? null;
  }
  async orderNumberFormat(): Promise<OrderFormat> { return orderFormatOf([...this.orders.keys()]); }
  async allOrderNumbers(): Promise<string[]> { return [...this.orders.keys()]; }
  async products(): Promise<ProductRecord[]> { return this.data.products as ProductRecord[]; }
}

/** Reads and validates a shop JSON file; throws a readable error naming the file when it is malformed. */
export async function loadShopJson(file: string): Promise<JsonShopData> {
  const text = await readFile(file, 'utf8');
  const parsed = shopFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`invalid shop file ${file}: ${z.prettifyError(parsed.error)}`);
  }
  return new JsonShopData(parsed.data);
}
