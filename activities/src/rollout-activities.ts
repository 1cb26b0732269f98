/** The gated rollout's evaluator as an activity (rolloutWorkflow), over the pool; idempotent per step (rollout_events). */
import type { Pool } from './adapters/pg/pool';
import type { RolloutActivities } from './rollout-activity-contracts';
import { evaluateRollout } from './rollout/evaluate-rollout';

export function createRolloutActivities(deps: { db: Pool }): RolloutActivities {
  return {
    async evaluateRollout({ now }) {
      return evaluateRollout(deps.db, new Date(now));
    },
  };
}
