/**
 * What the audit chain costs per append (infra/migrations/017): the same appends into the chained `audit_log` and
 * into a plain copy of the table as it was before (migration 008: no chain, no head), on a throwaway database of the
 * local stack. Three shapes: one email's appends one after the other (a workflow's steps), many emails' appends in
 * parallel (many workflows), and one email's appends in parallel (the worst case: they queue on the chain's head).
 * Alternating rounds, median of each side.
 *
 *   eval "$(cd /work/stack && bash infra/local/stack.sh env)"; pnpm exec tsx test/bench/audit-append.ts [appends=1000] [rounds=3]
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from '../../activities/src/adapters/pg/pool';
import { withTestDatabase } from '../support/pg';

const appends = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 3);
const PARALLEL = 8;

const PLAIN_TABLE = `
  create table audit_plain (
    id bigserial primary key, audit_key text unique, email_key text, stage text not null, event text not null,
    data jsonb not null default '{}', at timestamptz not null default now());
  create index audit_plain_email_key_idx on audit_plain (email_key, id);
  create trigger audit_plain_no_update_or_delete before update or delete on audit_plain
    for each row execute function audit_log_reject_change();`;

const key = () => createHash('sha256').update(randomBytes(16)).digest('hex');
type Shape = 'one email, sequential' | 'many emails, parallel' | 'one email, parallel';

async function timeAppends(pool: Pool, table: string, shape: Shape): Promise<number> {
  const one = key();
  const emails = Array.from({ length: 200 }, key);
  const append = (i: number) => pool.query(
    `insert into ${table} (audit_key, email_key, stage, event, data) values ($1, $2, 'bench', 'step', $3::jsonb) on conflict (audit_key) do nothing`,
    [`${key()}:${i}`, shape === 'many emails, parallel' ? emails[i % emails.length] : one, JSON.stringify({ route: 'review', i })],
  );
  const started = process.hrtime.bigint();
  if (shape === 'one email, sequential') {
    for (let i = 0; i < appends; i++) await append(i);
  } else {
    let next = 0;
    await Promise.all(Array.from({ length: PARALLEL }, async () => { while (next < appends) await append(next++); }));
  }
  return Number(process.hrtime.bigint() - started) / 1000 / appends;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const db = await withTestDatabase();
  try {
    await db.pool.query(PLAIN_TABLE);
    const pool = db.newPool();
    await Promise.all(Array.from({ length: PARALLEL }, () => pool.query('select 1')));
    console.log(`audit append cost: ${appends} appends per measure, ${rounds} rounds, ${PARALLEL} connections when parallel (µs per append, median)`);
    for (const shape of ['one email, sequential', 'many emails, parallel', 'one email, parallel'] as Shape[]) {
      const chained: number[] = [];
      const plain: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const order = r % 2 === 0 ? ['audit_log', 'audit_plain'] : ['audit_plain', 'audit_log'];
        for (const table of order) (table === 'audit_log' ? chained : plain).push(await timeAppends(pool, table, shape));
      }
      const c = median(chained);
      const p = median(plain);
      console.log(`  ${shape.padEnd(22)} chained ${c.toFixed(0).padStart(5)} µs   plain ${p.toFixed(0).padStart(5)} µs   +${(c - p).toFixed(0)} µs (x${(c / p).toFixed(2)})   ${(1e6 / c).toFixed(0)} appends/s chained`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
