/**
 * Splits an HTML body into what a reader sees and what is hidden from them. Hidden text is where prompt
 * injection likes to live (white on white, zero-size boxes, display:none), so it is reported separately and
 * never mixed into the visible text.
 */
import { compile } from 'html-to-text';
import { DomUtils, parseDocument } from 'htmlparser2';

export interface HtmlVisibility {
  /** The visible HTML rendered as plain text, \n line ends. */
  visibleText: string;
  /** Text of the hidden elements, one element per line, whitespace collapsed. */
  hiddenText: string;
}

/** HTML beyond this size is rendered without the visibility analysis (html-to-text only). */
export const MAX_HTML_ANALYSED = 2 * 1024 * 1024;

type DomDocument = ReturnType<typeof parseDocument>;
type ChildNode = DomDocument['children'][number];
type Element = Extract<ChildNode, { type: 'tag' | 'script' | 'style' }> & { name: string; attribs: Record<string, string> };

const DEFAULT_BACKGROUND: Rgb = [255, 255, 255];
const NOT_TEXT = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'meta', 'link']);

export function splitHtmlVisibility(html: string): HtmlVisibility {
  if (html.length > MAX_HTML_ANALYSED) return { visibleText: renderHtmlAsText(html), hiddenText: '' };
  const doc = parseDocument(html, { decodeEntities: true });
  const classRules = hiddenClassRules(DomUtils.getElementsByTagName('style', doc).map((s) => DomUtils.textContent(s)).join('\n'));
  const hidden: string[] = [];
  const toRemove: ChildNode[] = [];

  const walk = (nodes: ChildNode[], ctx: InheritedStyle): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        // Size and colour are judged where the text is: a layout cell with font-size:0 may hold readable spans.
        if ((ctx.fontSizePx !== null && ctx.fontSizePx < 3) || (ctx.color && colorDistance(ctx.color, ctx.background) < 24)) {
          const text = collapse(node.data);
          if (text) hidden.push(text);
          toRemove.push(node);
        }
        continue;
      }
      if (node.type !== 'tag') continue;
      const el = node as Element;
      const name = el.name.toLowerCase();
      if (NOT_TEXT.has(name)) continue;
      const style = elementStyle(el, classRules);
      if (isBoxHidden(el, style)) {
        const text = collapse(DomUtils.textContent(el));
        if (text) hidden.push(text);
        toRemove.push(el);
        continue;
      }
      if (name === 'p' && hasNoVerticalMargin(el, style)) el.name = 'div'; // a line of its own, no blank line around it
      if ((name === 'td' || name === 'th') && isPaddedRowOfOne(el, style)) el.name = 'p'; // a block set apart: a paragraph
      const color = style['color'] === 'transparent' ? ctx.background : parseColor(style['color'] ?? el.attribs['color']);
      walk(el.children, {
        color: color ?? ctx.color,
        background:
          parseColor(style['background-color'] ?? firstColorIn(style['background']) ?? el.attribs['bgcolor']) ?? ctx.background,
        fontSizePx: parseFontSizePx(style['font-size'], ctx.fontSizePx) ?? ctx.fontSizePx,
      });
    }
  };
  walk(doc.children, { color: null, background: DEFAULT_BACKGROUND, fontSizePx: null });
  for (const el of toRemove) DomUtils.removeElement(el);
  return { visibleText: renderHtmlAsText(DomUtils.getOuterHTML(doc, { encodeEntities: 'utf8' })), hiddenText: hidden.join('\n') };
}

const convertHtml = compile({
  wordwrap: false,
  limits: { maxDepth: 200 },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'blockquote', options: { trimEmptyLines: true } },
    // bullets as mail clients write them in their own plain-text alternative (Gmail: "- item"), not html-to-text's "*"
    { selector: 'ul', options: { itemPrefix: ' - ' } },
    // Layout tables (newsletters, notices, webmail templates, Thunderbird's forwarded-header table): a line per row,
    // cells apart by a space, not text glued to the next cell ("…n°212Black Friday…", "Subject:Re: x")
    { selector: 'tr', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'td', format: 'inlineSurround', options: { suffix: ' ' } },
    { selector: 'th', format: 'inlineSurround', options: { suffix: ' ' } },
  ],
});

/** Plain-text rendering of an HTML body: no wrapping, no link targets or image sources. */
export function renderHtmlAsText(html: string): string {
  return convertHtml(html).replace(/\r\n?/g, '\n');
}

type Rgb = [number, number, number];
interface InheritedStyle {
  color: Rgb | null;
  background: Rgb;
  fontSizePx: number | null;
}

/**
 * A paragraph drawn without space above and below it reads as a plain line: Word and Outlook write every line as
 * `<p class=MsoNormal>` (their stylesheet sets `margin:0`) and draw blank lines as `<p>&nbsp;</p>`; other mailers
 * write `<p style="margin:0">`. Rendered as paragraphs they would put a blank line under every line, and a
 * signature block (name, title, phone) would no longer read as one.
 */
function hasNoVerticalMargin(el: Element, style: Record<string, string>): boolean {
  if (/(?:^|\s)MsoNormal(?:\s|$)/.test(el.attribs['class'] ?? '')) return true;
  const zero = (v: string | undefined): boolean => v !== undefined && /^0(?:\.0+)?(?:px|pt|cm|mm|em|rem|in)?$/.test(v.trim());
  const margin = style['margin']?.trim().split(/\s+/);
  const top = style['margin-top'] ?? margin?.[0];
  const bottom = style['margin-bottom'] ?? margin?.[2] ?? margin?.[0];
  return zero(top) && zero(bottom);
}

/** Vertical padding from which a cell reads as a block set apart from the next one. */
const PARAGRAPH_PADDING_PX = 6;

/**
 * The only cell of its row, padded above and below: newsletters and notices lay their paragraphs out as one padded
 * cell per row (`<tr><td style="padding:8px 24px">…</td></tr>`). A reader sees paragraphs; rendered as plain rows
 * they would run together, and a closing notice could no longer be told from the paragraph above it.
 */
function isPaddedRowOfOne(el: Element, style: Record<string, string>): boolean {
  const row = el.parent as Element | null;
  if (!row || (row as { name?: string }).name !== 'tr') return false;
  const cells = row.children.filter((c) => c.type === 'tag' && /^t[dh]$/i.test((c as Element).name));
  if (cells.length !== 1) return false;
  const padding = style['padding']?.trim().split(/\s+/);
  const px = (v: string | undefined): number => {
    const m = v?.match(/^(\d*\.?\d+)(px|pt)?$/);
    return m ? Number.parseFloat(m[1]!) * (m[2] === 'pt' ? 4 / 3 : 1) : 0;
  };
  const top = px(style['padding-top'] ?? padding?.[0]);
  const bottom = px(style['padding-bottom'] ?? padding?.[2] ?? padding?.[0]);
  return Math.min(top, bottom) >= PARAGRAPH_PADDING_PX;
}

function isBoxHidden(el: Element, style: Record<string, string>): boolean {
  if ('hidden' in el.attribs) return true;
  const display = style['display'];
  if (display && /^none\b/.test(display)) return true;
  const visibility = style['visibility'];
  if (visibility && /^(hidden|collapse)\b/.test(visibility)) return true;
  if (style['mso-hide'] === 'all') return true;
  const opacity = style['opacity'];
  if (opacity !== undefined && Number.parseFloat(opacity) < 0.1) return true;
  const zeroBox = (v: string | undefined): boolean => v !== undefined && /^0(\.0+)?(px|pt|em|rem|%)?$/.test(v.trim());
  const overflowHidden = /hidden|clip/.test(style['overflow'] ?? '');
  if (zeroBox(style['max-height']) || zeroBox(style['max-width'])) return true;
  if ((zeroBox(style['height']) || zeroBox(style['width'])) && overflowHidden) return true;
  if ((el.attribs['width'] === '0' || el.attribs['height'] === '0') && el.name !== 'img') return true;
  if (/^-\d{3,}/.test(style['text-indent'] ?? '')) return true;
  if (/absolute|fixed/.test(style['position'] ?? '') && (/^-\d{3,}/.test(style['left'] ?? '') || /^-\d{3,}/.test(style['top'] ?? ''))) return true;
  if (/rect\(\s*0/.test(style['clip'] ?? '') || /inset\(\s*50%/.test(style['clip-path'] ?? '')) return true;
  return false;
}

function elementStyle(el: Element, classRules: Map<string, Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const cls of (el.attribs['class'] ?? '').split(/\s+/).filter(Boolean)) Object.assign(out, classRules.get(`.${cls}`));
  if (el.attribs['id']) Object.assign(out, classRules.get(`#${el.attribs['id']}`));
  Object.assign(out, parseDeclarations(el.attribs['style'] ?? ''));
  return out;
}

function parseDeclarations(css: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const decl of css.split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    const prop = decl.slice(0, i).trim().toLowerCase();
    const value = decl.slice(i + 1).replace(/!important/i, '').trim().toLowerCase();
    if (prop) out[prop] = value;
  }
  return out;
}

/** Simple `.class { ... }` / `#id { ... }` rules from <style> blocks (compound selectors are ignored). */
function hiddenClassRules(css: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  const noComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of noComments.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
    const decls = parseDeclarations(m[2] ?? '');
    for (const sel of (m[1] ?? '').split(',').map((s) => s.trim())) {
      if (/^[.#][\w-]+$/.test(sel)) rules.set(sel, { ...rules.get(sel), ...decls });
    }
  }
  return rules;
}

const NAMED: Record<string, Rgb> = {
  white: [255, 255, 255], black: [0, 0, 0], red: [255, 0, 0], green: [0, 128, 0], blue: [0, 0, 255],
  yellow: [255, 255, 0], gray: [128, 128, 128], grey: [128, 128, 128], silver: [192, 192, 192],
  whitesmoke: [245, 245, 245], snow: [255, 250, 250], ivory: [255, 255, 240], navy: [0, 0, 128],
};

function firstColorIn(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = value.match(/#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|\b[a-z]+\b/i);
  return m && parseColor(m[0]) ? m[0] : undefined;
}

export function parseColor(value: string | undefined): Rgb | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  const named = NAMED[v];
  if (named) return named;
  let m = v.match(/^#([0-9a-f]{3,4})$/);
  if (m) {
    const h = m[1]!;
    return [0, 1, 2].map((i) => Number.parseInt(h[i]! + h[i]!, 16)) as Rgb;
  }
  m = v.match(/^#([0-9a-f]{6})([0-9a-f]{2})?$/);
  if (m) {
    const h = m[1]!;
    return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as Rgb;
  }
  m = v.match(/^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return null;
}

function colorDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

function parseFontSizePx(value: string | undefined, parentPx: number | null): number | null {
  if (!value) return null;
  const m = value.trim().match(/^(\d*\.?\d+)\s*(px|pt|em|rem|%)?$/);
  if (!m) return null;
  const n = Number.parseFloat(m[1]!);
  switch (m[2]) {
    case 'pt':
      return n * (4 / 3);
    case 'em':
      return n * (parentPx ?? 16);
    case 'rem':
      return n * 16;
    case '%':
      return (n / 100) * (parentPx ?? 16);
    default:
      return n;
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
