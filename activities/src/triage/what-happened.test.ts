import { classify, modelText, type ClassifyInput } from './classify';
import { orderMark } from './intent-features';
import { testPolicy } from './test-support/fixtures';

// what has already happened (a return received, money come back, a charge taken twice) tells close intents apart
const policy = testPolicy();
const input = (clean: string, more: Partial<ClassifyInput> = {}): ClassifyInput => ({
  subject: '', clean, quoted: '', hidden: '', machineKind: null, daysLate: null, accountTakeover: false, ...more,
});
const intentOf = (clean: string, more: Partial<ClassifyInput> = {}) => classify(input(clean, more), policy).intent;

describe('a return the shop has received: talk of the return is about its refund', () => {
  const texts = [
    'Hello, I sent the kettle back last week and the tracking says you have it. What happens next?',
    "Bonjour, j'ai renvoyé la cocotte la semaine dernière, le suivi indique que vous l'avez. Et maintenant ?",
  ];
  it.each(texts)('%s', (t) => {
    expect(intentOf(t, { orderStatus: 'returned' })).toBe('refund_status');
  });
  it('the same words about a delivered order stay a return question', () => {
    expect(intentOf('Hi, how do I return the kettle? It does not suit me.', { orderStatus: 'delivered' })).toBe('return_request');
  });
  it('a refunded order is not a returned one (the refund made answers)', () => {
    expect(intentOf('Hi, how do I return the kettle? It does not suit me.', { orderStatus: 'refunded', orderRefunded: true })).not.toBe('refund_status');
  });
});

describe('money come back on an order the shop refunded is the refund made', () => {
  it.each([
    'My bank statement shows a credit from your shop but not the amount. How much did you send back?',
    'Sur mon relevé bancaire je vois un crédit de votre boutique, mais le montant est coupé. Vous pouvez me le confirmer ?',
  ])('%s', (t) => {
    expect(intentOf(t, { orderRefunded: true, orderStatus: 'refunded' })).toBe('refund_status');
  });
  it('a charge taken twice stays a payment problem even on a refunded order', () => {
    expect(intentOf('My statement shows I was charged twice for this order, and I only see one credit.', { orderRefunded: true, orderStatus: 'refunded' }))
      .toBe('payment_issue');
  });
  it('a credit on an order not refunded changes nothing', () => {
    expect(intentOf('My bank statement shows a credit from your shop but not the amount.', { orderStatus: 'delivered' })).toBe('payment_issue');
  });
});

describe('a charge wrong by its count or its moment is a payment problem, even asked back as a refund', () => {
  it.each([
    'I can see two charges of 45 euros from your shop on my card for one order. Could you refund the extra one?',
    'There is a duplicate payment for my order on my account, please look into it.',
    "Je vois deux prélèvements de 45 € sur mon compte alors que je n'ai passé qu'une commande. Pouvez-vous me rembourser ?",
    "On m'a prélevé en double pour la même commande, merci de vérifier.",
    'I cancelled the order on Monday and you confirmed it, but my card was still charged. Please sort it out.',
    "J'ai annulé la commande la semaine dernière mais le montant a quand même été débité sur ma carte.",
  ])('%s', (t) => {
    expect(intentOf(t)).toBe('payment_issue');
  });
});

describe('the order mark the trained heads read says the return arrived', () => {
  it('returned, not refunded: __returned__; refunded wins; no status: the parcel marks as before', () => {
    expect(orderMark(null, false, 'returned')).toBe('returned');
    expect(orderMark(null, true, 'returned')).toBe('refunded');
    expect(orderMark(2, false, 'shipped')).toBe('late');
    expect(orderMark(null, false)).toBeNull();
    expect(modelText(input('Any news?', { orderStatus: 'returned' }))).toMatch(/\n__returned__$/);
  });
});
