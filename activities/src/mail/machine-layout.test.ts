/**
 * Machine mail of the kinds challenge-9 missed (issue 14, kind 4), in text written for this file in other voices:
 * calendar invitations and answers, invoices and receipts a business sends to the shop, notices and pitches in the
 * neighbours' languages, a server's report listing the recipient alone on its line; and the customers whose mail
 * carries the same words (an invoice for their order, a double charge, a delivery slot, a holiday) and must never be
 * taken for machines.
 */
import { cleanBody } from './clean-body';
import { orderNumberPattern } from './customer-voice';
import { detectMachineMail } from './machine-mail';
import { calendarLayout, transactionFamilies } from './machine-layout';
import { parseEmail } from './parse-email';
import { rawEmail } from './test-support/raw-email';

const OPTIONS = { shop: { domains: ['atelier-sorel.example'], name: 'Atelier Sorel' }, orderNumber: orderNumberPattern('SOR', 5) };

const verdict = async (from: string, subject: string, body: string, headers: Record<string, string> = {}) => {
  const parsed = await parseEmail(rawEmail({ From: from, Subject: subject, ...headers }, body));
  return detectMachineMail(parsed, cleanBody(parsed), OPTIONS);
};

describe('calendar invitations and answers', () => {
  it.each([
    ['Owen Pryce <owen@pryce-freight.example>', 'Invitation: Carrier contract renewal @ Wed 20 Jan 2027 15:00 - 15:45',
      'Carrier contract renewal\nWhen: Wednesday 20 Jan 2027 15:00 – 15:45 (GMT)\nWho: Owen Pryce - organiser; support@atelier-sorel.example\nJoin by phone: +44 20 0000 0000\nGoing? Yes - Maybe - No'],
    ['Sabine Roux <s.roux@studio-roux.example>', 'Refusé : Shooting photo des nouveautés',
      'Sabine Roux a refusé cette invitation.\nShooting photo des nouveautés\nQuand : vendredi 8 janvier 2027 09:30 – 12:00\nOù : atelier, rue des Forges'],
    ['Lukas Brenner <lukas@brenner-holz.example>', 'Angenommen: Jahresgespräch Lieferungen',
      'Lukas Brenner hat diese Einladung angenommen.\nWann: Mo. 11. Jan. 2027 10:00 – 11:00\nTeilnehmer: Lukas Brenner, support@atelier-sorel.example'],
  ])('suppresses %s', async (from, subject, body) => {
    const v = await verdict(from, subject, body);
    expect(v.isMachine).toBe(true);
    expect(v.reasons).toContain('calendar_invitation');
  });

  it('knows an invitation by its text/calendar part whatever the text says', async () => {
    const raw = Buffer.from([
      'From: Ama Mensah <ama@mensah-design.example>', 'To: support@atelier-sorel.example', 'Subject: Catch-up',
      'Date: Tue, 24 Nov 2026 10:00:00 +0100', 'Message-ID: <cal1@example.org>', 'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"', '', '--b1', 'Content-Type: text/plain; charset=utf-8', '',
      'Catch-up on the spring range.', '--b1', 'Content-Type: text/calendar; charset=utf-8; method=REQUEST', '',
      'BEGIN:VCALENDAR', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'DTSTART:20270112T100000Z', 'SUMMARY:Catch-up', 'END:VEVENT', 'END:VCALENDAR', '--b1--', '',
    ].join('\r\n'));
    const parsed = await parseEmail(raw);
    expect(calendarLayout(parsed, parsed.text)).toBe(true);
    expect(detectMachineMail(parsed, cleanBody(parsed), OPTIONS).isMachine).toBe(true);
  });

  it.each([
    ['Jeanne Vidal <jeanne.vidal@example.org>', 'Livraison mardi ?', "Bonjour, j'ai mis mardi 12 janvier 14:00 – 16:00 dans mon agenda pour la livraison du plaid, c'est bien ça ?\nJeanne"],
    ['Rob Hale <rob.hale@example.net>', 'Meeting you at the fair', 'Hi, will your stand be open on Thursday 10:00 - 12:00? I would like to see the linen range before I order.\nRob'],
  ])('leaves the customer %s alone', async (from, subject, body) => {
    expect((await verdict(from, subject, body)).isMachine).toBe(false);
  });
});

describe('documents a business sends: invoices, receipts, payment notices', () => {
  it.each([
    ['Emballages Morin <factures@emballages-morin.example>', 'Facture n° 2027-0042',
      "Madame, Monsieur,\nVous trouverez ci-joint la facture n° 2027-0042 relative à la livraison de papier de soie, d'un montant de 186,00 € TTC, payable à 45 jours.\nCordialement,\nEmballages Morin"],
    ['Parcelio <receipts@parcelio.example>', 'Your December statement',
      'Hello Atelier Sorel,\nHere is your monthly statement.\nLabels printed ........ €212.40\nInsurance ............. €18.00\nTotal charged to your card: €230.40'],
    ['Kassenwerk <rechnung@kassenwerk.example>', 'Ihre Rechnung RE-2027-11873',
      'Guten Tag,\nanbei Ihre Rechnung RE-2027-11873 über 59,00 EUR für das Kassensystem (Januar).\nDer Betrag wird per Lastschrift eingezogen.\nDiese E-Mail wurde automatisch erstellt.'],
  ])('suppresses %s', async (from, subject, body) => {
    expect((await verdict(from, subject, body)).isMachine).toBe(true);
  });

  it('reads a ledger of amounts and a document reference, not the shop\'s own order numbers', () => {
    expect(transactionFamilies('Plan ........ €29.00\nFees ........ €3.10\nReceipt RC-20411', null)).toEqual(['ledger', 'document_ref', 'amount', 'document_words']);
    expect(transactionFamilies('Facture pour SOR-10422, 49,90 €', OPTIONS.orderNumber)).not.toContain('document_ref');
  });

  it.each([
    ['Compta Gîte des Pins <compta@gite-des-pins.example>', 'Facture', 'Bonjour,\nPourriez-vous nous adresser la facture de la commande SOR-10422 (129,80 €) au nom du gîte ?\nMerci,\nLa comptabilité'],
    ['Tess Marlow <tess.marlow@example.com>', 'Charged twice', 'Hi, I was charged £42.50 twice for the same basket, bank reference 2026/55821. Can you refund one of them?\nTess'],
    ['Luca Bini <luca.bini@example.it>', 'Fattura', 'Buongiorno, mi serve la fattura del mio ordine da 64,00 € per la mia azienda, è possibile?\nLuca'],
  ])('leaves the customer %s alone', async (from, subject, body) => {
    expect((await verdict(from, subject, body)).isMachine).toBe(false);
  });
});

describe('notices, pitches and server reports in the neighbours\' languages', () => {
  it.each([
    ['Vetreria Conti <info@vetreria-conti.example>', 'R: Preventivo', 'Gentile cliente,\nsiamo chiusi per inventario dal 2 al 9 gennaio. Risponderemo alla sua richiesta al nostro rientro.\nVetreria Conti'],
    ['Marta Gil <marta@estudio-gil.example>', 'RE: Pedido', 'Hola,\nestoy de baja por maternidad hasta el 15 de abril. Responderé a tu correo a mi regreso.\nMarta'],
    ['Bakkerij Smit <info@bakkerij-smit.example>', 'Antw: Bestelling', 'Beste,\nwij zijn gesloten van 24 december tot en met 3 januari. Na onze terugkomst reageren we op uw bericht.\nBakkerij Smit'],
    ['Servicio de Avisos <avisos@cobros-tienda.example>', 'Pago recibido', 'Hola,\nhas recibido un pago de 23,10 EUR. Este es un mensaje automático, por favor no respondas a este correo.'],
    ['Felix Kramer <f.kramer@shopwachstum.example>', 'Mehr Umsatz für Ihren Shop', 'Guten Tag,\nwir helfen Shops wie Ihrem, Bestellungen aus Österreich und der Schweiz zu gewinnen. Unsere Kunden steigern ihren Umsatz im Schnitt um 20 %.\nHätten Sie diese Woche 20 Minuten für ein kurzes Gespräch?\nFelix Kramer'],
    ['Beheerder <beheer@hoeve-groep.example>', 'Onbestelbaar: Uw factuur', 'Levering aan de volgende geadresseerden is mislukt:\n\ninkoop@hoeve-groep.example\n\nDe mailbox van de geadresseerde bestaat niet.'],
  ])('suppresses %s', async (from, subject, body) => {
    expect((await verdict(from, subject, body)).isMachine).toBe(true);
  });

  it.each([
    ['Chiara Neri <chiara.neri@example.it>', 'Ferie', 'Buongiorno, sono in ferie dal 20 al 30 dicembre: potete spedire il mio ordine SOR-10431 dopo il 30?\nChiara'],
    ['Jorge Ruiz <jorge.ruiz@example.es>', 'Pedido', 'Hola, estoy de vacaciones hasta el 7 de enero. ¿Pueden guardar mi pedido hasta entonces?\nJorge'],
    ['Pieter Aalst <pieter@example.nl>', 'Nieuw e-mailadres', 'Hallo, mijn nieuwe adres voor de facturen:\n\npieter.aalst@example.nl\n\nKunt u dat aanpassen?\nPieter'],
  ])('leaves the customer %s alone', async (from, subject, body) => {
    expect((await verdict(from, subject, body)).isMachine).toBe(false);
  });
});

describe('platform notices and pitches of the kinds challenge-10 missed', () => {
  it.each([
    ['Craftly Market <sellers@craftly-market.example>', 'A buyer sent you a message', 'Hello Atelier Sorel,\nA buyer has a question about "Linen napkins, set of 4". Read and answer it from your seller dashboard within 48 hours to keep your response badge.\nCraftly Market'],
    ["Place des Créateurs <partenaires@place-createurs.example>", 'Nouvelle commande à préparer', "Bonjour,\nUne nouvelle commande de 2 articles vous attend. Confirmez l'expédition depuis votre espace vendeur avant jeudi.\nL'équipe Place des Créateurs"],
    ['Yann Morvan <yann.morvan.web@gmail.com>', 'Votre boutique en ligne', "Bonjour,\nEn parcourant votre boutique, j'ai relevé quelques erreurs d'affichage sur mobile et des images trop lourdes.\nJe suis développeur web freelance et je règle ce genre de souci rapidement, pour un tarif fixe.\nSouhaitez-vous que je vous envoie la liste ?\nYann"],
    ['Ops at PackRight <hello@packright-staff.example>', 'Extra hands for January returns', 'Hi,\nPackRight provides trained packers to e-commerce warehouses for a day, a week or a season. No minimum contract, and rates start at 21 EUR per hour.\nBook staff by replying to this email.\nPackRight'],
  ])('suppresses %s', async (from, subject, body) => {
    expect((await verdict(from, subject, body)).isMachine).toBe(true);
  });

  it.each([
    ['Noor Haddad <noor.haddad@example.com>', 'Invoice', "Hello, I can't find the invoice in your dashboard, where should I look? It was my first order with you.\nNoor"],
    ['Élise Caron <elise.caron@example.fr>', 'Photos', "Bonjour, je suis photographe indépendante et j'ai commandé deux plaids pour un shooting : ma commande SOR-10431 est-elle partie ?\nÉlise"],
    ['Mark Tully <mark@tully-logistics.example>', 'Gift boxes', 'Hi, we run two e-commerce warehouses and would like to order 40 gift boxes for our staff. Can you quote a price for 40?\nMark Tully'],
  ])('leaves the customer %s alone', async (from, subject, body) => {
    expect((await verdict(from, subject, body)).isMachine).toBe(false);
  });
});

describe('a business closed for good, its mailbox with it', () => {
  it.each([
    ['Librairie Vasseur <contact@librairie-vasseur.example>', 'Re: Commande groupée', "La Librairie Vasseur a fermé définitivement ses portes le 30 novembre. Cette adresse sera supprimée fin décembre.\nMerci à tous pour ces années de fidélité."],
    ['Hartley Joinery <office@hartley-joinery.example>', 'Re: Oak shelves', 'Hartley Joinery is now permanently closed. This inbox will be deactivated on 31 January; for warranty matters please call 01632 960 555.'],
  ])('suppresses %s', async (from, subject, body) => {
    expect((await verdict(from, subject, body)).isMachine).toBe(true);
  });

  it.each([
    ['Reception <reception@elm-clinic.example>', 'Parcel for Dr Shaw', 'Hello, a parcel for Dr Shaw arrived here, but her practice is now permanently closed. Should we send it back to you?'],
    ['Anne Vasseur <anne.vasseur@example.fr>', 'Fermeture', "Bonjour, notre librairie a fermé définitivement ses portes : pouvez-vous annuler ma commande SOR-10431 et me rembourser ?\nAnne"],
  ])('leaves the customer %s alone', async (from, subject, body) => {
    expect((await verdict(from, subject, body)).isMachine).toBe(false);
  });
});
