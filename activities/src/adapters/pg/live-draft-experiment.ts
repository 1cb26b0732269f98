/**
 * The running draft experiments, followed live by each worker as the policy and the wording are (notify-watcher.ts):
 * starting an experiment or promoting a variant in the review tool notifies (channel `replique_experiments`,
 * migration 030) and the worker reloads at once; a poll every `pollMs` bounds the delay when a notification is lost.
 * No restart and no setting names the experiment: every running one is offered each draft.
 *
 * An email takes part in one experiment at most (its draft records one): the earliest started that applies to it
 * (draft-experiment.ts `appliesTo`: a prompt experiment only where a model drafts). Experiments never share a text
 * (experiment-store.ts), so two apply to the same email only when a model drafts and one varies the template words
 * while the other varies the prompt. A stored experiment that cannot be drafted is left out (logged); a failed reload
 * keeps the experiments held.
 */
import { createLogger } from '../../logger';
import type { Experiment } from '../../reply/ab-assignment';
import type { DraftGenerator } from '../../reply/draft-reply';
import { appliesTo, draftExperimentOf } from '../../reply/draft-experiment';
import { listRunningExperiments } from './experiment-store';
import { NotifyWatcher } from './notify-watcher';
import type { Queryable } from './pool';

const log = createLogger('adapter.live-draft-experiment');

export const EXPERIMENT_CHANNEL = 'replique_experiments';

export class LiveDraftExperiments {
  private running: Experiment<DraftGenerator>[] = [];
  private readonly watcher: NotifyWatcher;

  private constructor(private readonly db: Queryable, options: { databaseUrl: string; pollMs: number }) {
    this.watcher = new NotifyWatcher({
      databaseUrl: options.databaseUrl, channel: EXPERIMENT_CHANNEL, pollMs: options.pollMs, name: 'experiments', log, reload: () => this.reload(),
    });
  }

  static async start(options: { db: Queryable; databaseUrl: string; pollMs?: number }): Promise<LiveDraftExperiments> {
    const live = new LiveDraftExperiments(options.db, { databaseUrl: options.databaseUrl, pollMs: options.pollMs ?? 5000 });
    await live.reload();
    await live.watcher.start();
    return live;
  }

  /** The running experiments, earliest started first. */
  current(): readonly Experiment<DraftGenerator>[] {
    return this.running;
  }

  /** The experiment an email whose draft would be written by `usual` takes part in, if any. */
  forDraft(usual: DraftGenerator): Experiment<DraftGenerator> | null {
    return this.running.find((e) => appliesTo(e, usual)) ?? null;
  }

  /** Reloads now (after the running reload, if any). */
  refresh(): Promise<void> {
    return this.watcher.refresh();
  }

  close(): Promise<void> {
    return this.watcher.close();
  }

  private async reload(): Promise<void> {
    const next: Experiment<DraftGenerator>[] = [];
    for (const row of await listRunningExperiments(this.db)) {
      try {
        next.push(draftExperimentOf(row));
      } catch (error) {
        log.error({ experiment: row.id, reason: error instanceof Error ? error.message : String(error) }, 'experiment left out: it cannot be drafted');
      }
    }
    const before = this.running.map((e) => e.id).join(',');
    this.running = next;
    const after = next.map((e) => e.id).join(',');
    if (before !== after) log.info({ running: next.map((e) => e.id) }, 'draft experiments running');
  }
}
