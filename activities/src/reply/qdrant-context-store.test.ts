/**
 * The Qdrant adapter against a real server. Runs only when QDRANT_URL is set (e.g. QDRANT_URL=http://localhost:6333
 * with the local stack up); there is no Qdrant server on a bare machine, so the server test is skipped there.
 */
import { randomUUID } from 'node:crypto';
import { HashingEmbedder } from './hashing-embedder';
import { pointId, QdrantContextStore } from './qdrant-context-store';
import { seedCustomerHistory, seedKnowledgeBase } from './seed-knowledge-base';
import { fixtureShop, readShopFile } from './test-support/fixture-shop';

test('point ids are stable UUIDs per (shop, doc id)', () => {
  const a = pointId('maison-lumen', 'policy:returns');
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(pointId('maison-lumen', 'policy:returns')).toBe(a);
  expect(pointId('other-shop', 'policy:returns')).not.toBe(a);
});

test('without a server: collections, keyword payload indexes, shop and customer filters (recording client)', async () => {
  const calls: { op: string; name: string; args: Record<string, unknown> }[] = [];
  const points = new Map<string, { payload: Record<string, unknown> }[]>();
  const fake = {
    collectionExists: async (name: string) => ({ exists: calls.some((c) => c.op === 'createCollection' && c.name === name) }),
    createCollection: async (name: string, args: Record<string, unknown>) => { calls.push({ op: 'createCollection', name, args }); return true; },
    createPayloadIndex: async (name: string, args: Record<string, unknown>) => { calls.push({ op: 'createPayloadIndex', name, args }); return {}; },
    upsert: async (name: string, args: { points: { payload: Record<string, unknown> }[] }) => {
      calls.push({ op: 'upsert', name, args });
      points.set(name, [...(points.get(name) ?? []), ...args.points]);
      return {};
    },
    query: async (name: string, args: Record<string, unknown>) => {
      calls.push({ op: 'query', name, args });
      return { points: (points.get(name) ?? []).slice(0, 1).map((p) => ({ id: 'x', score: 0.5, payload: p.payload })) };
    },
  };
  const store = new QdrantContextStore({ url: 'http://unused', shopId: 'maison-lumen', collectionPrefix: 't' }, new HashingEmbedder(), fake as never);
  await store.upsert([
    { id: 'policy:returns', kind: 'policy', text: 'Retours sous 30 jours' },
    { id: 'history:order:CMD-1', kind: 'history', text: 'Commande CMD-1', customerId: 'C0001' },
  ]);
  expect(calls.filter((c) => c.op === 'createCollection').map((c) => [c.name, c.args])).toEqual([
    ['t_kb', { vectors: { size: 1024, distance: 'Cosine' } }],
    ['t_history', { vectors: { size: 1024, distance: 'Cosine' } }],
  ]);
  expect(calls.filter((c) => c.op === 'createPayloadIndex' && c.name === 't_history').map((c) => c.args.field_name)).toEqual(['shop', 'customer_id', 'kind']);
  expect(calls.filter((c) => c.op === 'upsert').map((c) => c.name)).toEqual(['t_kb', 't_history']);

  const res = await store.search({ text: 'retour', customerId: 'C0001' });
  const queries = calls.filter((c) => c.op === 'query');
  expect(queries.map((q) => [q.name, q.args.filter])).toEqual([
    ['t_kb', { must: [{ key: 'shop', match: { value: 'maison-lumen' } }, { key: 'kind', match: { any: ['policy', 'product'] } }] }],
    ['t_history', { must: [{ key: 'shop', match: { value: 'maison-lumen' } }, { key: 'customer_id', match: { value: 'C0001' } }] }],
  ]);
  expect(res.map((r) => r.id).sort()).toEqual(['history:order:CMD-1', 'policy:returns']);
  calls.length = 0;
  await store.search({ text: 'retour' });
  expect(calls.filter((c) => c.op === 'query').map((c) => c.name)).toEqual(['t_kb']); // no customer → no history query
});

const url = process.env.QDRANT_URL;
const withServer = url ? test : test.skip;
const SKIP_REASON = url ? '' : ' — SKIPPED: QDRANT_URL is not set (no Qdrant server on this machine; e.g. QDRANT_URL=http://localhost:6333)';

withServer(`Qdrant store: seeds, finds the right policy in FR and EN, filters history by customer and shop${SKIP_REASON}`, async () => {
  const prefix = `replique_test_${randomUUID().slice(0, 8)}`;
  const shop = fixtureShop();
  const embedder = new HashingEmbedder();
  const store = new QdrantContextStore({ url: url!, apiKey: process.env.QDRANT_API_KEY, shopId: 'maison-lumen', collectionPrefix: prefix }, embedder);
  const otherShop = new QdrantContextStore({ url: url!, apiKey: process.env.QDRANT_API_KEY, shopId: 'another-shop', collectionPrefix: prefix }, embedder);
  try {
    await seedKnowledgeBase(store, shop);
    await seedCustomerHistory(store, shop);
    await seedKnowledgeBase(store, shop); // idempotent: same ids, no duplicates

    expect((await store.search({ text: "Jusqu'à quand puis-je renvoyer ma théière ?", kinds: ['policy'], limit: 1 }))[0]?.id).toBe('policy:returns');
    expect((await store.search({ text: 'How long does a refund take to show up?', kinds: ['policy'], limit: 1 }))[0]?.id).toBe('policy:refunds');

    const own = new Set(readShopFile().orders.filter((o) => o.customer_id === 'C0001').map((o) => `history:order:${o.number}`));
    const history = await store.search({ text: 'commande bol inox UPS', customerId: 'C0001', kinds: ['history'], limit: 10 });
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((s) => own.has(s.id))).toBe(true);
    expect(await store.search({ text: 'commande bol inox UPS', kinds: ['history'] })).toEqual([]);
    expect(await otherShop.search({ text: 'retour', kinds: ['policy'] })).toEqual([]);
  } finally {
    const client = await (store as unknown as { client: Promise<{ deleteCollection(n: string): Promise<unknown> }> }).client;
    await client.deleteCollection(store.kbCollection).catch(() => undefined);
    await client.deleteCollection(store.historyCollection).catch(() => undefined);
  }
}, 60_000);
