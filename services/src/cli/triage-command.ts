/**
 * `replique triage [--shop FILE] [--policy FILE] PATH...`: one JSON line per email (files, or folders read in
 * sorted order). Unparseable files print a quarantine line; nothing is skipped and the run never stops on one file.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadShopJson } from '@replique/activities/adapters/shop-json';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { PgShopData } from '@replique/activities/adapters/pg/pg-shop-data';
import { isQuarantineError } from '@replique/activities/mail/quarantine';
import { EmbeddedContextStore } from '@replique/activities/reply/embedded-context-store';
import { seedCustomerHistory, seedKnowledgeBase } from '@replique/activities/reply/seed-knowledge-base';
import { intentDeps, loadIntentModel } from '@replique/activities/triage/intent-model';
import { TEXT_INTENTS } from '@replique/activities/triage/classify';
import { llmIntentFromSettings, type LlmIntentClassifier } from '@replique/activities/triage/llm-intent';
import { loadPolicy } from '@replique/activities/triage/policy';
import type { TriageDeps } from '@replique/activities/triage/pipeline';
import { quarantineLine, toTriageLine, triageRaw } from '@replique/activities/triage/triage';
import { parseArgs, UsageError } from './args';
import { MemoryAutoReplyLog } from './auto-reply-memory';

export const TRIAGE_USAGE = 'usage: replique triage [--shop FILE] [--policy FILE] [--model FILE | --no-model] PATH...';

/** Which intent model the CLI loads: the committed one by default, another file, or none (rules only). */
export interface ModelChoice { model?: string; noModel?: boolean }

export function modelChoice(args: { options: Record<string, string>; flags: Set<string> }): ModelChoice {
  return { model: args.options.model, noModel: args.flags.has('no-model') };
}

/** The .eml files named by the paths: files as given (even unreadable: they get a line), folders expanded to their .eml files in sorted order. */
export async function listEmailFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => null);
    if (st?.isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith('.eml')).sort();
      out.push(...names.map((n) => path.join(p, n)));
    } else out.push(p);
  }
  return out;
}

/**
 * The shop comes from `--shop FILE`, or else from the CRM in Postgres (DATABASE_URL, default: the local stack's),
 * read-only: the CLI decides, it never writes or sends.
 */
export async function buildTriageDeps(
  shopFile: string | undefined,
  policyFile: string | undefined,
  choice: ModelChoice = {},
): Promise<TriageDeps & { autoReplies: MemoryAutoReplyLog; close(): Promise<void> }> {
  const pool = shopFile ? null : createPool(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, { max: 2, applicationName: 'replique-cli' });
  const shop = pool ? new PgShopData(pool) : await loadShopJson(shopFile!);
  const policy = await loadPolicy(policyFile, await shop.policies());
  const context = new EmbeddedContextStore();
  await seedKnowledgeBase(context, shop);
  await seedCustomerHistory(context, shop);
  const model = choice.noModel ? {} : intentDeps(loadIntentModel(choice.model));
  const intentLlm = llmIntentFromEnv(process.env);
  return { shop, policy, context, ...model, ...(intentLlm ? { intentLlm } : {}), autoReplies: new MemoryAutoReplyLog(), close: async () => void (await pool?.end()) };
}

/**
 * The optional LLM intent classifier, off unless REPLIQUE_INTENT_LLM_BASE_URL and REPLIQUE_INTENT_LLM_MODEL are set
 * (REPLIQUE_INTENT_LLM_API_KEY, REPLIQUE_INTENT_LLM_TIMEOUT_MS optional).
 */
export function llmIntentFromEnv(env: NodeJS.ProcessEnv): LlmIntentClassifier | null {
  const timeoutMs = env.REPLIQUE_INTENT_LLM_TIMEOUT_MS ? Number(env.REPLIQUE_INTENT_LLM_TIMEOUT_MS) : undefined;
  return llmIntentFromSettings({
    baseURL: env.REPLIQUE_INTENT_LLM_BASE_URL, model: env.REPLIQUE_INTENT_LLM_MODEL, apiKey: env.REPLIQUE_INTENT_LLM_API_KEY, timeoutMs,
  }, TEXT_INTENTS);
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5433/replique';

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

async function triageFiles(paths: string[], deps: TriageDeps & { autoReplies: MemoryAutoReplyLog }, write: (line: string) => void): Promise<void> {
  await triageEach(paths, deps, (line) => write(JSON.stringify(line)));
}

/** Triage of each email file in order (one line each, quarantine lines included); `eval` and `calibration` reuse it. */
export async function triageEach(
  paths: string[],
  deps: TriageDeps & { autoReplies: MemoryAutoReplyLog },
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
      const c = await triageRaw(raw, deps);
      if (c.decision?.route === 'auto' && c.parsed.from) {
        deps.autoReplies.note(c.parsed.from.address, c.parsed.references[0] ?? c.parsed.inReplyTo ?? null, c.parsed.date);
      }
      emit({ ...toTriageLine(name, c) });
    } catch (err) {
      const reason = isQuarantineError(err) ? err.reason : `triage_failed: ${(err as Error)?.message ?? String(err)}`;
      emit(quarantineLine(name, reason) as Record<string, unknown> & { file: string });
    }
  }
}
