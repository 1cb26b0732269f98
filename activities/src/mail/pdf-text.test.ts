import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PDF_PREVIEW_LIMITS, pdfPreviewText } from './pdf-text';
import { handWrittenPdf, textPdf, textPdfObjects } from './test-support/hand-written-pdf';

async function pagesPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of lines) doc.addPage().drawText(line, { x: 50, y: 750, font, size: 12 });
  return Buffer.from(await doc.save());
}

jest.setTimeout(60_000);

describe('PDF text preview', () => {
  test('a hand-written one-page PDF: its text, markup kept as text (the page escapes it)', async () => {
    const pdf = textPdf([['Bon de livraison CMD-10362', '<b>2 colis</b> (reçus)']]);
    await expect(pdfPreviewText(pdf)).resolves.toEqual({
      ok: true, text: 'Bon de livraison CMD-10362\n<b>2 colis</b> (reçus)', pagesRead: 1, totalPages: 1, truncated: false,
    });
  });

  test('only the first pages and the first characters are read; the rest is marked as cut', async () => {
    const pdf = await pagesPdf(['Page one: invoice FA-2291', 'Page two: 3 items', 'Page three: total 89,90 EUR', 'Page four: never read']);
    const result = await pdfPreviewText(pdf);
    expect(result).toMatchObject({ ok: true, pagesRead: 3, totalPages: 4, truncated: true });
    expect(result.ok && result.text).toBe('Page one: invoice FA-2291\n\nPage two: 3 items\n\nPage three: total 89,90 EUR');
    await expect(pdfPreviewText(pdf, { ...PDF_PREVIEW_LIMITS, maxChars: 10 })).resolves.toMatchObject({ ok: true, text: 'Page one: ', truncated: true });
  });

  test('malformed, encrypted, image-only, oversized, not a PDF, too slow: a reason, never a throw', async () => {
    const truncatedPdf = textPdf([['lost']]).subarray(0, 120);
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000, 0x9f)]);
    // A Standard security handler with a user password: the reader cannot open it without one.
    const encrypted = handWrittenPdf([...textPdfObjects([['secret']]),
      `<< /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -44 >>`],
    `/Encrypt 6 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>] `);
    const doc = await PDFDocument.create();
    doc.addPage().drawRectangle({ x: 10, y: 10, width: 100, height: 100 });
    const imageOnly = Buffer.from(await doc.save());
    const fine = await pagesPdf(['fine']);
    const results = await Promise.all([
      pdfPreviewText(truncatedPdf),
      pdfPreviewText(garbage),
      pdfPreviewText(encrypted),
      pdfPreviewText(imageOnly),
      pdfPreviewText(fine, { ...PDF_PREVIEW_LIMITS, maxBytes: 100 }),
      pdfPreviewText(Buffer.from('<html><script>alert(1)</script></html>')),
      pdfPreviewText(fine, { ...PDF_PREVIEW_LIMITS, timeoutMs: 1 }),
    ]);
    expect(results).toEqual(['unreadable', 'unreadable', 'encrypted', 'no-text', 'too-large', 'not-a-pdf', 'timeout'].map((reason) => ({ ok: false, reason })));
  });
});
