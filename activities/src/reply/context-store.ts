/**
 * Retrieval of grounding context for a reply: the shop's knowledge base (policies, products), searched by meaning.
 * Two stores: in memory (`embedded-context-store.ts`, CLI and tests) and Qdrant (`qdrant-context-store.ts`,
 * production); both embed text through an `Embedder`, and `shop-knowledge.ts` keeps either in step with the shop's
 * data. The customer's own orders are not copied into a store: `customer-history.ts` reads them when an email needs them.
 */
import type { ContextSnippet } from '../domain/types';

/** What the knowledge base holds (history snippets are built per email, never stored). */
export type ContextKind = Exclude<ContextSnippet['kind'], 'history'>;

export interface ContextQuery {
  text: string;
  kinds?: ContextKind[];
  limit?: number;
}

export interface ContextDoc {
  id: string;
  kind: ContextKind;
  text: string;
}

/** What the pipeline needs of the knowledge base. */
export interface KnowledgeSearch {
  search(query: ContextQuery): Promise<ContextSnippet[]>;
}

export interface ContextStore extends KnowledgeSearch {
  /** Makes the store hold exactly `docs` (by id): new and changed ones written, every other one removed. */
  replace(docs: ContextDoc[]): Promise<void>;
}

export interface Embedder {
  /** Stable identifier of the model and its settings; vectors from different ids are not comparable. */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

export const DEFAULT_SEARCH_LIMIT = 5;

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
