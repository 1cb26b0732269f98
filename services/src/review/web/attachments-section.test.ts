import type { AttachmentInfo } from '@replique/activities/domain/types';
import { attachmentsSection } from './attachments-section';

const file = (filename: string, contentType: string, sha: string, size = 2_000): AttachmentInfo =>
  ({ filename, contentType, size, sha256: sha.repeat(64), inline: false });

describe('the email page attachments section', () => {
  test('a PDF shows the text of its first pages, escaped; a PDF that cannot be read says why', () => {
    const out = String(attachmentsSection('k', [
      file('bon.pdf', 'application/pdf', 'a'),
      file('locked.pdf', 'application/pdf', 'b'),
      file('scan.bin.pdf', 'application/octet-stream', 'c'),
    ], new Map([
      ['a'.repeat(64), { ok: true as const, text: 'Bon CMD-1 <script>alert(1)</script>', pagesRead: 3, totalPages: 7, truncated: true }],
      ['b'.repeat(64), { ok: false as const, reason: 'encrypted' as const }],
      ['c'.repeat(64), { ok: false as const, reason: 'no-text' as const }],
    ])));
    expect(out).toContain('text of pages 1–3 of 7, cut');
    expect(out).toContain('<pre class="body preview pdf-text">Bon CMD-1 &lt;script&gt;alert(1)&lt;/script&gt;\n…</pre>');
    expect(out).not.toContain('<script>');
    expect(out).toContain('no preview (the PDF is protected by a password)');
    expect(out).toContain('no preview (the PDF holds no text: a scan or images)');
  });

  test('a PDF past the per-email limit, an image too large to preview, another file: listed without a preview', () => {
    const out = String(attachmentsSection('k', [
      file('fourth.pdf', 'application/pdf', 'd'),
      file('huge.png', 'image/png', 'e', 6 * 1024 * 1024),
      file('archive.zip', 'application/zip', 'f'),
    ]));
    expect(out).toContain('no preview (only the first 3 PDFs of an email are read)');
    expect(out).toContain('no preview (image too large)');
    expect(out).not.toContain('<img');
    expect(out.match(/no preview/g)).toHaveLength(3);
  });
});
