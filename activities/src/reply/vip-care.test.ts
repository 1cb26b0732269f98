/**
 * VIP care in drafts: a VIP-only remedy of the shop policy is proposed to a verified VIP only, and the check refuses it
 * for anyone else (every intent, both languages); the policy's human-touch line ends a VIP's draft, nobody else's.
 */
import { readFileSync } from 'node:fs';
import { INTENTS, type ApprovedOffer, type EmailCase, type Intent } from '../domain/types';
import { buildPolicy, DEFAULT_POLICY_FILE, parsePolicyFile } from '../triage/policy';
import { checkDraft } from './check-draft';
import { judgeOffer, offersToPropose } from './offer-policy';
import { draftAndCheck, fixtureShop, makeCase, readShopFile, replyDeps, type ShopFile } from './test-support/fixture-shop';

const PRIORITY: ApprovedOffer = {
  code: 'REPARATION-PRIORITAIRE',
  description_fr: 'Réparation ou remplacement prioritaire, traité en premier par notre atelier',
  description_en: 'Priority repair or replacement, handled first by our workshop',
  when: 'VIP customer, damaged or missing item',
  vip_only: true,
  intents: ['damaged_item', 'missing_item'],
};

function shopWithVipOffer(): ShopFile {
  const data = readShopFile();
  data.policies.approved_offers = [...data.policies.approved_offers, PRIORITY];
  return data;
}

const data = shopWithVipOffer();
const isVip = (id: string) => data.customers.find((c) => c.id === id)!.vip;
const vipOrder = data.orders.find((o) => o.status === 'delivered' && isVip(o.customer_id))!;
const plainOrder = data.orders.find((o) => o.status === 'delivered' && !isVip(o.customer_id))!;
const policy = buildPolicy(parsePolicyFile(readFileSync(DEFAULT_POLICY_FILE, 'utf8')), data.policies);
const deps = { ...replyDeps(fixtureShop(data)), policy };

const draft = (customerId: string, orderNumber: string, intent: Intent, lang: 'fr' | 'en' = 'fr', customerMatch?: 'sender' | 'claimed') =>
  draftAndCheck(makeCase({ intent, lang, customerId, orderNumber, text: 'Mon article est arrivé cassé.', ...(customerMatch ? { customerMatch } : {}) }, data), deps);

describe('VIP-only offers (shop policy `vip_only`)', () => {
  test('judged: allowed for a VIP on its intents, refused for anyone else', () => {
    const base = { order: vipOrder, today: data.today, history: [] };
    expect(judgeOffer(PRIORITY.code, { ...base, intent: 'damaged_item', vip: true }, data.policies).allowed).toBe(true);
    expect(judgeOffer(PRIORITY.code, { ...base, intent: 'refund_request', vip: true }, data.policies).allowed).toBe(false);
    expect(judgeOffer(PRIORITY.code, { ...base, intent: 'damaged_item', vip: false }, data.policies))
      .toEqual({ code: PRIORITY.code, allowed: false, reason: 'REPARATION-PRIORITAIRE is reserved for VIP customers' });
    expect(judgeOffer(PRIORITY.code, { ...base, intent: 'damaged_item' }, data.policies).allowed).toBe(false);
  });

  test('never proposed to a non-VIP, whatever the intent; proposed first to a VIP with a damaged item', () => {
    for (const intent of INTENTS) {
      expect(offersToPropose({ intent, order: plainOrder, today: data.today, history: [], vip: false }, data.policies)).not.toContain(PRIORITY.code);
    }
    expect(offersToPropose({ intent: 'damaged_item', order: vipOrder, today: data.today, history: [], vip: true }, data.policies))
      .toEqual([PRIORITY.code, 'RENVOI-EXPRESS', 'RETOUR-GRATUIT']);
  });

  test('drafts: a verified VIP gets the priority remedy in the shop\'s words; a non-VIP never does', async () => {
    const vip = await draft(vipOrder.customer_id, vipOrder.number, 'damaged_item');
    expect(vip.draft!.offers).toEqual([PRIORITY.code, 'RENVOI-EXPRESS', 'RETOUR-GRATUIT']);
    expect(vip.draft!.body).toContain(PRIORITY.description_fr);
    expect(vip.guardrails!.details.filter((d) => d.check === 'offer_not_allowed')).toEqual([]);

    for (const lang of ['fr', 'en'] as const) {
      const plain = await draft(plainOrder.customer_id, plainOrder.number, 'damaged_item', lang);
      expect(plain.draft!.offers).not.toContain(PRIORITY.code);
      expect(plain.draft!.body).not.toContain(lang === 'fr' ? PRIORITY.description_fr : PRIORITY.description_en);
    }
  });

  test('the check refuses the VIP remedy in a non-VIP\'s draft, and for an identity only claimed in the text', async () => {
    const plain = await draft(plainOrder.customer_id, plainOrder.number, 'damaged_item', 'en');
    const edited: EmailCase = { ...plain, draft: { ...plain.draft!, body: `${plain.draft!.body}\n\n${PRIORITY.description_en}.` } };
    const checked = await checkDraft(edited, deps);
    expect(checked.guardrails!.details).toContainEqual({ check: 'offer_not_allowed', message: 'REPARATION-PRIORITAIRE is reserved for VIP customers' });

    const claimed = await draft(vipOrder.customer_id, vipOrder.number, 'damaged_item', 'fr', 'claimed');
    expect(claimed.draft!.offers).not.toContain(PRIORITY.code);
  });
});

describe('the human-touch line (policy `vip.human_touch`)', () => {
  const touch = policy.vipHumanTouch!;

  test('a verified VIP\'s draft carries it before the signature, in the reply language', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const c = await draft(vipOrder.customer_id, vipOrder.number, 'damaged_item', lang);
      const line = lang === 'fr' ? touch.fr : touch.en;
      expect(c.draft!.body).toMatch(new RegExp(`${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\\n(Bien cordialement|Kind regards),`));
      expect(c.guardrails!.details.filter((d) => d.check !== 'offer_needs_approval' && d.check !== 'human_follow_up')).toEqual([]);
    }
  });

  test('nobody else\'s: not a non-VIP, not a claimed identity, not a template the policy leaves out', async () => {
    const plain = await draft(plainOrder.customer_id, plainOrder.number, 'damaged_item');
    expect(plain.draft!.body).not.toContain(touch.fr);
    const claimed = await draft(vipOrder.customer_id, vipOrder.number, 'damaged_item', 'fr', 'claimed');
    expect(claimed.draft!.body).not.toContain(touch.fr);
    expect(touch.templates).not.toContain('holding');
    const holding = await draft(vipOrder.customer_id, vipOrder.number, 'other');
    expect(holding.draft!.templateId).toBe('holding');
    expect(holding.draft!.body).not.toContain(touch.fr);
  });
});
