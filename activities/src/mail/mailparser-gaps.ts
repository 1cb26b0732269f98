/**
 * Three places where mailparser's reading differs from what the message says, filled in around it:
 * - a text/html message with no charset in its header is decoded with the charset of its `<meta>` (the HTML
 *   rule when the transport says nothing), not as UTF-8;
 * - two text/plain renderings inside one multipart/alternative are the same content twice: the first is kept,
 *   mailparser would join them;
 * - an attachment's name given in a parameter mailparser does not read (`file=`, `filename=` in Content-Type,
 *   `name=` in Content-Disposition) is still its name.
 */
import type { AttachmentStream, MailParser } from 'mailparser';
import { findHeaderEnd } from './quarantine';

/** Where browsers look for <meta charset>: the first bytes of the document. */
const META_PRESCAN_BYTES = 4096;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i;
const CONTENT_TYPE_FIELD = /^content-type:[ \t]*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)/im;

/**
 * The bytes to parse, with `; charset="…"` added to a top-level `Content-Type: text/html` that names none, when
 * the HTML declares one that `isKnown` accepts. Other messages are returned as they are.
 */
export function declareHtmlMetaCharset(bytes: Buffer, isKnown: (label: string) => boolean): Buffer {
  const headerEnd = findHeaderEnd(bytes);
  const header = bytes.subarray(0, headerEnd).toString('latin1');
  const field = CONTENT_TYPE_FIELD.exec(header);
  if (!field || !/^text\/html\b/i.test(field[1]!.trim()) || /charset\s*=/i.test(field[1]!)) return bytes;
  const label = bytes.subarray(headerEnd, headerEnd + META_PRESCAN_BYTES).toString('latin1').match(META_CHARSET)?.[1];
  if (!label || !isKnown(label.toLowerCase())) return bytes;
  const valueEnd = field.index + field[0].replace(/[ \t;]*$/, '').length; // latin1: one char per byte
  return Buffer.concat([bytes.subarray(0, valueEnd), Buffer.from(`; charset="${label}"`, 'latin1'), bytes.subarray(valueEnd)]);
}

/** The part of mailparser's internal MIME tree read here (mailparser 3.x: `tree`, then `getTextContent()`). */
interface MimeTreeNode {
  contentType?: string;
  textContent?: string;
  children?: MimeTreeNode[];
}
interface MailParserInternals {
  tree?: MimeTreeNode;
  getTextContent?: () => unknown;
}

/**
 * Makes `parser` keep, in each multipart/alternative, the text/plain of its first branch that has one: the text of
 * later branches is cleared just before mailparser joins the text parts. A mailparser without this internal
 * hook is left as it is (its joined text is then what we read).
 */
export function keepFirstPlainAlternative(parser: MailParser): void {
  const internals = parser as unknown as MailParserInternals;
  const join = internals.getTextContent;
  if (typeof join !== 'function') return;
  internals.getTextContent = () => {
    dropLaterPlainAlternatives(internals.tree);
    return join.call(parser);
  };
}

function dropLaterPlainAlternatives(node: MimeTreeNode | undefined): void {
  if (!node) return;
  const children = node.children ?? [];
  if (node.contentType === 'multipart/alternative') {
    let kept = false;
    for (const child of children) {
      if (kept) clearPlainText(child);
      else kept = hasPlainText(child);
    }
  }
  for (const child of children) dropLaterPlainAlternatives(child);
}

function hasPlainText(node: MimeTreeNode): boolean {
  if (node.contentType === 'text/plain' && node.textContent?.trim()) return true;
  return (node.children ?? []).some(hasPlainText);
}

function clearPlainText(node: MimeTreeNode): void {
  if (node.contentType === 'text/plain') node.textContent = '';
  for (const child of node.children ?? []) clearPlainText(child);
}

const NAME_PARAMS: [header: string, params: string[]][] = [
  ['content-disposition', ['filename', 'name', 'file']],
  ['content-type', ['name', 'filename', 'file']],
];

/** The attachment's name: mailparser's, else the first name-like parameter of its Content-Disposition or Content-Type. */
export function attachmentName(att: Pick<AttachmentStream, 'filename' | 'headers'>): string | null {
  if (att.filename) return att.filename;
  for (const [header, params] of NAME_PARAMS) {
    const value = att.headers?.get(header) as { params?: Record<string, unknown> } | undefined;
    for (const param of params) {
      const name = value?.params?.[param];
      if (typeof name === 'string' && name.trim()) return name.trim();
    }
  }
  return null;
}
