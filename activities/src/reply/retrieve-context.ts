/**
 * The retrieve stage: grounding snippets for the reply. Knowledge-base snippets (policies, products) searched by the
 * meaning of the new text only; the sender's own orders read from the shop (customer-history.ts), apart, so a
 * customer's many orders never crowd the policies out; history only for a sender matched by address. The customer's
 * memory too (memory/), read whole (newest first) for the same sender, when the process has a memory store.
 */
import type { CaseStage } from '../triage/pipeline';
import { customerMemoryOf, memoryCustomerId } from '../memory/email-memory';
import { customerHistory } from './customer-history';

export const KB_LIMIT = 4;
/** Memory entries read per email: a customer's structured memory (preferences, refusals, suggestions) is a few dozen. */
export const MEMORY_LIMIT = 50;

export const retrieveContext: CaseStage = async (emailCase, deps) => {
  const text = emailCase.cleaned.clean.trim();
  if (!text || emailCase.machine.isMachine) return { ...emailCase, context: [] };
  const customerId = emailCase.enrichment?.customerMatch === 'sender' ? emailCase.enrichment.customerId : null;
  const memoryOf = memoryCustomerId(emailCase);
  const [kb, history, remembered] = await Promise.all([
    deps.context.search({ text, kinds: ['policy', 'product'], limit: KB_LIMIT }),
    customerId ? customerHistory(deps.shop, customerId, emailCase.enrichment?.orderNumber ?? null) : Promise.resolve([]),
    deps.memory && memoryOf ? deps.memory.recall({ customerId: memoryOf, limit: MEMORY_LIMIT }) : Promise.resolve(null),
  ]);
  return { ...emailCase, context: [...kb, ...history], ...(remembered ? { memory: customerMemoryOf(remembered) } : {}) };
};
