/**
 * Routing and the bounce log, without servers: an address that hard-bounced one of our replies gets no automatic
 * reply (`recipient_bouncing`, to review); the routeEmail stage asks the BounceLog for the reply address.
 */
import type { Classification, EmailCase, Enrichment } from '@replique/activities/domain/types';
import { decideRoute, routeEmail, type BounceLog, type RouteFacts } from '@replique/activities/triage/route';
import type { TriageDeps } from '@replique/activities/triage/pipeline';
import { emailCase, SHOP_FILE, testPolicy } from '@replique/activities/triage/test-support/fixtures';

const policy = testPolicy();
const order = SHOP_FILE.orders.find((o) => o.number === 'ORD-5501') as RouteFacts['order'];
const facts = (more: Partial<RouteFacts> = {}): RouteFacts => ({ order, today: SHOP_FILE.today, autoReplies: null, ...more });
const enr: Enrichment = {
  customerId: 'K1', customerMatch: 'sender', orderNumber: 'ORD-5501', orderNumbersMentioned: ['ORD-5501'], orderFound: true,
  orderOwnedBySender: true, lookalikeOf: null, vip: false, aiOptOut: false, flags: [],
};
const cls: Classification = {
  lang: 'en', intent: 'order_status', intentConfidence: 0.95, secondaryIntents: [], sentiment: 'neutral', urgency: 'normal',
  criticality: 'routine', signals: [], confidence: 0.95,
};
// the draft states the order's status: an automatic reply must answer the question it was asked (unanswered_question)
const ready = (): EmailCase => emailCase({
  clean: 'Where is my order?', enrichment: enr, classification: cls,
  draft: { subject: 's', body: 'b', lang: 'en', templateId: 't', version: '1', generator: 'template', facts: { status: 'shipped', estimated_delivery: '2026-11-26' }, offers: [] },
  guardrails: { passed: true, fired: [], details: [] },
});

test('a routine email is answered automatically unless its reply address hard-bounced', () => {
  expect(decideRoute(ready(), policy, facts()).route).toBe('auto');
  const held = decideRoute(ready(), policy, facts({ recipientBouncing: true }));
  expect(held.route).toBe('review');
  expect(held.reasons).toContain('recipient_bouncing');
});

test('routeEmail asks the bounce log about the reply address (Reply-To, else From)', async () => {
  const asked: string[] = [];
  const bounces: BounceLog = { isHardBouncing: async (a) => (asked.push(a), a === 'gone@example.org') };
  const shop = { order: async () => order, today: async () => SHOP_FILE.today } as unknown as TriageDeps['shop'];
  const deps = { shop, policy, bounces } as unknown as TriageDeps;
  const c = ready();
  const routed = await routeEmail({ ...c, parsed: { ...c.parsed, from: { address: 'gone@example.org', name: '' }, replyTo: null } }, deps);
  expect(routed.decision?.reasons).toContain('recipient_bouncing');
  const other = await routeEmail({ ...c, parsed: { ...c.parsed, from: { address: 'gone@example.org', name: '' }, replyTo: { address: 'ok@example.org', name: '' } } }, deps);
  expect(other.decision?.reasons).not.toContain('recipient_bouncing');
  expect(asked).toEqual(['gone@example.org', 'ok@example.org']);
});
