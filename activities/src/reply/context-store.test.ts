import type { ContextDoc, ContextQuery, ContextStore } from './context-store';
import { customerHistory } from './customer-history';
import { EmbeddedContextStore } from './embedded-context-store';
import { HashingEmbedder } from './hashing-embedder';
import { policyDocs } from './knowledge-docs';
import { retrieveContext } from './retrieve-context';
import { ShopKnowledge } from './shop-knowledge';
import { fixtureShop, makeCase, readShopFile, replyDeps, type ShopFile } from './test-support/fixture-shop';

const shop = fixtureShop();

function seeded(): ShopKnowledge {
  return new ShopKnowledge(new EmbeddedContextStore(), shop);
}

/** A real in-memory store that counts its writes. */
class CountingStore implements ContextStore {
  readonly inner = new EmbeddedContextStore();
  writes = 0;
  replace(docs: ContextDoc[]): Promise<void> { this.writes++; return this.inner.replace(docs); }
  search(query: ContextQuery) { return this.inner.search(query); }
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

  test('replace keeps exactly the given docs: a changed text is searched by its new words, a withdrawn doc is gone', async () => {
    const store = new EmbeddedContextStore();
    const [returns, refunds] = policyDocs(readShopFile().policies);
    await store.replace([returns!, refunds!]);
    await store.replace([{ ...returns!, text: 'texte remplacé' }]);
    expect(store.size).toBe(1);
    expect((await store.search({ text: 'texte remplacé' }))[0]!.text).toBe('texte remplacé');
    expect((await store.search({ text: 'remboursement', limit: 5 })).map((s) => s.id)).toEqual(['policy:returns']);
  });
});

describe('the knowledge base follows the shop', () => {
  test('a changed return window is searched with its new value at the next search; unchanged data writes nothing', async () => {
    let data: ShopFile = readShopFile();
    const live = { policies: async () => data.policies, products: async () => data.products };
    const store = new CountingStore();
    const knowledge = new ShopKnowledge(store, live);
    const returnsText = async () => (await knowledge.search({ text: 'délai de retour', kinds: ['policy'], limit: 1 }))[0]!.text;
    expect(await returnsText()).toContain(`${data.policies.return_window_days} jours`);
    await knowledge.search({ text: 'livraison gratuite' });
    expect(store.writes).toBe(1);

    data = { ...data, policies: { ...data.policies, return_window_days: data.policies.return_window_days + 15 } };
    expect(await returnsText()).toContain(`${data.policies.return_window_days} jours`);
    expect(store.writes).toBe(2);

    const withdrawn = data.products[0]!;
    data = { ...data, products: data.products.slice(1) };
    const found = await knowledge.search({ text: withdrawn.name_fr, kinds: ['product'], limit: 50 });
    expect(found.map((s) => s.id)).not.toContain(`product:${withdrawn.sku}`);
    expect(found.length).toBe(data.products.length);
  });

  test('concurrent searches share one write', async () => {
    const store = new CountingStore();
    const knowledge = new ShopKnowledge(store, shop);
    await Promise.all([1, 2, 3, 4].map(() => knowledge.search({ text: 'retour' })));
    expect(store.writes).toBe(1);
  });
});

describe("the customer's history, read from the shop", () => {
  const data = readShopFile();
  const ownerOfMany = [...new Set(data.orders.map((o) => o.customer_id))].find((id) => data.orders.filter((o) => o.customer_id === id).length >= 3)!;
  const own = data.orders.filter((o) => o.customer_id === ownerOfMany);

  test('the order the email is about first, then the newest; only the customer\'s own orders', async () => {
    const oldest = [...own].sort((a, b) => a.ordered_at.localeCompare(b.ordered_at))[0]!;
    const newest = [...own].sort((a, b) => b.ordered_at.localeCompare(a.ordered_at))[0]!;
    const snippets = await customerHistory(shop, ownerOfMany, oldest.number, 10);
    expect(snippets.map((s) => s.id)).toEqual([`history:order:${oldest.number}`, ...own
      .filter((o) => o.number !== oldest.number)
      .sort((a, b) => b.ordered_at.localeCompare(a.ordered_at))
      .map((o) => `history:order:${o.number}`)]);
    expect((await customerHistory(shop, ownerOfMany, null, 1)).map((s) => s.id)).toEqual([`history:order:${newest.number}`]);
  });

  test("an order's new status is in the next email's context", async () => {
    const order = own[0]!;
    const before = await customerHistory(shop, ownerOfMany, order.number, 1);
    expect(before[0]!.text).toContain(`statut ${order.status}`);
    const moved = { ...data, orders: data.orders.map((o) => (o.number === order.number ? { ...o, status: 'returned' } : o)) };
    expect((await customerHistory(fixtureShop(moved), ownerOfMany, order.number, 1))[0]!.text).toContain('statut returned');
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
