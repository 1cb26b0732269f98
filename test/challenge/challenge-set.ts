/**
 * The challenge sets of issue 14 (test/fixtures/challenge/*.txt): emails written by the team to probe kinds of
 * misses — escalations said without keywords, listed words used innocently or negated, machine mail and spam
 * without the usual headers, customers whose words look like a machine's. Each case is a header block and a body
 * under a label line:
 *
 *   === <id> | kind: <kind> | route: <expected route> | lang: <fr|en|mixed>
 *   From: …
 *   Subject: …
 *   <blank line>
 *   <body>
 *
 * `toRaw` completes the headers (To, Date, Message-ID, MIME) so the product reads an ordinary RFC 5322 message.
 * Test data only: never product content, never training text for the shipped model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Route = 'auto' | 'review' | 'escalate' | 'suppress';

export interface ChallengeCase {
  id: string;
  kind: string;
  route: Route;
  lang: string;
  headers: [string, string][];
  body: string;
}

export const CHALLENGE_DIR = path.resolve(__dirname, '../fixtures/challenge');

/** What counts as a hit for a case: escalations and suppressions must be exactly that; the others must be neither. */
export function routeMeetsLabel(expected: Route, got: string): boolean {
  if (expected === 'escalate' || expected === 'suppress') return got === expected;
  return got === 'auto' || got === 'review';
}

export function parseChallengeFile(text: string): ChallengeCase[] {
  const out: ChallengeCase[] = [];
  for (const chunk of text.split(/^=== /m).slice(1)) {
    const [labelLine, ...rest] = chunk.split('\n');
    const fields = labelLine!.split('|').map((s) => s.trim());
    const id = fields[0]!;
    const get = (k: string): string => fields.find((f) => f.startsWith(`${k}:`))?.slice(k.length + 1).trim() ?? '';
    const blank = rest.indexOf('');
    const headerLines = rest.slice(0, blank);
    const body = rest.slice(blank + 1).join('\n').replace(/\n+$/, '\n');
    const headers = headerLines.map((l): [string, string] => {
      const i = l.indexOf(':');
      return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    });
    out.push({ id, kind: get('kind'), route: get('route') as Route, lang: get('lang'), headers, body });
  }
  return out;
}

export function loadChallengeSet(dir = CHALLENGE_DIR): ChallengeCase[] {
  return readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()
    .flatMap((n) => parseChallengeFile(readFileSync(path.join(dir, n), 'utf8')));
}

const encodeHeader = (v: string): string => (/[^\x20-\x7e]/.test(v) ? `=?UTF-8?B?${Buffer.from(v, 'utf8').toString('base64')}?=` : v);

function encodeAddress(v: string): string {
  const m = v.match(/^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/);
  return m && m[1] ? `${encodeHeader(m[1])} <${m[2]}>` : v;
}

/** The case as a raw message: its headers, then To, Date (the days before the shop's "today"), Message-ID, MIME. */
export function toRaw(c: ChallengeCase, index: number): Buffer {
  const has = (name: string): boolean => c.headers.some(([k]) => k.toLowerCase() === name);
  const lines = c.headers.map(([k, v]) => `${k}: ${k.toLowerCase() === 'from' || k.toLowerCase() === 'reply-to' ? encodeAddress(v) : encodeHeader(v)}`);
  if (!has('to')) lines.push('To: Maison Lumen <support@maison-lumen.example>');
  if (!has('date')) lines.push(`Date: ${new Date(Date.UTC(2026, 10, 23, 8, 0) - index * 3_600_000).toUTCString().replace('GMT', '+0000')}`);
  if (!has('message-id')) lines.push(`Message-ID: <challenge-${c.id}@challenge.invalid>`);
  lines.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit');
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${c.body.replace(/\r?\n/g, '\r\n')}`, 'utf8');
}
