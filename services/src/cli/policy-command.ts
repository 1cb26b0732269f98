/**
 * `replique policy`: the live routing policy in Postgres (policy_versions), without a server.
 *
 *   pnpm -s replique policy show [--version N]               the version in force (or version N), as JSON
 *   pnpm -s replique policy set FILE [--note TEXT] [--by NAME]  validate FILE (zod) and save it as a new version
 *   pnpm -s replique policy kill-switch on|off [--note TEXT] [--by NAME]
 *   pnpm -s replique policy history [--limit N]              who changed what, when
 *
 * A running worker takes a new version within a second (LISTEN/NOTIFY, and a poll). When no version is saved yet,
 * the policy file (REPLIQUE_POLICY_FILE, default policies/default.json) becomes version 1, as the worker does.
 * `replique triage --shop` does not read these: it reads the policy file, offline.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { z } from 'zod';
import { createPool, type Pool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import {
  getPolicyVersion, latestPolicyVersion, listPolicyVersions, PolicyInvalidError, savePolicyVersion, seedPolicyVersion,
  type PolicyVersionRow,
} from '@replique/activities/adapters/pg/policy-versions';
import { DEFAULT_POLICY_FILE } from '@replique/activities/triage/policy';
import { describePolicyChange } from '@replique/activities/triage/policy-diff';
import { parseArgs, positiveInt, UsageError } from './args';
import { existingFile, parseEnv } from '../config/parse-env';
import { postgresEnv } from '../config/shared-env';

export const POLICY_USAGE = 'policy show [--version N] | policy set FILE [--note TEXT] [--by NAME] | policy kill-switch on|off [--note TEXT] [--by NAME] | policy history [--limit N]';

const envSchema = z.object({ ...postgresEnv, REPLIQUE_POLICY_FILE: existingFile.optional() });

export async function policyCommand(argv: string[], write: (line: string) => void, io: { env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, ['version', 'note', 'by', 'limit']);
  if (!['show', 'set', 'kill-switch', 'history'].includes(sub ?? '')) throw new UsageError(`usage: replique ${POLICY_USAGE}`);
  const config = parseEnv('replique policy', envSchema, io.env ?? process.env);
  const by = args.options.by ?? `cli:${os.userInfo().username}`;
  const note = args.options.note ?? null;
  const db = createPool(config.DATABASE_URL, { max: 1, applicationName: 'replique-cli' });
  try {
    await migrate(db, { dir: config.REPLIQUE_MIGRATIONS_DIR });
    await seedFromFile(db, config.REPLIQUE_POLICY_FILE ?? DEFAULT_POLICY_FILE);
    switch (sub) {
      case 'show': {
        const row = args.options.version ? await getPolicyVersion(db, positiveInt(args.options.version, '--version')) : await latestPolicyVersion(db);
        if (!row) {
          write(`no policy version ${args.options.version}`);
          return 1;
        }
        write(JSON.stringify({ version: row.version, kill_switch: row.killSwitch, created_by: row.createdBy, created_at: row.createdAt, note: row.note, policy: row.body }, null, 2));
        return 0;
      }
      case 'set': {
        const file = args.positionals[0];
        if (!file) throw new UsageError('policy set FILE: give the policy JSON file');
        return await saved(write, () => readFile(file, 'utf8').then((text) => savePolicyVersion(db, { body: parseJson(text, file), by, note })));
      }
      case 'kill-switch': {
        const state = args.positionals[0];
        if (state !== 'on' && state !== 'off') throw new UsageError('policy kill-switch on|off');
        return await saved(write, () => savePolicyVersion(db, { killSwitch: state === 'on', by, note }));
      }
      case 'history':
        for (const row of (await listPolicyVersions(db, args.options.limit ? positiveInt(args.options.limit, '--limit') : 20)).reverse()) {
          write(historyLine(row));
        }
        return 0;
      default:
        throw new UsageError(`usage: replique ${POLICY_USAGE}`);
    }
  } finally {
    await db.end();
  }
}

export async function seedFromFile(db: Pool, file: string): Promise<void> {
  await seedPolicyVersion(db, parseJson(await readFile(file, 'utf8'), file));
}

async function saved(write: (line: string) => void, save: () => Promise<{ created: boolean; row: PolicyVersionRow }>): Promise<number> {
  try {
    const { created, row } = await save();
    write(created ? `saved version ${row.version} (kill switch ${row.killSwitch ? 'on' : 'off'})` : `no change: version ${row.version} stays in force`);
    if (created) for (const change of row.diff) write(`  ${describePolicyChange(change)}`);
    return 0;
  } catch (error) {
    if (!(error instanceof PolicyInvalidError)) throw error;
    write(`invalid policy, nothing saved:\n${error.message}`);
    return 1;
  }
}

export function historyLine(row: PolicyVersionRow): string {
  const changes = row.diff.map(describePolicyChange).join('; ') || '(first version)';
  return `${row.version}\t${row.createdAt.toISOString()}\t${row.createdBy}\tkill switch ${row.killSwitch ? 'on' : 'off'}\t${changes}${row.note ? `\t"${row.note}"` : ''}`;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PolicyInvalidError(`${source} is not JSON: ${(error as Error).message}`);
  }
}
