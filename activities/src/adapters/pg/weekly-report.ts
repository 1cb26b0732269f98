/**
 * The weekly report (the seed's loop): for one ISO week of received customer emails, the topics that re-escalate
 * (top 20, with example email keys and the templates/prompts that answered them), the reviewers' edits per template
 * (how many, how far from the draft), and the KPI table against its targets beside the week before. Everything comes
 * from the KPI tables the consumer of `email.events` keeps (and the order feed, for conversion): no PII.
 */
import { isoWeekDays, previousIsoWeek } from '../../kpi/iso-week';
import type { KpiRow } from '../../kpi/kpi-definitions';
import { complementConversion, type ComplementConversion } from './conversion-store';
import { kpiRows } from './kpi-store';
import type { Queryable } from './pool';

export interface ReescalatedTopic {
  intent: string;
  reescalated: number;
  /** Automatic replies on this topic in the week: reescalated / automated is the topic's rate. */
  automated: number;
  /** Up to five re-escalated emails (keys), oldest first. */
  examples: string[];
  /** The templates/prompts (`id@version`) of the re-escalated replies, most first, with how many. */
  templates: { template: string; count: number }[];
}

export interface TemplateEdits {
  template: string;
  /** Replies sent after review, and how many of them a reviewer edited. */
  reviewedSent: number;
  edited: number;
  /** Levenshtein distance (characters) of the latest edit of each email: mean, median, largest. */
  distanceMean: number | null;
  distanceMedian: number | null;
  distanceMax: number | null;
  examples: string[];
}

export interface WeeklyReport {
  week: string;
  from: string;
  to: string;
  previousWeek: string;
  kpis: KpiRow | null;
  previousKpis: KpiRow | null;
  topics: ReescalatedTopic[];
  edits: TemplateEdits[];
  complements: ComplementConversion[];
  conversionWindowDays: number;
}

const WEEK_WHERE = `customer and received_at >= $1::date at time zone 'UTC' and received_at < ($2::date + 1) at time zone 'UTC'`;

export async function reescalatedTopics(db: Queryable, from: string, to: string, limit = 20): Promise<ReescalatedTopic[]> {
  const { rows } = await db.query<ReescalatedTopic>(
    `with week as (select * from kpi_email_outcomes where ${WEEK_WHERE}),
     tpl as (select intent, template, count(*)::int as n from week where reescalated group by intent, template)
     select w.intent, count(*) filter (where w.reescalated)::int as reescalated, count(*) filter (where w.automated)::int as automated,
       (array_agg(w.email_key order by w.received_at, w.email_key) filter (where w.reescalated))[1:5] as examples,
       coalesce((select json_agg(json_build_object('template', t.template, 'count', t.n) order by t.n desc, t.template)
         from tpl t where t.intent = w.intent), '[]'::json) as templates
     from week w group by w.intent having count(*) filter (where w.reescalated) > 0
     order by 2 desc, 1 limit $3`,
    [from, to, limit],
  );
  return rows;
}

export async function editsByTemplate(db: Queryable, from: string, to: string, limit = 20): Promise<TemplateEdits[]> {
  const { rows } = await db.query<TemplateEdits>(
    `select template, count(*) filter (where reviewed_sent)::int as "reviewedSent", count(*) filter (where edited)::int as edited,
       avg(edit_distance) filter (where edited)::float8 as "distanceMean",
       percentile_cont(0.5) within group (order by edit_distance) filter (where edited) as "distanceMedian",
       max(edit_distance) filter (where edited) as "distanceMax",
       coalesce((array_agg(email_key order by edit_distance desc nulls last, email_key) filter (where edited))[1:3], '{}') as examples
     from kpi_email_facts where ${WEEK_WHERE}
     group by template having count(*) filter (where edited) > 0
     order by 3 desc, 4 desc nulls last, 1 limit $3`,
    [from, to, limit],
  );
  return rows;
}

/** The report of an ISO week (`2026-W48`); null for a week that does not exist. */
export async function weeklyReport(db: Queryable, week: string, options: { conversionWindowDays: number }): Promise<WeeklyReport | null> {
  const days = isoWeekDays(week);
  const previousWeek = previousIsoWeek(week);
  const previousDays = previousWeek ? isoWeekDays(previousWeek) : null;
  if (!days || !previousWeek || !previousDays) return null;
  const all = { granularity: 'all' as const, split: null, filters: {} };
  const [kpis, previousKpis, topics, edits, complements] = await Promise.all([
    kpiRows(db, { ...all, ...days }, options),
    kpiRows(db, { ...all, ...previousDays }, options),
    reescalatedTopics(db, days.from, days.to),
    editsByTemplate(db, days.from, days.to),
    complementConversion(db, { ...days, filters: {} }, options.conversionWindowDays),
  ]);
  return {
    week, ...days, previousWeek, kpis: kpis[0] ?? null, previousKpis: previousKpis[0] ?? null, topics, edits, complements,
    conversionWindowDays: options.conversionWindowDays,
  };
}
