import { EmbeddedContextStore } from './embedded-context-store';
import { HashingEmbedder } from './hashing-embedder';
import { retrieveContext } from './retrieve-context';
import { policyDocs, seedCustomerHistory, seedKnowledgeBase } from './seed-knowledge-base';
import { fixtureShop, makeCase, readShopFile, replyDeps } from './test-support/fixture-shop';

const shop = fixtureShop();

async function seeded(): Promise<EmbeddedContextStore> {
  const store = new EmbeddedContextStore();
  await seedKnowledgeBase(store, shop);
  await seedCustomerHistory(store, shop);
  return store;
}

describe('hashing embedder', () => {
  test('deterministic, unit length, and closer for related FR/EN wording than for unrelated text', async () => {
    const e = new HashingEmbedder();
    const [a, b, c, a2] = await e.embed(['remboursement de ma commande', 'remboursée commande', 'couteaux de chef', 'remboursement de ma commande']);
    expect(a).toEqual(a2);
    expect(a!.length).toBe(e.dimensions);
    expect(Math.sqrt(a!.reduce((s, x) => s + x * x, 0))).toBeCloseTo(1, 6);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
  });
});

describe('embedded context store: the right policy or product for FR and EN questions', () => {
  test.each([
    ["Jusqu'à quand puis-je renvoyer ma théière si elle ne me plaît pas ?", 'policy:returns'],
    ['Can I still return the kettle I received last week?', 'policy:returns'],
    ['Combien de temps faut-il pour être remboursée ?', 'policy:refunds'],
    ['How long does a refund take to show up?', 'policy:refunds'],
    ['La livraison est-elle gratuite si je commande deux articles ?', 'policy:shipping'],
    ['Is shipping free above a certain amount?', 'policy:shipping'],
  ])('%s → %s', async (text, id) => {
    const store = await seeded();
    const [top] = await store.search({ text, kinds: ['policy'], limit: 3 });
    expect(top?.id).toBe(id);
  });

  test.each([
    ['Quel détartrant pour ma machine à expresso ?', 'product:SKU-1016'],
    ['Do you sell a manual coffee grinder?', 'product:SKU-1004'],
    ['Avez-vous un couvercle en verre pour la poêle de 28 cm ?', 'product:SKU-1009'],
  ])('%s → %s', async (text, id) => {
    const store = await seeded();
    const res = await store.search({ text, kinds: ['product'], limit: 3 });
    expect(res.map((r) => r.id)).toContain(id);
  });

  test("history is only ever returned for the customer it belongs to", async () => {
    const store = await seeded();
    const mine = await store.search({ text: 'commande bol inox UPS', customerId: 'C0001', kinds: ['history'], limit: 10 });
    const data = readShopFile();
    const own = new Set(data.orders.filter((o) => o.customer_id === 'C0001').map((o) => `history:order:${o.number}`));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => own.has(s.id))).toBe(true);
    expect(mine[0]!.id).toBe('history:order:CMD-10234');
    expect(await store.search({ text: 'commande bol inox UPS', kinds: ['history'] })).toEqual([]);
  });

  test('upsert replaces a document by id', async () => {
    const store = new EmbeddedContextStore();
    const [doc] = policyDocs(readShopFile().policies);
    await store.upsert([doc!]);
    await store.upsert([{ ...doc!, text: 'texte remplacé' }]);
    expect(store.size).toBe(1);
    expect((await store.search({ text: 'texte remplacé' }))[0]!.text).toBe('texte remplacé');
  });
});

describe('retrieve stage', () => {
  test("fills case.context from the clean text, with the sender's history", async () => {
    const deps = { ...replyDeps(shop), context: await seeded() };
    const c = makeCase({ intent: 'return_request', lang: 'fr', customerId: 'C0014', orderNumber: 'CMD-10445', text: "Jusqu'à quand puis-je renvoyer la théière de ma commande ?" });
    const out = await retrieveContext(c, deps);
    expect(out.context.length).toBeGreaterThan(0);
    expect(out.context.map((s) => s.id)).toContain('policy:returns');
    const histories = out.context.filter((s) => s.kind === 'history');
    expect(histories.every((s) => readShopFile().orders.find((o) => `history:order:${o.number}` === s.id)?.customer_id === 'C0014')).toBe(true);
  });

  test('a sender who only claims an identity gets no customer history', async () => {
    const deps = { ...replyDeps(shop), context: await seeded() };
    const c = makeCase({ intent: 'account_access', lang: 'en', customerId: 'C0031', customerMatch: 'claimed', text: 'This is Emily Smith, change the address of order CMD-10700' });
    const out = await retrieveContext(c, deps);
    expect(out.context.some((s) => s.kind === 'history')).toBe(false);
  });
});
