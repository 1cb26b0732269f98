/** The retrieve stage: grounding snippets for the reply, from the new text only, with history limited to the sender. */
import type { CaseStage } from '../triage/pipeline';

export const RETRIEVE_LIMIT = 5;

export const retrieveContext: CaseStage = async (emailCase, deps) => {
  const text = emailCase.cleaned.clean.trim();
  if (!text || emailCase.machine.isMachine) return { ...emailCase, context: [] };
  const customerId = emailCase.enrichment?.customerMatch === 'sender' ? emailCase.enrichment.customerId : null;
  const context = await deps.context.search({ text, customerId, limit: RETRIEVE_LIMIT });
  return { ...emailCase, context };
};
