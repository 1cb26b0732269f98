/**
 * The activation check of a template or prompt version: the labelled dev and train sets replayed through the same
 * decision code as `replique eval` (triageEach + evaluate), with the candidate version's wording. It passes when no
 * set has an unsafe automatic send, a wrong fact or a forbidden phrase in an automatic reply, or a draft whose
 * wording lacked a verified fact (template_missing_fact). The shop is the sets' shop file, the policy the policy file
 * (as `replique eval`): the check judges the words, not today's live policy.
 *
 * It takes seconds for the dev set (48 emails) and about ten for the train set (480) on 2 cores: the review tool runs
 * it as a background job (a wording_checks row, `running` until its verdict) rather than inside the request. It imports
 * no training code (ml/), so it runs in the service image too, given the sets (REPLIQUE_CHECK_SETS).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import {
  finishWordingCheck, getWordingVersion, startWordingCheck, type WordingCheckRow, type WordingKind,
} from '@replique/activities/adapters/pg/wording-versions';
import { draftPromptOf, promptBodySchema } from '@replique/activities/reply/wording/prompt-schema';
import { readStoredTemplateWording } from '@replique/activities/reply/wording/template-wording-schema';
import { evaluate, type Label, type PredLine } from '../cli/evaluate';
import { buildTriageDeps, triageEach } from '../cli/triage-command';

export interface ActivationCheckSettings {
  /** Labelled folders (each with labels.json): the dev and train sets. */
  sets: string[];
  /** The shop the sets are labelled against (JSON, as `replique eval --shop`). */
  shopFile: string;
  policyFile?: string;
}

export interface SetResult {
  set: string;
  emails: number;
  unsafeAuto: number;
  wrongFactsSent: number;
  forbiddenPhrasesSent: number;
  missingFact: number;
  automationOfRoutine: number;
  ms: number;
}

export interface ActivationReport {
  passed: boolean;
  sets: SetResult[];
  error?: string;
}

/** Replays every set with the version's wording. */
export async function runActivationCheck(
  kind: WordingKind, version: number, body: unknown, settings: ActivationCheckSettings,
): Promise<ActivationReport> {
  const candidate = kind === 'templates'
    ? { wording: { version, wording: readStoredTemplateWording(body) } }
    : { prompt: { version, prompt: draftPromptOf(promptBodySchema.parse(body), version) } };
  const sets: SetResult[] = [];
  for (const dir of settings.sets) {
    const t0 = performance.now();
    const labels = JSON.parse(await readFile(path.join(dir, 'labels.json'), 'utf8')) as Label[];
    const deps = await buildTriageDeps(settings.shopFile, settings.policyFile);
    const lines: Array<PredLine & { guardrails?: string[] }> = [];
    try {
      await triageEach([dir], { ...deps, ...candidate }, (l) => lines.push(l as unknown as PredLine));
    } finally {
      await deps.close();
    }
    const r = evaluate(labels, lines);
    sets.push({
      set: path.basename(dir), emails: r.n, unsafeAuto: r.unsafeAuto, wrongFactsSent: r.wrongFactsSent,
      forbiddenPhrasesSent: r.forbiddenPhrasesSent, automationOfRoutine: r.automationOfRoutine,
      missingFact: lines.filter((l) => l.guardrails?.includes('template_missing_fact')).length,
      ms: Math.round(performance.now() - t0),
    });
  }
  const passed = sets.every((s) => s.unsafeAuto === 0 && s.wrongFactsSent === 0 && s.forbiddenPhrasesSent === 0 && s.missingFact === 0);
  return { passed, sets };
}

/** Records a check of a stored version: `running` now; the returned promise settles with the finished row. */
export async function checkWordingVersion(
  db: Pool, input: { kind: WordingKind; version: number; by: string }, settings: ActivationCheckSettings,
): Promise<{ started: WordingCheckRow; done: Promise<ActivationReport> }> {
  const row = await getWordingVersion(db, input.kind, input.version);
  if (!row) throw new Error(`no ${input.kind} version ${input.version}`);
  const started = await startWordingCheck(db, input);
  const done = runActivationCheck(input.kind, input.version, row.body, settings)
    .catch((error: unknown): ActivationReport => ({ passed: false, sets: [], error: error instanceof Error ? error.message : String(error) }))
    .then(async (report) => {
      await finishWordingCheck(db, started.id, report.passed, { ...report });
      return report;
    });
  return { started, done };
}

/** The shared fixtures beside the repository (../shared/fixtures), as `pnpm demo` and `replique eval` use them. */
const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');

/**
 * REPLIQUE_CHECK_SETS (labelled folders, comma-separated; default: the shared dev and train sets) and
 * REPLIQUE_CHECK_SHOP_FILE (default: the shared shop.json).
 */
export function checkSettingsFromEnv(env: NodeJS.ProcessEnv): ActivationCheckSettings {
  const sets = env.REPLIQUE_CHECK_SETS?.split(',').map((s) => s.trim()).filter(Boolean)
    ?? [path.join(FIXTURES, 'emails-dev'), path.join(FIXTURES, 'emails-train')];
  return { sets, shopFile: env.REPLIQUE_CHECK_SHOP_FILE ?? path.join(FIXTURES, 'shop.json') };
}
