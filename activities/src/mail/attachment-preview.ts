/**
 * An attachment's bytes for the review tool's preview, read again from the stored raw message (attachments are not
 * stored apart). Only raster images are previewed, and only when their first bytes say what they are: a customer's
 * file is hostile, and an SVG or an HTML page named `.png` must never reach the reviewer's browser as an image.
 * A PDF's text is read by pdf-text.ts.
 */
import { simpleParser } from 'mailparser';

export interface AttachmentBytes {
  filename: string | null;
  contentType: string;
  content: Buffer;
}

/** The attachment whose SHA-256 (as `parseEmail` records it in `AttachmentInfo.sha256`) is `sha256`, or null. */
export async function attachmentBytes(raw: Buffer, sha256: string): Promise<AttachmentBytes | null> {
  return (await attachmentsBytes(raw, [sha256])).get(sha256) ?? null;
}

/** The attachments whose SHA-256 is listed, by SHA-256, from one parse of the raw message. */
export async function attachmentsBytes(raw: Buffer, sha256s: readonly string[]): Promise<Map<string, AttachmentBytes>> {
  const parsed = await simpleParser(raw, {
    checksumAlgo: 'sha256', skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true,
  } as Parameters<typeof simpleParser>[1]);
  const found = new Map<string, AttachmentBytes>();
  for (const a of parsed.attachments) {
    if (sha256s.includes(a.checksum) && !found.has(a.checksum)) {
      found.set(a.checksum, { filename: a.filename ?? null, contentType: a.contentType.toLowerCase(), content: a.content });
    }
  }
  return found;
}

/** Whether the email page reads an attachment's text as a PDF: declared so, or a generic type with a .pdf name. */
export function isPdfAttachment(a: { contentType: string; filename: string | null }): boolean {
  return a.contentType === 'application/pdf' || a.contentType === 'application/x-pdf'
    || (a.contentType === 'application/octet-stream' && /\.pdf$/i.test(a.filename ?? ''));
}

/** Larger images are listed without a preview (the page shows them at most 320 px high anyway). */
export const MAX_PREVIEW_IMAGE_BYTES = 5 * 1024 * 1024;

export type PreviewImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/** The image type the bytes really are (magic numbers), when it is one the review tool previews; else null. */
export function previewImageType(bytes: Buffer): PreviewImageType | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = bytes.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return 'image/gif';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

/** What the email page offers for an attachment's declared type: an image preview, its text, or its name only. */
export function previewKind(contentType: string, hasText: boolean): 'image' | 'text' | 'none' {
  if (/^image\/(png|jpe?g|gif|webp)$/.test(contentType)) return 'image';
  return hasText ? 'text' : 'none';
}
