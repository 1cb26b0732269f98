/**
 * The real local OpenAI-compatible server for a test file: llama.cpp's llama-server with SmolLM2-135M-Instruct,
 * installed and cached by infra/local/lib/llm.sh (`bash infra/local/lib/llm.sh install`; infra/local/test.sh does it
 * unless REPLIQUE_LLM_TESTS=0). startLlamaServer() starts one on a free port of 127.0.0.1; stop() ends it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../support/paths';
import { freePort } from '../support/smtp-sink';

const run = promisify(execFile);
const LLM_SH = path.join(repoRoot, 'infra', 'local', 'lib', 'llm.sh');

/** `REPLIQUE_LLM_TESTS=0` turns the llama.cpp tests off; `1` makes a missing install an error instead of a skip. */
export function llamaTestsMode(): 'off' | 'required' | 'when-installed' {
  const v = process.env.REPLIQUE_LLM_TESTS;
  if (v === '0') return 'off';
  return v === '1' ? 'required' : 'when-installed';
}

export interface LlamaPaths {
  serverBin: string | null;
  modelPath: string;
  modelName: string;
}

/** Synchronous, so a test file can decide at load time whether its tests run or are skipped. */
export function llamaPaths(): LlamaPaths {
  const stdout = execFileSync('bash', [LLM_SH, 'paths'], { cwd: repoRoot, encoding: 'utf8' });
  const kv = Object.fromEntries(stdout.trim().split('\n').map((l) => l.split(/=(.*)/s, 2) as [string, string]));
  const bin = kv.LLM_SERVER_BIN && kv.LLM_SERVER_BIN !== 'missing' ? kv.LLM_SERVER_BIN : null;
  return { serverBin: bin, modelPath: kv.LLM_MODEL_PATH ?? '', modelName: kv.LLM_MODEL_NAME ?? 'default' };
}

export function llamaInstalled(): boolean {
  const p = llamaPaths();
  return p.serverBin !== null && existsSync(p.modelPath);
}

export interface RunningLlama {
  baseUrl: string;
  model: string;
  port: number;
  /** The worker settings `llm.sh env` gives for this server (LLM_*: model, bounds, warm-up, timeout). */
  workerEnv: Record<string, string>;
  stop(): Promise<void>;
}

export async function startLlamaServer(): Promise<RunningLlama> {
  const { modelName } = llamaPaths();
  const port = await freePort();
  await run('bash', [LLM_SH, 'start', String(port)], { cwd: repoRoot, timeout: 120_000 });
  const { stdout } = await run('bash', [LLM_SH, 'env', String(port)], { cwd: repoRoot });
  const workerEnv = Object.fromEntries(
    [...stdout.matchAll(/^export (LLM_[A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
  );
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    model: modelName,
    port,
    workerEnv,
    stop: async () => void (await run('bash', [LLM_SH, 'stop', String(port)], { cwd: repoRoot, timeout: 30_000 })),
  };
}
