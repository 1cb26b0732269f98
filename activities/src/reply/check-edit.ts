/**
 * A reviewer's edited reply goes through the draft's guardrails before it can be sent: the fact-check, the offer
 * whitelist and conditions, the forbidden commitments, the attachment and leak checks (`checkDraftText`), on the text
 * the reviewer wrote, with the draft's documents (they go with the reply).
 * Two checks only say "a person must look": a person is looking, so they do not block an edit.
 * A failed edit is sent only when the reviewer overrides every failed check by name, with a reason.
 */
import type { Draft, EmailCase, GuardrailReport, ShopData } from '../domain/types';
import { checkDraftText, type GuardrailCheck } from './check-draft';

/** Checks that hold a draft for a person (never an automatic send); a reviewer's own text has had its person. */
export const CHECKS_A_REVIEWER_SATISFIES: readonly GuardrailCheck[] = ['offer_needs_approval', 'human_follow_up', 'template_missing_fact'];

export interface EditedText {
  subject?: string;
  body: string;
}

export interface EditOverride {
  /** The failed checks the reviewer read and sends over, by name. */
  checks: string[];
  reason: string;
}

export interface EditCheckVerdict {
  /** `passed`: nothing failed; `blocked`: a check failed that the reviewer did not override; `overridden`: sent over them. */
  verdict: 'passed' | 'blocked' | 'overridden';
  failed: GuardrailReport['details'];
  /** Failed checks the override covers (empty unless `overridden`). */
  overridden: string[];
}

export async function checkEditedText(c: EmailCase, shop: ShopData, edited: EditedText): Promise<GuardrailReport> {
  const report = await checkDraftText({ ...c, draft: editedDraft(c, edited) }, shop);
  const details = report.details.filter((d) => !CHECKS_A_REVIEWER_SATISFIES.includes(d.check as GuardrailCheck));
  const fired = [...new Set(details.map((d) => d.check))];
  return { passed: fired.length === 0, fired, details };
}

/** What the reviewer's override does to a report: every failed check must be named in it, or the edit is blocked. */
export function judgeEdit(report: GuardrailReport, override: EditOverride | null | undefined): EditCheckVerdict {
  if (report.passed) return { verdict: 'passed', failed: [], overridden: [] };
  const named = new Set(override?.reason.trim() ? override.checks : []);
  const covered = report.fired.every((check) => named.has(check));
  return covered
    ? { verdict: 'overridden', failed: report.details, overridden: [...report.fired] }
    : { verdict: 'blocked', failed: report.details, overridden: [] };
}

/**
 * The edit as a draft to check: the reviewer's text (the subject falls back to the draft's, as when it is sent) with
 * the draft's documents. It is checked as a person's text, not a model's: the grounding check (a model's draft must
 * state what the template states) does not apply, since a reviewer may leave a fact out on purpose.
 */
function editedDraft(c: EmailCase, edited: EditedText): Draft {
  const base: Draft = c.draft ?? {
    subject: `Re: ${c.parsed.subject}`, body: '', lang: c.classification?.lang === 'en' ? 'en' : 'fr',
    templateId: 'reviewer', version: '1', generator: 'template', facts: {}, offers: [],
  };
  return { ...base, subject: edited.subject?.trim() || base.subject, body: edited.body, generator: 'template', offers: [] };
}
