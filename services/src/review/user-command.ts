/**
 * `replique user`: the review tool's accounts, without a server.
 *
 *   REPLIQUE_USER_PASSWORD=... pnpm -s replique user add --role senior NAME     (or the password on stdin)
 *   pnpm -s replique user list
 *   pnpm -s replique user disable NAME
 *   pnpm -s replique user demo [--file .local/run/tokens.env]   (demo accounts, random passwords, printed once)
 *
 * Passwords are hashed with node:crypto scrypt; the database keeps only the hash. DATABASE_URL and
 * REPLIQUE_MIGRATIONS_DIR as for the services.
 */
import { appendFile } from 'node:fs/promises';
import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import {
  disableReviewer, findReviewerByName, listReviewers, REVIEWER_ROLES, upsertReviewer, type ReviewerRole,
} from '@replique/activities/adapters/pg/reviewers';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { parseArgs, UsageError } from '../cli/args';
import { parseEnv } from '../config/parse-env';
import { postgresEnv } from '../config/shared-env';
import { hashPassword, MIN_PASSWORD_LENGTH } from './auth/password';

export const USER_USAGE = 'user add --role reviewer|senior|lead|admin NAME | user list | user disable NAME | user demo [--file PATH]';

const NAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export async function userCommand(
  argv: string[], write: (line: string) => void,
  io: { env?: NodeJS.ProcessEnv; readStdin?: () => Promise<string> } = {},
): Promise<number> {
  const env = io.env ?? process.env;
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, ['role', 'file']);
  if (!['add', 'list', 'disable', 'demo'].includes(sub ?? '')) throw new UsageError(`usage: replique ${USER_USAGE}`);
  const config = parseEnv('replique user', z.object(postgresEnv), env);
  const db = createPool(config.DATABASE_URL, { max: 1, applicationName: 'replique-cli' });
  try {
    await migrate(db, { dir: config.REPLIQUE_MIGRATIONS_DIR });
    switch (sub) {
      case 'add': {
        const name = requireName(args.positionals[0]);
        const role = args.options.role as ReviewerRole | undefined;
        if (!role || !REVIEWER_ROLES.includes(role)) throw new UsageError(`--role must be one of ${REVIEWER_ROLES.join(', ')}`);
        const password = env.REPLIQUE_USER_PASSWORD ?? (await (io.readStdin ?? readStdin)()).split(/\r?\n/)[0] ?? '';
        if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
        const { created } = await upsertReviewer(db, { name, role, passwordHash: await hashPassword(password) });
        await appendAudit(db, { emailKey: null, stage: 'review-tool', event: created ? 'user_created' : 'user_updated', data: { name, role, by: 'cli' } });
        write(`${created ? 'created' : 'updated'} ${name} (${role})`);
        return 0;
      }
      case 'list':
        for (const r of await listReviewers(db)) write(`${r.name}\t${r.role}${r.disabledAt ? '\tdisabled' : ''}`);
        return 0;
      case 'disable': {
        const name = requireName(args.positionals[0]);
        const done = await disableReviewer(db, name);
        if (done) await appendAudit(db, { emailKey: null, stage: 'review-tool', event: 'user_disabled', data: { name, by: 'cli' } });
        write(done ? `disabled ${name}` : `${name}: no such active user`);
        return done ? 0 : 1;
      }
      case 'demo':
        return await demoUsers(db, args.options.file, write);
      default:
        throw new UsageError(`usage: replique ${USER_USAGE}`);
    }
  } finally {
    await db.end();
  }
}

/** The demo's accounts (reviewer, senior, lead, prompts), created once: passwords printed once and appended to `file` (mode 600 dir). */
async function demoUsers(db: ReturnType<typeof createPool>, file: string | undefined, write: (line: string) => void): Promise<number> {
  const lines: string[] = [];
  for (const [name, role] of [['reviewer', 'reviewer'], ['senior', 'senior'], ['lead', 'lead'], ['prompts', 'prompts']] as const) {
    if (await findReviewerByName(db, name)) continue;
    const password = randomBytes(12).toString('base64url');
    await upsertReviewer(db, { name, role, passwordHash: await hashPassword(password) });
    await appendAudit(db, { emailKey: null, stage: 'review-tool', event: 'user_created', data: { name, role, by: 'demo' } });
    lines.push(`REVIEW_${name.toUpperCase()}_USER=${name}`, `REVIEW_${name.toUpperCase()}_PASSWORD=${password}`);
  }
  if (lines.length === 0) {
    write('demo users already exist (their passwords are where they were first written)');
    return 0;
  }
  if (file) await appendFile(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  for (const line of lines) write(line);
  return 0;
}

function requireName(name: string | undefined): string {
  if (!name || !NAME.test(name)) throw new UsageError('a user NAME is lower-case letters, digits, . _ - (2 to 64)');
  return name;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('give the password on stdin or in REPLIQUE_USER_PASSWORD');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
