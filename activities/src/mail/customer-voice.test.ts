/**
 * The customer's marks that keep text-only machine rules off (customer-voice.ts): a request about a delivery or an
 * arrangement to receive it is a customer's; a notice sending the reader's mail elsewhere is not. Examples written for
 * this file.
 */
import { customerVoice } from './customer-voice';

describe('customerVoice', () => {
  it.each([
    "I'm away next week, please hold the parcel at the depot.",
    'Je serai absente du 3 au 9, merci de ne rien expédier avant.',
    "We're closed over Christmas, please don't ship anything before the 4th.",
    "N'envoyez rien avant lundi, je suis en déplacement.",
  ])('a delivery request: %s', (text) => {
    expect(customerVoice(text)).toBe('delivery_request');
  });

  it.each([
    "I'm travelling until the 14th; my brother will take in the parcel.",
    'Je suis en vacances, ma voisine récupérera le colis.',
    'Off until Monday, someone at reception can sign for the package.',
  ])('a delivery arrangement: %s', (text) => {
    expect(customerVoice(text)).toBe('delivery_arrangement');
  });

  it.each([
    'I am on leave until March. Please redirect any questions to the team mailbox.',
    'Je suis absent. Merci de renvoyer vos demandes à mon collègue.',
    'Kindly send all further correspondence to our new address.',
    'Veuillez envoyer désormais vos messages à accueil@example.org.',
  ])('not a customer: a notice pointing elsewhere: %s', (text) => {
    expect(customerVoice(text)).toBeNull();
  });

  it.each([
    ['Ich habe letzte Woche eine Stehlampe bestellt, wann kommt sie?', 'purchase_story_other_language'],
    ['He pagado por transferencia esta mañana.', 'purchase_story_other_language'],
    ['Ho ricevuto la teiera ma manca il coperchio.', 'purchase_story_other_language'],
    ['Mijn bestelling is nog niet verzonden.', 'purchase_story_other_language'],
    ['Encomendei duas velas no domingo.', 'purchase_story_other_language'],
    ['Zapłaciłam wczoraj, czy paczka już wyszła?', 'purchase_story_other_language'],
    ['Chcielibyśmy zamówić cztery lampy.', 'purchase_story_other_language'],
    ['Abbiamo ordinato sei tazze per il bar.', 'purchase_story_other_language'],
    ['Wir haben im Mai zwei Leuchten bestellt.', 'purchase_story_other_language'],
    // notices speak in the plural of the firm: no customer's mark
    ['Wir haben Ihre Zahlung erhalten.', null],
    ['Hemos recibido su pago.', null],
  ])('reads a purchase story in other languages by its grammar: %s', (text, reason) => {
    expect(customerVoice(text)).toBe(reason);
  });

  it('a firm or a couple tells its purchase in the plural, as a person does in the singular', () => {
    expect(customerVoice('The six mugs we bought for the café in May are chipping.')).toBe('purchase_story');
    expect(customerVoice('Nous avons commandé deux lampes pour le cabinet.')).toBe('purchase_story');
    expect(customerVoice('We have received your payment, thank you.')).toBeNull();
  });
});
