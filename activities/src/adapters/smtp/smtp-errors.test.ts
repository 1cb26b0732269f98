import { classifySmtpError, SmtpSendError } from './smtp-errors';

const nodemailerError = (message: string, fields: { responseCode?: number; code?: string; command?: string }) =>
  Object.assign(new Error(message), fields);

test.each([
  ['450 mailbox busy', { responseCode: 450, code: 'EENVELOPE', command: 'RCPT TO' }, true],
  ['421 closing', { responseCode: 421, code: 'EENVELOPE', command: 'MAIL FROM' }, true],
  ['550 no such user', { responseCode: 550, code: 'EENVELOPE', command: 'RCPT TO' }, false],
  ['554 rejected', { responseCode: 554, code: 'EMESSAGE', command: 'DATA' }, false],
  ['535 auth failed', { responseCode: 535, code: 'EAUTH', command: 'AUTH PLAIN' }, false],
  ['connect ECONNREFUSED', { code: 'ESOCKET', command: 'CONN' }, true],
  ['Connection timeout', { code: 'ETIMEDOUT', command: 'CONN' }, true],
  ['Greeting never received', { code: 'ETIMEDOUT' }, true],
  ['No recipients defined', { code: 'EENVELOPE' }, false],
] as const)('%s → retryable %s', (message, fields, retryable) => {
  const error = classifySmtpError(nodemailerError(message, fields));
  expect(error).toBeInstanceOf(SmtpSendError);
  expect(error.retryable).toBe(retryable);
  expect(error.responseCode).toBe('responseCode' in fields ? fields.responseCode : null);
});

test('an unknown failure without a code is retryable (the activity retry policy bounds it)', () => {
  expect(classifySmtpError('boom').retryable).toBe(true);
});

test('addresses in the server reply are masked in the message', () => {
  const error = classifySmtpError(nodemailerError('550 5.1.1 <jeanne.martin@customer.test>: Recipient address rejected', { responseCode: 550 }));
  expect(error.message).not.toContain('jeanne');
  expect(error.message).toMatch(/^SMTP permanent failure: 550 5\.1\.1 <\[email:[0-9a-f]{8}\]>/);
});

test('an SmtpSendError passes through unchanged', () => {
  const original = new SmtpSendError('x', false, 550, null);
  expect(classifySmtpError(original)).toBe(original);
});
