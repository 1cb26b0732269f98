import { EmailEventSchema } from './email-event';
import { InboundRefReadSchema, InboundRefSchema } from '../../domain/inbound-ref';

const at = '2026-11-25T10:00:00.000Z';

test('an event holds flat values only', () => {
  expect(EmailEventSchema.parse({ emailKey: 'k', stage: 'send', event: 'accepted', at }).data).toEqual({});
  expect(() =>
    EmailEventSchema.parse({ emailKey: 'k', stage: 'send', event: 'accepted', at, data: { nested: { a: 1 } } }),
  ).toThrow();
  expect(() => EmailEventSchema.parse({ emailKey: 'k', stage: 'send', event: 'accepted', at: 'yesterday' })).toThrow();
});

test('an inbound reference is a reference: no body, no unknown field, a known source', () => {
  const ref = { emailKey: 'a'.repeat(64), rawId: '12', mailbox: 'support', source: 'imap', receivedAt: at };
  expect(InboundRefSchema.parse(ref)).toEqual(ref);
  expect(() => InboundRefSchema.parse({ ...ref, raw: 'Subject: hi' })).toThrow();
  expect(() => InboundRefSchema.parse({ ...ref, source: 'fax' })).toThrow();
  expect(() => InboundRefSchema.parse({ ...ref, rawId: '' })).toThrow();
});

test('a consumer reads a reference from a newer producer without its unknown fields, and still checks the known ones', () => {
  const ref = { emailKey: 'a'.repeat(64), rawId: '12', mailbox: 'support', source: 'imap', receivedAt: at };
  expect(InboundRefReadSchema.parse({ ...ref, priority: 'high' })).toEqual(ref);
  expect(() => InboundRefReadSchema.parse({ ...ref, source: 'fax' })).toThrow();
  expect(() => InboundRefReadSchema.parse({ ...ref, messageIdHash: 'not-a-hash' })).toThrow();
});
