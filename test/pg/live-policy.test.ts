/**
 * The live policy on the real Postgres: versions saved by the `replique policy` CLI (validated, diffed, audited),
 * seen by a LivePolicy (what each worker keeps) through LISTEN/NOTIFY within milliseconds, and through the poll when
 * its listening connection (the process's NotifyListener) is killed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LivePolicy } from '@replique/activities/adapters/pg/live-policy';
import { NotifyListener } from '@replique/activities/adapters/pg/notify-listener';
import {
  latestPolicyVersion, PolicyConflictError, PolicyInvalidError, savePolicyVersion,
} from '@replique/activities/adapters/pg/policy-versions';
import { DEFAULT_POLICY_FILE } from '@replique/activities/triage/policy';
import { policyCommand } from '@replique/services/cli/policy-command';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { runCli } from '../support/cli-run';

let db: TestDatabase;
let live: LivePolicy | null = null;
let listener: NotifyListener | null = null;
const dir = mkdtempSync(path.join(tmpdir(), 'policy-'));
const defaults = JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8')) as Record<string, unknown> & { rollout: { percentage: number } };

beforeAll(async () => {
  db = await withTestDatabase();
});
afterAll(async () => {
  await live?.close();
  await listener?.close();
  await db?.close();
});

const cli = (argv: string[]) => runCli(policyCommand, db.databaseUrl, argv);

function policyFile(name: string, body: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
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

test('the CLI seeds version 1 from the policy file, saves validated versions with their diff, and audits each', async () => {
  const shown = await cli(['show']);
  expect(shown.code).toBe(0);
  expect(JSON.parse(shown.out)).toMatchObject({ version: 1, kill_switch: false, created_by: 'seed', policy: { version: defaults.version } });

  const fivePercent = { ...defaults, rollout: { ...defaults.rollout, percentage: 5 } };
  const set = await cli(['set', policyFile('five.json', fivePercent), '--by', 'lea', '--note', 'start at 5 %']);
  expect(set).toEqual({ code: 0, out: 'saved version 2 (kill switch off)\n  rollout.percentage: 100 → 5' });
  expect((await cli(['set', policyFile('same.json', fivePercent)])).out).toBe('no change: version 2 stays in force');

  // Invalid: nothing saved, every invalid field named.
  const invalid = await cli(['set', policyFile('bad.json', { ...defaults, confidence_threshold: 3, automation: { enabled_intents: ['world_peace'] } })]);
  expect(invalid.code).toBe(1);
  expect(invalid.out).toMatch(/invalid policy, nothing saved/);
  expect(invalid.out).toMatch(/confidence_threshold/);
  expect(invalid.out).toMatch(/enabled_intents/);
  expect((await cli(['set', policyFile('notjson.json', '{ nope')])).out).toMatch(/is not JSON/);
  expect((await latestPolicyVersion(db.pool))!.version).toBe(2);

  // The kill switch is a version too; saving an edited file carries it over (never turns it off by accident).
  expect((await cli(['kill-switch', 'on', '--by', 'lea'])).out).toBe('saved version 3 (kill switch on)\n  kill_switch: false → true');
  expect((await cli(['kill-switch', 'on'])).out).toBe('no change: version 3 stays in force');
  const back = await cli(['set', policyFile('full.json', defaults), '--by', 'sam']);
  expect(back.out).toBe('saved version 4 (kill switch on)\n  rollout.percentage: 5 → 100');
  expect((await cli(['kill-switch', 'off', '--by', 'lea'])).code).toBe(0);

  const history = (await cli(['history'])).out.split('\n');
  expect(history).toHaveLength(5);
  expect(history[1]).toMatch(/^2\t\S+\tlea\tkill switch off\trollout\.percentage: 100 → 5\t"start at 5 %"$/);
  expect(history[4]).toMatch(/^5\t\S+\tlea\tkill switch off\tkill_switch: true → false$/);
  const { rows } = await db.pool.query<{ event: string; data: { version: number; by: string } }>(
    `select event, data from audit_log where stage = 'policy' order by id`);
  expect(rows.map((r) => [r.event, r.data.version, r.data.by])).toEqual([
    ['policy_saved', 2, 'lea'], ['kill_switch_on', 3, 'lea'], ['policy_saved', 4, 'sam'], ['kill_switch_off', 5, 'lea'],
  ]);
});

test('a save based on an older version is refused; an invalid body is refused before any write', async () => {
  const latest = (await latestPolicyVersion(db.pool))!;
  await expect(savePolicyVersion(db.pool, { body: defaults, by: 'x', basedOn: latest.version - 1 })).rejects.toThrow(PolicyConflictError);
  await expect(savePolicyVersion(db.pool, { body: { version: 1 }, by: 'x' })).rejects.toThrow(PolicyInvalidError);
  expect((await latestPolicyVersion(db.pool))!.version).toBe(latest.version);
});

test('a running LivePolicy sees a saved version within milliseconds (NOTIFY), and through the poll when its listener is killed', async () => {
  listener = new NotifyListener(db.databaseUrl, { name: 'policy' });
  live = await LivePolicy.start({ db: db.pool, listener, shopPolicies: async () => undefined, pollMs: 1000 });
  const start = live.current().version;
  const withIntents = (intents: string[]) => ({ ...defaults, automation: { enabled_intents: intents, slightly_late_max_days: 5 } });

  const saved = (await savePolicyVersion(db.pool, { body: withIntents(['thanks']), by: 'lea' })).row.version;
  expect(saved).toBe(start + 1);
  const notifyMs = await waitFor(() => live!.current().version === saved, 5000);
  expect([...live.current().routing.automatedIntents]).toEqual(['thanks']);
  expect(notifyMs).toBeLessThan(5000);

  // The listening connection dies (a Postgres restart, a network cut): the poll still brings the change in time.
  const { rowCount } = await db.pool.query(
    `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'replique-policy-listener' and datname = current_database()`);
  expect(rowCount).toBe(1);
  const killed = (await savePolicyVersion(db.pool, { killSwitch: true, by: 'lea' })).row.version;
  const pollMs = await waitFor(() => live!.current().killSwitch, 5000);
  expect(live.current().version).toBe(killed);
  expect(pollMs).toBeLessThan(5000);

  // ...and the listener comes back by itself (after its reconnect delay), listening again.
  const listening = async () => (await db.pool.query(
    `select 1 from pg_stat_activity where application_name = 'replique-policy-listener' and datname = current_database()
       and query ilike 'listen%'`)).rowCount === 1;
  for (let i = 0; !(await listening()); i++) {
    if (i > 600) throw new Error('the policy listener did not reconnect');
    await new Promise((r) => setTimeout(r, 50));
  }
  const again = (await savePolicyVersion(db.pool, { killSwitch: false, by: 'lea' })).row.version;
  const renotifyMs = await waitFor(() => live!.current().version === again, 5000);
  expect(renotifyMs).toBeLessThan(5000);
  process.stdout.write(`live policy: seen by NOTIFY in ${notifyMs.toFixed(0)} ms, by the poll (listener killed) in ${pollMs.toFixed(0)} ms, by NOTIFY after reconnect in ${renotifyMs.toFixed(0)} ms\n`);
});
