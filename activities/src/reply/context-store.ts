/**
 * Retrieval of grounding context for a reply: knowledge-base snippets (policies, products) and the customer's own
 * history. Two implementations: in memory (`embedded-context-store.ts`, CLI and tests) and Qdrant
 * (`qdrant-context-store.ts`, production). Both embed text through an `Embedder`.
 */
import type { ContextSnippet } from '../domain/types';

export type ContextKind = ContextSnippet['kind'];

export interface ContextQuery {
  text: string;
  /** History snippets are only ever returned for this customer; without it, no history is returned. */
  customerId?: string | null;
  kinds?: ContextKind[];
  limit?: number;
}

export interface ContextDoc {
  id: string;
  kind: ContextKind;
  text: string;
  /** Set on history docs: the customer they belong to. */
  customerId?: string | null;
}

export interface ContextStore {
  search(query: ContextQuery): Promise<ContextSnippet[]>;
  upsert(docs: ContextDoc[]): Promise<void>;
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
