/**
 * `replique audit`: the audit log's tamper evidence, without a server (activities/src/audit/README.md).
 *
 *   pnpm -s replique audit verify [--since 2026-11-01]   every row, chain and daily anchor (from that day on);
 *                                                         exits 1 naming each row, email or day that does not hold
 *   pnpm -s replique audit anchor                        writes the anchors of complete days now (the daily
 *                                                         retention run does it too)
 *
 * Read-only except `anchor`. DATABASE_URL as for the services.
 */
import { z } from 'zod';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { verifyAuditLog } from '@replique/activities/audit/verify-audit-log';
import { anchorAuditDays } from '@replique/activities/audit/anchor-audit-days';
import { parseArgs, UsageError } from './args';
import { parseEnv } from '../config/parse-env';
import { postgresEnv } from '../config/shared-env';

export const AUDIT_USAGE = 'audit verify [--since YYYY-MM-DD] | audit anchor';

export async function auditCommand(argv: string[], write: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, ['since']);
  if (sub !== 'verify' && sub !== 'anchor') throw new UsageError(`usage: replique ${AUDIT_USAGE}`);
  const since = args.options.since === undefined ? undefined : parseSince(args.options.since);
  const config = parseEnv('replique audit', z.object(postgresEnv), env);
  const db = createPool(config.DATABASE_URL, { max: 1, applicationName: 'replique-cli' });
  try {
    if (sub === 'anchor') {
      const days = await anchorAuditDays(db, new Date());
      write(days.length ? `anchored ${days.length} day(s): ${days[0]} … ${days[days.length - 1]}` : 'no complete day left to anchor');
      return 0;
    }
    const result = await verifyAuditLog(db, { since });
    for (const problem of result.problems) write(`BROKEN ${problem}`);
    write(`${result.ok ? 'ok' : 'FAILED'}: ${result.rows} rows in ${result.chains} chains, ${result.anchors} daily anchors checked`
      + (since ? ` since ${since.toISOString()}` : '') + (result.ok ? '' : `; ${result.problems.length} problem(s)`));
    return result.ok ? 0 : 1;
  } finally {
    await db.end();
  }
}

function parseSince(value: string): Date {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--since: not a date: ${value}`);
  return at;
}
