import type { OrderRecord } from '../domain/types';
import { otherFormatReferences, speaksOfSomeoneElsesOrder } from './order-others';

const FMT = { prefix: 'ORD', digits: 4 };
const order = (number: string): OrderRecord => ({
  number, customer_id: 'K9', ordered_at: '2026-02-01', status: 'shipped', items: [], total: 20, currency: 'EUR', shipping_fee: 5,
});
const own = [order('ORD-8001'), order('ORD-8002')];

describe('speaksOfSomeoneElsesOrder: an order placed by someone else, or goods that are not the writer\'s', () => {
  it('reads a relative or neighbour who ordered, their own account, a parcel addressed to them, goods not the writer\'s', () => {
    expect(speaksOfSomeoneElsesOrder('My dad bought one of your toasters last week and cannot find the tracking.')).toBe(true);
    expect(speaksOfSomeoneElsesOrder('Ma voisine a commandé une théière, elle ne sait pas la suivre.')).toBe(true);
    expect(speaksOfSomeoneElsesOrder('She ordered it on her own account.')).toBe(true);
    expect(speaksOfSomeoneElsesOrder('Un colis adressé à mon voisin a été déposé chez moi.')).toBe(true);
    expect(speaksOfSomeoneElsesOrder('A box turned up here but it is not mine, wrong name on the label.')).toBe(true);
    expect(speaksOfSomeoneElsesOrder("Ce carton n'est vraiment pas à moi.")).toBe(true);
  });
  it('reads whoever "my …" is as someone else when they ordered, a parcel in a titled name, an order said not theirs', () => {
    expect(speaksOfSomeoneElsesOrder('My fiancée ordered a toaster on her account.')).toBe(true);
    expect(speaksOfSomeoneElsesOrder('Mon beau-père a passé commande la semaine dernière.')).toBe(true);
    expect(speaksOfSomeoneElsesOrder('Un colis au nom de Mme Perrin est arrivé chez moi.')).toBe(true);
    expect(speaksOfSomeoneElsesOrder("Ce n'est pas ma commande, je n'ai rien acheté.")).toBe(true);
  });
  it('does not read the writer among those who ordered, goods as a person, or a lost order as someone else\'s', () => {
    expect(speaksOfSomeoneElsesOrder('My wife and I ordered two teapots.')).toBe(false);
    expect(speaksOfSomeoneElsesOrder('My kettle I bought in May has stopped working.')).toBe(false);
    expect(speaksOfSomeoneElsesOrder('Je ne trouve pas ma commande dans mon compte.')).toBe(false);
    expect(speaksOfSomeoneElsesOrder('Ma théière a été livrée cassée.')).toBe(false);
    expect(speaksOfSomeoneElsesOrder('My recently ordered kettle has not turned up.')).toBe(false);
  });
  it('does not read the writer\'s own order, a relative named in passing, or an order placed for the writer', () => {
    expect(speaksOfSomeoneElsesOrder('I ordered a teapot for my mother, where is it?')).toBe(false);
    expect(speaksOfSomeoneElsesOrder('Mon mari sera là pour réceptionner le colis.')).toBe(false);
    expect(speaksOfSomeoneElsesOrder('My husband ordered the toaster for me on my account; it has not arrived.')).toBe(false);
    expect(speaksOfSomeoneElsesOrder('The kettle is great, my son loves it.')).toBe(false);
  });
  it('reads a present the writer received as bought by the giver (a gift received)', () => {
    expect(speaksOfSomeoneElsesOrder("Ma sœur m'a offert un blender acheté chez vous et le bol est fêlé.")).toBe(true);
    expect(speaksOfSomeoneElsesOrder("J'ai votre robot (offert par ma belle-sœur) et le fouet se tord.")).toBe(true);
    expect(speaksOfSomeoneElsesOrder('My uncle bought me your espresso machine for Christmas and it leaks.')).toBe(true);
    expect(speaksOfSomeoneElsesOrder('The teapot was a birthday present from a friend; does it go on induction?')).toBe(true);
    expect(speaksOfSomeoneElsesOrder("C'est lui qui a passé la commande, moi je n'ai que le colis.")).toBe(true);
  });
  it('does not read a present the writer gives, or a gift besides their own order, as someone else\'s order', () => {
    expect(speaksOfSomeoneElsesOrder("J'ai commandé la théière pour l'offrir à ma sœur : est-elle partie ?")).toBe(false);
    expect(speaksOfSomeoneElsesOrder('I bought my mum a toaster as a present; when will it arrive?')).toBe(false);
    expect(speaksOfSomeoneElsesOrder("On m'a offert le même grille-pain, je voudrais renvoyer celui que j'ai commandé.")).toBe(false);
    // a present beside the writer's own purchase: their own orders stay evidence
    expect(speaksOfSomeoneElsesOrder('I grabbed two grinders a few weeks back; my brother-in-law already gave me one for my birthday. How long to send the spare back?')).toBe(false);
    expect(speaksOfSomeoneElsesOrder('My aunt gave me the teapot for Christmas, is it dishwasher safe?')).toBe(true);
  });
});

describe('otherFormatReferences: an order reference in another format, the writer\'s by its digits or another shop\'s', () => {
  it('takes the writer\'s order written with another prefix', () => {
    expect(otherFormatReferences('Re my order ref. ML-8002, is it due this week?', own, FMT)).toEqual({ own: [own[1]], foreign: [] });
  });
  it('reads another shop\'s or a marketplace\'s reference as no order of the writer\'s', () => {
    expect(otherFormatReferences('Your order #KC-10594 is confirmed', own, FMT).foreign).toHaveLength(1);
    expect(otherFormatReferences('a message about order 402-8834120-5531907', own, FMT).foreign).toHaveLength(1);
  });
  it('leaves the shop\'s own prefix, one letter off it, bare numbers, dates, amounts and SKUs to other readers', () => {
    for (const text of ['order ORD-8001', 'commande OED-8001', 'order 8001', 'commande de 329 €', 'my order 2026-11-10',
      'order SKU-1007', 'commande du 6 novembre']) {
      expect(otherFormatReferences(text, own, FMT)).toEqual({ own: [], foreign: [] });
    }
  });
});
