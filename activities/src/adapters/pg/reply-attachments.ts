/**
 * Documents sent with a reply, one row per (send key, file name), written before the SMTP call. A retry writes
 * nothing new: the same document renders to the same bytes. PII: the content (an invoice names the customer), sealed
 * with the email's data key (../vault/field-vault.ts); `sha256` and `size_bytes` are the document's.
 */
import type { FieldVault } from '../vault/field-vault';
import type { Queryable } from './pool';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  sha256: string;
  sizeBytes: number;
  content: Buffer;
}

export async function storeReplyAttachment(
  db: Queryable, vault: FieldVault, input: { sendKey: string; emailKey: string; filename: string; contentType: string; sha256: string; content: Buffer },
): Promise<void> {
  await db.query(
    `insert into reply_attachments (send_key, email_key, filename, content_type, sha256, size_bytes, content)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (send_key, filename) do nothing`,
    [input.sendKey, input.emailKey, input.filename, input.contentType, input.sha256, input.content.length,
      await vault.seal({ emailKey: input.emailKey }, input.content)],
  );
}

export async function replyAttachments(db: Queryable, vault: FieldVault, emailKey: string): Promise<StoredAttachment[]> {
  const { rows } = await db.query<StoredAttachment>(
    `select filename, content_type as "contentType", sha256, size_bytes as "sizeBytes", content
     from reply_attachments where email_key = $1 order by id`,
    [emailKey],
  );
  return Promise.all(rows.map(async (row) => ({ ...row, content: (await vault.open(row.content)) ?? Buffer.alloc(0) })));
}
