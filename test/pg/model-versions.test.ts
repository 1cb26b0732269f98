/**
 * Meaning-model versions on the real Postgres: the `replique model` CLI seeds the committed file, publishes a
 * validated file (a wrong feature_version or shape is refused; another content under a stored name too), rolls back
 * in one action (twice goes further back, never in a loop) and audits each; a LiveModel (what each worker keeps)
 * takes each change through LISTEN/NOTIFY, and through the poll when its listening connection is killed. A worker's
 * seed of the same file is a no-op, and never undoes a rollback.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LiveModel } from '@replique/activities/adapters/pg/live-model';
import { NotifyListener } from '@replique/activities/adapters/pg/notify-listener';
import { activeModelVersion, seedModelVersion } from '@replique/activities/adapters/pg/model-versions';
import { DEFAULT_INTENT_MODEL_FILE, loadIntentModel } from '@replique/activities/triage/intent-model';
import { modelCommand } from '@replique/services/cli/model-command';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { runCli } from '../support/cli-run';

// Each CLI call migrates and reads about a megabyte of model; slow on a loaded machine.
jest.setTimeout(60_000);

let db: TestDatabase;
let live: LiveModel | null = null;
let listener: NotifyListener;
const dir = mkdtempSync(path.join(tmpdir(), 'model-'));
const committed = JSON.parse(readFileSync(DEFAULT_INTENT_MODEL_FILE, 'utf8')) as Record<string, unknown> & { version: string };
const V1 = committed.version;

beforeAll(async () => {
  db = await withTestDatabase();
  listener = new NotifyListener(db.databaseUrl, { name: 'model' });
});
afterAll(async () => {
  await live?.close();
  await listener?.close();
  await db?.close();
});

const cli = (argv: string[]) => runCli(modelCommand, db.databaseUrl, argv);

function modelFile(name: string, body: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`not seen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - t0;
}

test('publish, refusals, rollback and audit through the CLI; a running LiveModel takes each change within milliseconds', async () => {
  const listed = await cli(['list']);
  expect(listed.code).toBe(0);
  expect(listed.out).toMatch(new RegExp(`^\\* v1  ${V1.replace(/[/.]/g, '\\$&')}  published .* by seed  last seed`));
  live = await LiveModel.start({ db: db.pool, listener, fallback: loadIntentModel(), pollMs: 60_000 });
  expect(live.current()).toMatchObject({ stored: 1, deps: { modelVersion: V1 } });

  // Refused: another feature_version, a broken file, another content under a stored name. Nothing stored.
  const wrongFeatures = await cli(['publish', modelFile('old.json', { ...committed, version: 'old', feature_version: 'words/fnv1a/v1' })]);
  expect(wrongFeatures).toEqual({ code: 1, out: expect.stringContaining('its feature_version "words/fnv1a/v1" is not this code\'s') as string });
  expect((await cli(['publish', modelFile('broken.json', { ...committed, version: 'broken', intents: 'all' })])).code).toBe(1);
  const sameName = await cli(['publish', modelFile('same-name.json', { ...committed, blend: { ...(committed.blend as object), a: 0.123457 } })]);
  expect(sameName).toEqual({ code: 1, out: expect.stringContaining(`model version "${V1}" is stored already (version 1) with another content`) as string });

  const v2 = modelFile('v2.json', { ...committed, version: `${V1}+v2` });
  expect(await cli(['publish', v2, '--by', 'lea', '--note', 'retrained'])).toEqual({
    code: 0, out: `model v2 (${V1}+v2) published and in force (was v1, ${V1}); workers take it within seconds`,
  });
  const publishMs = await waitFor(() => live!.current().deps.modelVersion === `${V1}+v2`, 5000);
  expect(live.current().stored).toBe(2);
  expect((await cli(['publish', v2])).out).toBe(`unchanged: model v2 (${V1}+v2) is this file and is in force already`);

  const v3 = modelFile('v3.json', { ...committed, version: `${V1}+v3` });
  expect((await cli(['publish', v3, '--by', 'lea'])).code).toBe(0);
  await waitFor(() => live!.current().stored === 3, 5000);

  // One action back to v2, then back to v1 (not forth to v3); then nothing earlier.
  expect((await cli(['rollback', '--by', 'sam'])).out).toBe(`rolled back: model v2 (${V1}+v2) in force again (was v3, ${V1}+v3); workers take it within seconds`);
  const rollbackMs = await waitFor(() => live!.current().stored === 2, 5000);
  expect((await cli(['rollback', '--by', 'sam'])).out).toContain(`model v1 (${V1}) in force again (was v2,`);
  await waitFor(() => live!.current().deps.modelVersion === V1, 5000);
  expect(await cli(['rollback'])).toEqual({ code: 1, out: 'no earlier model version to roll back to' });

  // A worker's start seeds the committed file: stored already, so nothing changes (a rollback stays rolled back).
  await cli(['activate', '3', '--by', 'lea']);
  await waitFor(() => live!.current().stored === 3, 5000);
  expect(await seedModelVersion(db.pool, committed)).toMatchObject({ created: false, activated: false });
  expect((await activeModelVersion(db.pool))!.row.version).toBe(3);

  const { rows } = await db.pool.query<{ event: string; version: number; by: string }>(
    `select event, (data->>'version')::int as version, data->>'by' as by from audit_log where stage = 'model' order by id`);
  expect(rows).toEqual([
    { event: 'model_seeded', version: 1, by: 'seed' }, { event: 'model_activated', version: 2, by: 'lea' }, { event: 'model_activated', version: 3, by: 'lea' },
    { event: 'model_rolled_back', version: 2, by: 'sam' }, { event: 'model_rolled_back', version: 1, by: 'sam' }, { event: 'model_activated', version: 3, by: 'lea' },
  ]);
  process.stdout.write(`model versions: a LiveModel had a publish ${publishMs.toFixed(0)} ms and a rollback ${rollbackMs.toFixed(0)} ms after the CLI returned (LISTEN/NOTIFY)\n`);
});

test('a LiveModel whose listening connection is killed still takes a rollback through its poll', async () => {
  await live?.close();
  live = await LiveModel.start({ db: db.pool, listener, fallback: loadIntentModel(), pollMs: 300 });
  await db.pool.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`);
  expect((await cli(['rollback', '--by', 'sam'])).code).toBe(0);
  await waitFor(() => live!.current().stored === 1, 5000);
  expect(live.current().deps.modelVersion).toBe(V1);
});
