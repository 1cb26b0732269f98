/** In-memory context store: cosine similarity over embedded docs. No server; for the CLI, tests and small shops. */
import type { ContextSnippet } from '../domain/types';
import { cosine, DEFAULT_SEARCH_LIMIT, type ContextDoc, type ContextQuery, type ContextStore, type Embedder } from './context-store';
import { HashingEmbedder } from './hashing-embedder';

interface Entry {
  doc: ContextDoc;
  vector: number[];
}

export class EmbeddedContextStore implements ContextStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly embedder: Embedder = new HashingEmbedder()) {}

  async upsert(docs: ContextDoc[]): Promise<void> {
    if (docs.length === 0) return;
    const vectors = await this.embedder.embed(docs.map((d) => d.text));
    docs.forEach((doc, i) => this.entries.set(doc.id, { doc, vector: vectors[i]! }));
  }

  async search(query: ContextQuery): Promise<ContextSnippet[]> {
    if (!query.text.trim()) return [];
    const [q] = await this.embedder.embed([query.text]);
    const kinds = query.kinds && query.kinds.length ? new Set(query.kinds) : null;
    const customer = query.customerId ?? null;
    return [...this.entries.values()]
      .filter(({ doc }) => (!kinds || kinds.has(doc.kind)) && (doc.kind !== 'history' || (customer !== null && doc.customerId === customer)))
      .map(({ doc, vector }) => ({ id: doc.id, kind: doc.kind, text: doc.text, score: cosine(q!, vector) }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, query.limit ?? DEFAULT_SEARCH_LIMIT);
  }

  get size(): number {
    return this.entries.size;
  }
}
