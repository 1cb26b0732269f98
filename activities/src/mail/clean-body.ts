/**
 * The customer's new text, out of a parsed email: quoted history and forwarded mail go to `quoted`,
 * signature blocks, mobile footers and disclaimers to `signature`. The greeting and the closing formula
 * stay; the writer's name does not (see the emails-dev README for the labelled definition).
 *
 * - Inline and bottom-posted replies keep every new block between the `>` quotes, in order.
 * - A forward the customer sends is history: the note above it is `clean`, the forwarded message is
 *   `quoted`, where later stages can read it as context. A bare forward (nothing written above it) has the
 *   forwarded message's own new text as `clean`, since that is what the sender wants read.
 * - Machine mail (bounces, auto-replies) goes through the same rules: its clean text is the notice.
 * - Hidden HTML text never reaches `text` (parseEmail keeps it apart), so it is never in `clean`.
 * - What the sender wrote but `clean` leaves out (a letterhead above the text; the forwarded message above a note
 *   written below its thread; words after a closing formula cut as the name that are not only the writer's name:
 *   "Thanks, Lawyer Copied") is `ownTextSetAside` too, which the risk floors read.
 */
import type { CleanedBody, ParsedEmail } from '../domain/types';
import { blockColours, colourAnswerLines } from './colour-answers';
import { forwardedBody, noteBelowForwardedThread, splitQuotedHistory } from './quoted-history';
import { letterheadEnd, senderNameTokens, splitSignature } from './signature';

/**
 * CleanedBody and two readings of the same message for a reader rather than for the pipeline, both with the
 * quoted history folded away (each removed quote takes the blank lines below it along, so the spacing above a
 * quote is the spacing kept):
 * - `visible`: the text as its writer signed it: the sign-off and the writer's name stay; what sits below the
 *   signature delimiter "-- ", mobile footers, disclaimers and bulk-mail link footers do not;
 * - `unquoted`: everything written in this message that is not quoted history, signature blocks included.
 */
export interface CleanedText extends CleanedBody {
  visible: string;
  unquoted: string;
}

/** What the cleaner reads of a parsed email: the text, the sender, and the HTML when there is one (answers marked by colour). */
type CleanInput = Pick<ParsedEmail, 'text' | 'from'> & { html?: string | null };

/** The pipeline's view: clean, quoted and signature. */
export function cleanBody(parsed: CleanInput): CleanedBody {
  const { clean, quoted, signature, beforeName, ownTextSetAside } = cleanEmailText(parsed);
  return {
    clean, quoted, signature,
    ...(beforeName === undefined ? {} : { beforeName }),
    ...(ownTextSetAside === undefined ? {} : { ownTextSetAside }),
  };
}

/**
 * The exported `clean_body` (the labelled definition): the clean text up to the writer's name. What the pipeline
 * answers and scans is `clean`, which also keeps a postscript written below the name.
 */
export function labelledCleanBody(cleaned: CleanedBody): string {
  return cleaned.beforeName ?? cleaned.clean;
}

/** cleanText over a parsed email, with the sender's name words taken from its From header. */
export function cleanEmailText(parsed: CleanInput): CleanedText {
  return cleanText(parsed.text, senderNameTokens(parsed.from?.name, parsed.from?.address), parsed.html ?? null);
}

/**
 * The same cleaning over plain text (no headers known): used by cleanBody and by tests on bare replies. With the
 * message's HTML, lines of the history written in a colour of their own under an announcement are answers (colour-answers).
 */
export function cleanText(text: string, senderTokens: Set<string> = new Set(), html: string | null = null): CleanedText {
  const lines = normaliseText(text).split('\n');
  const { quoted, historyStart, historyKind } = splitQuotedHistory(lines);
  if (html && historyKind === 'reply') {
    for (const i of colourAnswerLines(lines, historyStart, blockColours(html))) quoted[i] = false;
  }
  const fresh: string[] = [];
  const unquoted: string[] = [];
  const history: string[] = [];
  // how many folded quotes sit above each new line (inline and bottom-posted answers), in fresh and in unquoted
  const freshQuotesAbove: number[] = [];
  const unquotedQuotesAbove: number[] = [];
  let afterQuote = false;
  let quotesAbove = 0;
  lines.forEach((line, i) => {
    if (quoted[i]) {
      history.push(line);
      if (fresh.length && fresh[fresh.length - 1] !== '') {
        fresh.push(''); // keep new blocks apart
        freshQuotesAbove.push(quotesAbove);
      }
      if (!afterQuote) quotesAbove++;
      afterQuote = true;
      return;
    }
    fresh.push(line);
    freshQuotesAbove.push(quotesAbove);
    if (afterQuote && !line.trim()) return; // the blank lines below a folded quote go with it
    afterQuote = false;
    unquoted.push(line);
    unquotedQuotesAbove.push(quotesAbove);
  });
  // the sender's letterhead above the text goes with the signature (not what they wrote)
  const head = letterheadEnd(fresh, senderTokens);
  const split = splitSignature(fresh.slice(head), senderTokens, freshQuotesAbove.slice(head));
  const { body, beforeName } = split;
  const signature = head > 0 ? [...fresh.slice(0, head), ...split.signature] : split.signature;
  const clean = tidy(body);
  if (!clean && historyKind !== null) {
    const forwarded = forwardedBody(lines, historyStart);
    const note = noteBelowForwardedThread(forwarded);
    if (note >= 0) {
      // Nothing above the history, a note under the thread it carries, below a rule: that note is the sender's text.
      const noteStart = lines.length - forwarded.length + note;
      const own = cleanText(lines.slice(noteStart).join('\n'), senderTokens);
      // the forwarded message's own words (what a bare forward would have as clean) stay in reach of the risk floors
      const forwardedOwn = cleanText(forwarded.slice(0, note).join('\n')).clean;
      return { ...own, ...setAside(own.ownTextSetAside, forwardedOwn), quoted: tidy(lines.slice(historyStart, noteStart)) };
    }
  }
  if (!clean && historyKind === 'forward') {
    // Nothing written above a forward: the forwarded message is what the sender wants read.
    const inner = cleanText(forwardedBody(lines, historyStart).join('\n'));
    return { ...inner, quoted: tidy(history) };
  }
  const { signedEnd } = splitSignature(unquoted, senderTokens, unquotedQuotesAbove);
  return {
    clean,
    ...(beforeName === undefined ? {} : { beforeName: tidy(beforeName) }),
    ...setAside(tidy(fresh.slice(0, head)), split.closingTail),
    quoted: tidy(history),
    signature: tidy(signature),
    visible: tidy(unquoted.slice(0, signedEnd)),
    unquoted: tidy(unquoted),
  };
}

/** The sender's own texts the cleaner took out of `clean`, joined, as the optional field (absent when all are empty). */
function setAside(...texts: (string | undefined)[]): Pick<CleanedBody, 'ownTextSetAside'> {
  const kept = texts.filter((t): t is string => !!t?.trim());
  return kept.length ? { ownTextSetAside: kept.join('\n\n') } : {};
}

function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff]/g, '') // zero-width and direction marks
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/^[ \t]*\u1427[ \t]*$/gm, ''); // Gmail's tracking-pixel dot ("ᐧ")
}

/** The lines as written (whitespace follows the text part), without leading and trailing blank lines. */
function tidy(lines: string[]): string {
  return lines.join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}
