/** Emails for the review tool's tests: dev fixtures under a fresh Message-ID, and a hostile one. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { devEmailsDir } from '../support/paths';

/** The same fixture under a fresh Message-ID, so each test owns its email (and its workflow). */
export function freshCopy(file: string): Buffer {
  const text = readFileSync(path.join(devEmailsDir, file)).toString('latin1');
  const id = `<${randomUUID()}@test.replique>`;
  const replaced = /^Message-ID:.*$/im.test(text)
    ? text.replace(/^Message-ID:.*$/im, `Message-ID: ${id}`)
    : `Message-ID: ${id}\r\n${text}`;
  return Buffer.from(replaced, 'latin1');
}

export function messageIdOf(raw: Buffer): string {
  return /^Message-ID:\s*<([^>]+)>/im.exec(raw.toString('latin1'))![1]!;
}

/** A legal threat (escalated to level 2) whose subject and body carry markup that must render inert. */
export function hostileEmail(): Buffer {
  return Buffer.from([
    'From: Mallory Martin <mallory@example.org>',
    'To: support@maison-lumen.example',
    'Subject: <script>document.title="pwned-subject"</script> Mise en demeure',
    'Date: Thu, 19 Nov 2026 22:10:45 +0100',
    `Message-ID: <${randomUUID()}@test.replique>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Madame, Monsieur,',
    '',
    'Je vous mets en demeure de me rembourser sous huit jours, sinon mon avocat saisira le tribunal.',
    '<script>document.title="pwned-body"</script><img src=x onerror="document.title=\'pwned-img\'">',
    '',
    'Mallory Martin',
    '',
  ].join('\r\n'));
}

/** The customer writes again in the thread of `original` (whose Message-ID is `messageId`), as a mail client does. */
export function customerReply(original: Buffer, messageId: string, text: string): Buffer {
  const head = original.toString('latin1');
  const from = /^From:.*$/im.exec(head)![0];
  const subject = /^Subject:(.*)$/im.exec(head)![1]!.trim();
  return Buffer.from([
    from, 'To: support@maison-lumen.example', `Subject: Re: ${subject}`, 'Date: Mon, 23 Nov 2026 09:12:00 +0100',
    `Message-ID: <${randomUUID()}@test.replique>`, `In-Reply-To: <${messageId}>`, `References: <${messageId}>`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text, '',
  ].join('\r\n'), 'utf8');
}
