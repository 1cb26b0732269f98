import { findForbiddenCommitments } from './commitment-check';
import { readShopFile } from './test-support/fixture-shop';

const forbidden = readShopFile().policies.forbidden_commitments;
const fired = (text: string) => findForbiddenCommitments(text, forbidden).map((h) => h.phrase);

describe('forbidden commitments (shop policy), FR and EN, paraphrased, accent- and case-insensitive', () => {
  test.each([
    ['Délai de livraison garanti : vous l’aurez vendredi.', 'délai de livraison garanti'],
    ['DELAI DE LIVRAISON GARANTI', 'délai de livraison garanti'],
    ['Nous vous garantissons une livraison le 26 novembre.', 'délai de livraison garanti'],
    ['Votre colis arrivera avant samedi, c’est promis.', 'délai de livraison garanti'],
    ['We guarantee your parcel will be delivered by Friday.', 'guaranteed delivery date'],
    ['Your parcel will definitely arrive by Friday.', 'guaranteed delivery date'],
    ['Delivery is guaranteed on 25 November.', 'guaranteed delivery date'],
    ['Remboursement intégral garanti sans retour.', 'remboursement intégral garanti sans retour'],
    ['Nous vous remboursons entièrement, inutile de nous le renvoyer : gardez l’article, sans retour.', 'remboursement intégral garanti sans retour'],
    ["We'll refund you in full, no need to return the item.", 'full refund guaranteed without return'],
    ['Full refund guaranteed!', 'full refund guaranteed without return'],
    ['En guise de dédommagement, voici 20 €.', 'dédommagement'],
    ['Un DEDOMMAGEMENT vous sera versé.', 'dédommagement'],
    ['We will pay you compensation for the delay.', 'compensation beyond approved offers'],
  ])('%s → %s', (text, phrase) => {
    expect(fired(text)).toContain(phrase);
  });

  test.each([
    'Le transporteur estime la livraison au 25 novembre 2026.',
    "The carrier's estimated delivery date is 25 November 2026.",
    'Nous ne pouvons pas garantir de date de livraison.',
    'We cannot guarantee a delivery date, but the tracking page shows progress.',
    "Une fois l'article reçu et vérifié, nous procédons au remboursement de 189,00 € sous 5 à 7 jours ouvrés.",
    'Once we have received and checked the item, we process the refund of €29.00 within 5-7 business days.',
    "Si le colis n'est pas arrivé dans les prochains jours, répondez simplement à ce message.",
  ])('no commitment: %s', (text) => {
    expect(fired(text)).toEqual([]);
  });
});
