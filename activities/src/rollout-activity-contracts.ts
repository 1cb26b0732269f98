/**
 * The activity rolloutWorkflow calls, as types only (the workflow imports this file with `import type`;
 * `createRolloutActivities(deps)` implements it). `now` is the workflow's time (ISO), so a replay asks the same.
 */
export interface RolloutActivities {
  /** One evaluation of the gated rollout (rollout/evaluate-rollout.ts): step back, propose, or nothing. */
  evaluateRollout(input: { now: string }): Promise<RolloutEvaluationResult>;
}

export interface RolloutEvaluationResult {
  action: 'step_back' | 'propose' | 'hold' | 'manual' | 'stopped' | 'none';
  /** The rollout percentage in force after the evaluation. */
  percentage: number;
  from: number | null;
  to: number | null;
  savedVersion: number | null;
  reasons: string[];
}
