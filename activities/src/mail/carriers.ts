/**
 * Every place of a message that can carry text, as labelled segments: what we answer is the clean body, what we scan
 * for instructions to an AI is all of it. Each segment names its carrier, so a decision can say where the text was:
 *
 * | carrier | what |
 * |---|---|
 * | `body` | the sender's new text (`clean`) |
 * | `subject`, `display_name` | the Subject, the From / Reply-To display names |
 * | `signature` | signature blocks, mobile footers, disclaimers |
 * | `quoted` | one block of quoted history, with the line that attributes it ("On … X wrote:", "De : X") |
 * | `quoted_shop` | a quoted block attributed to the shop itself (its address or name): what the sender says we wrote |
 * | `html_part` | the visible HTML's new text, when the HTML says something else than the text/plain part |
 * | `html_comment` | `<!-- … -->` in the HTML (conditional comments for Outlook excepted) |
 * | `hidden_html` | HTML text a reader does not see (html-visibility.ts) |
 * | `attachment_name` | an attachment's file name, words apart (`_`, `.`, `+` → spaces, extension dropped) |
 * | `attachment` | the text of a small text attachment (.txt, .csv, .md; an .html one visible and hidden text) |
 *
 * Pure: reads a parsed email and its cleaning, nothing else.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { CleanedBody, ParsedEmail } from '../domain/types';
import { cleanEmailText } from './clean-body';
import { MAX_HTML_ANALYSED, splitHtmlVisibility } from './html-visibility';
import { isArrowsHeader, isVerblessAttributionLine } from './quoted-history';

export const CARRIERS = [
  'body', 'subject', 'display_name', 'signature', 'quoted', 'quoted_shop', 'html_part', 'html_comment', 'hidden_html',
  'attachment_name', 'attachment',
] as const;
export type Carrier = (typeof CARRIERS)[number];

export interface CarrierSegment {
  carrier: Carrier;
  text: string;
  /** For quoted blocks: the attribution line, or the header block's lines joined by " | " ('' when none). */
  attribution?: string;
}

/** Who the shop is, to recognise quotes the sender attributes to it. */
export interface ShopIdentity {
  supportAddress: string;
  shopName: string;
}

/** Text segments of a whole message, labelled by carrier; empty segments and exact repeats are left out. */
export function messageCarriers(
  parsed: ParsedEmail, cleaned: CleanedBody, shop?: ShopIdentity | null,
): CarrierSegment[] {
  const out: CarrierSegment[] = [];
  const seen = new Set<string>();
  const add = (carrier: Carrier, text: string, attribution?: string): void => {
    const t = text.trim();
    const key = `${carrier}\u0000${collapse(t)}`;
    if (!t || seen.has(key)) return;
    seen.add(key);
    out.push(attribution === undefined ? { carrier, text: t } : { carrier, text: t, attribution });
  };

  add('body', cleaned.clean);
  add('subject', parsed.subject);
  for (const a of [parsed.from, parsed.replyTo]) if (a?.name) add('display_name', a.name);
  add('signature', cleaned.signature);
  for (const q of quotedBlocks(cleaned.quoted)) add(isShopAttributed(q.attribution, shop) ? 'quoted_shop' : 'quoted', q.text, q.attribution);

  if (parsed.html && !parsed.problems.includes('text_from_html')) {
    const html = htmlReading(parsed);
    if (html && collapse(html.text) !== collapse(parsed.text)) {
      add('html_part', html.cleaned.clean);
      add('signature', html.cleaned.signature);
      for (const q of quotedBlocks(html.cleaned.quoted)) add(isShopAttributed(q.attribution, shop) ? 'quoted_shop' : 'quoted', q.text, q.attribution);
    }
  }
  if (parsed.html) for (const c of htmlComments(parsed.html)) add('html_comment', c);
  add('hidden_html', parsed.hiddenHtmlText);

  for (const a of parsed.attachments) {
    if (a.filename) add('attachment_name', fileNameWords(a.filename));
    if (a.text) add('attachment', attachmentText(a.text, a.contentType, a.filename));
  }
  return out;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function htmlReading(parsed: ParsedEmail): { text: string; cleaned: CleanedBody } | null {
  try {
    const text = splitHtmlVisibility(parsed.html!).visibleText;
    const { clean, quoted, signature } = cleanEmailText({ text, from: parsed.from });
    return { text, cleaned: { clean, quoted, signature } };
  } catch {
    return null;
  }
}

/** `<!-- … -->` comments of an HTML body; Outlook's conditional comments (`[if mso]`) are markup, not text. */
export function htmlComments(html: string): string[] {
  if (html.length > MAX_HTML_ANALYSED) return [];
  const doc = parseDocument(html, { decodeEntities: true });
  const comments = DomUtils.filter((n) => n.type === 'comment', doc.children, true) as unknown as { data: string }[];
  return comments
    .map((c) => collapse(c.data))
    .filter((c) => c && !/^\[(?:if|endif)\b/i.test(c) && /\p{L}{2,}/u.test(c));
}

/** "NOTE_TO_AI-ignore.rules.png" → "NOTE TO AI-ignore rules": the words of a file name. */
export function fileNameWords(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[_+.]+/g, ' ').replace(/%20/g, ' ').trim();
}

function attachmentText(text: string, contentType: string, filename: string | null): string {
  if (contentType !== 'text/html' && !/\.html?$/i.test(filename ?? '')) return text;
  try {
    const { visibleText, hiddenText } = splitHtmlVisibility(text);
    const comments = htmlComments(text);
    return [visibleText, hiddenText, ...comments].filter(Boolean).join('\n');
  } catch {
    return text;
  }
}

// ------------------------------------------------------------------------------------------------------------
// Quoted history in blocks, each with who it is attributed to.
// ------------------------------------------------------------------------------------------------------------

/** "On Tue, … Maison Lumen <support@…> wrote:", "Le … a écrit :", "X schrieb:" — a line ending with a colon after a verb. */
const ATTRIBUTION = /(?:\bwrote|\bwrites|\ba [ée]crit|[ée]crivait|\bescrib[íi]a|\bscriveva|\bschrieb|\bescribi[óo]|\bha scritto|\bescreveu|\bschreef|\bskrev|\bsent)\b[^:\n]{0,40}[:：]\s*$/i;
/** The first line of an Outlook / Apple header block: "From: …", "De : …", "Von: …". */
const FROM_LINE = /^\s*[*_]{0,2}(?:from|de|von|da|van|exp[ée]diteur)[*_]{0,2}\s*[:：]\s*\S/i;
/** Other lines of such a block, kept with the attribution. */
const HEADER_LINE = /^\s*[*_]{0,2}(?:sent|date|envoy[ée]|to|[àa]|cc|subject|objet|sujet|gesendet|an|betreff)[*_]{0,2}\s*[:：]/i;
const SEPARATOR_LINE = /^\s*[-_=*]{2,}.{0,40}[-_=*]{2,}\s*$|^\s*_{10,}\s*$/;

export interface QuotedBlock {
  attribution: string;
  text: string;
}

/** The quoted history split at each attribution line or header block (nested `>` quotes start their own block). */
export function quotedBlocks(quoted: string): QuotedBlock[] {
  if (!quoted.trim()) return [];
  const blocks: QuotedBlock[] = [];
  let current: { attribution: string[]; lines: string[]; depth: number } = { attribution: [], lines: [], depth: 0 };
  let inHeader = false;
  const flush = (): void => {
    const text = current.lines.join('\n').trim();
    if (text) blocks.push({ attribution: current.attribution.join(' | '), text });
  };
  for (const raw of quoted.split('\n')) {
    if (isArrowsHeader(raw)) { // GroupWise: ">>> Name <address> date >>>", the author between arrows
      flush();
      current = { attribution: [raw.trim()], lines: [], depth: 0 };
      inHeader = false;
      continue;
    }
    const depth = raw.match(/^\s*((?:>\s?)*)/)?.[1]?.replace(/\s/g, '').length ?? 0;
    const line = raw.replace(/^\s*(?:>\s?)*/, '');
    if (ATTRIBUTION.test(line) || FROM_LINE.test(line) || isVerblessAttributionLine(line)) {
      flush();
      current = { attribution: [line.trim()], lines: [], depth };
      inHeader = FROM_LINE.test(line);
      continue;
    }
    if (inHeader && HEADER_LINE.test(line)) {
      current.attribution.push(line.trim());
      continue;
    }
    inHeader = false;
    if (SEPARATOR_LINE.test(line)) continue;
    // a deeper quote with no attribution of its own still belongs to an earlier writer, not to this block's
    if (current.attribution.length && depth > current.depth + 1 && line.trim()) {
      flush();
      current = { attribution: [], lines: [line], depth };
      continue;
    }
    current.lines.push(line);
  }
  flush();
  return blocks;
}

/** The block's writer is the shop: its address, domain or name in the attribution line or the header block's From. */
function isShopAttributed(attribution: string, shop: ShopIdentity | null | undefined): boolean {
  if (!shop || !attribution) return false;
  const a = (attribution.split(' | ')[0] ?? '').toLowerCase(); // the From line, not the To or Cc of a header block
  const address = shop.supportAddress.trim().toLowerCase();
  const domain = address.split('@')[1] ?? '';
  if (address && a.includes(address)) return true;
  if (domain && new RegExp(`@${domain.replace(/[.]/g, '\\.')}\\b`).test(a)) return true;
  const name = shop.shopName.trim().toLowerCase();
  return name.length > 0 && a.includes(name);
}
