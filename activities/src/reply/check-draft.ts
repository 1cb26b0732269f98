/**
 * The check stage: nothing reaches a customer unchecked. The draft's subject and body are checked against the shop
 * (facts), the approved offers and their conditions, the forbidden commitments, and for anything carried over from
 * the customer's side (injected instructions, verbatim copies, other people's data, bank or card numbers), and for
 * promises of a human follow-up that only a reviewed reply can keep.
 * Fills case.guardrails; the route stage auto-sends only when it passed.
 */
import type { EmailCase, GuardrailReport, ShopData } from '../domain/types';
import type { CaseStage } from '../triage/pipeline';
import { attachmentIssues } from './attachment-check';
import { findFollowUpPromises, findForbiddenCommitments } from './commitment-check';
import { templateReply } from './draft-reply';
import { factCheck } from './fact-check';
import { groundingCheck } from './grounding-check';
import { leakCheck } from './leak-check';
import { findOfferMentions, judgeOffer } from './offer-policy';
import { buildReplyContext } from './reply-context';
import { BUILTIN_WORDING, type WordingSnapshot } from './wording/phrase-catalogue';

export type GuardrailCheck =
  | 'fact_mismatch' | 'unverifiable_fact' | 'other_customer_data' | 'forbidden_commitment' | 'offer_not_allowed'
  | 'injection_echo' | 'pii_echo' | 'human_follow_up' | 'offer_needs_approval'
  | 'missing_fact' | 'wrong_language' | 'unresolved_placeholder' | 'attachment_mismatch' | 'template_missing_fact';

type Detail = GuardrailReport['details'][number];

/** Full names of the owners of orders mentioned by the customer or the draft, other than the sender. */
async function otherPeople(c: EmailCase, shop: ShopData, draftText: string, senderId: string | null): Promise<string[]> {
  const numbers = new Set([...(c.enrichment?.orderNumbersMentioned ?? []), ...(draftText.toUpperCase().match(/\b[A-Z]{2,5}-\d{3,}\b/g) ?? [])]);
  const names: string[] = [];
  for (const n of numbers) {
    const o = await shop.order(n);
    if (!o || o.customer_id === senderId) continue;
    const owner = await shop.customerById(o.customer_id);
    if (owner) names.push(`${owner.first_name} ${owner.last_name}`);
  }
  return names;
}

export async function checkDraftText(c: EmailCase, shop: ShopData, wording?: WordingSnapshot): Promise<GuardrailReport> {
  const draft = c.draft;
  if (!draft) return { passed: true, fired: [], details: [] };
  const text = `${draft.subject}\n${draft.body}`;
  const ctx = await buildReplyContext(c, shop, wording);
  const senderId = ctx.customer?.id ?? null;
  const details: Detail[] = [];
  if (draft.wordingProblem) details.push({ check: 'template_missing_fact', message: draft.wordingProblem });

  const scope = { customerId: senderId, senderAddress: c.parsed.from?.address ?? null, orderNumber: ctx.order?.number ?? null };
  details.push(...await factCheck(text, scope, shop));
  details.push(...await attachmentIssues(draft, text, [...(ctx.order ? [ctx.order] : []), ...ctx.otherOrders], scope, shop));

  const offerCase = { intent: ctx.intent, order: ctx.order, today: ctx.today, history: ctx.offerHistory, vip: ctx.customer?.vip === true };
  const mentioned = findOfferMentions(text, ctx.policies);
  const codes = new Set([...draft.offers, ...mentioned.flatMap((m) => (m.code ? [m.code] : []))]);
  const verdicts = [...codes].map((code) => judgeOffer(code, offerCase, ctx.policies));
  for (const v of verdicts.filter((x) => !x.allowed)) details.push({ check: 'offer_not_allowed', message: v.reason });
  const granted = verdicts.filter((x) => x.allowed).map((x) => x.code);
  if (granted.length) {
    // Every case in the labelled routes that carries an offer is reviewed: a gesture is granted by a person.
    details.push({ check: 'offer_needs_approval', message: `the draft grants ${granted.join(', ')}: a person approves offers` });
  }
  for (const m of mentioned.filter((x) => x.code === null)) {
    details.push({ check: 'offer_not_allowed', message: `"${m.text}" is not an approved offer` });
  }

  for (const hit of findForbiddenCommitments(text, ctx.policies.forbidden_commitments)) {
    details.push({ check: 'forbidden_commitment', message: `"${hit.sentence}" commits to "${hit.phrase}"` });
  }

  const followUp = findFollowUpPromises(text);
  if (followUp.length) {
    details.push({ check: 'human_follow_up', message: `the draft promises what only a person can keep — a follow-up or a later action ("${followUp[0]}"): it needs a reviewer, not an automatic send` });
  }

  // The draft's own words (the shipped ones when the version in force could not say this email).
  const own = templateReply(draft.wordingProblem ? { ...ctx, wording: BUILTIN_WORDING } : ctx, c).out;
  details.push(...leakCheck({
    draftText: text,
    ownText: `${own.subject}\n${own.paragraphs.join('\n')}`,
    customerText: c.cleaned.clean,
    quotedText: c.cleaned.quoted,
    hiddenText: c.parsed.hiddenHtmlText,
    pii: c.pii,
    otherPeople: await otherPeople(c, shop, text, senderId),
    senderPhones: c.pii.filter((p) => p.type === 'phone' && c.cleaned.signature.includes(p.value)).map((p) => p.value),
  }));

  if (draft.generator === 'llm') {
    // A model's draft must state what the template for the same case states, in the customer's language.
    details.push(...groundingCheck(text, own, ctx.lang));
  }

  const fired = [...new Set(details.map((d) => d.check))];
  return { passed: fired.length === 0, fired, details };
}

export const checkDraft: CaseStage = async (emailCase, deps) => ({
  ...emailCase,
  guardrails: await checkDraftText(emailCase, deps.shop, await draftWording(emailCase, deps)),
});

/**
 * The template version the draft was written with (an experiment's variant, or the version in force when it was
 * drafted), so its own words are compared with the words that wrote it; the one in force when it is not known.
 */
async function draftWording(c: EmailCase, deps: Parameters<CaseStage>[1]): Promise<WordingSnapshot | undefined> {
  const version = c.draft?.wordingVersion;
  if (version == null || version === deps.wording?.version || !deps.wordingAt) return deps.wording;
  return deps.wordingAt(version);
}
