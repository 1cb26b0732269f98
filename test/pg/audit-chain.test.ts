/**
 * The hash-chained audit log on real Postgres: the insert trigger chains every append (concurrent ones of one email
 * and of many), a retried append changes nothing, and `replique audit verify` passes on an honest log and names what
 * a tamperer changed or removed: a row's content, a row in the middle, the last rows, every row of an email of an
 * anchored day. Retention's prune keeps the rest verifiable. The trigger's inline row hash (035) continues chains
 * hashed by 017's SQL functions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, MIGRATIONS_DIR } from '../../activities/src/adapters/pg/migrate';
import { appendAudit, changeWithAudit } from '../../activities/src/adapters/pg/audit-log';
import { markRetention, pruneAuditBatch } from '../../activities/src/adapters/pg/audit-chain';
import { verifyAuditLog } from '../../activities/src/audit/verify-audit-log';
import { anchorAuditDays } from '../../activities/src/audit/anchor-audit-days';
import type { Pool, Queryable } from '../../activities/src/adapters/pg/pool';
import { auditCommand } from '../../services/src/cli/audit-command';
import { withTestDatabase, type TestDatabase } from '../support/pg';

const newKey = () => createHash('sha256').update(randomBytes(16)).digest('hex');
const DAY = 86_400_000;
const INLINE_HASH = '035_audit_chain_hash_inline.sql';

/** Runs `work` with every trigger off, as someone with write access to the tables would. */
async function asTamperer(pool: Pool, work: (db: Queryable) => Promise<unknown>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`set session_replication_role = replica`);
    await work(client);
  } finally {
    await client.query(`reset session_replication_role`);
    client.release();
  }
}

async function problems(db: TestDatabase): Promise<string[]> {
  return (await verifyAuditLog(db.pool)).problems;
}

/** Appends `n` rows to a new email's chain at `at` (the trigger keeps a given time when it does not go back). */
async function backdatedChain(pool: Pool, at: Date, n: number): Promise<string> {
  const emailKey = newKey();
  for (let i = 0; i < n; i++) {
    await pool.query(`insert into audit_log (email_key, stage, event, data, at) values ($1, 'test', $2, '{}', $3)`,
      [emailKey, `step_${i}`, new Date(at.getTime() + i * 1000)]);
  }
  return emailKey;
}

describe('chaining', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await withTestDatabase(); });
  afterAll(() => db.close());

  it('chains concurrent appends of one email and of many, and a retried append adds nothing', async () => {
    const one = newKey();
    const pools = [db.pool, db.newPool(), db.newPool()];
    const many = Array.from({ length: 20 }, newKey);
    await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => appendAudit(pools[i % 3]!, { emailKey: one, stage: 'stage', event: `e${i}`, data: { i }, auditKey: `${one}:${i}` })),
      ...many.flatMap((emailKey, i) => [0, 1, 2].map((j) => appendAudit(pools[(i + j) % 3]!, { emailKey, stage: 's', event: `e${j}` }))),
      ...Array.from({ length: 10 }, (_, i) => appendAudit(pools[i % 3]!, { emailKey: null, stage: 'review-tool', event: 'login', data: { i } })),
    ]);
    // Retries, concurrently with each other: none inserts, none moves the head.
    const retries = await Promise.all(Array.from({ length: 30 }, (_, i) =>
      appendAudit(pools[i % 3]!, { emailKey: one, stage: 'stage', event: `e${i % 60}`, data: { i: i % 60 }, auditKey: `${one}:${i % 60}` })));
    expect(retries.every((r) => !r.inserted)).toBe(true);

    const { rows } = await db.pool.query<{ seq: string }>(`select seq::text from audit_log where email_key = $1 order by audit_log.seq`, [one]);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const report = await verifyAuditLog(db.pool);
    expect(report).toEqual({ ok: true, rows: 60 + 60 + 10, chains: 22, anchors: 0, problems: [] });
  });

  it('chains the audit row written by a change in the same statement, once per retried change', async () => {
    const emailKey = newKey();
    await appendAudit(db.pool, { emailKey, stage: 'read', event: 'stored' });
    const change = { sql: `select $1::text as email_key`, values: [emailKey] };
    const audit = { stage: 'review', event: 'claimed', data: { by: 'ana' }, auditKey: `${emailKey}:claim` };
    expect(await changeWithAudit(db.pool, change, audit)).toBe(1);
    expect(await changeWithAudit(db.pool, change, audit)).toBe(1);
    const { rows } = await db.pool.query(`select seq::int, event from audit_log where email_key = $1 order by seq`, [emailKey]);
    expect(rows).toEqual([{ seq: 1, event: 'stored' }, { seq: 2, event: 'claimed' }]);
    expect(await problems(db)).toEqual([]);
  });

  it('still rejects updates and deletes outside retention', async () => {
    await expect(db.pool.query(`update audit_log set event = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });
});

describe('verify catches tampering', () => {
  let db: TestDatabase;
  let emailKey: string;
  let gone: string;
  const now = new Date();
  const threeDaysAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 3 * DAY + 3600_000);
  beforeAll(async () => {
    db = await withTestDatabase();
    emailKey = newKey();
    for (let i = 0; i < 5; i++) await appendAudit(db.pool, { emailKey, stage: 'stage', event: `e${i}`, data: { verdict: 'ok', i } });
    await backdatedChain(db.pool, threeDaysAgo, 3);
    gone = await backdatedChain(db.pool, threeDaysAgo, 2);
    await backdatedChain(db.pool, new Date(threeDaysAgo.getTime() + DAY), 2);
    expect((await anchorAuditDays(db.pool, now)).length).toBeGreaterThanOrEqual(2);
    expect(await problems(db)).toEqual([]);
  });
  afterAll(() => db.close());

  const rowOf = async (seq: number) =>
    (await db.pool.query(`select *, at::text as at, data::text as data from audit_log where email_key = $1 and seq = $2`, [emailKey, seq])).rows[0] as Record<string, unknown>;
  const reinsert = (row: Record<string, unknown>) => asTamperer(db.pool, (c) => c.query(
    `insert into audit_log (id, audit_key, email_key, stage, event, data, at, seq, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [row.id, row.audit_key, row.email_key, row.stage, row.event, row.data, row.at, row.seq, row.prev_hash, row.hash]));

  it('names a row whose content was changed, and the CLI exits 1', async () => {
    const row = await rowOf(3);
    await asTamperer(db.pool, (c) => c.query(`update audit_log set data = '{"verdict": "refund", "i": 2}' where id = $1`, [row.id]));
    expect(await problems(db)).toEqual([expect.stringMatching(new RegExp(`row ${String(row.id)} \\(seq 3\\): content changed`))]);
    const out: string[] = [];
    expect(await auditCommand(['verify'], (line) => out.push(line), { DATABASE_URL: db.databaseUrl })).toBe(1);
    expect(out.join('\n')).toMatch(/BROKEN .*content changed[\s\S]*FAILED: .*1 problem/);
    await asTamperer(db.pool, (c) => c.query(`update audit_log set data = $2 where id = $1`, [row.id, row.data]));
    expect(await auditCommand(['verify'], () => undefined, { DATABASE_URL: db.databaseUrl })).toBe(0);
  });

  it('names a row removed from the middle of a chain', async () => {
    const row = await rowOf(2);
    await asTamperer(db.pool, (c) => c.query(`delete from audit_log where id = $1`, [row.id]));
    expect(await problems(db)).toEqual([expect.stringMatching(/\(seq 3\): 1 row\(s\) missing before it/)]);
    await reinsert(row);
    expect(await problems(db)).toEqual([]);
  });

  it('names the last rows of a chain removed', async () => {
    const row = await rowOf(5);
    await asTamperer(db.pool, (c) => c.query(`delete from audit_log where id = $1`, [row.id]));
    expect(await problems(db)).toEqual([expect.stringMatching(/rows 5…5 missing at its end/)]);
    await reinsert(row);
    expect(await problems(db)).toEqual([]);
  });

  it('names the day whose anchor no longer holds when every row and the head of an email are removed', async () => {
    await asTamperer(db.pool, async (c) => {
      await c.query(`delete from audit_log where email_key = $1`, [gone]);
      await c.query(`delete from audit_chain_heads where chain_key = $1`, [gone]);
    });
    const day = threeDaysAgo.toISOString().slice(0, 10);
    expect(await problems(db)).toEqual([`anchor of ${day}: 2 email chains that day, 1 found (rows of a whole email removed or added)`]);
  });
});

describe('retention prune', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await withTestDatabase(); });
  afterAll(() => db.close());

  it('removes rows before the horizon, whole chains and prefixes, and the rest still verifies', async () => {
    const now = new Date();
    const old = await backdatedChain(db.pool, new Date(now.getTime() - 800 * DAY), 3);
    const crossing = await backdatedChain(db.pool, new Date(now.getTime() - 740 * DAY), 2);
    await appendAudit(db.pool, { emailKey: crossing, stage: 'retention', event: 'bodies_purged' });
    const recent = await backdatedChain(db.pool, new Date(now.getTime() - 10 * DAY), 2);
    expect((await anchorAuditDays(db.pool, now)).length).toBeGreaterThan(700);
    expect(await problems(db)).toEqual([]);

    const beforeDay = new Date(now.getTime() - 730 * DAY).toISOString().slice(0, 10);
    await markRetention(db.pool, beforeDay);
    expect(await problems(db)).toEqual([]); // anchors gone first: consistent in between
    expect(await pruneAuditBatch(db.pool, beforeDay, 1)).toBeGreaterThan(0);
    expect(await pruneAuditBatch(db.pool, beforeDay, 1)).toBeGreaterThan(0);
    expect(await pruneAuditBatch(db.pool, beforeDay, 1)).toBe(0);

    const left = await db.pool.query(`select email_key, seq::int from audit_log order by email_key, seq`);
    expect(left.rows).toEqual(expect.arrayContaining([{ email_key: crossing, seq: 3 }, { email_key: recent, seq: 1 }, { email_key: recent, seq: 2 }]));
    expect(left.rows).toHaveLength(3);
    expect((await db.pool.query(`select 1 from audit_chain_heads where chain_key = $1`, [old])).rowCount).toBe(0);
    expect(await verifyAuditLog(db.pool)).toMatchObject({ ok: true, rows: 3, chains: 2 });

    // What is left is still guarded: the first row kept is tied to the pruned prefix.
    await asTamperer(db.pool, (c) => c.query(`delete from audit_log where email_key = $1`, [crossing]));
    expect(await problems(db)).toEqual([expect.stringMatching(/all its rows \(3…3\) are missing/)]);
  }, 120_000);
});

describe('the row hash computed inline (migration 035)', () => {
  let db: TestDatabase;
  let before: string;
  beforeAll(async () => {
    db = await withTestDatabase({ migrate: false });
    before = mkdtempSync(path.join(os.tmpdir(), 'replique-migrations-'));
    for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f < INLINE_HASH)) cpSync(path.join(MIGRATIONS_DIR, file), path.join(before, file));
  });
  afterAll(async () => {
    rmSync(before, { recursive: true, force: true });
    await db.close();
  });

  it('continues the chains begun by 017\'s SQL functions: same hash for the same fields, nulls and non-ASCII data', async () => {
    const emailKey = newKey();
    const rows = (tag: string) => [
      { emailKey, stage: 'stage', event: `${tag}-1`, data: { note: 'reçu — 📦 « colis »', quote: 'a"b\\c', n: 1.5 }, auditKey: `${emailKey}:${tag}` },
      { emailKey, stage: 'étape', event: `${tag}-2` }, // no audit key
      { emailKey: null, stage: 'review-tool', event: `${tag}-login`, data: { by: 'Zoë' } }, // the chain of no email
    ];
    await migrate(db.pool, { dir: before });
    for (const row of rows('before')) await appendAudit(db.pool, row);
    expect((await migrate(db.pool)).applied).toContain(INLINE_HASH);
    for (const row of rows('after')) await appendAudit(db.pool, row);
    expect(await appendAudit(db.pool, rows('after')[0]!)).toEqual({ inserted: false }); // a retried append still adds nothing

    expect(await verifyAuditLog(db.pool)).toEqual({ ok: true, rows: 6, chains: 2, anchors: 0, problems: [] });
    const { rows: seqs } = await db.pool.query<{ seq: number }>(`select seq::int from audit_log where email_key = $1 order by id`, [emailKey]);
    expect(seqs.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  });
});
