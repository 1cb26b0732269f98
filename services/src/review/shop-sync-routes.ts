/**
 * The shop's CRM sync (machines, behind SHOP_FEED_TOKEN): the shop system pushes what changed, one kind at a time,
 * so a deployment needs no hand work to load the data the worker decides with.
 *
 *   PUT /shop/crm/customers  {"customers": [{id, first_name, last_name, email, language, vip, ai_opt_out, …}]}
 *   PUT /shop/crm/orders     {"orders": [{number, customer_id, ordered_at, status, items, total, currency, …}]}
 *   PUT /shop/crm/products   {"products": [{sku, name_fr, name_en, price, complementary}]}
 *   PUT /shop/crm/policies   {"policies": {shop_name, support_address, return_window_days, …}, "today": null}
 *
 * Each record in the format of the shop JSON (`replique shop import`, shared/fixtures/shop.json), validated with zod
 * (400 names what is wrong; nothing of a bad batch is stored), upserted by key in one transaction
 * (activities/src/adapters/pg/shop-sync.ts); records the batch does not name are left alone. 200 with
 * {kind, upserted}. The worker sees a change within SHOP_REFERENCE_TTL_MS (policies, catalogue) or at once (customers,
 * orders). Orders are the one way to feed orders: each is also recorded as placed for the conversion KPI (once by
 * number; an optional `placed_at` instant, else the start of `ordered_at`), the answer adds
 * `placed: {stored, duplicates, conflicts, skipped}`. `POST /shop/orders` (shop-feed-routes.ts) is a deprecated alias.
 */
import express, { type Router } from 'express';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import { SHOP_SYNC_KINDS, ShopSyncInvalidError, syncShopData, type ShopSyncKind } from '@replique/activities/adapters/pg/shop-sync';
import { createLogger } from '@replique/activities/logger';
import { requireBearer } from './auth/bearer-token';

const log = createLogger('review.shop-sync');

export function createShopSyncRouter(options: { db: Pool; token: string }): Router {
  const router = express.Router();
  router.use('/shop/crm', requireBearer(options.token), express.json({ limit: '20mb' }));
  router.put('/shop/crm/:kind', async (req, res, next) => {
    const kind = req.params.kind as ShopSyncKind;
    if (!SHOP_SYNC_KINDS.includes(kind)) return void res.status(404).json({ error: `no such data: ${kind} (${SHOP_SYNC_KINDS.join(', ')})` });
    try {
      const result = await syncShopData(options.db, kind, req.body);
      log.info(result, 'shop data synced');
      res.json(result);
    } catch (error) {
      if (error instanceof ShopSyncInvalidError) return void res.status(400).json({ error: error.message });
      next(error);
    }
  });
  return router;
}
