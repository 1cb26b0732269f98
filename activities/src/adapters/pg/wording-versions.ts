/**
 * Template and prompt versions (`wording_versions`, `wording_checks`, `wording_activations`; migration 026). A save is
 * a new version, validated first (zod), with who, when, a note and the diff from the latest; it is not in force until
 * activated, and an activation needs a passing activation check of that version. A rollback activates the version in
 * force before the current one, in one action. Activations notify the workers (channel `replique_wording`). Every
 * save, activation and rollback also appends an audit row (stage `wording`).
 *
 * For the A/B helper: a version's id is (kind, version): `getWordingVersion` and `listWordingVersions`.
 */
import type { Pool } from 'pg';
import { policyDiff, type PolicyChange } from '../../triage/policy-diff';
import { BUILTIN_TEMPLATE_WORDING, SHIPPED_WORDING_EDITION } from '../../reply/wording/phrase-catalogue';
import { builtinPromptBody, validatePromptBody } from '../../reply/wording/prompt-schema';
import { validateTemplateWording } from '../../reply/wording/template-wording-schema';
import type { Queryable } from './pool';
import { appendAudit } from './audit-log';
import { withTransaction } from './transaction';

export const WORDING_CHANNEL = 'replique_wording';
export const WORDING_KINDS = ['templates', 'prompts'] as const;
export type WordingKind = (typeof WORDING_KINDS)[number];

export interface WordingVersionRow {
  kind: WordingKind;
  version: number;
  body: Record<string, unknown>;
  createdBy: string;
  note: string | null;
  diff: PolicyChange[];
  createdAt: Date;
}

export interface WordingActivationRow {
  id: number;
  kind: WordingKind;
  version: number;
  action: 'seed' | 'activate' | 'rollback';
  activatedBy: string;
  checkId: number | null;
  createdAt: Date;
}

export interface WordingCheckRow {
  id: number;
  kind: WordingKind;
  version: number;
  status: 'running' | 'passed' | 'failed';
  report: Record<string, unknown> | null;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
}

/** Refused: the version is not there, has no passing check, or there is nothing to roll back to. */
export class WordingActionError extends Error {
  override readonly name = 'WordingActionError';
}

/** Validates a body of its kind; throws WordingInvalidError listing every problem. */
export function validateWordingBody(kind: WordingKind, body: unknown): Record<string, unknown> {
  return (kind === 'templates' ? validateTemplateWording(body) : validatePromptBody(body)) as unknown as Record<string, unknown>;
}

const VERSION_COLUMNS = `kind, version, body, created_by as "createdBy", note, diff, created_at as "createdAt"`;
const ACTIVATION_COLUMNS = `id::int, kind, version, action, activated_by as "activatedBy", check_id::int as "checkId", created_at as "createdAt"`;
const CHECK_COLUMNS = `id::int, kind, version, status, report, started_by as "startedBy", started_at as "startedAt", finished_at as "finishedAt"`;

export async function getWordingVersion(db: Queryable, kind: WordingKind, version: number): Promise<WordingVersionRow | null> {
  const { rows } = await db.query<WordingVersionRow>(`select ${VERSION_COLUMNS} from wording_versions where kind = $1 and version = $2`, [kind, version]);
  return rows[0] ?? null;
}

export async function listWordingVersions(db: Queryable, kind: WordingKind, limit = 50): Promise<WordingVersionRow[]> {
  const { rows } = await db.query<WordingVersionRow>(
    `select ${VERSION_COLUMNS} from wording_versions where kind = $1 order by version desc limit $2`, [kind, limit]);
  return rows;
}

/** The activations of a kind, latest first: the first one is in force. */
export async function listWordingActivations(db: Queryable, kind: WordingKind, limit = 50): Promise<WordingActivationRow[]> {
  const { rows } = await db.query<WordingActivationRow>(
    `select ${ACTIVATION_COLUMNS} from wording_activations where kind = $1 order by id desc limit $2`, [kind, limit]);
  return rows;
}

/** The version in force and the activation that put it there. */
export async function activeWordingVersion(db: Queryable, kind: WordingKind): Promise<{ activation: WordingActivationRow; row: WordingVersionRow } | null> {
  const activation = (await listWordingActivations(db, kind, 1))[0];
  if (!activation) return null;
  return { activation, row: (await getWordingVersion(db, kind, activation.version))! };
}

/**
 * For each kind, its latest activation if it is newer than the one held (`than[kind]`): the question a worker asks on
 * each poll, for both kinds in one statement.
 */
export async function wordingActivationsNewerThan(
  db: Queryable, than: Record<WordingKind, number>,
): Promise<Partial<Record<WordingKind, WordingActivationRow>>> {
  const { rows } = await db.query<WordingActivationRow>(
    `select distinct on (kind) ${ACTIVATION_COLUMNS} from wording_activations
     where kind = any($1::text[]) and id > ($2::jsonb ->> kind)::bigint order by kind, id desc`,
    [Object.keys(than), JSON.stringify(than)],
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r]));
}

const lock = (client: Queryable, kind: WordingKind) => client.query(`select pg_advisory_xact_lock(hashtext('replique.wording.' || $1))`, [kind]);

/**
 * The shipped wording of each kind, as data. An empty kind gets it as version 1, in force (action `seed`). A kind that
 * does not hold it yet (a later edition of the catalogue or of the prompt registry) gets it as a new version, saved
 * by `seed` with the diff from the latest; it is put in force (action `seed`) only when the version in force is itself
 * a shipped one: a version staff saved and activated stays in force, the new shipped one waits beside it for their
 * check. Earlier versions are never changed (drafts name the version whose words they used).
 */
export async function seedWordingVersions(pool: Pool): Promise<{ seeded: WordingKind[]; updated: WordingKind[] }> {
  const seeded: WordingKind[] = [];
  const updated: WordingKind[] = [];
  for (const kind of WORDING_KINDS) {
    const body = validateWordingBody(kind, kind === 'templates' ? BUILTIN_TEMPLATE_WORDING : builtinPromptBody());
    const note = kind === 'templates' ? `the shipped wording, edition ${SHIPPED_WORDING_EDITION}` : 'the shipped wording';
    const done = await withTransaction(pool, async (client) => {
      await lock(client, kind);
      const latest = (await listWordingVersions(client, kind, 1))[0];
      if (!latest) {
        await client.query(`insert into wording_versions (kind, version, body, created_by, note) values ($1, 1, $2::jsonb, 'seed', $3)`,
          [kind, JSON.stringify(body), note]);
        await client.query(`insert into wording_activations (kind, version, action, activated_by) values ($1, 1, 'seed', 'seed')`, [kind]);
        return 'seeded';
      }
      const { rowCount } = await client.query(
        `select 1 from wording_versions where kind = $1 and created_by = 'seed' and body = $2::jsonb`, [kind, JSON.stringify(body)]);
      if (rowCount) return null;
      const diff = policyDiff(latest.body, body);
      const { rows } = await client.query<WordingVersionRow>(
        `insert into wording_versions (kind, version, body, created_by, note, diff) values ($1, $2, $3::jsonb, 'seed', $4, $5::jsonb)
         returning ${VERSION_COLUMNS}`,
        [kind, latest.version + 1, JSON.stringify(body), note, JSON.stringify(diff)],
      );
      const row = rows[0]!;
      await appendAudit(client, {
        emailKey: null, stage: 'wording', event: `${kind}_saved`,
        data: { kind, version: row.version, by: 'seed', diff }, auditKey: `wording:${kind}:${row.version}:saved`,
      });
      const inForce = await activeWordingVersion(client, kind);
      if (inForce?.row.createdBy === 'seed') {
        await insertActivation(client, { kind, version: row.version, action: 'seed', by: 'seed', checkId: null, from: inForce.row.version });
      }
      return 'updated';
    });
    if (done === 'seeded') seeded.push(kind);
    if (done === 'updated') updated.push(kind);
  }
  return { seeded, updated };
}

export interface SaveWordingInput {
  kind: WordingKind;
  body: unknown;
  /** Staff login or `cli`. */
  by: string;
  note?: string | null;
}

/** Saves a new version when the body differs from the latest; it is not in force until activated. */
export async function saveWordingVersion(pool: Pool, input: SaveWordingInput): Promise<{ created: boolean; row: WordingVersionRow }> {
  const body = validateWordingBody(input.kind, input.body);
  return withTransaction(pool, async (client) => {
    await lock(client, input.kind);
    const latest = (await listWordingVersions(client, input.kind, 1))[0];
    const diff = policyDiff(latest?.body ?? {}, body);
    if (latest && diff.length === 0) return { created: false, row: latest };
    const { rows } = await client.query<WordingVersionRow>(
      `insert into wording_versions (kind, version, body, created_by, note, diff) values ($1, $2, $3::jsonb, $4, $5, $6::jsonb)
       returning ${VERSION_COLUMNS}`,
      [input.kind, (latest?.version ?? 0) + 1, JSON.stringify(body), input.by, input.note ?? null, JSON.stringify(diff)],
    );
    const row = rows[0]!;
    await appendAudit(client, {
      emailKey: null, stage: 'wording', event: `${input.kind}_saved`,
      data: { kind: input.kind, version: row.version, by: input.by, diff }, auditKey: `wording:${input.kind}:${row.version}:saved`,
    });
    return { created: true, row };
  });
}

/** A check starts as `running`; `finishWordingCheck` records its verdict and report. */
export async function startWordingCheck(db: Queryable, input: { kind: WordingKind; version: number; by: string }): Promise<WordingCheckRow> {
  const { rows } = await db.query<WordingCheckRow>(
    `insert into wording_checks (kind, version, status, started_by) values ($1, $2, 'running', $3) returning ${CHECK_COLUMNS}`,
    [input.kind, input.version, input.by]);
  return rows[0]!;
}

export async function finishWordingCheck(db: Queryable, id: number, passed: boolean, report: Record<string, unknown>): Promise<void> {
  await db.query(`update wording_checks set status = $2, report = $3::jsonb, finished_at = now() where id = $1`,
    [id, passed ? 'passed' : 'failed', JSON.stringify(report)]);
}

export async function latestWordingCheck(db: Queryable, kind: WordingKind, version: number): Promise<WordingCheckRow | null> {
  const { rows } = await db.query<WordingCheckRow>(
    `select ${CHECK_COLUMNS} from wording_checks where kind = $1 and version = $2 order by id desc limit 1`, [kind, version]);
  return rows[0] ?? null;
}

export async function getWordingCheck(db: Queryable, id: number): Promise<WordingCheckRow | null> {
  const { rows } = await db.query<WordingCheckRow>(`select ${CHECK_COLUMNS} from wording_checks where id = $1`, [id]);
  return rows[0] ?? null;
}

const ACTIVATION_EVENT = { seed: 'seeded', activate: 'activated', rollback: 'rolled_back' } as const;

async function insertActivation(
  client: Queryable,
  input: { kind: WordingKind; version: number; action: 'seed' | 'activate' | 'rollback'; by: string; checkId: number | null; from: number | null; experiment?: string },
): Promise<WordingActivationRow> {
  const { rows } = await client.query<WordingActivationRow>(
    `insert into wording_activations (kind, version, action, activated_by, check_id) values ($1, $2, $3, $4, $5) returning ${ACTIVATION_COLUMNS}`,
    [input.kind, input.version, input.action, input.by, input.checkId]);
  const row = rows[0]!;
  await appendAudit(client, {
    emailKey: null, stage: 'wording', event: `${input.kind}_${ACTIVATION_EVENT[input.action]}`,
    data: { kind: input.kind, version: input.version, from: input.from, by: input.by, checkId: input.checkId, ...(input.experiment ? { experiment: input.experiment } : {}) },
    auditKey: `wording:activation:${row.id}`,
  });
  return row;
}

/** Puts a saved version in force; its latest activation check must have passed. */
export async function activateWordingVersion(pool: Pool, input: { kind: WordingKind; version: number; by: string }): Promise<WordingActivationRow> {
  return withTransaction(pool, (client) => activateWordingVersionIn(client, input));
}

/**
 * The same inside the caller's transaction (an experiment's promotion puts its winner in force with it); `experiment`
 * names it in the audit row.
 */
export async function activateWordingVersionIn(
  client: Queryable, input: { kind: WordingKind; version: number; by: string; experiment?: string },
): Promise<WordingActivationRow> {
  await lock(client, input.kind);
  if (!(await getWordingVersion(client, input.kind, input.version))) throw new WordingActionError(`no ${input.kind} version ${input.version}`);
  const check = await latestWordingCheck(client, input.kind, input.version);
  if (check?.status !== 'passed') {
    throw new WordingActionError(`${input.kind} version ${input.version} has no passing activation check (${check ? `latest: ${check.status}` : 'none run'}): run the check first`);
  }
  const current = (await listWordingActivations(client, input.kind, 1))[0];
  if (current?.version === input.version) throw new WordingActionError(`${input.kind} version ${input.version} is already in force`);
  return insertActivation(client, { ...input, action: 'activate', checkId: check.id, from: current?.version ?? null });
}

/**
 * Whether a saved version may draft real emails in an experiment: it is in force, or its latest activation check
 * passed (as an activation needs). Returns the reason it may not, or null.
 */
export async function wordingVersionRefusal(db: Queryable, kind: WordingKind, version: number): Promise<string | null> {
  if (!(await getWordingVersion(db, kind, version))) return `no ${kind} version ${version} is saved`;
  if ((await listWordingActivations(db, kind, 1))[0]?.version === version) return null;
  const check = await latestWordingCheck(db, kind, version);
  return check?.status === 'passed' ? null : `${kind} version ${version} has no passing activation check (${check ? `latest: ${check.status}` : 'none run'}): run it on the templates page first`;
}

/**
 * Puts back the version in force before the current one (the latest earlier activation of another version): one
 * action, no check (it was in force already). Rolling back twice goes further back, never in a loop between two.
 */
export async function rollbackWordingVersion(pool: Pool, input: { kind: WordingKind; by: string }): Promise<WordingActivationRow> {
  return withTransaction(pool, async (client) => {
    await lock(client, input.kind);
    const history = await listWordingActivations(client, input.kind, 1000);
    const current = history[0];
    if (!current) throw new WordingActionError(`no ${input.kind} version is in force`);
    // Versions left by a rollback are skipped: the target is what was in force before the current one came in.
    const left = new Set<number>([current.version]);
    let target: number | null = null;
    for (let i = 1; i < history.length; i++) {
      const a = history[i - 1]!;
      if (a.action === 'rollback') left.add(history[i]!.version);
      const v = history[i]!.version;
      if (!left.has(v)) { target = v; break; }
    }
    if (target === null) throw new WordingActionError(`no earlier ${input.kind} version to roll back to`);
    return insertActivation(client, { kind: input.kind, version: target, action: 'rollback', by: input.by, checkId: null, from: current.version });
  });
}
