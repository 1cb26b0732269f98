/** The KPI rows as CSV (RFC 4180): one header line, one line per period (and group), values as formatKpiValue writes them. */
import { formatKpiValue, KPI_CSV_COLUMNS, type KpiRow } from '@replique/activities/kpi/kpi-definitions';

const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function kpiCsv(rows: KpiRow[]): string {
  const lines = [KPI_CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(KPI_CSV_COLUMNS.map((c) => cell(formatKpiValue(c, row[c]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
