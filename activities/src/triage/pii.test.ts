import { findPii, ibanShapes, ibanValid, luhnValid, maskPii, nirValid, unmaskPii } from './pii';

const ctx = { senderAddress: 'jane.doe@gmail.com', shopAddress: 'support@shop.example', senderName: 'Jane Doe' };
const values = (text: string, type?: string): string[] =>
  findPii(text, ctx).filter((f) => !type || f.type === type).map((f) => f.value);

describe('findPii', () => {
  it('finds French phone numbers in their usual spellings', () => {
    expect(values('Appelez le 06 12 34 56 78, le 06.12.34.56.78, le 0612345678 ou le +33 6 12 34 56 78.', 'phone'))
      .toEqual(['06 12 34 56 78', '06.12.34.56.78', '0612345678', '+33 6 12 34 56 78']);
    expect(values('Standard : +33 (0)1 42 68 53 00', 'phone')).toEqual(['+33 (0)1 42 68 53 00']);
  });

  it('finds UK and international numbers', () => {
    expect(values('Office 020 7946 0018, mobile 07911 123456, +44 (0)7911 123456, 0044 20 7946 0018', 'phone'))
      .toEqual(['020 7946 0018', '07911 123456', '+44 (0)7911 123456', '0044 20 7946 0018']);
  });

  it('does not take order numbers, tracking numbers, IPs, dates or amounts for phones', () => {
    expect(values('Order CMD-10234, tracking 1Z999AA10123456784 and 6A123231891, host 192.0.2.1, on 12/05/2026, €1 234,56'))
      .toEqual([]);
  });

  it('lists personal addresses other than the sender and the shop, never role accounts', () => {
    expect(values('Write to paul.girard@wanadoo.fr or to me at jane.doe@gmail.com; not noreply@shop.example, not support@shop.example, not list-leave@lists.example', 'email'))
      .toEqual(['paul.girard@wanadoo.fr']);
  });

  it('finds French postal addresses on one line or several, keeping the line breaks', () => {
    expect(values('Livrez au 14 bis rue de la République, 13002 Marseille svp.', 'address'))
      .toEqual(['14 bis rue de la République, 13002 Marseille']);
    expect(values('Nouvelle adresse :\nBâtiment C, escalier 2\n3 place du Marché\n21000 Dijon\nMerci', 'address'))
      .toEqual(['Bâtiment C, escalier 2\n3 place du Marché\n21000 Dijon']);
  });

  it('finds UK postal addresses', () => {
    expect(values('Our office: 5 Station Road, Leeds LS1 4AB.', 'address')).toEqual(['5 Station Road, Leeds LS1 4AB']);
    expect(values('please send it to Unit 2, 40 Mill Street, Bristol BS1 5AB instead', 'address'))
      .toEqual(['Unit 2, 40 Mill Street, Bristol BS1 5AB']);
    expect(values('Jane Doe\n21 Baker Street\nLondon\nNW1 6XE', 'address')).toEqual(['21 Baker Street\nLondon\nNW1 6XE']);
  });

  it('keeps only IBANs whose mod-97 checksum holds', () => {
    expect(values('IBAN GB82 WEST 1234 5698 7654 32, DE89 3704 0044 0532 0130 00, not FR76 1027 8060 3100 0205 7140 115', 'iban'))
      .toEqual(['GB82 WEST 1234 5698 7654 32', 'DE89 3704 0044 0532 0130 00']);
  });

  it('keeps only card numbers that pass Luhn', () => {
    expect(values('Card 4111 1111 1111 1111 or 4111-1111-1111-1111, not 4111 1111 1111 1112', 'card'))
      .toEqual(['4111 1111 1111 1111', '4111-1111-1111-1111']);
  });

  it('finds a French NIR only when its key is right', () => {
    expect(values('Sécu : 2 84 05 75 112 345 28.', 'nir')).toEqual(['2 84 05 75 112 345 28']);
    expect(values('Sécu : 2 84 05 75 112 345 29.', 'nir')).toEqual([]);
  });

  it('takes a date as a birth date only in a birth context of the same sentence', () => {
    expect(values('My date of birth is 3 March 1990. Je suis née le 12 mai 1978. Delivered on 12/05/2026.', 'dob'))
      .toEqual(['3 March 1990', '12 mai 1978']);
  });

  it('lists third parties the writer names, not the writer', () => {
    expect(values('My husband, Paul Girard, ordered it. Ma voisine Jeanne Morel l\'a reçu. On behalf of Tom Baker. Jane Doe here.', 'name'))
      .toEqual(['Paul Girard', 'Jeanne Morel', 'Tom Baker']);
    expect(values('Le 12 nov. 2026 à 10:00, Marc Dupuis <marc.dupuis@free.fr> a écrit :\n> bonjour', 'name')).toEqual(['Marc Dupuis']);
    expect(values('On 3 Mar 2026, at 10:00, Jane Doe <jane.doe@gmail.com> wrote:', 'name')).toEqual([]);
  });
});

describe('checksums', () => {
  it('reads IBAN shapes whatever their checksum, spaced or not, and not shorter look-alikes', () => {
    const ibans = ['FR76 1027 8060 3100 0205 7140 115', 'GB82WEST12345698765432', 'DE89 3704 0044 0532 0130 00', 'NO93 8601 1117 947'];
    for (const t of ibans) expect(ibanShapes(`pay into ${t} please`)).toEqual([t]);
    // an order number, a phone, a hex message id, a French VAT number
    for (const t of ['CMD-10482', '06 12 34 56 78', 'DB7903CA57D6', 'FR41852369147']) expect(ibanShapes(t)).toEqual([]);
  });

  it('validate IBAN, Luhn and NIR', () => {
    expect(ibanValid('FR76 1027 8060 3100 0205 7140 114')).toBe(true);
    expect(ibanValid('FR76 1027 8060 3100 0205 7140 115')).toBe(false);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(luhnValid('4970101234567893')).toBe(true);
    expect(luhnValid('4970101234567894')).toBe(false);
    expect(nirValid('1 86 03 35 238 123 89')).toBe(true);
    expect(nirValid('2A 84 05 75 112 345 28')).toBe(false);
  });
});

describe('maskPii / unmaskPii', () => {
  it('replaces each value by a stable token and restores it', () => {
    const text = 'Call 06 12 34 56 78 or 06 12 34 56 78, card 4111 1111 1111 1111, my sister Lou Bel.';
    const findings = findPii(text, ctx);
    const { masked, tokens } = maskPii(text, findings);
    expect(masked).toBe('Call «PHONE_1» or «PHONE_1», card «CARD_1», my sister «NAME_1».');
    expect(unmaskPii(masked, tokens)).toBe(text);
  });
});

describe('findPii: more card and phone shapes', () => {
  it('reads 15-digit cards grouped 4-6-5 and numbers without separators', () => {
    expect(values('Amex 3782 822463 10005 and 4111111111111111', 'card')).toEqual(['3782 822463 10005', '4111111111111111']);
  });
  it('reads compact international numbers', () => {
    expect(values('WhatsApp +33612345678 or +1 (555) 123-4567', 'phone')).toEqual(['+33612345678', '+1 (555) 123-4567']);
  });
});

describe('findPii: addresses and birth dates in other shapes', () => {
  it('takes a lieu-dit or residence line as the street of a French address', () => {
    expect(values('Adresse :\nLieu-dit Les Granges\n24200 Sarlat', 'address')).toEqual(['Lieu-dit Les Granges\n24200 Sarlat']);
  });
  it('reads a UK address split over lines', () => {
    expect(values('27 Kensington Gardens\nLondon W2 4BH', 'address')).toEqual(['27 Kensington Gardens\nLondon W2 4BH']);
  });
  it('reads "the 3rd of March 1990" in a birth context', () => {
    expect(values('I was born on the 3rd of March 1990.', 'dob')).toEqual(['3rd of March 1990']);
  });
});

describe('findPii: third parties with titles', () => {
  it('reads a relation followed by a title or a parenthesis', () => {
    expect(values("C'est ma voisine, Mme Roux, qui l'a réceptionné.", 'name')).toEqual(['Mme Roux']);
    expect(values('My neighbour (Mrs Patel) signed for it.', 'name')).toEqual(['Mrs Patel']);
  });
});

describe('findPii: phones without a trunk prefix and short birth years', () => {
  it('takes a number without a leading 0 only after a phone word', () => {
    expect(values('Call me on (415) 555-0132. Mi móvil: 612 34 56 78. Order 733 21 08 44 is not a phone.', 'phone'))
      .toEqual(['(415) 555-0132', '612 34 56 78']);
  });
  it('reads a two-digit year in a birth context', () => {
    expect(values('DOB: 04/07/89', 'dob')).toEqual(['04/07/89']);
  });
});

describe('phones: nine-digit landlines with the trunk 0', () => {
  const phones = (text: string): string[] =>
    findPii(text, { senderAddress: 'a@b.example', shopAddress: 'support@shop.example', senderName: null })
      .filter((f) => f.type === 'phone').map((f) => f.value);
  it('reads Belgian landlines, not eight digits', () => {
    expect(phones('Mon fixe : 02 512 34 56, ou le 04 223 17 85.')).toEqual(['02 512 34 56', '04 223 17 85']);
    expect(phones('Code 04 22 31 78, lot 0 123 45.')).toEqual([]);
  });
});

describe('e-mail addresses written to dodge robots', () => {
  const emails = (text: string): string[] =>
    findPii(text, { senderAddress: 'a@b.example', shopAddress: 'support@shop.example', senderName: null })
      .filter((f) => f.type === 'email').map((f) => f.value);
  it('reads "(at)", "[at]" and "arobase" forms, not role addresses or the words "at" in a sentence', () => {
    expect(emails('Écrivez-lui : marc.dupre [at] wanadoo [dot] fr, ou nina.roy arobase free.fr')).toEqual(['marc.dupre [at] wanadoo [dot] fr', 'nina.roy arobase free.fr']);
    expect(emails('contact (at) firm.example; meet me at home.com later')).toEqual([]);
  });
});
