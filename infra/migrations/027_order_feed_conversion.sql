-- Orders placed, as the shop's order feed reports them (HTTP `POST /shop/orders` of the review service, or
-- `replique orders import FILE`), for the conversion-after-email KPI. One row per order id: the feed is idempotent
-- (a repeated order changes nothing). `placed_at` is an instant (the CRM's `orders.ordered_at` is a day), so an order
-- placed an hour after a reply is told apart from one placed an hour before. No PII: IDs, amounts, SKUs and times.
create table placed_orders (
  order_id    text primary key,
  customer_id text not null,
  placed_at   timestamptz not null,
  currency    text not null,
  total       numeric not null,
  -- [{sku, qty, unitPrice}] as the feed sent them; `skus` the distinct SKUs, for "did they buy the product named".
  items       jsonb not null check (jsonb_typeof(items) = 'array'),
  skus        text[] not null,
  source      text not null check (source in ('http', 'import')),
  received_at timestamptz not null default now()
);
create index placed_orders_customer_idx on placed_orders (customer_id, placed_at);
create index placed_orders_placed_at_idx on placed_orders (placed_at);

-- The KPI facts learn whom an email was from (the CRM customer id the route event carries, when the sender was
-- recognised) and the complementary products its draft named: the conversion KPI attributes orders through them.
alter table kpi_email_facts
  add column customer_id text,
  add column complements text[] not null default '{}';
create index kpi_email_facts_customer_idx on kpi_email_facts (customer_id, first_response_at) where customer_id is not null;
-- (kpi_email_outcomes and experiment_outcomes keep their columns: the conversion queries read kpi_email_facts.)
