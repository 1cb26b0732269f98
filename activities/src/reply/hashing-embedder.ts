/**
 * The offline default embedder: hashed word and character n-gram features, L2-normalised. Deterministic, no model,
 * no network; good enough to route a FR or EN question to the right policy or product, and the same text always
 * gives the same vector. Words are accent- and case-folded and lightly stemmed so "remboursé" meets "remboursement".
 */
import type { Embedder } from './context-store';
import { stem, words } from './text-fold';

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface HashingEmbedderOptions {
  dimensions?: number;
  /** Character n-gram size inside words (with boundary markers). */
  charNgram?: number;
}

export class HashingEmbedder implements Embedder {
  readonly dimensions: number;
  readonly id: string;
  private readonly n: number;

  constructor(options: HashingEmbedderOptions = {}) {
    this.dimensions = options.dimensions ?? 1024;
    this.n = options.charNgram ?? 4;
    this.id = `hashing-v1-d${this.dimensions}-n${this.n}`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vector(t));
  }

  vector(text: string): number[] {
    const v = new Array<number>(this.dimensions).fill(0);
    const add = (feature: string, weight: number) => {
      const h = fnv1a(feature);
      const sign = h & 1 ? 1 : -1;
      const idx = (h >>> 1) % this.dimensions;
      v[idx] = v[idx]! + sign * weight;
    };
    const toks = words(text, true).filter((w) => w.length > 1);
    for (const w of toks) {
      const s = stem(w);
      add(`w:${s}`, 1);
      const padded = `<${s}>`;
      if (padded.length <= this.n) add(`c:${padded}`, 0.5);
      for (let i = 0; i + this.n <= padded.length; i++) add(`c:${padded.slice(i, i + this.n)}`, 0.5);
    }
    for (let i = 0; i + 1 < toks.length; i++) add(`b:${stem(toks[i]!)}_${stem(toks[i + 1]!)}`, 0.5);
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    return norm === 0 ? v : v.map((x) => x / norm);
  }
}
