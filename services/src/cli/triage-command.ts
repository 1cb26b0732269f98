/**
 * `replique triage [--shop FILE] [--policy FILE] PATH...`: one JSON line per email (files, or folders read in
 * sorted order). Unparseable files print a quarantine line; nothing is skipped and the run never stops on one file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadShopJson } from '@replique/activities/adapters/shop-json';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { PgShopData } from '@replique/activities/adapters/pg/pg-shop-data';
import { ReferenceCachedShop } from '@replique/activities/adapters/reference-cached-shop';
import { isQuarantineError } from '@replique/activities/mail/quarantine';
import { latestPolicyVersion } from '@replique/activities/adapters/pg/policy-versions';
import { wordingInForce } from '@replique/activities/adapters/pg/live-wording';
import { modelInForce } from '@replique/activities/adapters/pg/live-model';
import { MemoryDecisionLog } from '@replique/activities/adapters/memory/decision-log';
import { createDecisionDeps, type DecisionMemoryAdapters } from '@replique/activities/decision-deps';
import { buildPolicy, loadPolicy } from '@replique/activities/triage/policy';
import type { TriageDeps } from '@replique/activities/triage/pipeline';
import { decideRaw, DEFAULT_MAILBOX, quarantineLine, toTriageLine } from '@replique/activities/triage/triage';
import { CliDecisionEnvSchema, decisionSettings } from '../config/decision-env';
import { parseEnv } from '../config/parse-env';
import { parseArgs, UsageError } from './args';
import { shopSource, type ShopSource } from './shop-source';

export const TRIAGE_USAGE = 'usage: replique triage [--shop FILE] [--policy FILE] [--model FILE | --no-model] PATH...';

import { listEmailFiles, modelChoice, type ModelChoice } from './email-files';

export { listEmailFiles, modelChoice, type ModelChoice };

/** What the CLI decides with: the worker's deps (createDecisionDeps) and its memory between emails, in memory. */
export interface CliTriageDeps extends TriageDeps {
  decisionLog: MemoryDecisionLog;
  /** The policy_versions version in force (read from Postgres), or null for a policy file. */
  policyVersion: number | null;
  /** The intake's mailbox (REPLIQUE_MAILBOX, default `support`): emails are keyed as the intake keys them. */
  mailbox: string;
  close(): Promise<void>;
}

/** A memory between emails of its own (a run, a fold): auto-reply limits, our replies, their bounces. */
export function freshMemory(): DecisionMemoryAdapters & { decisionLog: MemoryDecisionLog } {
  const log = new MemoryDecisionLog();
  return { decisionLog: log, autoReplies: log, sentReplies: log, bounces: log };
}

/**
 * The shop comes from `--shop FILE`, or else from the CRM in Postgres (DATABASE_URL, default: the local stack's;
 * with neither set nor answering, the demo shop: shop-source.ts), read-only: the CLI decides, it never writes or sends. The policy is `--policy FILE`, else the live policy version
 * in force in that database (as the worker's), else policies/default.json; the template and prompt versions are
 * those in force in that database (else the shipped wording), and so is the meaning model (unless `--model FILE` /
 * `--no-model`, or the configured file is not stored there yet: see live-model.ts modelInForce). The LLM intent vote, the
 * drafting model and the embeddings come from the worker's variables (config/decision-env.ts), so the CLI decides
 * as the worker does; the context store is always the in-process one (a CLI run writes to no Qdrant).
 */
export async function buildTriageDeps(
  shopFile: string | undefined,
  policyFile: string | undefined,
  choice: ModelChoice = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliTriageDeps> {
  const settings = decisionSettings(parseEnv('replique', CliDecisionEnvSchema, env), { model: { file: choice.model, none: choice.noModel } });
  const source: ShopSource = shopFile ? { shopFile } : await shopSource(env);
  const pool = 'databaseUrl' in source ? createPool(source.databaseUrl, { max: 2, applicationName: 'replique-cli' }) : null;
  try {
    // The worker's reading of the CRM: reference data (policies, catalogue, today) cached, per-email records read each time.
    const shop = 'shopFile' in source ? await loadShopJson(source.shopFile) : new ReferenceCachedShop(new PgShopData(pool!), { ttlMs: 30_000 });
    const live = pool && !policyFile ? await latestPolicyVersion(pool) : null;
    const policy = live ? buildPolicy(live.body, await shop.policies()) : await loadPolicy(policyFile, await shop.policies());
    // The template and prompt versions in force in that database, as the worker drafts with them.
    const wording = pool ? await wordingInForce(pool) : null;
    // The meaning model in force there (a rollback included), unless --model / --no-model chose one.
    const model = pool && !choice.model && !choice.noModel ? await modelInForce(pool, settings.intentModel) : null;
    const memory = freshMemory();
    const { triage } = await createDecisionDeps(shop, policy, settings, memory);
    if (wording) Object.assign(triage, { wording: wording.templates, prompt: wording.prompt });
    if (model) Object.assign(triage, model.deps);
    const mailbox = env.REPLIQUE_MAILBOX || DEFAULT_MAILBOX;
    return { ...triage, ...memory, policyVersion: live?.version ?? null, mailbox, close: async () => void (await pool?.end()) };
  } catch (error) {
    await pool?.end();
    throw error;
  }
}

export async function triageCommand(argv: string[], write: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['shop', 'policy', 'model'], ['no-model']);
  if (!args.positionals.length) throw new UsageError(TRIAGE_USAGE);
  const deps = await buildTriageDeps(args.options.shop, args.options.policy, modelChoice(args));
  try {
    await triageFiles(args.positionals, deps, write);
  } finally {
    await deps.close();
  }
  return 0;
}

async function triageFiles(paths: string[], deps: TriageDeps & { decisionLog: MemoryDecisionLog; mailbox?: string }, write: (line: string) => void): Promise<void> {
  await triageEach(paths, deps, (line) => write(JSON.stringify(line)));
}

/**
 * Triage of each email file in order (one line each, quarantine lines included), as the worker decides one email
 * after another (decideRaw: its stages, its memory of sent replies and bounces); `eval` and `calibration` reuse it.
 */
export async function triageEach(
  paths: string[],
  deps: TriageDeps & { decisionLog: MemoryDecisionLog; mailbox?: string },
  emit: (line: Record<string, unknown> & { file: string }) => void,
): Promise<void> {
  for (const file of await listEmailFiles(paths)) {
    const name = path.basename(file);
    const raw = await readFile(file).catch((err: NodeJS.ErrnoException) => err);
    if (raw instanceof Error) {
      emit(quarantineLine(name, `unreadable_file: ${raw.code ?? raw.message}`) as Record<string, unknown> & { file: string });
      continue;
    }
    try {
      const c = await decideRaw(raw, deps, deps.decisionLog, deps.mailbox);
      emit({ ...toTriageLine(name, c) });
    } catch (err) {
      const reason = isQuarantineError(err) ? err.reason : `triage_failed: ${(err as Error)?.message ?? String(err)}`;
      emit(quarantineLine(name, reason) as Record<string, unknown> & { file: string });
    }
  }
}
