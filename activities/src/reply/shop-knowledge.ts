/**
 * The knowledge base kept in step with the shop: before a search, the store is brought to the shop's current
 * policies and catalogue when they changed (a changed return window, a product added or withdrawn), so a running
 * worker answers from what the shop says now, not from what it said when the worker started. With the reference
 * data cached per worker (adapters/reference-cached-shop.ts), a change is seen within SHOP_REFERENCE_TTL_MS.
 */
import { createHash } from 'node:crypto';
import type { ContextSnippet, ProductRecord, ShopData, ShopPolicies } from '../domain/types';
import type { ContextQuery, ContextStore, KnowledgeSearch } from './context-store';
import { knowledgeDocs } from './knowledge-docs';

export class ShopKnowledge implements KnowledgeSearch {
  private seen: { policies: ShopPolicies; products: ProductRecord[] } | null = null;
  private fingerprint: string | null = null;
  private syncing: Promise<void> | null = null;

  constructor(private readonly store: ContextStore, private readonly shop: Pick<ShopData, 'policies' | 'products'>) {}

  async search(query: ContextQuery): Promise<ContextSnippet[]> {
    await this.refresh();
    return this.store.search(query);
  }

  /** Brings the store in step with the shop; nothing is written when the policies and catalogue are unchanged. */
  refresh(): Promise<void> {
    this.syncing ??= this.sync().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async sync(): Promise<void> {
    const [policies, products] = await Promise.all([this.shop.policies(), this.shop.products()]);
    if (this.seen?.policies === policies && this.seen.products === products) return;
    const docs = knowledgeDocs(policies, products);
    const fingerprint = createHash('sha256').update(JSON.stringify(docs)).digest('hex');
    if (fingerprint !== this.fingerprint) await this.store.replace(docs);
    this.fingerprint = fingerprint;
    this.seen = { policies, products };
  }
}
