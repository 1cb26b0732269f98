/**
 * The email page's PDF previews: the text of the first pages of each PDF the case file lists (at most MAX_PDFS per
 * email), read from the raw message through the vault (the raw message is stored sealed) and by the bounded reader
 * of pdf-text.ts. The text lives only in this request: never stored, cached or logged.
 */
import type { AttachmentInfo } from '@replique/activities/domain/types';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { getEmail } from '@replique/activities/adapters/pg/emails';
import { loadRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { attachmentsBytes, isPdfAttachment, type AttachmentBytes } from '@replique/activities/mail/attachment-preview';
import { pdfPreviewText, type PdfText } from '@replique/activities/mail/pdf-text';

export const MAX_PDFS = 3;

/** By attachment SHA-256: the text, or why there is none. PDFs past MAX_PDFS are absent (the page says so). */
export type PdfPreviews = ReadonlyMap<string, PdfText>;

export async function loadPdfPreviews(
  deps: { db: Queryable; vault: FieldVault }, emailKey: string, attachments: readonly AttachmentInfo[],
): Promise<PdfPreviews> {
  const shas = [...new Set(attachments.filter((a) => !a.inline && isPdfAttachment(a)).map((a) => a.sha256))].slice(0, MAX_PDFS);
  if (shas.length === 0) return new Map();
  const bytes = await rawAttachments(deps, emailKey, shas);
  const texts = await Promise.all(shas.map(async (sha): Promise<[string, PdfText]> => {
    const found = bytes.get(sha);
    return [sha, found ? await pdfPreviewText(found.content) : { ok: false, reason: 'unreadable' }];
  }));
  return new Map(texts);
}

async function rawAttachments(
  deps: { db: Queryable; vault: FieldVault }, emailKey: string, shas: string[],
): Promise<Map<string, AttachmentBytes>> {
  const email = await getEmail(deps.db, emailKey);
  if (!email) return new Map();
  // A raw message past retention (or never kept) has no bytes to read: each PDF then shows "no preview".
  return loadRawEmail(deps.db, deps.vault, email.rawId).then((raw) => attachmentsBytes(raw, shas)).catch(() => new Map<string, AttachmentBytes>());
}
