/**
 * The real workflow decides as the CLI: a stratified sample of the dev and train sets (by labelled route and
 * language) run one after another as emailWorkflows on Temporal, started as the starter starts them, by a worker
 * built as services/src/worker/main.ts builds it; each route, intent, order and reasons compared with
 * `replique triage` over the same files in the same order. (cli-worker-parity.test.ts compares every email of both
 * sets at the activity level; full workflows for all 528 would take minutes more in CI.)
 */
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { setLogLevel } from '@replique/activities/logger';
import { WorkerEnvSchema } from '@replique/services/config/worker-config';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';
import { sharedRoot, shopFixture } from '../support/paths';
import { TEST_TEMPORAL_PAYLOAD_KEYS } from '../support/temporal-payload-keys';
import { TEST_DATA_KEKS } from '../support/data-keks';
import { cliDecisions } from './decision-paths';
import { workflowDecisions } from './workflow-decisions';

jest.setTimeout(10 * 60_000);

const fixtures = path.join(sharedRoot, 'fixtures');
const SETS = [{ dir: path.join(fixtures, 'emails-dev'), perGroup: 1 }, { dir: path.join(fixtures, 'emails-train'), perGroup: 2 }];
const available = SETS.every((s) => existsSync(path.join(s.dir, 'labels.json')));

/** `perGroup` files of each (labelled route, language) group, spread over the set (every n-th in file order). */
function stratifiedSample(dir: string, perGroup: number): string[] {
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as { file: string; expected_route: string; lang: string }[];
  const groups = new Map<string, string[]>();
  for (const l of [...labels].sort((a, b) => a.file.localeCompare(b.file))) {
    const key = `${l.expected_route}/${l.lang}`;
    groups.set(key, [...(groups.get(key) ?? []), l.file]);
  }
  const picked = [...groups.values()].flatMap((files) => {
    const step = files.length / perGroup;
    return Array.from({ length: Math.min(perGroup, files.length) }, (_, i) => files[Math.floor(i * step)]!);
  });
  return picked.sort().map((f) => path.join(dir, f));
}

let db: TestDatabase;
let sink: RunningSmtpSink;
let connection: Connection;

beforeAll(async () => {
  setLogLevel('warn');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  [db, sink] = await Promise.all([withTestDatabase(), startSmtpSink()]);
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
});

afterAll(async () => {
  await connection?.close();
  await sink?.stop();
  await db?.close();
});

(available ? test : test.skip)('a stratified sample of the dev and train sets: each workflow routes as the CLI', async () => {
  const files = SETS.flatMap((s) => stratifiedSample(s.dir, s.perGroup));
  const config = WorkerEnvSchema.parse({
    DATABASE_URL: db.databaseUrl, SMTP_PORT: String(sink.port), REPLIQUE_SHOP_FILE: shopFixture, EVENT_RELAY_ENABLED: 'false',
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', TEMPORAL_NAMESPACE: process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
    TEMPORAL_TASK_QUEUE: `replique-parity-${randomBytes(4).toString('hex')}`, TEMPORAL_PAYLOAD_KEYS: TEST_TEMPORAL_PAYLOAD_KEYS,
    REPLIQUE_RETENTION_SCHEDULE: 'false', METRICS_PORT: '0', LOG_LEVEL: 'warn', DATA_KEKS: TEST_DATA_KEKS,
  });
  const mailbox = `parity-${randomBytes(4).toString('hex')}`;
  const started = Date.now();
  const fromWorkflows = await workflowDecisions(config, db.pool, connection, files, mailbox);
  const workflowsMs = Date.now() - started;
  const cli = await cliDecisions(db.databaseUrl, files, { REPLIQUE_MAILBOX: mailbox });
  console.log(`${files.length} emails: workflows ${workflowsMs} ms; routes ${JSON.stringify(countBy(fromWorkflows.map((d) => d.route)))}`);
  expect(fromWorkflows).toEqual(cli.decisions);
  expect(new Set(fromWorkflows.map((d) => d.route))).toEqual(new Set(['auto', 'review', 'escalate', 'suppress']));
});

function countBy(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
}
