/** The KPI page's query string (filters, range, granularity, split), validated: unknown values are refused. */
import { z } from 'zod';
import { KPI_DIMENSIONS, type KpiDimension } from '@replique/activities/kpi/kpi-definitions';
import type { KpiQuery } from '@replique/activities/adapters/pg/kpi-store';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a date');
const value = z.string().min(1).max(200);
const blankIsUnset = (v: unknown) => (v === '' ? undefined : v);

const KpiQuerySchema = z.object({
  from: z.preprocess(blankIsUnset, day.optional()),
  to: z.preprocess(blankIsUnset, day.optional()),
  granularity: z.preprocess(blankIsUnset, z.enum(['day', 'week']).default('day')),
  split: z.preprocess(blankIsUnset, z.enum(KPI_DIMENSIONS).optional()),
  ...Object.fromEntries(KPI_DIMENSIONS.map((d) => [d, z.preprocess(blankIsUnset, value.optional())])),
});

export type KpiPageQuery = KpiQuery & { granularity: 'day' | 'week' };

export function parseKpiQuery(query: Record<string, unknown>): { ok: true; query: KpiPageQuery } | { ok: false; error: string } {
  const single = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = KpiQuerySchema.safeParse(single);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const data = parsed.data as Record<string, string | undefined> & { granularity: 'day' | 'week' };
  const filters: Partial<Record<KpiDimension, string>> = {};
  for (const d of KPI_DIMENSIONS) if (data[d] !== undefined) filters[d] = data[d];
  return {
    ok: true,
    query: {
      from: data.from ?? null, to: data.to ?? null, granularity: data.granularity,
      split: (data.split as KpiDimension | undefined) ?? null, filters,
    },
  };
}

/** The query string of a view, the same for the page, the CSV and the JSON. */
export function kpiSearch(query: KpiPageQuery): string {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  params.set('granularity', query.granularity);
  for (const d of KPI_DIMENSIONS) if (query.filters[d] !== undefined) params.set(d, query.filters[d]!);
  if (query.split) params.set('split', query.split);
  return `?${params.toString()}`;
}
