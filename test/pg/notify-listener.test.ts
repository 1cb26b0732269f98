/**
 * One listening connection per process, on the real Postgres: the four values a worker follows (policy, wording,
 * model, running experiments) share one NotifyListener, so the database sees one `replique-…-listener` connection
 * for all four. A change on each channel reaches its value through NOTIFY (the polls are 10 minutes long, so nothing
 * else could bring it); after that connection is killed (pg_terminate_backend), the listener reconnects by itself,
 * and changes made while it was down or after it came back reach every value too.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createExperiment, promoteVariant } from '@replique/activities/adapters/pg/experiment-store';
import { LiveDraftExperiments } from '@replique/activities/adapters/pg/live-draft-experiment';
import { LiveModel } from '@replique/activities/adapters/pg/live-model';
import { LivePolicy } from '@replique/activities/adapters/pg/live-policy';
import { LiveWording } from '@replique/activities/adapters/pg/live-wording';
import { publishModelVersion, rollbackModelVersion, seedModelVersion } from '@replique/activities/adapters/pg/model-versions';
import { NotifyListener } from '@replique/activities/adapters/pg/notify-listener';
import { savePolicyVersion, seedPolicyVersion } from '@replique/activities/adapters/pg/policy-versions';
import {
  activateWordingVersion, activeWordingVersion, finishWordingCheck, rollbackWordingVersion, saveWordingVersion, seedWordingVersions,
  startWordingCheck,
} from '@replique/activities/adapters/pg/wording-versions';
import { DEFAULT_INTENT_MODEL_FILE, loadIntentModel } from '@replique/activities/triage/intent-model';
import { DEFAULT_POLICY_FILE, parsePolicyFile } from '@replique/activities/triage/policy';
import type { TemplateWording } from '@replique/activities/reply/wording/phrase-catalogue';
import { waitFor } from '../adapters/stack-env';
import { withTestDatabase, type TestDatabase } from '../support/pg';

jest.setTimeout(180_000);

const NAME = `values-${randomBytes(4).toString('hex')}`;
const APP = `replique-${NAME}-listener`;
const LONG_POLL = 600_000;
const DEADLINE = 30_000;
const committed = JSON.parse(readFileSync(DEFAULT_INTENT_MODEL_FILE, 'utf8')) as Record<string, unknown> & { version: string };
const EXPERIMENT = {
  id: 'order-status-live', kind: 'prompt', title: 'Order status: template or prompt 2.0', metric: 'csat_positive',
  baseline: 0.8, mde: 0.05, variants: [{ name: 'template', versionKey: 'order-status@1.1.0' }, { name: 'prompt-2', versionKey: 'draft-reply@2.0.0' }],
};

let db: TestDatabase;
let listener: NotifyListener;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  db = await withTestDatabase();
  await seedPolicyVersion(db.pool, parsePolicyFile(readFileSync(DEFAULT_POLICY_FILE, 'utf8'), DEFAULT_POLICY_FILE));
  await seedWordingVersions(db.pool);
  await seedModelVersion(db.pool, committed);
});

afterAll(async () => {
  for (const close of closers) await close();
  await listener?.close();
  await db?.close();
});

/** The listening connections of this test's listener: their pids, and whether each listens. */
async function listenerConnections(): Promise<{ pid: number; query: string }[]> {
  const { rows } = await db.pool.query<{ pid: number; query: string }>(
    `select pid, query from pg_stat_activity where application_name = $1 and datname = current_database()`, [APP]);
  return rows;
}

/** A templates version that differs from the one in force and whose activation check passed. */
async function checkedTemplatesVersion(): Promise<number> {
  const body = structuredClone((await activeWordingVersion(db.pool, 'templates'))!.row.body) as unknown as TemplateWording;
  body.phrases.signature.en = body.phrases.signature.en.replace('Kind regards,', 'Best,');
  const { row } = await saveWordingVersion(db.pool, { kind: 'templates', body, by: 'paula' });
  const check = await startWordingCheck(db.pool, { kind: 'templates', version: row.version, by: 'paula' });
  await finishWordingCheck(db.pool, check.id, true, { note: 'test: no replay' });
  return row.version;
}

test('four live values on one listening connection: NOTIFY reaches each; after the connection is killed they still update', async () => {
  listener = new NotifyListener(db.databaseUrl, { name: NAME, reconnectMs: 200 });
  const policy = await LivePolicy.start({ db: db.pool, listener, shopPolicies: async () => undefined, pollMs: LONG_POLL });
  const wording = await LiveWording.start({ db: db.pool, listener, pollMs: LONG_POLL });
  const model = await LiveModel.start({ db: db.pool, listener, fallback: loadIntentModel(), pollMs: LONG_POLL });
  const experiments = await LiveDraftExperiments.start({ db: db.pool, listener, pollMs: LONG_POLL });
  closers.push(() => policy.close(), () => wording.close(), () => model.close(), () => experiments.close());

  const first = await listenerConnections();
  expect(first).toHaveLength(1);
  expect(policy.current().killSwitch).toBe(false);
  expect(wording.templates().version).toBe(1);
  expect(model.current()).toMatchObject({ stored: 1 });
  expect(experiments.current()).toEqual([]);

  // One change on each channel: only its notification can bring it (the polls are 10 minutes).
  const saved = (await savePolicyVersion(db.pool, { killSwitch: true, by: 'lea' })).row.version;
  const v2 = await checkedTemplatesVersion();
  await activateWordingVersion(db.pool, { kind: 'templates', version: v2, by: 'paula' });
  await publishModelVersion(db.pool, { json: { ...committed, version: `${committed.version}+live` }, by: 'lea' });
  await createExperiment(db.pool, EXPERIMENT, 'lena');
  await waitFor('the policy notification', () => policy.current().version === saved, DEADLINE);
  await waitFor('the wording notification', () => wording.templates().version === v2, DEADLINE);
  await waitFor('the model notification', () => model.current().stored === 2, DEADLINE);
  await waitFor('the experiments notification', () => experiments.current().length === 1, DEADLINE);

  // The one connection dies: changes made now (lost notifications) and after it comes back still reach each value.
  const { rowCount } = await db.pool.query('select pg_terminate_backend($1)', [first[0]!.pid]);
  expect(rowCount).toBe(1);
  const again = (await savePolicyVersion(db.pool, { killSwitch: false, by: 'lea' })).row.version;
  await rollbackWordingVersion(db.pool, { kind: 'templates', by: 'paula' });
  await rollbackModelVersion(db.pool, { by: 'lea' });
  await promoteVariant(db.pool, { experimentId: EXPERIMENT.id, variant: 'prompt-2', by: 'lena' });
  await waitFor('the policy after the kill', () => policy.current().version === again, DEADLINE);
  await waitFor('the wording after the kill', () => wording.templates().version === 1, DEADLINE);
  await waitFor('the model after the kill', () => model.current().stored === 1, DEADLINE);
  await waitFor('the experiments after the kill', () => experiments.current().length === 0, DEADLINE);

  // Back to one listening connection (a new one), which hears the next change at once.
  const back = await waitFor('the listener to reconnect', async () => {
    const rows = await listenerConnections();
    return rows.length === 1 && rows[0]!.pid !== first[0]!.pid && listener.connected ? rows : null;
  }, DEADLINE);
  expect(back).toHaveLength(1);
  const last = (await savePolicyVersion(db.pool, { killSwitch: true, by: 'lea' })).row.version;
  await waitFor('the policy notification after the reconnection', () => policy.current().version === last, DEADLINE);
});
