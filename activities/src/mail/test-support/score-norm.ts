/**
 * The clean_body comparison of /work/shared/tools/score.py (`norm` and `strip_closing`), in TypeScript:
 * whitespace runs and non-breaking spaces collapsed, trailing closing-formula lines ignored on both sides.
 */
const CLOSING = new RegExp(
  "^(merci( beaucoup| d'avance| par avance)?( et bonne (journée|soirée|fin de journée))?|cordialement|bien cordialement|" +
    'bien à vous|bonne (journée|soirée)|salutations|sincères salutations|à bientôt|' +
    '(many |kind |best |warm )?(thanks|thank you|regards|wishes)( again| in advance| so much)?|' +
    'best|cheers|sincerely|yours sincerely|all the best|ta)[ ,.!]*$',
  'i',
);

export function norm(s: string): string {
  return (s ?? '').normalize('NFC').replace(/\r\n/g, '\n').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

export function stripClosing(text: string): string {
  const lines = (text ?? '').replace(/\r\n/g, '\n').trimEnd().split('\n');
  while (lines.length && (!lines[lines.length - 1]!.trim() || CLOSING.test(lines[lines.length - 1]!.trim()))) lines.pop();
  return lines.join('\n');
}

export function sameCleanBody(got: string, expected: string): boolean {
  return norm(stripClosing(got)) === norm(stripClosing(expected));
}
