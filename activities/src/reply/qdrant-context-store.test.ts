/**
 * The Qdrant adapter against a real server. Runs only when QDRANT_URL is set (e.g. QDRANT_URL=http://localhost:6333
 * with the local stack up); there is no Qdrant server on a bare machine, so the server test is skipped there.
 */
import { randomUUID } from 'node:crypto';
import { HashingEmbedder } from './hashing-embedder';
import { knowledgeDocs } from './knowledge-docs';
import { pointId, QdrantContextStore } from './qdrant-context-store';
import { ShopKnowledge } from './shop-knowledge';
import { fixtureShop, readShopFile } from './test-support/fixture-shop';

test('point ids are stable UUIDs per (shop, doc id)', () => {
  const a = pointId('maison-lumen', 'policy:returns');
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(pointId('maison-lumen', 'policy:returns')).toBe(a);
  expect(pointId('other-shop', 'policy:returns')).not.toBe(a);
});

type Point = { id: string; payload: Record<string, unknown> };

/** A client that records the calls and keeps points as a server would (enough for replace's bookkeeping). */
function recordingClient(existing: string[] = []) {
  const calls: { op: string; name: string; args: Record<string, unknown> }[] = [];
  const collections = new Set(existing);
  const points = new Map<string, Point>();
  const client = {
    collectionExists: async (name: string) => ({ exists: collections.has(name) }),
    createCollection: async (name: string, args: Record<string, unknown>) => { collections.add(name); calls.push({ op: 'createCollection', name, args }); return true; },
    deleteCollection: async (name: string) => { collections.delete(name); calls.push({ op: 'deleteCollection', name, args: {} }); return true; },
    createPayloadIndex: async (name: string, args: Record<string, unknown>) => { calls.push({ op: 'createPayloadIndex', name, args }); return {}; },
    upsert: async (name: string, args: { points: Point[] }) => {
      calls.push({ op: 'upsert', name, args });
      for (const p of args.points) points.set(p.id, p);
      return {};
    },
    delete: async (name: string, args: { points: string[] }) => {
      calls.push({ op: 'delete', name, args });
      for (const id of args.points) points.delete(id);
      return {};
    },
    scroll: async (name: string, args: Record<string, unknown>) => {
      calls.push({ op: 'scroll', name, args });
      return { points: [...points.values()], next_page_offset: null };
    },
    query: async (name: string, args: Record<string, unknown>) => {
      calls.push({ op: 'query', name, args });
      return { points: [...points.values()].slice(0, 1).map((p) => ({ id: p.id, score: 0.5, payload: p.payload })) };
    },
  };
  return { client, calls, points };
}

test('without a server: one collection, keyword payload indexes, shop filter; the legacy history copy is dropped', async () => {
  const { client, calls } = recordingClient(['t_history']);
  const store = new QdrantContextStore({ url: 'http://unused', shopId: 'maison-lumen', collectionPrefix: 't' }, new HashingEmbedder(), client as never);
  await store.replace([{ id: 'policy:returns', kind: 'policy', text: 'Retours sous 30 jours' }]);
  expect(calls.filter((c) => c.op === 'createCollection').map((c) => [c.name, c.args])).toEqual([
    ['t_kb', { vectors: { size: 1024, distance: 'Cosine' } }],
  ]);
  expect(calls.filter((c) => c.op === 'createPayloadIndex').map((c) => c.args.field_name)).toEqual(['shop', 'kind']);
  expect(calls.filter((c) => c.op === 'deleteCollection').map((c) => c.name)).toEqual(['t_history']);

  const res = await store.search({ text: 'retour' });
  expect(calls.filter((c) => c.op === 'query').map((q) => [q.name, q.args.filter])).toEqual([
    ['t_kb', { must: [{ key: 'shop', match: { value: 'maison-lumen' } }, { key: 'kind', match: { any: ['policy', 'product'] } }] }],
  ]);
  expect(res.map((r) => r.id)).toEqual(['policy:returns']);
});

test('without a server: replace writes only changed docs and deletes withdrawn ones', async () => {
  const { client, calls, points } = recordingClient();
  const store = new QdrantContextStore({ url: 'http://unused', shopId: 'maison-lumen', collectionPrefix: 't' }, new HashingEmbedder(), client as never);
  const a = { id: 'policy:returns', kind: 'policy' as const, text: 'Retours sous 30 jours' };
  const b = { id: 'product:SKU-1', kind: 'product' as const, text: 'Bouilloire' };
  await store.replace([a, b]);
  calls.length = 0;
  await store.replace([a, b]);
  expect(calls.filter((c) => c.op === 'upsert' || c.op === 'delete')).toEqual([]);
  await store.replace([{ ...a, text: 'Retours sous 45 jours' }]);
  const writes = calls.filter((c) => c.op === 'upsert' || c.op === 'delete');
  expect(writes.map((c) => c.op)).toEqual(['upsert', 'delete']);
  expect((writes[0]!.args.points as Point[]).map((p) => p.payload.doc_id)).toEqual(['policy:returns']);
  expect(writes[1]!.args.points).toEqual([pointId('maison-lumen', 'product:SKU-1')]);
  expect([...points.values()].map((p) => p.payload.text)).toEqual(['Retours sous 45 jours']);
});

const url = process.env.QDRANT_URL;
const withServer = url ? test : test.skip;
const SKIP_REASON = url ? '' : ' — SKIPPED: QDRANT_URL is not set (no Qdrant server on this machine; e.g. QDRANT_URL=http://localhost:6333)';

withServer(`Qdrant store: kept in step with the shop, finds the right policy in FR and EN, one shop's docs only${SKIP_REASON}`, async () => {
  const prefix = `replique_test_${randomUUID().slice(0, 8)}`;
  const data = readShopFile();
  const embedder = new HashingEmbedder();
  const store = new QdrantContextStore({ url: url!, apiKey: process.env.QDRANT_API_KEY, shopId: 'maison-lumen', collectionPrefix: prefix }, embedder);
  const otherShop = new QdrantContextStore({ url: url!, apiKey: process.env.QDRANT_API_KEY, shopId: 'another-shop', collectionPrefix: prefix }, embedder);
  try {
    const knowledge = new ShopKnowledge(store, fixtureShop(data));
    await knowledge.refresh();
    await store.replace(knowledgeDocs(data.policies, data.products)); // idempotent: same ids, no duplicates

    expect((await knowledge.search({ text: "Jusqu'à quand puis-je renvoyer ma théière ?", kinds: ['policy'], limit: 1 }))[0]?.id).toBe('policy:returns');
    expect((await knowledge.search({ text: 'How long does a refund take to show up?', kinds: ['policy'], limit: 1 }))[0]?.id).toBe('policy:refunds');
    const all = await store.search({ text: 'commande', limit: 1000 });
    expect(all.length).toBe(knowledgeDocs(data.policies, data.products).length);

    await store.replace(knowledgeDocs(data.policies, data.products.slice(1)));
    expect((await store.search({ text: 'commande', limit: 1000 })).map((s) => s.id)).not.toContain(`product:${data.products[0]!.sku}`);
    expect(await otherShop.search({ text: 'retour', kinds: ['policy'] })).toEqual([]);
  } finally {
    const client = await (store as unknown as { client: Promise<{ deleteCollection(n: string): Promise<unknown> }> }).client;
    await client.deleteCollection(store.kbCollection).catch(() => undefined);
  }
}, 60_000);
