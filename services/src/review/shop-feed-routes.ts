/**
 * DEPRECATED alias of the shop's order feed (machines, behind SHOP_FEED_TOKEN). The one documented way to feed orders
 * is the CRM sync, `PUT /shop/crm/orders` (shop-sync-routes.ts): it keeps each order's state AND records it as placed
 * for the conversion-after-email KPI, so a shop sends each order once. This route is kept for feeds written against
 * it; it records orders placed only (not their state), through the same store, and says so in its answer headers
 * (`Deprecation`, `Link: </shop/crm/orders>; rel="successor-version"`).
 *
 *   POST /shop/orders   {"orders": [{id, customerId, placedAt, currency, total, items: [{sku, qty, unitPrice}]}]}
 *
 * Validated with zod (400 names what is wrong; nothing of a bad batch is stored), idempotent by order id: a repeated
 * order is counted in `duplicates`, one sent again with other content in `conflicts` (not applied). 200 with
 * {stored, duplicates, conflicts}.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { storePlacedOrders } from '@replique/activities/adapters/pg/placed-orders';
import { PlacedOrderBatchSchema } from '@replique/activities/orders/placed-order';
import { createLogger } from '@replique/activities/logger';
import { requireBearer } from './auth/bearer-token';

const log = createLogger('review.shop-feed');

export function createShopFeedRouter(options: { db: Queryable; token: string }): Router {
  const router = express.Router();
  let warned = false;
  router.use('/shop/orders', requireBearer(options.token), express.json({ limit: '2mb' }));
  router.post('/shop/orders', async (req, res) => {
    res.set({ Deprecation: 'true', Link: '</shop/crm/orders>; rel="successor-version"' });
    if (!warned) {
      warned = true;
      log.warn('POST /shop/orders is deprecated: feed orders with PUT /shop/crm/orders (docs/deploy.md)');
    }
    const parsed = PlacedOrderBatchSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: z.prettifyError(parsed.error) });
    res.json(await storePlacedOrders(options.db, parsed.data.orders, 'http'));
  });
  return router;
}
