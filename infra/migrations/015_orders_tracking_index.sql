-- The fact check looks up a tracking number written in a draft (is it another customer's order's?): one index probe
-- instead of a scan of every order.
create index orders_tracking_upper_idx on orders (upper(tracking_number));
