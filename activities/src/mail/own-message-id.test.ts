import { detectMachineMail } from './machine-mail';
import { cleanBody } from './clean-body';
import { parseEmail } from './parse-email';
import { isOwnReplyMessageId, shopReplyBounceOf } from './own-message-id';
import { rawEmail } from './test-support/raw-email';

const own = isOwnReplyMessageId('support@Maison-Lumen.example');

test('our replies are <32 hex>.reply@<support domain>, nothing else', () => {
  expect(own('0123456789abcdef0123456789abcdef.reply@maison-lumen.example')).toBe(true);
  expect(own('<0123456789abcdef0123456789abcdef.reply@MAISON-LUMEN.example>')).toBe(true);
  expect(own('2615fd6b4b9cab.824a9b@maison-lumen.example')).toBe(false);
  expect(own('x.reply@other.example')).toBe(false);
  expect(isOwnReplyMessageId('no-domain')('a.reply@')).toBe(false);
});

test('a DSN returning one of our replies is a bounce_of_shop_reply with status, action and recipient', async () => {
  const replyId = '0123456789abcdef0123456789abcdef.reply@maison-lumen.example';
  const raw = rawEmail(
    {
      From: 'MAILER-DAEMON@mx.example.net',
      'Return-Path': '<>',
      Subject: 'Undelivered Mail Returned to Sender',
      'Content-Type': 'multipart/report; report-type=delivery-status; boundary="b1"',
    },
    [
      '--b1', 'Content-Type: text/plain', '', 'Your message could not be delivered.', '',
      '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.net', '',
      'Final-Recipient: rfc822; jo@example.org', 'Action: failed', 'Status: 5.1.1 (user unknown)', 'Diagnostic-Code: smtp; 550 no such user', '',
      '--b1', 'Content-Type: text/rfc822-headers', '', `Message-ID: <${replyId}>`, '', '--b1--', '',
    ].join('\n'),
  );
  const parsed = await parseEmail(raw);
  const machine = detectMachineMail(parsed, cleanBody(parsed), { isOwnMessageId: own });
  expect(machine.reasons).toContain('bounce_of_shop_reply');
  expect(shopReplyBounceOf('k1', { parsed, machine })).toEqual({
    bounceEmailKey: 'k1', bouncedMessageId: replyId, recipient: 'jo@example.org', status: '5.1.1', action: 'failed',
    diagnostic: 'smtp; 550 no such user',
  });
  const other = detectMachineMail(parsed, cleanBody(parsed));
  expect(shopReplyBounceOf('k1', { parsed, machine: other })).toBeNull();
});
