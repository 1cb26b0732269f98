/** The logger never writes an email address, a body or a subject; it keeps what ops needs (keys, counts). */
import { Writable } from 'node:stream';
import { buildLogger, maskEmailAddresses, redactEmailAddress, redactPii } from '../../activities/src/logger';

test('redactEmailAddress is stable, case-insensitive and does not contain the address', () => {
  const tag = redactEmailAddress('Jeanne.Martin@Customer.test');
  expect(tag).toMatch(/^\[email:[0-9a-f]{8}\]$/);
  expect(tag).toBe(redactEmailAddress(' jeanne.martin@customer.test '));
  expect(tag).not.toContain('jeanne');
});

test('maskEmailAddresses masks every address in free text', () => {
  const masked = maskEmailAddresses('550 5.1.1 <bob@example.org>: unknown; cc alice+x@mail.example.co.uk');
  expect(masked).not.toMatch(/bob@|alice/);
  expect(masked).toContain('550 5.1.1 <[email:');
});

test('redactPii replaces PII fields at any depth and keeps the rest', () => {
  const safe = redactPii({
    emailKey: 'k1',
    from: 'Jeanne Martin <jeanne.martin@customer.test>',
    to: [{ address: 'support@shop.test', name: 'Support' }],
    subject: 'Ma commande',
    nested: { body: 'Bonjour', phone: '+33 6 12 34 56 78', count: 3, note: 'write to bob@example.org' },
    raw: Buffer.from('Subject: x'),
    err: new Error('rejected <bob@example.org>'),
  }) as Record<string, unknown>;
  const text = JSON.stringify(safe);
  expect(text).not.toMatch(/jeanne|bob@|Bonjour|Ma commande|12 34|support@shop/);
  expect(safe).toMatchObject({ emailKey: 'k1', subject: '[redacted]', nested: { count: 3 } });
  expect(safe.from).toBe(redactEmailAddress('jeanne.martin@customer.test'));
});

test('what the logger writes has no PII: fields, nested values, message, errors, child bindings', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = buildLogger(sink, 'info').child({ scope: 'test', email: 'jeanne.martin@customer.test' });
  logger.info({ to: 'a@b.test', text: 'secret body', emailKey: 'k2', size: 42 }, 'sent to %s', 'c@d.test');
  logger.error({ err: new Error('550 <bob@example.org> unknown') }, 'failed for bob@example.org');
  const out = lines.join('');
  expect(out).not.toMatch(/jeanne|a@b\.test|secret body|c@d\.test|bob@example/);
  const first = JSON.parse(lines[0]!) as Record<string, unknown>;
  expect(first).toMatchObject({ scope: 'test', emailKey: 'k2', size: 42, text: '[redacted]', level: 'info' });
  expect(first.to).toBe(redactEmailAddress('a@b.test'));
  expect(first.email).toBe(redactEmailAddress('jeanne.martin@customer.test'));
  expect(first.msg).toBe(`sent to ${redactEmailAddress('c@d.test')}`);
});
