/**
 * The demo's simulated month on the running services (infra/local/demo.sh): the month's emails into the IMAP mailbox
 * the intake polls, decisions through the review API, ratings through the rating links, orders through the order feed
 * (simulate-month.ts); then the month's KPIs printed as the KPI page shows them.
 *
 *   pnpm demo [DIR] [--month-emails N] [--month-days N] [--month-seed N]     (--month-emails 0: no month)
 */
import { readFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { kpiRows } from '@replique/activities/adapters/pg/kpi-store';
import { isoWeekOf } from '@replique/activities/kpi/iso-week';
import type { ShopData } from '../../../../ml/inbox-generator';
import { parseEnv } from '../../config/parse-env';
import { conversionEnv, postgresEnv } from '../../config/shared-env';
import { DEMO_SHOP_FILE } from '../../cli/shop-source';
import { deliverToImap } from '../deliver-to-imap';
import { monthSummary } from './month-summary';
import { DEMO_EXPERIMENT_ID, startDemoExperiment } from './demo-experiment';
import { experimentReport, getExperiment } from '@replique/activities/adapters/pg/experiment-store';
import { simulateMonth } from './simulate-month';

export interface DemoMonthOptions {
  emails: number;
  days: number;
  seed: number;
}

const DemoMonthEnv = z.object({
  ...postgresEnv,
  ...conversionEnv,
  REVIEW_TOKEN: z.string().min(16),
  REPLY_LINK_SECRET: z.string().min(32),
  SHOP_FEED_TOKEN: z.string().min(16),
  REVIEW_HTTP_PORT: z.coerce.number().int().default(8082),
  REPLIQUE_MAILBOX: z.string().default('support'),
  REPLIQUE_SHOP_FILE: z.string().default(DEMO_SHOP_FILE),
  IMAP_HOST: z.string().default('127.0.0.1'),
  IMAP_PORT: z.coerce.number().int().default(1143),
  IMAP_USER: z.string().default('support'),
  IMAP_PASSWORD: z.string().default('secret'),
  IMAP_FOLDER: z.string().default('INBOX'),
  DEMO_TIMEOUT_MS: z.coerce.number().int().default(300_000),
});

export async function runDemoMonth(temporal: Client, options: DemoMonthOptions, log: (line: string) => void = console.log): Promise<void> {
  const env = parseEnv('demo month', DemoMonthEnv, process.env);
  const db = createPool(env.DATABASE_URL, { max: 2, applicationName: 'replique-demo' });
  const reviewUrl = `http://127.0.0.1:${env.REVIEW_HTTP_PORT}`;
  const started = Date.now();
  try {
    // The month's drafts are split between two template versions (demo-experiment.ts): /experiments has figures after it.
    await startDemoExperiment(db, log);
    const imap = { host: env.IMAP_HOST, port: env.IMAP_PORT, user: env.IMAP_USER, password: env.IMAP_PASSWORD, folder: env.IMAP_FOLDER };
    const month = await simulateMonth({
      db, temporal, mailbox: env.REPLIQUE_MAILBOX,
      deliver: async (raws) => void (await deliverToImap(imap, raws)),
      reviewUrl, reviewToken: env.REVIEW_TOKEN, linkSecret: env.REPLY_LINK_SECRET, shopFeedToken: env.SHOP_FEED_TOKEN,
      shop: JSON.parse(readFileSync(env.REPLIQUE_SHOP_FILE, 'utf8')) as ShopData, log,
    }, { ...options, timeoutMs: env.DEMO_TIMEOUT_MS });
    const range = { from: month.from, to: month.to, split: null, filters: {} };
    const windowDays = { conversionWindowDays: env.KPI_CONVERSION_WINDOW_DAYS };
    const [total, weeks] = await Promise.all([
      kpiRows(db, { ...range, granularity: 'all' }, windowDays),
      kpiRows(db, { ...range, granularity: 'week' }, windowDays),
    ]);
    // The last whole ISO week of the month: the week before the one its last day is in, unless that day is a Sunday.
    const last = new Date(`${month.to}T00:00:00Z`);
    const lastWeek = isoWeekOf(last.getUTCDay() === 0 ? last : new Date(last.getTime() - 7 * 86_400_000));
    log(`\nsimulated month done in ${Math.round((Date.now() - started) / 1000)} s`);
    for (const line of monthSummary({ from: month.from, to: month.to, total: total[0] ?? null, weeks, reviewUrl, lastWeek })) log(line);
    const experiment = await getExperiment(db, DEMO_EXPERIMENT_ID);
    if (experiment) {
      const { figures } = await experimentReport(db, experiment, windowDays.conversionWindowDays);
      log(`experiment ${DEMO_EXPERIMENT_ID} (${reviewUrl}/experiments): ${figures.map((f) => `${f.variant} ${f.emails} emails, `
        + `CSAT ${f.csat === null ? '—' : `${Math.round(f.csat * 100)} %`} of ${f.rated}`).join('; ')}`);
    }
  } finally {
    await db.end();
  }
}

/** `--month-emails N --month-days N --month-seed N` out of the demo's arguments; the rest are left. */
export function monthArgs(argv: string[]): { options: DemoMonthOptions; rest: string[] } {
  const options: DemoMonthOptions = { emails: 150, days: 30, seed: 2026 };
  const names: Record<string, keyof DemoMonthOptions> = { '--month-emails': 'emails', '--month-days': 'days', '--month-seed': 'seed' };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const key = names[argv[i]!];
    if (!key) {
      rest.push(argv[i]!);
      continue;
    }
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${argv[i - 1]} needs a whole number`);
    options[key] = value;
  }
  if (options.days < 1) throw new Error('--month-days needs at least 1');
  return { options, rest };
}
