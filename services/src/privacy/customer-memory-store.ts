/**
 * The customer memory a GDPR export or erasure reaches from outside the worker: the worker's Qdrant collection (shop
 * "default", reply/reply-setup.ts) when QDRANT_URL is set, else none (the worker's in-process memory is not reachable
 * from another process). Shared by `replique gdpr` and the review tool's export action, so both give the same archive.
 */
import { z } from 'zod';
import type { MemoryStore } from '@replique/activities/memory/memory-store';
import { QdrantMemoryStore } from '@replique/activities/memory/qdrant-memory-store';
import { HashingEmbedder } from '@replique/activities/reply/hashing-embedder';

export const customerMemoryEnv = {
  QDRANT_URL: z.url({ protocol: /^https?$/ }).optional(),
  QDRANT_API_KEY: z.string().min(1).optional(),
};

export function customerMemoryStore(config: { QDRANT_URL?: string | undefined; QDRANT_API_KEY?: string | undefined }): MemoryStore | null {
  return config.QDRANT_URL ? new QdrantMemoryStore({ url: config.QDRANT_URL, apiKey: config.QDRANT_API_KEY, shopId: 'default' }, new HashingEmbedder()) : null;
}
