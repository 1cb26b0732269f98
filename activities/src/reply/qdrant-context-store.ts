/**
 * Context store over Qdrant. Two collections per deployment: the knowledge base (policies, products) and customer
 * history; every point carries the shop it belongs to, and history points the customer, both filtered server-side
 * through payload indexes. Point ids are UUIDs derived from (shop, doc id), so re-seeding overwrites instead of
 * duplicating.
 */
import { createHash } from 'node:crypto';
import type { ContextSnippet } from '../domain/types';
import { DEFAULT_SEARCH_LIMIT, type ContextDoc, type ContextKind, type ContextQuery, type ContextStore, type Embedder } from './context-store';

export interface QdrantContextStoreConfig {
  url: string;
  apiKey?: string;
  /** The shop whose documents this store reads and writes. */
  shopId: string;
  /** Collection name prefix; collections are `<prefix>_kb` and `<prefix>_history`. */
  collectionPrefix?: string;
  timeoutMs?: number;
}

// The client package is ESM-only in its types; this CommonJS package loads it lazily with a dynamic import.
type QdrantModule = typeof import('@qdrant/js-client-rest', { with: { 'resolution-mode': 'import' } });
export type QdrantClient = InstanceType<QdrantModule['QdrantClient']>;

/** A client of the server at `url` (loaded on first use: without QDRANT_URL the package is never loaded). */
export function qdrantClient(config: { url: string; apiKey?: string; timeoutMs?: number }): Promise<QdrantClient> {
  return import('@qdrant/js-client-rest').then(({ QdrantClient }) => new QdrantClient({
    url: config.url,
    apiKey: config.apiKey,
    timeout: config.timeoutMs ?? 10_000,
    checkCompatibility: false,
    // Some proxies mangle compressed responses for the undici fetch the client uses; ask for plain bodies.
    headers: { 'accept-encoding': 'identity' },
  }));
}

interface Payload {
  doc_id: string;
  kind: ContextKind;
  text: string;
  shop: string;
  customer_id: string | null;
  embedder: string;
}

const INDEXED_FIELDS = ['shop', 'customer_id', 'kind'] as const;

/** A stable UUID (v5-shaped) for a document id, as Qdrant point ids must be integers or UUIDs. */
export function pointId(shopId: string, docId: string): string {
  const h = createHash('sha1').update(`${shopId}\u0000${docId}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class QdrantContextStore implements ContextStore {
  readonly kbCollection: string;
  readonly historyCollection: string;
  private client: Promise<QdrantClient>;
  private ready: Promise<void> | null = null;

  constructor(private readonly config: QdrantContextStoreConfig, private readonly embedder: Embedder, client?: QdrantClient) {
    const prefix = config.collectionPrefix ?? 'replique';
    this.kbCollection = `${prefix}_kb`;
    this.historyCollection = `${prefix}_history`;
    this.client = client ? Promise.resolve(client) : qdrantClient(config);
  }

  /** Creates both collections and their payload indexes when missing. Idempotent; called lazily by search and upsert. */
  ensureCollections(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.client;
      for (const name of [this.kbCollection, this.historyCollection]) {
        const { exists } = await client.collectionExists(name);
        if (!exists) {
          await client.createCollection(name, { vectors: { size: this.embedder.dimensions, distance: 'Cosine' } });
        }
        for (const field of INDEXED_FIELDS) {
          await client.createPayloadIndex(name, { field_name: field, field_schema: 'keyword', wait: true });
        }
      }
    })().catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }

  async upsert(docs: ContextDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.ensureCollections();
    const vectors = await this.embedder.embed(docs.map((d) => d.text));
    const points = docs.map((doc, i) => ({
      id: pointId(this.config.shopId, doc.id),
      vector: vectors[i]!,
      payload: {
        doc_id: doc.id,
        kind: doc.kind,
        text: doc.text,
        shop: this.config.shopId,
        customer_id: doc.customerId ?? null,
        embedder: this.embedder.id,
      } satisfies Payload,
    }));
    const kb = points.filter((p) => p.payload.kind !== 'history');
    const history = points.filter((p) => p.payload.kind === 'history');
    const client = await this.client;
    if (kb.length) await client.upsert(this.kbCollection, { wait: true, points: kb });
    if (history.length) await client.upsert(this.historyCollection, { wait: true, points: history });
  }

  async search(query: ContextQuery): Promise<ContextSnippet[]> {
    if (!query.text.trim()) return [];
    await this.ensureCollections();
    const [vector] = await this.embedder.embed([query.text]);
    const limit = query.limit ?? DEFAULT_SEARCH_LIMIT;
    const kinds = query.kinds && query.kinds.length ? query.kinds : (['policy', 'product', 'history'] as ContextKind[]);
    const kbKinds = kinds.filter((k) => k !== 'history');
    const shop = { key: 'shop', match: { value: this.config.shopId } };
    const searches: Promise<ContextSnippet[]>[] = [];
    if (kbKinds.length) {
      searches.push(this.query(this.kbCollection, vector!, limit, { must: [shop, { key: 'kind', match: { any: kbKinds } }] }));
    }
    if (kinds.includes('history') && query.customerId) {
      searches.push(this.query(this.historyCollection, vector!, limit, { must: [shop, { key: 'customer_id', match: { value: query.customerId } }] }));
    }
    const all = (await Promise.all(searches)).flat();
    return all.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }

  private async query(collection: string, vector: number[], limit: number, filter: Record<string, unknown>): Promise<ContextSnippet[]> {
    const client = await this.client;
    const res = await client.query(collection, { query: vector, limit, filter, with_payload: true });
    return res.points.map((p) => {
      const payload = p.payload as unknown as Payload;
      return { id: payload.doc_id, kind: payload.kind, text: payload.text, score: p.score };
    });
  }
}
