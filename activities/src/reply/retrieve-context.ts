/**
 * The retrieve stage: grounding snippets for the reply, from the new text only. Knowledge-base snippets (policies,
 * products) and the sender's own history are searched separately, so a customer's many orders never crowd the
 * policies out; history only for a sender matched by address.
 */
import type { CaseStage } from '../triage/pipeline';

export const KB_LIMIT = 4;
export const HISTORY_LIMIT = 2;

export const retrieveContext: CaseStage = async (emailCase, deps) => {
  const text = emailCase.cleaned.clean.trim();
  if (!text || emailCase.machine.isMachine) return { ...emailCase, context: [] };
  const customerId = emailCase.enrichment?.customerMatch === 'sender' ? emailCase.enrichment.customerId : null;
  const [kb, history] = await Promise.all([
    deps.context.search({ text, kinds: ['policy', 'product'], limit: KB_LIMIT }),
    customerId ? deps.context.search({ text, customerId, kinds: ['history'], limit: HISTORY_LIMIT }) : Promise.resolve([]),
  ]);
  return { ...emailCase, context: [...kb, ...history] };
};
