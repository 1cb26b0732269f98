/**
 * Customer memory in Qdrant: one collection `<prefix>_memory` per deployment, one point per remembered entry.
 * Payload (README "Customer memory"): `shop`, `customer_hash` (never a raw id, name or address), `kind`, `lang`,
 * `code`, `email_key`, `at`, `text` (PII-masked), `entry_id`, `embedder`; keyword payload indexes on `shop`,
 * `customer_hash`, `kind` and `lang`, and every read and delete is filtered server-side by shop and customer.
 * Point ids are UUIDs derived from (shop, entry id), so remembering an email twice overwrites.
 */
import type { Embedder } from '../reply/context-store';
import { pointId, qdrantClient, type QdrantClient } from '../reply/qdrant-context-store';
import type { MemoryKind } from '../domain/types';
import { customerHash, DEFAULT_RECALL_LIMIT, newestFirst, type MemoryEntry, type MemoryQuery, type MemoryStore, type RecalledEntry } from './memory-store';

export interface QdrantMemoryStoreConfig {
  url: string;
  apiKey?: string;
  shopId: string;
  /** The collection is `<prefix>_memory`. */
  collectionPrefix?: string;
  timeoutMs?: number;
}

export interface MemoryPayload {
  entry_id: string;
  shop: string;
  customer_hash: string;
  kind: MemoryKind;
  lang: 'fr' | 'en';
  code: string | null;
  email_key: string;
  at: string;
  text: string;
  embedder: string;
}

export const MEMORY_INDEXED_FIELDS = ['shop', 'customer_hash', 'kind', 'lang'] as const;

/** Qdrant caps one scroll page; a customer's memory is a few dozen entries. */
const SCROLL_LIMIT = 1_000;

export class QdrantMemoryStore implements MemoryStore {
  readonly collection: string;
  private readonly client: Promise<QdrantClient>;
  private ready: Promise<void> | null = null;

  constructor(private readonly config: QdrantMemoryStoreConfig, private readonly embedder: Embedder, client?: QdrantClient) {
    this.collection = `${config.collectionPrefix ?? 'replique'}_memory`;
    this.client = client ? Promise.resolve(client) : qdrantClient(config);
  }

  /** Creates the collection and its payload indexes when missing. Idempotent; called lazily. */
  ensureCollection(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.client;
      const { exists } = await client.collectionExists(this.collection);
      if (!exists) await client.createCollection(this.collection, { vectors: { size: this.embedder.dimensions, distance: 'Cosine' } });
      for (const field of MEMORY_INDEXED_FIELDS) {
        await client.createPayloadIndex(this.collection, { field_name: field, field_schema: 'keyword', wait: true });
      }
    })().catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }

  async remember(entries: MemoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.ensureCollection();
    const vectors = await this.embedder.embed(entries.map((e) => e.text));
    const points = entries.map((e, i) => ({
      id: pointId(this.config.shopId, `memory:${e.id}`),
      vector: vectors[i]!,
      payload: {
        entry_id: e.id, shop: this.config.shopId, customer_hash: customerHash(this.config.shopId, e.customerId), kind: e.kind,
        lang: e.lang, code: e.code, email_key: e.emailKey, at: e.at, text: e.text, embedder: this.embedder.id,
      } satisfies MemoryPayload,
    }));
    await (await this.client).upsert(this.collection, { wait: true, points });
  }

  async recall(query: MemoryQuery): Promise<RecalledEntry[]> {
    await this.ensureCollection();
    const client = await this.client;
    const filter = this.filter(query.customerId, query.kinds, query.lang);
    const limit = query.limit ?? DEFAULT_RECALL_LIMIT;
    if (query.text?.trim()) {
      const [vector] = await this.embedder.embed([query.text]);
      const res = await client.query(this.collection, { query: vector!, limit, filter, with_payload: true });
      return res.points.map((p) => entryOf(p.payload as unknown as MemoryPayload, p.score));
    }
    const res = await client.scroll(this.collection, { filter, limit: SCROLL_LIMIT, with_payload: true, with_vector: false });
    return res.points.map((p) => entryOf(p.payload as unknown as MemoryPayload, null)).sort(newestFirst).slice(0, limit);
  }

  async forget(customerId: string): Promise<void> {
    await this.ensureCollection();
    await (await this.client).delete(this.collection, { wait: true, filter: this.filter(customerId) });
  }

  /** Server-side filter: this shop, this customer's hash, and the kinds and language asked for. */
  filter(customerId: string, kinds?: MemoryKind[], lang?: 'fr' | 'en'): { must: Record<string, unknown>[] } {
    return {
      must: [
        { key: 'shop', match: { value: this.config.shopId } },
        { key: 'customer_hash', match: { value: customerHash(this.config.shopId, customerId) } },
        ...(kinds?.length ? [{ key: 'kind', match: { any: kinds } }] : []),
        ...(lang ? [{ key: 'lang', match: { value: lang } }] : []),
      ],
    };
  }
}

function entryOf(p: MemoryPayload, score: number | null): RecalledEntry {
  return { id: p.entry_id, kind: p.kind, lang: p.lang, text: p.text, code: p.code, emailKey: p.email_key, at: p.at, score };
}
