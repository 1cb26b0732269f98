/**
 * The email page's attachments: each file's name, type and size, with a preview where one is safe — raster images
 * (served by attachment-routes.ts only when their bytes are an image), the text the parser kept of small text files,
 * and the text of a PDF's first pages (pdf-previews.ts). Text is shown escaped, as text; other files are listed
 * without a preview, and a PDF that cannot be read says why.
 */
import type { AttachmentInfo } from '@replique/activities/domain/types';
import { isPdfAttachment, MAX_PREVIEW_IMAGE_BYTES, previewKind } from '@replique/activities/mail/attachment-preview';
import type { PdfNoPreview, PdfText } from '@replique/activities/mail/pdf-text';
import { MAX_PDFS, type PdfPreviews } from '../pdf-previews';
import { html, type SafeHtml } from './html';

const TEXT_PREVIEW_CHARS = 2_000;

const NO_PDF_PREVIEW: Record<PdfNoPreview, string> = {
  'too-large': 'no preview (the PDF is too large to read here)',
  'not-a-pdf': 'no preview (the file is not a PDF)',
  encrypted: 'no preview (the PDF is protected by a password)',
  unreadable: 'no preview (the PDF cannot be read: damaged or malformed)',
  timeout: 'no preview (the PDF took too long to read)',
  'no-text': 'no preview (the PDF holds no text: a scan or images)',
};

export function attachmentsSection(emailKey: string, attachments: readonly AttachmentInfo[], pdfs: PdfPreviews = new Map()): SafeHtml {
  const files = attachments.filter((a) => !a.inline || /^image\//.test(a.contentType));
  if (files.length === 0) return html``;
  return html`<section class="attachments"><h2>Attachments <small>${files.length}</small></h2>
    <ul>${files.map((a) => html`<li>
      <span class="file">${a.filename ?? '(no name)'}</span> <small class="muted">${a.contentType} · ${size(a.size)}</small>
      ${isPdfAttachment(a) ? pdfPreview(pdfs.get(a.sha256)) : preview(emailKey, a)}</li>`)}</ul></section>`;
}

function preview(emailKey: string, a: AttachmentInfo): SafeHtml {
  switch (previewKind(a.contentType, typeof a.text === 'string')) {
    case 'image':
      if (a.size > MAX_PREVIEW_IMAGE_BYTES) return html`<br><small class="muted">no preview (image too large)</small>`;
      return a.sha256
        ? html`<br><img class="preview" src="/emails/${emailKey}/attachments/${a.sha256}" alt="${a.filename ?? 'image'}" loading="lazy">`
        : html``;
    case 'text': {
      const text = a.text ?? '';
      return html`<pre class="body preview">${text.slice(0, TEXT_PREVIEW_CHARS)}${text.length > TEXT_PREVIEW_CHARS ? '\n…' : ''}</pre>`;
    }
    case 'none':
      return html`<br><small class="muted">no preview</small>`;
  }
}

function pdfPreview(text: PdfText | undefined): SafeHtml {
  if (!text) return html`<br><small class="muted">no preview (only the first ${MAX_PDFS} PDFs of an email are read)</small>`;
  if (!text.ok) return html`<br><small class="muted pdf-none">${NO_PDF_PREVIEW[text.reason]}</small>`;
  const pages = text.pagesRead === 1 ? 'page 1' : `pages 1–${text.pagesRead}`;
  return html`<br><small class="muted">text of ${pages} of ${text.totalPages}${text.truncated ? ', cut' : ''}</small>
      <pre class="body preview pdf-text">${text.text}${text.truncated ? '\n…' : ''}</pre>`;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;
}
