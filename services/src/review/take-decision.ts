/**
 * One reviewer's action on one email, as the review tool takes it: role and claim checks, the decision delivered to
 * the workflow (which owns the state and refuses what it cannot take), the audit row (who, when, what, outcome),
 * the edit kept as a diff with its similarity, and the claim released once the email is decided.
 * An edit whose text fails the guardrails is not taken (422, with the failed checks); the reviewer fixes the text, or
 * sends it anyway by overriding every failed check with a reason (audited here and by the workflow's check).
 */
import type { Client } from '@temporalio/client';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { claimEmail, liveClaim, releaseClaim } from '@replique/activities/adapters/pg/review-claims';
import { recordReviewEdit } from '@replique/activities/adapters/pg/review-edits';
import { getQueueItem } from '@replique/activities/adapters/pg/review-queue';
import { getEmail } from '@replique/activities/adapters/pg/emails';
import type { EditOverride, FailedCheck, ReviewAction } from '@replique/workflows/contracts';
import { hasRole, type Reviewer } from './auth/session-auth';
import { deliverDecision } from './deliver-decision';
import { lineDiff, textSimilarity } from './text-diff';
import { reviewDecisions } from '../metrics/replique-metrics';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';

export const CLAIM_SECONDS = 5 * 60;

export interface ActionRequest {
  emailKey: string;
  action: ReviewAction;
  decisionId: string;
  subject?: string;
  body?: string;
  note?: string;
  /** "Send anyway" for an edit: the failed checks the reviewer overrides, and why. */
  override?: EditOverride;
}

export type ActionResult =
  | { ok: true; decisionId: string; state: string; approvals: string[]; approvalsRequired: number; duplicate: boolean }
  | { ok: false; status: 403 | 404 | 409; error: string }
  /** The edited text failed checks the request did not override: nothing was taken. */
  | { ok: false; status: 422; error: string; decisionId: string; failed: FailedCheck[] };

export async function takeDecision(
  deps: { db: Queryable; vault: FieldVault; client: Client }, reviewer: Reviewer, request: ActionRequest,
): Promise<ActionResult> {
  const refused = await precheck(deps.db, reviewer, request);
  const result: ActionResult = refused ?? (await deliver(deps, reviewer, request));
  reviewDecisions.inc({ action: request.action, result: result.ok ? (result.duplicate ? 'duplicate' : 'applied') : result.status === 422 ? 'blocked' : 'refused' });
  await appendAudit(deps.db, {
    emailKey: result.ok || result.status !== 404 ? request.emailKey : null,
    stage: 'review-tool',
    event: result.ok ? request.action : `${request.action}_refused`,
    data: {
      reviewer: reviewer.name, role: reviewer.role, decisionId: request.decisionId,
      ...(result.ok ? { state: result.state } : { status: result.status, error: result.error }),
      ...('failed' in result ? { failedChecks: result.failed.map((f) => f.check) } : {}),
      ...(result.ok && request.override ? { overriddenChecks: request.override.checks } : {}),
    },
  });
  return result;
}

async function precheck(db: Queryable, reviewer: Reviewer, request: ActionRequest): Promise<ActionResult | null> {
  const item = await getEmail(db, request.emailKey);
  if (!item) return { ok: false, status: 404, error: 'no such email' };
  if (request.action === 'takeover' && !hasRole(reviewer, 'senior')) {
    return { ok: false, status: 403, error: 'taking an email over needs a senior reviewer' };
  }
  if (item.state === 'escalated' && !hasRole(reviewer, 'senior')) {
    return { ok: false, status: 403, error: 'level 2: a senior reviewer decides this email' };
  }
  const claim = await liveClaim(db, request.emailKey);
  if (claim && claim.reviewer !== reviewer.name && request.action !== 'takeover') {
    return { ok: false, status: 409, error: `${claim.reviewer} is working on this email (claimed until ${claim.expiresAt.toISOString().slice(11, 16)} UTC)` };
  }
  return null;
}

async function deliver(deps: { db: Queryable; vault: FieldVault; client: Client }, reviewer: Reviewer, request: ActionRequest): Promise<ActionResult> {
  const delivery = await deliverDecision(deps.client, deps.vault, request.emailKey, {
    decisionId: request.decisionId,
    action: request.action,
    reviewer: reviewer.name,
    subject: request.action === 'edit' ? request.subject : undefined,
    body: request.action === 'edit' ? request.body : undefined,
    note: request.note || undefined,
    override: request.action === 'edit' ? request.override : undefined,
  });
  if (!delivery.ok) return delivery;
  const { outcome } = delivery;
  if (outcome.status === 'blocked') {
    const checks = [...new Set(outcome.failed.map((f) => f.check))];
    return { ok: false, status: 422, decisionId: delivery.decisionId, failed: outcome.failed, error: `the edited text was not sent: ${checks.join(', ')}` };
  }
  if (outcome.status === 'applied' && request.action === 'edit') await keepEdit(deps, reviewer, request);
  // A decision ends this reviewer's turn (a second approver may be needed next); a takeover keeps the email theirs.
  if (request.action === 'takeover') {
    await claimEmail(deps.db, { emailKey: request.emailKey, reviewer: reviewer.name, ttlSeconds: CLAIM_SECONDS, force: true });
  } else {
    await releaseClaim(deps.db, request.emailKey, reviewer.name);
  }
  return {
    ok: true,
    decisionId: delivery.decisionId,
    state: outcome.state,
    approvals: outcome.status === 'applied' ? outcome.approvals : [],
    approvalsRequired: outcome.status === 'applied' ? outcome.approvalsRequired : 0,
    duplicate: outcome.status === 'duplicate',
  };
}

async function keepEdit({ db, vault }: { db: Queryable; vault: FieldVault }, reviewer: Reviewer, request: ActionRequest): Promise<void> {
  const item = await getQueueItem(db, vault, request.emailKey);
  const draftBody = item?.draft?.body ?? '';
  const sentBody = request.body ?? '';
  await recordReviewEdit(db, vault, {
    decisionId: request.decisionId,
    emailKey: request.emailKey,
    reviewer: reviewer.name,
    intent: item?.intent ?? null,
    templateId: item?.draft?.templateId ?? null,
    version: item?.draft?.version ?? null,
    draftBody,
    sentBody,
    diff: lineDiff(draftBody, sentBody),
    similarity: textSimilarity(draftBody, sentBody),
  });
}
