/**
 * A reply's document as a PDF (pdf-lib): the title and the checked lines, nothing else, in a standard font. The bytes
 * depend only on the document (fixed creation date, no random id), so a retried send renders and stores the same
 * file, with the same SHA-256.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { DraftAttachment } from '../domain/types';

export interface RenderedAttachment {
  filename: string;
  contentType: 'application/pdf';
  content: Buffer;
  sha256: string;
}

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 56;
const SIZE = 10.5;
const LEADING = 15;
const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

export async function renderAttachment(doc: DraftAttachment): Promise<RenderedAttachment> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(doc.title);
  pdf.setProducer('Replique');
  pdf.setCreator('Replique');
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  page.drawText(doc.title, { x: MARGIN, y, size: 18, font: bold, color: rgb(0, 0, 0) });
  y -= 2 * LEADING;
  const width = PAGE.width - 2 * MARGIN;
  for (const line of doc.lines.flatMap((l) => wrap(l, (t) => font.widthOfTextAtSize(t, SIZE), width))) {
    if (y < MARGIN) {
      page = pdf.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - MARGIN;
    }
    if (line) page.drawText(line, { x: MARGIN, y, size: SIZE, font });
    y -= LEADING;
  }
  const content = Buffer.from(await pdf.save({ useObjectStreams: false }));
  return { filename: doc.filename, contentType: 'application/pdf', content, sha256: createHash('sha256').update(content).digest('hex') };
}

/** Splits a line at spaces so each piece fits the width (a single word longer than the width stays whole). */
function wrap(line: string, widthOf: (t: string) => number, width: number): string[] {
  if (widthOf(line) <= width) return [line];
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(' ')) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && widthOf(next) > width) {
      out.push(cur);
      cur = word;
    } else cur = next;
  }
  out.push(cur);
  return out;
}
