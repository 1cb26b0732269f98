import { autoReplyClock, countAutoReplies, threadKeyOf } from './auto-reply-window';

const at = (iso: string) => Date.parse(iso);

test('the thread is the first References id, else In-Reply-To, else the email itself', () => {
  expect(threadKeyOf({ references: ['root@x', 'mid@x'], inReplyTo: 'mid@x', messageId: 'me@x' })).toBe('root@x');
  expect(threadKeyOf({ references: [], inReplyTo: 'parent@x', messageId: 'me@x' })).toBe('parent@x');
  expect(threadKeyOf({ references: [], inReplyTo: null, messageId: 'me@x' })).toBe('me@x');
  expect(threadKeyOf({ references: [], inReplyTo: null, messageId: null })).toBeNull();
});

test('an email counts at its Date, unless it has none or it is later than the clock', () => {
  const now = at('2026-12-06T10:00:00Z');
  expect(autoReplyClock('2026-11-23T08:00:00.000Z', now)).toBe(at('2026-11-23T08:00:00Z'));
  expect(autoReplyClock(null, now)).toBe(now);
  expect(autoReplyClock('2099-01-01T00:00:00.000Z', now)).toBe(now);
  expect(autoReplyClock('not a date', now)).toBe(now);
});

test('per sender: the 24 h up to the email, case-insensitive; per thread: any time', () => {
  const sent = [
    { sender: 'Jo@Example.org', threadKey: 't1', at: at('2026-11-23T08:00:00Z') },
    { sender: 'jo@example.org', threadKey: 't1', at: at('2026-11-23T20:00:00Z') },
    { sender: 'jo@example.org', threadKey: 't2', at: at('2026-11-25T08:00:00Z') },
    { sender: 'other@example.org', threadKey: 't1', at: at('2026-11-23T09:00:00Z') },
  ];
  expect(countAutoReplies(sent, 'JO@example.org', 't1', at('2026-11-24T07:59:59Z'))).toEqual({ sender: 2, thread: 3 });
  expect(countAutoReplies(sent, 'jo@example.org', null, at('2026-11-24T08:00:00Z'))).toEqual({ sender: 1, thread: 0 });
  expect(countAutoReplies(sent, 'jo@example.org', 't3', at('2026-11-22T08:00:00Z'))).toEqual({ sender: 0, thread: 0 });
});
