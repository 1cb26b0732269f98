import { HashingEmbedder } from './hashing-embedder';
import { createReplyAdapters } from './reply-setup';
import { ShopKnowledge } from './shop-knowledge';
import { fixtureShop, makeCase, replyDeps } from './test-support/fixture-shop';

test('default setup: offline embedder, in-memory knowledge base from the shop, template drafts', async () => {
  const shop = fixtureShop();
  const r = await createReplyAdapters({ shopId: 'maison-lumen' }, shop);
  expect(r.embedder).toBeInstanceOf(HashingEmbedder);
  expect(r.context).toBeInstanceOf(ShopKnowledge);
  expect((await r.context.search({ text: 'délai de retour', kinds: ['policy'], limit: 1 }))[0]?.id).toBe('policy:returns');
  const c = await r.draftReply(makeCase({ intent: 'thanks', lang: 'en', customerId: 'C0030' }), { ...replyDeps(shop), context: r.context });
  expect(c.draft?.generator).toBe('template');
});
