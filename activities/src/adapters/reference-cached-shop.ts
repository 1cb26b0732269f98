/**
 * A ShopData that keeps the shop's slow-changing reference data — policies, "today", the catalogue, the shape of
 * order numbers — for `ttlMs`, so that the stages of an email do not each read them again (they were a quarter of
 * an email's Postgres round trips: docs/benchmarks/README.md). Customers and orders are always read through: an
 * order's status changes by the minute and a customer may opt out of automatic replies at any time.
 *
 * A change to the policies or the catalogue reaches a worker within `ttlMs`; a shop without a pinned "today" sees
 * the new date up to `ttlMs` after midnight UTC. Concurrent callers share one read; a failed read is not kept.
 */
import type { CustomerRecord, CustomerWithOrders, FullName, OrderRecord, ProductRecord, ShopData, ShopPolicies } from '../domain/types';
import type { OrderFormat } from '../domain/order-format';

export interface ReferenceCacheOptions {
  ttlMs: number;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
}

/** `load`, called again once `ttlMs` has passed since the read that is kept. */
function keptFor<T>(ttlMs: number, now: () => number, load: () => Promise<T>): () => Promise<T> {
  let kept: { value: Promise<T>; at: number } | null = null;
  return () => {
    if (kept && now() - kept.at < ttlMs) return kept.value;
    const entry = { value: load(), at: now() };
    kept = entry;
    entry.value.catch(() => {
      if (kept === entry) kept = null;
    });
    return entry.value;
  };
}

export class ReferenceCachedShop implements ShopData {
  readonly policies: () => Promise<ShopPolicies>;
  readonly today: () => Promise<string>;
  readonly products: () => Promise<ProductRecord[]>;
  readonly orderNumberFormat: () => Promise<OrderFormat>;
  /** Read through, when the source has it. */
  readonly customerWithOrders?: (by: { email: string } | { id: string }) => Promise<CustomerWithOrders | null>;
  /** Read through, when the source has it. */
  readonly senderAndNamed?: (email: string, names: readonly FullName[]) => Promise<{ sender: CustomerWithOrders | null; named: CustomerRecord[][] }>;

  constructor(private readonly source: ShopData, options: ReferenceCacheOptions) {
    const now = options.now ?? Date.now;
    this.policies = keptFor(options.ttlMs, now, () => source.policies());
    this.today = keptFor(options.ttlMs, now, () => source.today());
    this.products = keptFor(options.ttlMs, now, () => source.products());
    this.orderNumberFormat = keptFor(options.ttlMs, now, () => source.orderNumberFormat());
    if (source.customerWithOrders) this.customerWithOrders = (by) => source.customerWithOrders!(by);
    if (source.senderAndNamed) this.senderAndNamed = (email, names) => source.senderAndNamed!(email, names);
  }

  customerByEmail(email: string): Promise<CustomerRecord | null> { return this.source.customerByEmail(email); }
  customerById(id: string): Promise<CustomerRecord | null> { return this.source.customerById(id); }
  customersByName(firstName: string, lastName: string): Promise<CustomerRecord[]> { return this.source.customersByName(firstName, lastName); }
  order(number: string): Promise<OrderRecord | null> { return this.source.order(number); }
  ordersOfCustomer(customerId: string): Promise<OrderRecord[]> { return this.source.ordersOfCustomer(customerId); }
  orderByTracking(trackingNumber: string): Promise<OrderRecord | null> { return this.source.orderByTracking(trackingNumber); }
  allOrderNumbers(): Promise<string[]> { return this.source.allOrderNumbers(); }
}
