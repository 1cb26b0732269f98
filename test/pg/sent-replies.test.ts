/**
 * The replies we sent, kept as fingerprints in sent_mail by the real SMTP sender, read back by Message-ID, and the
 * triage of a customer's answer quoting one of them: the genuine quote is ours, a doctored copy is escalated.
 */
import nodemailer from 'nodemailer';
import { PgSentReplyLog } from '../../activities/src/adapters/pg/sent-replies';
import { beginSend } from '../../activities/src/adapters/pg/sent-mail';
import { sendReply } from '../../activities/src/adapters/smtp/smtp-sender';
import type { SmtpTransport } from '../../activities/src/adapters/smtp/smtp-transport';
import { replyFingerprint } from '../../activities/src/mail/reply-fingerprint';
import { EmbeddedContextStore } from '../../activities/src/reply/embedded-context-store';
import { fixtureShop, readShopFile } from '../../activities/src/reply/test-support/fixture-shop';
import type { TriageDeps } from '../../activities/src/triage/pipeline';
import { loadPolicy } from '../../activities/src/triage/policy';
import { triageRaw } from '../../activities/src/triage/triage';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { registerTestEmail, rawMessage } from './email-fixture';

const shopFile = readShopFile();
const { shop_name: shopName, support_address: support } = shopFile.policies;
const customer = shopFile.customers[0]!;
const domain = support.split('@')[1]!;

/** A transport that accepts every message without a server (nodemailer's stream transport). */
const acceptingTransport = (): SmtpTransport => nodemailer.createTransport({ streamTransport: true, buffer: true }) as unknown as SmtpTransport;

const OUR_REPLY = [
  `Bonjour ${customer.first_name},`,
  '',
  'Merci pour votre message. Pour que nous puissions examiner le défaut que vous décrivez, merci de nous envoyer',
  'une photo de la pièce et de son étiquette en répondant simplement à ce courriel.',
  '',
  'Bien cordialement,',
  `L'équipe ${shopName}`,
].join('\n');

let db: TestDatabase;
let ourId: string;
let customerMessageId: string;
beforeAll(async () => {
  db = await withTestDatabase();
  const email = await registerTestEmail(db.pool);
  ourId = `${email.emailKey.slice(0, 32)}.reply@${domain}`;
  customerMessageId = `first-${email.emailKey.slice(0, 8)}@client.example`;
  await sendReply({ db: db.pool, transport: acceptingTransport() }, {
    sendKey: `${email.emailKey}:reply`,
    emailKey: email.emailKey,
    from: { name: shopName, address: support },
    to: customer.email,
    subject: 'Re: Pièce défectueuse',
    text: OUR_REPLY,
    inReplyTo: customerMessageId,
    references: [customerMessageId],
    autoSubmitted: false,
    messageId: ourId,
  });
});
afterAll(() => db.close());

describe('the log of sent replies', () => {
  it('reads back the fingerprint of the text that left, by Message-ID with or without angle brackets', async () => {
    const log = new PgSentReplyLog(db.pool);
    const found = await log.sentAmong([`<${customerMessageId}>`, `<${ourId}>`], null);
    expect(found).toEqual({ verified: true, replies: [{ messageId: ourId, fingerprint: replyFingerprint(ourId, OUR_REPLY) }] });
    expect(await log.sentAmong([ourId], 'someone-else@client.example')).toEqual(found);
    expect(await log.sentAmong(['someone-else@client.example'], 'someone-else@client.example')).toEqual({ verified: true, replies: [] });
  });

  it('finds the latest replies sent to the sender when the thread names none of ours', async () => {
    const found = await new PgSentReplyLog(db.pool).sentAmong([], customer.email.toUpperCase());
    expect(found.replies.map((r) => r.messageId)).toEqual([ourId]);
  });

  it('stores no word of the reply', async () => {
    const { rows } = await db.pool.query<{ row: string }>('select row_to_json(s)::text as row from sent_mail s where message_id = $1', [ourId]);
    expect(rows[0]!.row).not.toMatch(/photo|étiquette|etiquette|cordialement/i);
    expect(rows[0]!.row).not.toContain(customer.email);
  });

  it('cannot vouch for a thread naming a reply claimed without a fingerprint (sent before they were kept)', async () => {
    const older = await registerTestEmail(db.pool);
    const olderId = `${older.emailKey.slice(0, 32)}.reply@${domain}`;
    await beginSend(db.pool, { sendKey: `${older.emailKey}:reply`, emailKey: older.emailKey, messageId: olderId, toAddressHash: 'a'.repeat(64) });
    expect(await new PgSentReplyLog(db.pool).sentAmong([olderId, ourId], null)).toMatchObject({ verified: false, replies: [{ messageId: ourId }] });
  });
});

describe('triage of an answer quoting our reply', () => {
  const answer = (quotedReply: string, threaded = true): Buffer => {
    const body = [
      'Bonjour,',
      '',
      'Voici les photos, la pièce est fendue sur le côté.',
      '',
      `Camille`,
      '',
      `Le lun. 2 mars 2026 à 10:12, ${shopName} <${support}> a écrit :`,
      ...quotedReply.split('\n').map((l) => `> ${l}`),
    ].join('\r\n');
    return rawMessage({
      From: `${customer.first_name} ${customer.last_name} <${customer.email}>`,
      To: support,
      Subject: 'Re: Pièce défectueuse',
      Date: 'Tue, 03 Mar 2026 08:30:00 +0100',
      'Message-ID': `<answer-${Math.random().toString(16).slice(2)}@client.example>`,
      ...(threaded ? { 'In-Reply-To': `<${ourId}>`, References: `<${customerMessageId}> <${ourId}>` } : {}),
      'Content-Type': 'text/plain; charset=utf-8',
    }, body);
  };
  const deps = async (withLog: boolean): Promise<TriageDeps> => {
    const shop = fixtureShop();
    return {
      shop, policy: await loadPolicy(undefined, await shop.policies()), context: new EmbeddedContextStore(),
      ...(withLog ? { sentReplies: new PgSentReplyLog(db.pool) } : {}),
    };
  };
  const tampered = (c: Awaited<ReturnType<typeof triageRaw>>): boolean =>
    (c.classification?.signals ?? []).includes('tampered_quoted_text') || (c.decision?.reasons ?? []).includes('tampered_quoted_text');

  it('accepts the reply we sent, request for a photo included, even from a message without threading headers', async () => {
    for (const threaded of [true, false]) {
      const c = await triageRaw(answer(OUR_REPLY, threaded), await deps(true));
      expect(tampered(c)).toBe(false);
      expect(c.decision?.route).not.toBe('escalate');
    }
  });

  it('escalates a doctored copy that adds a promise we never made', async () => {
    const doctored = OUR_REPLY.replace('ce courriel.', 'ce courriel. Nous vous enverrons une pièce neuve sans frais dès réception.');
    const c = await triageRaw(answer(doctored), await deps(true));
    expect(c.decision?.route).toBe('escalate');
    expect(c.decision?.reasons).toContain('tampered_quoted_text');
    expect(c.classification?.signals).toContain('unsent_shop_quote');
    // without the log, the same copy cannot be told from a genuine reply of ours
    expect(tampered(await triageRaw(answer(doctored), await deps(false)))).toBe(false);
  });
});
