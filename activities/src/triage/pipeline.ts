/**
 * The decision pipeline as plain stages over an EmailCase. The CLI runs them in a row in memory; the workflow
 * runs each one as an activity that loads and saves the case in Postgres. Same functions, same order.
 */
import type { EmailCase, ShopData } from '../domain/types';
import type { RoutingPolicy } from './policy';
import type { ContextStore } from '../reply/context-store';

export interface TriageDeps {
  shop: ShopData;
  policy: RoutingPolicy;
  context: ContextStore;
}

export type CaseStage = (emailCase: EmailCase, deps: TriageDeps) => Promise<EmailCase>;
