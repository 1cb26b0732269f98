import { unsettledOrders, type NamedOrder } from './order-topic';

/** The orders a text names, found by their written form. */
const named = (text: string, ...numbers: string[]): NamedOrder[] =>
  numbers.map((n) => ({ number: n, index: text.indexOf(n), length: n.length }));

describe('unsettledOrders: the orders a text names that it does not say are settled', () => {
  it('drops an order said to have arrived or been refunded fine, in either language', () => {
    const en = "Thanks for sorting the refund on A-1, that came through fine. Different story with A-2 though: nothing yet.";
    expect(unsettledOrders(en, named(en, 'A-1', 'A-2'))).toEqual(['A-2']);
    const fr = 'La commande 1001 est bien arrivée, rien à signaler. Par contre il me faudrait la facture de la 1002.';
    expect(unsettledOrders(fr, named(fr, '1001', '1002'))).toEqual(['1002']);
  });

  it('reads the words of each order only, up to the next one ("A-1 arrived fine but A-2 did not")', () => {
    const text = 'A-1 arrived fine but A-2 did not, where is it?';
    expect(unsettledOrders(text, named(text, 'A-1', 'A-2'))).toEqual(['A-2']);
  });

  it('chooses nothing when no order, or every order, is said to be settled', () => {
    const none = "A-1 est en retard et A-2 n'est pas partie.";
    expect(unsettledOrders(none, named(none, 'A-1', 'A-2'))).toBeNull();
    const all = 'A-1 arrived safely. A-2 arrived safely too.';
    expect(unsettledOrders(all, named(all, 'A-1', 'A-2'))).toBeNull();
    const single = 'A-1 arrived fine, thanks.';
    expect(unsettledOrders(single, named(single, 'A-1'))).toBeNull();
  });

  it('does not take a negated or asked settlement for one', () => {
    const negated = "La 1001 n'est pas bien arrivée, la 1002 non plus.";
    expect(unsettledOrders(negated, named(negated, '1001', '1002'))).toBeNull();
    const asked = 'Is A-1 all sorted? And where is A-2?';
    expect(unsettledOrders(asked, named(asked, 'A-1', 'A-2'))).toBeNull();
  });
});
