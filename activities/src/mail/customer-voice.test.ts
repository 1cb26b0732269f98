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
});
