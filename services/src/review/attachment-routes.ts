/**
 * `GET /emails/:emailKey/attachments/:sha256`: an attachment's image for the email page's preview (session required,
 * like every page). Served only when its bytes are a PNG, JPEG, GIF or WebP image, whatever the mail declared, with
 * a response that can run nothing (`default-src 'none'`, nosniff) and is not cached; anything else gets 415, an
 * image above MAX_PREVIEW_IMAGE_BYTES 413.
 */
import express, { type Router } from 'express';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { getEmail, loadCase } from '@replique/activities/adapters/pg/emails';
import { loadRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { attachmentBytes, MAX_PREVIEW_IMAGE_BYTES, previewImageType } from '@replique/activities/mail/attachment-preview';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';

const EMAIL_KEY = /^[0-9a-f]{64}$/;
const SHA256 = /^[0-9a-f]{64}$/;

export function createAttachmentRouter(deps: { db: Queryable; vault: FieldVault }): Router {
  const router = express.Router();
  router.get('/emails/:emailKey/attachments/:sha256', async (req, res) => {
    const { emailKey, sha256 } = req.params;
    if (!EMAIL_KEY.test(emailKey) || !SHA256.test(sha256)) return void res.status(404).type('text').send('not found');
    // Only an attachment the case file lists (the parser's own record) is read back.
    const [email, emailCase] = await Promise.all([getEmail(deps.db, emailKey), loadCase(deps.db, deps.vault, emailKey)]);
    const listed = emailCase?.parsed.attachments.some((a) => a.sha256 === sha256) ?? false;
    if (!email || !listed) return void res.status(404).type('text').send('not found');
    const found = await attachmentBytes(await loadRawEmail(deps.db, deps.vault, email.rawId), sha256).catch(() => null);
    if (!found) return void res.status(404).type('text').send('not found');
    if (found.content.length > MAX_PREVIEW_IMAGE_BYTES) return void res.status(413).type('text').send('too large to preview');
    const type = previewImageType(found.content);
    if (!type) return void res.status(415).type('text').send('no preview for this attachment');
    res.set({
      'content-type': type,
      'content-security-policy': "default-src 'none'",
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-disposition': 'inline',
    });
    res.send(found.content);
  });
  return router;
}
