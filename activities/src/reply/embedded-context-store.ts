/** In-memory context store: cosine similarity over embedded docs. No server; for the CLI, tests and small shops. */
import type { ContextSnippet } from '../domain/types';
import { cosine, DEFAULT_SEARCH_LIMIT, type ContextDoc, type ContextQuery, type ContextStore, type Embedder } from './context-store';
import { HashingEmbedder } from './hashing-embedder';

interface Entry {
  doc: ContextDoc;
  vector: number[];
}

export class EmbeddedContextStore implements ContextStore {
  private entries = new Map<string, Entry>();

  constructor(private readonly embedder: Embedder = new HashingEmbedder()) {}

  /** Only the docs whose text changed are embedded again. */
  async replace(docs: ContextDoc[]): Promise<void> {
    const changed = docs.filter((doc) => this.entries.get(doc.id)?.doc.text !== doc.text);
    const vectors = changed.length ? await this.embedder.embed(changed.map((d) => d.text)) : [];
    const fresh = new Map(changed.map((doc, i) => [doc.id, vectors[i]!] as const));
    this.entries = new Map(docs.map((doc) => [doc.id, { doc, vector: fresh.get(doc.id) ?? this.entries.get(doc.id)!.vector }]));
  }

  async search(query: ContextQuery): Promise<ContextSnippet[]> {
    if (!query.text.trim()) return [];
    const [q] = await this.embedder.embed([query.text]);
    const kinds = query.kinds && query.kinds.length ? new Set(query.kinds) : null;
    return [...this.entries.values()]
      .filter(({ doc }) => !kinds || kinds.has(doc.kind))
      .map(({ doc, vector }) => ({ id: doc.id, kind: doc.kind, text: doc.text, score: cosine(q!, vector) }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, query.limit ?? DEFAULT_SEARCH_LIMIT);
  }

  get size(): number {
    return this.entries.size;
  }
}
