/**
 * The main job's driver: delivers a folder of sample emails into the IMAP support mailbox, waits until every one
 * is in a final or waiting state (the services — intake, starter, worker, review — run as daemons, see
 * infra/local/demo.sh), and prints one line per email: route, reason, reply sent?
 *
 * Then it replays a simulated month (month/: generated emails over the last 30 days, reviewers' decisions, ratings,
 * orders) so that the KPI page and the weekly report show a month of figures, and prints them.
 *
 *   pnpm demo [DIR] [--month-emails 150] [--month-days 30] [--month-seed 2026]
 *        (DIR defaults to ../shared/fixtures/emails-dev; --month-emails 0 skips the month)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { emailKeyFor, extractMessageIdHeader, rawSha256 } from '@replique/activities/domain/email-key';
import { FINAL_EMAIL_STATES, WAITING_EMAIL_STATES, type EmailState } from '@replique/activities/domain/types';
import { workflowIdForEmailKey, type EmailWorkflowView } from '@replique/workflows/contracts';
import { deliverToImap } from './deliver-to-imap';
import { waitForViews } from './wait-for-views';
import { monthArgs, runDemoMonth } from './month/demo-month';
import { z } from 'zod';
import { parseEnv } from '../config/parse-env';
import { temporalEnv } from '../config/temporal-env';
import { temporalDataConverter } from '../temporal/data-converter';
import { temporalTlsOf } from '../config/tls-env';

interface Sample {
  file: string;
  emailKey: string;
}

const env = process.env;
const mailbox = env.REPLIQUE_MAILBOX ?? 'support';

async function main(): Promise<void> {
  const { options: month, rest } = monthArgs(process.argv.slice(2));
  const dir = path.resolve(rest[0] ?? path.resolve(__dirname, '../../../../shared/fixtures/emails-dev'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  const raws = files.map((f) => readFileSync(path.join(dir, f)));
  const samples: Sample[] = files.map((file, i) => ({
    file,
    emailKey: emailKeyFor(mailbox, extractMessageIdHeader(raws[i]!), rawSha256(raws[i]!)),
  }));

  const appended = await deliverToImap(
    {
      host: env.IMAP_HOST ?? '127.0.0.1',
      port: Number(env.IMAP_PORT ?? 1143),
      user: env.IMAP_USER ?? 'support',
      password: env.IMAP_PASSWORD ?? 'secret',
      folder: env.IMAP_FOLDER ?? 'INBOX',
    },
    raws,
  );
  console.log(`delivered ${appended} new message(s) of ${files.length} into the IMAP mailbox (${dir})`);

  const temporal = parseEnv('demo', z.object(temporalEnv), env);
  const connection = await Connection.connect({ address: temporal.TEMPORAL_ADDRESS, tls: temporalTlsOf(temporal) });
  const client = new Client({ connection, namespace: temporal.TEMPORAL_NAMESPACE, dataConverter: temporalDataConverter(temporal) });
  const views = await waitForViews(client, samples.map((s) => s.emailKey), {
    done: (v) => isSettled(v.state), timeoutMs: Number(env.DEMO_TIMEOUT_MS ?? 300_000),
    progress: (settled, total) => console.log(`waiting: ${settled}/${total} emails settled`),
  });

  printTable(samples, views);
  const settled = [...views.values()].filter((v) => isSettled(v.state)).length;
  if (settled < samples.length) {
    console.error(`${samples.length - settled} email(s) did not settle in time; see the Temporal UI`);
    process.exitCode = 1;
  }
  if (month.emails > 0) {
    console.log(`\nreplaying a simulated month: ${month.emails} emails over ${month.days} days (--month-emails N to change, 0 to skip)`);
    await runDemoMonth(client, month);
  }
  await connection.close();
}

function isSettled(state: EmailState): boolean {
  return FINAL_EMAIL_STATES.includes(state) || WAITING_EMAIL_STATES.includes(state);
}

function printTable(samples: Sample[], views: Map<string, EmailWorkflowView>): void {
  const rows = samples.map((s) => {
    const v = views.get(s.emailKey);
    return {
      email: s.file,
      route: v?.route ?? '-',
      state: v?.state ?? 'not started',
      reason: (v?.routeReasons.join(',') || v?.stateReason) ?? '',
      reply: v?.state === 'sent' ? 'yes' : 'no',
      workflow: workflowIdForEmailKey(s.emailKey),
    };
  });
  const cols = ['email', 'route', 'state', 'reply', 'workflow', 'reason'] as const;
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...rows.map((r) => r[c].length))]));
  const line = (r: Record<(typeof cols)[number], string>) => cols.map((c) => r[c].padEnd(width[c]!)).join('  ');
  console.log(line({ email: 'email', route: 'route', state: 'state', reply: 'reply', workflow: 'workflow', reason: 'reason' }));
  for (const r of rows) console.log(line(r));
  const count = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).length;
  console.log(
    `\n${rows.length} emails: ${count((r) => r.route === 'auto')} auto, ${count((r) => r.route === 'review')} review, ` +
      `${count((r) => r.route === 'escalate')} escalate, ${count((r) => r.route === 'suppress')} suppress; ` +
      `${count((r) => r.reply === 'yes')} replies sent`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
