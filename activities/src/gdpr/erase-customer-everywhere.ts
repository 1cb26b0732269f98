/**
 * GDPR erasure of one customer wherever Réplique holds their data: the customer memory forgets them (Qdrant points,
 * or the embedded store of this process), then their data keys are destroyed (adapters/vault/erase-customer.ts), which
 * leaves unreadable every field sealed with them: Postgres columns, and the sealed text tokens of their Temporal
 * histories (a reviewer's edit, note and reason; the checks' messages: adapters/vault/sealed-text.ts). The memory goes
 * first, so the `gdpr / erased` audit row is written once both are done; both steps are idempotent (run it again
 * after a failure).
 */
import type { Pool } from '../adapters/pg/pool';
import { eraseCustomer, type ErasureResult } from '../adapters/vault/erase-customer';
import type { MemoryStore } from '../memory/memory-store';

export interface CustomerErasure extends ErasureResult {
  /** False when no memory store was given (a process without one holds no memory of anyone). */
  memoryForgotten: boolean;
}

export async function eraseCustomerEverywhere(
  pool: Pool, input: { customerId: string; by: string; memory: MemoryStore | null },
): Promise<CustomerErasure> {
  if (input.memory) await input.memory.forget(input.customerId);
  const result = await eraseCustomer(pool, { customerId: input.customerId, by: input.by });
  return { ...result, memoryForgotten: input.memory !== null };
}
