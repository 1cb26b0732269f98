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
