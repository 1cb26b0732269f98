/** Puts sample .eml files into the support mailbox over IMAP, as a mail server would deliver them. */
import { ImapFlow } from 'imapflow';
import { extractMessageIdHeader } from '@replique/activities/domain/email-key';

export interface ImapAccount {
  host: string;
  port: number;
  user: string;
  password: string;
  folder: string;
}

/** Appends each message not already in the folder (matched by Message-ID); returns how many were appended. */
export async function deliverToImap(account: ImapAccount, messages: Buffer[]): Promise<number> {
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: false,
    auth: { user: account.user, pass: account.password },
    logger: false,
  });
  await client.connect();
  let appended = 0;
  try {
    const lock = await client.getMailboxLock(account.folder);
    try {
      for (const raw of messages) {
        const messageId = extractMessageIdHeader(raw);
        if (messageId) {
          const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
          if (Array.isArray(found) && found.length > 0) continue;
        }
        await client.append(account.folder, raw);
        appended++;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
  return appended;
}
