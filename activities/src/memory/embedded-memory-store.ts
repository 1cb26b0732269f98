/** Customer memory in the process: the same contract as the Qdrant store, for tests, the CLI and a single worker. */
import { cosine, type Embedder } from '../reply/context-store';
import { HashingEmbedder } from '../reply/hashing-embedder';
import { customerHash, DEFAULT_RECALL_LIMIT, newestFirst, type MemoryEntry, type MemoryQuery, type MemoryStore, type RecalledEntry } from './memory-store';

export interface Stored {
  shop: string;
  customer: string;
  entry: Omit<MemoryEntry, 'customerId'>;
  vector: number[];
}

export class EmbeddedMemoryStore implements MemoryStore {
  /**
   * @param points where the entries live, keyed like the Qdrant store's points by (shop, entry id); stores of several
   *   shops may share one map, as they share one Qdrant collection.
   */
  constructor(
    private readonly shopId: string,
    private readonly embedder: Embedder = new HashingEmbedder(),
    private readonly points: Map<string, Stored> = new Map(),
  ) {}

  async remember(entries: MemoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const vectors = await this.embedder.embed(entries.map((e) => e.text));
    entries.forEach(({ customerId, ...entry }, i) => {
      this.points.set(`${this.shopId}\u0000${entry.id}`, { shop: this.shopId, customer: customerHash(this.shopId, customerId), entry, vector: vectors[i]! });
    });
  }

  async recall(query: MemoryQuery): Promise<RecalledEntry[]> {
    const customer = customerHash(this.shopId, query.customerId);
    const kinds = query.kinds?.length ? new Set(query.kinds) : null;
    const matches = [...this.points.values()].filter((p) => p.shop === this.shopId && p.customer === customer
      && (!kinds || kinds.has(p.entry.kind)) && (!query.lang || p.entry.lang === query.lang));
    const limit = query.limit ?? DEFAULT_RECALL_LIMIT;
    if (!query.text?.trim()) return matches.map((p) => ({ ...p.entry, score: null })).sort(newestFirst).slice(0, limit);
    const [q] = await this.embedder.embed([query.text]);
    return matches
      .map((p) => ({ ...p.entry, score: cosine(q!, p.vector) }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, limit);
  }

  async forget(customerId: string): Promise<void> {
    const customer = customerHash(this.shopId, customerId);
    for (const [key, p] of this.points) if (p.shop === this.shopId && p.customer === customer) this.points.delete(key);
  }
}
