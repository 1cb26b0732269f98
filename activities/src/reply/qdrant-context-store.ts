/**
 * Context store over Qdrant: the knowledge base (policies, products) in one collection per deployment; every point
 * carries the shop it belongs to, filtered server-side through payload indexes. Point ids are UUIDs derived from
 * (shop, doc id), so writing a doc again overwrites it. No customer data is stored here: the `<prefix>_history`
 * collection of earlier versions (a copy of every order) is dropped when found (customer-history.ts reads orders live).
 */
import { createHash } from 'node:crypto';
import type { ContextSnippet } from '../domain/types';
import { DEFAULT_SEARCH_LIMIT, type ContextDoc, type ContextKind, type ContextQuery, type ContextStore, type Embedder } from './context-store';

export interface QdrantContextStoreConfig {
  url: string;
  apiKey?: string;
  /** The shop whose documents this store reads and writes. */
  shopId: string;
  /** Collection name prefix; the collection is `<prefix>_kb`. */
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
  embedder: string;
}

const INDEXED_FIELDS = ['shop', 'kind'] as const;
const SCROLL_PAGE = 256;

/** A stable UUID (v5-shaped) for a document id, as Qdrant point ids must be integers or UUIDs. */
export function pointId(shopId: string, docId: string): string {
  const h = createHash('sha1').update(`${shopId}\u0000${docId}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class QdrantContextStore implements ContextStore {
  readonly kbCollection: string;
  private readonly legacyHistoryCollection: string;
  private client: Promise<QdrantClient>;
  private ready: Promise<void> | null = null;

  constructor(private readonly config: QdrantContextStoreConfig, private readonly embedder: Embedder, client?: QdrantClient) {
    const prefix = config.collectionPrefix ?? 'replique';
    this.kbCollection = `${prefix}_kb`;
    this.legacyHistoryCollection = `${prefix}_history`;
    this.client = client ? Promise.resolve(client) : qdrantClient(config);
  }

  /** Creates the collection and its payload indexes when missing, drops the legacy history copy. Idempotent; lazy. */
  ensureCollections(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.client;
      const { exists } = await client.collectionExists(this.kbCollection);
      if (!exists) {
        await client.createCollection(this.kbCollection, { vectors: { size: this.embedder.dimensions, distance: 'Cosine' } });
      }
      for (const field of INDEXED_FIELDS) {
        await client.createPayloadIndex(this.kbCollection, { field_name: field, field_schema: 'keyword', wait: true });
      }
      if ((await client.collectionExists(this.legacyHistoryCollection)).exists) await client.deleteCollection(this.legacyHistoryCollection);
    })().catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }

  async replace(docs: ContextDoc[]): Promise<void> {
    await this.ensureCollections();
    const stored = await this.storedTexts();
    const changed = docs.filter((doc) => stored.get(pointId(this.config.shopId, doc.id)) !== `${this.embedder.id}\u0000${doc.text}`);
    const client = await this.client;
    if (changed.length) {
      const vectors = await this.embedder.embed(changed.map((d) => d.text));
      const points = changed.map((doc, i) => ({
        id: pointId(this.config.shopId, doc.id),
        vector: vectors[i]!,
        payload: { doc_id: doc.id, kind: doc.kind, text: doc.text, shop: this.config.shopId, embedder: this.embedder.id } satisfies Payload,
      }));
      await client.upsert(this.kbCollection, { wait: true, points });
    }
    const kept = new Set(docs.map((doc) => pointId(this.config.shopId, doc.id)));
    const gone = [...stored.keys()].filter((id) => !kept.has(id));
    if (gone.length) await client.delete(this.kbCollection, { wait: true, points: gone });
  }

  async search(query: ContextQuery): Promise<ContextSnippet[]> {
    if (!query.text.trim()) return [];
    await this.ensureCollections();
    const [vector] = await this.embedder.embed([query.text]);
    const kinds = query.kinds && query.kinds.length ? query.kinds : (['policy', 'product'] as ContextKind[]);
    const filter = { must: [{ key: 'shop', match: { value: this.config.shopId } }, { key: 'kind', match: { any: kinds } }] };
    const client = await this.client;
    const res = await client.query(this.kbCollection, { query: vector!, limit: query.limit ?? DEFAULT_SEARCH_LIMIT, filter, with_payload: true });
    return res.points
      .map((p) => {
        const payload = p.payload as unknown as Payload;
        return { id: payload.doc_id, kind: payload.kind, text: payload.text, score: p.score };
      })
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  /** Point id → embedder id and text, of every doc of this shop. */
  private async storedTexts(): Promise<Map<string, string>> {
    const client = await this.client;
    const found = new Map<string, string>();
    let offset: string | number | undefined;
    do {
      const page = await client.scroll(this.kbCollection, {
        filter: { must: [{ key: 'shop', match: { value: this.config.shopId } }] },
        limit: SCROLL_PAGE, with_payload: true, with_vector: false, ...(offset !== undefined ? { offset } : {}),
      });
      for (const p of page.points) {
        const payload = p.payload as unknown as Payload;
        found.set(String(p.id), `${payload.embedder}\u0000${payload.text}`);
      }
      const next = page.next_page_offset;
      offset = typeof next === 'string' || typeof next === 'number' ? next : undefined;
    } while (offset !== undefined);
    return found;
  }
}
