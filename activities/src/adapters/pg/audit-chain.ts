/**
 * The audit log's chain as stored (infra/migrations/017): rows with their hashes, chain heads, daily anchors and
 * retention marks; and the two writes retention does to it (anchoring a day, removing rows older than the horizon).
 * The chaining itself happens in the insert trigger, so `appendAudit` / `changeWithAudit` need nothing more.
 * Days are UTC dates 'YYYY-MM-DD'.
 */
import type { ChainedRow, ChainHead, DayHead } from '../../domain/audit-chain';
import type { Pool, Queryable } from './pool';
import { withTransaction } from './transaction';

const CHAIN_KEY = `coalesce(email_key, '')`;

/** Rows after (`chainKey`, `seq`) in chain order, at or after `since` when given. */
export async function chainedRowsAfter(
  db: Queryable, after: { chainKey: string; seq: string } | null, options: { since?: Date; limit: number },
): Promise<ChainedRow[]> {
  const { rows } = await db.query<ChainedRow>(
    `select id::text, ${CHAIN_KEY} as "chainKey", email_key as "emailKey", audit_key as "auditKey", stage, event,
       data::text as data, ((extract(epoch from at) * 1000000)::bigint)::text as "atMicros", seq::text,
       prev_hash as "prevHash", hash
     from audit_log
     where ($1::text is null or (${CHAIN_KEY}, seq) > ($1::text, $2::bigint)) and ($3::timestamptz is null or at >= $3)
     order by ${CHAIN_KEY}, audit_log.seq limit $4`,
    [after?.chainKey ?? null, after?.seq ?? null, options.since ?? null, options.limit],
  );
  return rows;
}

export async function chainHeads(db: Queryable): Promise<Map<string, ChainHead>> {
  const { rows } = await db.query<ChainHead>(
    `select chain_key as "chainKey", seq::text, hash, pruned_seq::text as "prunedSeq", pruned_hash as "prunedHash"
     from audit_chain_heads`,
  );
  return new Map(rows.map((head) => [head.chainKey, head]));
}

/** Each chain's last row of `day`. */
export async function dayHeads(db: Queryable, day: string): Promise<DayHead[]> {
  const { rows } = await db.query<DayHead>(
    `select distinct on (${CHAIN_KEY}) ${CHAIN_KEY} as "chainKey", seq::text, hash from audit_log
     where at >= ($1::date)::timestamp at time zone 'UTC' and at < ($1::date + 1)::timestamp at time zone 'UTC'
     order by ${CHAIN_KEY}, audit_log.seq desc`,
    [day],
  );
  return rows;
}

export interface Anchor {
  day: string;
  prevHash: string;
  chainCount: number;
  hash: string;
}

const ANCHOR_COLUMNS = `to_char(day, 'YYYY-MM-DD') as day, prev_hash as "prevHash", chain_count as "chainCount", hash`;

/** Oldest first, from `fromDay` when given. */
export async function anchorsFrom(db: Queryable, fromDay: string | null): Promise<Anchor[]> {
  const { rows } = await db.query<Anchor>(
    `select ${ANCHOR_COLUMNS} from audit_anchors where $1::date is null or day >= $1::date order by day`, [fromDay],
  );
  return rows;
}

export async function lastAnchor(db: Queryable): Promise<Anchor | null> {
  const { rows } = await db.query<Anchor>(`select ${ANCHOR_COLUMNS} from audit_anchors order by day desc limit 1`);
  return rows[0] ?? null;
}

/** Written once per day; a concurrent run that wrote it first wins, and its anchor is returned. */
export async function insertAnchor(db: Queryable, anchor: Anchor): Promise<Anchor> {
  await db.query(
    `insert into audit_anchors (day, prev_hash, chain_count, hash) values ($1, $2, $3, $4) on conflict (day) do nothing`,
    [anchor.day, anchor.prevHash, anchor.chainCount, anchor.hash],
  );
  const { rows } = await db.query<Anchor>(`select ${ANCHOR_COLUMNS} from audit_anchors where day = $1`, [anchor.day]);
  return rows[0]!;
}

/** The UTC day of the oldest row at or after `fromDay`, if any. */
export async function firstAuditDay(db: Queryable, fromDay: string | null): Promise<string | null> {
  const { rows } = await db.query<{ day: string | null }>(
    `select to_char(min(at) at time zone 'UTC', 'YYYY-MM-DD') as day from audit_log
     where $1::date is null or at >= ($1::date)::timestamp at time zone 'UTC'`,
    [fromDay],
  );
  return rows[0]?.day ?? null;
}

export interface RetentionMark {
  beforeDay: string;
  /** The hash of the last anchor removed; null when no anchor was ever removed. */
  anchorHash: string | null;
}

export async function latestRetentionMark(db: Queryable): Promise<RetentionMark | null> {
  const { rows } = await db.query<RetentionMark>(
    `select to_char(before_day, 'YYYY-MM-DD') as "beforeDay", anchor_hash as "anchorHash"
     from audit_retention_marks order by before_day desc limit 1`,
  );
  return rows[0] ?? null;
}

const allowPrune = (db: Queryable) => db.query(`select set_config('replique.audit_prune', 'on', true)`);

/**
 * Starts a prune to `beforeDay`: records the mark (the hash of the last anchor it removes, so the first anchor kept
 * still links to something known) and removes the anchors before it. Idempotent; a mark never moves back.
 */
export async function markRetention(pool: Pool, beforeDay: string): Promise<RetentionMark> {
  return withTransaction(pool, async (db) => {
    await db.query(`lock table audit_retention_marks in share row exclusive mode`);
    const latest = await latestRetentionMark(db);
    if (latest && latest.beforeDay >= beforeDay) return latest;
    const { rows } = await db.query<{ hash: string }>(
      `select hash from audit_anchors where day < $1::date order by day desc limit 1`, [beforeDay],
    );
    const mark: RetentionMark = { beforeDay, anchorHash: rows[0]?.hash ?? latest?.anchorHash ?? null };
    await db.query(`insert into audit_retention_marks (before_day, anchor_hash) values ($1, $2)`, [mark.beforeDay, mark.anchorHash]);
    await allowPrune(db);
    await db.query(`delete from audit_anchors where day < $1::date`, [beforeDay]);
    return mark;
  });
}

/**
 * Removes the rows before `beforeDay` of up to `chains` chains, in one transaction: each chain's heads row is locked
 * (its appends wait), its prefix up to the last row before the horizon removed, and that row's seq and hash kept in
 * the head; a chain with nothing left loses its head too. Returns how many rows went.
 */
export async function pruneAuditBatch(pool: Pool, beforeDay: string, chains: number): Promise<number> {
  return withTransaction(pool, async (db) => {
    const horizon = `($1::date)::timestamp at time zone 'UTC'`;
    const { rows: locked } = await db.query<{ chainKey: string }>(
      `select chain_key as "chainKey" from audit_chain_heads
       where chain_key in (select distinct ${CHAIN_KEY} from audit_log where at < ${horizon} limit $2)
       order by chain_key for update`,
      [beforeDay, chains],
    );
    if (locked.length === 0) return 0;
    await allowPrune(db);
    const { rows } = await db.query<{ removed: number }>(
      `with upto as (
         select ${CHAIN_KEY} as chain_key, max(seq) as seq from audit_log
         where ${CHAIN_KEY} = any($2::text[]) and at < ${horizon} group by 1),
       removed as (
         delete from audit_log a using upto where coalesce(a.email_key, '') = upto.chain_key and a.seq <= upto.seq
         returning upto.chain_key, a.seq, a.hash),
       last as (select distinct on (chain_key) chain_key, seq, hash from removed order by chain_key, seq desc),
       moved as (
         update audit_chain_heads h set pruned_seq = last.seq, pruned_hash = last.hash from last
         where h.chain_key = last.chain_key)
       select count(*)::int as removed from removed`,
      [beforeDay, locked.map((c) => c.chainKey)],
    );
    await db.query(`delete from audit_chain_heads where chain_key = any($1::text[]) and seq = pruned_seq`, [locked.map((c) => c.chainKey)]);
    return rows[0]!.removed;
  });
}
