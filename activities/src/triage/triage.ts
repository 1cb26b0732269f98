/**
 * triageRaw: raw bytes → the full case, by the same stages the workflow runs; toTriageLine: the CLI's JSON object.
 */
import type { EmailCase } from '../domain/types';
import { parseEmail } from '../mail/parse-email';
import type { TriageDeps } from './pipeline';
export { quarantineLine, toTriageLine, type TriageLine } from './triage-line';
import { newCase, TRIAGE_STAGES, type NamedStage } from './stages';

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
