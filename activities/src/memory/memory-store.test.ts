/**
 * The memory store contract (test-support/memory-store-contract.ts) against: the embedded store; the Qdrant adapter
 * over an in-process stand-in that applies Qdrant's filter semantics (so the adapter's filters, ids and payload are
 * exercised without a server); and a real Qdrant server when QDRANT_URL is set (none can be installed here).
 */
import { randomUUID } from 'node:crypto';
import { cosine } from '../reply/context-store';
import { HashingEmbedder } from '../reply/hashing-embedder';
import { EmbeddedMemoryStore, type Stored } from './embedded-memory-store';
import { customerHash } from './memory-store';
import { MEMORY_INDEXED_FIELDS, QdrantMemoryStore, type MemoryPayload } from './qdrant-memory-store';
import { memoryStoreContract } from './test-support/memory-store-contract';

const embedder = new HashingEmbedder();

memoryStoreContract('embedded', async () => {
  const shared = new Map<string, Stored>();
  return { make: (shopId) => new EmbeddedMemoryStore(shopId, embedder, shared) };
});

type Condition = { key: string; match: { value?: unknown; any?: unknown[] } };
interface Point { id: string; vector: number[]; payload: Record<string, unknown> }

/** What the adapter asks of Qdrant, answered with Qdrant's semantics for `must` + `match` filters; calls recorded. */
function qdrantStandIn() {
  const calls: { op: string; name: string; args: Record<string, unknown> }[] = [];
  const collections = new Map<string, Map<string, Point>>();
  const matches = (p: Point, filter?: { must?: Condition[] }) => (filter?.must ?? []).every((c) => {
    const v = p.payload[c.key];
    return c.match.any ? c.match.any.includes(v) : v === c.match.value;
  });
  const points = (name: string) => {
    const c = collections.get(name);
    if (!c) throw new Error(`Not found: Collection \`${name}\` doesn't exist!`);
    return c;
  };
  const client = {
    collectionExists: async (name: string) => ({ exists: collections.has(name) }),
    createCollection: async (name: string, args: Record<string, unknown>) => {
      calls.push({ op: 'createCollection', name, args }); collections.set(name, new Map()); return true;
    },
    createPayloadIndex: async (name: string, args: Record<string, unknown>) => { calls.push({ op: 'createPayloadIndex', name, args }); return {}; },
    upsert: async (name: string, args: { points: Point[] }) => {
      calls.push({ op: 'upsert', name, args });
      for (const p of args.points) points(name).set(p.id, p);
      return {};
    },
    query: async (name: string, args: { query: number[]; limit: number; filter: { must: Condition[] } }) => {
      calls.push({ op: 'query', name, args });
      const found = [...points(name).values()].filter((p) => matches(p, args.filter))
        .map((p) => ({ id: p.id, score: cosine(args.query, p.vector), payload: p.payload }))
        .sort((a, b) => b.score - a.score).slice(0, args.limit);
      return { points: found };
    },
    scroll: async (name: string, args: { filter: { must: Condition[] }; limit: number }) => {
      calls.push({ op: 'scroll', name, args });
      return { points: [...points(name).values()].filter((p) => matches(p, args.filter)).slice(0, args.limit).map((p) => ({ id: p.id, payload: p.payload })), next_page_offset: null };
    },
    delete: async (name: string, args: { filter: { must: Condition[] } }) => {
      calls.push({ op: 'delete', name, args });
      for (const [id, p] of points(name)) if (matches(p, args.filter)) points(name).delete(id);
      return {};
    },
  };
  return { client, calls, collections };
}

const standIn = qdrantStandIn();
memoryStoreContract('Qdrant adapter over a stand-in of the server', async () => ({
  make: (shopId) => new QdrantMemoryStore({ url: 'http://unused', shopId, collectionPrefix: 'contract' }, embedder, standIn.client as never),
}));

test('Qdrant schema: one memory collection, keyword indexes on shop, customer hash, kind, language; no raw customer id in a payload', async () => {
  const { client, calls, collections } = qdrantStandIn();
  const store = new QdrantMemoryStore({ url: 'http://unused', shopId: 'maison-lumen', collectionPrefix: 't' }, embedder, client as never);
  await store.remember([{
    id: 'e1:preference:no_phone', customerId: 'C0001', kind: 'preference', lang: 'fr', code: 'no_phone', emailKey: 'email-e1',
    at: '2026-12-01T09:00:00.000Z', text: 'ne m\'appelez pas',
  }]);
  expect(calls.filter((c) => c.op === 'createCollection').map((c) => [c.name, c.args])).toEqual([['t_memory', { vectors: { size: 1024, distance: 'Cosine' } }]]);
  expect(calls.filter((c) => c.op === 'createPayloadIndex').map((c) => [c.args.field_name, c.args.field_schema])).toEqual(
    MEMORY_INDEXED_FIELDS.map((f) => [f, 'keyword']));
  expect([...MEMORY_INDEXED_FIELDS]).toEqual(['shop', 'customer_hash', 'kind', 'lang']);
  const [point] = [...collections.get('t_memory')!.values()];
  const payload = point!.payload as unknown as MemoryPayload;
  expect(payload.customer_hash).toBe(customerHash('maison-lumen', 'C0001'));
  expect(payload.customer_hash).toMatch(/^[0-9a-f]{32}$/);
  expect(JSON.stringify(payload)).not.toContain('C0001');
  expect(point!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5/);

  calls.length = 0;
  await store.recall({ customerId: 'C0001', kinds: ['preference'], lang: 'fr', text: 'téléphone' });
  await store.forget('C0001');
  expect(calls.map((c) => [c.op, (c.args as { filter: unknown }).filter])).toEqual([
    ['query', { must: [
      { key: 'shop', match: { value: 'maison-lumen' } },
      { key: 'customer_hash', match: { value: customerHash('maison-lumen', 'C0001') } },
      { key: 'kind', match: { any: ['preference'] } },
      { key: 'lang', match: { value: 'fr' } },
    ] }],
    ['delete', { must: [{ key: 'shop', match: { value: 'maison-lumen' } }, { key: 'customer_hash', match: { value: customerHash('maison-lumen', 'C0001') } }] }],
  ]);
});

const url = process.env.QDRANT_URL;
const SKIP = url ? '' : ' — SKIPPED: QDRANT_URL is not set (no Qdrant server on this machine)';
if (url) {
  const prefix = `replique_memory_test_${randomUUID().slice(0, 8)}`;
  memoryStoreContract(`real Qdrant server at ${url}`, async () => {
    const stores: QdrantMemoryStore[] = [];
    return {
      make: (shopId) => {
        const s = new QdrantMemoryStore({ url, apiKey: process.env.QDRANT_API_KEY, shopId, collectionPrefix: prefix }, embedder);
        stores.push(s);
        return s;
      },
      async cleanup() {
        const client = await (stores[0] as unknown as { client: Promise<{ deleteCollection(n: string): Promise<unknown> }> }).client;
        await client.deleteCollection(`${prefix}_memory`).catch(() => undefined);
      },
    };
  }, 60_000);
} else {
  test.skip(`memory store contract: real Qdrant server${SKIP}`, () => undefined);
}
