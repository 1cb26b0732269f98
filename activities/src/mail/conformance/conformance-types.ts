/**
 * The shape of a conformance run over the third-party suites of ../shared/external (read at run time, never
 * copied here). Every check of every case becomes one CheckOutcome: `pass`, `fail`, or `na` (the check is about
 * something our parser does not model, e.g. another library's fragment list) with the reason. Nothing is dropped.
 */
export type Family =
  /** visible_text_*, reply_text_*, trimmed_*: the reply as the customer wrote it (bar: 90 % overall). */
  | 'reply-text'
  /** fragment_*, first_fragment_*, quoted_text_*, signature… of the reply-parser suites: reported only. */
  | 'reply-other'
  /** MIME content checks (text, html, subject/headers, addresses, attachments, problems reported). */
  | 'mime'
  /** Every message file of the MIME and bounce corpora parses or is quarantined, never crashes (bar: 100 %). */
  | 'robustness'
  /** Bounces, DSN, MDN, ARF and auto-replies recognised as machine mail, human mail not (bar: 99 % on sisimai). */
  | 'machine';

export const FAMILIES: readonly Family[] = ['reply-text', 'reply-other', 'mime', 'robustness', 'machine'];

export type Status = 'pass' | 'fail' | 'na';

export interface CheckOutcome {
  source: string;
  family: Family;
  /** The case: its `id`, else its input file (relative to the source folder). */
  caseId: string;
  /** The check type, with `#n` when a case has several checks of that type. */
  check: string;
  status: Status;
  /** For `fail`: what we produced (shortened); for `na`: why the check does not apply. */
  detail?: string;
  /** For a failed equality check: also equal once every whitespace run is collapsed. */
  looseEqual?: boolean;
}

export interface RawCheck {
  type: string;
  value?: unknown;
  regex?: string;
  file?: string;
  normalize?: string;
  index?: number;
  header?: string;
  field?: string;
  name?: string;
  note?: string;
  [key: string]: unknown;
}

export interface RawCase {
  id?: string;
  input?: string | null;
  file?: string;
  checks?: RawCheck[];
  [key: string]: unknown;
}

/** A check key unique within its case: `type`, `type#2`, … */
export function keyedChecks(checks: RawCheck[]): [string, RawCheck][] {
  const seen = new Map<string, number>();
  return checks.map((ch) => {
    const n = (seen.get(ch.type) ?? 0) + 1;
    seen.set(ch.type, n);
    return [n === 1 ? ch.type : `${ch.type}#${n}`, ch];
  });
}

export function shorten(s: string, max = 160): string {
  const one = JSON.stringify(s);
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The `normalize` rules of the suites' INDEX.md: none (byte-exact), strip, remove_all_whitespace, CRLF->LF. */
export function normaliser(kind: string | undefined): (s: string) => string {
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

export const loose = (s: string): string => s.replace(/\s+/g, ' ').trim();
