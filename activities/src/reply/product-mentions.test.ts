import { concernedProducts, productMatcher, saidSeveral, saidToOwn } from './product-mentions';
import { readShopFile } from './test-support/fixture-shop';

const matcher = productMatcher(readShopFile().products);
const skus = (text: string) => matcher.mentioned(text).map((p) => p.sku).sort();

test.each([
  ['Combien coûte la cafetière à piston ?', ['SKU-1003']],
  ['Do you have a lid for the frying pan?', ['SKU-1008', 'SKU-1009']],
  ['the stand mixer and the blender', ['SKU-1005', 'SKU-1011']],
  ["Je voudrais offrir une carte cadeau", ['SKU-1020']],
  ['Do you sell gift cards?', ['SKU-1020']],
  ['My old card has been cancelled, please refund this one.', []],
  ['Quel détartrant pour ma machine à expresso ?', ['SKU-1015', 'SKU-1016']],
  ['two kitchen scales and a green tea', ['SKU-1010', 'SKU-1018']],
  ['le grille-pain et la théière', ['SKU-1002', 'SKU-1019']],
  // everyday one-word names of a kind of item the catalogue names otherwise
  ['Mon mixeur fait un bruit de moteur bizarre', ['SKU-1011']],
  ['Can I put the thermos in the dishwasher?', ['SKU-1012']],
  ['my skillet and the sharp knives', ['SKU-1008', 'SKU-1013']],
  ['He brought a flask of coffee.', []],
  // a closed compound written apart is the compound, not its first word
  ['The tea pot arrived chipped', ['SKU-1002']],
  ['my new tea-pots and the green tea', ['SKU-1002', 'SKU-1010']],
  // a common word of a name is not the product: another language's word, a modifier, another sense
  ['You currently have $0.00 available in your Deel balance.', []],
  ['Sorry, my French is not very good.', []],
  ['It tripped the electrics in the kitchen.', []],
  ['Can you rate us on a scale of 1 to 10?', []],
  ['Top 10 kitchen gadgets of the season.', []],
  ['Je voudrais régler la mouture pour un expresso.', []],
  ['My mum, Grace Green, placed the order.', []],
  // the product, named by its head noun in its own language, a phrase of its name, or a list
  ['La balance me convient, the scales are fine.', ['SKU-1018']],
  ['the knife set from my order', ['SKU-1013']],
  ['two frying pans and the casserole', ['SKU-1008', 'SKU-1017']],
  ['CMD-10351 (théière, cocotte et détartrant)', ['SKU-1002', 'SKU-1016', 'SKU-1017']],
  // telegraphic: a bare head opening a clause and said received or in some state right after it
  ['Super service. Balance bien reçue hier, merci !', ['SKU-1018']],
  ['Colis ouvert : cocotte arrivée fendue.', ['SKU-1017']],
  ['Blender arrived this morning, works a treat.', ['SKU-1011']],
  ['Quick note: grinder delivered, thanks.', ['SKU-1004']],
  ['The delivered parcel was empty.', []],
  ['Commande reçue, merci.', []],
  ['I have a balance received from my bank.', []],
  // the longest match wins: the bowl for the mixer, the sharpener for knives
  ['le bol inox pour le robot', ['SKU-1007']],
  ["I already have the same knife sharpener", ['SKU-1014']],
])('%s', (text, expected) => {
  expect(skus(text)).toEqual(expected);
});

test('the products a request is about leave out the ones the customer is happy with', () => {
  const about = (t: string) => concernedProducts(t, matcher).map((p) => p.sku);
  expect(about('La balance me convient très bien, mais le blender est beaucoup trop bruyant : je souhaite le retourner.')).toEqual(['SKU-1011']);
  expect(about("The replacement whisk isn't in the box. The casserole and the descaler were there.")).toEqual(['SKU-1006']);
  expect(about('Les deux poêles sont parfaites, mais la théière est arrivée ébréchée.')).toEqual(['SKU-1002']);
  expect(about('Le blender et la balance sont cassés.').sort()).toEqual(['SKU-1011', 'SKU-1018']);
});

const products = readShopFile().products;
const bySku = (sku: string) => products.find((p) => p.sku === sku)!;

test.each([
  // the customer has it
  ["J'ai déjà la bouilloire électrique, quelle théière irait avec ?", 'SKU-1001', true],
  ['Nous avons une cocotte en fonte depuis des années.', 'SKU-1017', true],
  ["I've had the blender for a month and love it.", 'SKU-1011', true],
  ['Which tea would suit my teapot?', 'SKU-1002', true],
  ['Which accessories suit the stand mixer I bought from you?', 'SKU-1005', true],
  ["La balance de cuisine que j'ai achetée en mai affiche une erreur.", 'SKU-1018', true],
  // the shop's, or only wanted
  ['Votre théière en fonte existe-t-elle en rouge ?', 'SKU-1002', false],
  ['I would like to buy the kitchen scale for my sister.', 'SKU-1018', false],
  ["J'ai une question sur le grille-pain 2 fentes.", 'SKU-1019', false],
  ['I have seen the espresso machine on your site, what does it cost?', 'SKU-1015', false],
])('saidToOwn: %s', (text, sku, expected) => {
  expect(saidToOwn(text, bySku(sku), matcher)).toBe(expected);
});

test.each([
  ['Je voudrais trois gourdes isothermes.', 'SKU-1012', true],
  ['Can I order 2 x kitchen scale?', 'SKU-1018', true],
  ['a couple of knife sharpeners please', 'SKU-1014', true],
  ['Je voudrais une gourde isotherme.', 'SKU-1012', false],
  ['How much is the sencha tea?', 'SKU-1010', false],
])('saidSeveral: %s', (text, sku, expected) => {
  expect(saidSeveral(text, bySku(sku), matcher)).toBe(expected);
});

describe('a number before the English article', () => {
  it('is no quantity of French thé', () => {
    expect(matcher.mentioned('Following up on ticket #48213 - the teapot still has not arrived').map((p) => p.sku)).toEqual(['SKU-1002']);
    expect(matcher.mentioned('2 thé vert sencha').map((p) => p.sku)).toEqual(['SKU-1010']);
  });
});
