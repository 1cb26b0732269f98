/**
 * Customer memory: what the shop remembers of a customer across emails (summaries of past emails, offers made and
 * refused, stated preferences, reviewer notes, the products suggested to them). Two implementations behind one
 * contract (`memory-store-contract.ts`): in memory (`embedded-memory-store.ts`) and Qdrant (`qdrant-memory-store.ts`).
 *
 * The store is given a customer id and keeps only its hash (`customerHash`): no address, name or raw id is stored;
 * every text is PII-masked before it is remembered (email-memory.ts).
 */
import { createHash } from 'node:crypto';
import type { MemoryKind, RememberedEntry } from '../domain/types';

export interface MemoryEntry extends RememberedEntry {
  /** The CRM customer id; the store keeps only `customerHash(shop, customerId)`. */
  customerId: string;
}

export interface MemoryQuery {
  customerId: string;
  /** With a text: the entries nearest in meaning first; without: the newest first. */
  text?: string;
  kinds?: MemoryKind[];
  lang?: 'fr' | 'en';
  limit?: number;
}

export interface RecalledEntry extends RememberedEntry {
  /** Similarity to the query text; null when recalled without one. */
  score: number | null;
}

export interface MemoryStore {
  /** Upserts by entry id: remembering the same closed email twice changes nothing. */
  remember(entries: MemoryEntry[]): Promise<void>;
  recall(query: MemoryQuery): Promise<RecalledEntry[]>;
  /** Deletes everything remembered of one customer (erasure). */
  forget(customerId: string): Promise<void>;
}

export const DEFAULT_RECALL_LIMIT = 50;

/** The customer key in the store's payload: SHA-256 of (shop, customer id), 32 hex characters. */
export function customerHash(shopId: string, customerId: string): string {
  return createHash('sha256').update(`replique-memory\u0000${shopId}\u0000${customerId}`).digest('hex').slice(0, 32);
}

/** Newest first, then by id: the order of a recall without text. */
export function newestFirst<T extends { at: string; id: string }>(a: T, b: T): number {
  return b.at.localeCompare(a.at) || a.id.localeCompare(b.id);
}
