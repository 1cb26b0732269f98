import { findFollowUpPromises, findForbiddenCommitments } from './commitment-check';
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

describe('promises only a person can keep: a person following up, or the shop acting later', () => {
  test.each([
    'Un conseiller revient vers vous sous 48 h.',
    'A team member will check and reply to you.',
    'If it has not arrived in the next few days, simply reply and we will take it up with DHL.',
    'You will receive an email with your tracking number once it ships.',
    'We’ll send you a prepaid label tomorrow.',
    'We are contacting the carrier today.',
    'Our team will look at your photos.',
    'Vous recevrez un e-mail dès l’expédition.',
    'Nous vous rembourserons dès réception du colis.',
    'Nous allons contacter le transporteur.',
    'Je vais vérifier avec l’entrepôt.',
    "I'll check with the warehouse.", 'I will refund you.', 'A refund will be issued.', "We'll process your refund.",
    "We'll ship a replacement.", 'We will then send you a label.', 'We will be refunding you.',
    'Nous allons vous le renvoyer.', 'Je reviens vers vous.', 'Vous serez remboursé.', 'Un e-mail vous sera envoyé.',
    'Nous procéderons au remboursement.', 'On vous recontacte.',
    'Vous allez recevoir un email.', 'Votre remboursement sera effectué sous 5 jours.', 'Your refund will go through by Friday.',
    'A new parcel is being sent.', 'Le transporteur va vous contacter.',
  ])('%s', (text) => {
    expect(findFollowUpPromises(text)).not.toEqual([]);
  });

  test.each([
    'As you asked, we will answer you in writing only, without calling you.',
    'Your order CMD-10234 was shipped with UPS on 20 November; the carrier estimates delivery on 25 November.',
    'You can return it within 30 days of delivery.',
    'Votre remboursement de 42,00 € a été émis le 20 novembre.',
    'Vous trouverez la facture en pièce jointe.',
    'Our team will be closed on 25 December.',
    'We will be closed on 25 December.',
    'Comme vous nous l’avez demandé, nous vous répondrons uniquement par écrit, sans vous appeler.',
    'Nous espérons que la théière vous plaira.',
    'We will be happy to help with anything else.',
  ])('not a promise: %s', (text) => {
    expect(findFollowUpPromises(text)).toEqual([]);
  });
});
