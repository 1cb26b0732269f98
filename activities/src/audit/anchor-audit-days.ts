/**
 * Writes the daily anchors of the audit log: for each complete UTC day not anchored yet, the hash over that day's
 * chain heads, linked to the previous anchor (or to the last retention mark). A day counts as complete once
 * `graceMs` has passed after its end, so a transaction still writing that day's rows has committed. Idempotent.
 */
import { anchorHash, GENESIS_HASH } from '../domain/audit-chain';
import { dayHeads, firstAuditDay, insertAnchor, lastAnchor, latestRetentionMark } from '../adapters/pg/audit-chain';
import type { Queryable } from '../adapters/pg/pool';
import { nextDay } from './verify-audit-log';

export const ANCHOR_GRACE_MS = 3600_000;

/** Anchors days up to the last complete one before `now`, at most `maxDays` of them; returns the days anchored. */
export async function anchorAuditDays(db: Queryable, now: Date, options: { graceMs?: number; maxDays?: number } = {}): Promise<string[]> {
  const lastComplete = new Date(now.getTime() - (options.graceMs ?? ANCHOR_GRACE_MS) - 86_400_000).toISOString().slice(0, 10);
  const last = await lastAnchor(db);
  const mark = last ? null : await latestRetentionMark(db);
  let prevHash = last?.hash ?? mark?.anchorHash ?? GENESIS_HASH;
  let day = last ? nextDay(last.day) : await firstAuditDay(db, mark?.beforeDay ?? null);
  const anchored: string[] = [];
  while (day && day <= lastComplete && anchored.length < (options.maxDays ?? 1000)) {
    const heads = await dayHeads(db, day);
    const written = await insertAnchor(db, { day, prevHash, chainCount: heads.length, hash: anchorHash(prevHash, day, heads) });
    anchored.push(day);
    prevHash = written.hash;
    day = nextDay(day);
  }
  return anchored;
}
