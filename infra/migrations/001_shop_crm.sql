-- The shop's CRM as Réplique reads it: policies, customers, products, orders.
-- Loaded by seedShop (the demo shop JSON) and later by a CRM sync. Records come back exactly as the shop JSON
-- holds them: typed columns for the known fields, `extra` for any other key, `ordinal` for the source order.
-- PII (names, addresses, notes) lives in `customers`; encryption at rest is a later step.

create table shop_policies (
  shop_id    text primary key default 'default',
  policies   jsonb not null check (jsonb_typeof(policies) = 'object'),
  -- The shop's pinned "today" (the demo shop pins it); null means the real date.
  today      date,
  updated_at timestamptz not null default now()
);

create table customers (
  id         text primary key,
  first_name text not null,
  last_name  text not null,
  email      text not null,
  language   text not null,
  vip        boolean not null,
  ai_opt_out boolean not null,
  -- The customer's creation date in the CRM; null when the source has none.
  created_at date,
  notes      text not null,
  -- first and last name without accents, case or extra spaces, "first\nlast": the by-name lookup key.
  name_key   text not null,
  extra      jsonb not null default '{}' check (jsonb_typeof(extra) = 'object'),
  ordinal    integer not null
);
create index customers_email_idx on customers (lower(email));
create index customers_name_key_idx on customers (name_key);

create table products (
  sku           text primary key,
  name_fr       text not null,
  name_en       text not null,
  price         numeric not null,
  complementary text[] not null default '{}',
  extra         jsonb not null default '{}' check (jsonb_typeof(extra) = 'object'),
  ordinal       integer not null
);

create table orders (
  number             text primary key,
  customer_id        text not null,
  ordered_at         date not null,
  status             text not null,
  items              jsonb not null check (jsonb_typeof(items) = 'array'),
  total              numeric not null,
  currency           text not null,
  shipping_fee       numeric not null,
  carrier            text,
  tracking_number    text,
  shipped_at         date,
  estimated_delivery date,
  delivered_at       date,
  refunded_amount    numeric,
  return_received_at date,
  -- Keys the typed columns do not cover, and known optional keys the source sets to an explicit null.
  extra              jsonb not null default '{}' check (jsonb_typeof(extra) = 'object'),
  ordinal            integer not null
);
-- Order numbers are looked up case-insensitively; two numbers differing only by case would be ambiguous.
create unique index orders_number_upper_idx on orders (upper(number));
create index orders_customer_id_idx on orders (customer_id, ordinal);
