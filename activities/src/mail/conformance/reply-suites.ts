/**
 * The reply-parser suites (discourse, crisp, willdurand, github, zapier, talon) against our cleaner.
 * - `reply-text` family: visible_text_*, reply_text_*, trimmed_equals_file, compared under the check's own
 *   `normalize` rule (none = byte-exact, strip, remove_all_whitespace), each against the reading it defines:
 *   `visible_text_*` (willdurand, crisp, github, zapier: the fragments that are not hidden as quote or signature)
 *   and `trimmed_*` (discourse: quotes and delimited signatures trimmed) against our `visible` (the text as its
 *   writer signed it); `reply_text_*` (talon's extract_from: the message with the quotation removed, signatures
 *   kept, which talon extracts separately) against our `unquoted`.
 * - `reply-other` family, reported only: first_fragment_* (our `clean`), quoted_text_* (our `quoted`),
 *   signature_equals_file (our `signature`), max_seconds (timed); the upstream fragment model, the discourse
 *   "elided"/"embedded email" split and talon's HTML output are `na` with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cleanEmailText, cleanText, type CleanedText } from '../clean-body';
import { renderHtmlAsText } from '../html-visibility';
import { parseEmail } from '../parse-email';
import { senderNameTokens } from '../signature';
import {
  keyedChecks, loose, normaliser, shorten, type CheckOutcome, type Family, type RawCase, type RawCheck,
} from './conformance-types';

export const REPLY_SUITES = [
  'discourse-email-reply-trimmer', 'crisp-email-reply-parser', 'willdurand-email-reply-parser',
  'github-email-reply-parser', 'zapier-email-reply-parser', 'mailgun-talon',
] as const;

const TEXT_CHECK = /^(visible_text_(equals|contains|not_contains|matches|not_matches)|reply_text_(equals|nonempty|not_contains)|trimmed_equals_file)$/;

const NOT_MODELLED: [RegExp, string][] = [
  [/^(fragment_|any_fragment_|visible_text_is_join_of_non_hidden_fragments$)/, "the upstream library's fragment list; our model is clean/quoted/signature"],
  [/^elided_equals_file$/, 'discourse\'s "elided" part; we split it into quoted and signature'],
  [/^(embedded_email_equals_file|text_before_embedded_equals_file|no_embedded_email)$/, "discourse's embedded-email extraction; we keep forwards as quoted"],
  [/^reply_html_equals$/, 'we return the reply as text, not HTML'],
  [/^text_without_signature$/, "talon's signature-extractor input (body without its last lines); no counterpart in our cleaner"],
];

export function replyTextFamily(type: string): Family {
  return TEXT_CHECK.test(type) ? 'reply-text' : 'reply-other';
}

export async function runReplySuite(externalDir: string, source: string): Promise<CheckOutcome[]> {
  const dir = join(externalDir, source);
  const spec = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { cases: RawCase[] };
  const out: CheckOutcome[] = [];
  for (const c of spec.cases) {
    const caseId = String(c.id ?? c.input);
    const checks = keyedChecks(c.checks ?? []);
    let cleaned: CleanedText | null = null;
    let seconds = 0;
    let error: string | null = null;
    try {
      const t0 = performance.now();
      cleaned = await cleanedOf(dir, c);
      seconds = (performance.now() - t0) / 1000;
    } catch (err) {
      error = `crashed: ${(err as Error)?.message ?? String(err)}`;
    }
    for (const [check, ch] of checks) {
      const family = replyTextFamily(ch.type);
      const base = { source, family, caseId, check };
      if (error || !cleaned) out.push({ ...base, status: 'fail', detail: error ?? 'no result' });
      else out.push({ ...base, ...judge(ch, cleaned, seconds, dir) });
    }
  }
  return out;
}

async function cleanedOf(dir: string, c: RawCase): Promise<CleanedText> {
  const raw = c.input ? readFileSync(join(dir, c.input)) : Buffer.from(String(c['input_inline'] ?? ''), 'utf8');
  const kind = String(c['input_kind'] ?? '');
  if (kind.startsWith('eml')) return cleanEmailText(await parseEmail(raw));
  if (kind.startsWith('html')) return cleanText(renderHtmlAsText(raw.toString('utf8')));
  const senderFile = c['sender_file'];
  const sender = typeof senderFile === 'string'
    ? readFileSync(join(dir, senderFile), 'utf8').trim()
    : Object.entries(c).find(([k]) => k.endsWith('_sender'))?.[1];
  const tokens = typeof sender === 'string' ? senderNameTokens(null, sender) : new Set<string>();
  return cleanText(raw.toString('utf8'), tokens);
}

/** Which of our outputs a check type reads (see the header). */
function targetOf(type: string, cleaned: CleanedText): string {
  if (/^(visible_text|trimmed)_/.test(type)) return cleaned.visible;
  if (/^reply_text_/.test(type)) return cleaned.unquoted;
  if (/^quoted_text_/.test(type)) return cleaned.quoted;
  if (/^signature_/.test(type)) return cleaned.signature;
  return cleaned.clean;
}

function judge(ch: RawCheck, cleaned: CleanedText, seconds: number, dir: string): Pick<CheckOutcome, 'status' | 'detail' | 'looseEqual'> {
  for (const [pattern, why] of NOT_MODELLED) if (pattern.test(ch.type)) return { status: 'na', detail: why };
  const expected = ch.file ? readFileSync(join(dir, ch.file), 'utf8') : String(ch.regex ?? ch.value ?? '');
  const target = targetOf(ch.type, cleaned);
  const verdict = (ok: boolean, extra: Partial<CheckOutcome> = {}) =>
    ok ? { status: 'pass' as const } : { status: 'fail' as const, detail: `got ${shorten(target)}`, ...extra };
  const op = ch.type.replace(/^(visible_text|reply_text|quoted_text|first_fragment|trimmed|signature)_/, '');
  switch (op) {
    case 'max_seconds':
      return seconds <= Number(ch.value) ? { status: 'pass' } : { status: 'fail', detail: `took ${seconds.toFixed(2)} s` };
    case 'contains':
      return verdict(target.includes(expected));
    case 'not_contains':
      return verdict(!target.includes(expected));
    case 'matches':
      return verdict(new RegExp(expected, 'm').test(target));
    case 'not_matches':
      return verdict(!new RegExp(expected, 'm').test(target));
    case 'nonempty':
      return verdict(target.trim().length > 0);
    case 'equals':
    case 'equals_file': {
      const norm = normaliser(ch.normalize);
      return verdict(norm(target) === norm(expected), { looseEqual: loose(target) === loose(expected) });
    }
    default:
      return { status: 'na', detail: `check type ${ch.type} not understood by the runner` };
  }
}
