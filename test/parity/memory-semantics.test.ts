/**
 * The memory between emails, the same in the worker (Postgres: sent automatic replies, sent_mail, bounced_addresses)
 * and the CLI (adapters/memory/decision-log.ts): the per-thread and per-sender limits of automatic replies (counted
 * at the answered email's Date) and a hard bounce of one of our replies, over one sequence of emails run through
 * both paths.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { rawSha256 } from '@replique/activities/domain/email-key';
import { setLogLevel } from '@replique/activities/logger';
import { WorkerEnvSchema } from '@replique/services/config/worker-config';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';
import { devEmailsDir, shopFixture } from '../support/paths';
import { cliDecisions, emailFilesOf, emailKeyOf, workerDecisions } from './decision-paths';

jest.setTimeout(180_000);

const CUSTOMER = 'hannah.evans@btinternet.com';
let sink: RunningSmtpSink;
let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  setLogLevel('warn');
  [sink, db, dir] = await Promise.all([startSmtpSink(), withTestDatabase(), mkdtemp(path.join(os.tmpdir(), 'replique-memory-'))]);
});

afterAll(async () => {
  await sink?.stop();
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** d005 (Hannah asks when order CMD-10839 arrives: answered automatically) with its own Message-ID, Date and thread. */
async function routine(messageId: string, date: string, replyTo?: string): Promise<Buffer> {
  let text = (await readFile(path.join(devEmailsDir, 'd005.eml'))).toString('latin1')
    .replace(/^Message-ID:.*$/im, `Message-ID: <${messageId}>`)
    .replace(/^Date:.*$/im, `Date: ${date}`);
  if (replyTo) text = text.replace(/^Message-ID:.*$/im, (line) => `${line}\r\nIn-Reply-To: <${replyTo}>\r\nReferences: <${replyTo}>`);
  return Buffer.from(text, 'latin1');
}

/** The customer's server returns one of our replies: 5.1.1, user unknown. */
function hardBounce(replyMessageId: string): Buffer {
  const b = 'dsn-boundary-1';
  return Buffer.from([
    'Return-Path: <>', 'From: Mail Delivery System <MAILER-DAEMON@mail-in.btinternet.com>', 'To: support@maison-lumen.example',
    'Subject: Undelivered Mail Returned to Sender', 'Date: Sat, 21 Nov 2026 13:00:00 +0000', 'Message-ID: <dsn-1@mail-in.btinternet.com>',
    'Auto-Submitted: auto-replied', 'MIME-Version: 1.0', `Content-Type: multipart/report; report-type=delivery-status; boundary="${b}"`, '',
    `--${b}`, 'Content-Type: text/plain; charset=us-ascii', '', 'Your message could not be delivered.', '',
    `--${b}`, 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mail-in.btinternet.com', '',
    `Final-Recipient: rfc822; ${CUSTOMER}`, 'Action: failed', 'Status: 5.1.1', `Diagnostic-Code: smtp; 550 5.1.1 user unknown`, '',
    `--${b}`, 'Content-Type: text/rfc822-headers', '', `Message-ID: <${replyMessageId}>`, `To: ${CUSTOMER}`, '', `--${b}--`, '',
  ].join('\r\n'), 'latin1');
}

test('auto-reply limits and a bounce of our reply weigh the same in the worker and the CLI', async () => {
  const emails: [string, Buffer][] = [
    ['a1.eml', await routine('a1@btinternet.com', 'Mon, 23 Nov 2026 08:00:00 +0000')],
    ['a2.eml', await routine('a2@btinternet.com', 'Mon, 23 Nov 2026 09:00:00 +0000', 'a1@btinternet.com')],
    ['a3.eml', await routine('a3@btinternet.com', 'Mon, 23 Nov 2026 10:00:00 +0000', 'a1@btinternet.com')],
    ['b1.eml', await routine('b1@btinternet.com', 'Mon, 23 Nov 2026 11:00:00 +0000')],
    ['b2.eml', await routine('b2@btinternet.com', 'Mon, 23 Nov 2026 12:00:00 +0000')],
    ['b3.eml', await routine('b3@btinternet.com', 'Sat, 21 Nov 2026 12:00:00 +0000')],
  ];
  const b3 = emails[5]![1];
  const replyToB3 = `${emailKeyOf(b3, rawSha256(b3)).slice(0, 32)}.reply@maison-lumen.example`;
  emails.push(['c1.eml', hardBounce(replyToB3)], ['c2.eml', await routine('c2@btinternet.com', 'Fri, 20 Nov 2026 12:00:00 +0000')]);
  for (const [name, raw] of emails) await writeFile(path.join(dir, name), raw);

  const config = WorkerEnvSchema.parse({
    DATABASE_URL: db.databaseUrl, SMTP_PORT: String(sink.port), REPLIQUE_SHOP_FILE: shopFixture, EVENT_RELAY_ENABLED: 'false', LOG_LEVEL: 'warn',
  });
  const files = await emailFilesOf(dir);
  const worker = await workerDecisions(config, files);
  const cli = await cliDecisions(db.databaseUrl, files);
  expect(cli.decisions).toEqual(worker);

  const routes = Object.fromEntries(worker.map((d) => [d.file, [d.route, ...d.reasons.filter((r) => /limit|bouncing/.test(r))]]));
  expect(routes).toEqual({
    'a1.eml': ['auto'],
    'a2.eml': ['auto'], // the thread's second automatic reply
    'a3.eml': ['review', 'auto_reply_limit'], // per_thread 2
    'b1.eml': ['auto'], // third to Hannah on the 23rd
    'b2.eml': ['review', 'auto_reply_limit'], // per_sender_per_day 3
    'b3.eml': ['auto'], // written on the 21st: the 23rd's replies are not in its 24 h
    'c1.eml': ['suppress'],
    'c2.eml': ['review', 'recipient_bouncing'], // the reply to b3 bounced for good
  });
  expect(sink.messages().filter((m) => m.header('to')?.includes(CUSTOMER))).toHaveLength(4);
});
