/**
 * `replique rollout`: the gated rollout (docs/operations.md, "Gated rollout"), without a server.
 *
 *   pnpm -s replique rollout status [--json]          the step, the cohort's KPIs against the gate, what it says
 *   pnpm -s replique rollout evaluate                 one evaluation now, as the scheduled evaluator runs it
 *   pnpm -s replique rollout promote [--note TEXT] [--by NAME] [--from PERCENT]
 *                                                     a lead's confirmation of a proposed promotion (audited)
 *   pnpm -s replique rollout history [--limit N]      proposals, promotions and automatic step backs
 *
 * As `replique policy`, it seeds version 1 from the policy file when no version is saved yet.
 */
import os from 'node:os';
import { z } from 'zod';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import { listRolloutEvents, type RolloutEventRow } from '@replique/activities/adapters/pg/rollout-store';
import { DEFAULT_POLICY_FILE } from '@replique/activities/triage/policy';
import { evaluateRollout, promoteRollout, RolloutNotReadyError, rolloutStatus, type RolloutStatus } from '@replique/activities/rollout/evaluate-rollout';
import { describeJudgement } from '@replique/activities/rollout/rollout-gate';
import { parseArgs, UsageError } from './args';
import { existingFile, parseEnv } from '../config/parse-env';
import { postgresEnv } from '../config/shared-env';
import { seedFromFile } from './policy-command';

export const ROLLOUT_USAGE = 'rollout status [--json] | rollout evaluate | rollout promote [--note TEXT] [--by NAME] [--from PERCENT] | rollout history [--limit N]';

const envSchema = z.object({ ...postgresEnv, REPLIQUE_POLICY_FILE: existingFile.optional() });

export async function rolloutCommand(argv: string[], write: (line: string) => void, io: { env?: NodeJS.ProcessEnv; now?: Date } = {}): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, ['note', 'by', 'from', 'limit'], ['json']);
  if (!['status', 'evaluate', 'promote', 'history'].includes(sub ?? '')) throw new UsageError(`usage: replique ${ROLLOUT_USAGE}`);
  const config = parseEnv('replique rollout', envSchema, io.env ?? process.env);
  const db = createPool(config.DATABASE_URL, { max: 2, applicationName: 'replique-cli' });
  try {
    await migrate(db, { dir: config.REPLIQUE_MIGRATIONS_DIR });
    await seedFromFile(db, config.REPLIQUE_POLICY_FILE ?? DEFAULT_POLICY_FILE);
    switch (sub) {
      case 'status': {
        const status = (await rolloutStatus(db, io.now))!;
        if (args.flags.has('json')) write(JSON.stringify(status, null, 2));
        else for (const line of statusLines(status)) write(line);
        return 0;
      }
      case 'evaluate': {
        const done = await evaluateRollout(db, io.now);
        write(`${done.action}: rollout at ${done.percentage} %${done.savedVersion ? ` (saved version ${done.savedVersion})` : ''}`);
        for (const reason of done.reasons) write(`  ${reason}`);
        return 0;
      }
      case 'promote': {
        const from = args.options.from === undefined ? undefined : Number(args.options.from);
        if (from !== undefined && !Number.isFinite(from)) throw new UsageError('--from must be a percentage');
        try {
          const done = await promoteRollout(db, { by: args.options.by ?? `cli:${os.userInfo().username}`, note: args.options.note ?? null, expectFrom: from, now: io.now });
          write(`promoted ${done.from} % → ${done.to} %: saved version ${done.version}`);
          return 0;
        } catch (error) {
          if (!(error instanceof RolloutNotReadyError)) throw error;
          write(error.message);
          return 1;
        }
      }
      case 'history': {
        const limit = args.options.limit ? Number(args.options.limit) : 20;
        if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive integer');
        for (const row of (await listRolloutEvents(db, limit)).reverse()) write(historyLine(row));
        return 0;
      }
      default:
        throw new UsageError(`usage: replique ${ROLLOUT_USAGE}`);
    }
  } finally {
    await db.end();
  }
}

export function statusLines(s: RolloutStatus): string[] {
  return [
    `rollout ${s.rollout.percentage} % (ladder ${s.rollout.steps.join(' → ')} %), policy version ${s.policyVersion}${s.killSwitch ? ', kill switch ON' : ''}`,
    `step since version ${s.step.sinceVersion} (${s.step.since.toISOString()}, ${s.daysAtStep.toFixed(1)} days)`,
    `cohort at this step: ${s.counts.emails} emails, ${s.counts.automated} automatic replies`,
    ...s.verdict.judgements.map((j) => `  ${j.status.padEnd(7)} ${describeJudgement(j)}`),
    `gate: ${s.verdict.action}${s.verdict.to === null ? '' : ` → ${s.verdict.to} %`}`,
    ...s.verdict.reasons.map((r) => `  ${r}`),
  ];
}

function historyLine(row: RolloutEventRow): string {
  return `${row.createdAt.toISOString()}\t${row.kind}\t${row.fromPercentage} % → ${row.toPercentage} %\tversion ${row.policyVersion}\t${row.createdBy}${row.note ? `\t"${row.note}"` : ''}`;
}
