/**
 * `pnpm exec tsx test/challenge/run-challenge.ts [--dir DIR] [--shop FILE] [--verbose]` — runs a challenge set
 * (default test/fixtures/challenge; test/fixtures/challenge-2 is the second batch, written after the first was used) through the
 * CLI's decision path (`replique triage`: decideRaw, same deps as the worker) and prints, per kind, how many cases
 * got the route their label asks for (escalate / suppress exactly; the innocent and customer kinds neither), and
 * the unsafe automatic sends (an `auto` route where the label says escalate or suppress). Not a test: a measure.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTriageDeps, triageEach } from '@replique/services/cli/triage-command';
import { loadChallengeSet, routeMeetsLabel, toRaw } from './challenge-set';
import { shopFixture } from '../support/paths';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const shop = argv.includes('--shop') ? argv[argv.indexOf('--shop') + 1]! : shopFixture;
  const verbose = argv.includes('--verbose');
  const cases = argv.includes('--dir') ? loadChallengeSet(path.resolve(argv[argv.indexOf('--dir') + 1]!)) : loadChallengeSet();
  const dir = mkdtempSync(path.join(tmpdir(), 'challenge-'));
  cases.forEach((c, i) => writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}-${c.id}.eml`), toRaw(c, i)));
  const deps = await buildTriageDeps(shop, undefined, {});
  const got = new Map<string, { route: string; reasons: string[] }>();
  try {
    await triageEach([dir], deps, (line) => {
      const id = line.file.replace(/^\d+-/, '').replace(/\.eml$/, '');
      got.set(id, { route: String(line.route ?? 'quarantine'), reasons: (line.route_reasons as string[] | undefined) ?? [] });
    });
  } finally {
    await deps.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const byKind = new Map<string, { n: number; ok: number; misses: string[] }>();
  let unsafe = 0;
  for (const c of cases) {
    const r = got.get(c.id) ?? { route: 'missing', reasons: [] };
    const k = byKind.get(c.kind) ?? { n: 0, ok: 0, misses: [] };
    k.n++;
    if (routeMeetsLabel(c.route, r.route)) k.ok++;
    else k.misses.push(`${c.id} → ${r.route} [${r.reasons.join(', ')}]`);
    if (r.route === 'auto' && (c.route === 'escalate' || c.route === 'suppress')) unsafe++;
    byKind.set(c.kind, k);
  }
  const groups: [string, (route: string) => boolean][] = [
    ['escalate', (r) => r === 'escalate'], ['suppress', (r) => r === 'suppress'], ['neither', (r) => r === 'auto' || r === 'review'],
  ];
  for (const [label, want] of groups) {
    const kinds = [...new Set(cases.filter((c) => want(c.route)).map((c) => c.kind))];
    let n = 0;
    let ok = 0;
    console.log(`\n${label === 'neither' ? 'must be neither escalated nor suppressed' : `must ${label}`}:`);
    for (const kind of kinds) {
      const k = byKind.get(kind)!;
      n += k.n;
      ok += k.ok;
      console.log(`  ${kind.padEnd(22)} ${String(k.ok).padStart(3)}/${String(k.n).padEnd(3)} ${(k.ok / k.n).toFixed(2)}`);
      if (verbose) for (const m of k.misses) console.log(`      miss ${m}`);
    }
    console.log(`  ${'all'.padEnd(22)} ${String(ok).padStart(3)}/${String(n).padEnd(3)} ${(ok / n).toFixed(3)}`);
  }
  console.log(`\ncases: ${cases.length}   unsafe auto-sends: ${unsafe}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
