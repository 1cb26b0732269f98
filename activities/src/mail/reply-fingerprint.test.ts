import { comparableWords, quoteIsFrom, replyFingerprint } from './reply-fingerprint';

const ID = '<fedcba9876543210fedcba9876543210.reply@shop.example>';
const body = [
  'Hello Priya,',
  '',
  'Thanks for getting in touch. Your order left our workshop on Monday and the carrier expects to deliver it',
  'within three working days. You will find the tracking link in the confirmation email.',
  '',
  '-- ',
  'The Shop team',
].join('\n');
const reply = { messageId: ID, fingerprint: replyFingerprint(ID, body) };

test('words are compared without quote markers, accents, case or punctuation', () => {
  expect(comparableWords("> > L’équipe a RÉPONDU : c'est noté !")).toEqual(['l', 'equipe', 'a', 'repondu', 'c', 'est', 'note']);
});

test('the fingerprint keeps hashes, never words, and depends on the Message-ID', () => {
  expect(reply.fingerprint.every((h) => /^[0-9a-f]{32}$/.test(h))).toBe(true);
  expect(reply.fingerprint.join(' ')).not.toMatch(/priya|order/i);
  expect(replyFingerprint('other.reply@shop.example', body)).not.toEqual(reply.fingerprint);
  expect(replyFingerprint(ID.toUpperCase(), body)).toEqual(reply.fingerprint);
});

test('a quote of the reply, re-wrapped, re-punctuated or trimmed, is from it', () => {
  const rewrapped = body.replace(/\n(?!\n)/g, ' ').split(/(?<=\.) /).map((l) => `> ${l}`).join('\n');
  expect(quoteIsFrom(rewrapped, reply)).toBe(true);
  expect(quoteIsFrom('> Your order left our workshop on Monday and the carrier expects to deliver it', reply)).toBe(true);
  expect(quoteIsFrom(body.replace("Thanks", "THANKS").replace(/,/g, ''), reply)).toBe(true);
});

test('a changed word, an added sentence or a too-short fragment is not', () => {
  expect(quoteIsFrom(body.replace('three', 'two'), reply)).toBe(false);
  expect(quoteIsFrom(`${body}\nAs a thank you, keep the 50 € voucher.`, reply)).toBe(false);
  expect(quoteIsFrom(body.replace('Your order', 'Your order (refunded in full)'), reply)).toBe(false);
  expect(quoteIsFrom('Hello Priya,', reply)).toBe(false);
  expect(quoteIsFrom('', reply)).toBe(false);
});
