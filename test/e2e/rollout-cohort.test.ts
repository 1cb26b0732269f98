/**
 * The rollout cohort on the real pipeline (HTTP intake → Kafka → starter → Temporal → worker → smtp-sink): at 1 %,
 * a routine email from a customer inside the cohort is answered automatically, and the same email from outside it is
 * held for a person with `rollout_holdback`, nothing sent. The cohort is drawn by the policy's salt; the test picks
 * one salt that puts the sender (d005's) inside the 1 % and one that leaves them out. Each route event says `in` or
 * `out` (what the evaluator counts) and carries no address.
 */
import path from 'node:path';
import { latestPolicyVersion, savePolicyVersion } from '@replique/activities/adapters/pg/policy-versions';
import { rolloutAdmits } from '@replique/activities/triage/rollout-cohort';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { freshDevEmail } from '../support/dev-email-copy';

jest.setTimeout(300_000);

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipeline();
});
afterAll(async () => {
  await h?.stop();
});

const SENDER = 'hannah.evans@btinternet.com'; // d005's From

/** The first salt `salt-N` that puts the sender inside (or outside) the 1 % cohort. */
function saltWhere(inside: boolean): string {
  for (let n = 0; ; n++) if (rolloutAdmits({ rolloutPercentage: 1, rolloutSalt: `salt-${n}` }, SENDER) === inside) return `salt-${n}`;
}

async function atOnePercent(salt: string): Promise<number> {
  const latest = (await latestPolicyVersion(h.db.pool))!;
  const { row } = await savePolicyVersion(h.db.pool, { body: { ...latest.body, rollout: { ...latest.body.rollout, percentage: 1, salt } }, by: 'lea' });
  const t0 = Date.now();
  while (h.workerPolicy().version !== row.version) {
    if (Date.now() - t0 > 10_000) throw new Error('the worker never took the policy');
    await new Promise((r) => setTimeout(r, 10));
  }
  return row.version;
}

async function routeEventOf(emailKey: string) {
  const { rows } = await h.db.pool.query<{ event: string; data: Record<string, unknown> }>(
    `select event, data from audit_log where email_key = $1 and stage = 'route' and event <> 'done'`, [emailKey]);
  return rows[0]!;
}

test('at 1 %: inside the cohort answered automatically; outside it held for a person (rollout_holdback), nothing sent', async () => {
  const inside = await atOnePercent(saltWhere(true));
  const a = await h.deliver(freshDevEmail('d005.eml').raw);
  const sent = await h.waitForView(a.emailKey, (v) => v.state === 'sent');
  expect(sent.route).toBe('auto');
  expect(await routeEventOf(a.emailKey)).toMatchObject({ event: 'auto', data: { rollout: 'in', policyVersion: inside } });

  const outside = await atOnePercent(saltWhere(false));
  const b = await h.deliver(freshDevEmail('d005.eml').raw);
  const held = await h.waitForView(b.emailKey, (v) => v.state === 'waiting_review');
  expect(held.route).toBe('review');
  expect(held.routeReasons).toEqual(['rollout_holdback']);
  const routed = await routeEventOf(b.emailKey);
  expect(routed).toMatchObject({ event: 'review', data: { rollout: 'out', policyVersion: outside, reasons: ['rollout_holdback'] } });
  expect(JSON.stringify(routed.data)).not.toContain('hannah');
  const { rows } = await h.db.pool.query(`select 1 from sent_mail where email_key = $1`, [b.emailKey]);
  expect(rows).toHaveLength(0);
});
