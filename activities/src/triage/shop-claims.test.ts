import type { OrderRecord } from '../domain/types';
import type { CarrierSegment } from '../mail/carriers';
import { contradictedShopClaims } from './shop-claims';

const TODAY = '2026-11-24';
const claims = (c: CarrierSegment[], clean: string, o: OrderRecord | null) => contradictedShopClaims(c, clean, o, TODAY);

const order = (o: Partial<OrderRecord>): OrderRecord => ({
  number: 'ORD-7001', customer_id: 'C1', ordered_at: '2026-11-20', status: 'processing', items: [], total: 59.9, currency: 'EUR', shipping_fee: 0, ...o,
});
const processing = order({});
const shipped = order({ status: 'shipped', shipped_at: '2026-11-21', carrier: 'UPS', tracking_number: '1Z123456789', estimated_delivery: '2026-11-25' });
const refunded = order({ status: 'refunded', shipped_at: '2026-10-01', delivered_at: '2026-10-03', tracking_number: 'JD123456789' });
const shopQuote = (text: string): CarrierSegment[] => [{ carrier: 'quoted_shop', text, attribution: 'Le lundi, Atelier Test <help@atelier-test.example> a écrit :' }];

test('a quoted "shipped" / "handed to the carrier" while the order is still being prepared is contradicted (EN, FR)', () => {
  expect(claims(shopQuote('Dear Kim,\nyour parcel was handed to the carrier today.'), 'Has it left?', processing))
    .toEqual(['quoted_shipment_contradicted']);
  expect(claims(shopQuote('Bonjour,\nVotre commande a bien été expédiée.'), 'Le numéro ?', processing))
    .toEqual(['quoted_shipment_contradicted']);
});

test('a statement reported in the sender\'s own words is checked the same way, up to a contrast', () => {
  expect(claims([], "On m'a dit au téléphone que mon colis était parti lundi. Où en est-il ?", processing))
    .toEqual(['reported_shipment_contradicted']);
  expect(claims([], 'You told me the refund had already been issued, but nothing has arrived.', shipped))
    .toEqual(['reported_refund_contradicted']);
  expect(claims([], 'Your colleague confirmed on the phone that it had been delivered, but there is nothing here.', shipped))
    .toEqual(['reported_delivery_contradicted']);
});

test('a tracking number that is not the order\'s is contradicted; the order\'s own is not', () => {
  expect(claims(shopQuote('Your order left our warehouse with UPS.\nTracking number: 1Z999999999'), '', shipped))
    .toEqual(['quoted_tracking_not_order']);
  expect(claims(shopQuote('Your order left our warehouse with UPS.\nTracking number: 1Z123456789'), '', shipped)).toEqual([]);
});

test('agreeing statements, futures, negations and statements about another order change nothing', () => {
  expect(claims(shopQuote('We confirm the refund of €59.90 for your order.'), 'When will it show?', refunded)).toEqual([]);
  expect(claims(shopQuote('We will email you as soon as your parcel ships.'), 'Has it shipped yet?', processing)).toEqual([]);
  // how a refund is processed, not that it was: a policy in the present tense
  expect(claims(shopQuote('Once we receive the parcel, the refund is processed within 5-7 business days.'), '', shipped)).toEqual([]);
  expect(claims(shopQuote("Votre commande n'a pas encore été expédiée : elle est en préparation."), 'Quand ?', processing)).toEqual([]);
  expect(claims([], "Vous m'avez dit que la commande serait expédiée sous 48 heures.", processing)).toEqual([]);
  expect(claims(shopQuote('Your order ORD-6999 has been shipped.'), 'And this one?', processing)).toEqual([]);
  expect(claims(shopQuote('Your parcel was handed to the carrier today.'), '', null)).toEqual([]);
  // a shipment or delivery said of something else than the order
  expect(claims(shopQuote('Bonjour,\nVotre demande a bien été envoyée à notre service.'), '', processing)).toEqual([]);
});

test('a refund above all the order cost, a shipment before the order, a delivery before the shipment are contradicted', () => {
  const refundedOrder = order({ status: 'refunded', total: 156.9, shipped_at: '2026-10-07', delivered_at: '2026-10-09' });
  expect(claims(shopQuote('We confirm the refund of €250.00 for your order.'), '', refundedOrder)).toEqual(['quoted_amount_contradicted']);
  expect(claims(shopQuote('Nous vous confirmons le remboursement de 44,90 € pour l\'article retourné.'), '', refundedOrder)).toEqual([]);
  const delivered = order({ status: 'delivered', ordered_at: '2026-11-11', shipped_at: '2026-11-13', delivered_at: '2026-11-19' });
  expect(claims(shopQuote('Your order was delivered on 12 November 2026 by UPS.'), '', delivered)).toEqual(['quoted_date_contradicted']);
  expect(claims(shopQuote('Votre commande a été expédiée le 10/11/2026 avec UPS.'), '', delivered)).toEqual(['quoted_date_contradicted']);
  expect(claims(shopQuote('Your order was delivered on Thursday 19 November.'), '', delivered)).toEqual([]);
  // a later date in the sentence is not the claim's: "shipped on the 13th, arriving on the 30th"
  expect(claims(shopQuote('Your order was shipped on 13 November and should arrive on 30 November.'), '', delivered)).toEqual([]);
});
