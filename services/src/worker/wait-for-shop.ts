/**
 * A worker started before the shop's data is in Postgres waits for it instead of stopping: it polls until the
 * policies are there (`replique shop import`, or PUT /shop/crm/policies on the review service), saying once what
 * it waits for, then starts. No email is decided without the shop (the starter's workflows wait in Temporal).
 */
import { ShopNotSeededError, type PgShopData } from '@replique/activities/adapters/pg/pg-shop-data';
import type { Logger } from 'pino';

export async function waitForShopData(
  shop: Pick<PgShopData, 'policies'>, options: { pollMs: number; log: Pick<Logger, 'warn' | 'info'> },
): Promise<void> {
  let waited = false;
  for (;;) {
    try {
      await shop.policies();
      if (waited) options.log.info('the shop data is there: starting');
      return;
    } catch (error) {
      if (!(error instanceof ShopNotSeededError)) throw error;
    }
    if (!waited) {
      options.log.warn('no shop data in the database yet: waiting for `replique shop import` or PUT /shop/crm/policies (docs/deploy.md)');
      waited = true;
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}
