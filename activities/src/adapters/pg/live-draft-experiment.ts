/**
 * The running draft experiments, followed live by each worker as the policy and the wording are (a LiveValue,
 * live-value.ts):
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
import type { NotifyListener } from './notify-listener';
import { LiveValue } from './live-value';
import type { Queryable } from './pool';

const log = createLogger('adapter.live-draft-experiment');

export const EXPERIMENT_CHANNEL = 'replique_experiments';

export class LiveDraftExperiments extends LiveValue<readonly Experiment<DraftGenerator>[]> {
  /** Loads the running experiments (none is fine), then listens and polls. */
  static async start(options: { db: Queryable; listener: NotifyListener; pollMs?: number }): Promise<LiveDraftExperiments> {
    return new LiveDraftExperiments({
      name: 'experiments', channel: EXPERIMENT_CHANNEL, listener: options.listener, pollMs: options.pollMs ?? 5000, log,
      first: await loadRunning(options.db, []),
      load: (held) => loadRunning(options.db, held),
    }).listen();
  }

  /** The experiment an email whose draft would be written by `usual` takes part in, if any. */
  forDraft(usual: DraftGenerator): Experiment<DraftGenerator> | null {
    return this.current().find((e) => appliesTo(e, usual)) ?? null;
  }
}

/** The running experiments, earliest started first; one that cannot be drafted is left out (logged). */
async function loadRunning(db: Queryable, held: readonly Experiment<DraftGenerator>[]): Promise<Experiment<DraftGenerator>[]> {
  const next: Experiment<DraftGenerator>[] = [];
  for (const row of await listRunningExperiments(db)) {
    try {
      next.push(draftExperimentOf(row));
    } catch (error) {
      log.error({ experiment: row.id, reason: error instanceof Error ? error.message : String(error) }, 'experiment left out: it cannot be drafted');
    }
  }
  const ids = (list: readonly Experiment<DraftGenerator>[]) => list.map((e) => e.id).join(',');
  if (ids(held) !== ids(next)) log.info({ running: next.map((e) => e.id) }, 'draft experiments running');
  return next;
}
