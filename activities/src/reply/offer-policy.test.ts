import type { OrderRecord } from '../domain/types';
import { findOfferMentions, judgeOffer, offersToPropose } from './offer-policy';
import { readShopFile } from './test-support/fixture-shop';

const data = readShopFile();
const policies = data.policies;
const today = data.today; // 2026-11-24
const order = (estimated: string, extra: Partial<OrderRecord> = {}): OrderRecord =>
  ({ ...data.orders.find((o) => o.number === 'CMD-10234')!, estimated_delivery: estimated, delivered_at: null, ...extra });

describe('GESTE10: more than 5 days past the estimate, once a year', () => {
  test('5 days late: not allowed; 6 days late: allowed', () => {
    expect(judgeOffer('GESTE10', { intent: 'delivery_delay', order: order('2026-11-19'), today, history: [] }, policies).allowed).toBe(false);
    expect(judgeOffer('GESTE10', { intent: 'delivery_delay', order: order('2026-11-18'), today, history: [] }, policies).allowed).toBe(true);
  });

  test('delivered late counts the delay to the delivery date', () => {
    const late = order('2026-11-01', { delivered_at: '2026-11-05', status: 'delivered' });
    expect(judgeOffer('GESTE10', { intent: 'delivery_delay', order: late, today, history: [] }, policies).allowed).toBe(false);
    const veryLate = order('2026-11-01', { delivered_at: '2026-11-09', status: 'delivered' });
    expect(judgeOffer('GESTE10', { intent: 'delivery_delay', order: veryLate, today, history: [] }, policies).allowed).toBe(true);
  });

  test('already granted within 365 days: refused; longer ago: allowed again', () => {
    const c = { intent: 'delivery_delay' as const, order: order('2026-11-10'), today };
    expect(judgeOffer('GESTE10', { ...c, history: [{ code: 'GESTE10', at: '2026-03-02' }] }, policies)).toMatchObject({ allowed: false, reason: expect.stringContaining('once a year') });
    expect(judgeOffer('GESTE10', { ...c, history: [{ code: 'GESTE10', at: '2025-11-01' }] }, policies).allowed).toBe(true);
  });

  test('no verified order: never', () => {
    expect(judgeOffer('GESTE10', { intent: 'delivery_delay', order: null, today, history: [] }, policies).allowed).toBe(false);
  });
});

describe('remedies and unknown codes', () => {
  test('damaged → express re-shipment and prepaid label; missing → re-shipment; change of mind → nothing', () => {
    const base = { order: order('2026-11-20'), today, history: [] };
    expect(offersToPropose({ ...base, intent: 'damaged_item' }, policies)).toEqual(['RENVOI-EXPRESS', 'RETOUR-GRATUIT']);
    expect(offersToPropose({ ...base, intent: 'missing_item' }, policies)).toEqual(['RENVOI-EXPRESS']);
    expect(offersToPropose({ ...base, intent: 'refund_request' }, policies)).toEqual([]);
    expect(judgeOffer('RETOUR-GRATUIT', { ...base, intent: 'return_request' }, policies).allowed).toBe(false);
    expect(judgeOffer('BIENVENUE20', { ...base, intent: 'delivery_delay' }, policies)).toMatchObject({ allowed: false, reason: 'BIENVENUE20 is not an approved offer' });
  });

  test('offers are recognised by code, approved description or paraphrase; other gestures are flagged', () => {
    const codes = (t: string) => findOfferMentions(t, policies).map((m) => m.code ?? `?${m.text}`);
    expect(codes('Voici une étiquette de retour prépayée.')).toEqual(['RETOUR-GRATUIT']);
    expect(codes('We will send a free express re-shipment.')).toEqual(['RENVOI-EXPRESS']);
    expect(codes("Un bon d'achat de 10 % avec le code geste10")).toEqual(['GESTE10']);
    expect(codes('Here is a discount code.')).toEqual(['?discount code']);
    expect(codes('Nous vous offrons un code promo')).toEqual(['?code promo']);
    expect(codes("Votre commande CMD-10234 a été expédiée avec UPS.")).toEqual([]);
  });
});
