/** Registers a stored raw email the way intake does, for tests that need an `emails` row to hang records on. */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../activities/src/adapters/pg/pool';
import { storeRawEmail } from '../../activities/src/adapters/pg/raw-emails';
import { registerEmail } from '../../activities/src/adapters/pg/emails';
import {
  emailKeyFor, extractMessageIdHeader, messageIdHashOrNull,
} from '../../activities/src/domain/email-key';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { testVault } from '../support/data-keks';

export interface TestEmail {
  emailKey: string;
  rawId: string;
  workflowId: string;
  messageIdHash: string | null;
}

export function rawMessage(headers: Record<string, string>, body = 'Bonjour,\r\nmerci.\r\n'): Buffer {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}

export async function registerTestEmail(
  db: Queryable, options: { messageId?: string | null; mailbox?: string; headers?: Record<string, string> } = {},
): Promise<TestEmail> {
  const mailbox = options.mailbox ?? 'support';
  const messageId = options.messageId === undefined ? `<${randomUUID()}@test.example>` : options.messageId;
  const raw = rawMessage({
    From: 'Client <client@example.org>',
    Subject: 'Test',
    ...(messageId ? { 'Message-ID': messageId } : {}),
    'X-Test-Nonce': randomUUID(),
    ...options.headers,
  });
  const stored = await storeRawEmail(db, testVault(db), { raw, source: 'cli', mailbox });
  const id = extractMessageIdHeader(raw);
  const emailKey = emailKeyFor(mailbox, id, stored.sha256);
  const email = { emailKey, rawId: stored.rawId, workflowId: workflowIdForEmailKey(emailKey), messageIdHash: messageIdHashOrNull(id) };
  await registerEmail(db, { ...email, mailbox });
  return email;
}
