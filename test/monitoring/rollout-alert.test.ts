/**
 * The gated rollout's alert (infra/monitoring/rules/replique.yml, RolloutSteppedBack) against its promtool unit test
 * (replique-rollout.test.yml): it fires within minutes of an automatic step back and for an hour, never on holds,
 * proposals or a worker restart. The metric it reads is the one the worker exports (replique-metrics.ts), counted
 * off the evaluator activity's result (activity-metrics.ts). Needs promtool, like alert-rules.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countActivity } from '../../services/src/worker/activity-metrics';
import { rolloutEvaluations, rolloutPercentage, rolloutStepBacks } from '../../services/src/metrics/replique-metrics';

const RULES_DIR = join(__dirname, '../../infra/monitoring/rules');
const found = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' });
const promtool = found.status === 0 ? found.stdout.trim() : null;
if (!promtool) {
  if (process.env.CI) throw new Error('promtool is missing under CI: `pnpm test` installs it (infra/local/lib/monitoring.sh)');
  console.warn('SKIPPED test/monitoring/rollout-alert.test.ts: promtool not found (apt-get install prometheus, or run `pnpm test`)');
}
const withPromtool = promtool ? test : test.skip;

withPromtool('RolloutSteppedBack fires on an automatic step back and stays quiet otherwise (promtool)', () => {
  const run = spawnSync(promtool!, ['test', 'rules', 'replique-rollout.test.yml'], { cwd: RULES_DIR, encoding: 'utf8' });
  expect({ status: run.status, output: run.stdout + run.stderr }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  const rules = readFileSync(join(RULES_DIR, 'replique.yml'), 'utf8');
  expect(rules).toContain('alert: RolloutSteppedBack');
  expect(rules).toContain('replique_rollout_step_backs_total');
});

test('the worker counts a step back off the evaluator activity\'s result, and exports the percentage left in force', async () => {
  const before = (await rolloutStepBacks.get()).values[0]?.value ?? 0;
  countActivity('evaluateRollout', [{ now: '2026-12-06T10:00:00Z' }], 'ok', { action: 'hold', percentage: 5, from: 5, to: 25, savedVersion: null, reasons: [] });
  countActivity('evaluateRollout', [{ now: '2026-12-06T10:15:00Z' }], 'ok', { action: 'step_back', percentage: 1, from: 5, to: 1, savedVersion: 7, reasons: ['x'] });
  expect((await rolloutStepBacks.get()).values[0]?.value).toBe(before + 1);
  expect((await rolloutPercentage.get()).values[0]?.value).toBe(1);
  expect((await rolloutEvaluations.get()).values.find((v) => v.labels.action === 'step_back')?.value).toBe(1);
});
