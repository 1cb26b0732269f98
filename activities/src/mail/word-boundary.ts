/**
 * `\b` in a JavaScript regexp knows only ASCII letters: "impayée\b" fails before a space, "\bété" never matches.
 * `unicodeWords(re)` rewrites every `\b` as a boundary between letters/digits of any script and the rest, and adds
 * the `u` flag, so that the FR wording lists can be written naturally.
 */
const WORD = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

export function unicodeWords(re: RegExp): RegExp {
  const flags = re.flags.includes('u') ? re.flags : `${re.flags}u`;
  return new RegExp(re.source.replace(/(?<!\\)\\b/g, BOUNDARY), flags);
}

/**
 * `unicodeWords(re).test` with a cheap first pass: the same pattern without its word boundaries matches wherever the
 * pattern does (removing a condition only admits more), and V8 scans for a pattern's leading letters fast, which it
 * cannot do past the boundary's lookbehind. So most texts are ruled out by the fast pattern, and the answer is always
 * the full pattern's. A pattern with a negative lookaround (a boundary inside one would make the relaxed pattern
 * stricter) is tested as it is; a stateful one (`g`, `y`) is refused.
 */
export function unicodeWordsTest(re: RegExp): (text: string) => boolean {
  if (re.global || re.sticky) throw new Error(`unicodeWordsTest: /${re.source}/${re.flags} keeps state between tests`);
  const full = unicodeWords(re);
  if (/\(\?<?!/.test(re.source)) return (text) => full.test(text);
  const relaxed = new RegExp(re.source.replace(/(?<!\\)\\b/g, ''), full.flags);
  return (text) => relaxed.test(text) && full.test(text);
}
