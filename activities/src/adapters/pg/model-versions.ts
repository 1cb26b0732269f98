/**
 * The meaning model's versions (`model_versions`, `model_activations`): a published model file is validated with the
 * loader's schema (intent-model.ts: a `feature_version` other than the code's is refused), kept with who published it
 * and when, and put in force at once; a rollback puts back the version in force before, in one action. The latest
 * activation is in force; inserting one notifies the workers (channel `replique_model`, see live-model.ts) and an
 * audit row (stage `model`) is appended in the same transaction.
 *
 * The committed file (ml/models/intent-model.json) is seeded at a worker's start when its `version` is not stored
 * yet: the first start, and the first start of code shipping a new model file (a deploy publishes the model it
 * ships). A restart never undoes a rollback: a stored file is never seeded again.
 */
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { intentModelOfJson, type LoadedIntentModel } from '../../triage/intent-model';
import { FEATURE_VERSION } from '../../triage/intent-features';
import type { Queryable } from './pool';
import { appendAudit } from './audit-log';
import { withTransaction } from './transaction';

export const MODEL_CHANNEL = 'replique_model';

export interface ModelVersionRow {
  version: number;
  /** The file's own `version`: what decisions record. */
  modelVersion: string;
  featureVersion: string;
  sha256: string;
  createdBy: string;
  note: string | null;
  createdAt: Date;
}

export interface ModelActivationRow {
  id: number;
  version: number;
  modelVersion: string;
  action: 'seed' | 'publish' | 'activate' | 'rollback';
  activatedBy: string;
  createdAt: Date;
}

/** A publish, activation or rollback that cannot be done (unknown version, nothing to roll back to…). */
export class ModelActionError extends Error {
  override readonly name = 'ModelActionError';
}

const VERSION_COLUMNS = `version, model_version as "modelVersion", feature_version as "featureVersion", sha256, created_by as "createdBy", note, created_at as "createdAt"`;
const ACTIVATION_COLUMNS = `a.id::int, a.version, v.model_version as "modelVersion", a.action, a.activated_by as "activatedBy", a.created_at as "createdAt"`;

/** The content hash a stored body is compared by (the file's JSON, re-serialised). */
export function modelSha256(json: unknown): string {
  return createHash('sha256').update(JSON.stringify(json)).digest('hex');
}

export async function listModelVersions(db: Queryable, limit = 50): Promise<ModelVersionRow[]> {
  const { rows } = await db.query<ModelVersionRow>(`select ${VERSION_COLUMNS} from model_versions order by version desc limit $1`, [limit]);
  return rows;
}

export async function getModelVersion(db: Queryable, version: number): Promise<ModelVersionRow | null> {
  const { rows } = await db.query<ModelVersionRow>(`select ${VERSION_COLUMNS} from model_versions where version = $1`, [version]);
  return rows[0] ?? null;
}

async function versionNamed(db: Queryable, modelVersion: string): Promise<ModelVersionRow | null> {
  const { rows } = await db.query<ModelVersionRow>(`select ${VERSION_COLUMNS} from model_versions where model_version = $1`, [modelVersion]);
  return rows[0] ?? null;
}

/** The stored model of a version, validated again and decoded (the code may have moved on: IntentModelInvalidError). */
export async function loadStoredModel(db: Queryable, version: number): Promise<LoadedIntentModel> {
  const { rows } = await db.query<{ body: unknown }>(`select body from model_versions where version = $1`, [version]);
  if (!rows[0]) throw new ModelActionError(`no model version ${version}`);
  return intentModelOfJson(rows[0].body, `model version ${version}`);
}

/** The activations, latest first: the first one is in force. */
export async function listModelActivations(db: Queryable, limit = 50): Promise<ModelActivationRow[]> {
  const { rows } = await db.query<ModelActivationRow>(
    `select ${ACTIVATION_COLUMNS} from model_activations a join model_versions v using (version) order by a.id desc limit $1`, [limit]);
  return rows;
}

/** The version in force and the activation that put it there; null when none is stored (or before the migration). */
export async function activeModelVersion(db: Queryable): Promise<{ activation: ModelActivationRow; row: ModelVersionRow } | null> {
  const activation = (await listModelActivations(db, 1))[0];
  if (!activation) return null;
  return { activation, row: (await getModelVersion(db, activation.version))! };
}

/** The latest activation if it is newer than activation `than` (the cheap question a worker asks on each poll). */
export async function modelActivationNewerThan(db: Queryable, than: number): Promise<ModelActivationRow | null> {
  const { rows } = await db.query<ModelActivationRow>(
    `select ${ACTIVATION_COLUMNS} from model_activations a join model_versions v using (version) where a.id > $1 order by a.id desc limit 1`, [than]);
  return rows[0] ?? null;
}

/** Is a model with this file `version` stored? (The CLI decides with the file when it is not: see triage-command.ts.) */
export async function isModelStored(db: Queryable, modelVersion: string): Promise<boolean> {
  return (await versionNamed(db, modelVersion)) !== null;
}

const lock = (client: Queryable) => client.query(`select pg_advisory_xact_lock(hashtext('replique.model_versions'))`);

async function insertActivation(
  client: Queryable, input: { version: number; modelVersion: string; action: ModelActivationRow['action']; by: string; from: ModelVersionRow | null },
): Promise<ModelActivationRow> {
  const { rows } = await client.query<{ id: number; createdAt: Date }>(
    `insert into model_activations (version, action, activated_by) values ($1, $2, $3) returning id::int, created_at as "createdAt"`,
    [input.version, input.action, input.by]);
  const row = rows[0]!;
  await appendAudit(client, {
    emailKey: null, stage: 'model', event: input.action === 'rollback' ? 'model_rolled_back' : `model_${input.action === 'seed' ? 'seeded' : 'activated'}`,
    data: { version: input.version, modelVersion: input.modelVersion, from: input.from?.version ?? null, fromModelVersion: input.from?.modelVersion ?? null, by: input.by },
    auditKey: `model:activation:${row.id}`,
  });
  return { id: row.id, version: input.version, modelVersion: input.modelVersion, action: input.action, activatedBy: input.by, createdAt: row.createdAt };
}

async function currentVersion(client: Queryable): Promise<ModelVersionRow | null> {
  return (await activeModelVersion(client))?.row ?? null;
}

export interface PublishModelInput {
  /** The model file's JSON; validated here. */
  json: unknown;
  /** Staff login, `cli:…`, or `seed`. */
  by: string;
  note?: string | null;
  /** `seed`: the committed file at a worker's start (skipped when its version is stored). */
  action?: 'publish' | 'seed';
}

export interface PublishModelResult {
  /** A new version was stored. */
  created: boolean;
  /** It was put in force by this call (false: it already was, or a seed found it stored). */
  activated: boolean;
  row: ModelVersionRow;
}

/**
 * Stores a model file and puts it in force. The same file published again is put back in force (no new version);
 * another content under a stored `version` name is refused (a decision's record must name one model).
 */
export async function publishModelVersion(pool: Pool, input: PublishModelInput): Promise<PublishModelResult> {
  const file = intentModelOfJson(input.json, 'model file');
  const featureVersion = (input.json as { feature_version: string }).feature_version;
  const sha256 = modelSha256(input.json);
  const action = input.action ?? 'publish';
  return withTransaction(pool, async (client) => {
    await lock(client);
    const current = await currentVersion(client);
    const stored = await versionNamed(client, file.version);
    if (stored) {
      if (stored.sha256 !== sha256) {
        if (action === 'seed') return { created: false, activated: false, row: stored };
        throw new ModelActionError(`model version "${file.version}" is stored already (version ${stored.version}) with another content: give the new file a version of its own`);
      }
      if (action === 'seed' || current?.version === stored.version) return { created: false, activated: false, row: stored };
      await insertActivation(client, { version: stored.version, modelVersion: stored.modelVersion, action: 'activate', by: input.by, from: current });
      return { created: false, activated: true, row: stored };
    }
    const { rows } = await client.query<ModelVersionRow>(
      `insert into model_versions (version, model_version, feature_version, body, sha256, created_by, note)
       select coalesce(max(version), 0) + 1, $1, $2, $3::jsonb, $4, $5, $6 from model_versions
       returning ${VERSION_COLUMNS}`,
      [file.version, featureVersion, JSON.stringify(input.json), sha256, input.by, input.note ?? null],
    );
    const row = rows[0]!;
    await insertActivation(client, { version: row.version, modelVersion: row.modelVersion, action, by: input.by, from: current });
    return { created: true, activated: true, row };
  });
}

/** The committed model file, stored and put in force when its `version` is not stored yet; otherwise nothing. */
export async function seedModelVersion(pool: Pool, json: unknown): Promise<PublishModelResult> {
  return publishModelVersion(pool, { json, by: 'seed', note: 'the committed model file', action: 'seed' });
}

/** Puts a stored version in force again (it must be usable by this code). */
export async function activateModelVersion(pool: Pool, input: { version: number; by: string }): Promise<ModelActivationRow> {
  return withTransaction(pool, async (client) => {
    await lock(client);
    const row = await getModelVersion(client, input.version);
    if (!row) throw new ModelActionError(`no model version ${input.version}`);
    if (row.featureVersion !== FEATURE_VERSION) throw new ModelActionError(`model version ${input.version} was computed over features ${row.featureVersion}, not this code's ${FEATURE_VERSION}`);
    const current = await currentVersion(client);
    if (current?.version === row.version) throw new ModelActionError(`model version ${row.version} (${row.modelVersion}) is already in force`);
    return insertActivation(client, { version: row.version, modelVersion: row.modelVersion, action: 'activate', by: input.by, from: current });
  });
}

/**
 * Puts back the version in force before the current one, in one action. Rolling back twice goes further back, never
 * in a loop between two; versions this code cannot load (another feature_version) are skipped.
 */
export async function rollbackModelVersion(pool: Pool, input: { by: string }): Promise<ModelActivationRow> {
  return withTransaction(pool, async (client) => {
    await lock(client);
    const history = await listModelActivations(client, 1000);
    const current = history[0];
    if (!current) throw new ModelActionError('no model version is in force');
    const usable = new Set((await client.query<{ version: number }>(
      `select version from model_versions where feature_version = $1`, [FEATURE_VERSION])).rows.map((r) => r.version));
    // Versions left by a rollback are skipped: the target is what was in force before the current one came in.
    const left = new Set<number>([current.version]);
    let target: ModelActivationRow | null = null;
    for (let i = 1; i < history.length; i++) {
      if (history[i - 1]!.action === 'rollback') left.add(history[i]!.version);
      const candidate = history[i]!;
      if (!left.has(candidate.version) && usable.has(candidate.version)) { target = candidate; break; }
    }
    if (!target) throw new ModelActionError('no earlier model version to roll back to');
    const from = await getModelVersion(client, current.version);
    return insertActivation(client, { version: target.version, modelVersion: target.modelVersion, action: 'rollback', by: input.by, from });
  });
}
