/**
 * triageRaw: raw bytes → the full case, by the same stages the workflow runs; decideRaw: the same with the worker's
 * memory between emails (the CLI's path); toTriageLine: the CLI's JSON object.
 */
import type { EmailCase, ShopPolicies } from '../domain/types';
import { emailKeyFor, extractMessageIdHeader, rawSha256 } from '../domain/email-key';
import { parseEmail } from '../mail/parse-email';
import { shopReplyBounceOf, type ShopReplyBounce } from '../mail/own-message-id';
import type { TriageDeps } from './pipeline';
export { quarantineLine, toTriageLine, type TriageLine } from './triage-line';
import { DECISION_STAGES, newCase, READ_STAGES, TRIAGE_STAGES, type NamedStage } from './stages';

export { TRIAGE_STAGES, newCase, type NamedStage };

export async function runStages(emailCase: EmailCase, deps: TriageDeps, stages: readonly NamedStage[] = TRIAGE_STAGES): Promise<EmailCase> {
  let c = emailCase;
  for (const stage of stages) c = await stage.run(c, deps);
  return c;
}

/** Throws QuarantineError (from parseEmail) when the bytes are not an email. */
export async function triageRaw(raw: Buffer, deps: TriageDeps, stages: readonly NamedStage[] = TRIAGE_STAGES): Promise<EmailCase> {
  return runStages(newCase(await parseEmail(raw)), deps, stages);
}

/** The mailbox the intake files mail under by default (REPLIQUE_MAILBOX): the CLI keys emails as the worker does. */
export const DEFAULT_MAILBOX = 'support';

/** What the worker remembers from one email to the next, kept by the caller (adapters/memory/decision-log.ts). */
export interface DecisionMemory {
  /** A bounce of one of our replies: its address stops getting automatic replies (recipient_bouncing). */
  noteBounce(bounce: ShopReplyBounce): void;
  /** The email's decision is final: an `auto` route is a reply sent (auto-reply limits, quotes of our replies). */
  noteAutomaticReply(emailKey: string, emailCase: EmailCase, policies: ShopPolicies): boolean;
}

/**
 * One email as the worker decides it, in memory: parse, READ_STAGES, a bounce of one of our replies remembered (as
 * readEmail records it), DECISION_STAGES, and an `auto` route remembered as the reply the worker sends. The email
 * key is the intake's (for `mailbox`), so our replies' Message-IDs are the worker's too.
 */
export async function decideRaw(raw: Buffer, deps: TriageDeps, memory: DecisionMemory, mailbox = DEFAULT_MAILBOX): Promise<EmailCase> {
  const emailKey = emailKeyFor(mailbox, extractMessageIdHeader(raw), rawSha256(raw));
  const read = await runStages(newCase(await parseEmail(raw)), deps, READ_STAGES);
  const bounce = shopReplyBounceOf(emailKey, read);
  if (bounce) memory.noteBounce(bounce);
  const decided = await runStages(read, deps, DECISION_STAGES);
  memory.noteAutomaticReply(emailKey, decided, await deps.shop.policies());
  return decided;
}
