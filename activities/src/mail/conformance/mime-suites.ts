/**
 * The MIME corpora (enmime, mailparser, postal-mime, mikel/mail, MimeKit) and the sisimai bounce corpus against
 * parseEmail, cleanBody and detectMachineMail.
 * - `robustness`: every message file of each corpus (listed in expected.json or not) parses or is quarantined.
 * - `mime`: the content checks of expected.json on ParsedEmail (text, html, subject, decoded headers, addresses,
 *   attachments, problems). Checks about things parseEmail deliberately does not keep (part bodies, header order,
 *   MD5 sums, TNEF internals…) are `na` with the reason.
 * - `machine`: is_machine_mail and the DSN checks (recipients, action), and all of sisimai (bounces, ARF,
 *   auto-replies recognised; its human mails not).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Address, ParsedEmail } from '../../domain/types';
import { cleanBody } from '../clean-body';
import { detectMachineMail } from '../machine-mail';
import { parseEmail } from '../parse-email';
import { QuarantineError } from '../quarantine';
import { keyedChecks, normaliser, shorten, type CheckOutcome, type Family, type RawCase, type RawCheck } from './conformance-types';

export const MIME_SUITES = [
  'enmime-testdata', 'nodemailer-mailparser', 'postal-mime-fixtures', 'mikel-mail-fixtures', 'mimekit-testdata',
] as const;
export const BOUNCE_SUITE = 'sisimai-set-of-emails';

const NOT_MESSAGES = /(^|\/)(LICENSE[^/]*|SOURCE\.md|UPSTREAM-README\.md|README[^/]*|expected\.json)$/;

const MACHINE_CHECKS = new Set(['is_machine_mail', 'dsn_recipients', 'bounced', 'is_delivery_status_report', 'dsn_action']);
const ROBUSTNESS_CHECKS = new Set(['does_not_crash', 'parses_without_fatal_error', 'bounded_memory']);

const NOT_MODELLED: Record<string, string> = {
  attachment_md5: 'parseEmail keeps a SHA-256 per attachment, not an MD5',
  attachment_content_contains: 'attachment bodies are hashed and dropped, never kept',
  attachment_content_prefix_hex: 'attachment bodies are hashed and dropped, never kept',
  inline_content_prefix_hex: 'attachment bodies are hashed and dropped, never kept',
  inline_header: 'per-part headers are not kept',
  other_part_filename: "enmime's 'other parts' bucket has no counterpart (they are attachments here)",
  other_part_content_id: "enmime's 'other parts' bucket has no counterpart; Content-IDs are not kept",
  header_keys: 'only selected headers are kept (SELECTED_HEADERS), not the full list',
  header_values: 'only the first occurrence of selected headers is kept',
  either: 'free-text alternative outcome, judged by a person (does_not_crash covers the machine part)',
  header_decode_protocol_error: "enmime's error type; a header line without a colon is reported as a problem instead",
  content_type_fallback: 'per-part content types of the body are not exposed',
  attachment_field: 'calendar method of a part is not parsed',
  tnef_body_is_html: 'TNEF (winmail.dat) is noted as an attachment, not decoded',
  tnef_body_charset: 'TNEF (winmail.dat) is noted as an attachment, not decoded',
  tnef_body_html_contains: 'TNEF (winmail.dat) is noted as an attachment, not decoded',
  tnef_message_id: 'TNEF (winmail.dat) is noted as an attachment, not decoded',
  tnef_part_count: 'TNEF (winmail.dat) is noted as an attachment, not decoded',
  tnef_part_mime_type: 'TNEF (winmail.dat) is noted as an attachment, not decoded',
  tnef_attachment_filename: 'TNEF (winmail.dat) is noted as an attachment, not decoded',
};

type Parsed = { parsed: ParsedEmail } | { quarantined: string } | { crashed: string };

async function parseFile(file: string): Promise<Parsed> {
  try {
    return { parsed: await parseEmail(readFileSync(file)) };
  } catch (err) {
    if (err instanceof QuarantineError) return { quarantined: err.reason };
    return { crashed: (err as Error)?.message ?? String(err) };
  }
}

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* filesUnder(p);
    else if (!NOT_MESSAGES.test(p)) yield p;
  }
}

export async function runMimeSuite(externalDir: string, source: string): Promise<CheckOutcome[]> {
  const dir = join(externalDir, source);
  const cache = new Map<string, Parsed>();
  const parsedOf = async (rel: string): Promise<Parsed> => {
    let p = cache.get(rel);
    if (!p) cache.set(rel, (p = await parseFile(join(dir, rel))));
    return p;
  };
  const out: CheckOutcome[] = [];
  for (const file of filesUnder(dir)) {
    const rel = relative(dir, file);
    const p = await parsedOf(rel);
    out.push({
      source, family: 'robustness', caseId: rel, check: 'parsed_or_quarantined',
      ...('crashed' in p ? { status: 'fail', detail: p.crashed } : { status: 'pass' }),
    });
  }
  const spec = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { cases: RawCase[] };
  for (const c of spec.cases) {
    const rel = String(c.input ?? c.file);
    const p = await parsedOf(rel);
    for (const [check, ch] of keyedChecks(c.checks ?? [])) {
      const family: Family = MACHINE_CHECKS.has(ch.type) ? 'machine' : 'mime';
      const judged = family === 'mime' ? judgeMime(ch, p)
        : 'parsed' in p ? (judgeMachine(ch, p.parsed) ? { status: 'pass' as const } : { status: 'fail' as const, detail: machineDetail(p.parsed) })
          : { status: 'fail' as const, detail: JSON.stringify(p) };
      out.push({ source, family, caseId: rel, check, ...judged });
    }
  }
  return out;
}

export async function runBounceSuite(externalDir: string): Promise<CheckOutcome[]> {
  const dir = join(externalDir, BOUNCE_SUITE);
  const spec = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
    cases: { file: string; is_machine_mail: boolean; kind: string }[];
  };
  const out: CheckOutcome[] = [];
  for (const c of spec.cases) {
    const p = await parseFile(join(dir, c.file));
    out.push({
      source: BOUNCE_SUITE, family: 'robustness', caseId: c.file, check: 'parsed_or_quarantined',
      ...('crashed' in p ? { status: 'fail', detail: p.crashed } : { status: 'pass' }),
    });
    const verdict = 'parsed' in p ? detectMachineMail(p.parsed, cleanBody(p.parsed)) : null;
    const isMachine = verdict?.isMachine ?? false;
    out.push({
      source: BOUNCE_SUITE, family: 'machine', caseId: c.file, check: c.is_machine_mail ? `recognised:${c.kind}` : 'human_not_flagged',
      ...(isMachine === c.is_machine_mail
        ? { status: 'pass' }
        : { status: 'fail', detail: verdict ? verdict.reasons.join(',') || 'human' : Object.values(p)[0] as string }),
    });
  }
  return out;
}

function judgeMime(ch: RawCheck, p: Parsed): Pick<CheckOutcome, 'status' | 'detail' | 'looseEqual'> {
  if (ROBUSTNESS_CHECKS.has(ch.type)) return 'crashed' in p ? { status: 'fail', detail: p.crashed } : { status: 'pass' };
  if (ch.type === 'parses') return 'parsed' in p ? { status: 'pass' } : { status: 'fail', detail: JSON.stringify(p) };
  const why = NOT_MODELLED[ch.type];
  if (why) return { status: 'na', detail: why };
  if (!('parsed' in p)) return { status: 'fail', detail: JSON.stringify(p) };
  const e = p.parsed;
  const ok = (cond: boolean, got?: unknown) =>
    cond ? { status: 'pass' as const } : { status: 'fail' as const, detail: `got ${shorten(typeof got === 'string' ? got : JSON.stringify(got) ?? 'undefined')}` };
  const v = ch.value;
  const norm = normaliser(ch.normalize);
  const eq = (got: string, want: unknown) => ({
    ...ok(norm(got) === norm(String(want)), got),
    looseEqual: got.replace(/\s+/g, ' ').trim() === String(want).replace(/\s+/g, ' ').trim(),
  });
  const attachments = e.attachments.filter((a) => !a.inline);
  const inlines = e.attachments.filter((a) => a.inline);
  const idx = ch.index ?? 0;
  switch (ch.type) {
    case 'text_equals':
    case 'text_body_equals':
      return v === null ? ok(!e.text.trim(), e.text) : eq(e.text, v);
    case 'text_contains':
      return ok(e.text.includes(String(v)), e.text);
    case 'text_not_contains':
      return ok(!e.text.includes(String(v)), e.text);
    case 'text_first_line_equals':
      return ok(e.text.trimStart().split('\n')[0]!.trim() === String(v).trim(), e.text.split('\n')[0]);
    case 'html_equals':
    case 'html_body_equals':
      return v === null ? ok(!e.html, e.html) : eq(e.html ?? '', v);
    case 'html_contains':
      return ok((e.html ?? '').includes(String(v)), e.html);
    case 'html_contains_codepoint':
      return ok((e.html ?? '').includes(codepoint(String(v))), e.html);
    case 'html_not_contains_codepoint':
      return ok(!(e.html ?? '').includes(codepoint(String(v))), e.html);
    case 'html_absent':
      return ok(!e.html, e.html);
    case 'html_nonempty':
      return ok(!!e.html?.trim(), e.html);
    case 'subject_equals':
      return ok(e.subject === String(v), e.subject);
    case 'header_decoded': {
      const name = String(ch.header).toLowerCase();
      const got = name === 'subject' ? e.subject : e.headers[name];
      return ok(got === String(v), got ?? `(header ${name} not kept)`);
    }
    case 'from_header_equals':
      return ok(e.headers['from'] === String(v), e.headers['from']);
    case 'in_reply_to_blank':
      return ok((e.inReplyTo === null) === v, e.inReplyTo);
    case 'is_multipart':
      return ok(e.contentType.startsWith('multipart/') === v, e.contentType);
    case 'from_name':
      return ok(e.from?.name === String(v), e.from);
    case 'to_name':
      return ok(e.to[idx]?.name === String(v), e.to);
    case 'from_addresses':
      return ok(sameList(e.from ? [e.from.address] : [], v as string[]), e.from);
    case 'from_display_names':
      return ok(sameList(e.from ? [e.from.name] : [], v as string[]), e.from);
    case 'to_addresses':
    case 'to_addresses_any_order': {
      const want = (v as (string | Address)[]).map((a) => (typeof a === 'string' ? { address: a, name: null } : a));
      const got = e.to.map((a) => ({ address: a.address, name: a.name }));
      const match = (g: Address, w: { address: string; name: string | null }) =>
        g.address === w.address.toLowerCase() && (w.name === null || g.name === w.name);
      const ordered = got.length === want.length && want.every((w, i) => match(got[i]!, w));
      const anyOrder = got.length === want.length && want.every((w) => got.some((g) => match(g, w)));
      return ok(ch.type === 'to_addresses' ? ordered : anyOrder, got);
    }
    case 'address_name': {
      if (String(ch.header).toLowerCase() === 'sender') return ok((e.headers['sender'] ?? '').includes(String(v)), e.headers['sender']);
      const list = String(ch.header).toLowerCase() === 'from' ? (e.from ? [e.from] : []) : e.to;
      return ok(list[idx]?.name === String(v), list);
    }
    case 'address_count_min': {
      const list = String(ch.header).toLowerCase() === 'from' ? (e.from ? [e.from] : []) : e.to;
      return ok(list.length >= Number(v), list);
    }
    case 'attachment_count':
      return ok(attachments.length === Number(v), attachments.map((a) => a.filename));
    case 'inline_count':
      return ok(inlines.length === Number(v), inlines.map((a) => a.filename));
    case 'attachment_filename':
      return ok(attachments[idx]?.filename === String(v), attachments.map((a) => a.filename));
    case 'inline_filename':
      return ok(inlines[idx]?.filename === String(v), inlines.map((a) => a.filename));
    case 'attachment_sha256':
      return ok(attachments[idx]?.sha256 === String(v), attachments.map((a) => a.sha256));
    case 'contains_tnef_part':
      return ok(e.attachments.some((a) => a.contentType === 'application/ms-tnef' || /^winmail\.dat$/i.test(a.filename ?? '')) === v,
        e.attachments.map((a) => a.contentType));
    case 'parser_reports_problem':
      return ok(e.problems.length > 0, e.problems);
    case 'no_problems':
      return ok(e.problems.length === 0, e.problems);
    default:
      return { status: 'na', detail: `check type ${ch.type} not understood by the runner` };
  }
}

export function judgeMachine(ch: RawCheck, p: ParsedEmail): boolean {
  const verdict = detectMachineMail(p, cleanBody(p));
  switch (ch.type) {
    case 'is_machine_mail':
      return verdict.isMachine === ch.value;
    case 'bounced':
      return (verdict.kind === 'bounce') === ch.value;
    case 'is_delivery_status_report':
      return (p.report?.reportType === 'delivery-status') === ch.value;
    case 'dsn_action':
      return (p.report?.fields['action'] ?? '').toLowerCase() === String(ch.value).toLowerCase();
    case 'dsn_recipients': {
      const want = (ch.value as { final_recipient: string }[]).map((r) => r.final_recipient.replace(/^[^;]*;\s*/, '').toLowerCase());
      return want.every((w) => p.report?.recipients.includes(w));
    }
    default:
      return false;
  }
}

function machineDetail(p: ParsedEmail): string {
  const v = detectMachineMail(p, cleanBody(p));
  return `${v.reasons.join(',') || 'human'}; report ${JSON.stringify({ type: p.report?.reportType, action: p.report?.fields['action'], recipients: p.report?.recipients })}`;
}

function codepoint(label: string): string {
  return String.fromCodePoint(parseInt(label.replace(/^U\+/i, ''), 16));
}

function sameList(got: string[], want: string[]): boolean {
  return got.length === want.length && want.every((w, i) => got[i]?.toLowerCase() === w.toLowerCase());
}
