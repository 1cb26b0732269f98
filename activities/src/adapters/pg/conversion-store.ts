/**
 * Conversion after email (activities/src/kpi/conversion.md has the method): each reply to a known customer is
 * followed, or not, by an order of that customer within the window (`placed_orders`, the order feed). It is compared
 * with a matched baseline: customers of the same segment (VIP or not, language, orders before the range: 0, 1, 2+)
 * who got no reply from a window before the range to a window after it, over the same windows as the replies.
 * Attributed to the reply's template/prompt version (any KPI dimension) and to the complementary products its draft
 * named.
 */
import type { Queryable } from './pool';
import { groupSql, periodSql, whereOf, type KpiQuery } from './kpi-sql';

export interface ConversionCells {
  period: string;
  group: string;
  replies: number;
  matched: number;
  converted: number;
  rate: number | null;
  baseline: number | null;
}

export interface ComplementConversion {
  sku: string;
  /** Replies whose draft named the product as a complement (to a known customer). */
  replies: number;
  /** Of them, followed by an order of that customer containing the product within the window. */
  bought: number;
  rate: number | null;
  /** Customers of the same segments without a reply who ordered the product in the same windows (matched replies only). */
  baseline: number | null;
}

/**
 * The CTEs both queries share. `$b`, `$b+1`, `$b+2`: the range's first and last day (null: the first and last day of
 * a customer email) and the window in days. Defines r (t0, t1, w), seg (customer → segment at t0), baseline and sizes.
 */
function sharedCtes(b: number): string {
  return `bounds as (
      select coalesce($${b}::date, min((received_at at time zone 'UTC')::date)) as d0,
             coalesce($${b + 1}::date, max((received_at at time zone 'UTC')::date)) as d1
      from kpi_email_facts where customer),
    r as (select d0, d0::timestamp at time zone 'UTC' as t0, (d1 + 1)::timestamp at time zone 'UTC' as t1,
      make_interval(days => $${b + 2}::int) as w from bounds),
    seg as (
      select c.id, (case when c.vip then 'vip' else 'regular' end) || ':' || c.language || ':' ||
        (case when k.n = 0 then '0' when k.n = 1 then '1' else '2+' end) as segment
      from customers c cross join r
      cross join lateral (select count(*)::int as n from (
        select o.number as id from orders o where o.customer_id = c.id and o.ordered_at < r.d0
        union select p.order_id from placed_orders p where p.customer_id = c.id and p.placed_at < r.t0) x) k),
    treated as (
      select distinct f.customer_id from kpi_email_facts f, r
      where f.customer and f.customer_id is not null and f.first_response_at >= r.t0 - r.w and f.first_response_at < r.t1 + r.w),
    baseline as (select id, segment from seg where id not in (select customer_id from treated)),
    sizes as (select segment, count(*)::int as n from baseline group by segment)`;
}

/** Conversion per period and group (as kpiRows cuts them), over replies to emails the query selects. */
export async function conversionRows(db: Queryable, query: KpiQuery, windowDays: number): Promise<ConversionCells[]> {
  const where = whereOf(query);
  const b = where.values.length + 1;
  const { rows } = await db.query<ConversionCells>(
    `with ${sharedCtes(b)},
     replies as (
       select ${periodSql(query.granularity)} as period, ${groupSql(query.split)} as grp, f.customer_id, f.first_response_at as t, s.segment
       from kpi_email_facts f left join seg s on s.id = f.customer_id
       where ${where.sql} and f.first_response_at is not null and f.customer_id is not null),
     scored as (
       select rp.period, rp.grp, z.n is not null as matched,
         exists (select 1 from placed_orders o, r where o.customer_id = rp.customer_id and o.placed_at > rp.t and o.placed_at <= rp.t + r.w)
           as converted,
         (select count(distinct bl.id) from baseline bl join placed_orders o on o.customer_id = bl.id cross join r
           where bl.segment = rp.segment and o.placed_at > rp.t and o.placed_at <= rp.t + r.w)::float8 / z.n as expected
       from replies rp left join sizes z on z.segment = rp.segment)
     select period, grp as "group", count(*)::int as replies, count(*) filter (where matched)::int as matched,
       count(*) filter (where matched and converted)::int as converted,
       (count(*) filter (where matched and converted))::float8 / nullif(count(*) filter (where matched), 0) as rate,
       avg(expected) filter (where matched) as baseline
     from scored group by 1, 2 order by 1, 2`,
    [...where.values, query.from, query.to, windowDays],
  );
  return rows;
}

/** Per complementary product named in replies: how often the customer then bought it, against the matched baseline. */
export async function complementConversion(db: Queryable, query: Pick<KpiQuery, 'from' | 'to' | 'filters'>, windowDays: number): Promise<ComplementConversion[]> {
  const where = whereOf(query);
  const b = where.values.length + 1;
  const { rows } = await db.query<ComplementConversion>(
    `with ${sharedCtes(b)},
     named as (
       select f.customer_id, f.first_response_at as t, s.segment, unnest(f.complements) as sku
       from kpi_email_facts f left join seg s on s.id = f.customer_id
       where ${where.sql} and f.first_response_at is not null and f.customer_id is not null),
     scored as (
       select n.sku, z.n is not null as matched,
         exists (select 1 from placed_orders o, r where o.customer_id = n.customer_id and n.sku = any(o.skus)
           and o.placed_at > n.t and o.placed_at <= n.t + r.w) as bought,
         (select count(distinct bl.id) from baseline bl join placed_orders o on o.customer_id = bl.id cross join r
           where bl.segment = n.segment and n.sku = any(o.skus) and o.placed_at > n.t and o.placed_at <= n.t + r.w)::float8 / z.n as expected
       from named n left join sizes z on z.segment = n.segment)
     select sku, count(*)::int as replies, count(*) filter (where bought)::int as bought,
       (count(*) filter (where bought))::float8 / count(*) as rate, avg(expected) filter (where matched) as baseline
     from scored group by sku order by count(*) desc, sku`,
    [...where.values, query.from, query.to, windowDays],
  );
  return rows;
}

/** rate / baseline − 1: the relative lift (null without a baseline above zero). */
export function liftOf(rate: number | null, baseline: number | null): number | null {
  return rate === null || baseline === null || baseline <= 0 ? null : rate / baseline - 1;
}
