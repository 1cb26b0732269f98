import { KPI_CSV_COLUMNS, type KpiRow } from '@replique/activities/kpi/kpi-definitions';
import { kpiCsv } from './kpi-csv';
import { kpiSearch, parseKpiQuery } from './kpi-query';
import { trendChart } from './web/svg-chart';

test('a KPI query string is validated; blanks are unset; the search string round-trips', () => {
  const parsed = parseKpiQuery({ from: '2026-11-01', to: '', granularity: 'week', intent: 'order_status', split: 'lang', route: '' });
  expect(parsed).toEqual({ ok: true, query: { from: '2026-11-01', to: null, granularity: 'week', split: 'lang', filters: { intent: 'order_status' } } });
  if (!parsed.ok) throw new Error('unreachable');
  expect(kpiSearch(parsed.query)).toBe('?from=2026-11-01&granularity=week&intent=order_status&split=lang');
  expect(parseKpiQuery(Object.fromEntries(new URLSearchParams(kpiSearch(parsed.query).slice(1))))).toEqual(parsed);
  expect(parseKpiQuery({})).toMatchObject({ ok: true, query: { granularity: 'day', split: null, filters: {} } });
  expect(parseKpiQuery({ granularity: 'hour' }).ok).toBe(false);
  expect(parseKpiQuery({ split: 'customer' }).ok).toBe(false);
  expect(parseKpiQuery({ from: '2026-13-40' }).ok).toBe(false);
});

test('the CSV quotes what needs quoting and leaves unknown figures empty', () => {
  const empty = Object.fromEntries(KPI_CSV_COLUMNS.map((c) => [c, null]));
  const row = { ...empty, period: '2026-11-02', group: 'exp,"a"', emails: 3, tfrP50: 61.25, automationRate: 2 / 3, csat: null } as unknown as KpiRow;
  const [header, line] = kpiCsv([row]).split('\r\n');
  expect(header!.startsWith('period,group,emails,responded,tfrP50')).toBe(true);
  expect(line!.startsWith('2026-11-02,"exp,""a""",3,')).toBe(true);
  expect(line).toContain(',61.3,');
  expect(line).toContain(',0.6667,');
  expect(line).toContain(',,'); // unknown figures are empty
});

test('a trend chart draws a line through known values, leaves gaps, and escapes labels', () => {
  const svg = trendChart('<b>', [{ label: '2026-11-02', value: 1 }, { label: '2026-11-03', value: null }, { label: '2026-11-04', value: 3 }, { label: '2026-11-05', value: 2 }],
    { format: String, target: { high: 2.5 } }).value;
  expect(svg.match(/<polyline/g)).toHaveLength(2);
  expect(svg.match(/<circle/g)).toHaveLength(3);
  expect(svg).toContain('aria-label="&lt;b&gt;"');
  expect(svg).toContain('class="target"');
  expect(trendChart('x', [], { format: String }).value).toContain('no data');
});
