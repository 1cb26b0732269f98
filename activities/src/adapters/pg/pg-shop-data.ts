/**
 * ShopData over the CRM tables. Returns the same records as JsonShopData over the same file: numbers as numbers,
 * dates as 'YYYY-MM-DD', an optional order field absent when the source had none, lists in source order, and
 * the same lookup rules (e-mail trimmed and case-insensitive, the last customer wins on a shared address;
 * order numbers trimmed and case-insensitive; names compared without accents, case or extra spaces).
 */
import type { CustomerRecord, CustomerWithOrders, FullName, OrderRecord, ProductRecord, ShopData, ShopPolicies } from '../../domain/types';
import { DEFAULT_ORDER_FORMAT, type OrderFormat } from '../../domain/order-format';
import type { Queryable } from './pool';
import { ORDER_OPTIONAL_COLUMNS, customerNameKey } from './shop-columns';

export class ShopNotSeededError extends Error {
  constructor(shopId: string) {
    super(`no policies for shop "${shopId}": run the shop seed first`);
    this.name = 'ShopNotSeededError';
  }
}

interface CustomerRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  language: string;
  vip: boolean;
  ai_opt_out: boolean;
  created_at: string | null;
  notes: string;
  extra: Record<string, unknown>;
}

type OrderRow = Omit<OrderRecord, (typeof ORDER_OPTIONAL_COLUMNS)[number]> & {
  [K in (typeof ORDER_OPTIONAL_COLUMNS)[number]]: NonNullable<OrderRecord[K]> | null;
} & { extra: Record<string, unknown> };

interface ProductRow {
  sku: string;
  name_fr: string;
  name_en: string;
  price: number;
  complementary: string[];
  extra: Record<string, unknown>;
}

const CUSTOMER_COLUMNS = `id, first_name, last_name, email, language, vip, ai_opt_out,
  to_char(created_at, 'YYYY-MM-DD') as created_at, notes, extra`;
const CUSTOMER_SELECT = `select ${CUSTOMER_COLUMNS} from customers`;

const ORDER_COLUMNS = `number, customer_id, to_char(ordered_at, 'YYYY-MM-DD') as ordered_at, status, items,
  total::float8 as total, currency, shipping_fee::float8 as shipping_fee, carrier, tracking_number,
  to_char(shipped_at, 'YYYY-MM-DD') as shipped_at, to_char(estimated_delivery, 'YYYY-MM-DD') as estimated_delivery,
  to_char(delivered_at, 'YYYY-MM-DD') as delivered_at, refunded_amount::float8 as refunded_amount,
  to_char(return_received_at, 'YYYY-MM-DD') as return_received_at, extra`;
const ORDER_SELECT = `select ${ORDER_COLUMNS} from orders`;
/** A customer's row and their orders (JSON of the same columns, in source order), by the condition on `c`. */
const CUSTOMER_WITH_ORDERS = (where: string) => `select c.*,
  coalesce((select json_agg(o order by o.ordinal) from (select ${ORDER_COLUMNS}, ordinal from orders where customer_id = c.id) o), '[]'::json) as orders
  from (select ${CUSTOMER_COLUMNS}, ordinal from customers) c where ${where}`;
/** The customer of an address: the last one in source order when several share it (as customerByEmail reads it). */
const CUSTOMER_BY_EMAIL = 'lower(c.email) = lower($1) order by c.ordinal desc limit 1';
type CustomerWithOrdersRow = CustomerRow & { ordinal: unknown; orders: Array<OrderRow & { ordinal: unknown }> };

function toCustomer({ extra, created_at, ...row }: CustomerRow): CustomerRecord {
  return { ...row, created_at: created_at ?? '', ...extra };
}

function toOrder({ extra, ...row }: OrderRow): OrderRecord {
  const order: Record<string, unknown> = { ...row };
  for (const key of ORDER_OPTIONAL_COLUMNS) if (order[key] === null) delete order[key];
  return { ...order, ...extra } as OrderRecord;
}

/** A row of CUSTOMER_WITH_ORDERS (or its JSON): the customer and their orders. */
function withOrdersOf(row: CustomerWithOrdersRow): CustomerWithOrders {
  const { orders, ordinal: _ordinal, ...customer } = row;
  return { customer: toCustomer(customer), orders: orders.map(({ ordinal: _o, ...o }) => toOrder(o)) };
}

function toProduct({ extra, ...row }: ProductRow): ProductRecord {
  return { ...row, ...extra };
}

export interface PgShopDataOptions {
  shopId?: string;
  /** The clock used when the shop has no pinned "today" (UTC date). */
  now?: () => Date;
}

export class PgShopData implements ShopData {
  private readonly shopId: string;
  private readonly now: () => Date;

  constructor(private readonly db: Queryable, options: PgShopDataOptions = {}) {
    this.shopId = options.shopId ?? 'default';
    this.now = options.now ?? (() => new Date());
  }

  async policies(): Promise<ShopPolicies> {
    const { rows } = await this.db.query<{ policies: ShopPolicies }>(
      'select policies from shop_policies where shop_id = $1', [this.shopId],
    );
    if (!rows[0]) throw new ShopNotSeededError(this.shopId);
    return rows[0].policies;
  }

  async today(): Promise<string> {
    const { rows } = await this.db.query<{ today: string | null }>(
      `select to_char(today, 'YYYY-MM-DD') as today from shop_policies where shop_id = $1`, [this.shopId],
    );
    return rows[0]?.today ?? this.now().toISOString().slice(0, 10);
  }

  async customerByEmail(email: string): Promise<CustomerRecord | null> {
    const { rows } = await this.db.query<CustomerRow>(
      `${CUSTOMER_SELECT} where lower(email) = lower($1) order by ordinal desc limit 1`, [email.trim()],
    );
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  async customerById(id: string): Promise<CustomerRecord | null> {
    const { rows } = await this.db.query<CustomerRow>(`${CUSTOMER_SELECT} where id = $1`, [id]);
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  async customersByName(firstName: string, lastName: string): Promise<CustomerRecord[]> {
    const { rows } = await this.db.query<CustomerRow>(`${CUSTOMER_SELECT} where name_key = $1 order by ordinal`, [
      customerNameKey(firstName, lastName),
    ]);
    return rows.map(toCustomer);
  }

  async order(number: string): Promise<OrderRecord | null> {
    const { rows } = await this.db.query<OrderRow>(`${ORDER_SELECT} where upper(number) = upper($1)`, [number.trim()]);
    return rows[0] ? toOrder(rows[0]) : null;
  }

  async ordersOfCustomer(customerId: string): Promise<OrderRecord[]> {
    const { rows } = await this.db.query<OrderRow>(`${ORDER_SELECT} where customer_id = $1 order by ordinal`, [
      customerId,
    ]);
    return rows.map(toOrder);
  }

  /** customerByEmail / customerById and ordersOfCustomer in one statement (the orders as JSON of the same columns). */
  async customerWithOrders(by: { email: string } | { id: string }): Promise<CustomerWithOrders | null> {
    const [where, value] = 'email' in by
      ? [CUSTOMER_BY_EMAIL, by.email.trim()]
      : ['c.id = $1', by.id];
    const { rows } = await this.db.query<CustomerWithOrdersRow>(CUSTOMER_WITH_ORDERS(where), [value],
    );
    return rows[0] ? withOrdersOf(rows[0]) : null;
  }

  /** customerWithOrders({ email }) and customersByName for each name in one statement (rows as JSON of the same columns). */
  async senderAndNamed(email: string, names: readonly FullName[]): Promise<{ sender: CustomerWithOrders | null; named: CustomerRecord[][] }> {
    const { rows } = await this.db.query<{ sender: CustomerWithOrdersRow | null; named: Array<Array<CustomerRow & { ordinal: unknown }>> }>(
      `select (select row_to_json(s) from (${CUSTOMER_WITH_ORDERS(CUSTOMER_BY_EMAIL)}) s) as sender,
         (select coalesce(json_agg(
            (select coalesce(json_agg(c order by c.ordinal), '[]'::json)
             from (select ${CUSTOMER_COLUMNS}, ordinal from customers where name_key = k.name_key) c) order by k.i), '[]'::json)
          from unnest($2::text[]) with ordinality k(name_key, i)) as named`,
      [email.trim(), names.map((n) => customerNameKey(n.first, n.last))],
    );
    const row = rows[0]!;
    return {
      sender: row.sender ? withOrdersOf(row.sender) : null,
      named: row.named.map((found) => found.map(({ ordinal: _o, ...c }) => toCustomer(c))),
    };
  }

  async orderByTracking(trackingNumber: string): Promise<OrderRecord | null> {
    const { rows } = await this.db.query<OrderRow>(
      `${ORDER_SELECT} where upper(tracking_number) = upper($1) order by ordinal limit 1`, [trackingNumber.trim()],
    );
    return rows[0] ? toOrder(rows[0]) : null;
  }

  /** orderFormatOf (domain/order-format.ts) in SQL: one row back, whatever the number of orders. */
  async orderNumberFormat(): Promise<OrderFormat> {
    const { rows } = await this.db.query<OrderFormat>(
      `select prefix, digits from (
         select substring(upper(number) from '^([A-Z]{1,6})-[0-9]{3,10}$') as prefix,
                length(substring(upper(number) from '^[A-Z]{1,6}-([0-9]{3,10})$'))::int as digits, ordinal
         from orders) shapes
       where prefix is not null
       group by prefix, digits order by count(*) desc, min(ordinal) limit 1`,
    );
    return rows[0] ?? DEFAULT_ORDER_FORMAT;
  }

  async allOrderNumbers(): Promise<string[]> {
    const { rows } = await this.db.query<{ number: string }>('select upper(number) as number from orders order by ordinal');
    return rows.map((r) => r.number);
  }

  async products(): Promise<ProductRecord[]> {
    const { rows } = await this.db.query<ProductRow>(
      'select sku, name_fr, name_en, price::float8 as price, complementary, extra from products order by ordinal',
    );
    return rows.map(toProduct);
  }
}
