/**
 * The hash chain of the audit log, recomputed outside the database (infra/migrations/017, 035: the insert trigger
 * computes the same hash in SQL at every append). Each email's rows form a chain (`chainKey` = email key, '' for rows
 * of no email); each UTC day has an anchor, the hash over that day's chain heads chained to the previous anchor.
 * `ChainChecker` reads a chain's rows in order and names what does not hold.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** As each field in the trigger's hash (017's `audit_field`): byte length, ':', the text; '~' for null. */
function field(value: string | null): string {
  return value === null ? '~' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/** One audit row as the chain sees it: `data` as Postgres prints the jsonb, `atMicros` the epoch in microseconds. */
export interface ChainedRow {
  id: string;
  chainKey: string;
  emailKey: string | null;
  auditKey: string | null;
  stage: string;
  event: string;
  data: string;
  atMicros: string;
  seq: string;
  prevHash: string;
  hash: string;
}

/** The trigger's hash (017's `audit_row_hash`) of the row's fields and its stored `prevHash`. */
export function rowHash(row: Omit<ChainedRow, 'id' | 'chainKey' | 'hash'>): string {
  return sha256Hex(
    field(row.prevHash) + field(row.seq) + field(row.emailKey) + field(row.auditKey)
    + field(row.stage) + field(row.event) + field(row.data) + field(row.atMicros),
  );
}

/** The last row of a chain on a day (its head at the end of that day). */
export interface DayHead {
  chainKey: string;
  seq: string;
  hash: string;
}

/** The anchor of `day` (YYYY-MM-DD): the previous anchor's hash, the day, and every head, sorted by chain key. */
export function anchorHash(prevHash: string, day: string, heads: readonly DayHead[]): string {
  const sorted = [...heads].sort((a, b) => (a.chainKey < b.chainKey ? -1 : a.chainKey > b.chainKey ? 1 : 0));
  return sha256Hex(field(prevHash) + field(day) + sorted.map((h) => field(h.chainKey) + field(h.seq) + field(h.hash)).join(''));
}

/** A chain's head as stored: where it ends, and the prefix retention removed. */
export interface ChainHead {
  chainKey: string;
  seq: string;
  hash: string;
  prunedSeq: string;
  prunedHash: string;
}

/** Shown in reports: an email key is already a hash; '' is the chain of rows of no email. */
export const chainName = (chainKey: string): string => (chainKey === '' ? 'the chain of rows without email' : `email ${chainKey.slice(0, 16)}…`);

/**
 * Checks one chain, row by row in `seq` order. With `trustFirstLink` (verify --since), the first row given is taken
 * as linked to what comes before it; otherwise it must follow the head's pruned prefix (or start the chain).
 */
export class ChainChecker {
  private last: { seq: bigint; hash: string } | null = null;
  private readonly problems: string[] = [];
  rows = 0;

  constructor(readonly chainKey: string, private readonly head: ChainHead | undefined, private readonly trustFirstLink = false) {
    if (!head) this.problems.push(`${chainName(chainKey)}: rows without a chain head (written around the trigger)`);
  }

  add(row: ChainedRow): void {
    this.rows++;
    const where = `${chainName(this.chainKey)}, row ${row.id} (seq ${row.seq})`;
    if (rowHash(row) !== row.hash) this.problems.push(`${where}: content changed (its hash does not match)`);
    const seq = BigInt(row.seq);
    if (this.last) {
      if (seq !== this.last.seq + 1n) this.problems.push(`${where}: ${seq - this.last.seq - 1n} row(s) missing before it`);
      else if (row.prevHash !== this.last.hash) this.problems.push(`${where}: its link to the previous row is broken`);
    } else if (!this.trustFirstLink && this.head) {
      const expectedSeq = BigInt(this.head.prunedSeq) + 1n;
      if (seq !== expectedSeq) this.problems.push(`${where}: the chain starts at seq ${seq}, expected ${expectedSeq} (rows removed from its start)`);
      else if (row.prevHash !== this.head.prunedHash) this.problems.push(`${where}: its link to the start of the chain is broken`);
    }
    this.last = { seq, hash: row.hash };
  }

  /** After the last row: the head must point at it. */
  finish(): string[] {
    if (this.head && this.last) {
      if (BigInt(this.head.seq) > this.last.seq) {
        this.problems.push(`${chainName(this.chainKey)}: rows ${this.last.seq + 1n}…${this.head.seq} missing at its end`);
      } else if (BigInt(this.head.seq) < this.last.seq || this.head.hash !== this.last.hash) {
        this.problems.push(`${chainName(this.chainKey)}: its head does not match its last row`);
      }
    }
    return this.problems;
  }
}
