/**
 * Third-party corpora in ../shared/external, read at run time (never copied into the product):
 * - every message of the MIME corpora parses or is quarantined, never anything else;
 * - the DSN / MDN / ARF cases of those corpora are recognised as machine mail;
 * - sisimai's bounces, ARF reports and auto-replies are recognised (>= 99 %), its two human mails are not;
 * - the reply-parser suites: pass rates of the reply-text checks stay above their floors.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedEmail } from '../domain/types';
import { cleanBody } from './clean-body';
import { detectMachineMail } from './machine-mail';
import { parseEmail } from './parse-email';
import { QuarantineError } from './quarantine';
import { describeIfPresent, externalDir } from './test-support/paths';
import { REPLY_SUITES, runReplySuite } from './conformance/reply-suites';

const MIME_CORPORA = ['enmime-testdata', 'nodemailer-mailparser', 'postal-mime-fixtures', 'mikel-mail-fixtures', 'mimekit-testdata'];
const NOT_MESSAGES = /(^|\/)(LICENSE[^/]*|SOURCE\.md|README[^/]*|expected\.json)$/;

/** Each corpus file is parsed once for all the tests below. */
const parsedCache = new Map<string, Promise<ParsedEmail>>();
function parseFile(file: string): Promise<ParsedEmail> {
  let p = parsedCache.get(file);
  if (!p) {
    p = parseEmail(readFileSync(file));
    p.catch(() => undefined); // inspected by the caller
    parsedCache.set(file, p);
  }
  return p;
}

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* filesUnder(p);
    else if (!NOT_MESSAGES.test(p)) yield p;
  }
}

/**
 * Whole corpora, CPU-bound, nothing to wait for: the file takes ~9 s of wall time at load 8 (sisimai ~3.5 s, the
 * first test also pays for building the parser's and rules' patterns), several times that when the 2 shared cores run
 * load 20-25, which is how the former 60 s limit was hit. No test here times anything (speed is the benchmark's
 * question): the limit only guards against a hang.
 */
const SLOW = 300_000;

describeIfPresent(externalDir, 'external corpora', () => {
  it.each(MIME_CORPORA)('%s: every message parses or is quarantined', async (corpus) => {
    const unexpected: string[] = [];
    let parsed = 0;
    for (const file of filesUnder(join(externalDir, corpus))) {
      try {
        const p = await parseFile(file);
        expect(typeof p.text).toBe('string');
        parsed++;
      } catch (err) {
        if (!(err instanceof QuarantineError)) unexpected.push(`${file}: ${String(err)}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(parsed).toBeGreaterThan(0);
  }, SLOW);

  it.each(MIME_CORPORA)('%s: labelled DSN / MDN / ARF messages are machine mail', async (corpus) => {
    const spec = JSON.parse(readFileSync(join(externalDir, corpus, 'expected.json'), 'utf8')) as {
      cases: { input: string; checks: { type: string; value?: unknown }[] }[];
    };
    const wrong: string[] = [];
    for (const c of spec.cases) {
      const check = c.checks.find((ch) => ch.type === 'is_machine_mail');
      if (!check) continue;
      const p = await parseFile(join(externalDir, corpus, c.input));
      const v = detectMachineMail(p, cleanBody(p));
      if (v.isMachine !== check.value) wrong.push(`${c.input}: ${v.reasons.join(',') || 'human'}`);
    }
    expect(wrong).toEqual([]);
  }, SLOW);

  it('sisimai: >= 99 % of bounces, ARF reports and auto-replies are machine mail; its human mails are not', async () => {
    const dir = join(externalDir, 'sisimai-set-of-emails');
    const spec = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
      cases: { file: string; is_machine_mail: boolean }[];
    };
    let machine = 0;
    let recognised = 0;
    const falsePositives: string[] = [];
    for (const c of spec.cases) {
      let isMachine = false;
      try {
        const p = await parseEmail(readFileSync(join(dir, c.file)));
        isMachine = detectMachineMail(p, cleanBody(p)).isMachine;
      } catch (err) {
        if (!(err instanceof QuarantineError)) throw err;
      }
      if (c.is_machine_mail) {
        machine++;
        recognised += Number(isMachine);
      } else if (isMachine) falsePositives.push(c.file);
    }
    expect(recognised / machine).toBeGreaterThanOrEqual(0.99);
    expect(falsePositives).toEqual([]);
  }, SLOW);

  /** Floors at the pass rates measured when this was written; upstream conventions differ from ours on some cases. */
  const FLOORS: Record<string, number> = {
    'discourse-email-reply-trimmer': 0.9, // 58/64: the misses keep quotes in the reply, or read text below an attribution as new
    'crisp-email-reply-parser': 0.55, // 5/9: exact trailing newlines, a block under an "—" line it keeps
    'willdurand-email-reply-parser': 0.96, // 28/29: byte-exact blank lines of the library's own joining
    'github-email-reply-parser': 1, // 9/9
    'zapier-email-reply-parser': 1, // 11/11
    'mailgun-talon': 0.97, // 72/74: a forwarded message kept in the reply; a case that contradicts two others
  };

  it.each([...REPLY_SUITES])('%s: reply-text checks pass above the floor', async (suite) => {
    const results = (await runReplySuite(externalDir, suite)).filter((o) => o.family === 'reply-text');
    const passed = results.filter((o) => o.status === 'pass').length;
    const rate = passed / results.length;
    // eslint-disable-next-line no-console
    console.log(`${suite}: ${passed}/${results.length} reply-text checks pass (${(rate * 100).toFixed(1)} %)`);
    expect(rate).toBeGreaterThanOrEqual(FLOORS[suite] ?? 0.5);
  }, SLOW);
});
