/** Emails for the review tool's tests: the Message-ID of a raw email, and a hostile one (dev fixtures: support/dev-email-copy.ts). */
import { randomUUID } from 'node:crypto';

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
