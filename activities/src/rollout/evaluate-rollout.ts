/**
 * The gated rollout's evaluator and its promotion (docs/operations.md, "Gated rollout"). The evaluator runs every
 * few minutes (rolloutWorkflow, on a Temporal Schedule the worker keeps; or `replique rollout evaluate`):
 * - a KPI of the cohort past its threshold: it saves a new policy version one step down at once (created by
 *   `rollout-gate`, with the reason as its note), records the step back and audits it, in one transaction;
 * - the KPIs holding over the minimum sample: it records a proposal (once per step), which a lead confirms in the
 *   review tool (/rollout) or with `replique rollout promote`: the promotion re-measures and is refused unless the
 *   gate still says so, then saves the next step, recorded and audited with the lead's name.
 * A save that raced another (someone saved a version meanwhile) is dropped: the next run sees the new version.
 */
import type { Pool } from 'pg';
import { createLogger } from '../logger';
import { appendAudit } from '../adapters/pg/audit-log';
import type { Queryable } from '../adapters/pg/pool';
import { latestPolicyVersion, PolicyConflictError, savePolicyVersion, type PolicyVersionRow } from '../adapters/pg/policy-versions';
import {
  currentRolloutStep, measureRolloutCohort, recordRolloutEvent, type RolloutEventKind, type RolloutStep,
} from '../adapters/pg/rollout-store';
import type { PolicyFile } from '../triage/policy';
import { decideRollout, type CohortCounts, type RolloutAction, type RolloutVerdict } from './rollout-gate';

const log = createLogger('rollout');

/** Who the evaluator's own versions and events are by. */
export const ROLLOUT_GATE_ACTOR = 'rollout-gate';
const DAY_MS = 86_400_000;

export interface RolloutStatus {
  policyVersion: number;
  killSwitch: boolean;
  rollout: PolicyFile['rollout'];
  step: RolloutStep;
  daysAtStep: number;
  counts: CohortCounts;
  verdict: RolloutVerdict;
}

/** Where the rollout stands now and what the gate says; null before any policy version. */
export async function rolloutStatus(db: Queryable, now: Date = new Date()): Promise<RolloutStatus | null> {
  const [latest, step] = await Promise.all([latestPolicyVersion(db), currentRolloutStep(db)]);
  if (!latest || !step) return null;
  const counts = await measureRolloutCohort(db, step);
  const daysAtStep = Math.max(0, (now.getTime() - step.since.getTime()) / DAY_MS);
  const { rollout } = latest.body;
  const verdict = decideRollout({ percentage: rollout.percentage, steps: rollout.steps, gate: rollout.gate, daysAtStep }, counts);
  return { policyVersion: latest.version, killSwitch: latest.killSwitch, rollout, step, daysAtStep, counts, verdict };
}

/** What one evaluation did (the worker's metrics read it: replique_rollout_*). */
export interface RolloutEvaluation {
  action: RolloutAction | 'none';
  /** The rollout percentage in force after the evaluation. */
  percentage: number;
  from: number | null;
  to: number | null;
  /** The version the step back saved; null otherwise. */
  savedVersion: number | null;
  reasons: string[];
}

const snapshotOf = (status: RolloutStatus) => ({
  counts: status.counts, judgements: status.verdict.judgements, daysAtStep: Number(status.daysAtStep.toFixed(2)), stepSinceVersion: status.step.sinceVersion,
});

/** Saves the rollout at `to` %, with its record and audit row in the same transaction. */
async function saveStep(
  pool: Pool, status: RolloutStatus, latest: PolicyVersionRow, kind: RolloutEventKind, to: number, by: string, note: string,
): Promise<PolicyVersionRow> {
  const body = { ...latest.body, rollout: { ...latest.body.rollout, percentage: to } };
  const from = status.rollout.percentage;
  const { row } = await savePolicyVersion(pool, {
    body, by, note, basedOn: latest.version,
    also: async (client, saved) => {
      await recordRolloutEvent(client, { kind, from, to, policyVersion: saved.version, by, kpis: snapshotOf(status), note });
      await appendAudit(client, {
        emailKey: null, stage: 'rollout', event: kind, auditKey: `rollout:${kind}:${saved.version}`,
        data: { from, to, version: saved.version, by, reasons: status.verdict.reasons },
      });
    },
  });
  return row;
}

export async function evaluateRollout(pool: Pool, now: Date = new Date()): Promise<RolloutEvaluation> {
  const status = await rolloutStatus(pool, now);
  if (!status) return { action: 'none', percentage: 0, from: null, to: null, savedVersion: null, reasons: ['no policy version yet'] };
  const { verdict } = status;
  const result: RolloutEvaluation = { action: verdict.action, percentage: verdict.from, from: verdict.from, to: verdict.to, savedVersion: null, reasons: verdict.reasons };

  if (verdict.action === 'step_back') {
    const latest = (await latestPolicyVersion(pool))!;
    if (latest.version !== status.policyVersion) return { ...result, action: 'none', reasons: ['the policy changed meanwhile: the next run decides'] };
    const note = `automatic step back ${verdict.from} % → ${verdict.to} %: ${verdict.reasons.join('; ')}`;
    try {
      const row = await saveStep(pool, status, latest, 'step_back', verdict.to!, ROLLOUT_GATE_ACTOR, note);
      log.warn({ from: verdict.from, to: verdict.to, version: row.version, reasons: verdict.reasons }, 'rollout stepped back on a KPI regression');
      return { ...result, percentage: verdict.to!, savedVersion: row.version };
    } catch (error) {
      if (error instanceof PolicyConflictError) return { ...result, action: 'none', reasons: ['the policy changed meanwhile: the next run decides'] };
      throw error;
    }
  }
  if (verdict.action === 'propose') {
    const proposed = await recordRolloutEvent(pool, {
      kind: 'proposed', from: verdict.from, to: verdict.to!, policyVersion: status.step.sinceVersion, by: ROLLOUT_GATE_ACTOR,
      kpis: snapshotOf(status), note: `the cohort's KPIs hold: promotion to ${verdict.to} % proposed`,
    });
    if (proposed) log.info({ from: verdict.from, to: verdict.to }, 'rollout promotion proposed');
  }
  return result;
}

/** The gate does not allow a promotion now; `reasons` says why. */
export class RolloutNotReadyError extends Error {
  override readonly name = 'RolloutNotReadyError';
  constructor(readonly verdict: RolloutVerdict) {
    super(`no promotion: the gate says ${verdict.action} (${verdict.reasons.join('; ')})`);
  }
}

/**
 * A lead's confirmation: re-measured now, allowed when the gate proposes the next step (or at 0 %, to start at the
 * first one). `expectFrom`: the percentage the lead saw, so a promotion never lands on a step that changed meanwhile.
 */
export async function promoteRollout(
  pool: Pool, input: { by: string; note?: string | null; expectFrom?: number; now?: Date },
): Promise<{ version: number; from: number; to: number }> {
  const status = await rolloutStatus(pool, input.now);
  if (!status) throw new Error('no policy version yet');
  const { verdict } = status;
  if ((verdict.action !== 'propose' && verdict.action !== 'stopped') || verdict.to === null) throw new RolloutNotReadyError(verdict);
  if (input.expectFrom !== undefined && input.expectFrom !== verdict.from) {
    throw new RolloutNotReadyError({ ...verdict, action: 'hold', reasons: [`the rollout is at ${verdict.from} % now, not ${input.expectFrom} %: reload`] });
  }
  const latest = (await latestPolicyVersion(pool))!;
  const note = `rollout promoted ${verdict.from} % → ${verdict.to} % by ${input.by}${input.note ? `: ${input.note}` : ''}`;
  const row = await saveStep(pool, status, latest, 'promoted', verdict.to, input.by, note);
  return { version: row.version, from: verdict.from, to: verdict.to };
}
