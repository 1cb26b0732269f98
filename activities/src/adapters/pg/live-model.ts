/**
 * The meaning model in force, kept decoded in memory by each worker and replaced without a restart, as the live
 * policy is (a LiveValue, live-value.ts): LISTEN `replique_model` reloads at once when a version is published, activated or
 * rolled back, and a poll every `pollMs` (one indexed query) bounds the delay when a notification is lost. A version
 * this code cannot load (another feature_version) is logged and not taken: the model in force stays.
 */
import { createLogger } from '../../logger';
import { IntentModelInvalidError, intentDeps, type LoadedIntentModel } from '../../triage/intent-model';
import type { TriageDeps } from '../../triage/pipeline';
import type { NotifyListener } from './notify-listener';
import { LiveValue } from './live-value';
import type { Queryable } from './pool';
import { activeModelVersion, isModelStored, MODEL_CHANNEL, modelActivationNewerThan, loadStoredModel } from './model-versions';

const log = createLogger('adapter.live-model');

/** The TriageDeps fields a model gives (modelVersion, the intent hook and calibration, the risk and routine heads). */
export type ModelDeps = Pick<TriageDeps, 'modelVersion' | 'intentModel' | 'intentCalibration' | 'riskModel' | 'routineModel'>;

export interface ModelSnapshot {
  /** model_versions.version, or null for the configured file (none stored could be loaded). */
  stored: number | null;
  /** The model_activations row followed last (0: none), a version this code could not load included. */
  activationId: number;
  model: LoadedIntentModel;
  deps: ModelDeps;
}

/** What the activities read: the model in force now. */
export interface ModelSource {
  current(): ModelSnapshot;
}

function snapshotOf(stored: number | null, activationId: number, model: LoadedIntentModel): ModelSnapshot {
  return { stored, activationId, model, deps: intentDeps(model) };
}

/** The stored model in force, decoded; null when none is stored, or when this code cannot load it (logged). */
async function loadInForce(db: Queryable): Promise<ModelSnapshot | null> {
  const active = await activeModelVersion(db);
  if (!active) return null;
  try {
    return snapshotOf(active.row.version, active.activation.id, await loadStoredModel(db, active.row.version));
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
    return await loadInForce(db);
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return null; // model_versions not migrated yet
    throw error;
  }
}

export class LiveModel extends LiveValue<ModelSnapshot> implements ModelSource {
  /**
   * Loads the version in force (seed the committed file first: seedModelVersion), then listens and polls. `fallback`:
   * the configured model file, used until a loadable version is in force.
   */
  static async start(options: {
    db: Queryable; listener: NotifyListener; fallback: LoadedIntentModel; pollMs?: number; onChange?: (s: ModelSnapshot) => void;
  }): Promise<LiveModel> {
    const first = await loadInForce(options.db);
    if (!first) log.warn({ modelVersion: options.fallback.version }, 'no loadable model version in force: the configured model file decides');
    return new LiveModel({
      name: 'model', channel: MODEL_CHANNEL, listener: options.listener, pollMs: options.pollMs ?? 1000, log,
      first: first ?? snapshotOf(null, 0, options.fallback),
      load: (held) => loadNewerActivation(options.db, held),
      changed: (held, next) => held.model !== next.model,
      onChange: options.onChange,
    }).listen();
  }
}

/**
 * The model of an activation newer than the one held; a version this code cannot load is passed over (logged, the
 * model in force stays, the next activation is awaited); any other failure is tried again at the next poll.
 */
async function loadNewerActivation(db: Queryable, held: ModelSnapshot): Promise<ModelSnapshot | null> {
  const newer = await modelActivationNewerThan(db, held.activationId);
  if (!newer) return null;
  let model: LoadedIntentModel;
  try {
    model = await loadStoredModel(db, newer.version);
  } catch (error) {
    if (!(error instanceof IntentModelInvalidError)) throw error;
    log.error({ version: newer.version, reason: error.message }, 'the model version put in force cannot be loaded by this code: the model in force stays');
    return { ...held, activationId: newer.id };
  }
  log.info({ version: newer.version, modelVersion: newer.modelVersion, action: newer.action }, 'model version in force');
  return snapshotOf(newer.version, newer.id, model);
}
