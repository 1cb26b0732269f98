import { findPii } from './pii';

const ctx = { senderAddress: 'alex.morin@example.org', shopAddress: 'support@shop.example', senderName: 'Alex Morin' };
const addresses = (text: string): string[] => findPii(text, ctx).filter((f) => f.type === 'address').map((f) => f.value);

describe('postal addresses as one span', () => {
  it('keeps a French block over several lines, complements included, the name line and the country apart', () => {
    expect(addresses('Merci de livrer chez mon frère :\nThomas Morin\nAppartement 14, 2e étage\n7 impasse des Cerisiers\n31500 Toulouse\nFrance\n\nBonne journée'))
      .toEqual(['Appartement 14, 2e étage\n7 impasse des Cerisiers\n31500 Toulouse\nFrance']);
    expect(addresses("Le colis est parti au 45, avenue Foch, 06000 Nice au lieu d'ici."))
      .toEqual(['45, avenue Foch, 06000 Nice']);
    expect(addresses('ZI des Vignes, 8 rue de la Forge\n33700 Mérignac Cedex'))
      .toEqual(['ZI des Vignes, 8 rue de la Forge\n33700 Mérignac Cedex']);
  });

  it('reads Belgian and Swiss addresses, street first and number after', () => {
    expect(addresses('Mon adresse : Rue de la Station 12, 1050 Ixelles, Belgique.')).toEqual(['Rue de la Station 12, 1050 Ixelles, Belgique']);
    expect(addresses('Avenue des Arts 3\nB-1000 Bruxelles')).toEqual(['Avenue des Arts 3\nB-1000 Bruxelles']);
    expect(addresses('Chemin des Pâquerettes 9\n1004 Lausanne\nSuisse')).toEqual(['Chemin des Pâquerettes 9\n1004 Lausanne\nSuisse']);
  });

  it('reads German, Spanish and Italian addresses', () => {
    expect(addresses('Bitte an: Lindenstraße 24a\n10969 Berlin')).toEqual(['Lindenstraße 24a\n10969 Berlin']);
    expect(addresses('send it to Calle del Pez 21, 2º izq, 28004 Madrid please')).toEqual(['Calle del Pez 21, 2º izq, 28004 Madrid']);
    expect(addresses('Indirizzo: Via Garibaldi 7\n40124 Bologna (BO)\nItalia')).toEqual(['Via Garibaldi 7\n40124 Bologna (BO)\nItalia']);
  });

  it('reads UK and US addresses with a town or state line', () => {
    expect(addresses('My new address is Flat 5, 19 Queens Drive, Glasgow G42 8BS.')).toEqual(['Flat 5, 19 Queens Drive, Glasgow G42 8BS']);
    expect(addresses('Apartment 3B\n250 Maple Avenue\nPortland, OR 97205\nUSA')).toEqual(['Apartment 3B\n250 Maple Avenue\nPortland, OR 97205\nUSA']);
    expect(addresses('Ship to 77 Harbor Blvd, Suite 200, San Diego, CA 92101.')).toEqual(['77 Harbor Blvd, Suite 200, San Diego, CA 92101']);
    expect(addresses('2 Church Lane\nLittle Easton\nEssex\nCM6 2JR')).toEqual(['2 Church Lane\nLittle Easton\nEssex\nCM6 2JR']);
  });

  it('does not make an address of amounts, years, order numbers or product sizes', () => {
    expect(addresses('Commande CMD-20431 du 12/11/2026, total 1250 Euros, livrée en 2026 Paris Expo. Bouilloire 1,7 L.')).toEqual([]);
    expect(addresses('I paid 1500 Pounds in 2025 and 2026 London Fashion Week was great.')).toEqual([]);
  });
});

describe('postal addresses: building lines and line-bound anchors', () => {
  it('keeps a named building line with the street', () => {
    expect(addresses('Flat 12\nHarbour House\n4 Dock Street\nLeith EH6 6DQ')).toEqual(['Flat 12\nHarbour House\n4 Dock Street\nLeith EH6 6DQ']);
  });
  it('never runs a postcode onto the next line', () => {
    expect(addresses('8 Canal Street\nLeeds 40001\n\nUnsubscribe here')).toEqual(['8 Canal Street']);
  });
});

describe('postal addresses: numbers apart from the street name', () => {
  it('joins a street name and its number written in the next comma segment', () => {
    expect(addresses('C/ Mayor, 12, 3º B, 28013 Madrid')).toEqual(['C/ Mayor, 12, 3º B, 28013 Madrid']);
    expect(addresses('Via dei Mille, 24 - 00185 Roma')).toEqual(['Via dei Mille, 24 - 00185 Roma']);
    expect(addresses('Adresse : 3, place des Vosges – 75004 Paris')).toEqual(['3, place des Vosges – 75004 Paris']);
  });
  it('reads Dutch compounds and London streets without a type word', () => {
    expect(addresses('Keizersgracht 123, 1015 CJ Amsterdam')).toEqual(['Keizersgracht 123, 1015 CJ Amsterdam']);
    expect(addresses('Please deliver to my office: 3rd Floor, 20 Eastcheap, London EC3M 1EB, United Kingdom.'))
      .toEqual(['3rd Floor, 20 Eastcheap, London EC3M 1EB, United Kingdom']);
  });
});

describe('postal addresses: Canadian, Catalan and house-name blocks (challenge-pii-1 kinds, other voices)', () => {
  it('reads a Canadian postcode after a town and its province', () => {
    expect(addresses('Ship to 88 Elgin Street, Unit 4\nOttawa (Ontario) K2P 1L4\nCanada\nThanks'))
      .toEqual(['88 Elgin Street, Unit 4\nOttawa (Ontario) K2P 1L4\nCanada']);
    expect(addresses('Mon adresse : 456 Queen St W, Toronto, ON M5V 2B3.')).toEqual(['456 Queen St W, Toronto, ON M5V 2B3']);
  });
  it('keeps a house name opening a UK block', () => {
    expect(addresses('Send it to:\nThe Vicarage\nChurch Street\nLedbury\nHR8 1DH')).toEqual(['The Vicarage\nChurch Street\nLedbury\nHR8 1DH']);
  });
  it('reads Catalan streets and floor-door complements', () => {
    expect(addresses('Passeig de Gràcia 55, 3r 1a\n08007 Barcelona')).toEqual(['Passeig de Gràcia 55, 3r 1a\n08007 Barcelona']);
  });
});

describe('postal addresses: Eircodes and Nordic streets (challenge-pii-2 kinds, other voices)', () => {
  it('reads an Irish address with its county and Eircode, and a Dublin district', () => {
    expect(addresses('Post it to 4 Bridge Street, Westport, Co. Mayo, F28 W5C2 please.')).toEqual(['4 Bridge Street, Westport, Co. Mayo, F28 W5C2']);
    expect(addresses('Apartment 7, 21 Pembroke Road, Dublin 4, D04 N2E1, Ireland')).toEqual(['Apartment 7, 21 Pembroke Road, Dublin 4, D04 N2E1, Ireland']);
  });
  it('reads Scandinavian streets with their number after', () => {
    expect(addresses('Kongens Gade 12, 1264 København, Denmark')).toEqual(['Kongens Gade 12, 1264 København, Denmark']);
    expect(addresses('Thorvald Meyers gate 5, 0555 Oslo, Norway')).toEqual(['Thorvald Meyers gate 5, 0555 Oslo, Norway']);
  });
});

describe('postal addresses: Australia and Poland (challenge-pii-6 kinds, other voices)', () => {
  it('reads an Australian block with its suburb, state and postcode', () => {
    expect(addresses('Please ship to:\nApt 12, 8 Brunswick Street\nFitzroy VIC 3065\nAustralia\nThanks')).toEqual(['Apt 12, 8 Brunswick Street\nFitzroy VIC 3065\nAustralia']);
  });
  it('reads a Polish block with "ul." and a two-three postcode', () => {
    expect(addresses('Adres: ul. Długa 17/3\n80-827 Gdańsk\nPolska')).toEqual(['ul. Długa 17/3\n80-827 Gdańsk\nPolska']);
  });
});
