/** Embeddings from any OpenAI-compatible `/embeddings` endpoint (OpenAI, vLLM, Ollama, LiteLLM…), configured by the caller. */
import OpenAI from 'openai';
import type { Embedder } from './context-store';

export interface OpenAiEmbedderConfig {
  baseURL: string;
  apiKey: string;
  model: string;
  /** Vector size the model returns; needed up front to create vector collections. */
  dimensions: number;
  timeoutMs?: number;
  /** Texts per request. */
  batchSize?: number;
}

export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly client: OpenAI;
  private readonly batchSize: number;

  constructor(private readonly config: OpenAiEmbedderConfig, client?: OpenAI) {
    this.id = `openai:${config.model}`;
    this.dimensions = config.dimensions;
    this.batchSize = config.batchSize ?? 64;
    this.client = client ?? new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey, timeout: config.timeoutMs ?? 15_000, maxRetries: 2 });
  }

  async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      const res = await this.client.embeddings.create({ model: this.config.model, input: batch, encoding_format: 'float' });
      const sorted = [...res.data].sort((a, b) => a.index - b.index);
      for (const d of sorted) {
        if (d.embedding.length !== this.dimensions) {
          throw new Error(`embedding model ${this.config.model} returned ${d.embedding.length} dimensions, expected ${this.dimensions}`);
        }
        out.push(d.embedding);
      }
    }
    return out;
  }
}
