/**
 * Which text a person reads when a message carries both a text/plain part and an HTML part. Mail clients show
 * the HTML; the plain part is usually the same words. When it is not — a placeholder ("This message is in HTML
 * format", "View this email in your browser"), or lines that the HTML does not show — the visible HTML is the
 * message, and plain-only lines are text hidden from the reader, like hidden HTML text.
 *
 * Words are compared, not layout: line breaks, tables and links differ between the two renderings of one message.
 */

export interface BodyTextChoice {
  /** The text to read: the plain part, or the visible HTML rendered as text. */
  text: string;
  source: 'plain' | 'html';
  /** Plain-part lines a reader of the HTML never sees (empty when the plain part is a placeholder). */
  plainOnly: string;
}

/** A plain line counts as missing from the HTML when at least this share of its words is. */
const MISSING_LINE_SHARE = 0.8;
/** Words in missing lines (either side) from which the two parts are different texts. */
const DIFFERENT_WORDS = 6;
/** The HTML's words that the plain part must hold for it to be the same message (else a placeholder). */
const MIN_HTML_COVERAGE = 0.5;
/** A plain part that shares little with the HTML but is this long is a message of its own, hidden from the reader. */
const LONG_PLAIN_ONLY = 30;

export function choosePlainOrHtml(plain: string, visibleHtml: string): BodyTextChoice {
  const keepPlain: BodyTextChoice = { text: plain, source: 'plain', plainOnly: '' };
  const htmlWords = words(visibleHtml);
  if (htmlWords.length === 0 || !plain.trim()) return keepPlain;
  const plainWords = words(plain);
  const inHtml = presence(visibleHtml);
  const inPlain = presence(plain);

  const covered = htmlWords.filter(inPlain).length / htmlWords.length;
  const plainOnly = missingLines(plain, inHtml);
  const plainOnlyWords = plainOnly.reduce((n, l) => n + words(l).length, 0);
  if (covered < MIN_HTML_COVERAGE && htmlWords.length >= 2 * DIFFERENT_WORDS) {
    // a placeholder or another text: the reader sees the HTML
    const hidden = plainWords.length >= LONG_PLAIN_ONLY ? plainOnly.join('\n') : '';
    return { text: visibleHtml, source: 'html', plainOnly: hidden };
  }
  const htmlOnlyWords = missingLines(visibleHtml, inPlain).reduce((n, l) => n + words(l).length, 0);
  if (plainOnlyWords >= DIFFERENT_WORDS || htmlOnlyWords >= 2 * DIFFERENT_WORDS) {
    return { text: visibleHtml, source: 'html', plainOnly: plainOnlyWords >= DIFFERENT_WORDS ? plainOnly.join('\n') : '' };
  }
  return keepPlain;
}

/** Lines of `text` most of whose words (3+ letters) the other part does not have. */
function missingLines(text: string, inOther: (word: string) => boolean): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const ws = words(line).filter((w) => w.length >= 3);
    if (ws.length < 2) continue;
    const missing = ws.filter((w) => !inOther(w)).length;
    if (missing / ws.length >= MISSING_LINE_SHARE) out.push(line.trim());
  }
  return out;
}

/** Lower-case words, without link targets and image placeholders (the HTML keeps those in attributes). */
function words(text: string): string[] {
  return (
    text
      .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
      .replace(/\[(?:cid|image|inline image|attachment)[^\]]*\]/gi, ' ')
      .replace(/\S+@\S+\.\w+/g, ' ')
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Is a word in this text? As a word, or inside the text with its spaces removed (renderers glue cells: "pausedWe"). */
function presence(text: string): (word: string) => boolean {
  const set = new Set(words(text));
  const squashed = words(text).join('');
  return (word) => set.has(word) || (word.length >= 4 && squashed.includes(word));
}
