/**
 * `replique audit verify`: proves the audit log was neither changed nor cut. Every row's hash is recomputed from its
 * fields (domain/audit-chain.ts, independently of the SQL trigger that wrote it), every chain's links and its head are
 * followed, and every daily anchor is recomputed from the rows of its day and linked to the previous one (or to the
 * last retention mark). Removing all the rows of an email changes the anchors of its days; removing today's rows of
 * an email is caught by its chain head.
 */
import { anchorHash, ChainChecker, chainName, GENESIS_HASH } from '../domain/audit-chain';
import { anchorsFrom, chainedRowsAfter, chainHeads, dayHeads, latestRetentionMark } from '../adapters/pg/audit-chain';
import type { Queryable } from '../adapters/pg/pool';

export interface AuditVerification {
  ok: boolean;
  rows: number;
  chains: number;
  anchors: number;
  /** What does not hold, one line each (no PII: email keys are hashes). */
  problems: string[];
}

const BATCH = 5000;

/** `since`: check only rows and anchors from that time on (their first links are then taken as given). */
export async function verifyAuditLog(db: Queryable, options: { since?: Date } = {}): Promise<AuditVerification> {
  const heads = await chainHeads(db);
  const problems: string[] = [];
  const seen = new Set<string>();
  let rows = 0;
  let checker = null as ChainChecker | null;
  const finish = () => { if (checker) problems.push(...checker.finish()); };

  for (let after: { chainKey: string; seq: string } | null = null; ;) {
    const batch = await chainedRowsAfter(db, after, { since: options.since, limit: BATCH });
    for (const row of batch) {
      if (checker?.chainKey !== row.chainKey) {
        finish();
        checker = new ChainChecker(row.chainKey, heads.get(row.chainKey), options.since !== undefined);
        seen.add(row.chainKey);
      }
      checker.add(row);
      rows++;
    }
    if (batch.length < BATCH) break;
    const last = batch[batch.length - 1]!;
    after = { chainKey: last.chainKey, seq: last.seq };
  }
  finish();

  for (const head of heads.values()) {
    if (!seen.has(head.chainKey) && !options.since && BigInt(head.seq) > BigInt(head.prunedSeq)) {
      problems.push(`${chainName(head.chainKey)}: all its rows (${BigInt(head.prunedSeq) + 1n}…${head.seq}) are missing`);
    }
  }

  const anchors = await verifyAnchors(db, options.since, problems);
  return { ok: problems.length === 0, rows, chains: seen.size, anchors, problems };
}

async function verifyAnchors(db: Queryable, since: Date | undefined, problems: string[]): Promise<number> {
  const mark = await latestRetentionMark(db);
  const sinceDay = since ? since.toISOString().slice(0, 10) : null;
  const anchors = await anchorsFrom(db, sinceDay);
  let previous: { day: string; hash: string } | null = null;
  for (const anchor of anchors) {
    if (previous) {
      if (anchor.day !== nextDay(previous.day)) problems.push(`anchors: days ${nextDay(previous.day)}…${previousDay(anchor.day)} missing`);
      if (anchor.prevHash !== previous.hash) problems.push(`anchor of ${anchor.day}: its link to the previous anchor is broken`);
    } else if (!sinceDay) {
      const expected = mark?.anchorHash ?? GENESIS_HASH;
      if (anchor.prevHash !== expected) problems.push(`anchor of ${anchor.day}: the anchors before it were removed (it does not link to ${mark ? 'the retention mark' : 'the start'})`);
    }
    const heads = await dayHeads(db, anchor.day);
    if (heads.length !== anchor.chainCount) {
      problems.push(`anchor of ${anchor.day}: ${anchor.chainCount} email chains that day, ${heads.length} found (rows of a whole email removed or added)`);
    } else if (anchorHash(anchor.prevHash, anchor.day, heads) !== anchor.hash) {
      problems.push(`anchor of ${anchor.day}: the rows of that day no longer match it`);
    }
    previous = anchor;
  }
  return anchors.length;
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
