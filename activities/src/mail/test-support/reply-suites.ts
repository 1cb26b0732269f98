/**
 * Test support: runs the third-party reply-parser suites in ../shared/external against our cleaner.
 * Only the checks about the reply text are run (visible_text_*, reply_text_*, trimmed_equals_file); the
 * upstream "fragment" model is another library's internal shape and is not ours to match.
 * The suites are read at run time and never copied into the product.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanBody, cleanText } from '../clean-body';
import { renderHtmlAsText } from '../html-visibility';
import { parseEmail } from '../parse-email';
import { senderNameTokens } from '../signature';

export const REPLY_SUITES = [
  'discourse-email-reply-trimmer', 'crisp-email-reply-parser', 'willdurand-email-reply-parser',
  'github-email-reply-parser', 'zapier-email-reply-parser', 'mailgun-talon',
] as const;

interface Check {
  type: string;
  value?: string;
  regex?: string;
  file?: string;
  normalize?: string;
}
interface Case {
  id: string;
  input: string | null;
  input_inline?: string;
  input_kind?: string;
  checks: Check[];
  [key: string]: unknown;
}

export interface CheckResult {
  suite: string;
  id: string;
  type: string;
  pass: boolean;
  /** Equal once all whitespace runs are collapsed (for the byte-exact checks). */
  passLoose: boolean;
  got: string;
  expected: string;
}

const TEXT_CHECK = /^(visible_text_(equals|contains|not_contains|matches|not_matches)|reply_text_(equals|nonempty|not_contains)|trimmed_equals_file)$/;

export function externalRoot(repoRoot: string): string | null {
  const dir = join(repoRoot, '..', 'shared', 'external');
  return existsSync(join(dir, 'INDEX.md')) ? dir : null;
}

export async function runReplySuite(externalDir: string, suite: string): Promise<CheckResult[]> {
  const dir = join(externalDir, suite);
  const spec = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { cases: Case[] };
  const results: CheckResult[] = [];
  for (const c of spec.cases) {
    const checks = c.checks.filter((ch) => TEXT_CHECK.test(ch.type));
    if (!checks.length) continue;
    const reply = await replyOf(dir, c);
    for (const ch of checks) results.push(judge(suite, c.id, ch, reply, dir));
  }
  return results;
}

async function replyOf(dir: string, c: Case): Promise<string> {
  const raw = c.input ? readFileSync(join(dir, c.input)) : Buffer.from(c.input_inline ?? '', 'utf8');
  const kind = c.input_kind ?? '';
  if (kind.startsWith('eml')) return cleanBody(await parseEmail(raw)).clean;
  if (kind.startsWith('html')) return cleanText(renderHtmlAsText(raw.toString('utf8'))).clean;
  const sender = Object.entries(c).find(([k]) => k.endsWith('_sender'))?.[1];
  const tokens = typeof sender === 'string' ? senderNameTokens(null, sender) : new Set<string>();
  return cleanText(raw.toString('utf8'), tokens).clean;
}

function judge(suite: string, id: string, ch: Check, got: string, dir: string): CheckResult {
  const expected = ch.file ? readFileSync(join(dir, ch.file), 'utf8') : (ch.regex ?? ch.value ?? '');
  const norm = normaliser(ch.normalize);
  const loose = (s: string): string => s.replace(/\s+/g, ' ').trim();
  let pass: boolean;
  let passLoose: boolean;
  switch (ch.type) {
    case 'visible_text_contains':
      pass = passLoose = got.includes(expected);
      break;
    case 'visible_text_not_contains':
    case 'reply_text_not_contains':
      pass = passLoose = !got.includes(expected);
      break;
    case 'visible_text_matches':
      pass = passLoose = new RegExp(expected, 'm').test(got);
      break;
    case 'visible_text_not_matches':
      pass = passLoose = !new RegExp(expected, 'm').test(got);
      break;
    case 'reply_text_nonempty':
      pass = passLoose = got.trim().length > 0;
      break;
    default:
      pass = norm(got) === norm(expected);
      passLoose = loose(got) === loose(expected);
  }
  return { suite, id, type: ch.type, pass, passLoose: pass || passLoose, got, expected };
}

function normaliser(kind: string | undefined): (s: string) => string {
  switch (kind) {
    case 'strip':
    case 'strip both sides':
      return (s) => s.replace(/\r\n/g, '\n').trim();
    case 'remove_all_whitespace':
      return (s) => s.replace(/\s+/g, '');
    case 'CRLF->LF':
      return (s) => s.replace(/\r\n/g, '\n');
    default:
      return (s) => s;
  }
}
