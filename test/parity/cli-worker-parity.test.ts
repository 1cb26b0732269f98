/**
 * Production runs what is tested: `replique triage` (the CLI that `eval` scores) and the worker decide the same for
 * every email of the dev set (48) and the train set (480): route, intent, order, reasons.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { setLogLevel } from '@replique/activities/logger';
import { WorkerEnvSchema } from '@replique/services/config/worker-config';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';
import { sharedRoot, shopFixture } from '../support/paths';
import { cliDecisions, emailFilesOf, workerDecisions, type Decision } from './decision-paths';

jest.setTimeout(15 * 60_000);

const sets = [
  { name: 'dev', dir: path.join(sharedRoot, 'fixtures', 'emails-dev'), count: 48 },
  { name: 'train', dir: path.join(sharedRoot, 'fixtures', 'emails-train'), count: 480 },
];

let sink: RunningSmtpSink;
const dbs: TestDatabase[] = [];

beforeAll(async () => {
  setLogLevel('warn');
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.stop();
  for (const db of dbs) await db.close();
});

function differences(worker: Decision[], cli: Decision[]): string[] {
  const byFile = new Map(cli.map((d) => [d.file, d]));
  const out: string[] = [];
  for (const w of worker) {
    const c = byFile.get(w.file);
    if (JSON.stringify(w) !== JSON.stringify(c)) out.push(`${w.file}: worker ${JSON.stringify(w)} cli ${JSON.stringify(c)}`);
  }
  return out;
}

describe.each(sets)('the $name set', ({ dir, count }) => {
  const run = existsSync(dir) ? test : test.skip;
  run('the worker’s activities and the CLI give the same decision for every email', async () => {
    const db = await withTestDatabase();
    dbs.push(db);
    const config = WorkerEnvSchema.parse({
      DATABASE_URL: db.databaseUrl, SMTP_PORT: String(sink.port), REPLIQUE_SHOP_FILE: shopFixture,
      EVENT_RELAY_ENABLED: 'false', LOG_LEVEL: 'warn',
    });
    const started = Date.now();
    const files = await emailFilesOf(dir);
    const worker = await workerDecisions(config, files);
    const workerMs = Date.now() - started;
    const cli = await cliDecisions(db.databaseUrl, files);
    console.log(`${path.basename(dir)}: worker activities ${workerMs} ms, CLI ${Date.now() - started - workerMs} ms`);
    expect(worker).toHaveLength(count);
    expect(cli.decisions).toHaveLength(count);
    expect(differences(worker, cli.decisions)).toEqual([]);
    // The same policy version: the one in force in the database (seeded from policies/default.json), recorded by
    // every route of the worker and read by the CLI.
    const { rows } = await db.pool.query<{ v: number | null }>('select distinct policy_version as v from decisions');
    expect(rows).toEqual([{ v: 1 }]);
    expect(cli.policyVersion).toBe(1);
    // The same meaning model: the one in force in the database (seeded from the committed file), recorded by every
    // route of the worker and read by the CLI.
    const models = await db.pool.query<{ v: string | null }>('select distinct model_version as v from decisions');
    expect(models.rows).toEqual([{ v: cli.modelVersion }]);
    expect(cli.modelVersion).toEqual(expect.any(String));
  });
});
