/**
 * `replique conformance [--shared DIR] [--known FILE] [--verbose]`: the cleaner, the parser and the machine-mail
 * detector over every suite of DIR/external (default ../shared next to the checkout, read at run time, never copied
 * into the repo). Prints passed/total per source and check family, the known failures with their reasons, and
 * one summary line per family and overall. Exit 1 when a check fails that docs/conformance/known-failures.json does
 * not list, or a listed one passes now (the list must stay honest); exit 2 on usage errors.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FAMILIES, type Family } from '@replique/activities/mail/conformance/conformance-types';
import {
  loadKnownFailures, runConformance, type ConformanceReport, type FamilyTally,
} from '@replique/activities/mail/conformance/run-conformance';
import { parseArgs, UsageError } from './args';

export const CONFORMANCE_USAGE = 'usage: replique conformance [--shared DIR] [--known FILE] [--verbose]';

const REPO_ROOT = resolve(__dirname, '../../..');
export const DEFAULT_KNOWN_FAILURES = resolve(REPO_ROOT, 'docs/conformance/known-failures.json');

export async function conformanceCommand(argv: string[], write: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['shared', 'known'], ['verbose']);
  if (args.positionals.length) throw new UsageError(CONFORMANCE_USAGE);
  const shared = resolve(args.options.shared ?? resolve(REPO_ROOT, '../shared'));
  const external = resolve(shared, 'external');
  if (!existsSync(resolve(external, 'INDEX.md'))) throw new UsageError(`no third-party suites at ${external} (use --shared DIR)`);
  const known = loadKnownFailures(resolve(args.options.known ?? DEFAULT_KNOWN_FAILURES));
  const report = await runConformance(external, known);
  printReport(report, write, args.flags.has('verbose'));
  return report.unlisted.length || report.stale.length ? 1 : 0;
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');

function cell(t: FamilyTally | undefined): string {
  if (!t) return '';
  const judged = t.passed + t.failed;
  return `${t.passed}/${judged}${t.na ? ` +${t.na} n/a` : ''}`;
}

export function printReport(report: ConformanceReport, write: (line: string) => void, verbose = false): void {
  const width = Math.max(...[...report.bySource.keys()].map((s) => s.length));
  write(`${'source'.padEnd(width)}  ${FAMILIES.map((f) => f.padEnd(18)).join('')}`);
  for (const [source, families] of report.bySource) {
    write(`${source.padEnd(width)}  ${FAMILIES.map((f) => cell(families.get(f)).padEnd(18)).join('')}`);
  }
  write('(passed/judged; n/a = checks about something our parser does not model, each with its reason below)');

  const naReasons = new Map<string, number>();
  for (const o of report.outcomes) if (o.status === 'na') {
    const key = `${o.family}: ${o.check.replace(/#\d+$/, '')} — ${o.detail}`;
    naReasons.set(key, (naReasons.get(key) ?? 0) + 1);
  }
  write('');
  write(`not applicable (${[...naReasons.values()].reduce((a, b) => a + b, 0)} checks):`);
  for (const [reason, n] of [...naReasons].sort()) write(`  ${String(n).padStart(3)} × ${reason}`);

  write('');
  write(`known failures (${report.known.length}: ${report.known.filter((k) => k.kind === 'definition').length} definition differences, ${report.known.filter((k) => k.kind === 'gap').length} gaps):`);
  for (const k of report.known) write(`  [${k.kind}] ${k.source} ${k.case} ${k.check} — ${k.reason}`);
  if (verbose) {
    write('');
    write('failure details:');
    for (const o of report.outcomes) if (o.status === 'fail') write(`  ${o.source} ${o.caseId} ${o.check}${o.looseEqual ? ' (equal once whitespace is collapsed)' : ''}: ${o.detail ?? ''}`);
  }
  if (report.unlisted.length) {
    write('');
    write(`FAILURES NOT IN THE KNOWN LIST (${report.unlisted.length}):`);
    for (const o of report.unlisted) write(`  ${JSON.stringify({ source: o.source, case: o.caseId, check: o.check })} ${o.looseEqual ? '(equal once whitespace is collapsed) ' : ''}${o.detail ?? ''}`);
  }
  if (report.stale.length) {
    write('');
    write(`LISTED AS KNOWN FAILURES BUT PASSING NOW (${report.stale.length}): remove them from the list`);
    for (const k of report.stale) write(`  ${k.source} ${k.case} ${k.check}`);
  }

  write('');
  write('summary:');
  let passed = 0;
  let judged = 0;
  for (const f of FAMILIES) {
    const t = report.byFamily.get(f as Family)!;
    passed += t.passed;
    judged += t.passed + t.failed;
    const extra = t.definition ? `; ${t.passed}/${t.passed + t.failed - t.definition} (${pct(t.passed, t.passed + t.failed - t.definition)}) without the ${t.definition} definition differences` : '';
    write(`  ${f.padEnd(12)} ${t.passed}/${t.passed + t.failed} passed (${pct(t.passed, t.passed + t.failed)})${extra}${t.na ? `; ${t.na} n/a` : ''}${f === 'reply-other' ? ' — reported only' : ''}`);
  }
  write(`  ${'overall'.padEnd(12)} ${passed}/${judged} passed (${pct(passed, judged)}); ${report.known.length} known failures; ${report.unlisted.length} unlisted; ${report.stale.length} stale`);
  write('bars:');
  for (const b of report.bars) write(`  ${b.met ? 'met    ' : 'NOT MET'} ${b.name}: ${(b.rate * 100).toFixed(1)} % (bar ${(b.bar * 100).toFixed(0)} %)`);
}
