import { batchGroups, inBatchGroup } from './batch-groups';

const row = (id: string, intent: string, templateId: string | null, state = 'waiting_review') =>
  ({ id, intent, state, draft: templateId ? { templateId } : null }) as unknown as Parameters<typeof inBatchGroup>[1] & { id: string };

describe('batch groups: similar drafts and topics', () => {
  const rows = [
    row('a', 'order_status', 'order-status'),
    row('b', 'refund_request', 'refund-request'),
    row('c', 'order_status', 'delivery-delay'),
    row('d', 'order_status', 'order-status'),
    row('e', 'refund_request', 'refund-request'),
    row('f', 'order_status', null),
    row('g', 'order_status', 'order-status', 'escalated'),
    row('h', 'complaint', 'holding'),
  ];

  test('similar groups (intent · template), then topics (intent, whatever the template), each of two or more, in queue order', () => {
    expect(batchGroups(rows).map((g) => [g.kind, g.key, g.members.map((m) => (m as { id: string }).id).join('')])).toEqual([
      ['similar', 'order_status · order-status', 'ad'],
      ['similar', 'refund_request · refund-request', 'be'],
      ['topic', 'topic: order_status', 'acd'],
      ['topic', 'topic: refund_request', 'be'],
    ]);
  });

  test('membership: no draft, level 2 or another intent never joins; an empty group name matches nothing', () => {
    expect(inBatchGroup('topic: order_status', rows[2]!)).toBe(true);
    expect(inBatchGroup('order_status · order-status', rows[2]!)).toBe(false);
    expect(inBatchGroup('topic: order_status', rows[5]!)).toBe(false);
    expect(inBatchGroup('topic: order_status', rows[6]!)).toBe(false);
    expect(inBatchGroup('topic: order_status', rows[1]!)).toBe(false);
    expect(inBatchGroup('', rows[0]!)).toBe(false);
  });
});
