import type { ParsedEmail } from '../domain/types';
import { cleanBody } from './clean-body';
import { detectMachineMail } from './machine-mail';
import { looksLikeOutOfOffice } from './out-of-office';
import { parseEmail } from './parse-email';
import { rawEmail } from './test-support/raw-email';

const verdictOf = async (headers: Record<string, string>, body: string, isOwn?: (id: string) => boolean) => {
  const parsed = await parseEmail(rawEmail(headers, body));
  return detectMachineMail(parsed, cleanBody(parsed), { isOwnMessageId: isOwn });
};

const HUMAN = 'Bonjour,\n\nOù en est ma commande CMD-1234 ?\n\nMerci,\nAlice';

describe('detectMachineMail: headers', () => {
  it('leaves an ordinary customer email alone', async () => {
    const v = await verdictOf({}, HUMAN);
    expect(v).toEqual({ isMachine: false, kind: null, reasons: [] });
  });

  it('Auto-Submitted other than "no" is machine mail: auto-replied an auto-reply, auto-generated a system notice; "no" is not', async () => {
    expect((await verdictOf({ 'Auto-Submitted': 'auto-replied' }, 'x'))).toMatchObject({ kind: 'auto_reply', reasons: ['auto_submitted_header'] });
    expect((await verdictOf({ 'Auto-Submitted': 'auto-generated' }, 'x'))).toMatchObject({ kind: 'system', reasons: ['auto_submitted_header'] });
    // RFC 3834's auto-generated beside other auto-reply evidence (an Outlook absence notice) stays an auto-reply
    expect((await verdictOf({ 'Auto-Submitted': 'auto-generated', 'X-Autoreply': 'yes' }, 'x')).kind).toBe('auto_reply');
    expect((await verdictOf({ 'Auto-Submitted': 'no' }, HUMAN)).isMachine).toBe(false);
  });

  it('X-Autoreply / X-Autorespond / X-Auto-Response-Suppress', async () => {
    expect((await verdictOf({ 'X-Autoreply': 'yes' }, 'x')).reasons).toEqual(['x_autoreply_header']);
    expect((await verdictOf({ 'X-Autorespond': 'Away' }, 'x')).reasons).toEqual(['x_autoreply_header']);
    expect((await verdictOf({ 'X-Auto-Response-Suppress': 'All' }, 'x')).reasons).toEqual(['x_auto_response_suppress_header']);
  });

  it('Precedence bulk/list, junk and auto_reply', async () => {
    expect(await verdictOf({ Precedence: 'bulk' }, 'x')).toMatchObject({ kind: 'newsletter', reasons: ['precedence_list'] });
    expect(await verdictOf({ Precedence: 'list' }, 'x')).toMatchObject({ reasons: ['precedence_list'] });
    expect(await verdictOf({ Precedence: 'junk' }, 'x')).toMatchObject({ kind: 'spam' });
    expect(await verdictOf({ Precedence: 'auto_reply' }, 'x')).toMatchObject({ kind: 'auto_reply' });
  });

  it('List-Id and List-Unsubscribe (a newsletter when it can be unsubscribed from)', async () => {
    expect((await verdictOf({ 'List-Id': '<news.shop.example>' }, 'x')).reasons).toEqual(['list_headers']);
    const v = await verdictOf({ 'List-Unsubscribe': '<https://news.example/u/1>' }, 'x');
    expect(v).toMatchObject({ kind: 'newsletter', reasons: ['list_headers', 'newsletter'] });
  });
});

describe('detectMachineMail: senders', () => {
  it('null Return-Path', async () => {
    expect((await verdictOf({ 'Return-Path': '<>' }, 'x')).reasons).toContain('null_sender');
  });

  it('MAILER-DAEMON and postmaster are bounces', async () => {
    const v = await verdictOf({ From: 'Mail Delivery System <MAILER-DAEMON@mx.example>', Subject: 'Undelivered Mail Returned to Sender' }, 'Sorry.');
    expect(v.kind).toBe('bounce');
    expect(v.reasons).toEqual(expect.arrayContaining(['mailer_daemon_sender', 'bounce_notice']));
    expect((await verdictOf({ From: 'postmaster@example.net' }, 'x')).isMachine).toBe(true);
  });

  it('no-reply senders are system notifications', async () => {
    for (const from of ['no-reply@notif.carrier.example', 'noreply@x.example', 'donotreply@x.example', 'ne-pas-repondre@x.example']) {
      expect(await verdictOf({ From: from }, 'Votre colis a été livré.')).toMatchObject({
        kind: 'system',
        reasons: ['no_reply_sender', 'system_notification'],
      });
    }
  });
});

describe('detectMachineMail: reports', () => {
  const report = (type: string, part: string, fields: string) =>
    [
      '--r', 'Content-Type: text/plain', '', 'Notice.',
      '--r', `Content-Type: ${part}`, '', fields,
      '--r', 'Content-Type: text/rfc822-headers', '', 'Message-ID: <reply-7@shop.example>',
      '--r--', '',
    ].join('\r\n');

  it('delivery-status reports are bounces; a bounce of our own reply is linked back', async () => {
    const v = await verdictOf(
      { 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="r"' },
      report('delivery-status', 'message/delivery-status', 'Final-Recipient: rfc822; bob@example.com\r\nAction: failed\r\nStatus: 5.1.1'),
      (id) => id.endsWith('@shop.example'),
    );
    expect(v).toMatchObject({ isMachine: true, kind: 'bounce', bouncedMessageId: 'reply-7@shop.example', bouncedRecipient: 'bob@example.com' });
    expect(v.reasons).toEqual(['delivery_status_report', 'bounce_of_shop_reply']);
  });

  it('a success DSN is a delivery receipt, not a bounce', async () => {
    const v = await verdictOf(
      { 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="r"' },
      report('delivery-status', 'message/delivery-status', 'Final-Recipient: rfc822; bob@example.com\r\nAction: delivered\r\nStatus: 2.0.0'),
    );
    expect(v).toMatchObject({ isMachine: true, kind: 'receipt', reasons: ['delivery_status_report'] });
  });

  it('a bounce of someone else\'s message is not linked', async () => {
    const v = await verdictOf(
      { 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="r"' },
      report('delivery-status', 'message/delivery-status', 'Final-Recipient: rfc822; bob@example.com\r\nAction: failed'),
      () => false,
    );
    expect(v.reasons).not.toContain('bounce_of_shop_reply');
  });

  it('read receipts (disposition-notification)', async () => {
    const v = await verdictOf(
      { 'Content-Type': 'multipart/report; report-type=disposition-notification; boundary="r"' },
      report('disposition-notification', 'message/disposition-notification', 'Disposition: manual-action/MDN-sent-manually; displayed'),
    );
    expect(v).toMatchObject({ kind: 'receipt', reasons: ['read_receipt'] });
  });

  it('read receipts sent as plain mail', async () => {
    expect(await verdictOf({ Subject: 'Lu : Votre commande' }, 'Votre message a été lu le 24/11/2026 10:02.')).toMatchObject({ kind: 'receipt', reasons: ['read_receipt'] });
    expect((await verdictOf({ Subject: 'Lu : ma commande' }, 'J’ai lu votre réponse, merci.')).isMachine).toBe(false);
  });

  it('ARF abuse reports (feedback-report)', async () => {
    const v = await verdictOf(
      { 'Content-Type': 'multipart/report; report-type=feedback-report; boundary="r"' },
      report('feedback-report', 'message/feedback-report', 'Feedback-Type: abuse\r\nUser-Agent: Example-FBL/1.0\r\nVersion: 1'),
    );
    expect(v).toMatchObject({ kind: 'abuse_report', reasons: ['abuse_report'] });
  });

  it('plain-text bounce notices from a null sender', async () => {
    const v = await verdictOf(
      { 'Return-Path': '<>', From: 'Mail System <mail@mx.example>', Subject: 'failure notice' },
      "Hi. This is the qmail-send program at mx.example.\nI'm afraid I wasn't able to deliver your message to the following addresses.\n\n<bob@example.com>:\nSorry, no mailbox here by that name.",
    );
    expect(v.kind).toBe('bounce');
    expect(v.bouncedRecipient).toBe('bob@example.com');
  });
});

describe('detectMachineMail: out-of-office text', () => {
  it('French and English absence notices without any header', async () => {
    expect((await verdictOf({}, "Bonjour,\n\nJe suis absente jusqu'au 3 décembre et n'ai qu'un accès limité à ma messagerie.\n\nCordialement")).reasons).toEqual(['out_of_office_text']);
    expect((await verdictOf({}, 'Hello,\n\nI am out of the office until Monday. For anything urgent, please contact reception.')).reasons).toEqual(['out_of_office_text']);
    expect((await verdictOf({ Subject: 'Automatic reply: Your order' }, 'I am travelling.')).kind).toBe('auto_reply');
  });

  it('ticketing acknowledgements without headers', async () => {
    expect((await verdictOf({}, 'Thank you for contacting us. We have received your request and will respond within 24 hours. Your ticket number: #48213.')).kind).toBe('auto_reply');
    expect((await verdictOf({}, 'Bonjour, nous avons bien reçu votre demande et nous vous répondrons dans les meilleurs délais.')).kind).toBe('auto_reply');
  });

  it('text confirming a header is "out_of_office"', async () => {
    expect((await verdictOf({ 'X-Autoreply': 'yes' }, 'Je suis en congés du 1er au 15 et je vous répondrai à mon retour.')).reasons).toEqual([
      'x_autoreply_header',
      'out_of_office',
    ]);
  });

  it('does not take a customer who mentions being away or on holiday for an auto-reply', () => {
    expect(looksLikeOutOfOffice('Order', "Could you tell me when my order arrives? I'm away from the 28th so someone must be in.")).toBe(false);
    expect(looksLikeOutOfOffice('Colis', "J'étais en vacances quand le colis est arrivé, pouvez-vous le renvoyer ?")).toBe(false);
    expect(looksLikeOutOfOffice('Re: commande', 'Je serai absente samedi, pouvez-vous livrer lundi ? Merci')).toBe(false);
    expect(looksLikeOutOfOffice('Absence', 'Absence de réponse depuis 10 jours, où est ma commande ?')).toBe(false);
    expect(looksLikeOutOfOffice('Delivery', "I'll be out of the office on Friday, so please deliver on Monday instead.")).toBe(false);
  });
});

describe('detectMachineMail: automated notices', () => {
  it('flags text that says it is automated, from any sender', async () => {
    expect(await verdictOf({ From: 'Suivi <suivi@carrier.example>' }, 'Votre colis est livré.\n\nCeci est un message automatique, merci de ne pas y répondre.')).toMatchObject({
      kind: 'system',
      reasons: ['system_notification'],
    });
    expect((await verdictOf({}, 'Your parcel was delivered.\nThis is an automated message. Please do not reply.')).isMachine).toBe(true);
  });

  it('ignores that wording in a customer forward and mid-sentence', async () => {
    expect((await verdictOf({ Subject: 'Fwd: Livraison' }, 'Ceci est un message automatique, merci de ne pas y répondre.')).isMachine).toBe(false);
    expect((await verdictOf({}, 'Your mail said "this is an automated message" but I need an answer about my order CMD-1 please?')).isMachine).toBe(false);
  });
});

describe('detectMachineMail: spam', () => {
  it('flags an obvious SEO pitch', async () => {
    const v = await verdictOf(
      { From: 'Growth <hello@seo-agency.example>', Subject: 'Rank #1 on Google' },
      'Dear Sir/Madam,\n\nWe are a team of SEO experts. Your site is NOT on the first page of Google!!! We GUARANTEE first page ranking. Reply YES for a free audit.',
    );
    expect(v).toMatchObject({ kind: 'spam', reasons: ['spam', 'cold_sales_pitch'] });
  });

  it('flags crypto offers but not an angry customer writing in capitals', async () => {
    expect((await verdictOf({}, 'Dear business owner, double your money with our bitcoin investment opportunity. ACT NOW!!!')).kind).toBe('spam');
    expect((await verdictOf({}, 'CA FAIT UN MOIS QUE J’ATTENDS MA COMMANDE CMD-1234 !!! REMBOURSEZ-MOI')).isMachine).toBe(false);
  });
});

describe('detectMachineMail: kinds', () => {
  it('prefers bounce over auto-reply when both apply', () => {
    const parsed = {
      messageId: null, from: { address: 'mailer-daemon@mx.example', name: '' }, replyTo: null, to: [], subject: 'Delivery Status Notification (Failure)',
      date: null, inReplyTo: null, references: [], headers: { 'auto-submitted': 'auto-replied' }, contentType: 'text/plain',
      text: 'Delivery to the following recipient failed permanently.', html: null, hiddenHtmlText: '', attachments: [], problems: [],
    } satisfies ParsedEmail;
    expect(detectMachineMail(parsed, cleanBody(parsed)).kind).toBe('bounce');
  });
});

describe('delay warnings', () => {
  it('a DSN whose action is "delayed" is machine mail but not a bounce', async () => {
    const raw = rawEmail(
      {
        From: 'MAILER-DAEMON@mx.example.net',
        'Return-Path': '<>',
        Subject: 'Delayed Mail (still being retried)',
        'Content-Type': 'multipart/report; report-type=delivery-status; boundary="b1"',
      },
      ['--b1', 'Content-Type: text/plain', '', 'Delivery is delayed; still trying.', '',
        '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.net', '',
        'Final-Recipient: rfc822; jo@example.org', 'Action: delayed', 'Status: 4.4.7', '', '--b1--', ''].join('\n'),
    );
    const parsed = await parseEmail(raw);
    const v = detectMachineMail(parsed, cleanBody(parsed));
    expect(v.isMachine).toBe(true);
    expect(v.kind).not.toBe('bounce');
    expect(v.reasons).toContain('delivery_status_report');
  });
});
