/**
 * The gated rollout, for real, over a throwaway Postgres database with real KPI rows (the KPI store's takeKpiEvent,
 * as the KPI consumer writes them): at 5 %, the cohort's KPIs hold; before the minimum days the gate holds and a
 * promotion is refused; after them the evaluator proposes 25 % (once), and a lead promotes with the CLI (audited).
 * At 25 % a simulated regression (re-escalations) makes the evaluator, run by the worker's Temporal Schedule on the
 * stack's dev server, step back to 5 % at once: a new policy version by `rollout-gate` with the reason, recorded,
 * audited, and counted in the metric the RolloutSteppedBack alert reads. Mail outside the cohort never counts.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { createRolloutActivities } from '@replique/activities/rollout-activities';
import type { RolloutEvaluationResult } from '@replique/activities/rollout-activity-contracts';
import { latestPolicyVersion, savePolicyVersion, seedPolicyVersion } from '@replique/activities/adapters/pg/policy-versions';
import { listRolloutEvents } from '@replique/activities/adapters/pg/rollout-store';
import { evaluateRollout, rolloutStatus } from '@replique/activities/rollout/evaluate-rollout';
import { DEFAULT_POLICY_FILE, type PolicyFile } from '@replique/activities/triage/policy';
import { rolloutCommand } from '../../services/src/cli/rollout-command';
import { ensureRolloutSchedule } from '../../services/src/worker/rollout-schedule';
import { activityMetricsInterceptor } from '../../services/src/worker/activity-metrics';
import { rolloutStepBacks } from '../../services/src/metrics/replique-metrics';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { workflowBundle } from '../support/workflow-bundle';
import { seedCohort } from '../rollout/cohort-events';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const run = randomUUID().slice(0, 8);
const namespace = process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test';
const taskQueue = `replique-test-rollout-${run}`;
const defaults = JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8')) as PolicyFile;

let db: TestDatabase;
let connection: Connection;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  db = await withTestDatabase();
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
});
afterAll(async () => {
  await connection?.close();
  await db?.close();
});

async function cli(args: string[], now: Date): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await rolloutCommand(args, (l) => lines.push(l), { env: { ...process.env, DATABASE_URL: db.databaseUrl }, now });
  return { code, out: lines.join('\n') };
}

test('promotion when the cohort\'s KPIs hold, a lead confirms; automatic step back on a simulated regression', async () => {
  await seedPolicyVersion(db.pool, defaults);
  const gate = { ...defaults.rollout.gate, min_days: 14, min_automated: 100, min_sample: 30 };
  const { row: atFive } = await savePolicyVersion(db.pool, {
    body: { ...defaults, rollout: { ...defaults.rollout, percentage: 5, steps: [1, 5, 25], gate } }, by: 'lea', note: 'start at 5 %',
  });
  const start = atFive.createdAt;
  const at = (days: number) => new Date(start.getTime() + days * DAY);

  // The cohort at 5 %: 110 automatic replies (3 re-escalated), 40 reviewed (8 edited), 6 drafts blocked by the
  // fact-check, 30 ratings (28 of 4–5). Outside the cohort, the same days, a disaster that must not count.
  await seedCohort(db.pool, {
    policyVersion: atFive.version, rollout: 'in', start: new Date(start.getTime() + 60_000),
    mix: { automated: 110, reescalated: 3, reviewed: 40, edited: 8, factCheckBlocked: 6, rated: 30, satisfied: 28 },
  });
  await seedCohort(db.pool, {
    policyVersion: atFive.version, rollout: 'out', start: new Date(start.getTime() + 60_000),
    mix: { automated: 60, reescalated: 40, reviewed: 40, edited: 40, factCheckBlocked: 30, rated: 30, satisfied: 0 },
  });

  const early = (await rolloutStatus(db.pool, at(3)))!;
  expect(early.counts).toMatchObject({ automated: 110, reescalated: 3, reviewedSent: 40, edited: 8, factCheckBlocked: 6, rated: 30, satisfied: 28 });
  expect(early.verdict).toMatchObject({ action: 'hold', from: 5, to: 25, reasons: ['3.0 of 14 days at this step'] });
  expect(early.verdict.judgements.map((j) => [j.kpi, j.status])).toEqual([
    ['reescalation_rate', 'ok'], ['edit_rate', 'ok'], ['fact_check_block_rate', 'ok'], ['csat', 'ok'],
  ]);
  const refused = await cli(['promote', '--by', 'lea'], at(3));
  expect(refused).toEqual({ code: 1, out: 'no promotion: the gate says hold (3.0 of 14 days at this step)' });

  // After the minimum days: the evaluator proposes 25 %, once however often it runs.
  expect(await evaluateRollout(db.pool, at(15))).toMatchObject({ action: 'propose', percentage: 5, to: 25, savedVersion: null });
  expect(await evaluateRollout(db.pool, at(15.1))).toMatchObject({ action: 'propose' });
  expect((await cli(['status'], at(15))).out).toMatch(/gate: propose → 25 %[\s\S]*reescalation_rate 2\.7 % ≤ 5\.0 % \(n=110\)/);

  // A lead confirms with the CLI: a new version at 25 %, by the lead, recorded and audited.
  expect(await cli(['promote', '--by', 'lea', '--from', '5', '--note', 'two good weeks'], at(15))).toEqual({ code: 0, out: `promoted 5 % → 25 %: saved version ${atFive.version + 1}` });
  const atTwentyFive = (await latestPolicyVersion(db.pool))!;
  expect(atTwentyFive).toMatchObject({ version: atFive.version + 1, createdBy: 'lea', body: { rollout: { percentage: 25 } } });

  // At 25 %: a regression. 40 automatic replies to the cohort, 8 of whose customers write again on the same matter.
  await seedCohort(db.pool, {
    policyVersion: atTwentyFive.version, rollout: 'in', start: new Date(atTwentyFive.createdAt.getTime() + 60_000),
    mix: { automated: 40, reescalated: 8, reviewed: 5 },
  });

  // The real evaluator, as production runs it: the worker's schedule triggers rolloutWorkflow on a test worker.
  const stepBacksBefore = (await rolloutStepBacks.get()).values[0]?.value ?? 0;
  const workerConnection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const worker = await Worker.create({
    connection: workerConnection, namespace, taskQueue, workflowBundle: await workflowBundle(),
    activities: createRolloutActivities({ db: db.pool }), interceptors: { activity: [activityMetricsInterceptor] },
  });
  const client = new Client({ connection, namespace });
  const scheduleId = `replique-rollout-test-${run}`;
  const evaluated = await worker.runUntil(async () => {
    expect(await ensureRolloutSchedule(client, { scheduleId, taskQueue, every: '1h' })).toBe('created');
    expect(await ensureRolloutSchedule(client, { scheduleId, taskQueue, every: '1h' })).toBe('updated');
    const schedule = client.schedule.getHandle(scheduleId);
    try {
      await schedule.trigger();
      const started = await waitFor(async () => (await schedule.describe()).info.recentActions[0]?.action.workflow);
      return await client.workflow.getHandle(started.workflowId, started.firstExecutionRunId).result() as RolloutEvaluationResult;
    } finally {
      await schedule.delete();
    }
  }).finally(() => workerConnection.close());

  expect(evaluated).toMatchObject({ action: 'step_back', from: 25, to: 5, percentage: 5, savedVersion: atTwentyFive.version + 1 });
  expect(evaluated.reasons).toEqual(['reescalation_rate 20.0 % > 5.0 % (n=40)']);
  const back = (await latestPolicyVersion(db.pool))!;
  expect(back).toMatchObject({ version: atTwentyFive.version + 1, createdBy: 'rollout-gate', body: { rollout: { percentage: 5 } } });
  expect(back.note).toBe('automatic step back 25 % → 5 %: reescalation_rate 20.0 % > 5.0 % (n=40)');
  expect(back.diff).toEqual([{ path: 'rollout.percentage', from: 25, to: 5 }]);
  expect((await rolloutStepBacks.get()).values[0]?.value).toBe(stepBacksBefore + 1);

  const history = (await listRolloutEvents(db.pool)).reverse().map((e) => [e.kind, e.fromPercentage, e.toPercentage, e.policyVersion, e.createdBy]);
  expect(history).toEqual([
    ['proposed', 5, 25, atFive.version, 'rollout-gate'],
    ['promoted', 5, 25, atTwentyFive.version, 'lea'],
    ['step_back', 25, 5, back.version, 'rollout-gate'],
  ]);
  const audit = await db.pool.query<{ stage: string; event: string; by: string }>(
    `select stage, event, data->>'by' as by from audit_log where stage in ('policy', 'rollout') order by id`);
  expect(audit.rows).toEqual([
    { stage: 'policy', event: 'policy_saved', by: 'lea' },
    { stage: 'policy', event: 'policy_saved', by: 'lea' }, { stage: 'rollout', event: 'promoted', by: 'lea' },
    { stage: 'policy', event: 'policy_saved', by: 'rollout-gate' }, { stage: 'rollout', event: 'step_back', by: 'rollout-gate' },
  ]);

  // At 5 % again, the step starts afresh: the earlier 5 % sample (another version) does not count; nothing to do.
  const after = await evaluateRollout(db.pool);
  expect(after).toMatchObject({ action: 'hold', percentage: 5 });
  expect((await rolloutStatus(db.pool))!.counts.emails).toBe(0);
  expect((await cli(['history'], new Date())).out.split('\n')).toHaveLength(3);
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}
