-- How the model call behind a draft went, as columns, so KPIs (latency, tokens, fallback rate per model and prompt
-- version) are plain SQL and the review tool can show them. Null when no model was asked (template-only drafts).
-- `model` (005) now also names the model that was asked when its answer was not used (generator = 'template').
-- No PII: versions, counts, durations and a short technical reason.

alter table drafts
  add column prompt_id         text,
  add column prompt_version    text,
  add column prompt_tokens     integer check (prompt_tokens >= 0),
  add column completion_tokens integer check (completion_tokens >= 0),
  add column latency_ms        integer check (latency_ms >= 0),
  add column fallback_reason   text;

create index drafts_generation_idx on drafts (model, prompt_version) where prompt_id is not null;
