/**
 * The live routing policy's versions (`policy_versions`): every save is a new row, validated first (policyFileSchema),
 * with who saved it, a note, and the diff from the version before; the highest version is in force. The insert
 * notifies the workers (channel `replique_policy`, see live-policy.ts) and appends an audit row in the same transaction.
 */
import type { Pool } from 'pg';
import { z } from 'zod';
import { policyFileSchema, type PolicyFile } from '../../triage/policy';
import { policyDiff, type PolicyChange } from '../../triage/policy-diff';
import type { Queryable } from './pool';
import { appendAudit } from './audit-log';
import { withTransaction } from './transaction';

export const POLICY_CHANNEL = 'replique_policy';

export interface PolicyVersionRow {
  version: number;
  body: PolicyFile;
  killSwitch: boolean;
  createdBy: string;
  note: string | null;
  diff: PolicyChange[];
  createdAt: Date;
}

/** The body failed validation: `message` lists every invalid field. */
export class PolicyInvalidError extends Error {
  override readonly name = 'PolicyInvalidError';
}

/** The editor saved over a version that is no longer the latest (someone else saved in between). */
export class PolicyConflictError extends Error {
  override readonly name = 'PolicyConflictError';
  constructor(readonly basedOn: number, readonly latest: number) {
    super(`the policy is at version ${latest} now, not ${basedOn}: reload it and apply your change again`);
  }
}

const COLUMNS = `version, body, kill_switch as "killSwitch", created_by as "createdBy", note, diff, created_at as "createdAt"`;

export function validatePolicyBody(body: unknown): PolicyFile {
  const result = policyFileSchema.safeParse(body);
  if (!result.success) throw new PolicyInvalidError(z.prettifyError(result.error));
  return result.data;
}

/** jsonb keeps keys in its own order: the body is read back through the schema, in the policy file's order. */
async function selectVersions(db: Queryable, where: string, values: unknown[]): Promise<PolicyVersionRow[]> {
  const { rows } = await db.query<PolicyVersionRow>(`select ${COLUMNS} from policy_versions ${where}`, values);
  return rows.map((row) => ({ ...row, body: policyFileSchema.parse(row.body) }));
}

export async function latestPolicyVersion(db: Queryable): Promise<PolicyVersionRow | null> {
  return (await selectVersions(db, 'order by version desc limit 1', []))[0] ?? null;
}

/** The latest version if it is newer than `than`; null otherwise (the cheap question a worker asks on each poll). */
export async function policyVersionNewerThan(db: Queryable, than: number): Promise<PolicyVersionRow | null> {
  return (await selectVersions(db, 'where version > $1 order by version desc limit 1', [than]))[0] ?? null;
}

export async function getPolicyVersion(db: Queryable, version: number): Promise<PolicyVersionRow | null> {
  return (await selectVersions(db, 'where version = $1', [version]))[0] ?? null;
}

export async function listPolicyVersions(db: Queryable, limit = 50): Promise<PolicyVersionRow[]> {
  return selectVersions(db, 'order by version desc limit $1', [limit]);
}

/** Version 1 from the policy file, when the table is empty (first start); otherwise nothing. */
export async function seedPolicyVersion(db: Queryable, body: unknown): Promise<{ inserted: boolean }> {
  const { rowCount } = await db.query(
    `insert into policy_versions (version, body, created_by, note)
     select 1, $1::jsonb, 'seed', 'seeded from the policy file' where not exists (select 1 from policy_versions)
     on conflict (version) do nothing`,
    [JSON.stringify(validatePolicyBody(body))],
  );
  return { inserted: rowCount === 1 };
}

export interface SavePolicyInput {
  /** The new document; validated here. Omitted: the latest body (a kill-switch change alone). */
  body?: unknown;
  /** Omitted: carried over from the latest version. */
  killSwitch?: boolean;
  /** Staff login or `cli`. */
  by: string;
  note?: string | null;
  /** The version the editor started from; a newer latest version is a conflict. */
  basedOn?: number;
  /** More writes in the same transaction, once the new version is in (the rollout's record of why it changed). */
  also?: (client: Queryable, row: PolicyVersionRow) => Promise<void>;
}

/**
 * Saves a new version when something changed; returns it (`created: false` and the latest when nothing did).
 * Serialised by a transaction-scoped advisory lock, so two saves never take the same number or lose a diff.
 */
export async function savePolicyVersion(pool: Pool, input: SavePolicyInput): Promise<{ created: boolean; row: PolicyVersionRow }> {
  const body = input.body === undefined ? undefined : validatePolicyBody(input.body);
  return withTransaction(pool, async (client) => {
    await client.query(`select pg_advisory_xact_lock(hashtext('replique.policy_versions'))`);
    const latest = await latestPolicyVersion(client);
    if (input.basedOn !== undefined && latest && input.basedOn !== latest.version) throw new PolicyConflictError(input.basedOn, latest.version);
    const nextBody = body ?? latest?.body;
    if (!nextBody) throw new PolicyInvalidError('no policy saved yet: give the whole policy document');
    const killSwitch = input.killSwitch ?? latest?.killSwitch ?? false;
    const diff = policyDiff({ ...(latest?.body ?? {}), kill_switch: latest?.killSwitch ?? false }, { ...nextBody, kill_switch: killSwitch });
    if (latest && diff.length === 0) return { created: false, row: latest };
    const { rows } = await client.query<PolicyVersionRow>(
      `insert into policy_versions (version, body, kill_switch, created_by, note, diff) values ($1, $2::jsonb, $3, $4, $5, $6::jsonb)
       returning ${COLUMNS}`,
      [(latest?.version ?? 0) + 1, JSON.stringify(nextBody), killSwitch, input.by, input.note ?? null, JSON.stringify(diff)],
    );
    const row = rows[0]!;
    const event = input.killSwitch !== undefined && input.killSwitch !== (latest?.killSwitch ?? false)
      ? `kill_switch_${killSwitch ? 'on' : 'off'}` : 'policy_saved';
    await appendAudit(client, { emailKey: null, stage: 'policy', event, data: { version: row.version, by: input.by, diff }, auditKey: `policy:${row.version}` });
    await input.also?.(client, row);
    return { created: true, row };
  });
}
