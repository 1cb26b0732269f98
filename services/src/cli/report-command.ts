/**
 * `replique report --week 2026-W48 [--format markdown|json]`: the weekly report on stdout (services/src/kpi/README.md,
 * "Weekly report"), read from the KPI tables of DATABASE_URL. The review tool shows the same at /report (role lead).
 */
import { z } from 'zod';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import { weeklyReport } from '@replique/activities/adapters/pg/weekly-report';
import { isoWeekOf } from '@replique/activities/kpi/iso-week';
import { parseArgs, UsageError } from './args';
import { parseEnv } from '../config/parse-env';
import { conversionEnv, postgresEnv } from '../config/shared-env';
import { reportMarkdown } from '../review/report-markdown';

export const REPORT_USAGE = 'report --week YYYY-Www [--format markdown|json]   (default: last week)';

export async function reportCommand(argv: string[], write: (line: string) => void, io: { env?: NodeJS.ProcessEnv; now?: Date } = {}): Promise<number> {
  const args = parseArgs(argv, ['week', 'format']);
  if (args.positionals.length > 0) throw new UsageError(`usage: replique ${REPORT_USAGE}`);
  const format = args.options.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw new UsageError('--format is markdown or json');
  const week = args.options.week ?? isoWeekOf(new Date((io.now ?? new Date()).getTime() - 7 * 86_400_000));
  const env = parseEnv('replique report', z.object({ ...postgresEnv, ...conversionEnv }), io.env ?? process.env);
  const db = createPool(env.DATABASE_URL, { max: 2, applicationName: 'replique-cli' });
  try {
    await migrate(db, { dir: env.REPLIQUE_MIGRATIONS_DIR });
    const report = await weeklyReport(db, week, { conversionWindowDays: env.KPI_CONVERSION_WINDOW_DAYS });
    if (!report) throw new UsageError(`--week ${week} is not an ISO week (YYYY-Www, e.g. 2026-W48)`);
    write(format === 'json' ? JSON.stringify(report, null, 2) : reportMarkdown(report));
    return 0;
  } finally {
    await db.end();
  }
}
