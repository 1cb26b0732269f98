/**
 * Discreet upsell: a table over every intent and every route says where the one complementary product may appear
 * (a thank-you or an order-status reply sent automatically, about a delivered order), and nowhere else; the sentence
 * states the catalogue name and price and passes the draft's checks; memory and policy stop it where they should; and
 * over the 48 labelled dev emails through the real stages, every suggestion left is in an automatic reply.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { INTENTS, ROUTES, type CustomerMemory, type EmailCase, type Intent, type Route } from '../domain/types';
import { loadShopJson } from '../adapters/shop-json';
import { intentDeps, loadIntentModel } from '../triage/intent-model';
import { buildPolicy, loadPolicy, parsePolicyFile, type RoutingPolicy } from '../triage/policy';
import type { TriageDeps } from '../triage/pipeline';
import { triageRaw } from '../triage/triage';
import { TRIAGE_STAGES } from '../triage/stages';
import { checkDraft } from './check-draft';
import { createDraftReply } from './draft-reply';
import { EmbeddedContextStore } from './embedded-context-store';
import { templateFor } from './templates/registry';
import { UPSELL_INTENTS, withdrawUnlessAuto } from './upsell';
import { fixtureShop, makeCase, readShopFile, SHOP_FILE } from './test-support/fixture-shop';

const shop = fixtureShop();
const policyText = readFileSync(path.resolve(__dirname, '../../../policies/default.json'), 'utf8');
const policyWith = (upsell: Record<string, unknown>): RoutingPolicy => {
  const file = JSON.parse(policyText) as Record<string, unknown>;
  return buildPolicy(parsePolicyFile(JSON.stringify({ ...file, upsell: { ...(file.upsell as object), ...upsell } })));
};
const policy = policyWith({});
const deps = (p: RoutingPolicy = policy): TriageDeps => ({ shop, policy: p, context: new EmbeddedContextStore() });
const draft = createDraftReply();

/** C0008's order CMD-10362 was delivered on 2026-11-14 (a skillet and a teapot); the teapot's complement is SKU-1010. */
const THANKS_TEXT = 'Bonjour, tout est bien arrivé, merci beaucoup !';
function delivered(intent: Intent, over: Partial<EmailCase> = {}): EmailCase {
  return { ...makeCase({ intent, lang: 'fr', customerId: 'C0008', orderNumber: 'CMD-10362', text: THANKS_TEXT }), ...over };
}
function routed(c: EmailCase, route: Route): EmailCase {
  return withdrawUnlessAuto({ ...c, decision: { route, reasons: [], confidence: 0.9, approvalsRequired: route === 'auto' ? 0 : 1 } });
}
const tealight = readShopFile().products.find((p) => p.sku === 'SKU-1010')!;

test('the default policy has the switch on for the order-status and thanks templates', () => {
  expect(policy.upsell).toEqual({ enabled: true, periodDays: 90, templates: ['order-status', 'thanks'] });
  expect([...UPSELL_INTENTS].map((i) => templateFor(i).id).sort()).toEqual(['order-status', 'thanks']);
});

describe('every intent × every route: the suggestion appears only in an automatic thank-you or order-status reply', () => {
  const table = INTENTS.flatMap((intent) => ROUTES.map((route) => [intent, route] as const));
  test.each(table)('%s routed %s', async (intent, route) => {
    const out = routed(await draft(delivered(intent), deps()), route);
    const allowed = route === 'auto' && (intent === 'thanks' || intent === 'order_status');
    expect(Boolean(out.draft?.upsell)).toBe(allowed);
    expect(out.draft?.body.includes(tealight.name_fr) ?? false).toBe(allowed);
    expect(out.draft?.facts.upsell_sku ?? null).toBe(allowed ? 'SKU-1010' : null);
    if (!allowed && out.draft && UPSELL_INTENTS.has(intent)) expect(out.draft.upsellWithdrawn).toBe('SKU-1010');
  });
});

test('the sentence names the catalogue product and price, records them, and passes the checks (FR and EN)', async () => {
  for (const lang of ['fr', 'en'] as const) {
    const base = { ...makeCase({ intent: 'thanks', lang, customerId: 'C0008', orderNumber: 'CMD-10362', text: lang === 'fr' ? THANKS_TEXT : 'Everything arrived, thank you so much!' }) };
    const checked = await checkDraft(await draft(base, deps()), deps());
    const d = checked.draft!;
    expect(d.upsell?.sku).toBe('SKU-1010');
    expect(d.body).toContain(lang === 'fr' ? `« ${tealight.name_fr} » (9,90 €)` : `${tealight.name_en} (€9.90)`);
    expect(d.facts).toMatchObject({ upsell_sku: 'SKU-1010', upsell_product: lang === 'fr' ? tealight.name_fr : tealight.name_en, upsell_price: tealight.price });
    expect(checked.guardrails).toMatchObject({ passed: true, fired: [] });
    // the same reply without the suggestion fires the same checks (none): the sentence adds no problem
    const off = await checkDraft(await draft(base, deps(policyWith({ enabled: false }))), deps());
    expect(off.draft!.upsell).toBeUndefined();
    expect(off.guardrails!.fired).toEqual(checked.guardrails!.fired);
  }
  expect(tealight.price).toBe(9.9);
});

test('a wrong price in such a sentence is caught by the fact-check', async () => {
  const ok = await draft(delivered('thanks'), deps());
  const wrong = { ...ok, draft: { ...ok.draft!, body: ok.draft!.body.replace('(9,90 €)', '(7,90 €)') } };
  expect((await checkDraft(wrong, deps())).guardrails!.fired).toContain('fact_mismatch');
});

describe('no suggestion when', () => {
  const memory = (m: Partial<CustomerMemory>): CustomerMemory => ({ entries: [], preferences: [], refusedOffers: [], lastUpsellAt: null, ...m });
  test.each<[string, () => Promise<EmailCase>]>([
    ['the policy switch is off', () => draft(delivered('thanks'), deps(policyWith({ enabled: false })))],
    ['the template did not opt in', () => draft(delivered('thanks'), deps(policyWith({ templates: ['order-status'] })))],
    ['the tone is negative', () => draft({ ...delivered('thanks'), classification: { ...delivered('thanks').classification!, sentiment: 'negative' } }, deps())],
    ['another intent rides along (a complaint)', () => draft({ ...delivered('thanks'), classification: { ...delivered('thanks').classification!, secondaryIntents: ['complaint'] } }, deps())],
    ['a signal is raised', () => draft({ ...delivered('thanks'), classification: { ...delivered('thanks').classification!, signals: ['refund_asked'] } }, deps())],
    ['the customer refused an offer before (memory)', () => draft(delivered('thanks', { memory: memory({ refusedOffers: ['GESTE10'] }) }), deps())],
    ['the customer refuses offers in this email', () => draft(makeCase({ intent: 'thanks', lang: 'fr', customerId: 'C0008', orderNumber: 'CMD-10362', text: 'Merci, mais pas de promotions ni de code promo, je ne veux pas de remise.' }), deps())],
    ['a product was suggested 30 days ago (period 90 days)', () => draft(delivered('thanks', { memory: memory({ lastUpsellAt: '2026-10-25T10:00:00.000Z' }) }), deps())],
    ['the sender is not verified by address', () => draft(makeCase({ intent: 'thanks', lang: 'fr', customerId: 'C0008', orderNumber: 'CMD-10362', text: THANKS_TEXT, customerMatch: 'claimed' }), deps())],
    ['the order is late, not delivered', () => draft(makeCase({ intent: 'order_status', lang: 'fr', customerId: 'C0001', orderNumber: 'CMD-10234', text: 'Où en est ma commande CMD-10234 ?' }), deps())],
  ])('%s', async (_why, run) => {
    const out = await run();
    expect(out.draft?.upsell ?? null).toBeNull();
    expect(out.draft?.facts.upsell_sku).toBeUndefined();
  });

  test('…but once the period has passed, a suggestion may come again', async () => {
    const out = await draft(delivered('thanks', { memory: memory({ lastUpsellAt: '2026-08-01T10:00:00.000Z' }) }), deps());
    expect(out.draft?.upsell?.sku).toBe('SKU-1010');
  });
});

const DEV = path.resolve(__dirname, '../../../../shared/fixtures/emails-dev');
(existsSync(DEV) ? test : test.skip)('the 48 dev emails through the real stages: every suggestion left is in an automatic reply of an allowed intent, checks passed', async () => {
  const shopJson = await loadShopJson(SHOP_FILE);
  const context = new EmbeddedContextStore();
  const full: TriageDeps = { shop: shopJson, policy: await loadPolicy(undefined, await shopJson.policies()), context, ...intentDeps(loadIntentModel()) };
  expect(TRIAGE_STAGES.map((s) => s.name)).toContain('route');
  const seen: string[] = [];
  for (const f of readdirSync(DEV).filter((n) => n.endsWith('.eml')).sort()) {
    const c = await triageRaw(readFileSync(path.join(DEV, f)), full);
    if (!c.draft?.upsell) continue;
    seen.push(`${f}:${c.classification!.intent}:${c.decision!.route}:${c.draft.upsell.sku}`);
    expect(c.decision!.route).toBe('auto');
    expect(UPSELL_INTENTS.has(c.classification!.intent)).toBe(true);
    expect(c.guardrails!.passed).toBe(true);
  }
  console.log(`dev emails with a suggestion: ${seen.join(', ') || 'none'}`);
}, 60_000);
