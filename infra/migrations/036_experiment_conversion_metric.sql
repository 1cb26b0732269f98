-- An experiment can be judged on conversion after the reply: did the customer place an order (the order feed,
-- `placed_orders`) within the conversion window after the reply? A proportion, like CSAT; an email's outcome is known
-- once the feed has reported orders past the end of its window (activities/src/adapters/pg/experiment-store.ts).
alter table experiments drop constraint experiments_metric_check;
alter table experiments add constraint experiments_metric_check
  check (metric in ('csat_positive', 'reescalation', 'automation', 'time_to_close', 'edit_distance', 'conversion'));
