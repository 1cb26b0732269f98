/**
 * A ShopData for ONE activity run: each customer and order lookup goes to the source once and its answer is shared by
 * every later call of the same run — the stages of `readEmail` asked the sender's record twice, and one enrich or
 * check stage asked the same order or the same customer's orders up to four times (docs/benchmarks/README.md).
 *
 * Read-through is kept where it matters: a new object is made for every activity run (email-activities.ts), so an
 * opt-out or an order's new status is seen by the next stage, exactly as before; only the repeats inside one stage run
 * (a few milliseconds apart) share a read. An order found in a customer's order list answers a later lookup of that
 * number, and a customer found by address or name a later lookup of that id (same rows, same columns).
 * When the source can read a customer with their orders in one statement (customerWithOrders), a customer's record and
 * their order list are read together, whichever is asked first: a stage that wants both (enrich, draft, check) reads once.
 * Reference data (policies, catalogue, "today", order format) goes to the source, which keeps it (reference-cached-shop.ts).
 * A failed read is not kept.
 */
import type { CustomerRecord, CustomerWithOrders, OrderRecord, ProductRecord, ShopData, ShopPolicies } from '../domain/types';
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
    return this.once(`customer-email:${email.trim().toLowerCase()}`, async () => {
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
    return this.once(`customer-name:${JSON.stringify([firstName, lastName])}`, async () => this.knowCustomers(await this.source.customersByName(firstName, lastName)));
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

/** Order numbers are unique case-insensitively (the source compares them upper-cased, trimmed). */
function orderKey(number: string): string {
  return `order:${number.trim().toUpperCase()}`;
}
