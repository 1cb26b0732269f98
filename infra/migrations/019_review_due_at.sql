-- When a level-1 review escalates (its SLA deadline, as the workflow set it: a VIP's is shorter), while the email
-- waits in `waiting_review`; null in every other state. The review queue orders by it (services/src/review/
-- queue-priority.ts) without asking each workflow.
alter table emails add column review_due_at timestamptz;
