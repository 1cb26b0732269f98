/**
 * The shop's order feed (machines, behind SHOP_FEED_TOKEN): orders placed, for the conversion-after-email KPI.
 *
 *   POST /shop/orders   {"orders": [{id, customerId, placedAt, currency, total, items: [{sku, qty, unitPrice}]}]}
 *
 * Validated with zod (400 names what is wrong; nothing of a bad batch is stored), idempotent by order id: a repeated
 * order is counted in `duplicates`, one sent again with other content in `conflicts` (not applied). 200 with
 * {stored, duplicates, conflicts}. `replique orders import FILE` stores the same way.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { storePlacedOrders } from '@replique/activities/adapters/pg/placed-orders';
import { PlacedOrderBatchSchema } from '@replique/activities/orders/placed-order';
import { requireBearer } from './auth/bearer-token';

export function createShopFeedRouter(options: { db: Queryable; token: string }): Router {
  const router = express.Router();
  router.use('/shop', requireBearer(options.token), express.json({ limit: '2mb' }));
  router.post('/shop/orders', async (req, res) => {
    const parsed = PlacedOrderBatchSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: z.prettifyError(parsed.error) });
    res.json(await storePlacedOrders(options.db, parsed.data.orders, 'http'));
  });
  return router;
}
