import type { Classification, EmailCase, Enrichment } from '../domain/types';
import { rolloutAdmits } from './rollout-cohort';
import { decideRoute, type RouteFacts } from './route';
import { emailCase, SHOP_FILE, testPolicy } from './test-support/fixtures';

const policy = testPolicy();
const order = (n: string) => SHOP_FILE.orders.find((o) => o.number === n) as RouteFacts['order'];
const facts = (n: string | null, more: Partial<RouteFacts> = {}): RouteFacts =>
  ({ order: n ? order(n) : null, today: SHOP_FILE.today, autoReplies: null, ...more });

const enr = (e: Partial<Enrichment> = {}): Enrichment => ({
  customerId: 'K1', customerMatch: 'sender', orderNumber: 'ORD-5501', orderNumbersMentioned: ['ORD-5501'], orderFound: true,
  orderOwnedBySender: true, lookalikeOf: null, vip: false, aiOptOut: false, flags: [], ...e,
});
const cls = (c: Partial<Classification> = {}): Classification => ({
  lang: 'en', intent: 'order_status', intentConfidence: 0.95, secondaryIntents: [], sentiment: 'neutral', urgency: 'normal',
  criticality: 'routine', signals: [], confidence: 0.95, ...c,
});
const ready = (c: Partial<EmailCase> = {}): EmailCase => emailCase({
  clean: 'Where is my order?', enrichment: enr(), classification: cls(),
  draft: { subject: 's', body: 'b', lang: 'en', templateId: 't', version: '1', generator: 'template', facts: { status: 'shipped', estimated_delivery: '2026-03-12' }, offers: [] },
  guardrails: { passed: true, fired: [], details: [] }, ...c,
});

describe('decideRoute', () => {
  it('auto-sends a routine, verified, checked question within the estimate', () => {
    expect(decideRoute(ready(), policy, facts('ORD-5501'))).toEqual({
      route: 'auto', reasons: ['within_estimate', 'facts_verified'], confidence: 0.95, approvalsRequired: 0,
    });
  });

  it('suppresses machine mail whatever else it says', () => {
    const d = decideRoute(ready({ machine: { isMachine: true, kind: 'auto_reply', reasons: ['auto_submitted_header'] } }), policy, facts(null));
    expect(d.route).toBe('suppress');
    expect(d.reasons).toEqual(['auto_submitted_header']);
  });

  it('notes escalation keywords inside machine mail as defused, and still suppresses', () => {
    const machine = { isMachine: true, kind: 'newsletter' as const, reasons: ['list_headers', 'newsletter'] };
    const d = decideRoute(ready({ machine, cleaned: { clean: 'This month: how to win a chargeback dispute.', quoted: '', signature: '' } }), policy, facts(null));
    expect(d).toMatchObject({ route: 'suppress', reasons: ['list_headers', 'newsletter', 'escalation_keyword_defused'] });
    const plain = decideRoute(ready({ machine, cleaned: { clean: 'New teapots are in.', quoted: '', signature: '' } }), policy, facts(null));
    expect(plain.reasons).toEqual(['list_headers', 'newsletter']);
  });

  it.each([
    ['escalation_keyword'], ['chargeback_hint'], ['prompt_injection'], ['abusive_language'], ['distress'], ['gdpr_request'],
    ['safety_incident'], ['threat'], ['self_harm'],
  ])('escalates on %s', (signal) => {
    const d = decideRoute(ready({ classification: cls({ signals: [signal] }) }), policy, facts('ORD-5501'));
    expect(d.route).toBe('escalate');
    expect(d.reasons).toContain(signal);
  });

  it('escalates critical intents, AI opt-out customers and suspected takeovers', () => {
    expect(decideRoute(ready({ classification: cls({ intent: 'legal_threat' }) }), policy, facts('ORD-5501')).route).toBe('escalate');
    expect(decideRoute(ready({ enrichment: enr({ aiOptOut: true }) }), policy, facts('ORD-5501')).reasons).toEqual(['ai_opt_out']);
    // the wish said in the mail itself counts as the record's
    expect(decideRoute(ready({ classification: cls({ signals: ['ai_opt_out_asked'] }) }), policy, facts('ORD-5501')).reasons).toEqual(['ai_opt_out']);
    const takeover = decideRoute(ready({
      enrichment: enr({ customerMatch: 'claimed', flags: ['sender_not_customer_address', 'suspected_account_takeover'] }),
      classification: cls({ intent: 'change_address' }),
    }), policy, facts('ORD-5501'));
    expect(takeover.route).toBe('escalate');
    expect(takeover.reasons).toContain('order_action_requested');
  });

  it('answers a catalogue question automatically only when it is about a product of the shop', () => {
    const question = (productsMentioned: string[]) => ready({
      enrichment: enr({ orderNumber: null, orderNumbersMentioned: [], orderFound: false, orderOwnedBySender: null, productsMentioned }),
      classification: cls({ intent: 'product_question' }),
    });
    expect(decideRoute(question(['SKU-1018']), policy, facts(null))).toMatchObject({ route: 'auto', reasons: ['catalogue_question', 'facts_verified'] });
    // "free shipping" in a bill or an injected instruction, no product of ours: a person reads it
    expect(decideRoute(question([]), policy, facts(null))).toMatchObject({ route: 'review', reasons: ['not_routine'] });
  });

  it('auto-sends a defused keyword mail and says so', () => {
    const d = decideRoute(ready({ classification: cls({ signals: ['escalation_keyword_defused'] }) }), policy, facts('ORD-5501'));
    expect(d).toMatchObject({ route: 'auto', reasons: ['within_estimate', 'escalation_keyword_defused', 'facts_verified'] });
  });

  it.each([
    ['refund_request', 'refund_request'], ['damaged_item', 'damaged_item'], ['missing_item', 'missing_item'],
    ['cancel_order', 'order_action_cancel'], ['change_address', 'order_action_change_address'], ['complaint', 'complaint'],
  ] as const)('reviews %s', (intent, reason) => {
    const d = decideRoute(ready({ classification: cls({ intent }) }), policy, facts('ORD-5501'));
    expect(d.route).toBe('review');
    expect(d.reasons).toContain(reason);
  });

  it('reviews VIPs, unverifiable facts, several questions and low confidence', () => {
    expect(decideRoute(ready({ enrichment: enr({ vip: true }) }), policy, facts('ORD-5501')).reasons).toEqual(['vip_customer']);
    for (const flag of ['unknown_order_number', 'order_belongs_to_other_customer', 'lookalike_order_number', 'amount_mismatch']) {
      const d = decideRoute(ready({ enrichment: enr({ flags: [flag] }) }), policy, facts('ORD-5501'));
      expect(d).toMatchObject({ route: 'review', reasons: ['unverifiable_facts', flag] });
    }
    expect(decideRoute(ready({ classification: cls({ signals: ['multi_question'] }) }), policy, facts('ORD-5501')).reasons).toContain('multi_question');
    expect(decideRoute(ready({ classification: cls({ confidence: 0.84 }) }), policy, facts('ORD-5501')).reasons).toEqual(['low_confidence']);
  });

  it('reviews, never auto-sends, a routine mail under a quote of "our" reply that our log does not hold', () => {
    const d = decideRoute(ready({ classification: cls({ signals: ['unverified_shop_quote'] }) }), policy, facts('ORD-5501'));
    expect(d).toMatchObject({ route: 'review', reasons: ['unverified_shop_quote'] });
  });

  it('reviews, naming it, a mail whose quoted or reported shop statement the order data contradicts', () => {
    const d = decideRoute(ready({ classification: cls({ signals: ['reported_shipment_contradicted'] }) }), policy, facts('ORD-5501'));
    expect(d).toMatchObject({ route: 'review', reasons: ['unverifiable_facts', 'reported_shipment_contradicted'] });
  });

  it('needs two approvers for a refund above the shop threshold', () => {
    const big = decideRoute(ready({ classification: cls({ intent: 'refund_request' }), enrichment: enr({ orderNumber: 'ORD-5502' }) }), policy, facts('ORD-5502'));
    expect(big).toMatchObject({ route: 'review', approvalsRequired: 2 });
    expect(big.reasons).toContain('refund_above_threshold_double_approval');
    const small = decideRoute(ready({ classification: cls({ intent: 'refund_request' }) }), policy, facts('ORD-5501'));
    expect(small.approvalsRequired).toBe(1);
  });

  it('keeps a late order automatic only up to the slightly-late band, with tracking', () => {
    const late = facts('ORD-5510'); // estimated 2026-03-01, today 2026-03-10: 9 days late
    const d = decideRoute(ready({ classification: cls({ intent: 'delivery_delay' }), enrichment: enr({ orderNumber: 'ORD-5510' }) }), policy, late);
    expect(d.route).toBe('review');
    expect(d.reasons).toContain('delay_over_5_days_offer');
    const slightly = decideRoute(ready({ classification: cls({ intent: 'delivery_delay' }) }), policy,
      { ...facts('ORD-5501'), today: '2026-03-15' });
    expect(slightly).toMatchObject({ route: 'auto', reasons: ['slightly_late_with_tracking', 'facts_verified'] });
  });

  it('never auto-sends without a draft, with a fired guardrail, a disabled intent, outside the rollout or over the limits', () => {
    expect(decideRoute(ready({ draft: null }), policy, facts('ORD-5501')).reasons).toContain('no_draft');
    expect(decideRoute(ready({ guardrails: { passed: false, fired: ['fact_check'], details: [] } }), policy, facts('ORD-5501')).reasons)
      .toEqual(['guardrail_fired', 'guardrail_fact_check']);
    const noAuto = { ...policy, automatedIntents: new Set<never>() };
    expect(decideRoute(ready(), noAuto, facts('ORD-5501')).reasons).toEqual(['intent_not_automated']);
    expect(decideRoute(ready(), { ...policy, rolloutPercentage: 0 }, facts('ORD-5501')).reasons).toEqual(['rollout_holdback']);
    // At 1 %: the customer's cohort decides (their address, with the salt), not the message.
    const saltWhere = (inside: boolean) => {
      for (let n = 0; ; n++) if (rolloutAdmits({ rolloutPercentage: 1, rolloutSalt: `s${n}` }, 'anne.leclerc@example.fr') === inside) return `s${n}`;
    };
    expect(decideRoute(ready(), { ...policy, rolloutPercentage: 1, rolloutSalt: saltWhere(true) }, facts('ORD-5501')).route).toBe('auto');
    expect(decideRoute(ready(), { ...policy, rolloutPercentage: 1, rolloutSalt: saltWhere(false) }, facts('ORD-5501')))
      .toMatchObject({ route: 'review', reasons: ['rollout_holdback'] });
    expect(decideRoute(ready(), policy, facts('ORD-5501', { autoReplies: { sender: 3, thread: 0 } })).reasons).toEqual(['auto_reply_limit']);
  });

  it('reviews a routine mail whose other question the draft does not answer, naming the kind of question', () => {
    const d = decideRoute(ready({ cleaned: { clean: 'Where is my order? And could you gift-wrap it for my aunt?', quoted: '', signature: '' } }),
      policy, facts('ORD-5501'));
    expect(d).toMatchObject({ route: 'review', reasons: ['unanswered_question', 'unanswered_question:extra_service'] });
  });

  it('does not auto-send an invoice for an undelivered order', () => {
    const d = decideRoute(ready({ classification: cls({ intent: 'invoice_request' }) }), policy, facts('ORD-5501'));
    expect(d.route).toBe('review');
  });
});

describe('decideRoute: a return that asks for a refund', () => {
  it('goes to a person: a refund to issue is not a return-policy answer', () => {
    const c = ready({ classification: cls({ intent: 'return_request', signals: ['refund_asked'] }) });
    const d = decideRoute(c, policy, facts('ORD-5501'));
    expect(d.route).toBe('review');
    expect(d.reasons).toContain('refund_request');
  });
});

describe('decideRoute: a refused draft', () => {
  it('names the failed checks even when something else already holds the email for review', () => {
    const guardrails = { passed: false, fired: ['missing_fact'], details: [] };
    const d = decideRoute(ready({ enrichment: enr({ vip: true }), guardrails }), policy, facts('ORD-5501'));
    expect(d.route).toBe('review');
    expect(d.reasons).toEqual(expect.arrayContaining(['vip_customer', 'guardrail_fired', 'guardrail_missing_fact']));
  });
});

describe('decideRoute: status of finished orders and late returns', () => {
  const delivered = (clean: string, signals: string[] = []) => ready({
    cleaned: { clean, quoted: '', signature: '' }, enrichment: enr({ orderNumber: 'ORD-5502' }), classification: cls({ signals }),
    draft: { subject: 's', body: 'b', lang: 'en', templateId: 't', version: '1', generator: 'template', facts: { status: 'delivered', delivered_at: '2026-02-05' }, offers: [] },
  });
  it('answers "was it delivered, and when?" about a delivered order with its verified delivery date', () => {
    expect(decideRoute(delivered('I am away this week. Could you confirm it has been delivered, and on which day?'), policy, facts('ORD-5502')))
      .toMatchObject({ route: 'auto', reasons: ['delivered_order_status', 'facts_verified'] });
    expect(decideRoute(delivered("Pouvez-vous me dire si le colis a bien été livré et quel jour ?"), policy, facts('ORD-5502')).route).toBe('auto');
  });
  it('reviews a delivered order whose delivery the words dispute, or about which nothing answerable is asked', () => {
    const disputed = delivered('The tracking says delivered but nothing came. Where is it?', ['delivery_disputed']);
    expect(decideRoute(disputed, policy, facts('ORD-5502'))).toMatchObject({ route: 'review', reasons: ['not_routine'] });
    expect(decideRoute(delivered('Order ORD-5502.'), policy, facts('ORD-5502'))).toMatchObject({ route: 'review', reasons: ['not_routine'] });
  });
  it('answers a return question automatically only inside the return window', () => {
    const c = ready({ classification: cls({ intent: 'return_request' }), enrichment: enr({ orderNumber: 'ORD-5502' }) });
    expect(decideRoute(c, policy, facts('ORD-5502')).route).toBe('review'); // delivered 2026-02-05, today 2026-03-10: 33 days
    expect(decideRoute(c, policy, { ...facts('ORD-5502'), today: '2026-02-20' })).toMatchObject({ route: 'auto', reasons: ['return_policy_question', 'facts_verified'] });
  });
  it('reviews a return-window or invoice question whose words report goods broken, missing or not come', () => {
    for (const intent of ['return_request', 'invoice_request'] as const) {
      const c = ready({ classification: cls({ intent, signals: ['delivery_disputed'] }), enrichment: enr({ orderNumber: 'ORD-5502' }) });
      expect(decideRoute(c, policy, { ...facts('ORD-5502'), today: '2026-02-20' })).toMatchObject({ route: 'review', reasons: ['delivery_disputed'] });
    }
  });
});

describe('decideRoute: orders named without a number', () => {
  it('auto-sends a status answer for an order identified by its products or tracking number', () => {
    for (const orderFoundBy of ['products', 'tracking_number'] as const) {
      expect(decideRoute(ready({ enrichment: enr({ orderFoundBy }) }), policy, facts('ORD-5501')).route).toBe('auto');
    }
  });

  it('sends to review a mail two orders fit, and an invoice for an order neither named nor singled out by a fact of its own', () => {
    const ambiguous = decideRoute(ready({
      enrichment: enr({ orderNumber: null, orderNumbersMentioned: [], orderFound: false, orderOwnedBySender: null, flags: ['order_ambiguous'], orderCandidates: ['ORD-5501', 'ORD-5502'] }),
      classification: cls({ intent: 'thanks' }),
    }), policy, facts(null));
    expect(ambiguous).toMatchObject({ route: 'review', reasons: expect.arrayContaining(['unverifiable_facts', 'order_ambiguous']) });
    const invoice = (orderFoundBy: Enrichment['orderFoundBy']) => decideRoute(ready({
      enrichment: enr({ orderNumber: 'ORD-5502', orderFoundBy }), classification: cls({ intent: 'invoice_request' }),
    }), policy, facts('ORD-5502'));
    for (const by of ['only_open_order', 'subject_products'] as const) {
      expect(invoice(by)).toMatchObject({ route: 'review', reasons: expect.arrayContaining(['invoice_order_not_named']) });
    }
    for (const by of ['written', 'products', 'order_date', 'delivery_date', 'amount'] as const) expect(invoice(by).route).toBe('auto');
  });

  it('sends to review a mail that names two orders, whichever of them was read as its topic', () => {
    const named = (orderNumbersMentioned: string[]) => decideRoute(ready({
      enrichment: enr({ orderNumber: 'ORD-5502', orderFoundBy: 'written', orderNumbersMentioned }), classification: cls({ intent: 'invoice_request' }),
    }), policy, facts('ORD-5502'));
    expect(named(['ORD-5501', 'ORD-5502'])).toMatchObject({ route: 'review', reasons: expect.arrayContaining(['multiple_orders']) });
    expect(named(['ORD-5502', 'ORD-5502']).route).toBe('auto');
  });

  it('sends to review a reply about an order inferred from the state described or as the latest', () => {
    const about = (orderFoundBy: Enrichment['orderFoundBy']) => decideRoute(ready({
      enrichment: enr({ orderNumber: 'ORD-5502', orderFoundBy }), classification: cls({ intent: 'order_status' }),
    }), policy, facts('ORD-5502'));
    for (const by of ['order_state', 'latest_order'] as const) {
      expect(about(by)).toMatchObject({ route: 'review', reasons: expect.arrayContaining(['order_inferred_from_description']) });
    }
    expect(about('only_open_order').reasons).not.toContain('order_inferred_from_description');
  });
});

describe('decideRoute: the routine head against an informative reply that answers every ask', () => {
  const headSays = (intent: Classification['intent'], clean: string, draftFacts: Record<string, string | number>) => ready({
    cleaned: { clean, quoted: '', signature: '' }, classification: cls({ intent, signals: ['needs_person'] }),
    draft: { subject: 's', body: 'b', lang: 'en', templateId: 't', version: '1', generator: 'template', facts: draftFacts, offers: [] },
  });
  it('sends an order status that answers every question, and says the words were outweighed', () => {
    const d = decideRoute(headSays('order_status', "Tracking hasn't moved since Saturday. Will it come today? I'm out tomorrow.", { status: 'shipped', estimated_delivery: '2026-03-12' }), policy, facts('ORD-5501'));
    expect(d).toMatchObject({ route: 'auto', reasons: ['within_estimate', 'facts_verified', 'every_question_answered'] });
  });
  it('keeps the hold when an ask is left unanswered (an action, a remedy, a kind the data does not hold)', () => {
    const d = decideRoute(headSays('order_status', 'Où en est ma commande ? Et pouvez-vous la livrer à mon bureau plutôt ?', { status: 'shipped', estimated_delivery: '2026-03-12' }), policy, facts('ORD-5501'));
    expect(d.route).toBe('review');
    expect(d.reasons).toContain('needs_person');
  });
  it('keeps the hold when "any word" asks after a decision, not a parcel (session 15, fixb)', () => {
    const shipped = { status: 'shipped', estimated_delivery: '2026-03-12' };
    const decision = decideRoute(headSays('order_status', 'Order: ORD-5501\nQuestion: any word from your manager on the exception I asked for last week?', shipped), policy, facts('ORD-5501'));
    expect(decision).toMatchObject({ route: 'review', reasons: expect.arrayContaining(['needs_person']) });
    expect(decideRoute(headSays('order_status', 'Any word on my parcel?', shipped), policy, facts('ORD-5501')).route).toBe('auto');
  });
  it('keeps the hold when nothing is asked, and for replies about money (returns, refunds)', () => {
    expect(decideRoute(headSays('order_status', 'My order ORD-5501.', { status: 'shipped', estimated_delivery: '2026-03-12' }), policy, facts('ORD-5501')).reasons).toContain('needs_person');
    const refund = headSays('refund_status', 'When will the refund reach my card?', { refund_processing_days: '5-7 business days', refunded_amount: 20 });
    expect(decideRoute(refund, policy, facts('ORD-5501')).reasons).toContain('needs_person');
  });
});

describe('decideRoute: questions the shop data answers about a refund made or a return window', () => {
  const headSays = (intent: Classification['intent'], orderNumber: string, clean: string, draftFacts: Record<string, string | number>, signals = ['needs_person']) => ready({
    cleaned: { clean, quoted: '', signature: '' }, enrichment: enr({ orderNumber, orderNumbersMentioned: [orderNumber] }),
    classification: cls({ intent, signals }),
    draft: { subject: 's', body: 'b', lang: 'en', templateId: 't', version: '1', generator: 'template', facts: draftFacts, offers: [] },
  });
  it('answers "has my refund gone through?" about an order already refunded with the refund made', () => {
    const d = decideRoute(headSays('refund_status', 'ORD-5530', 'Has the refund for my order gone through? I cannot see it on my statement yet.', { status: 'refunded', refunded_amount: 40, refund_processing_days: '5-7 business days' }), policy, facts('ORD-5530'));
    expect(d).toMatchObject({ route: 'auto', reasons: ['refund_delay_question', 'facts_verified', 'every_question_answered'] });
  });
  it('hands a disputed refund to a person, even about an order already refunded', () => {
    const d = decideRoute(headSays('refund_status', 'ORD-5530', 'You refunded less than I paid: when do I get the rest?', { refunded_amount: 40 }, ['needs_person', 'refund_disputed']), policy, facts('ORD-5530'));
    expect(d.route).toBe('review');
    expect(d.reasons).toContain('refund_disputed');
  });
  it('answers "can I still send it back, until when?" with the return window, never an ask to arrange the return', () => {
    const window = { return_window_days: 30, return_deadline: '2026-04-01' };
    const delivered = facts(null, { order: { ...order('ORD-5502')!, delivered_at: '2026-03-02' } });
    const question = decideRoute(headSays('return_request', 'ORD-5502', 'Can I still return one of the scales, and until when?', window), policy, delivered);
    expect(question).toMatchObject({ route: 'auto', reasons: ['return_policy_question', 'facts_verified', 'every_question_answered'] });
    const arrange = decideRoute(headSays('return_request', 'ORD-5502', 'Please arrange the return of one of the scales.', window), policy, delivered);
    expect(arrange.route).toBe('review');
    const broken = decideRoute(headSays('return_request', 'ORD-5502', 'It arrived broken. Can I still return it, and until when?', window, ['needs_person', 'delivery_disputed']), policy, delivered);
    expect(broken.route).toBe('review');
  });
});

describe('decideRoute: a return question with no order in it', () => {
  const general = (clean: string, draftFacts: Record<string, string | number>, more: Partial<Enrichment> = {}) => ready({
    cleaned: { clean, quoted: '', signature: '' },
    enrichment: enr({ orderNumber: null, orderNumbersMentioned: [], orderFound: false, orderOwnedBySender: null, ...more }),
    classification: cls({ intent: 'return_request' }),
    draft: { subject: 's', body: 'b', lang: 'en', templateId: 't', version: '1', generator: 'template', facts: draftFacts, offers: [] },
  });
  const policyFacts = { return_window_days: 30, refund_processing_days: '5-7 business days' };
  it('is answered by the policy when every ask is about the return window or the refund delay', () => {
    const d = decideRoute(general("If it doesn't suit, how many days do I have to return it, and how soon am I refunded?", policyFacts), policy, facts(null));
    expect(d).toMatchObject({ route: 'auto', reasons: ['return_policy_question', 'facts_verified'] });
  });
  it('still needs an order for anything else (an unanswered ask, two orders that fit)', () => {
    const costs = decideRoute(general('How long do I have to return it, and who pays the return postage?', policyFacts), policy, facts(null));
    expect(costs.route).toBe('review');
    expect(costs.reasons).toContain('order_not_identified');
    const twoFit = decideRoute(general('How long do I have to send it back?', policyFacts, { flags: ['order_ambiguous'] }), policy, facts(null));
    expect(twoFit.route).toBe('review');
  });
});

describe('decideRoute: gift cards', () => {
  const giftCard = (clean: string, more: Partial<Enrichment> = {}) => ready({
    cleaned: { clean, quoted: '', signature: '' },
    enrichment: enr({ orderNumber: null, orderNumbersMentioned: [], orderFound: false, orderOwnedBySender: null, productsMentioned: ['SKU-1020'], ...more }),
    classification: cls({ intent: 'gift_card' }),
    draft: { subject: 's', body: 'b', lang: 'fr', templateId: 't', version: '1', generator: 'template', facts: { product: 'Carte cadeau 50 €', price: 50, free_shipping_threshold: 60 }, offers: [] },
  });
  it('answers a question about buying one (its amount, its delivery cost) as a catalogue question', () => {
    expect(decideRoute(giftCard('Vous faites des cartes cadeaux ? De quel montant, et la livraison est-elle offerte ?'), policy, facts(null)))
      .toMatchObject({ route: 'auto', reasons: ['catalogue_question', 'facts_verified'] });
    const en = giftCard('Do you sell gift vouchers, and how much are they?');
    const enDraft = { ...en.draft!, lang: 'en' as const, facts: { product: 'Gift card €50', price: 50, free_shipping_threshold: 60 } };
    expect(decideRoute({ ...en, draft: enDraft }, policy, facts(null)).route).toBe('auto');
  });
  it('hands a card already bought (a refused code, a balance) or an order of one to a person', () => {
    const refused = decideRoute(giftCard("Le code de la carte cadeau est refusé sur le site. Pouvez-vous vérifier qu'elle est active ?"), policy, facts(null));
    expect(refused.route).toBe('review');
    expect(refused.reasons).toContain('gift_card');
    const ordered = decideRoute(giftCard('How much is the gift card I ordered?', { orderNumber: 'ORD-5501', orderNumbersMentioned: ['ORD-5501'], orderFound: true }), policy, facts('ORD-5501'));
    expect(ordered.route).toBe('review');
    expect(decideRoute(giftCard('What is the balance left on my gift card?'), policy, facts(null)).route).toBe('review');
  });
});

describe('decideRoute: an informative reply that answers every ask', () => {
  const catalogue = (clean: string, c: Partial<Classification> = {}, facts: Record<string, string | number> = { product: 'Bouilloire 1,7 L', price: 49.9, free_shipping_threshold: 60 }) => ready({
    cleaned: { clean, quoted: '', signature: '' },
    enrichment: enr({ orderNumber: null, orderNumbersMentioned: [], orderFound: false, orderOwnedBySender: null, productsMentioned: ['SKU-1018'] }),
    classification: cls({ intent: 'product_question', intentConfidence: 0.55, confidence: 0.55, informConfidence: 0.93, ...c }),
    draft: { subject: 's', body: 'b', lang: 'fr', templateId: 't', version: '1', generator: 'template', facts, offers: [] },
  });

  it('reads the probability that the mail wants only information, when every ask gets a verified fact (FR, EN)', () => {
    const fr = decideRoute(catalogue('Combien coûte la bouilloire, et la livraison est-elle offerte ?'), policy, facts(null));
    expect(fr).toMatchObject({ route: 'auto', reasons: ['catalogue_question', 'facts_verified', 'every_question_answered'], confidence: 0.93 });
    expect(decideRoute(catalogue('How much is your kettle these days?'), policy, facts(null)).route).toBe('auto');
  });

  it('keeps the low confidence when the pooled probability is low too, or an ask is left without a fact', () => {
    const unsure = decideRoute(catalogue('How much is the kettle?', { intentConfidence: 0.4, confidence: 0.4, informConfidence: 0.45 }), policy, facts(null));
    expect(unsure.route).toBe('review');
    expect(unsure.reasons).toContain('low_confidence');
    const open = decideRoute(catalogue('Combien coûte la bouilloire et fonctionne-t-elle sur induction ?'), policy, facts(null));
    expect(open.route).toBe('review');
    expect(open.reasons).toContain('low_confidence');
    // nothing asked: nothing to check the reply against
    expect(decideRoute(catalogue('Votre bouilloire est jolie.'), policy, facts(null)).reasons).toContain('low_confidence');
  });

  it('keeps the low confidence when the words dispute a delivery or ask for money back', () => {
    for (const signal of ['delivery_disputed', 'refund_asked']) {
      const d = decideRoute(catalogue('How much is the kettle?', { signals: [signal] }), policy, facts(null));
      expect(d.route).toBe('review');
      expect(d.reasons).toContain('low_confidence');
    }
  });

  it('holds a question before buying to "more likely than not", any other informative mail to the full threshold', () => {
    const card = { product: 'Carte cadeau 50 €', price: 50, free_shipping_threshold: 60 };
    const presale = decideRoute(catalogue('Vous vendez des cartes cadeaux ? De quel montant ?', { intent: 'gift_card', informConfidence: 0.62 }, card), policy, facts(null));
    expect(presale).toMatchObject({ route: 'auto', reasons: ['catalogue_question', 'facts_verified', 'every_question_answered', 'presale_catalogue_question'] });
    expect(decideRoute(catalogue('Does the kettle go in the dishwasher, and what does it cost?', { informConfidence: 0.62 }), policy, facts(null)).route).toBe('review');
    // something unhappy said, or an order of theirs concerned: the full threshold
    expect(decideRoute(catalogue('How much is a new lid? Mine is rubbish.', { informConfidence: 0.62, sentiment: 'negative' }), policy, facts(null)).reasons).toContain('low_confidence');
    const owned = ready({
      cleaned: { clean: 'Combien coûte la bouilloire ?', quoted: '', signature: '' },
      classification: cls({ intent: 'product_question', intentConfidence: 0.55, confidence: 0.55, informConfidence: 0.62 }),
      enrichment: enr({ productsMentioned: ['SKU-1018'] }),
      draft: { subject: 's', body: 'b', lang: 'fr', templateId: 't', version: '1', generator: 'template', facts: { product: 'Bouilloire', price: 49.9 }, offers: [] },
    });
    expect(decideRoute(owned, policy, facts('ORD-5501')).reasons).toContain('low_confidence');
  });

  it('answers a second informative question in the same reply, never a second request for a person', () => {
    const refunded = (clean: string, secondaryIntents: Classification['secondaryIntents']) => ready({
      cleaned: { clean, quoted: '', signature: '' },
      enrichment: enr({ orderNumber: 'ORD-5530', orderNumbersMentioned: ['ORD-5530'] }),
      classification: cls({ intent: 'refund_status', intentConfidence: 0.95, confidence: 0.6, informConfidence: 0.97, secondaryIntents, signals: ['multi_question'] }),
      draft: { subject: 's', body: 'b', lang: 'en', templateId: 't', version: '1', generator: 'template', facts: { status: 'refunded', refunded_amount: 40, refund_processing_days: '5-7' }, offers: [] },
    });
    const two = decideRoute(refunded('I sent back the jug and the mugs. Has the refund gone through, and how much was it?', ['product_question']), policy, facts('ORD-5530'));
    expect(two).toMatchObject({ route: 'auto', reasons: ['refund_delay_question', 'facts_verified', 'every_question_answered'] });
    const remedy = decideRoute(refunded('Le remboursement est-il passé ? Quel montant ?', ['damaged_item']), policy, facts('ORD-5530'));
    expect(remedy.route).toBe('review');
    expect(remedy.reasons).toContain('multi_question');
  });
});

describe('decideRoute: a thank-you that asks nothing', () => {
  const thanks = (clean: string, c: Partial<Classification> = {}) => ready({
    cleaned: { clean, quoted: '', signature: '' },
    classification: cls({ intent: 'thanks', sentiment: 'positive', signals: ['needs_person'], ...c }),
    draft: { subject: 's', body: 'b', lang: 'fr', templateId: 'thanks', version: '1', generator: 'template', facts: {}, offers: [] },
  });

  it('sends the thank-you note though the routine head reads money or order words in it (FR, EN)', () => {
    expect(decideRoute(thanks("Merci, le remboursement est bien arrivé sur mon compte, c'est parfait."), policy, facts('ORD-5501')))
      .toMatchObject({ route: 'auto', reasons: ['thanks_note', 'facts_verified', 'nothing_asked'] });
    expect(decideRoute(thanks('Cheers for sorting the refund so fast, the money landed today!'), policy, facts('ORD-5501')).route).toBe('auto');
  });

  it('keeps it for a person when only the intent model reads a thank-you (no rule cue, the routine head disagrees)', () => {
    const receipt = thanks('Payment received. Amount charged: 120.00. Reference 88231. Thank you for your business.', { confidence: 0.55, signals: ['needs_person', 'model_only_intent'] });
    expect(decideRoute(receipt, policy, facts('ORD-5501')).route).toBe('review');
    const recu = thanks('Paiement reçu, montant débité 59,90 €, référence 4471. Merci de votre confiance.', { confidence: 0.6, signals: ['model_only_intent'] });
    expect(decideRoute(recu, policy, facts('ORD-5501')).route).toBe('review');
  });

  it('keeps it for a person when the thanks turn to something wrong (classify.ts thanks_with_reservation)', () => {
    const d = decideRoute(thanks("Merci pour la rapidité ! Par contre il n'y avait que la balance, pas les couteaux.", { signals: ['thanks_with_reservation'] }), policy, facts('ORD-5501'));
    expect(d.route).toBe('review');
    expect(d.reasons).toContain('thanks_with_reservation');
    expect(decideRoute(thanks('Thanks, lovely kettle. Only thing, the lid was not in the box.', { signals: ['thanks_with_reservation'], confidence: 0.95 }), policy, facts('ORD-5501')).route).toBe('review');
  });

  it('escalates a mail whose risk family only the intent model read (classify.ts model_only_risk_intent), saying so, whatever its confidence', () => {
    const d = decideRoute(ready({ classification: cls({ intent: 'fraud_report', signals: ['model_only_risk_intent'] }) }), policy, facts('ORD-5501'));
    expect(d.route).toBe('escalate');
    expect(d.reasons).toEqual(['fraud_report', 'model_only_risk_intent']);
    expect(decideRoute(thanks('Thank you, all good.', { signals: ['model_only_risk_intent'] }), policy, facts('ORD-5501')).route).toBe('escalate');
  });

  it('keeps it for a person when it asks something, sounds unhappy or disputes the delivery', () => {
    expect(decideRoute(thanks('Thanks! Could you also check the second parcel?'), policy, facts('ORD-5501')).reasons).toContain('needs_person');
    expect(decideRoute(thanks('Merci quand même, même si le colis était abîmé.', { sentiment: 'negative' }), policy, facts('ORD-5501')).reasons).toContain('needs_person');
    expect(decideRoute(thanks('Thanks, though one mug was missing.', { signals: ['needs_person', 'delivery_disputed'] }), policy, facts('ORD-5501')).reasons).toContain('needs_person');
  });

  it("reads its confidence as P(the mail wants nothing a person decides), not P(thanks) alone (FR, EN)", () => {
    // a story around the thanks spreads the probability over the intents that all get a reply without a decision
    const story = { signals: [], intentConfidence: 0.58, confidence: 0.58 };
    const sent = decideRoute(thanks("Le moulin est arrivé avant le départ en vacances, toute la famille l'adore. Merci !", { ...story, informConfidence: 0.93 }), policy, facts('ORD-5501'));
    expect(sent).toMatchObject({ route: 'auto', reasons: ['thanks_note', 'facts_verified', 'nothing_asked'] });
    expect(sent.confidence).toBe(0.93);
    // when a remedy, a complaint or another decision keeps most of the probability, it stays low: a person
    expect(decideRoute(thanks('Well, thanks I guess. The kettle came in the end.', { ...story, informConfidence: 0.45, confidence: 0.4 }), policy, facts('ORD-5501')).reasons).toContain('low_confidence');
    // a grudging thanks read as such (not positive) is no plain thank-you: the full bar holds it
    expect(decideRoute(thanks('Merci... enfin arrivé, il était temps.', { ...story, sentiment: 'neutral', informConfidence: 0.7 }), policy, facts('ORD-5501')).route).toBe('review');
    // and never for a mail that asks something
    expect(decideRoute(thanks('Thanks! When does the next one ship?', { ...story, informConfidence: 0.95 }), policy, facts('ORD-5501')).route).toBe('review');
  });
});

describe('decideRoute: a thank-you note commits to nothing', () => {
  const note = (clean: string, c: Partial<Classification> = {}, quoted = '') => ready({
    cleaned: { clean, quoted, signature: '' },
    classification: cls({ intent: 'thanks', sentiment: 'positive', signals: [], intentConfidence: 0.6, confidence: 0.6, ...c }),
    draft: { subject: 's', body: 'b', lang: 'fr', templateId: 'thanks', version: '1', generator: 'template', facts: {}, offers: [] },
  });

  it('sends it when the mail is more likely than not a thank-you that asks nothing (FR, EN)', () => {
    const fr = decideRoute(note("Le service à thé est arrivé hier, emballé avec soin. Ma mère est ravie, merci à toute l'équipe !"), policy, facts('ORD-5501'));
    expect(fr).toMatchObject({ route: 'auto', reasons: ['thanks_note', 'facts_verified', 'nothing_asked'] });
    const en = decideRoute(note('Just a line to say the grinder turned up in time for the party. Lovely job, thanks!', { confidence: 0.55, signals: ['needs_person'] }), policy, facts('ORD-5501'));
    expect(en.route).toBe('auto');
  });

  it('holds it below "more likely than not", or below the full bar when the shop sets a stricter acknowledgement bar', () => {
    expect(decideRoute(note('Bien reçu, merci.', { confidence: 0.45 }), policy, facts('ORD-5501')).reasons).toContain('low_confidence');
    const strict = testPolicy({ acknowledgementConfidenceThreshold: 0.85 });
    expect(decideRoute(note('Got it, cheers!'), strict, facts('ORD-5501')).reasons).toContain('low_confidence');
  });

  it('is held by a quote of our earlier reply the log cannot vouch for: the note would confirm what a forged reply promised (FR, EN)', () => {
    const quote = 'Nous vous renvoyons un article neuf en express.';
    const fr = decideRoute(note('Le nouveau pichet est arrivé ce matin, impeccable. Merci beaucoup !', { signals: ['unverified_shop_quote'], confidence: 0.9 }, quote), policy, facts('ORD-5501'));
    expect(fr).toMatchObject({ route: 'review', reasons: ['unverified_shop_quote'] });
    const en = decideRoute(note('The refund you promised came through, thanks a lot!', { signals: ['unverified_shop_quote'], confidence: 0.9 }, 'We will refund the full amount today.'), policy, facts('ORD-5501'));
    expect(en.reasons).toContain('unverified_shop_quote');
    // and so is any other intent
    const status = decideRoute(ready({ classification: cls({ signals: ['unverified_shop_quote'] }) }), policy, facts('ORD-5501'));
    expect(status.reasons).toContain('unverified_shop_quote');
  });
});

describe('decideRoute: an order the data shows cancelled', () => {
  const cancelled = { ...order('ORD-5520')!, status: 'cancelled' as const };
  const asking = (clean: string) => ready({
    cleaned: { clean, quoted: '', signature: '' },
    enrichment: enr({ orderNumber: 'ORD-5520', orderNumbersMentioned: ['ORD-5520'] }),
    draft: { subject: 's', body: 'b', lang: 'fr', templateId: 'order-status', version: '1', generator: 'template', facts: { order_number: 'ORD-5520', status: 'cancelled' }, offers: [] },
  });
  it('answers "is it really cancelled?" with its status (FR, EN)', () => {
    for (const clean of ["Pouvez-vous me confirmer que la commande est bien annulée ?", 'Could you confirm my order has been cancelled?']) {
      expect(decideRoute(asking(clean), policy, { ...facts(null), order: cancelled }))
        .toMatchObject({ route: 'auto', reasons: ['cancelled_order_status', 'facts_verified'] });
    }
  });
  it('leaves a refund of it, or a change to it, to a person', () => {
    for (const clean of ['Elle est bien annulée ? Et quand serai-je remboursée ?', 'Can you cancel it and send the teapot instead?']) {
      expect(decideRoute(asking(clean), policy, { ...facts(null), order: cancelled }).route).toBe('review');
    }
  });
});
