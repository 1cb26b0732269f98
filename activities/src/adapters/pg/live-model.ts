/**
 * The meaning model in force, kept decoded in memory by each worker and replaced without a restart, as the live
 * policy is (notify-watcher.ts): LISTEN `replique_model` reloads at once when a version is published, activated or
 * rolled back, and a poll every `pollMs` (one indexed query) bounds the delay when a notification is lost. A version
 * this code cannot load (another feature_version) is logged and not taken: the model in force stays.
 */
import { createLogger } from '../../logger';
import { IntentModelInvalidError, intentDeps, type LoadedIntentModel } from '../../triage/intent-model';
import type { TriageDeps } from '../../triage/pipeline';
import { NotifyWatcher } from './notify-watcher';
import type { Queryable } from './pool';
import { activeModelVersion, isModelStored, MODEL_CHANNEL, modelActivationNewerThan, loadStoredModel } from './model-versions';

const log = createLogger('adapter.live-model');

/** The TriageDeps fields a model gives (modelVersion, the intent hook and calibration, the risk and routine heads). */
export type ModelDeps = Pick<TriageDeps, 'modelVersion' | 'intentModel' | 'intentCalibration' | 'riskModel' | 'routineModel'>;

export interface ModelSnapshot {
  /** model_versions.version, or null for the configured file (none stored could be loaded). */
  stored: number | null;
  model: LoadedIntentModel;
  deps: ModelDeps;
}

/** What the activities read: the model in force now. */
export interface ModelSource {
  current(): ModelSnapshot;
}

function snapshotOf(stored: number | null, model: LoadedIntentModel): ModelSnapshot {
  return { stored, model, deps: intentDeps(model) };
}

/** The stored model in force, decoded; null when none is stored, or when this code cannot load it (logged). */
async function loadInForce(db: Queryable): Promise<{ activationId: number; snapshot: ModelSnapshot } | null> {
  const active = await activeModelVersion(db);
  if (!active) return null;
  try {
    return { activationId: active.activation.id, snapshot: snapshotOf(active.row.version, await loadStoredModel(db, active.row.version)) };
  } catch (error) {
    if (!(error instanceof IntentModelInvalidError)) throw error;
    log.error({ version: active.row.version, reason: error.message }, 'the model version in force cannot be loaded by this code');
    return null;
  }
}

/**
 * The model in force in a database, read once: `replique triage` / `eval` decide with the model the worker decides
 * with. Null when none is stored, before the migration, when this code cannot load it, or when the configured file
 * is not stored there yet (a newer file: a worker started with it would seed it and decide with it).
 */
export async function modelInForce(db: Queryable, configured: LoadedIntentModel | null): Promise<ModelSnapshot | null> {
  try {
    if (configured && !(await isModelStored(db, configured.version))) return null;
    return (await loadInForce(db))?.snapshot ?? null;
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return null; // model_versions not migrated yet
    throw error;
  }
}

export class LiveModel implements ModelSource {
  private readonly watcher: NotifyWatcher;

  private constructor(
    private readonly options: { db: Queryable; databaseUrl: string; pollMs: number; onChange?: (s: ModelSnapshot) => void },
    private snapshot: ModelSnapshot,
    private activationId: number,
  ) {
    this.watcher = new NotifyWatcher({
      databaseUrl: options.databaseUrl, channel: MODEL_CHANNEL, pollMs: options.pollMs, name: 'model', log, reload: () => this.reload(),
    });
  }

  /**
   * Loads the version in force (seed the committed file first: seedModelVersion), then listens and polls. `fallback`:
   * the configured model file, used until a loadable version is in force.
   */
  static async start(options: {
    db: Queryable; databaseUrl: string; fallback: LoadedIntentModel; pollMs?: number; onChange?: (s: ModelSnapshot) => void;
  }): Promise<LiveModel> {
    const first = await loadInForce(options.db);
    if (!first) log.warn({ modelVersion: options.fallback.version }, 'no loadable model version in force: the configured model file decides');
    const live = new LiveModel({ pollMs: 1000, ...options }, first?.snapshot ?? snapshotOf(null, options.fallback), first?.activationId ?? 0);
    await live.watcher.start();
    return live;
  }

  current(): ModelSnapshot {
    return this.snapshot;
  }

  /** Loads a newer activation if there is one (serialised: a slow refresh never replaces a newer one). */
  refresh(): Promise<void> {
    return this.watcher.refresh();
  }

  close(): Promise<void> {
    return this.watcher.close();
  }

  private async reload(): Promise<void> {
    const newer = await modelActivationNewerThan(this.options.db, this.activationId);
    if (!newer) return;
    let model: LoadedIntentModel;
    try {
      model = await loadStoredModel(this.options.db, newer.version);
    } catch (error) {
      if (!(error instanceof IntentModelInvalidError)) throw error; // the next poll tries again
      this.activationId = newer.id;
      log.error({ version: newer.version, reason: error.message }, 'the model version put in force cannot be loaded by this code: the model in force stays');
      return;
    }
    this.activationId = newer.id;
    this.snapshot = snapshotOf(newer.version, model);
    log.info({ version: newer.version, modelVersion: newer.modelVersion, action: newer.action }, 'model version in force');
    this.options.onChange?.(this.snapshot);
  }
}
