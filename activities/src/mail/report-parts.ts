/**
 * The machine-readable side of reports: RFC 3464 delivery-status (bounces), RFC 8098 disposition
 * notifications (read receipts), RFC 5965 feedback reports (ARF abuse reports), plus the returned original
 * message's Message-ID and Subject when a bounce quotes it (as message/rfc822, text/rfc822-headers or inline text).
 */
import type { EmailReport } from '../domain/types';

export interface ReportPart {
  contentType: string;
  text: string;
}

/** Parts whose content parseEmail keeps (bounded) so that the report can be read. */
export const REPORT_PART_TYPES = new Set([
  'message/delivery-status', 'message/global-delivery-status', 'message/disposition-notification',
  'message/global-disposition-notification', 'message/feedback-report', 'text/rfc822-headers',
  'message/rfc822-headers', 'message/global-headers',
]);

const MACHINE_PART = /^message\/(global-)?(delivery-status|disposition-notification|feedback-report)$/;
const BODY_SCAN_BYTES = 1024 * 1024;

export function extractReport(
  contentType: string,
  contentTypeFull: string,
  parts: ReportPart[],
  raw: Buffer,
  headers: Record<string, string>,
): EmailReport | null {
  const reportType = /^multipart\/report/.test(contentType)
    ? (contentTypeFull.match(/report-type\s*=\s*"?([\w-]+)/i)?.[1] ?? '').toLowerCase() || null
    : null;
  const machineParts = parts.filter((p) => MACHINE_PART.test(p.contentType));
  const fields: Record<string, string> = {};
  const recipients: string[] = [];
  for (const part of machineParts) {
    for (const [name, value] of fieldsOf(part.text)) {
      if (!(name in fields)) fields[name] = value;
      if (name === 'final-recipient' || name === 'original-recipient') {
        const addr = addressIn(value);
        if (addr && !recipients.includes(addr)) recipients.push(addr);
      }
    }
  }
  for (const addr of (headers['x-failed-recipients'] ?? '').split(',').map(addressIn)) {
    if (addr && !recipients.includes(addr)) recipients.push(addr);
  }
  const originalMessageId =
    idIn(fields['original-message-id']) ??
    idIn(fields['x-original-message-id']) ??
    firstIdInHeaderParts(parts) ??
    firstIdInBody(raw, headers['message-id'] ?? '');
  if (!reportType && machineParts.length === 0 && recipients.length === 0 && !originalMessageId) return null;
  const originalSubject = firstSubjectInBody(raw);
  return {
    reportType, partTypes: parts.map((p) => p.contentType), fields, recipients, originalMessageId,
    ...(originalSubject ? { originalSubject } : {}),
  };
}

/** "Name: value" fields of a report part (all blocks, continuation lines unfolded). */
function fieldsOf(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of text.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, ' ').split('\n')) {
    const m = line.match(/^([A-Za-z][\w-]*)\s*:\s*(.*)$/);
    if (m) out.push([m[1]!.toLowerCase(), m[2]!.trim()]);
  }
  return out;
}

function addressIn(value: string): string | null {
  const v = value.replace(/^\s*(rfc822|utf-8|x400|unknown)\s*;/i, '').trim();
  const m = v.match(/<?([^\s<>;"]+@[^\s<>;"]+)>?/);
  return m ? m[1]!.toLowerCase().replace(/\.$/, '') : null;
}

function idIn(value: string | undefined): string | null {
  if (!value) return null;
  const m = value.match(/<([^<>\s]+)>/) ?? value.match(/([^\s<>]+@[^\s<>]+)/);
  return m ? m[1]! : null;
}

function firstIdInHeaderParts(parts: ReportPart[]): string | null {
  for (const part of parts) {
    if (MACHINE_PART.test(part.contentType)) continue;
    const m = part.text.match(/^message-id\s*:\s*(?:\r?\n[ \t]+)?<([^<>\s]+)>/im);
    if (m) return m[1]!;
  }
  return null;
}

/** A Message-ID header line inside the body is the returned message's (bounces quote it inline or attached). */
function firstIdInBody(raw: Buffer, ownId: string): string | null {
  const text = raw.subarray(0, BODY_SCAN_BYTES).toString('latin1');
  const bodyStart = text.search(/\r?\n\r?\n/);
  if (bodyStart < 0) return null;
  const own = ownId.replace(/^<|>$/g, '');
  for (const m of text.slice(bodyStart).matchAll(/^[ \t>]*message-id\s*:\s*(?:\r?\n[ \t]+)?<([^<>\s]+)>/gim)) {
    if (m[1] !== own) return m[1]!;
  }
  return null;
}

/** The first Subject header line inside the body: the returned message's (a bounce's order or topic is in it). */
function firstSubjectInBody(raw: Buffer): string | null {
  const text = raw.subarray(0, BODY_SCAN_BYTES).toString('utf8');
  const bodyStart = text.search(/\r?\n\r?\n/);
  if (bodyStart < 0) return null;
  const m = text.slice(bodyStart).match(/^[ \t>]*subject[ \t]*:[ \t]*(.*(?:\r?\n[ \t]+.*)*)/im);
  const value = m ? decodeEncodedWords(m[1]!.replace(/\r?\n[ \t]+/g, ' ').trim()) : '';
  return value || null;
}

/** RFC 2047 encoded words ("=?UTF-8?Q?Re=3A_Bouilloire?="), adjacent words joined, unknown charsets read as Latin-1. */
export function decodeEncodedWords(value: string): string {
  return value.replace(/=\?([^?\s]+)\?([bq])\?([^?\s]*)\?=(?:\s+(?==\?[^?\s]+\?[bq]\?))?/gi, (_w, charset: string, enc: string, data: string) => {
    const bytes = enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    try {
      return new TextDecoder(charset.split('*')[0]!.toLowerCase()).decode(bytes);
    } catch {
      return bytes.toString('latin1');
    }
  });
}
