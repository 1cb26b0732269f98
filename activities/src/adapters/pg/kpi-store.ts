/**
 * The KPI tables (migration 022): the events the KPI consumer took (once each), the per-email facts derived from
 * them, and the KPI rows the review tool's KPI page shows. Definitions: kpi/kpi-definitions.ts.
 */
import type { Queryable } from './pool';
import {
  CONVERSION_WINDOW_DAYS, FACT_CHECKS, HUMAN_ACTIONS, TFR_TARGET_SECONDS, type KpiDimension, type KpiRow,
} from '../../kpi/kpi-definitions';
import { conversionRows, liftOf } from './conversion-store';
import { groupSql, periodSql, whereOf, type KpiQuery } from './kpi-sql';

export type { KpiQuery } from './kpi-sql';

type ConversionKey = 'conversionReplies' | 'conversionMatched' | 'conversionConverted' | 'conversionRate' | 'conversionBaseline' | 'conversionLift';
import { kpiEventKey, type KpiEvent } from '../../kpi/kpi-event';
import { SIM_AT_PATTERN, SIM_CLOCK_EVENT, SIM_CLOCK_STAGE } from '../../kpi/simulation-clock';

/**
 * Takes one event: stored once (by its key), then the email's facts recomputed from all its events. Run both in one
 * transaction. Returns false for a copy already taken (nothing changes).
 */
export async function takeKpiEvent(db: Queryable, event: KpiEvent): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into kpi_events (event_key, event_id, email_key, stage, event, at, data) values ($1, $2, $3, $4, $5, $6, $7::jsonb)
     on conflict (event_key) do nothing`,
    [kpiEventKey(event), event.eventId ?? null, event.emailKey, event.stage, event.event, event.at, JSON.stringify(event.data)],
  );
  if (rowCount !== 1) return false;
  await refreshEmailFacts(db, event.emailKey);
  return true;
}

/**
 * The email's facts from its events: order-independent (latest/first by time, any/all), so arrival order never matters.
 * Times are read through the email's simulation clock (kpi/simulation-clock.ts: the demo's simulated month; the
 * identity for every email without a `clock:simulated` event, which is every email outside the demo).
 */
export async function refreshEmailFacts(db: Queryable, emailKey: string): Promise<void> {
  await db.query(
    `with anchors as (
       select at as real_at, (data->>'simAt')::timestamptz as sim_at from kpi_events
       where email_key = $1 and stage = $4 and event = $5 and jsonb_typeof(data->'simAt') = 'string' and data->>'simAt' ~ $6),
     e as (
       select k.stage, k.event, k.data, coalesce((
         select a.sim_at + (k.at - a.real_at) from anchors a
         order by (a.real_at <= k.at) desc, case when a.real_at <= k.at then a.real_at end desc nulls last, a.real_at limit 1), k.at) as at
       from kpi_events k where k.email_key = $1 and k.stage <> $4),
     routed as (select event as route, data from e where stage = 'route' and event in ('auto', 'review', 'escalate', 'suppress') order by at desc limit 1),
     classified as (select data from e where stage = 'classify' and event = 'done' order by at desc limit 1),
     drafted as (select data from e where stage = 'draft' and event = 'done' order by at desc limit 1),
     agg as (
       select
         coalesce(min(at) filter (where stage = 'intake' and event = 'accepted'), min(at)) as received_at,
         coalesce(bool_or(stage = 'route' and event in ('auto', 'review', 'escalate'))
           or bool_or(stage = 'state' and event in ('waiting_review', 'escalated', 'sending')), false) as customer,
         min(at) filter (where stage = 'send' and event = 'accepted') as first_response_at,
         min(at) filter (where stage = 'state' and event in ('sent', 'rejected')) as resolved_at,
         coalesce(bool_or(stage = 'send' and event = 'accepted' and data->>'mode' = 'automatic'), false) as auto_sent,
         coalesce(bool_or(stage = 'send' and event = 'accepted' and data->>'mode' = 'reviewed'), false) as reviewed_sent,
         coalesce(bool_or(stage = 'review' and event = any($2::text[])), false) as human_action,
         coalesce(bool_or(stage = 'state' and event = 'waiting_review'), false) as reviewed,
         coalesce(bool_or(stage = 'state' and event = 'escalated'), false) as escalated,
         coalesce(bool_or(stage = 'state' and event = 'escalated' and data->>'reason' = 'review_sla_expired'), false) as sla_breached,
         coalesce(bool_or(stage = 'review' and event = 'edit'), false) as edited,
         (array_agg((data->>'editDistance')::int order by at desc)
           filter (where stage = 'review' and event = 'edit' and jsonb_typeof(data->'editDistance') = 'number'))[1] as edit_distance,
         coalesce(bool_or(stage = 'check' and event = 'done' and jsonb_typeof(data->'notes') = 'array' and data->'notes' ?| $3::text[])
           or bool_or(stage = 'review' and event = 'edit_blocked' and jsonb_typeof(data->'failed') = 'array' and data->'failed' ?| $3::text[]), false)
           as fact_check_blocked,
         (array_agg((data->>'score')::int order by coalesce((data->>'changes')::int, 0) desc, at desc)
           filter (where stage = 'csat' and event = 'rated' and jsonb_typeof(data->'score') = 'number'))[1] as csat_score
       from e)
     insert into kpi_email_facts (email_key, received_at, route, intent, lang, template, cohort, conversation, customer,
       first_response_at, resolved_at, automated, human_action, reviewed, reviewed_sent, escalated, sla_breached, edited,
       edit_distance, fact_check_blocked, csat_score, customer_id, complements)
     select $1, agg.received_at,
       coalesce((select route from routed), case when agg.escalated then 'escalate' else 'unknown' end),
       coalesce((select data->>'intent' from routed), (select data->'notes'->>0 from classified), 'unknown'),
       coalesce((select data->>'lang' from routed), (select data->'notes'->>1 from classified), 'unknown'),
       coalesce((select data->>'template' from routed),
         (select (data->'notes'->>0) || '@' || (data->'notes'->>1) from drafted where data->'notes'->>0 <> 'no_draft'), 'none'),
       coalesce((select data->>'cohort' from routed), 'none'),
       (select data->>'conversation' from routed),
       agg.customer, agg.first_response_at, agg.resolved_at, agg.auto_sent and not agg.human_action, agg.human_action,
       agg.reviewed, agg.reviewed_sent, agg.escalated, agg.sla_breached, agg.edited, agg.edit_distance,
       agg.fact_check_blocked, agg.csat_score,
       (select data->>'customer' from routed where jsonb_typeof(data->'customer') = 'string'),
       coalesce((select array(select jsonb_array_elements_text(data->'complements') order by 1) from routed
         where jsonb_typeof(data->'complements') = 'array'), '{}')
     from agg where agg.received_at is not null
     on conflict (email_key) do update set received_at = excluded.received_at, route = excluded.route,
       intent = excluded.intent, lang = excluded.lang, template = excluded.template, cohort = excluded.cohort,
       conversation = excluded.conversation, customer = excluded.customer, first_response_at = excluded.first_response_at,
       resolved_at = excluded.resolved_at, automated = excluded.automated, human_action = excluded.human_action,
       reviewed = excluded.reviewed, reviewed_sent = excluded.reviewed_sent, escalated = excluded.escalated,
       sla_breached = excluded.sla_breached, edited = excluded.edited, edit_distance = excluded.edit_distance,
       fact_check_blocked = excluded.fact_check_blocked, csat_score = excluded.csat_score,
       customer_id = excluded.customer_id, complements = excluded.complements, updated_at = now()`,
    [emailKey, HUMAN_ACTIONS, FACT_CHECKS, SIM_CLOCK_STAGE, SIM_CLOCK_EVENT, SIM_AT_PATTERN],
  );
}


const seconds = (from: string, to: string) => `extract(epoch from ${to} - ${from})::float8`;

/** The KPI rows of customer emails received in the range, per period (and per value of the split dimension). */
export async function kpiRows(db: Queryable, query: KpiQuery, options: { conversionWindowDays?: number } = {}): Promise<KpiRow[]> {
  const where = whereOf(query);
  const period = periodSql(query.granularity);
  const group = groupSql(query.split);
  const tfr = seconds('received_at', 'first_response_at');
  const ttr = seconds('received_at', 'resolved_at');
  const ratio = (part: string, whole: string) => `(${part})::float8 / nullif(${whole}, 0)`;
  const { rows } = await db.query<Omit<KpiRow, ConversionKey>>(
    `select ${period} as period, ${group} as "group",
       count(*)::int as emails,
       count(first_response_at)::int as responded,
       percentile_cont(0.5) within group (order by ${tfr}) filter (where first_response_at is not null) as "tfrP50",
       percentile_cont(0.9) within group (order by ${tfr}) filter (where first_response_at is not null) as "tfrP90",
       count(*) filter (where ${tfr} > case when route = 'auto' then ${TFR_TARGET_SECONDS.routine} else ${TFR_TARGET_SECONDS.complex} end)::int
         as "tfrOverTarget",
       count(resolved_at)::int as resolved,
       percentile_cont(0.5) within group (order by ${ttr}) filter (where resolved_at is not null) as "ttrP50",
       percentile_cont(0.9) within group (order by ${ttr}) filter (where resolved_at is not null) as "ttrP90",
       count(*) filter (where automated)::int as automated,
       ${ratio('count(*) filter (where automated)', 'count(*)')} as "automationRate",
       count(*) filter (where reescalated)::int as reescalated,
       ${ratio('count(*) filter (where reescalated)', 'count(*) filter (where automated)')} as "reescalationRate",
       count(csat_score)::int as rated,
       ${ratio('count(*) filter (where csat_score >= 4)', 'count(csat_score)')} as csat,
       count(*) filter (where escalated)::int as escalations,
       count(*) filter (where reviewed)::int as reviews,
       count(*) filter (where sla_breached)::int as "slaBreaches",
       count(*) filter (where reviewed_sent)::int as "reviewedSent",
       count(*) filter (where edited)::int as edited,
       ${ratio('count(*) filter (where edited and reviewed_sent)', 'count(*) filter (where reviewed_sent)')} as "editRate",
       avg(edit_distance) filter (where edited)::float8 as "editDistanceAvg",
       count(*) filter (where fact_check_blocked)::int as "factCheckBlocks"
     from kpi_email_outcomes where ${where.sql}
     group by 1, 2 order by 1, 2`,
    where.values,
  );
  const conversion = await conversionRows(db, query, options.conversionWindowDays ?? CONVERSION_WINDOW_DAYS);
  const cells = new Map(conversion.map((c) => [`${c.period}\u0000${c.group}`, c]));
  return rows.map((row) => {
    const c = cells.get(`${row.period}\u0000${row.group}`);
    return {
      ...row,
      conversionReplies: c?.replies ?? 0, conversionMatched: c?.matched ?? 0, conversionConverted: c?.converted ?? 0,
      conversionRate: c?.rate ?? null, conversionBaseline: c?.baseline ?? null, conversionLift: liftOf(c?.rate ?? null, c?.baseline ?? null),
    };
  });
}

export interface TopicCount {
  intent: string;
  reescalated: number;
  /** A few of the re-escalated emails (their keys), to open in the tool. */
  examples: string[];
}

/** The topics (intents) that re-escalate most, with a few example emails. */
export async function topReescalatedTopics(db: Queryable, query: Pick<KpiQuery, 'from' | 'to' | 'filters'>, limit = 20): Promise<TopicCount[]> {
  const where = whereOf(query);
  const { rows } = await db.query<TopicCount>(
    `select intent, count(*)::int as reescalated, (array_agg(email_key order by received_at, email_key))[1:3] as examples
     from kpi_email_outcomes where reescalated and ${where.sql}
     group by intent order by count(*) desc, intent limit ${Math.max(1, Math.floor(limit))}`,
    where.values,
  );
  return rows;
}

/** The values each dimension takes among customer emails (for the filters). */
export async function kpiDimensionValues(db: Queryable): Promise<Record<KpiDimension, string[]>> {
  const { rows } = await db.query<Record<KpiDimension, string[]>>(
    `select array(select distinct route from kpi_email_facts where customer order by 1) as route,
       array(select distinct intent from kpi_email_facts where customer order by 1) as intent,
       array(select distinct lang from kpi_email_facts where customer order by 1) as lang,
       array(select distinct template from kpi_email_facts where customer order by 1) as template,
       array(select distinct cohort from kpi_email_facts where customer order by 1) as cohort`,
  );
  return rows[0]!;
}

/** How many events the consumer has taken, and the newest event time (the page shows how fresh the figures are). */
export async function kpiFreshness(db: Queryable): Promise<{ events: number; newest: Date | null }> {
  const { rows } = await db.query<{ events: number; newest: Date | null }>('select count(*)::int as events, max(at) as newest from kpi_events');
  return rows[0]!;
}
