/**
 * The learned machine-mail head (issue 14, kind 4): its gates (never on a customer's text, a customer on file, a
 * forward, or the sender's shape alone), its kinds, and the committed weights on clear-cut mail written for this file.
 * The gate tests use a hand-made head so they hold whatever the training writes.
 */
import { cleanBody } from './clean-body';
import { orderNumberPattern } from './customer-voice';
import { detectMachineMail } from './machine-mail';
import { machineEvidence, machineFeatures, machineHeadVote, machineKindOf, type MachineHeadWeights } from './machine-head';
import { parseEmail } from './parse-email';
import { rawEmail } from './test-support/raw-email';

const SHOP = { shop: { domains: ['atelier-sorel.example'], name: 'Atelier Sorel' }, orderNumber: orderNumberPattern('SOR', 5) };

const inputOf = async (from: string, subject: string, body: string) => {
  const parsed = await parseEmail(rawEmail({ From: from, Subject: subject }, body));
  return { parsed, cleaned: cleanBody(parsed), ...SHOP };
};

/** A head that says "machine" to everything: what remains is the gate. */
const EAGER: MachineHeadWeights = { version: 'test/eager', bias: 20, weights: {}, threshold: 0.5 };

describe('the head votes only where it may', () => {
  it('never on a customer on file, a forward, or text with a customer mark', async () => {
    const notice = "Merci de votre message. L'atelier est fermé jusqu'au 6 janvier, nous lirons vos messages à la réouverture.";
    const onFile = await inputOf('Rosa Lenoir <rosa.lenoir@example.org>', 'Re: devis', notice);
    expect(machineHeadVote({ ...onFile, senderIsCustomer: true }, EAGER)).toBeNull();
    const forward = await inputOf('Rosa Lenoir <rosa.lenoir@example.org>', 'Fwd: fermeture', notice);
    expect(machineHeadVote(forward, EAGER)).toBeNull();
    const customer = await inputOf('Rosa Lenoir <rosa.lenoir@example.org>', 'Re: devis',
      "Merci de votre message. Je suis absente jusqu'au 6 janvier, ma commande SOR-10422 peut attendre mon retour.");
    expect(machineHeadVote(customer, EAGER)).toBeNull();
  });

  it('never on the sender\'s shape alone: a person at a firm\'s mailbox, without a machine\'s content', async () => {
    for (const [from, subject, body] of [
      ['Accueil <accueil@cabinet-vallat.example>', 'Colis', "Bonjour, le paquet pour Mme Ribes est arrivé ce matin, il l'attend à l'accueil."],
      ['Accounts <accounts@harbour-tiles.example>', 'Invoice', 'Hello, kindly issue the invoice to Harbour Tiles Ltd rather than to Ms Dean. Thanks.'],
      ['Paul Ory <paul@ory-menuiserie.example>', 'Merci', 'Tout est bien arrivé, merci, le plaid est superbe.\nPaul Ory\nGérant\nOry Menuiserie'],
    ] as const) {
      const input = await inputOf(from, subject, body);
      expect(machineEvidence(machineFeatures(input))).toBeLessThan(2);
      expect(machineHeadVote(input, EAGER)).toBeNull();
    }
  });
});

describe('the kind of what the head saw', () => {
  it('names the family that shows most', () => {
    expect(machineKindOf({ smtp_code: 1 })).toBe('bounce');
    expect(machineKindOf({ notice_families: 3, absence_words: 1, pitch_families: 1 })).toBe('auto_reply');
    expect(machineKindOf({ pitch_families: 2, phishing_cues: 1 })).toBe('spam');
    expect(machineKindOf({ bulk_families: 2, unsubscribe: 1 })).toBe('newsletter');
    expect(machineKindOf({})).toBe('system');
  });
});

describe('the committed head', () => {
  it.each([
    ['Lotte Brandt <l.brandt@brandt-keramik.example>', 'Abwesenheitsnachricht', 'Danke für Ihre Nachricht. Ich bin bis zum 9. Januar im Urlaub und lese keine E-Mails. Bitte wenden Sie sich an team@brandt-keramik.example.'],
    ['Orto Verde <ortoverde@libero.it>', 'Cassette di Natale', 'Cari clienti,\nsono pronte le cassette di Natale con olio nuovo e panettone, da 35 €.\nOrdini entro il 18 dicembre: ortoverde.it/natale\nUn saluto dalla famiglia Russo'],
    ['Fulfil Hub <hello@fulfilhub.example>', 'Stop packing orders yourself', 'Brands like yours hand us their packing and save 12 hours a week. No contract, first month free.\nSee how: https://fulfilhub.example/start\nFulfil Hub, 3 quai des Docks, Nantes\nUnsubscribe: https://fulfilhub.example/u'],
  ])('suppresses %s', async (from, subject, body) => {
    const parsed = await parseEmail(rawEmail({ From: from, Subject: subject }, body));
    expect(detectMachineMail(parsed, cleanBody(parsed), SHOP).isMachine).toBe(true);
  });

  it.each([
    ['Inès Caron <ines.caron@example.org>', 'Re: votre message', "Merci pour votre message, je suis au travail toute la journée, je regarde le suivi ce soir."],
    ['Contact <contact@gite-des-pins.example>', 'Commande', 'Bonjour, notre gîte souhaite six plaids identiques pour les chambres. Livrez-vous en Ardèche ?'],
    ['Dan Okoro <dan@okoro-studio.example>', 'Thanks', "Thanks for your email. I'm travelling until the 14th; my partner will be home to take the parcel."],
    ['Maud <maud.s@example.net>', 'absente', 'Je serai absente du 20 au 28, merci de ne rien expédier avant.'],
    ['Info <info@hotel-duinzicht.example>', 'Kandelaars', 'Hallo,\nVoor ons hotel zoeken we achttien kandelaars in dezelfde kleur. Geven jullie korting bij dit aantal, en leveren jullie in België?\nGroet,\nMarloes'],
    ['Jonas Roth <j.roth@roth-planung.example>', 'Rechnung', 'Guten Tag,\nkönnen Sie die Rechnung für die Stehleuchte auf Roth Planung GmbH ausstellen?\nJonas Roth\nRoth Planung GmbH | Am Markt 2\nDiese E-Mail ist vertraulich. Wenn Sie nicht der Empfänger sind, löschen Sie sie bitte.'],
  ])('never suppresses the customer %s', async (from, subject, body) => {
    const parsed = await parseEmail(rawEmail({ From: from, Subject: subject }, body));
    expect(detectMachineMail(parsed, cleanBody(parsed), SHOP).isMachine).toBe(false);
  });
});

describe('structure the head reads in any language', () => {
  const f = async (from: string, subject: string, body: string) => machineFeatures(await inputOf(from, subject, body));

  it('reads bare links and links leaving the shop, not a firm\'s home page under a signature', async () => {
    expect((await f('Orto Verde <ortoverde@libero.it>', 'Cassette di Natale', 'Cari clienti,\nle cassette sono pronte.\nortoverde.it/natale')).offsite_links).toBeGreaterThan(0);
    expect((await f('Ivo Brandt <ivo@brandt-moebel.example>', 'Rechnung', 'Guten Tag,\nbitte die Rechnung auf die Firma ausstellen.\nIvo Brandt\nwww.brandt-moebel.example')).offsite_links).toBe(0);
    expect((await f('Rosa <rosa@example.org>', 'suivi', 'Le lien atelier-sorel.example/suivi ne marche pas.')).offsite_links).toBe(0);
  });

  it('a "?" in a link or in relayed words is not the writer\'s question; relayed words are their own mark', async () => {
    const relay = await f('Boardly <notify@boardly.example>', 'Nina commented', 'Nina Hofer commented on Spring shoot:\n\n"Can we move it to Friday?"\n\nboardly.example/c/88?from=mail');
    expect(relay.question).toBe(0);
    expect(relay.relayed_quote).toBe(1);
    expect((await f('Rosa <rosa@example.org>', 'colis', 'Mon colis est-il parti ?')).question).toBe(1);
  });

  it('a survey\'s scale, an offer to act for the reader, the sender\'s firm presenting itself', async () => {
    expect((await f('Kartonix <feedback@kartonix.example>', 'Ihre Meinung', 'Wie zufrieden waren Sie?\n1 | 2 | 3 | 4 | 5')).rating_scale).toBe(1);
    expect((await f('Pia Lund <pia@lund-text.example>', 'Idee', 'Ich schreibe Produkttexte. Darf ich Ihnen Beispiele schicken?')).offer_question).toBe(1);
    expect((await f('Rosa <rosa@example.org>', 'lampe', 'La lampe ne marche pas, je peux la renvoyer ?')).offer_question).toBe(0);
    // a buyer offering a photo of the damage or the goods back offers nothing of their own; goods that arrived are a buyer's account
    const buyer = await f('Teo Marsh <teo@marsh-design.example>', 'Dented', 'The shade arrived dented. Shall I send you a picture, or would you like me to return it?');
    expect(buyer.offer_question).toBe(0);
    expect(buyer.goods_arrived).toBe(1);
    expect((await f('Rosa Pinto <rosa.pinto@example.org>', 'Vela', 'A vela chegou partida. Quer que lhe envie uma fotografia?')).goods_arrived).toBe(1);
    expect((await f('Ana Vidal <ana@vidal-rh.example>', 'Perfil', 'I came across your profile. Shall I send you the job description?')).goods_arrived).toBe(0);
    expect((await f('Sales <sales@packwise.example>', 'Boxes', 'Packwise makes mailer boxes for small brands.')).sender_org_in_text).toBe(1);
    expect((await f('Ivo Brandt <ivo@brandt-moebel.example>', 'Lampe', 'Die Lampe für das Büro ist defekt.\nbrandt-moebel')).sender_org_in_text).toBe(0);
  });

  it('who is addressed: the reader as a business or a prospect, not as the writer\'s seller', async () => {
    const pitch = await f('Edda Lind <edda.lind@example.net>', 'Idee', 'Hallo,\nich schreibe Texte für kleine Marken. Ihre Produktseiten sind sehr kurz.\nHätten Sie Interesse an einer Probe?');
    expect(pitch.reader_as_business).toBe(1);
    expect(pitch.businesses_plural).toBe(1);
    expect(pitch.prospect_question).toBe(1);
    // the invitation is not the writer's question to the shop
    expect(pitch.question).toBe(0);
    expect((await f('Rosa <rosa@example.org>', 'lampe', "J'ai découvert votre boutique, vos produits sont beaux. La lampe existe-t-elle en vert ?")).reader_as_business).toBe(0);
    const lure = await f('Zasilkovna <info@zasilka-poplatek.example>', 'Dopłata', 'Opłać 2,10 zł w ciągu 24 godzin: zasilka-poplatek.example/p');
    expect(lure.pay_elsewhere).toBe(1);
    expect(lure.hours_deadline).toBe(1);
    expect((await f('Rosa <rosa@example.org>', 'code', 'Le code HIVER10 de la lettre ne marche pas sur le panier.')).promo_code).toBe(1);
    // a buyer asking for a discount invites nothing: their question stays a question to the shop
    const buyer = await f('Ada Moor <ada@moor-cafe.example>', 'Mugs', 'Hello,\nWould you be open to a trade price for forty mugs?\nAda');
    expect(buyer.prospect_question).toBe(0);
    expect(buyer.question).toBe(1);
  });
});
