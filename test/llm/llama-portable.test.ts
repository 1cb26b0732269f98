/**
 * The cached llama.cpp build runs on every x86-64 machine of this project's kind: it holds no host-specific
 * instructions. Machines differ (AMD EPYC; Intel Xeon with AVX-512 and AMX that the virtual machine refuses to run:
 * a native build died there with SIGILL at `tilezero %tmm4`), and the compiled wheel is cached and reused, so
 * infra/local/lib/llm.sh builds for a fixed x86-64-v3 baseline. This test disassembles the server and every library
 * next to it and fails on any AMX tile register, any AVX-512 zmm register, opmask register or upper-16 vector
 * register (EVEX-only encodings).
 *
 * Skipped, like the other llama.cpp tests, when REPLIQUE_LLM_TESTS=0 or llama.cpp is not installed, unless
 * REPLIQUE_LLM_TESTS=1 (infra/local/test.sh sets it under CI).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { llamaPaths, llamaTestsMode } from './llama-server';

jest.setTimeout(600_000);

/** Register names only AMX or AVX-512 code uses, in objdump's AT&T syntax. */
const HOST_SPECIFIC = [
  { what: 'AMX tile register', re: /%tmm[0-7]\b/ },
  { what: 'AVX-512 zmm register', re: /%zmm\d+\b/ },
  { what: 'AVX-512 opmask register', re: /%k[1-7]\b/ },
  { what: 'AVX-512 upper vector register', re: /%[xy]mm(1[6-9]|2\d|3[01])\b/ },
];

interface Finding { file: string; what: string; line: string; count: number }

/** Streams `objdump -d` of FILE and counts each kind of host-specific register, keeping the first line of each. */
function scan(file: string): Promise<Finding[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('objdump', ['-d', '--no-show-raw-insn', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const found = new Map<string, Finding>();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    createInterface({ input: child.stdout }).on('line', (line) => {
      for (const { what, re } of HOST_SPECIFIC) {
        if (!re.test(line)) continue;
        const f = found.get(what) ?? { file: path.basename(file), what, line: line.trim(), count: 0 };
        f.count++;
        found.set(what, f);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve([...found.values()]) : reject(new Error(`objdump ${file}: ${code} ${stderr}`))));
  });
}

test('the scan finds each kind of host-specific register in code that has them', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'isa-scan-'));
  const source = path.join(dir, 'native.s');
  writeFileSync(source, [
    '.text', 'tilezero %tmm4', 'vaddps %zmm1, %zmm2, %zmm3', 'kmovw %k1, %eax', 'vaddps %ymm17, %ymm18, %ymm19',
    'vaddps %ymm1, %ymm2, %ymm3', '',
  ].join('\n'));
  execFileSync('as', ['-o', path.join(dir, 'native.o'), source]);
  const found = await scan(path.join(dir, 'native.o'));
  expect(found.map((f) => f.what).sort()).toEqual(HOST_SPECIFIC.map((h) => h.what).sort());
  expect(found.every((f) => f.count === 1)).toBe(true);   // the plain AVX2 line is not one of them
});

const mode = llamaTestsMode();
const { serverBin } = llamaPaths();
if (mode === 'required' && !serverBin) throw new Error('REPLIQUE_LLM_TESTS=1 but llama.cpp is not installed: bash infra/local/lib/llm.sh install');
const skipReason = mode === 'off' ? 'REPLIQUE_LLM_TESTS=0' : serverBin ? '' : 'llama.cpp is not installed (bash infra/local/lib/llm.sh install)';

(skipReason ? test.skip : test)('the llama.cpp server and its libraries hold no AMX or AVX-512 instructions', async () => {
  const bin = realpathSync(serverBin!);
  const dir = path.dirname(bin);
  const libraries = readdirSync(dir).filter((n) => /\.so(\.\d+)*$/.test(n)).map((n) => path.join(dir, n));
  expect(libraries.some((l) => path.basename(l).startsWith('libggml-cpu'))).toBe(true);
  const findings = (await Promise.all([bin, ...libraries].map(scan))).flat();
  expect(findings).toEqual([]);
});

afterAll(() => {
  if (skipReason) console.warn(`llama-portable.test.ts SKIPPED: ${skipReason}`);
});
