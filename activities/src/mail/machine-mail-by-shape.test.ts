/**
 * Machine mail known by its shape rather than a listed sentence (issue 14, kind 4): absence notices by their families,
 * bounces by a server's layout whoever sends them, phishing by a brand's name over another domain, pitches by who
 * offers what to whom, newsletters by their footer. Every example is written for this file; the near misses are
 * customers whose words look like a machine's and must never be suppressed.
 */
import { cleanBody } from './clean-body';
import { orderNumberPattern } from './customer-voice';
import { detectMachineMail, serverReportStart, type MachineMailOptions } from './machine-mail';
import { noticeFamilies } from './out-of-office';
import { parseEmail } from './parse-email';
import { brandOfDisplayName, senderShape } from './sender-shape';
import { rawEmail } from './test-support/raw-email';

const SHOP: MachineMailOptions = {
  shop: { domains: ['atelier-sorel.example'], name: 'Atelier Sorel' },
  orderNumber: orderNumberPattern('SOR', 5),
};

const verdictOf = async (headers: Record<string, string>, body: string, options: MachineMailOptions = {}) => {
  const parsed = await parseEmail(rawEmail(headers, body));
  return detectMachineMail(parsed, cleanBody(parsed), { ...SHOP, ...options });
};

const PERSON = 'Alex Morin <alex.morin@fournisseur-exemple.example>';

describe('absence and receipt notices by their families', () => {
  it.each([
    ['Re: votre envoi', "Bonjour,\nEn formation jusqu'au mercredi 10. Je traiterai votre demande dès mon retour.\nCordialement"],
    ['Re: facture', "Je suis sur un salon toute la semaine et ne consulte ma messagerie que ponctuellement. Pour l'urgent, appelez le 05 00 00 00 00."],
    ['Re: your parcel', 'Off sick until Thursday. Your message will be read when I am back; for anything pressing please contact the front desk.'],
    ['Re: question', "Thanks! We've logged your note as request 77120 and usually reply within two working days."],
    ['Re: devis', "L'atelier est fermé du 23 décembre au 4 janvier. Nous lirons vos messages à la réouverture."],
    ['Re: shipment', "I'm on a training course this week, checking email only in the evening. I'll get back to you as soon as I can."],
  ])('"%s" is an auto-reply', async (subject, body) => {
    const v = await verdictOf({ From: PERSON, Subject: subject }, body);
    expect(v.kind).toBe('auto_reply');
  });

  it.each([
    ['Livraison', "Bonjour, je suis en formation jusqu'au 10, pouvez-vous livrer mon colis après ?"],
    ['Away', "I'm off sick until Thursday, so please don't send the courier before Friday. Thanks"],
    ['Re: ma commande', "En déplacement toute la semaine, j'ai commandé la lampe SOR-20417 : elle arrive quand ?"],
    ['Merci', "Merci pour votre réponse ! Je serai absent jusqu'à lundi mais mon mari pourra réceptionner le colis."],
  ])('"%s" is a customer', async (subject, body) => {
    const v = await verdictOf({ From: PERSON, Subject: subject }, body);
    expect(v.isMachine).toBe(false);
  });

  it('names the families it sees', () => {
    expect(noticeFamilies("Absente du 2 au 9 mai. Votre message sera lu à mon retour. En cas d'urgence : accueil@x.example")).toEqual(
      expect.arrayContaining(['away', 'time_bound', 'mail_handling', 'someone_else']),
    );
    expect(noticeFamilies('Can you send it on Monday?')).not.toContain('mail_handling');
  });
});

describe("bounces by a server's layout, whoever seems to send them", () => {
  it.each([
    ['Message not delivered', 'Your message to p.roux@ferme-roux.example was not delivered.\n\nRemote server reply:\n550 5.1.1 Recipient address rejected: user unknown'],
    ['Re: Votre commande SOR-20418', "Le message n'a pas pu être remis.\n\nDestinataire : l.brun@ancien-fai.example\nRéponse du serveur : 552 5.2.2 Quota dépassé"],
    ['Delivery delayed', 'Your message to k.ali@lent.example has not been delivered yet. We will keep trying.\nLast error: 421 4.7.0 Try again later'],
    ['Returned mail', 'Your message\n\n   To:      achats@client-pro.example\n   Subject: Facture SOR-20419\n   Sent:    03/12/2026 10:02\n\ndid not reach the following recipient(s): achats@client-pro.example'],
  ])('"%s" is a bounce', async (subject, body) => {
    const v = await verdictOf({ From: PERSON, Subject: subject }, body);
    expect(v.kind).toBe('bounce');
  });

  it.each([
    ['Mail returned', "Bonjour, j'ai voulu vous répondre mais mon mail est revenu avec ceci, l'adresse est-elle la bonne ?\n\n550 5.1.1 <sav@atelier-sorel.example>: user unknown"],
    ['Undelivered parcel', 'The carrier marked my parcel undeliverable and it was returned to sender. Can you send it again?'],
    ['Re: message not delivered', 'I emailed your returns desk twice and got "message not delivered" both times. My order is SOR-20420, I want to return it.'],
  ])('"%s" is a customer', async (subject, body) => {
    const v = await verdictOf({ From: PERSON, Subject: subject }, body);
    expect(v.isMachine).toBe(false);
  });

  it('finds where the report starts: what stands above it is a person\'s', () => {
    expect(serverReportStart('Could you check this?\n\n<a@b.example>: host mx.b.example said: 550 5.1.1 no such user')).toBeGreaterThan(10);
    expect(serverReportStart('Final error: 550 5.2.1 mailbox disabled')).toBe(0);
    expect(serverReportStart('My parcel number is 550 and the lid is cracked.')).toBe(-1);
  });
});

describe('phishing by a brand over another domain, and unpaid fees in other words', () => {
  it.each([
    ['Royal Mail <help@parcel-redirect-gb.example>', 'Parcel on hold', 'Your parcel is on hold: a £1.20 postage fee was not paid. Reschedule here: https://parcel-redirect-gb.example/reschedule'],
    ['Chronopost <service@chrono-frais.example>', 'Colis en attente', "Votre colis n'a pas pu être livré : les frais de port n'ont pas été réglés. Régularisez votre situation : https://chrono-frais.example/payer"],
    ['Stripe <billing@stripe-billing-alerts.example>', 'Payment failed', 'Your subscription payment failed. Update your payment method within 48 hours to avoid suspension: https://stripe-billing-alerts.example/update'],
    // no verb asks to pay: a sum, a sender dressed as a carrier, a link
    ['DPD <info@dpd-slot-booking.example>', 'New slot', 'Our driver called today. A redelivery supplement of €1.30 applies to your shipment. Pick a slot: https://dpd-slot-booking.example/s'],
    ['Ameli <contact@ameli-dossier-fr.example>', 'Dossier', 'Votre carte Vitale expire. Confirmez vos coordonnées bancaires pour recevoir la nouvelle : https://ameli-dossier-fr.example/c'],
  ])('%s is phishing', async (from, subject, body) => {
    const v = await verdictOf({ From: from, Subject: subject }, body);
    expect(v.kind).toBe('spam');
    expect(v.reasons).toContain('phishing');
  });

  it.each([
    ["J'ai reçu un SMS « Chronopost » me demandant 1,50 € de frais de port pour ma commande SOR-20421. C'est une arnaque ?"],
    ['Is this from you? I got an email asking me to update my payment method for my order, the link looks odd.'],
  ])('a customer reporting it is not suppressed: %s', async (body) => {
    const v = await verdictOf({ From: PERSON, Subject: 'Question' }, body);
    expect(v.isMachine).toBe(false);
  });

  it('reads the brand a display name claims', () => {
    expect(brandOfDisplayName('Royal Mail Redelivery')).toBe('royalmail');
    expect(brandOfDisplayName('FedEx Customs')).toBe('fedex');
    expect(brandOfDisplayName('Groups Admin')).toBeNull(); // "ups" only as a whole word
    expect(brandOfDisplayName('Camille Martin')).toBeNull();
  });

  it("does not call a brand's own domain an impersonation", async () => {
    const own = await parseEmail(rawEmail({ From: 'PayPal <service@paypal.com>', Subject: 'Receipt' }, 'Your receipt.'));
    const other = await parseEmail(rawEmail({ From: 'PayPal <service@pp-resolution.example>', Subject: 'Receipt' }, 'Your receipt.'));
    expect(senderShape(own, null).claimsBrandName).toBe(false);
    expect(senderShape(other, null).claimsBrandName).toBe(true);
  });
});

describe('cold pitches by who offers what to whom', () => {
  it.each([
    ['Quick idea', 'Hi, I noticed your product photos are on a white background. We shoot lifestyle images for homeware brands, delivered in ten days. Would you like me to send a few examples?'],
    ['Vos vidéos produits', "Bonjour, vidéaste à Nantes, je tourne des vidéos courtes pour les boutiques en ligne. Nos clients voient en moyenne 20 % de conversions en plus. Un appel rapide jeudi ?"],
    ['Re: following up', 'Just floating this back up. Our tool answers delivery questions for small e-commerce brands automatically. Free for a quick chat this week?'],
    ['Stock en entrepôt', "Bonjour, nous stockons et expédions les commandes des e-commerçants depuis Lyon. Souhaitez-vous recevoir notre grille tarifaire ? Il suffit de me répondre."],
  ])('"%s" is a pitch', async (subject, body) => {
    const v = await verdictOf({ From: PERSON, Subject: subject }, body);
    expect(v.kind).toBe('spam');
  });

  it.each([
    ['Wholesale', 'Hello, we have two gift shops in York and would like to order 30 of your linen aprons. Could you send your trade prices?'],
    ['Pour un shooting', "Bonjour, je suis photographe et j'ai acheté deux vases pour un shooting : l'un est arrivé fêlé. Pouvez-vous le remplacer ?"],
    ['Your site', 'Your site says delivery in 3 days but my order SOR-20422 took ten. Is there a problem with the carrier?'],
  ])('"%s" is a customer', async (subject, body) => {
    const v = await verdictOf({ From: PERSON, Subject: subject }, body);
    expect(v.isMachine).toBe(false);
  });
});

describe('newsletters by their footer', () => {
  it.each([
    ['The Maker Letter #41', 'This week: pricing for the holidays and three new suppliers.\nRead online | Manage preferences | Unsubscribe'],
    ['Nouveautés de janvier', 'Découvrez nos nouvelles collections de linge de table, réservées aux revendeurs.\nPour ne plus recevoir nos communications, cliquez ici.'],
  ])('"%s" is bulk mail', async (subject, body) => {
    const v = await verdictOf({ From: 'Lettre Pro <lettre@grossiste-exemple.example>', Subject: subject }, body);
    expect(v.kind).toBe('newsletter');
  });

  it('a customer who mentions the newsletter is not suppressed', async () => {
    const v = await verdictOf({ From: PERSON, Subject: 'newsletter' }, 'Bonjour, merci de me désinscrire de la newsletter. Au fait, où en est ma commande SOR-20423 ?');
    expect(v.isMachine).toBe(false);
  });
});
