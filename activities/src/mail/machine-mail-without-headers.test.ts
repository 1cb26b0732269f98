import { cleanBody } from './clean-body';
import { customerVoice, orderNumberPattern } from './customer-voice';
import { detectMachineMail, type MachineMailOptions } from './machine-mail';
import { parseEmail } from './parse-email';
import { isLookalikeDomain, registrableDomain } from './sender-shape';
import { rawEmail } from './test-support/raw-email';

const SHOP: MachineMailOptions = {
  shop: { domains: ['boutique-aster.example', 'www.boutique-aster.example'], name: 'Boutique Aster' },
  orderNumber: orderNumberPattern('AST', 5),
};

const verdictOf = async (headers: Record<string, string>, body: string, options: MachineMailOptions = {}) => {
  const parsed = await parseEmail(rawEmail(headers, body));
  return detectMachineMail(parsed, cleanBody(parsed), { ...SHOP, ...options });
};

describe('out-of-office notices known only by their wording', () => {
  it.each([
    ['Congés', "Bonjour,\n\nJe suis en congé jusqu'au lundi 7 inclus. Pour toute demande urgente, merci de contacter ma collègue Inès au standard.\n\nBien à vous"],
    ['Re: votre message', "Madame, Monsieur,\n\nActuellement absente du bureau, je prendrai connaissance de votre message à mon retour.\n\nCordialement"],
    ['Re: facture', "Bonjour,\n\nCette adresse e-mail n'est plus consultée. Merci d'adresser vos messages à comptabilite@atelier-nord.example.\n\nMerci"],
    ['Re: your reply', 'Hello,\n\nThis mailbox is no longer monitored. Please resend your message to accounts@northwind.example.\n\nThank you'],
    ['Re: delivery', "Hi,\n\nI've left the company. For anything related to purchasing, please contact my colleague Sam.\n\nBest"],
    ['Away', "Thanks for your email. I'm away on annual leave with no access to email and will be back on 3 January."],
    ['[Ticket] Re: warranty question', '##- Please type your reply above this line -##\n\nYour request (99120) has been received and is being reviewed by our support staff.'],
    ['Re: samples', "Hi! Thanks for reaching out. I'm currently on vacation and will respond when I return next week."],
    ['Re: devis', "Bonjour,\n\nEn congé maternité jusqu'en mars. Merci d'écrire à atelier@verre-bleu.example pour toute question.\n\nBelle journée"],
    ['Re: commande de décembre', "Bonjour,\n\nJe suis absent jusqu'au 8 décembre. Pour le suivi des commandes, merci de contacter ma collègue Julie : julie@epicerie-fine.example.\n\nCordialement"],
    ['Re: order', "I'm OOO until Tuesday. For orders and deliveries please email our team at purchasing@greenleaf.example."],
    ['Re: Facture', "Bonjour,\n\nJ'ai quitté la société Verre Bleu. Merci d'adresser désormais vos messages à contact@verre-bleu.example.\n\nCordialement"],
    ['Fermeture', 'Bonjour,\n\nNos bureaux sont fermés du 24 décembre au 2 janvier. Nous traiterons votre message dès notre réouverture.\n\nL\'équipe'],
    // away said in the negative, or as mail not read
    ['Re: livraison', "Bonjour,\n\nMerci pour votre message. Je ne serai pas joignable avant lundi 14 et ne pourrai pas répondre d'ici là.\n\nSophie"],
    ['Re: tabliers', "Bonjour,\n\nQuelques jours de repos : je ne relèverai pas ma boîte mail avant le 20. Je vous répondrai à mon retour.\n\nLouis"],
    ['Re: your parcel', "Hello,\n\nThank you for your message. I won't be at my desk until Thursday 4th and will answer when I get back.\n\nPriya"],
  ])('"%s" is an auto-reply', async (subject, body) => {
    const v = await verdictOf({ Subject: subject }, body);
    expect(v.kind).toBe('auto_reply');
    expect(v.reasons).toEqual(['out_of_office_text']);
  });

  it.each([
    ['Livraison', "Bonjour, je suis en congé jusqu'au 7, pourriez-vous livrer ma commande AST-40211 après cette date ?"],
    ['Delivery', "Hi, I'm away on holiday until the 3rd. Could you hold my parcel until I'm back?"],
    ['Nouvelle adresse', "Bonjour, mon adresse e-mail a changé, merci d'utiliser celle-ci pour ma commande AST-40222."],
    ['Re: ma commande', "Je suis absente le jeudi, est-ce possible de livrer un autre jour ?"],
    ['Retour', "J'étais en vacances quand le colis est arrivé et je voudrais le retourner. Comment faire ?"],
    ['Livraison samedi', "Je suis en congé maternité, livrez samedi svp, j'ai commandé la bouilloire la semaine dernière."],
    ['Your shop', "Is your shop closed for the holidays? I sent two emails. My order hasn't shipped."],
    ['Livraison', "Je ne serai pas joignable avant le 14, pourriez-vous déposer le colis chez la gardienne ?"],
    ['Delivery', "I won't be at my desk until Thursday, so could the courier leave the parcel at reception?"],
    ['Holiday', "Thanks for reaching out. I was on holiday when you wrote and I did not get the parcel you mention."],
  ])('a customer who mentions being away ("%s") is not', async (subject, body) => {
    expect((await verdictOf({ Subject: subject }, body)).isMachine).toBe(false);
  });
});

describe('bounces in a mail server\'s own words, without a report part', () => {
  it('a French Exchange notice under its own subject, from an ordinary admin address', async () => {
    const v = await verdictOf({ From: 'Administrateur <admin@mairie-x.example>', Subject: "Notification d'état de remise (échec)" },
      "Ceci est un message généré automatiquement.\n\nÉchec de la remise aux destinataires ou groupes suivants :\n\n  paul@mairie-x.example");
    expect(v.kind).toBe('bounce');
  });

  it.each([
    [{ From: 'Mail Delivery System <MAILER-DAEMON@mx2.example.net>', Subject: 'Mail delivery failed: returning message to sender' },
      'This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its recipients. This is a permanent error.\n\n  jo@example.org\n    mailbox is full'],
    [{ From: 'Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@corp.example>', Subject: 'Non remis : Re: votre commande' },
      "La remise n'a pas abouti pour ces destinataires ou groupes :\n\nleo@corp.example\nL'adresse e-mail est introuvable."],
    [{ From: 'Postmaster <bounces@relay.example>', Subject: 'Undeliverable: Re: your parcel' },
      'Delivery has failed to these recipients or groups:\n\nmia@relay.example\nThe email address you entered couldn\'t be found.'],
    [{ From: 'Serveur de messagerie <robot@mail.hebergeur.example>', Subject: 'Message non délivré : Re: votre devis' },
      "Votre message n'a pas pu être délivré au destinataire suivant :\n\nanne@hebergeur.example\nBoîte aux lettres pleine."],
  ])('a bounce notice from %o', async (headers, body) => {
    expect((await verdictOf(headers, body)).kind).toBe('bounce');
  });

  it('a customer on file who quotes the bounce they got is not a bounce', async () => {
    const v = await verdictOf(
      { From: 'Lou <lou@example.org>', Subject: 'Undelivered Mail Returned to Sender ??' },
      "Hello, I wrote to you yesterday and got back 'your message could not be delivered'. Is this address still right?",
      { senderIsCustomer: true },
    );
    expect(v.isMachine).toBe(false);
  });
});

describe('phishing: a request for money or access, and a sender or link that does not add up', () => {
  it('a carrier-themed fee on a held parcel, paid on another domain', async () => {
    const v = await verdictOf(
      { From: 'Service Colis <alerte@colis-express-fr.example>', Subject: 'Votre colis est bloqué' },
      'Bonjour,\n\nVotre colis est retenu au centre de tri : des frais de douane de 2,49 EUR restent impayés.\nRéglez-les sous 24 heures, sinon le colis sera renvoyé :\nhttps://douane-paiement-colis.example/payer?ref=88\n\nService Colis',
    );
    expect(v.kind).toBe('spam');
    expect(v.reasons).toEqual(expect.arrayContaining(['spam', 'phishing', 'payment_request', 'action_link', 'pressure']));
  });

  it('a fake boss on a look-alike of the shop\'s domain, answering elsewhere', async () => {
    const v = await verdictOf(
      { From: 'Nadia - Boutique Aster <nadia@boutique-aste1.example>', 'Reply-To': 'nadia.aster@freemail.example', Subject: 'Besoin de toi' },
      "Salut,\n\nJe suis en réunion toute la journée, ne m'appelle pas. Achète 5 cartes cadeaux de 100 € aujourd'hui pour un client, c'est confidentiel, et envoie-moi les codes.\n\nNadia",
    );
    expect(v.reasons).toEqual(expect.arrayContaining(['phishing', 'lookalike_domain', 'impersonation', 'reply_to_elsewhere', 'secrecy']));
  });

  it('an account "restricted" until the reader verifies it', async () => {
    const v = await verdictOf(
      { From: 'Merchant Desk <alerts@paygate-notices.example>', Subject: 'Your account has been limited' },
      'Dear merchant,\n\nWe noticed unusual activity and your merchant account has been limited. Verify your business details within 48 hours to avoid a hold on your funds:\nhttps://paygate-verify-center.example/login',
    );
    expect(v.reasons).toEqual(expect.arrayContaining(['phishing', 'credential_request']));
  });

  it('stays phishing (critical) when the sender is also a no-reply address', async () => {
    const v = await verdictOf(
      { From: 'Webmail <no-reply@webmail-quota.example>', Subject: 'Quota dépassé' },
      'Cher utilisateur,\n\nVotre boîte aux lettres a atteint sa capacité. Les nouveaux messages seront rejetés sous 12 heures. Validez votre compte ici : https://quota-webmail.example/valider',
    );
    expect(v.reasons).toEqual(expect.arrayContaining(['no_reply_sender', 'phishing']));
  });

  it('customs duties "must be paid" through a link on a carrier look-alike', async () => {
    const v = await verdictOf(
      { From: 'Parcel Express <service@parcel-express-delivery.example>', Subject: 'Shipment on hold' },
      'Your shipment is on hold at customs. Import duties of 3.20 EUR must be paid before delivery. Click here to pay: https://customs-pay-parcel.example/p/771',
    );
    expect(v.reasons).toEqual(expect.arrayContaining(['phishing', 'payment_request', 'action_link']));
  });

  it.each([
    [{ From: 'La Poste <info@laposte-suivi-colis.example>', Subject: 'Livraison impossible' },
      "Bonjour, nous avons tenté de livrer votre colis aujourd'hui. Afin de reprogrammer la livraison, des frais de 2,99 € sont à régler avant demain : https://reprogrammer-colis.example/fr"],
    [{ From: 'Payments Desk <support@pay-billing-alerts.example>', Subject: 'Payout failed' },
      'Your payouts have been paused because we could not verify your bank account. Update your payment details now to avoid suspension: https://pay-billing-alerts.example/update'],
    [{ From: 'Fournisseur Emballages <compta@emballage-pro.example>', Subject: 'Changement de RIB' },
      "Bonjour,\n\nNous vous informons que nos coordonnées bancaires ont changé. Merci de régler la facture FA-2231 de 1 240 € sur le nouveau compte ci-joint dès aujourd'hui.\n\nService comptabilité"],
  ])('phishing in other words: %o', async (headers, body) => {
    expect((await verdictOf(headers, body)).reasons).toContain('phishing');
  });

  it('a small sum to pay and an address to update on a carrier look-alike, in French', async () => {
    const v = await verdictOf({ From: 'Chronopost <service@chronopost-colis-suivi.example>', Subject: 'Livraison reportée' },
      "Cher client,\n\nLe livreur n'a pas pu vous remettre votre colis. Merci de confirmer votre adresse de livraison et de régler 1,49 € pour une nouvelle livraison : https://chrono-relivraison.example/p\n\nChronopost");
    expect(v.kind).toBe('spam');
    expect(v.reasons).toEqual(expect.arrayContaining(['phishing', 'payment_request']));
  });

  it('a company-voiced unpaid "invoice" under a deadline is a payment demand', async () => {
    const v = await verdictOf(
      { From: 'Registre des Entreprises en Ligne <facturation@registre-pro.example>', Subject: 'Rappel : facture REL-88812' },
      'Madame, Monsieur,\n\nLa facture REL-88812 pour le référencement annuel de votre entreprise reste impayée. Montant : 390,00 EUR, à régler sous 10 jours par virement.\n\nService facturation',
    );
    expect(v.reasons).toEqual(['spam', 'unsolicited_payment_demand']);
  });

  it.each([
    ['Fwd: Votre colis est bloqué', "Bonjour, j'ai reçu ce message ce matin : « réglez 2,49 EUR sous 24 heures » avec un lien https://douane-paiement-colis.example/payer. C'est bien vous ?"],
    ['Suspicious email', "Hi, I got this email saying my account is restricted and I must verify your account details within 24 hours at https://aster-login.example. Is it legit?"],
    ['Facture', "Bonjour, veuillez régler la facture de réparation de 80 € sous 8 jours, sinon je saisis le tribunal : votre bouilloire a brûlé mon plan de travail."],
    ['Refund', 'Please pay the refund of my €59 today, otherwise I will open a dispute with my bank.'],
    ['Douane', "Le livreur me demande 12,50 € de frais de douane sous 48 heures sinon le colis repart. Normal ? C'est ma commande de lundi."],
    ['Account', 'Hello, your site says my account is suspended and I must verify your account details within 24 hours. I never asked for that. What happened?'],
  ])('a customer who reports or demands money ("%s") is not suppressed', async (subject, body) => {
    expect((await verdictOf({ Subject: subject }, body)).isMachine).toBe(false);
  });
});

describe('cold sales pitches', () => {
  it.each([
    ['Partnership idea', "Hi,\n\nI came across your shop on Instagram and love your ceramics. We help independent brands increase their sales with influencer campaigns. Would you be open to a quick call next week?\n\nBest,\nTom\nHead of Partnerships"],
    ['Vos coûts logistiques', "Bonjour,\n\nNous accompagnons les e-commerçants pour réduire leurs frais de transport jusqu'à 25 %. Seriez-vous disponible 15 minutes jeudi ? Sans engagement.\n\nClaire\nChargée d'affaires\n\nSi vous ne souhaitez plus recevoir nos messages, répondez STOP."],
    ['Quick question about boutique-aster.example', "Hello,\n\nI was checking boutique-aster.example and noticed it does not rank on the first page for \"linen apron\". We can fix that with a free audit. Reply \"yes\" and I'll send it.\n\nDana, Growth Consultant"],
    ['Your product photos', "Hi team,\n\nI'm Lena from PixelFarm. We design product pages that convert and I'd be happy to walk you through a free mockup for your teapot page. Let me know if you're interested!\n\nLena"],
    ['Collaboration', "Coucou ! Je suis Manon, créatrice de contenu déco (45k abonnés). Je serais ravie de collaborer : une vidéo sur vos tabliers en échange de produits. Cela vous intéresse ?"],
    ['Guest post opportunity', "Hi,\n\nI'm Rachel, content manager at DecorDaily. We publish sponsored posts with do-follow backlinks for $150. Would you like to feature your aprons? Let me know if you're interested.\n\nRachel"],
    ['Marketplace', 'Hello,\n\nWe would love to list your products on our marketplace, with 0% commission for the first three months. Would you be open to a short call?\n\nBest,\nMarco, Partnerships Manager'],
    // what the sender built or makes, a gain, a catalogue or demo to send
    ['Small question', "Hi,\n\nWho looks after marketing there? We've developed an AI plugin that answers shoppers' questions and could save your team hours each week. Happy to share a demo.\n\nNick"],
    ['Emballages', "Madame, Monsieur,\n\nNotre entreprise fabrique des cartons recyclés pour l'e-commerce. Nous vous offrons des tarifs dégressifs dès la première commande : n'hésitez pas à demander notre grille tarifaire.\n\nL'équipe CartoVert"],
  ])('"%s" is a pitch', async (subject, body) => {
    const v = await verdictOf({ From: 'Someone <someone@agency.example>', Subject: subject }, body);
    expect(v.kind).toBe('spam');
    expect(v.reasons).toEqual(['spam', 'cold_sales_pitch']);
  });

  it.each([
    ["Hello, a company called GrowthNow emailed me claiming to be your partner and offered a free audit of my site. Is that really you? I'd like to order a linen apron anyway.", {}],
    ["Bonjour, nous sommes un restaurant et voudrions commander 30 tabliers. Seriez-vous disponible pour un appel rapide ? Avez-vous un prix de gros ?", {}],
    ['Hi, I came across your shop and would love to buy two aprons. Would you be open to a quick call about sizes? Free shipping?', {}],
    ['We help you grow! Would you be open to a quick call? Free audit, reply YES.', { senderIsCustomer: true }],
    ["Hi, I'm Julie from Lyon. Happy to chat about your linen aprons: do you have them in navy? Let me know if you're free for a call, I want 3.", {}],
    ['Bonjour, je suis Marc de la boutique Verre Bleu à Nantes. Seriez-vous intéressés par un dépôt-vente de vos tabliers chez nous ? Ravi d\'en discuter.', { senderIsCustomer: true }],
  ])('a (would-be) customer is not: %s', async (body, options) => {
    expect((await verdictOf({ Subject: 'Question' }, body, options)).isMachine).toBe(false);
  });
});

describe('carrier and platform notices saying they are automatic', () => {
  it('a notice whose last line says not to reply', async () => {
    const v = await verdictOf(
      { From: 'Relais Colis <info@relais-colis.example>', Subject: 'Votre colis est disponible' },
      'Votre colis 88412 est disponible dans votre relais jusqu\'au 30/11. Cet avis est envoyé automatiquement. Merci de ne pas répondre directement à cet e-mail.',
    );
    expect(v.reasons).toEqual(['system_notification']);
  });

  it('a customer pasting such a notice into their own mail is not one', async () => {
    const body = "I got this from you: 'Your parcel was delivered. Please do not reply to this email.' But I didn't get anything!";
    expect((await verdictOf({ Subject: 'Delivered??' }, body)).isMachine).toBe(false);
  });
});

describe('newsletters without list headers', () => {
  it('a promotion built like a newsletter, footer and all', async () => {
    const v = await verdictOf(
      { From: 'Papeterie Lune <offres@papeterie-lune.example>', Subject: 'Black Friday : -30 % sur les carnets' },
      'Voir ce message dans votre navigateur\n\n-30 % sur tous les carnets jusqu\'à dimanche. Découvrez la collection.\n\nVous recevez cet e-mail car vous êtes inscrit à notre lettre.\nSe désinscrire',
    );
    expect(v.reasons).toEqual(['newsletter', 'bulk_mail_without_list_headers']);
  });

  it('a plain-text mailing to all the sender\'s clients', async () => {
    const v = await verdictOf(
      { From: 'Atelier Grès <atelier@gres-et-feu.example>', Subject: 'Les nouveautés de l\'hiver' },
      "Bonjour à tous,\n\nLes nouveautés de l'hiver sont en ligne : bols, pichets et une vente privée jusqu'au 10.\n\nPour vous désinscrire, répondez à ce message avec le mot STOP.",
    );
    expect(v.kind).toBe('newsletter');
  });

  it('a customer asking about a newsletter offer is not one', async () => {
    const body = "Bonjour, j'ai reçu votre newsletter du Black Friday (-30 %). Est-ce que la remise marche sur les tabliers ? Je n'arrive pas à me désinscrire non plus.";
    expect((await verdictOf({ Subject: 'Black Friday' }, body)).isMachine).toBe(false);
  });
});

describe('customers who talk about holidays, bounces, newsletters, offers or scams are never machine mail', () => {
  it.each([
    ['Absence', "Bonjour, je serai absente du 2 au 9 décembre. Merci de ne pas livrer pendant cette période, ou de déposer en point relais."],
    ['Out of office next week', "Hi, I'm out of the office next week until Friday, so please hold the delivery. Thanks, Ben"],
    ['Message non remis', "Bonjour, mon dernier mail m'est revenu avec « message non remis, destinataire inconnu ». Est-ce la bonne adresse pour le SAV ?"],
    ['Undeliverable', "I tried replying to your email and got an 'Undeliverable: mailbox unavailable' error. Anyway, is the kettle back in stock?"],
    ['Newsletter', "Hello, I'd like to unsubscribe from your newsletter please. To unsubscribe I clicked the link but nothing happened."],
    ['SEO', "Bonjour, une agence SEO m'a contactée en se faisant passer pour vous, en proposant un audit gratuit. Vous êtes au courant ?"],
    ['Partenariat', "Bonjour, je tiens un café à Lille et j'aimerais proposer vos tabliers à la vente chez nous. Seriez-vous ouverts à un partenariat ? Quel serait votre prix de gros ?"],
    ['Colis en attente', "Bonjour, j'ai reçu un SMS disant que mon colis est en attente et qu'il faut payer 1,99 € de frais. C'est une arnaque ?"],
    ['Frais de douane', 'Hello, DHL asks me to pay 14.20 EUR customs fees within 3 days or the parcel will be returned. You said duties were included!'],
    ['Gift cards', "Hi! I want to buy 10 gift cards of €50 for my staff today, it's urgent, can you invoice my company?"],
    ['Facture', "Madame, Monsieur, votre société m'a facturé deux fois. Merci de régler le trop-perçu sous 8 jours."],
    ['Account locked', "Your account is locked, it says. I need to verify your account details? I can't log in since yesterday, urgent."],
    ['Hello there', "Hi there, I came across your shop on Instagram! Do you ship to Belgium? I'd love a free sample of the tea if you do those."],
    ['Nouvelle adresse', "Bonjour, cette adresse e-mail n'est plus valide, merci d'utiliser dorénavant marie.l@free.example pour mon compte."],
    ['Closed?', 'Our office is closed on Friday so please deliver Thursday or Monday.'],
    ['Re: Votre commande', "Merci de ne pas répondre à ce message, m'avez-vous écrit, mais je n'ai pas eu de réponse à ma question sur la commande."],
    ['Wholesale', "We are a small concept store in Ghent. We'd like to order 20 aprons at wholesale prices. Would you be open to a quick call?"],
    ['Catalogue', "Bonjour, pourriez-vous m'envoyer votre catalogue ? Notre entreprise cherche des tabliers pour 12 salariés, avez-vous des tarifs dégressifs ?"],
    ['Frais', "Hello, at checkout I had to pay €4.90 for delivery although my basket was €62. Why?"],
  ])('"%s"', async (subject, body) => {
    const v = await verdictOf({ Subject: subject }, body);
    expect(v).toEqual({ isMachine: false, kind: null, reasons: [] });
  });
});

describe('customer-voice and sender-shape helpers', () => {
  it('reads a customer\'s marks', () => {
    expect(customerVoice('Where is my order?')).toBe('purchase_story');
    expect(customerVoice('Statut de AST-40211', { orderNumber: orderNumberPattern('AST', 5) })).toBe('names_shop_order');
    expect(customerVoice('Avez-vous des tabliers en lin ?')).toBe('buyer_question');
    expect(customerVoice('We help brands grow.')).toBeNull();
  });

  it('finds look-alike domains, not the shop\'s own or unrelated ones', () => {
    expect(registrableDomain('mail.notif.carrier.co.uk')).toBe('carrier.co.uk');
    const own = ['boutique-aster.example'];
    expect(isLookalikeDomain('boutique-aster.example', own)).toBe(false);
    expect(isLookalikeDomain('mx.boutique-aster.example', own)).toBe(false);
    expect(isLookalikeDomain('boutique-astre.example', own)).toBe(true);
    expect(isLookalikeDomain('boutique-aster.com', own)).toBe(true);
    expect(isLookalikeDomain('boutique-aster-paiement.example', own)).toBe(true);
    expect(isLookalikeDomain('gmail.com', own)).toBe(false);
  });
});

describe('machine mail in other words (issue 14, kind 4: structure, not one notice\'s phrasing)', () => {
  it.each([
    ['Re: devis', "Bonjour,\n\nJe suis actuellement en mission chez un client et ne relève mes mails que le soir. Je vous réponds en rentrant, jeudi au plus tard."],
    ['Re: quote', "Hi,\n\nI'm at a trade show in Milan with patchy wifi. I'll get back to you as soon as I can after the 9th."],
    ['Re: order', "Hello,\n\nYour email reached us safely. We aim to reply to every message within two working days."],
    ['Re: facture', "Bonjour,\n\nLa librairie est fermée pour inventaire jusqu'au 3 janvier. Nous lirons vos messages à notre retour."],
    ['Re: samples', "Hi there,\n\nI'm taking a few days off and won't be checking email until Monday the 12th."],
  ])('"%s" is an auto-reply', async (subject, body) => {
    expect((await verdictOf({ Subject: subject }, body)).reasons).toEqual(['out_of_office_text']);
  });

  it.each([
    [{ From: 'Mail Robot <robot@relay-nord.example>', Subject: 'Undelivered: Re: votre commande' },
      'The message you sent to lea@nord.example could not be delivered after 48 hours.\nReason: recipient domain unknown'],
    [{ From: 'Messagerie <admin@hebergeur-sud.example>', Subject: 'Message non délivré' },
      "Le courriel adressé à marc.b@sud.example n'a pas pu être acheminé : le compte destinataire est fermé."],
    [{ From: 'Gateway <gw@filter.example>', Subject: 'Delivery failure' },
      "Delivery to 'ops@filter.example' has failed: mailbox over quota."],
  ])('a bounce in a server\'s own words from %o', async (headers, body) => {
    expect((await verdictOf(headers, body)).kind).toBe('bounce');
  });

  it('a fee demand from a domain that wraps a name in delivery words is phishing', async () => {
    const v = await verdictOf(
      { From: 'Relais Express <contact@relaisexpress-livraison-frais.example>', Subject: 'Colis en attente' },
      "Votre colis n'a pas pu être livré. Réglez 1,20 € de frais avant demain, sinon il sera renvoyé : https://relaisexpress-livraison-frais.example/r",
    );
    expect(v.reasons).toEqual(expect.arrayContaining(['phishing', 'payment_request', 'brand_lookalike_domain']));
  });

  it('a price with a decimal point does not cut the sentence that asks to pay it', async () => {
    const v = await verdictOf(
      { From: 'DPD <notice@dpd-parcel-help.example>', Subject: 'Delivery attempt' },
      'We tried to deliver your parcel. Please pay the 1.99 GBP handling fee today to book a new slot: https://dpd-parcel-help.example/slot',
    );
    expect(v.reasons).toEqual(expect.arrayContaining(['phishing', 'payment_request']));
  });

  it.each([
    [{ From: 'Tom Reyes <tom@growthlab.example>', Subject: 'your checkout' }, "Hi, I spent a few minutes on your site and your checkout is costing you orders. Want me to record a free audit video for you?"],
    [{ From: 'Ana Lopez <ana@traductions-lopez.example>', Subject: 'Traduction' }, "Bonjour, rédactrice freelance, je réécris vos fiches produits pour le référencement. Des marques comme la vôtre gagnent en visibilité. Premier mois offert."],
  ])('a cold pitch about the shop\'s own business from %o', async (headers, body) => {
    expect((await verdictOf(headers, body)).reasons).toEqual(expect.arrayContaining(['spam', 'cold_sales_pitch']));
  });

  it('a bulletin with two footers and nothing else of a newsletter', async () => {
    const v = await verdictOf(
      { From: 'Réseau des artisans <bulletin@reseau-artisans.example>', Subject: 'Bulletin de décembre' },
      "Les dates des marchés de Noël sont en ligne.\n\nVous recevez ce message car vous êtes inscrit au réseau.\nSe désinscrire",
    );
    expect(v.kind).toBe('newsletter');
  });

  it.each([
    ['Voyage', "Bonjour, je suis en mission à l'étranger jusqu'au 10, ma commande AST-40233 peut-elle attendre mon retour ?"],
    ['Wifi', "Hi, I'm abroad with patchy wifi so sorry for the slow reply. Could you resend the tracking link for my order?"],
    ['Bounce?', "Hello, your last email to me said 'message could not be delivered' on my side. Did my return arrive?"],
  ])('a customer who writes of travel or a bounce ("%s") is not machine mail', async (subject, body) => {
    expect((await verdictOf({ Subject: subject }, body)).isMachine).toBe(false);
  });
});

describe('a server\'s own report under a bounce subject, from an address that looks like a person\'s', () => {
  it('is a bounce, its "I\'m sorry to inform you" notwithstanding', async () => {
    const v = await verdictOf(
      { From: 'Relay Team <relay@hosting-west.example>', Subject: 'Undelivered Mail Returned to Sender' },
      "This is the mail system at host mx3.hosting-west.example.\n\nI'm sorry to have to inform you that your message could not be delivered. I've attached it below.\n\nFinal-Recipient: rfc822; kim@nowhere.example\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 no such user",
    );
    expect(v.kind).toBe('bounce');
  });

  it('but a customer who pastes such a report and tells their story is not', async () => {
    const v = await verdictOf(
      { From: 'Kim <kim@client.example>', Subject: 'Undelivered Mail Returned to Sender' },
      "Hello, I wrote about my order and got this back:\nAction: failed\nStatus: 5.1.1\nWhat should I do?",
    );
    expect(v.isMachine).toBe(false);
  });
});
