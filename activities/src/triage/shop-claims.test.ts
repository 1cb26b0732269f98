import type { OrderRecord } from '../domain/types';
import type { CarrierSegment } from '../mail/carriers';
import { contradictedShopClaims } from './shop-claims';

const order = (o: Partial<OrderRecord>): OrderRecord => ({
  number: 'ORD-7001', customer_id: 'C1', ordered_at: '2026-11-20', status: 'processing', items: [], total: 59.9, currency: 'EUR', shipping_fee: 0, ...o,
});
const processing = order({});
const shipped = order({ status: 'shipped', shipped_at: '2026-11-21', carrier: 'UPS', tracking_number: '1Z123456789', estimated_delivery: '2026-11-25' });
const refunded = order({ status: 'refunded', shipped_at: '2026-10-01', delivered_at: '2026-10-03', tracking_number: 'JD123456789' });
const shopQuote = (text: string): CarrierSegment[] => [{ carrier: 'quoted_shop', text, attribution: 'Le lundi, Atelier Test <help@atelier-test.example> a écrit :' }];

test('a quoted "shipped" / "handed to the carrier" while the order is still being prepared is contradicted (EN, FR)', () => {
  expect(contradictedShopClaims(shopQuote('Dear Kim,\nyour parcel was handed to the carrier today.'), 'Has it left?', processing))
    .toEqual(['quoted_shipment_contradicted']);
  expect(contradictedShopClaims(shopQuote('Bonjour,\nVotre commande a bien été expédiée.'), 'Le numéro ?', processing))
    .toEqual(['quoted_shipment_contradicted']);
});

test('a statement reported in the sender\'s own words is checked the same way, up to a contrast', () => {
  expect(contradictedShopClaims([], "On m'a dit au téléphone que mon colis était parti lundi. Où en est-il ?", processing))
    .toEqual(['reported_shipment_contradicted']);
  expect(contradictedShopClaims([], 'You told me the refund had already been issued, but nothing has arrived.', shipped))
    .toEqual(['reported_refund_contradicted']);
  expect(contradictedShopClaims([], 'Your colleague confirmed on the phone that it had been delivered, but there is nothing here.', shipped))
    .toEqual(['reported_delivery_contradicted']);
});

test('a tracking number that is not the order\'s is contradicted; the order\'s own is not', () => {
  expect(contradictedShopClaims(shopQuote('Your order left our warehouse with UPS.\nTracking number: 1Z999999999'), '', shipped))
    .toEqual(['quoted_tracking_not_order']);
  expect(contradictedShopClaims(shopQuote('Your order left our warehouse with UPS.\nTracking number: 1Z123456789'), '', shipped)).toEqual([]);
});

test('agreeing statements, futures, negations and statements about another order change nothing', () => {
  expect(contradictedShopClaims(shopQuote('We confirm the refund of €59.90 for your order.'), 'When will it show?', refunded)).toEqual([]);
  expect(contradictedShopClaims(shopQuote('We will email you as soon as your parcel ships.'), 'Has it shipped yet?', processing)).toEqual([]);
  // how a refund is processed, not that it was: a policy in the present tense
  expect(contradictedShopClaims(shopQuote('Once we receive the parcel, the refund is processed within 5-7 business days.'), '', shipped)).toEqual([]);
  expect(contradictedShopClaims(shopQuote("Votre commande n'a pas encore été expédiée : elle est en préparation."), 'Quand ?', processing)).toEqual([]);
  expect(contradictedShopClaims([], "Vous m'avez dit que la commande serait expédiée sous 48 heures.", processing)).toEqual([]);
  expect(contradictedShopClaims(shopQuote('Your order ORD-6999 has been shipped.'), 'And this one?', processing)).toEqual([]);
  expect(contradictedShopClaims(shopQuote('Your parcel was handed to the carrier today.'), '', null)).toEqual([]);
  // a shipment or delivery said of something else than the order
  expect(contradictedShopClaims(shopQuote('Bonjour,\nVotre demande a bien été envoyée à notre service.'), '', processing)).toEqual([]);
});
