import { orderReferredByPlace, setsAsideThread, unsettledOrders, type NamedOrder } from './order-topic';

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

  it('keeps an order said to have arrived fine when the writer goes on about it ("arrived fine, but …")', () => {
    const text = 'A-1 arrived fine on time, but the grinder in it is cracked. I also have A-2 on the way.';
    expect(unsettledOrders(text, named(text, 'A-1', 'A-2'))).toBeNull();
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

describe('orderReferredByPlace: "la seconde", "the latter" after the orders named', () => {
  it('finds the order by its place, in either language', () => {
    const fr = "J'ai deux commandes, la A-1 et la A-2. La seconde devait arriver samedi.";
    expect(orderReferredByPlace(fr, named(fr, 'A-1', 'A-2'))).toBe('A-2');
    const first = 'A-1 (thé) et A-2 (cocotte). Pour la première, cela fait une semaine. Et si la seconde arrive, tant mieux.';
    expect(orderReferredByPlace(first, named(first, 'A-1', 'A-2'))).toBe('A-1');
    const en = 'About A-1 and A-2: the latter is due today, is it out for delivery?';
    expect(orderReferredByPlace(en, named(en, 'A-1', 'A-2'))).toBe('A-2');
  });

  it('does not read a first time, a second week or a single order as a reference', () => {
    const time = "A-1 et A-2 : c'est la première fois que j'attends autant.";
    expect(orderReferredByPlace(time, named(time, 'A-1', 'A-2'))).toBeNull();
    const week = 'A-1 and A-2 are late, the second week running.';
    expect(orderReferredByPlace(week, named(week, 'A-1', 'A-2'))).toBeNull();
    const one = 'A-1: the second parcel never came.';
    expect(orderReferredByPlace(one, named(one, 'A-1'))).toBeNull();
  });
});

describe('setsAsideThread: a reply whose new text is about something else than its thread', () => {
  it('reads it in either language', () => {
    expect(setsAsideThread("It's about my new order this time, not the scale one below. Has it been posted?")).toBe(true);
    expect(setsAsideThread("Autre sujet que celui d'en dessous : mon retour d'août n'est pas remboursé.")).toBe(true);
    expect(setsAsideThread('Rien à voir avec la commande ci-dessous : la cocotte va-t-elle au four ?')).toBe(true);
    expect(setsAsideThread('A different order this time: the kettle.')).toBe(true);
    expect(setsAsideThread("Great, that's settled. Separate query: do gift cards expire?")).toBe(true);
    expect(setsAsideThread('Parfait. Question sans rapport : livrez-vous en Belgique ?')).toBe(true);
  });
  it('not a reply about its own thread', () => {
    expect(setsAsideThread('Merci, et pouvez-vous aussi m\'envoyer la facture de cette commande ?')).toBe(false);
    expect(setsAsideThread('Thanks - any news on the order below?')).toBe(false);
    expect(setsAsideThread('Another question on this one: can it be left with a neighbour?')).toBe(false);
  });
});
