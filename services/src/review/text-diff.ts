/**
 * How much a reviewer rewrote a draft: a line diff (unified-style, `-`/`+`/` ` prefixes) and a similarity in
 * [0, 1] over words (2·matches / total words, as difflib's ratio: 1 = unchanged, 0 = nothing kept). Pure.
 */

/** Longest common subsequence table of two token lists, as the matched pairs in order. */
function lcsPairs<T>(a: T[], b: T[]): [number, number][] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] = a[i] === b[j]
        ? table[(i + 1) * cols + j + 1]! + 1
        : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i++, j++]);
    } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

/** Word similarity; long texts are compared on their first 3000 words (the table is quadratic). */
export function textSimilarity(draft: string, sent: string): number {
  const a = words(draft).slice(0, 3000);
  const b = words(sent).slice(0, 3000);
  if (a.length + b.length === 0) return 1;
  return (2 * lcsPairs(a, b).length) / (a.length + b.length);
}

export function lineDiff(draft: string, sent: string): string {
  const a = lines(draft);
  const b = lines(sent);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...lcsPairs(a, b), [a.length, b.length] as [number, number]]) {
    while (i < mi) out.push(`- ${a[i++]}`);
    while (j < mj) out.push(`+ ${b[j++]}`);
    if (mi < a.length) out.push(`  ${a[mi]}`);
    i = mi + 1;
    j = mj + 1;
  }
  return out.join('\n');
}

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((w) => w !== '');
}

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}
