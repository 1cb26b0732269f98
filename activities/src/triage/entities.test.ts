import {
  claimedNames, findAmounts, findDates, findOrderNumbers, findPastDays, findPastPeriods, findTrackingNumbers, numberedAsOtherThing, oneCharAway,
  signatureName,
} from './entities';

describe('findOrderNumbers', () => {
  const fmt = { prefix: 'CMD', digits: 5 };
  it('tolerates case, spacing and separators and gives the canonical number', () => {
    const found = findOrderNumbers('cmd 10234, CMD–10241, CMD#10247, Cmd-1 0 2 5 3 and CMD-10234 again', fmt);
    expect(found.map((f) => f.number)).toEqual(['CMD-10234', 'CMD-10241', 'CMD-10247', 'CMD-10253']);
  });
  it('reads bare numbers after an order word', () => {
    expect(findOrderNumbers('ma commande n° 10234 et order #10241', fmt).map((f) => f.number)).toEqual(['CMD-10234', 'CMD-10241']);
  });
  it('ignores other codes and numbers without the prefix', () => {
    expect(findOrderNumbers('tracking 1Z102345678, phone 0612345678, réf 102345', fmt)).toEqual([]);
  });
  it('keeps a prefixed number with one digit too few or too many as written, to be checked', () => {
    expect(findOrderNumbers('Ma commande CMD-1037 ?', fmt).map((f) => f.number)).toEqual(['CMD-1037']);
    expect(findOrderNumbers('Order cmd 102345, thanks', fmt).map((f) => f.number)).toEqual(['CMD-102345']);
    expect(findOrderNumbers('CMD-1023456 and CMD-102', fmt)).toEqual([]);
  });
  it('reads one look-alike letter in the digits as the digit it stands for', () => {
    expect(findOrderNumbers('Ma commande CMD-1O562 est bloquée', fmt).map((f) => f.number)).toEqual(['CMD-10562']);
    expect(findOrderNumbers('order cmd l0771 please, and CMD-2O48I too', fmt).map((f) => f.number)).toEqual(['CMD-10771']);
  });
  it('never makes a number of a letter that starts a word or of two look-alikes', () => {
    expect(findOrderNumbers('cmd 1023 ok merci', fmt).map((f) => f.number)).toEqual(['CMD-1023']); // as written, never 'CMD-10230'
    expect(findOrderNumbers('CMD-1O23Oz', fmt)).toEqual([]);
    expect(findOrderNumbers('the CMD-1023l, is it yours?', fmt).map((f) => f.number)).toEqual(['CMD-10231']);
  });
});

describe('findPastDays', () => {
  const today = '2026-05-14'; // a Thursday
  it('reads yesterday, days ago and a past weekday (FR/EN)', () => {
    expect(findPastDays("J'ai commandé hier soir", today)).toEqual(['2026-05-13']);
    expect(findPastDays('I placed it the day before yesterday', today)).toEqual(['2026-05-12']);
    expect(findPastDays('commandé il y a trois jours', today)).toEqual(['2026-05-11']);
    expect(findPastDays('ordered 9 days ago', today)).toEqual(['2026-05-05']);
    expect(findPastDays('ma commande de lundi dernier', today)).toEqual(['2026-05-11']);
    expect(findPastDays('my order from last Thursday', today)).toEqual(['2026-05-07']);
    expect(findPastDays("passée ce matin", today)).toEqual(['2026-05-14']);
    expect(findPastDays('ma commande du 9, toujours rien', today)).toEqual(['2026-05-09']);
    expect(findPastDays('the order I placed on the 20th', today)).toEqual(['2026-04-20']);
  });
  it('reads a weekday with its day of the month as the latest past day that is both', () => {
    expect(findPastDays('the order I placed on Monday the 4th', today)).toEqual(['2026-05-04']);
    expect(findPastDays('ma commande du lundi 13', today)).toEqual(['2026-04-13']);
    expect(findPastDays('commandé le jeudi 14', today)).toEqual(['2026-05-14']);
  });
  it('gives no day for a day to come or no day at all', () => {
    expect(findPastDays('livraison prévue vendredi prochain', today)).toEqual([]);
    expect(findPastDays('will it come next Monday?', today)).toEqual([]);
    expect(findPastDays('could it come next Monday the 18th?', today)).toEqual([]);
    expect(findPastDays('livrable lundi 18 prochain ?', today)).toEqual([]);
    expect(findPastDays('Merci pour votre aide', today)).toEqual([]);
    expect(findPastDays('le 12 mai, on 2 days, du 10 %, le 2 x 250 ml', today)).toEqual([]);
  });
});

describe('findTrackingNumbers', () => {
  it('lists parcel-number candidates, upper case, without order numbers, words or short codes', () => {
    expect(findTrackingNumbers('Colis xy123456789 (ou 6A998877665 ?), commande CMD-10234, réf. AB12, code 2026, 1Z999AA10123456784'))
      .toEqual(['XY123456789', '6A998877665', '1Z999AA10123456784']);
    expect(findTrackingNumbers('Merci beaucoup pour votre aide')).toEqual([]);
  });
  it('joins a number written in groups, as read off a label, after the single tokens', () => {
    expect(findTrackingNumbers('Suivi : AB 123 456 789, sinon le 9Z-4455-6677-12')).toEqual(['AB123456789', '9Z4455667712']);
    expect(findTrackingNumbers('tracking 5K998877665 or JQ 102 938 475?')).toEqual(['5K998877665', 'JQ102938475']);
  });
  it('never joins words, or an order number with its prefix apart, into a parcel number', () => {
    expect(findTrackingNumbers('le colis 12 est parti, commande CMD 102945, prix 45.90')).toEqual([]);
    expect(findTrackingNumbers('mon suivi de colis ne marche pas')).toEqual([]);
  });
});

describe('oneCharAway', () => {
  it('is one substitution or one adjacent swap', () => {
    expect(oneCharAway('CMD-10389', 'CMD-10380')).toBe(true);
    expect(oneCharAway('CMD-10389', 'CMD-10398')).toBe(true);
    expect(oneCharAway('CMD-10977', 'CMD-10787')).toBe(false);
    expect(oneCharAway('CMD-10380', 'CMD-10380')).toBe(false);
    expect(oneCharAway('CMD-1038', 'CMD-10380')).toBe(true);
    expect(oneCharAway('CMD-103800', 'CMD-10380')).toBe(true);
    expect(oneCharAway('CMD-1039', 'CMD-10380')).toBe(false);
  });
});

describe('findAmounts', () => {
  it('reads FR and EN money formats', () => {
    expect(findAmounts('€50.70, 27,80 €, 189 €, £12, 1 234,50 euros, $99').map((a) => [a.value, a.currency])).toEqual([
      [50.7, 'EUR'], [27.8, 'EUR'], [189, 'EUR'], [12, 'GBP'], [1234.5, 'EUR'], [99, 'USD'],
    ]);
  });
});

describe('findDates', () => {
  it('reads numeric and month-name dates in FR and EN', () => {
    expect(findDates('le 20 octobre, on 3rd March 2025, November 19, 12/05/2026', '2026-11-24').map((d) => d.iso))
      .toEqual(['2026-10-20', '2025-03-03', '2026-11-19', '2026-05-12']);
  });
});

describe('claimed identity', () => {
  it('reads self-introductions and signed names', () => {
    expect(claimedNames('Hello, this is Emily Stone. Je suis Jeanne Roux.')).toEqual(['Emily Stone', 'Jeanne Roux']);
    expect(signatureName('Merci,\nJeanne Roux')).toBe('Jeanne Roux');
    expect(signatureName('Merci pour tout')).toBeNull();
  });
});

describe('numbers and periods written in other habits (challenge-orders-8 kinds)', () => {
  const fmt = { prefix: 'CMD', digits: 5 };
  it('reads no order number after the name of another numbered thing', () => {
    expect(findOrderNumbers('Following up on ticket #48213, and my order #10241', fmt).map((f) => f.number)).toEqual(['CMD-10241']);
    expect(findOrderNumbers("Suite à mon appel (dossier n° 20417) et à la commande n° 10234", fmt).map((f) => f.number)).toEqual(['CMD-10234']);
    expect(findOrderNumbers('my customer number 10245; suivi de commande 10253', fmt).map((f) => f.number)).toEqual(['CMD-10253']);
    expect(findOrderNumbers('they gave me a case number (No. 55120) for order no. 10234', fmt).map((f) => f.number)).toEqual(['CMD-10234']);
  });
  it('reads the euro sign as a decimal mark', () => {
    expect(findAmounts('débité deux fois de 148€80, puis 27,80 €').map((a) => a.value)).toEqual([148.8, 27.8]);
    expect(findAmounts('10€ 15 fois').map((a) => a.value)).toEqual([10]);
  });
  it('gives the past periods a text names, relative to today (a Tuesday)', () => {
    const today = '2026-11-24';
    expect(findPastPeriods('le carton reçu ce week-end', today)).toEqual([{ from: '2026-11-21', to: '2026-11-22' }]);
    expect(findPastPeriods('the box that turned up late last week', today)).toEqual([{ from: '2026-11-16', to: '2026-11-22' }]);
    expect(findPastPeriods("ma commande du mois dernier", today)).toEqual([{ from: '2026-10-01', to: '2026-10-31' }]);
    expect(findPastPeriods('earlier this week', today)).toEqual([{ from: '2026-11-23', to: '2026-11-24' }]);
    expect(findPastPeriods('la semaine prochaine, next week', today)).toEqual([]);
  });
});

describe('numberedAsOtherThing: a number a code, a case or a return label carries (challenge-orders-12 kinds)', () => {
  const at = (text: string, n: string): boolean => numberedAsOtherThing(text, text.indexOf(n));
  it('reads the thing named before the number in its clause', () => {
    expect(at('Le casier me refuse le code reçu par texto : 55102.', '55102')).toBe(true);
    expect(at('They gave me a case reference over the phone, 55102, any news?', '55102')).toBe(true);
    expect(at('ticket n° 55102', '55102')).toBe(true);
  });
  it('not when an order word comes after the thing, nor for an invoice of an order', () => {
    expect(at('Mon code promo a marché pour la commande 55102.', '55102')).toBe(false);
    expect(at('Could you resend the invoice for 55102?', '55102')).toBe(false);
    expect(at('The code failed. Order 55102 went through anyway.', '55102')).toBe(false);
  });
});
