/**
 * Structural defects a tolerant MIME parser silently repairs, found by one pass over the raw lines:
 * header lines without a colon, unknown Content-Transfer-Encoding values, base64 bodies with characters
 * outside the alphabet. Reported in ParsedEmail.problems; the email still parses.
 */

const KNOWN_ENCODINGS = new Set(['7bit', '8bit', 'binary', 'quoted-printable', 'base64', 'x-uuencode', 'uuencode', 'x-uue']);
const MAX_SCANNED_BYTES = 40 * 1024 * 1024;

export function scanMimeDefects(raw: Buffer): string[] {
  const text = raw.subarray(0, MAX_SCANNED_BYTES).toString('latin1');
  const problems = new Set<string>();
  const boundaries = new Set<string>();
  let inHeader = true;
  let headerLines: string[] = [];
  let encoding = '';
  const checkBase64 = (body: string): void => {
    if (/[^A-Za-z0-9+/=\s]/.test(body) || /[A-Za-z0-9+/=][ \t]+[A-Za-z0-9+/=]/.test(body)) problems.add('malformed_base64');
    else if (body.replace(/\s+/g, '').length % 4 === 1) problems.add('malformed_base64'); // no valid encoding has this length
  };

  const closeHeader = (): void => {
    const unfolded = headerLines.join('\n').replace(/\n[ \t]+/g, ' ');
    for (const field of unfolded.split('\n')) {
      if (!field.trim()) continue;
      if (!/^[!-9;-~]+[ \t]*:/.test(field) && !/^From /.test(field)) problems.add('malformed_header');
      const b = field.match(/^content-type\s*:.*?\bboundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i);
      if (b) boundaries.add((b[1] ?? b[2])!);
      const cte = field.match(/^content-transfer-encoding\s*:\s*([^\s;]*)/i);
      if (cte) {
        encoding = cte[1]!.toLowerCase();
        if (encoding && !KNOWN_ENCODINGS.has(encoding)) problems.add('unknown_transfer_encoding');
      }
    }
    headerLines = [];
  };

  let start = 0;
  while (start <= text.length) {
    if (!inHeader && encoding === 'base64') {
      // a base64 body runs to the next boundary line: checked as one block (25 MB attachments stay fast)
      const next = nextBoundaryLine(text, start, boundaries);
      checkBase64(text.slice(start, next));
      start = next;
      encoding = '';
      if (start >= text.length) break;
    }
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (inHeader) {
      if (line === '') {
        closeHeader();
        inHeader = false;
      } else headerLines.push(line);
      if (end === text.length) break;
      continue;
    }
    if (line.startsWith('--') && boundaries.size && isBoundary(line, boundaries)) {
      inHeader = !line.trimEnd().endsWith('--') || !boundaries.has(line.slice(2).trimEnd().slice(0, -2));
      encoding = '';
    }
    if (end === text.length) break;
  }
  if (inHeader && headerLines.length) closeHeader();
  return [...problems];
}

/** Offset of the next line that is one of the boundaries (or the end of the text). */
function nextBoundaryLine(text: string, from: number, boundaries: Set<string>): number {
  let at = from;
  for (;;) {
    const i = text.indexOf('\n--', at - 1 < 0 ? 0 : at - 1);
    if (i < 0) return text.length;
    const lineStart = i + 1;
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
    if (isBoundary(line, boundaries)) return lineStart;
    at = lineStart + 1;
  }
}

function isBoundary(line: string, boundaries: Set<string>): boolean {
  const value = line.slice(2).trimEnd();
  return boundaries.has(value) || (value.endsWith('--') && boundaries.has(value.slice(0, -2)));
}
