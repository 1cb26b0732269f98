/**
 * When the llama.cpp build cannot run on this CPU, `llm.sh start` fails with one line that says so and how to
 * rebuild — never a silent skip or a bare "did not become healthy". The server is stood in for by a program that
 * dies of SIGILL, as a build with instructions the CPU refuses does (LLM_SERVER_BIN points at it); the model file is
 * the installed one, so this runs where the llama.cpp tests run.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../support/paths';
import { freePort } from '../support/smtp-sink';
import { llamaInstalled, llamaTestsMode } from './llama-server';

const run = promisify(execFile);
const LLM_SH = path.join(repoRoot, 'infra', 'local', 'lib', 'llm.sh');

const mode = llamaTestsMode();
const installed = mode !== 'off' && llamaInstalled();
const skipReason = mode === 'off' ? 'REPLIQUE_LLM_TESTS=0' : installed ? '' : 'llama.cpp is not installed (bash infra/local/lib/llm.sh install)';

(skipReason ? test.skip : test)('a server that dies of an illegal instruction is reported in one line with the rebuild command', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'llama-sigill-'));
  const fake = path.join(dir, 'llama-server');
  writeFileSync(fake, '#!/usr/bin/env bash\nsleep 0.2\nkill -ILL $$\n');
  chmodSync(fake, 0o755);
  const port = await freePort();
  const failure = await run('bash', [LLM_SH, 'start', String(port)], {
    cwd: repoRoot, timeout: 60_000, env: { ...process.env, LLM_SERVER_BIN: fake },
  }).then(() => null, (err: { code?: number; stderr?: string }) => err);
  expect(failure?.code).toBe(1);
  const lines = (failure?.stderr ?? '').trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/llama-server cannot run on this CPU \(it died of an illegal instruction; build \w{12} needs: avx avx2 fma f16c bmi2\)\. Rebuild: rm -rf .* bash infra\/local\/lib\/llm\.sh install/);
  const status = await run('bash', [LLM_SH, 'status', String(port)], { cwd: repoRoot }).then(() => 0, (e: { code?: number }) => e.code);
  expect(status).toBe(3);
});

afterAll(() => {
  if (skipReason) console.warn(`llama-start-refused.test.ts SKIPPED: ${skipReason}`);
});
