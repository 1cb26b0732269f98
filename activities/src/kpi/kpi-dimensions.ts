/**
 * The dimensions the KPIs are cut by, as the `route` event of `email.events` carries them: intent, language,
 * template/prompt version, rollout cohort (the draft experiment's variant) and the conversation (a row id, for the
 * re-escalation rate). All PII-free. Pure.
 */
import type { EmailCase } from '../domain/types';

export interface KpiDimensions {
  intent: string | null;
  lang: string | null;
  /** `templateId@version` of the draft (a template or a prompt); null without a draft. */
  template: string | null;
  /** `experimentId:variant` when a draft experiment assigned the email; `none` otherwise. */
  cohort: string;
  /** The conversation's id (table `conversations`); null when the email was never linked to one. */
  conversation: string | null;
}

export function kpiDimensionsOf(emailCase: EmailCase, conversation: string | null): KpiDimensions {
  const draft = emailCase.draft;
  const experiment = draft?.experiment;
  return {
    intent: emailCase.classification?.intent ?? null,
    lang: emailCase.classification?.lang ?? draft?.lang ?? null,
    template: draft ? `${draft.templateId}@${draft.version}` : null,
    cohort: experiment ? `${experiment.id}:${experiment.variant}` : 'none',
    conversation,
  };
}
