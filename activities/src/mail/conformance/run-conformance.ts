/**
 * `runConformance(externalDir)`: every suite of ../shared/external that has expectations for the mail code, every
 * case, every check — then compared with the committed list of known failures (docs/conformance/known-failures.json):
 * a failure not listed, or a listed failure that now passes, makes the run fail, so the list stays honest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES, type CheckOutcome, type Family } from './conformance-types';
import { BOUNCE_SUITE, MIME_SUITES, runBounceSuite, runMimeSuite } from './mime-suites';
import { REPLY_SUITES, runReplySuite } from './reply-suites';

export interface KnownFailure {
  source: string;
  case: string;
  check: string;
  /**
   * `definition`: the suite's expectation differs from our documented definition (keeps the sign-off name, a
   * mobile footer, byte-exact whitespace of one library…); `gap`: something we do not do (yet) and should.
   */
  kind: 'definition' | 'gap';
  reason: string;
}

export interface FamilyTally {
  passed: number;
  failed: number;
  na: number;
  /** Failures listed as `definition` differences (see KnownFailure). */
  definition: number;
}

export interface ConformanceReport {
  outcomes: CheckOutcome[];
  /** Per source and family. */
  bySource: Map<string, Map<Family, FamilyTally>>;
  byFamily: Map<Family, FamilyTally>;
  unlisted: CheckOutcome[];
  /** Listed failures that passed (or no longer exist). */
  stale: KnownFailure[];
  known: KnownFailure[];
  /** The bars of the issue, with the figure each was judged on. */
  bars: { name: string; rate: number; bar: number; met: boolean }[];
}

/** The family whose failures are reported but not held to the known-failure list (the issue: "only reported"). */
export const REPORTED_ONLY: Family = 'reply-other';

export const ALL_SOURCES = [...REPLY_SUITES, ...MIME_SUITES, BOUNCE_SUITE] as const;

export function knownFailureKey(k: { source: string; case?: string; caseId?: string; check: string }): string {
  return `${k.source}|${k.case ?? k.caseId}|${k.check}`;
}

export function loadKnownFailures(file: string): KnownFailure[] {
  if (!existsSync(file)) return [];
  const json = JSON.parse(readFileSync(file, 'utf8')) as { failures: KnownFailure[] };
  return json.failures;
}

export async function runConformance(externalDir: string, known: KnownFailure[]): Promise<ConformanceReport> {
  const outcomes: CheckOutcome[] = [];
  for (const source of ALL_SOURCES) {
    if (!existsSync(join(externalDir, source, 'expected.json'))) {
      throw new Error(`${source}: ${join(externalDir, source, 'expected.json')} not found`);
    }
    if ((REPLY_SUITES as readonly string[]).includes(source)) outcomes.push(...await runReplySuite(externalDir, source));
    else if (source === BOUNCE_SUITE) outcomes.push(...await runBounceSuite(externalDir));
    else outcomes.push(...await runMimeSuite(externalDir, source));
  }
  return judgeAgainstKnown(outcomes, known);
}

export function judgeAgainstKnown(outcomes: CheckOutcome[], known: KnownFailure[]): ConformanceReport {
  const knownByKey = new Map(known.map((k) => [knownFailureKey(k), k]));
  const failedKeys = new Set<string>();
  const unlisted: CheckOutcome[] = [];
  const bySource = new Map<string, Map<Family, FamilyTally>>();
  const byFamily = new Map<Family, FamilyTally>(FAMILIES.map((f) => [f, emptyTally()]));
  for (const o of outcomes) {
    let families = bySource.get(o.source);
    if (!families) bySource.set(o.source, (families = new Map()));
    let tally = families.get(o.family);
    if (!tally) families.set(o.family, (tally = emptyTally()));
    const total = byFamily.get(o.family)!;
    const bump = (field: keyof FamilyTally) => { tally![field]++; total[field]++; };
    if (o.status === 'pass') bump('passed');
    else if (o.status === 'na') bump('na');
    else {
      bump('failed');
      if (o.family === REPORTED_ONLY) continue; // another library's model: counted and shown, not held to the list
      const key = knownFailureKey(o);
      failedKeys.add(key);
      const k = knownByKey.get(key);
      if (!k) unlisted.push(o);
      else if (k.kind === 'definition') bump('definition');
    }
  }
  const stale = known.filter((k) => !failedKeys.has(knownFailureKey(k)));
  const rate = (t: FamilyTally, excludeDefinition = false) =>
    t.passed / Math.max(1, t.passed + t.failed - (excludeDefinition ? t.definition : 0));
  const sisimai = outcomes.filter((o) => o.source === BOUNCE_SUITE && o.family === 'machine' && o.check.startsWith('recognised:'));
  const text = byFamily.get('reply-text')!;
  const bars = [
    { name: 'reply-text (strict, as the suites define it)', rate: rate(text), bar: 0.9 },
    { name: 'reply-text (definition differences excluded)', rate: rate(text, true), bar: 0.9 },
    { name: 'robustness: parsed or quarantined, no crash', rate: rate(byFamily.get('robustness')!), bar: 1 },
    { name: 'machine: sisimai bounces/ARF/auto-replies recognised', rate: sisimai.filter((o) => o.status === 'pass').length / Math.max(1, sisimai.length), bar: 0.99 },
    {
      name: 'machine: is_machine_mail of the MIME corpora (DSN/MDN/ARF), sisimai human mail not flagged',
      rate: rate(tallyOf(outcomes.filter((o) => o.family === 'machine' && /^(is_machine_mail|human_not_flagged)/.test(o.check)))),
      bar: 1,
    },
  ].map((b) => ({ ...b, met: b.rate >= b.bar }));
  return { outcomes, bySource, byFamily, unlisted, stale, known, bars };
}

function emptyTally(): FamilyTally {
  return { passed: 0, failed: 0, na: 0, definition: 0 };
}

function tallyOf(outcomes: CheckOutcome[]): FamilyTally {
  const t = emptyTally();
  for (const o of outcomes) t[o.status === 'pass' ? 'passed' : o.status === 'na' ? 'na' : 'failed']++;
  return t;
}
