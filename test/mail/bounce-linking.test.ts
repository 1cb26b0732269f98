/**
 * A bounce of one of our replies, on the real stack (pipeline harness: HTTP intake → Kafka → Temporal → worker →
 * SMTP sink): a routine email is answered automatically; a DSN returning that reply is suppressed, linked back to
 * the email whose reply bounced (`send:bounced` in ITS audit trail, status but no address), and the recipient is
 * marked hard-bouncing by hash; the next routine email from that address waits for a person (`recipient_bouncing`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { bounceAddressHash, getBouncedAddress } from '@replique/activities/adapters/pg/bounces';
import { getEmail } from '@replique/activities/adapters/pg/emails';
import { devEmailsDir } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';

jest.setTimeout(180_000);

const CUSTOMER = 'hannah.evans@btinternet.com'; // the sender of d005 (a routine delivery-date question)

let pipeline: PipelineHarness;

beforeAll(async () => {
  pipeline = await startPipeline();
}, 120_000);

afterAll(async () => {
  await pipeline?.stop();
});

/** d005 under a fresh Message-ID, so each delivery is a new email (and workflow). */
function routineEmail(): Buffer {
  const text = readFileSync(path.join(devEmailsDir, 'd005.eml')).toString('latin1');
  return Buffer.from(text.replace(/^Message-ID:.*$/im, `Message-ID: <${randomUUID()}@btinternet.com>`), 'latin1');
}

/** An RFC 3464 report from the customer's MTA: our reply could not be delivered (5.1.1 user unknown). */
function dsnFor(replyMessageId: string): Buffer {
  const boundary = `dsn-${randomUUID()}`;
  return Buffer.from([
    'Return-Path: <>',
    'From: Mail Delivery System <MAILER-DAEMON@mail-in.btinternet.com>',
    'To: support@maison-lumen.example',
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Mon, 23 Nov 2026 08:20:01 +0000',
    `Message-ID: <${randomUUID()}@mail-in.btinternet.com>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mail-in.btinternet.com.',
    '',
    "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
    '',
    `<${CUSTOMER}>: host mail-in.btinternet.com said: 550 5.1.1 <${CUSTOMER}>: Recipient address rejected: User unknown`,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mail-in.btinternet.com',
    '',
    `Final-Recipient: rfc822; ${CUSTOMER}`,
    'Action: failed',
    'Status: 5.1.1',
    `Diagnostic-Code: smtp; 550 5.1.1 <${CUSTOMER}>: Recipient address rejected: User unknown`,
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    'From: Maison Lumen <support@maison-lumen.example>',
    `To: ${CUSTOMER}`,
    'Subject: Re: Order CMD-10839 - delivery date?',
    `Message-ID: <${replyMessageId}>`,
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n'), 'utf8');
}

test('a bounce of our reply is suppressed, linked to the email it answered, and holds the next automatic reply', async () => {
  // 1. a routine email is answered automatically
  const first = await pipeline.deliver(routineEmail());
  const sent = await pipeline.waitForView(first.emailKey, (v) => v.state === 'sent', 90_000);
  expect(sent.route).toBe('auto');
  const replyId = sent.sentMessageId!.replace(/^<|>$/g, '');
  expect(replyId).toMatch(/^[0-9a-f]{32}\.reply@maison-lumen\.example$/);

  // 2. the customer's server bounces that reply
  const bounce = await pipeline.deliver(dsnFor(replyId));
  const suppressed = await pipeline.waitForView(bounce.emailKey, (v) => v.state === 'suppressed', 90_000);
  expect(suppressed.route).toBe('suppress');
  expect(suppressed.routeReasons).toEqual(expect.arrayContaining(['delivery_status_report', 'bounce_of_shop_reply']));
  expect(pipeline.sink.messages().filter((m) => m.rcptTo.some((t) => /mailer-daemon/i.test(t)))).toHaveLength(0);

  // the original email's audit trail says its reply bounced: status, no address
  const trail = await auditTrail(pipeline.db.pool, first.emailKey);
  const bounced = trail.filter((e) => e.stage === 'send' && e.event === 'bounced');
  expect(bounced).toHaveLength(1);
  expect(bounced[0]!.data).toMatchObject({ status: '5.1.1', action: 'failed', hard: true, bounceEmailKey: bounce.emailKey });
  expect(JSON.stringify(bounced[0]!.data)).not.toContain('@');
  expect((await getEmail(pipeline.db.pool, first.emailKey))?.state).toBe('sent');

  // the address is marked, by hash only
  const marked = await getBouncedAddress(pipeline.db.pool, bounceAddressHash(CUSTOMER));
  expect(marked).toMatchObject({ count: 1, lastStatus: '5.1.1' });
  const { rows } = await pipeline.db.pool.query(`select * from bounced_addresses`);
  expect(JSON.stringify(rows)).not.toContain(CUSTOMER);

  // 3. the next routine email from that address is not answered automatically
  const second = await pipeline.deliver(routineEmail());
  const held = await pipeline.waitForView(second.emailKey, (v) => v.route !== null, 90_000);
  expect(held.route).toBe('review');
  expect(held.routeReasons).toContain('recipient_bouncing');
});
