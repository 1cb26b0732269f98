/**
 * A ShopData for ONE activity run: each customer and order lookup goes to the source once and its answer is shared by
 * every later call of the same run — the stages of `readEmail` asked the sender's record twice, and one enrich or
 * check stage asked the same order or the same customer's orders up to four times (docs/benchmarks/README.md).
 *
 * Read-through is kept where it matters: a new object is made for every email's analysis (EmailScopedShops below,
 * shared by its stages for a short while) and for every other activity run, so an opt-out or an order's new status is
 * seen by the next email, and by a stage run after that window. An order found in a customer's order list answers a later lookup of that
 * number, and a customer found by address or name a later lookup of that id (same rows, same columns).
 * When the source can read a customer with their orders in one statement (customerWithOrders), a customer's record and
 * their order list are read together, whichever is asked first: a stage that wants both (enrich, draft, check) reads once.
 * Reference data (policies, catalogue, "today", order format) goes to the source, which keeps it (reference-cached-shop.ts).
 * A failed read is not kept.
 */
import type { CustomerRecord, CustomerWithOrders, FullName, OrderRecord, ProductRecord, ShopData, ShopPolicies } from '../domain/types';
import type { OrderFormat } from '../domain/order-format';

export class RunScopedShop implements ShopData {
  private readonly reads = new Map<string, Promise<unknown>>();

  constructor(private readonly source: ShopData) {}

  policies(): Promise<ShopPolicies> { return this.source.policies(); }
  today(): Promise<string> { return this.source.today(); }
  orderNumberFormat(): Promise<OrderFormat> { return this.source.orderNumberFormat(); }
  allOrderNumbers(): Promise<string[]> { return this.source.allOrderNumbers(); }
  products(): Promise<ProductRecord[]> { return this.source.products(); }

  customerByEmail(email: string): Promise<CustomerRecord | null> {
    return this.once(customerEmailKey(email), async () => {
      if (this.source.customerWithOrders) return this.knowWithOrders(await this.source.customerWithOrders({ email }));
      return this.knowCustomers(await this.source.customerByEmail(email));
    });
  }

  customerById(id: string): Promise<CustomerRecord | null> {
    return this.once(`customer:${id}`, async () => {
      if (this.source.customerWithOrders) return this.knowWithOrders(await this.source.customerWithOrders({ id }));
      return this.source.customerById(id);
    });
  }

  customersByName(firstName: string, lastName: string): Promise<CustomerRecord[]> {
    return this.once(nameKey(firstName, lastName), async () => this.knowCustomers(await this.source.customersByName(firstName, lastName)));
  }

  /**
   * The sender's record with their orders and the customers of each name, in one read when the source can
   * (senderAndNamed) and nothing of it was read yet: the read stages, which ask for the sender and then for each full
   * name one at a time, find them kept. Without names, or with the sender read already, nothing is read here.
   */
  async readSenderAndNames(email: string, names: readonly FullName[]): Promise<void> {
    const senderKey = customerEmailKey(email);
    if (!this.source.senderAndNamed || names.length === 0 || this.reads.has(senderKey)) return;
    const unread = names.filter((n) => !this.reads.has(nameKey(n.first, n.last)));
    const both = this.source.senderAndNamed(email, unread);
    const kept = [
      this.once(senderKey, async () => this.knowWithOrders((await both).sender)),
      ...unread.map((n, i) => this.once(nameKey(n.first, n.last), async () => this.knowCustomers((await both).named[i] ?? []))),
    ];
    await Promise.all(kept);
  }

  order(number: string): Promise<OrderRecord | null> {
    return this.once(orderKey(number), () => this.source.order(number));
  }

  ordersOfCustomer(customerId: string): Promise<OrderRecord[]> {
    return this.once(`orders-of:${customerId}`, async () => {
      const both = this.source.customerWithOrders ? await this.source.customerWithOrders({ id: customerId }) : null;
      if (both) {
        this.knowWithOrders(both);
        return both.orders;
      }
      // No customer record with that id (or a source without the joined read): the orders alone, as before.
      const orders = await this.source.ordersOfCustomer(customerId);
      for (const o of orders) this.known(orderKey(o.number), o);
      return orders;
    });
  }

  orderByTracking(trackingNumber: string): Promise<OrderRecord | null> {
    return this.once(`tracking:${trackingNumber.trim().toUpperCase()}`, () => this.source.orderByTracking(trackingNumber));
  }

  /** The customer (null: none) and, with it, their order list and each of their orders. */
  private knowWithOrders(found: CustomerWithOrders | null): CustomerRecord | null {
    if (!found) return null;
    const { customer, orders } = found;
    this.known(`customer:${customer.id}`, customer);
    this.known(`orders-of:${customer.id}`, orders);
    for (const o of orders) this.known(orderKey(o.number), o);
    return customer;
  }

  private knowCustomers<T extends CustomerRecord | CustomerRecord[] | null>(found: T): T {
    for (const c of found === null ? [] : Array.isArray(found) ? found : [found]) this.known(`customer:${c.id}`, c);
    return found;
  }

  /** A record another lookup returned answers its own key too (unless that key was read already). */
  private known(key: string, value: unknown): void {
    if (!this.reads.has(key)) this.reads.set(key, Promise.resolve(value));
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const kept = this.reads.get(key);
    if (kept) return kept as Promise<T>;
    const value = read();
    this.reads.set(key, value);
    value.catch(() => {
      if (this.reads.get(key) === value) this.reads.delete(key);
    });
    return value;
  }
}

function customerEmailKey(email: string): string {
  return `customer-email:${email.trim().toLowerCase()}`;
}

function nameKey(firstName: string, lastName: string): string {
  return `customer-name:${JSON.stringify([firstName, lastName])}`;
}

/** Order numbers are unique case-insensitively (the source compares them upper-cased, trimmed). */
function orderKey(number: string): string {
  return `order:${number.trim().toUpperCase()}`;
}

export interface EmailScopedShopsOptions {
  /** How long one email's reads are shared after its first stage asked (then its next stage reads through again). */
  ttlMs?: number;
  /** Emails kept at most (oldest out first). */
  maxKept?: number;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
}

/**
 * One RunScopedShop per email being analysed, shared by its stages (read, enrich, classify, retrieve, draft, check,
 * route: separate activity runs a few milliseconds apart) for `ttlMs` after the first: the sender's record and orders
 * are read once per email instead of once per stage (~5 statements an email: docs/benchmarks/README.md). What a stage
 * reads was already what the email's analysis saw (enrich records the customer, its opt-out and orders in the case
 * file; later stages decide on that record), so sharing it within the analysis changes no decision's inputs; after
 * `ttlMs` (a slow or retried stage) the next stage reads through again. Bounded, and `forget()` drops all (erasure).
 */
export class EmailScopedShops {
  private readonly shops = new Map<string, { shop: RunScopedShop; until: number }>();
  private readonly ttlMs: number;
  private readonly maxKept: number;
  private readonly now: () => number;

  constructor(private readonly source: ShopData, options: EmailScopedShopsOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxKept = options.maxKept ?? 500;
    this.now = options.now ?? Date.now;
  }

  /** The shop of this email's analysis: the one its earlier stages used while it is fresh, else a new one. */
  of(emailKey: string): RunScopedShop {
    const at = this.now();
    const kept = this.shops.get(emailKey);
    if (kept && kept.until > at) return kept.shop;
    this.shops.delete(emailKey);
    while (this.shops.size >= this.maxKept) this.shops.delete(this.shops.keys().next().value as string);
    const shop = new RunScopedShop(this.source);
    this.shops.set(emailKey, { shop, until: at + this.ttlMs });
    return shop;
  }

  /** Drops every email's reads. */
  forget(): void {
    this.shops.clear();
  }
}
