import { EmailEventSchema, eventMessage, EVENT_ID_HEADER } from './email-event';
import { InboundRefReadSchema, InboundRefSchema } from '../../domain/inbound-ref';

const at = '2026-11-25T10:00:00.000Z';

const base = { eventId: '42', emailKey: 'k', stage: 'send', event: 'accepted', at };

test('an event holds flat values only, and the id of its audit row', () => {
  expect(EmailEventSchema.parse(base).data).toEqual({});
  expect(() => EmailEventSchema.parse({ ...base, data: { nested: { a: 1 } } })).toThrow();
  expect(() => EmailEventSchema.parse({ ...base, at: 'yesterday' })).toThrow();
  expect(() => EmailEventSchema.parse({ ...base, eventId: undefined })).toThrow();
});

test('an event message: keyed by email, the event id in a header, addresses masked, bad data dropped but the event kept', () => {
  const message = eventMessage({ ...base, data: { note: 'from jeanne.martin@customer.test', size: 3 } });
  expect(message.key).toBe('k');
  expect(message.headers?.[EVENT_ID_HEADER]).toBe('42');
  expect(String(message.value)).not.toContain('jeanne.martin@customer.test');
  expect(JSON.parse(String(message.value))).toMatchObject({ eventId: '42', stage: 'send', event: 'accepted', data: { size: 3 } });
  const bad = JSON.parse(String(eventMessage({ ...base, data: { nested: { a: 1 } } as never }).value));
  expect(bad).toMatchObject({ eventId: '42', event: 'accepted', data: { dropped: 'invalid_data' } });
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
