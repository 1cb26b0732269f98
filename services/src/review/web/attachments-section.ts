/**
 * The email page's attachments: each file's name, type and size, with a preview where one is safe — raster images
 * (served by attachment-routes.ts only when their bytes are an image) and the text the parser kept of small text
 * files. Other files are listed without a preview; a PDF's text is not extracted yet.
 */
import type { AttachmentInfo } from '@replique/activities/domain/types';
import { previewKind } from '@replique/activities/mail/attachment-preview';
import { html, type SafeHtml } from './html';

const TEXT_PREVIEW_CHARS = 2_000;

export function attachmentsSection(emailKey: string, attachments: readonly AttachmentInfo[]): SafeHtml {
  const files = attachments.filter((a) => !a.inline || /^image\//.test(a.contentType));
  if (files.length === 0) return html``;
  return html`<section class="attachments"><h2>Attachments <small>${files.length}</small></h2>
    <ul>${files.map((a) => html`<li>
      <span class="file">${a.filename ?? '(no name)'}</span> <small class="muted">${a.contentType} · ${size(a.size)}</small>
      ${preview(emailKey, a)}</li>`)}</ul></section>`;
}

function preview(emailKey: string, a: AttachmentInfo): SafeHtml {
  switch (previewKind(a.contentType, typeof a.text === 'string')) {
    case 'image':
      return a.sha256
        ? html`<br><img class="preview" src="/emails/${emailKey}/attachments/${a.sha256}" alt="${a.filename ?? 'image'}" loading="lazy">`
        : html``;
    case 'text': {
      const text = a.text ?? '';
      return html`<pre class="body preview">${text.slice(0, TEXT_PREVIEW_CHARS)}${text.length > TEXT_PREVIEW_CHARS ? '\n…' : ''}</pre>`;
    }
    case 'none':
      return html`<br><small class="muted">${a.contentType === 'application/pdf' ? 'no preview (PDF text is not extracted yet)' : 'no preview'}</small>`;
  }
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;
}
