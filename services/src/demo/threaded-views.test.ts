import type { EmailWorkflowView } from '@replique/workflows/contracts';
import { threadedViews } from './threaded-views';

const view = (emailKey: string, followUps: string[] = []): EmailWorkflowView => ({
  emailKey, state: 'waiting_review', stateReason: null, route: 'review', routeReasons: [], intent: null, confidence: null,
  sentMessageId: null,
  review: {
    approvalsRequired: 1, approvals: [], decisions: [], remindedAt: null, slaEscalated: false,
    followUps: followUps.map((k) => ({ emailKey: k, status: 'read' as const, route: 'review' as const, intent: null, reasons: [] })),
  },
});

test('an email without a workflow, taken as a follow-up by another, is threaded; others stay unknown', () => {
  const views = new Map([['a'.repeat(64), view('a'.repeat(64), ['b'.repeat(64)])]]);
  const found = threadedViews(['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)], views);
  expect([...found.keys()]).toEqual(['b'.repeat(64)]);
  expect(found.get('b'.repeat(64))).toMatchObject({ state: 'threaded', stateReason: 'follow-up of aaaaaaaaaaaa' });
});
