import { PDFDocument } from 'pdf-lib';
import type { DraftAttachment } from '../domain/types';
import { renderAttachment } from './render-attachment';

const doc: DraftAttachment = {
  kind: 'invoice',
  filename: 'facture-CMD-00001.pdf',
  orderNumber: 'CMD-00001',
  title: 'Facture CMD-00001',
  lines: ['Facture n° CMD-00001', 'Date de livraison: 11 novembre 2026', '', 'Total payé: 141,90 €', 'x '.repeat(200)],
  total: 141.9,
};

test('a PDF that opens, with its title, on A4; the same document gives the same bytes', async () => {
  const a = await renderAttachment(doc);
  const b = await renderAttachment(doc);
  expect(a.filename).toBe('facture-CMD-00001.pdf');
  expect(a.contentType).toBe('application/pdf');
  expect(a.content.subarray(0, 5).toString()).toBe('%PDF-');
  expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(b.sha256).toBe(a.sha256);
  const loaded = await PDFDocument.load(a.content);
  expect(loaded.getTitle()).toBe('Facture CMD-00001');
  expect(loaded.getPageCount()).toBe(1);
  expect(Math.round(loaded.getPage(0).getWidth())).toBe(595);
  const other = await renderAttachment({ ...doc, lines: [...doc.lines.slice(0, 3), 'Total payé: 14,19 €'] });
  expect(other.sha256).not.toBe(a.sha256);
});
