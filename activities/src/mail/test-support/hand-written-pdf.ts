/**
 * PDFs written by hand for the preview tests: the objects, then a cross-reference table with their exact offsets —
 * what a valid PDF needs and no more. `textPdf` draws lines of text (Helvetica, WinAnsi: Latin-1 characters only),
 * one page per array of lines.
 */
export function handWrittenPdf(objects: string[], trailerExtra = ''): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The objects of a PDF whose pages show these lines: catalog, pages, font, then a page and its content each. */
export function textPdfObjects(pages: string[][]): string[] {
  const kids = pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const literal = (line: string) => `(${line.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    ...pages.flatMap((lines, i) => {
      const content = `BT /F1 12 Tf 50 780 Td ${lines.map((l) => `${literal(l)} Tj 0 -16 Td`).join(' ')} ET`;
      return [
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
        `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
      ];
    }),
  ];
}

export function textPdf(pages: string[][]): Buffer {
  return handWrittenPdf(textPdfObjects(pages));
}
