/**
 * `replique map --mailbox`: the mailbox's messages copied, read-only, into a folder of .eml files (one per message,
 * named by UID) that the map then reads like any folder. The folder is opened read-only (EXAMINE): no flag changes,
 * nothing marked \Seen, nothing moved; the intake's checkpoint is not touched.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { z } from 'zod';

/** The IMAP account the map reads: the intake's variables, and the folder (IMAP_MAILBOX, INBOX by default). */
export const MailboxEnvSchema = z.object({
  IMAP_HOST: z.string().min(1),
  IMAP_PORT: z.coerce.number().int().positive().default(993),
  IMAP_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  IMAP_USER: z.string().min(1),
  IMAP_PASSWORD: z.string().min(1),
  IMAP_MAILBOX: z.string().min(1).default('INBOX'),
});

export async function exportMailbox(env: NodeJS.ProcessEnv, dir: string): Promise<number> {
  const e = MailboxEnvSchema.parse(env);
  const client = new ImapFlow({ host: e.IMAP_HOST, port: e.IMAP_PORT, secure: e.IMAP_SECURE, auth: { user: e.IMAP_USER, pass: e.IMAP_PASSWORD }, logger: false });
  await client.connect();
  let n = 0;
  try {
    const box = await client.mailboxOpen(e.IMAP_MAILBOX, { readOnly: true });
    if (box.exists > 0) {
      for await (const msg of client.fetch('1:*', { uid: true, source: true })) {
        if (!msg.source) continue;
        await writeFile(path.join(dir, `uid-${String(msg.uid).padStart(8, '0')}.eml`), msg.source);
        n++;
      }
    }
  } finally {
    await client.logout();
  }
  return n;
}
