/**
 * routeEmail: the routing decision of design/ROUTING.md as one pure function over the case, the policy and a few
 * shop facts. Suppress machine mail; escalate what a person must own; review what needs a 1–2 click decision;
 * auto only what is routine, verified, checked and admitted by the rollout. When in doubt, a human.
 */
import type { Decision, EmailCase, Intent, OrderRecord, Route } from '../domain/types';
import { findKeywordHits } from './keywords';
import { threadKeyOf } from './auto-reply-window';
import type { AutoReplyCounts, CaseStage } from './pipeline';
import { rolloutAdmits, type RoutingPolicy } from './policy';
import { answeredTopics, customerAsksAnything, unansweredQuestionReasons, type QuestionTopic } from './questions';
import { SHOP_CLAIM_FLAGS } from './shop-claims';

/** Signals (from classify/enrich) that hand the mail to a person who owns it. */
const ESCALATE_SIGNALS: Record<string, string> = {
  escalation_keyword: 'escalation_keyword',
  legal_threat: 'legal_threat',
  chargeback_hint: 'chargeback_hint',
  fraud_report: 'fraud_report',
  unrecognised_charge: 'unrecognised_charge',
  threat: 'threat',
  public_shaming_threat: 'public_shaming_threat',
  gdpr_request: 'gdpr_request',
  safety_incident: 'safety_incident',
  injury_reported: 'injury_reported',
  abusive_language: 'abusive_language',
  distress: 'distress',
  self_harm: 'self_harm',
  prompt_injection: 'prompt_injection',
  hidden_html_text: 'hidden_html_text',
  tampered_quoted_text: 'tampered_quoted_text',
};
const ESCALATE_INTENTS: ReadonlySet<Intent> = new Set([
  'legal_threat', 'fraud_report', 'gdpr_request', 'safety_incident', 'prompt_injection',
]);
/** Intents that always need a person's decision (remedies, actions on an order, disputes of amounts...). */
const REVIEW_INTENT_REASON: Partial<Record<Intent, string>> = {
  refund_request: 'refund_request',
  damaged_item: 'damaged_item',
  missing_item: 'missing_item',
  complaint: 'complaint',
  cancel_order: 'order_action_cancel',
  change_address: 'order_action_change_address',
  payment_issue: 'payment_issue',
  account_access: 'account_access',
  other: 'ambiguous_request',
};
/**
 * Intents whose automatic reply only informs from shop data (a status, a date, a document, a catalogue fact): no
 * money moves and nothing on an order changes. For them, the routine head's reading of the words gives way when the
 * draft answers every ask of the customer with a verified fact (an ask for an action or a remedy never is). A refund's
 * status about an order already refunded informs too (the refund made, its amount), and so does a question about the
 * return window ("can I still send it back, until when?") answered with the verified deadline: decideRoute's `informs`.
 * An ask to arrange a return or a refund is an `order_action` the reply never answers, so `answered` is null for it.
 */
const INFORMATION_INTENTS: ReadonlySet<Intent> = new Set([
  'order_status', 'delivery_delay', 'invoice_request', 'product_question', 'gift_card',
]);
/** Kinds of question a catalogue reply answers (a gift card is a catalogue product: its amount, its delivery cost). */
const CATALOGUE_TOPICS: ReadonlySet<QuestionTopic> = new Set(['price', 'catalogue', 'shipping_cost', 'product_size', 'product_fit']);
const UNVERIFIABLE_FLAGS = [
  'unknown_order_number', 'order_belongs_to_other_customer', 'lookalike_order_number', 'amount_mismatch',
  'order_owner_unverified', 'unknown_secondary_order_number', 'secondary_order_belongs_to_other_customer',
  'order_ambiguous',
];
const ORDER_INTENTS: ReadonlySet<Intent> = new Set([
  'order_status', 'delivery_delay', 'invoice_request', 'refund_status', 'return_request', 'refund_request',
  'cancel_order', 'change_address', 'damaged_item', 'missing_item',
]);
/** How an order may be found for its invoice to go out automatically: named, or singled out by a fact of its own. */
const INVOICE_ORDER_EVIDENCE: ReadonlySet<string> = new Set([
  'written', 'written_without_prefix', 'tracking_number', 'products', 'order_date', 'delivery_date', 'amount',
]);

export interface RouteFacts {
  order: OrderRecord | null;
  today: string;
  autoReplies: AutoReplyCounts | null;
  /** The reply address hard-bounced one of our replies before (see BounceLog): no automatic reply to it. */
  recipientBouncing?: boolean;
}

/** Where bounces of our replies are recorded (Postgres `bounced_addresses` in production). */
export interface BounceLog {
  /** True when the address's latest bounce of one of our replies was permanent (5.x.x). */
  isHardBouncing(address: string): Promise<boolean>;
}

declare module './pipeline' {
  interface TriageDeps {
    /** Optional: without it, addresses that bounced our replies are not checked before an automatic reply. */
    bounces?: BounceLog;
  }
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso.slice(0, 10)}T00:00:00Z`) - Date.parse(`${fromIso.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** The refund a decision would commit to: the draft's stated amount, else amounts written, else the order total. */
export function refundAmount(c: EmailCase, order: OrderRecord | null): number | null {
  const fromDraft = c.draft?.facts?.refund_amount;
  if (typeof fromDraft === 'number') return fromDraft;
  const written = (c.enrichment?.amountsMentioned ?? []).map((a) => a.value).filter((v) => v > 0);
  if (written.length) return Math.max(...written);
  return order ? order.total : null;
}

/** What autoReason reads of the case besides the intent and the order. */
interface AutoContext {
  productsMentioned: number;
  signals: ReadonlySet<string>;
  /** The kinds of information asked, when the draft answers every ask (questions.ts answeredTopics). */
  answered: readonly QuestionTopic[] | null;
  orderNamed: boolean;
  /** A return question with no order in it, every ask about the return or refund policy, answered with its figures. */
  policyOnly: boolean;
}

/** What the shop's return and refund policy answers whatever the order: the return window, the refund delay. */
const POLICY_TOPICS: ReadonlySet<QuestionTopic> = new Set(['return_policy', 'refund']);

function autoReason(intent: Intent, order: OrderRecord | null, today: string, policy: RoutingPolicy, ctx: AutoContext): string | null {
  switch (intent) {
    case 'order_status':
      if (!order) return null;
      if (order.status === 'processing') return 'routine_order_status';
      // "was it delivered, and when?" answered with the verified delivery date; a mail that disputes the delivery
      // (not received, incomplete, broken) or asks nothing the reply answers is a case for a person
      if (order.status === 'delivered' && order.delivered_at && !ctx.signals.has('delivery_disputed')
        && ctx.answered?.includes('order_status')) return 'delivered_order_status';
      if (order.status === 'shipped' && order.estimated_delivery && daysBetween(order.estimated_delivery, today) <= 0) {
        return 'within_estimate';
      }
      if (order.status === 'shipped' && order.estimated_delivery && order.tracking_number
        && daysBetween(order.estimated_delivery, today) <= policy.slightlyLateMaxDays) return 'slightly_late_with_tracking';
      // "is it really cancelled?" about an order the data shows cancelled: its status answers it
      if (order.status === 'cancelled' && !ctx.signals.has('delivery_disputed') && ctx.answered?.includes('order_status')) {
        return 'cancelled_order_status';
      }
      return null; // returned, refunded...: a status question about it is not routine
    case 'delivery_delay': {
      if (!order || order.status !== 'shipped' || !order.tracking_number || !order.estimated_delivery) return null;
      const late = daysBetween(order.estimated_delivery, today);
      if (late <= 0) return 'within_estimate';
      return late <= policy.slightlyLateMaxDays ? 'slightly_late_with_tracking' : null;
    }
    case 'invoice_request':
      return order?.status === 'delivered' ? 'invoice_copy_delivered_order' : null;
    case 'refund_status':
      return order?.status === 'refunded' ? 'refund_delay_question' : null;
    case 'return_request': {
      if (ctx.policyOnly) return 'return_policy_question';
      const delivered = order?.status === 'delivered' ? order.delivered_at : null;
      return delivered && daysBetween(delivered, today) <= policy.returnWindowDays ? 'return_policy_question' : null;
    }
    case 'product_question':
      // a catalogue question is about a product of the shop; "free shipping" alone (a bill, an advert, an injected
      // instruction) is not one
      return ctx.productsMentioned > 0 ? 'catalogue_question' : null;
    case 'gift_card':
      // buying a gift card is a catalogue question (its amount, its delivery cost); a card already bought (a code
      // refused, a balance, a lost card) is about data the shop does not hold: a person
      return ctx.productsMentioned > 0 && !ctx.orderNamed && (ctx.answered ?? []).some((t) => CATALOGUE_TOPICS.has(t))
        ? 'catalogue_question' : null;
    case 'thanks':
      return 'thanks_note';
    default:
      return null;
  }
}

export function decideRoute(c: EmailCase, policy: RoutingPolicy, facts: RouteFacts): Decision {
  const decision = (route: Route, reasons: string[], confidence: number, approvals = route === 'review' || route === 'escalate' ? 1 : 0): Decision =>
    ({ route, reasons: [...new Set(reasons)], confidence, approvalsRequired: approvals });

  if (c.machine.isMachine) {
    const reasons = c.machine.reasons.length ? [...c.machine.reasons] : [c.machine.kind ?? 'machine_mail'];
    // instructions to an AI are an attack on the reader whoever sent them: a person sees the attempt and where it
    // was carried, even in mail nothing would answer (hidden text alone is a newsletter's preheader, not an attempt)
    const attempt = (c.classification?.signals ?? []).filter((s) => s === 'prompt_injection' || s.startsWith('injection_in_'));
    if (attempt.length) return decision('escalate', [...attempt, ...reasons], c.classification?.confidence ?? 0.95);
    // a keyword in bulk or machine mail (a newsletter about chargebacks, a lawyer's out-of-office) does not escalate
    const hits = findKeywordHits(`${c.parsed.subject}\n${c.cleaned.clean || c.parsed.text.slice(0, 6000)}`, policy);
    if (hits.live.length || hits.defused.length) reasons.push('escalation_keyword_defused');
    return decision('suppress', reasons, 0.95, 0);
  }
  const cls = c.classification;
  const enr = c.enrichment;
  if (!cls || !enr) return decision('review', ['not_classified'], 0);
  const signals = new Set(cls.signals);
  const flags = new Set(enr.flags);
  const { order, today } = facts;

  // ---- escalate: a person owns it, nothing automatic is sent
  const esc: string[] = [];
  for (const [s, reason] of Object.entries(ESCALATE_SIGNALS)) if (signals.has(s)) esc.push(reason);
  if (ESCALATE_INTENTS.has(cls.intent)) esc.push(cls.intent);
  // a risk family the intent model alone read (classify.ts): the reviewer sees that no other reading confirms it
  if (signals.has('model_only_risk_intent')) esc.push('model_only_risk_intent');
  if (flags.has('suspected_account_takeover')) esc.push('suspected_account_takeover', 'sender_not_customer_address');
  // the customer's record says so, or the mail itself asks for no machine reply
  const optedOut = enr.aiOptOut || signals.has('ai_opt_out_asked');
  if (optedOut && policy.aiOptOutRoute === 'escalate') esc.push('ai_opt_out');
  if (esc.length) {
    if (esc.includes('suspected_account_takeover') && ['change_address', 'cancel_order', 'account_access'].includes(cls.intent)) {
      esc.push('order_action_requested');
    }
    if (cls.intent === 'refund_status' && order?.return_received_at && order.status !== 'refunded'
      && daysBetween(order.return_received_at, today) > 14) esc.push('refund_overdue');
    return decision('escalate', esc, cls.confidence);
  }

  // ---- review: a prepared draft waits for a person
  const rev: string[] = [];
  let approvals = 1;
  const answered = c.draft ? answeredTopics(c) : null;
  // "if it does not suit, how long do I have to return it, and how soon am I refunded?": a return question with no
  // order in it, every ask answered by the policy's verified figures, whatever the order ("where is my refund?" with
  // no order is not: its reply asks for the order)
  const policyOnly = !enr.orderNumber && cls.intent === 'return_request'
    && answered !== null && answered.every((t) => POLICY_TOPICS.has(t));
  const autoContext: AutoContext = {
    productsMentioned: enr.productsMentioned?.length ?? 0, signals, answered, orderNamed: Boolean(enr.orderNumber), policyOnly,
  };
  const auto = autoReason(cls.intent, order, today, policy, autoContext);
  if (optedOut) rev.push('ai_opt_out');
  const intentReason = REVIEW_INTENT_REASON[cls.intent];
  if (intentReason) rev.push(intentReason);
  const refundAsked = signals.has('refund_asked');
  if (refundAsked) rev.push('refund_request');
  if (signals.has('refund_disputed')) rev.push('refund_disputed');
  if (['damaged_item', 'missing_item'].includes(cls.intent)) rev.push('remedy_requires_approval');
  if (enr.vip) rev.push('vip_customer');
  // a statement the sender holds as our word (quoted or reported) that the order's data contradicts: whatever we
  // answer contradicts what they were "told"; a person reads both (shop-claims.ts)
  const unverifiable = [...UNVERIFIABLE_FLAGS.filter((f) => flags.has(f)), ...cls.signals.filter((s) => SHOP_CLAIM_FLAGS.has(s))];
  if (unverifiable.length) rev.push('unverifiable_facts', ...unverifiable);
  // the routine head reads the words; an informative reply that answers every ask with a verified fact outweighs it
  // an intent informs when its reply only states verified facts: a status, a document, a catalogue fact, the refund made
  // about an order refunded, the return window when the reply states it and nothing reports the goods wrong
  const informing = (i: Intent): boolean => INFORMATION_INTENTS.has(i) || (i === 'refund_status' && order?.status === 'refunded')
    || (i === 'return_request' && !signals.has('delivery_disputed') && (answered ?? []).includes('return_policy'));
  const informs = informing(cls.intent) || policyOnly;
  const answersOverHead = signals.has('needs_person') && informs && answered !== null;
  // the reply informs and states a verified fact for every ask, and nothing in the words disputes a delivery or a
  // refund or asks for one: a second informative intent is one more question answered, and the routing confidence is
  // the probability that the mail wants nothing but information (classify.ts informConfidence)
  const answersEverything = informs && answered !== null
    && !['delivery_disputed', 'refund_asked', 'refund_disputed'].some((s) => signals.has(s));
  const secondInforms = answersEverything && cls.secondaryIntents.length > 0
    && cls.secondaryIntents.every((i) => informing(i) || i === cls.intent);
  if ((signals.has('multi_question') || cls.secondaryIntents.length) && !secondInforms) rev.push('multi_question');
  // a thank-you that asks nothing and says nothing went wrong (positive, no disputed delivery or refund) gets a thank-you
  // note that commits to nothing: the routine head's reading of its words (a refund mentioned in passing) gives way
  // (a thank-you that only the intent model reads — no rule cue, and the routine head reads a person's case — is the
  // model alone moving mail away from a person: classify.ts model_only_intent; the full bar holds it)
  const plainThanks = cls.intent === 'thanks' && cls.sentiment === 'positive' && !customerAsksAnything(c)
    && !['delivery_disputed', 'refund_asked', 'refund_disputed', 'model_only_intent', 'thanks_with_reservation'].some((s) => signals.has(s));
  // thanks that turn to something wrong report it: a person reads it, whatever the heads say (classify.ts)
  if (signals.has('thanks_with_reservation')) rev.push('thanks_with_reservation');
  // goods received that are not the ones ordered: an error a person puts right, whatever the mail also asks
  if (signals.has('wrong_item_reported')) rev.push('wrong_item_reported');
  // a return-window or invoice question whose words report goods broken, missing or not come ("how long do I have to
  // return it? the lid came cracked"): the window or the document leaves the report unanswered, a remedy to decide
  if (['return_request', 'invoice_request'].includes(cls.intent) && signals.has('delivery_disputed')) rev.push('delivery_disputed');
  // the same for a status or delay question: the status answers where the parcel is, not a carrier's "delivered" the
  // writer disputes or a parcel handed to someone they cannot find (about an order on its way, classify raises the
  // signal only for those)
  if (order?.status === 'shipped' && ['order_status', 'delivery_delay'].includes(cls.intent) && signals.has('delivery_disputed')) {
    rev.push('delivery_disputed');
  }
  // the routing confidence is the probability that the reply is the right one: for a reply that only informs and
  // answers every ask, or a thank-you note to a mail that asks nothing, P(the mail wants nothing a person must decide)
  // — the pooled probability of the informing intents and thanks (classify.ts informConfidence) — not the probability
  // of one intent among those that all get that reply
  const routingConfidence = (answersEverything || plainThanks) && cls.informConfidence !== undefined
    ? Math.max(cls.informConfidence, secondInforms ? cls.intentConfidence : cls.confidence) : cls.confidence;
  if (signals.has('needs_person') && !answersOverHead && !plainThanks) rev.push('needs_person');
  if (cls.intent === 'gift_card' && !auto) rev.push('gift_card');
  // a question asked before buying: no order concerned, every ask about the catalogue and answered by a verified
  // catalogue fact, nothing negative said; whatever else the words might mean, the reply only informs about products
  const presale = answersEverything && ['product_question', 'gift_card'].includes(cls.intent) && !enr.orderNumber
    && (answered ?? []).every((t) => CATALOGUE_TOPICS.has(t)) && cls.sentiment !== 'negative';
  // a thank-you note to a mail that asks nothing commits to nothing (no fact, no promise): the one question is whether
  // the mail is a thank-you at all, held to "more likely than not" like a pre-sale question's reading
  const confidenceBar = presale ? policy.presaleConfidenceThreshold
    : plainThanks ? policy.acknowledgementConfidenceThreshold : policy.confidenceThreshold;
  if (routingConfidence < confidenceBar) rev.push('low_confidence');
  if (ORDER_INTENTS.has(cls.intent) && !enr.orderNumber && !policyOnly) rev.push('order_not_identified');
  // an order's document goes out automatically only for an order of the customer's that the mail names (number or
  // tracking number) or that one fact of it singles out among all their orders (its goods, the day it was placed or
  // delivered, its amount: order-evidence.ts); not for one taken as their only open order, the state they describe,
  // their latest or a thread's title
  if (cls.intent === 'invoice_request' && enr.orderFoundBy && !INVOICE_ORDER_EVIDENCE.has(enr.orderFoundBy)) {
    rev.push('invoice_order_not_named');
  }
  // two orders or more named: a reply answers about one of them, and which one the writer means is a reading of their
  // words (order-topic.ts) — "when two orders fit, review", with the draft about the one read as the topic
  if (new Set(enr.orderNumbersMentioned).size > 1) rev.push('multiple_orders');
  // an order inferred from the state the writer describes or as their latest: a person confirms it is the one meant
  if (enr.orderFoundBy === 'order_state' || enr.orderFoundBy === 'latest_order') rev.push('order_inferred_from_description');
  if (facts.recipientBouncing) rev.push('recipient_bouncing');
  // a quote presented as our earlier reply that our log does not hold, though it promises nothing outside the offers
  // holds even a thank-you note: thanking us for what a forged reply promised ("the replacement arrived, thanks"), an
  // automatic "glad it arrived" would read as the shop confirming a promise it never made
  if (signals.has('unverified_shop_quote')) rev.push('unverified_shop_quote');
  if (cls.intent === 'refund_status' && order && order.status !== 'refunded') {
    rev.push(order.return_received_at && daysBetween(order.return_received_at, today) > 14 ? 'refund_overdue' : 'refund_not_yet_issued');
  }
  if (cls.intent === 'delivery_delay' && order?.estimated_delivery && !order.delivered_at
    && daysBetween(order.estimated_delivery, today) > policy.slightlyLateMaxDays) rev.push('delay_over_5_days_offer');

  if (['refund_request', 'cancel_order', 'return_request', 'damaged_item', 'missing_item', 'payment_issue', 'refund_status']
    .includes(cls.intent) && policy.refundDoubleApprovalOver !== null && rev.length) {
    const amount = refundAmount(c, order);
    if (amount !== null && amount > policy.refundDoubleApprovalOver
      && (cls.intent === 'refund_request' || cls.intent === 'cancel_order' || refundAsked || c.draft?.facts?.refund_amount !== undefined)) {
      rev.push('refund_above_threshold_double_approval');
      approvals = 2;
    }
  }

  // a draft the checks refused says so, whatever else holds the email: the reviewer must know what is wrong with it
  const guardrailReasons = c.guardrails?.passed ? [] : ['guardrail_fired', ...(c.guardrails?.fired ?? []).map((f) => `guardrail_${f}`)];
  if (rev.length && c.draft) rev.push(...guardrailReasons);
  if (!rev.length) {
    if (!policy.automatedIntents.has(cls.intent)) rev.push('intent_not_automated');
    if (!auto) rev.push('not_routine');
    if (!c.draft) rev.push('no_draft');
    rev.push(...guardrailReasons);
    rev.push(...unansweredQuestionReasons(c));
    if (!rolloutAdmits(policy, c.parsed.from?.address)) rev.push('rollout_holdback'); // the customer is outside the cohort
    const counts = facts.autoReplies;
    if (counts && (counts.sender >= policy.autoReplyLimits.perSenderPerDay || counts.thread >= policy.autoReplyLimits.perThread)) {
      rev.push('auto_reply_limit');
    }
  }
  if (rev.length) return decision('review', rev, cls.confidence, approvals);

  const reasons = [auto!, 'facts_verified'];
  if (answersOverHead || (answersEverything && cls.confidence < policy.confidenceThreshold)) reasons.push('every_question_answered');
  if (presale && routingConfidence < policy.confidenceThreshold) reasons.push('presale_catalogue_question');
  if (plainThanks && (signals.has('needs_person') || signals.has('unverified_shop_quote') || cls.confidence < policy.confidenceThreshold)) {
    reasons.push('nothing_asked');
  }
  if (signals.has('escalation_keyword_defused')) reasons.splice(1, 0, 'escalation_keyword_defused');
  return decision('auto', reasons, routingConfidence, 0);
}

/**
 * What the route asks of its memory about an email: the automatic replies already sent to its sender and thread
 * (counted by the email's Date) and whether the address a reply would go to hard-bounces. A caller that reads both
 * ahead in one statement (adapters/pg/route-memory.ts) asks the same questions.
 */
export function routeQuestionsOf(parsed: EmailCase['parsed']): { sender: string | null; threadKey: string | null; at: string | null; replyTo: string | null } {
  return {
    sender: parsed.from?.address ?? null, threadKey: threadKeyOf(parsed), at: parsed.date,
    replyTo: (parsed.replyTo ?? parsed.from)?.address ?? null,
  };
}

export const routeEmail: CaseStage = async (emailCase, deps) => {
  const num = emailCase.enrichment?.orderFound ? emailCase.enrichment.orderNumber : null;
  const order = num ? await deps.shop.order(num) : null;
  const { sender, threadKey, at, replyTo } = routeQuestionsOf(emailCase.parsed);
  const autoReplies = deps.autoReplies && sender ? await deps.autoReplies.recent(sender, threadKey, at) : null;
  const recipientBouncing = deps.bounces && replyTo ? await deps.bounces.isHardBouncing(replyTo) : false;
  const facts: RouteFacts = { order, today: await deps.shop.today(), autoReplies, recipientBouncing };
  return { ...emailCase, decision: decideRoute(emailCase, deps.policy, facts) };
};
