/**
 * The draft experiment a worker runs (DRAFT_EXPERIMENT_ID), read from Postgres at start and again every `pollMs`, so
 * a promotion in the review tool reaches the running workers within one period without a restart. A failed poll
 * keeps the last good experiment; a stored experiment that cannot be drafted (draft-experiment.ts) stops the start.
 */
import { createLogger } from '../../logger';
import type { Experiment } from '../../reply/ab-assignment';
import type { DraftGenerator } from '../../reply/draft-reply';
import { draftExperimentOf } from '../../reply/draft-experiment';
import { getExperiment } from './experiment-store';
import type { Queryable } from './pool';

const log = createLogger('adapter.live-draft-experiment');

export class LiveDraftExperiment {
  private timer: NodeJS.Timeout | null = null;

  private constructor(private experiment: Experiment<DraftGenerator>) {}

  static async start(options: { db: Queryable; id: string; pollMs?: number }): Promise<LiveDraftExperiment> {
    const load = async () => {
      const row = await getExperiment(options.db, options.id);
      if (!row) throw new Error(`no experiment ${options.id} in the database (DRAFT_EXPERIMENT_ID)`);
      return draftExperimentOf(row);
    };
    const live = new LiveDraftExperiment(await load());
    live.timer = setInterval(() => {
      load().then(
        (experiment) => { live.experiment = experiment; },
        (error: unknown) => log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'draft experiment not refreshed; the last one stays'),
      );
    }, options.pollMs ?? 5000);
    live.timer.unref();
    return live;
  }

  current(): Experiment<DraftGenerator> {
    return this.experiment;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
