/**
 * Hand-written paraphrase families for the machine-mail head (activities/src/mail/machine-head.ts): absence notices,
 * server reports, carrier- and payment-themed phishing, cold pitches, bulletins, platform notices — and the customers
 * whose mail looks like them (away and asking to hold a parcel, forwarding a bounce or a suspicious message, quoting
 * a newsletter, writing from a company mailbox or a phone). Each message is put together from interchangeable parts
 * (sender, opening, core, time, referral, closing) drawn by a seeded generator, in FR and EN (more kinds in seven
 * languages: machine-synthetic-languages.ts; the shop addressed as a prospect or a seller in eight: machine-synthetic-prospect.ts; notices' structure and the customers who share it in DE/ES/IT/NL/PT/PL/SV/CS: machine-synthetic-away.ts). Written for this
 * project; no fixture or third-party text. Deterministic.
 */
import type { Rand } from './logreg';
import { CUSTOMERS_MORE, MACHINE_MORE } from './machine-synthetic-languages';
import { CUSTOMERS_SELLER, MACHINE_PROSPECT } from './machine-synthetic-prospect';
import { CUSTOMERS_AWAY, MACHINE_AWAY } from './machine-synthetic-away';

export interface SyntheticMail { raw: string; machine: boolean; family: string }

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const maybe = (rand: Rand, p: number, s: string): string => (rand() < p ? s : '');

const PEOPLE = ['Nadia Benali', 'Olivier Fournier', 'Grace Holloway', 'Pieter de Vries', 'Aurélie Chan', 'Sam Whitfield', 'Malik Traoré', 'Ingrid Solberg', 'Rémi Castel', 'Zoe Park'];
const FIRMS = ['atelier-brun.fr', 'kestrel-partners.co.uk', 'groupe-vannier.com', 'bluefin-labs.io', 'cabinet-roche.fr', 'harbour-supply.com', 'lemon-studio.eu', 'ferme-des-saules.fr'];
const addr = (person: string, domain: string): string => `${person.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ /g, '.')}@${domain}`;

const DATES_FR = ['3 janvier', '12 décembre', 'lundi 7', '15/12', '2 février', 'mardi prochain'];
const DATES_EN = ['January 3rd', '12 December', 'Monday the 7th', '15/12', 'next Tuesday', 'the 2nd of February'];

type Maker = (rand: Rand) => { from: string; subject: string; body: string };

const MACHINE: Record<string, Maker[]> = {
  out_of_office: [
    (r) => {
      const p = pick(r, PEOPLE); const d = pick(r, FIRMS);
      return { from: `${p} <${addr(p, d)}>`, subject: pick(r, ['Re: votre message', 'Absence', 'Re: Suivi', 'En congés']), body: [
        pick(r, ['Bonjour,', 'Merci pour votre message.', '']),
        pick(r, ['Je suis en congés', "Je m'absente", 'Je suis en déplacement professionnel', 'Je suis en formation', 'Je ne suis pas au bureau']) + ` jusqu'au ${pick(r, DATES_FR)}` + pick(r, [' inclus.', '.', ' et je lirai vos messages à mon retour.']),
        maybe(r, 0.7, pick(r, ["Pour toute urgence, adressez-vous à l'accueil au 01 40 00 00 00.", `En mon absence, écrivez à ${addr('accueil', d)}.`, 'Votre message ne sera pas transféré.'])),
        pick(r, ['Cordialement,', 'Bien à vous,', 'Merci de votre patience,']), p].join('\n') };
    },
    (r) => {
      const p = pick(r, PEOPLE); const d = pick(r, FIRMS);
      return { from: `${p} <${addr(p, d)}>`, subject: pick(r, ['Re: your email', 'Away', 'Re: Order', 'Out until ' + pick(r, DATES_EN)]), body: [
        pick(r, ['Hi,', 'Hello,', 'Thanks for your note.', '']),
        pick(r, ["I'm away on annual leave", 'I am out at a trade show', "I'm off sick", 'I am travelling for work', 'I am on a training course']) + ` until ${pick(r, DATES_EN)}` + pick(r, [' and checking email only occasionally.', '.', ' with no access to email.']),
        maybe(r, 0.7, pick(r, [`If it's urgent please call the front desk or write to ${addr('office', d)}.`, 'Your message has not been forwarded.', "I'll catch up when I'm back."])),
        pick(r, ['Best,', 'Regards,', 'Cheers,']), p.split(' ')[0]!].join('\n') };
    },
    (r) => {
      const d = pick(r, FIRMS);
      return { from: `${pick(r, ['Accueil', 'Reception', 'Office'])} <${pick(r, ['accueil', 'office', 'contact'])}@${d}>`, subject: pick(r, ['Fermeture', 'Closed for the holidays', 'Information']), body: [
        pick(r, ['Bonjour,', 'Hello,']),
        pick(r, [`Nos bureaux sont fermés du 23 décembre au ${pick(r, DATES_FR)}.`, `The office is closed until ${pick(r, DATES_EN)}.`, `Notre équipe fait une pause jusqu'au ${pick(r, DATES_FR)}.`]),
        pick(r, ['Les messages reçus seront traités à la réouverture.', 'Emails will be answered in the order they arrive once we reopen.', 'Nous vous répondrons dès notre retour.']),
        pick(r, ['Bonnes fêtes !', 'Thank you for your patience.'])].join('\n') };
    },
    (r) => {
      const p = pick(r, PEOPLE); const d = pick(r, FIRMS);
      return { from: `${p} <${addr(p, d)}>`, subject: 'Re: ' + pick(r, ['Facture', 'Invoice', 'Demande']), body: [
        pick(r, ["I no longer work at this company and this inbox isn't checked.", "J'ai quitté l'entreprise, cette adresse n'est plus consultée.", 'This address is no longer in use.']),
        pick(r, [`Please get in touch with ${addr('team', d)} instead.`, `Merci d'écrire désormais à ${addr('contact', d)}.`, 'Kind regards.'])].join('\n') };
    },
  ],
  out_of_office_other_words: [
    (r) => {
      const p = pick(r, PEOPLE); const d = pick(r, FIRMS);
      return { from: `${p} <${addr(p, d)}>`, subject: pick(r, ['Re: devis', 'Re: Commande', 'Re: Question', 'Automatische Antwort', 'Risposta automatica', 'Respuesta automática']), body: [
        maybe(r, 0.6, pick(r, ['Merci de votre message.', 'Thanks for your email.', 'Vielen Dank für Ihre Nachricht.', 'Grazie per il suo messaggio.'])),
        pick(r, [
          'Je suis en rendez-vous toute la journée et je lirai mes mails ce soir.',
          'Je suis sur un salon professionnel cette semaine, mes réponses seront plus lentes.',
          'I am in workshops all day and will read messages this evening.',
          'I am at a trade fair in Frankfurt this week, replies will be slow.',
          'Ich bin bis 8. Januar nicht im Büro.',
          'Sono fuori ufficio fino al 6 gennaio.',
          'Estoy fuera de la oficina hasta el 7 de enero.',
          'Je suis en télétravail sans connexion fiable jusqu\'à jeudi.',
          'I have stepped away from my inbox for a few days.',
          'Je prends quelques jours de repos, retour prévu le 2.',
        ]),
        maybe(r, 0.6, pick(r, [`Pour le SAV : sav@${d}.`, `Dringende Anfragen bitte an info@${d}.`, `For orders, please write to orders@${d}.`, 'Merci de votre compréhension.'])),
        maybe(r, 0.5, p.split(' ')[0]!)].join('\n') };
    },
  ],
  bounce: [
    (r) => {
      const host = `mx${Math.floor(r() * 9)}.${pick(r, ['relay.example.net', 'mailhost.example.org', 'smtp.example.com'])}`;
      const to = addr(pick(r, PEOPLE), pick(r, ['free.fr', 'gmail.com', 'orange.fr']));
      return { from: pick(r, [`Mail Delivery System <mailer-daemon@${host}>`, `Postmaster <postmaster@${host}>`, `Serveur de messagerie <bounce@${host}>`]), subject: pick(r, ['Undeliverable: Your order', 'Message non remis', 'Delivery failure', 'Returned mail']), body: [
        pick(r, ['Delivery to the following recipient failed permanently:', "Votre message n'a pas pu être remis au destinataire suivant :", 'The message below was not delivered.', 'Le serveur distant a refusé le message.']),
        `    ${to}`,
        pick(r, [`Remote server said: 550 5.1.1 mailbox unavailable`, `Raison : 552 5.2.2 quota dépassé`, `${host} rejected: 554 5.7.1 relay denied`, 'Technical details: 550 5.1.1 user unknown']),
        '', pick(r, ['----- Original message -----', '--- Message d\'origine ---', 'Original message headers:']),
        `Subject: ${pick(r, ['Votre commande est expédiée', 'Your refund', 'Suivi de colis'])}`, 'From: support@maison-lumen.example'].join('\n') };
    },
    (r) => {
      const host = pick(r, ['mail.example.net', 'smtp-out.example.org']);
      return { from: `${pick(r, ['Mail Administrator', 'System Administrator', 'Messagerie'])} <${pick(r, ['admin', 'mailadmin', 'system'])}@${host}>`, subject: pick(r, ['Delivery Status Notification (Delay)', 'Message retardé', 'Warning: delayed']), body: [
        pick(r, ['Delivery to these recipients is delayed; we will keep trying for 2 more days.', "La remise de votre message est retardée. Nouvelle tentative dans 4 heures.", 'This is an automatically generated message. Your message has not yet been delivered.']),
        addr(pick(r, PEOPLE), 'laposte.net'),
        pick(r, ['Status: 4.4.7', 'Action: delayed', 'Reason: 451 4.4.1 no answer from host'])].join('\n') };
    },
  ],
  phishing: [
    (r) => {
      const brand = pick(r, ['UPS', 'DPD', 'Colis Privé', 'La Poste', 'GLS', 'Mondial Relay']);
      const dom = `${brand.toLowerCase().replace(/\s/g, '')}-${pick(r, ['suivi', 'delivery', 'frais', 'reprogrammer', 'track'])}.${pick(r, ['info', 'online', 'top', 'site', 'net'])}`;
      return { from: `${brand} <${pick(r, ['service', 'notification', 'info'])}@${dom}>`, subject: pick(r, ['Colis en attente', 'Your parcel is waiting', 'Dernier avis', 'Delivery unsuccessful']), body: [
        pick(r, ['Cher client,', 'Dear customer,', 'Bonjour,', 'Hello,']),
        pick(r, ["Votre colis est bloqué au centre de tri : des frais d'affranchissement de 2,99 € restent à régler.", 'Your package is held at our depot because a 1.75 GBP redelivery fee is unpaid.', 'Nous n\'avons pas pu livrer votre colis, les frais de douane de 3,10 EUR sont impayés.']),
        pick(r, [`Payer maintenant : https://${dom}/pay`, `Reschedule here: https://${dom}/confirm`, `https://${dom}/regler?id=${Math.floor(r() * 99999)}`]),
        pick(r, ['Sans action de votre part sous 24 h, le colis sera renvoyé.', 'Failure to pay within 48 hours will result in return to sender.', '']),
        brand].join('\n') };
    },
    (r) => {
      const brand = pick(r, ['Stripe', 'PayPal', 'Shopify', 'Amazon Seller']);
      const dom = `${brand.toLowerCase().replace(/\s/g, '')}-${pick(r, ['verify', 'securite', 'account', 'billing'])}.${pick(r, ['com', 'net', 'info'])}`;
      return { from: `${brand} <${pick(r, ['security', 'alerte', 'billing'])}@${dom}>`, subject: pick(r, ['Compte suspendu', 'Verify your account', 'Paiement refusé', 'Unusual sign-in']), body: [
        pick(r, ['Bonjour,', 'Dear merchant,', 'Cher utilisateur,']),
        pick(r, ['Nous avons suspendu vos versements suite à une vérification de sécurité.', 'We noticed an unusual sign-in to your account from a new device.', 'Votre moyen de paiement a été refusé.']),
        pick(r, [`Confirmez vos informations : https://${dom}/login`, `Verify now to avoid suspension: https://${dom}/verify`, `Mettez à jour vos coordonnées bancaires : https://${dom}/update`]),
        pick(r, ["L'équipe sécurité", 'Security team', 'Service client'])].join('\n') };
    },
  ],
  cold_pitch: [
    (r) => {
      const p = pick(r, PEOPLE); const d = pick(r, FIRMS);
      return { from: `${p} <${addr(p, d)}>`, subject: pick(r, ['Idée pour Maison Lumen', 'Partenariat', 'Quick idea for your store', 'Collaboration?']), body: [
        pick(r, ['Bonjour,', 'Hi there,', 'Hello Maison Lumen team,', 'Bonjour à toute l\'équipe,']),
        pick(r, ['En visitant votre site, j\'ai vu que vos fiches produit pourraient mieux convertir.', 'I was browsing your shop and loved the kettles.', 'Nous accompagnons les marques de déco dans leur croissance sur les marketplaces.', 'We run paid social campaigns for homeware brands.']),
        pick(r, ['Nos clients voient en moyenne +35 % de ventes en trois mois.', 'Our clients typically cut their shipping costs by 20%.', 'Nous proposons un audit offert, sans engagement.', 'We could take the whole thing off your plate.']),
        pick(r, ['Un appel de 20 minutes la semaine prochaine ?', 'Open to a short call on Thursday?', 'Seriez-vous disponible pour en discuter ?', 'Worth a chat?']),
        pick(r, ['Bien cordialement,', 'Best,', 'Cheers,']), p, pick(r, ['Responsable partenariats', 'Account Executive', 'Fondateur', 'Growth Lead']) + ' — ' + d.split('.')[0]!,
        maybe(r, 0.5, pick(r, ['Répondez STOP pour ne plus recevoir nos messages.', "If this isn't for you, just let me know and I'll stop."]))].join('\n') };
    },
    (r) => {
      const d = pick(r, FIRMS);
      return { from: `${pick(r, ['Emballages Durables', 'PackRight Europe', 'Imprimerie du Centre'])} <${pick(r, ['contact', 'sales', 'commercial'])}@${d}>`, subject: pick(r, ['Offre spéciale cartons', 'Custom packaging quote', 'Tarifs 2027']), body: [
        pick(r, ['Madame, Monsieur,', 'Dear Sir or Madam,', 'Bonjour,']),
        pick(r, ["Fabricant d'emballages depuis 1998, nous livrons plus de 400 boutiques en ligne.", 'We are a packaging manufacturer supplying over 400 online stores.']),
        pick(r, ['Cartons personnalisés à partir de 0,45 € l\'unité, livraison en 5 jours.', 'Custom mailer boxes from €0.45 per unit, minimum order 500.']),
        pick(r, ['Catalogue : https://' + d + '/catalogue', 'Request a free sample: https://' + d + '/sample']),
        pick(r, ['Le service commercial', 'Sales department'])].join('\n') };
    },
  ],
  creator_pitch: [
    (r) => {
      const p = pick(r, PEOPLE);
      return { from: `${p.split(' ')[0]!} <${addr(p, pick(r, ['gmail.com', 'fastmail.com', 'outlook.com', 'creatorhub.io']))}>`, subject: pick(r, ['collab ?', 'Partnership idea', 'Contenu pour Maison Lumen', 'UGC videos']), body: [
        pick(r, ['Hi Maison Lumen,', 'Coucou l\'équipe !', 'Hello!', 'Bonjour,']),
        pick(r, ["I run a home-decor account with 60k followers and I'd love to feature your lamps.", "Je crée des vidéos UGC pour les marques déco, 3 vidéos pour 150 €.", 'I make short product videos for brands like yours, examples on my page.', "J'anime un compte Instagram déco (40k abonnés) et vos bougies iraient parfaitement dans mon univers."]),
        pick(r, ['In exchange for a couple of products, or a small fee.', 'Mon media kit est en pièce jointe.', 'Portfolio: https://creatorhub.io/' + p.split(' ')[0]!.toLowerCase(), 'Je peux vous envoyer mes tarifs.']),
        pick(r, ['Let me know!', 'Au plaisir !', 'Talk soon,']), p.split(' ')[0]!].join('\n') };
    },
  ],
  newsletter_without_footer: [
    (r) => {
      const d = pick(r, ['atelier-mag.example', 'maker-notes.example', 'commerce-local.example']);
      return { from: `${pick(r, ['Atelier Mag', 'Maker Notes', 'Commerce Local'])} <${pick(r, ['edition', 'lettre', 'notes', 'redaction'])}@${d}>`, subject: pick(r, ['Édition de décembre', 'December notes', 'Le mois en bref']), body: [
        pick(r, ['Édition de décembre', 'December edition', 'Le mois en bref']), '',
        pick(r, ['Nos 3 conseils pour des vitrines de fêtes réussies', 'Five ways to light a small shop window', 'Le portrait du mois : une céramiste de Limoges']),
        pick(r, ['Agenda des salons de janvier', 'What we read this month', 'Trois boutiques qui ont changé de cap']),
        pick(r, ['Le chiffre du mois', 'Tools we like', 'Courrier des lecteurs']), '',
        `${pick(r, ['Lire en ligne', 'Read online', 'La suite'])} : https://${d}/${Math.floor(r() * 99)}`].join('\n') };
    },
  ],
  newsletter: [
    (r) => {
      const d = pick(r, ['lettre-commerce.example', 'retail-weekly.example', 'deco-pro.example']);
      return { from: `${pick(r, ['La Lettre du Commerce', 'Retail Weekly', 'Déco Pro Hebdo'])} <${pick(r, ['lettre', 'news', 'hebdo', 'editorial'])}@${d}>`, subject: pick(r, ['Numéro 214 : les soldes approchent', 'This week: holiday returns', 'Vos actus de la semaine']), body: [
        pick(r, ['Bonjour,', 'Hello,', '']),
        pick(r, ['Au programme :', 'In this issue:', 'Cette semaine :']),
        '- ' + pick(r, ['Retours de fin d\'année : 5 bonnes pratiques', 'How to handle holiday returns', 'Le baromètre du e-commerce']),
        '- ' + pick(r, ['Interview d\'une créatrice lyonnaise', 'Three brands that grew in Q3', 'Agenda des salons']),
        `https://${d}/${Math.floor(r() * 900)}`,
        pick(r, ['Pour vous désinscrire, cliquez ici.', 'Unsubscribe | Manage preferences', 'Vous recevez cet e-mail car vous êtes abonné.'])].join('\n') };
    },
  ],
  notification: [
    (r) => {
      const d = pick(r, ['platform-mail.example', 'notify.example.com']);
      return { from: `${pick(r, ['Avis Vérifiés', 'Marketplace Seller Hub', 'Google Business'])} <${pick(r, ['noreply', 'notifications', 'no-reply'])}@${d}>`, subject: pick(r, ['Nouvel avis client', 'New message in your seller hub', 'Your weekly report']), body: [
        pick(r, ['Bonjour Maison Lumen,', 'Hello,']),
        pick(r, ['Vous avez reçu un nouvel avis 5 étoiles.', 'You have 2 new messages from buyers in your seller hub.', 'Your listing had 340 views this week.']),
        `https://${d}/dashboard`,
        pick(r, ['Ceci est un message automatique, merci de ne pas y répondre.', 'This email was sent automatically.'])].join('\n') };
    },
  ],
  // documents a business sends (a supplier's invoice, a platform's receipt, a payment service's notice), in five languages
  transaction_document: [
    (r) => {
      const d = pick(r, FIRMS); const n = `${pick(r, ['FA', 'INV', 'F', 'RE', 'FT'])}-2026-${String(Math.floor(r() * 90000) + 10000)}`; const amount = `${Math.floor(r() * 900) + 20},${pick(r, ['00', '40', '90', '15'])} €`;
      return { from: `${pick(r, ['Facturation', 'Billing', 'Comptabilité', 'Accounts', 'Buchhaltung', 'Amministrazione'])} <${pick(r, ['facturation', 'billing', 'compta', 'accounts', 'invoices', 'rechnung'])}@${d}>`, subject: pick(r, [`Facture ${n}`, `Invoice ${n}`, `Rechnung ${n}`, `Fattura ${n}`, `Factura ${n}`, `Your invoice ${n}`]), body: [
        pick(r, ['Bonjour,', 'Hello,', 'Guten Tag,', 'Buongiorno,', 'Hola,', 'Dear customer,', '']),
        pick(r, [`Veuillez trouver ci-joint notre facture ${n} d'un montant de ${amount}.`, `Please find attached invoice ${n} for ${amount}.`, `Anbei erhalten Sie unsere Rechnung ${n} über ${amount}.`, `In allegato la fattura ${n} di ${amount}.`, `Adjuntamos la factura ${n} por un importe de ${amount}.`, `Your invoice ${n} is ready: total due ${amount}.`]),
        pick(r, ['Échéance : 30 jours fin de mois.', 'Payment is due within 30 days.', 'Zahlbar innerhalb von 14 Tagen.', 'Scadenza: 30 giorni data fattura.', 'Vencimiento: 30 días.', 'It will be charged to the card on file.']),
        pick(r, ['Nous vous remercions de votre confiance.', 'Thank you for your business.', 'Vielen Dank für Ihren Auftrag.', 'Grazie per la fiducia.', 'Gracias por su confianza.']),
        pick(r, ['Service comptabilité', 'Accounts team', d.split('.')[0]!])].join('\n') };
    },
    (r) => {
      const d = pick(r, ['shopmaker.io', 'paysafe-pro.com', 'stripebox.example', 'cartly.app', 'pagofacil.es', 'zahlnet.de']);
      const fee = (r() * 90 + 10).toFixed(2); const tx = (r() * 40 + 2).toFixed(2);
      return { from: `${pick(r, ['Cartly', 'Shopmaker Billing', 'PagoFácil', 'Zahlnet', 'Paysafe Pro'])} <${pick(r, ['billing', 'receipts', 'avisos', 'notifications', 'payments'])}@${d}>`, subject: pick(r, ['Your receipt', 'Reçu de paiement', 'Nuevo pago recibido', 'Zahlungseingang', 'Payment received', 'Votre relevé mensuel']), body: [
        pick(r, ['Hi Maison Lumen,', 'Bonjour,', 'Hola,', 'Hallo,', '']),
        pick(r, ['Thanks for your payment. Here is your receipt.', 'Nous avons bien reçu votre paiement.', `Has recibido un pago de ${tx} EUR.`, `Sie haben eine Zahlung über ${tx} EUR erhalten.`, `You've received a payment of €${tx}.`]),
        pick(r, [`Plan ........ €${fee}\nFees ........ €${tx}`, `Abonnement\t${fee} €\nFrais de transaction\t${tx} €`, `Referencia: PS-${Math.floor(r() * 90000) + 10000}-ES`, `Transaction ID: TX-${Math.floor(r() * 900000) + 100000}`]),
        pick(r, ['You can download a PDF copy from your billing settings.', 'Le montant sera disponible sous 2 jours ouvrés.', 'Este es un mensaje automático, por favor no respondas a este correo.', 'Diese E-Mail wurde automatisch erstellt.', ''])].join('\n') };
    },
  ],
  calendar: [
    (r) => {
      const p = pick(r, PEOPLE); const d = pick(r, FIRMS); const day = pick(r, ['Tue 15 Dec 2026', 'jeudi 10 décembre 2026', 'Mo. 14. Dez. 2026', 'mar 15 dic 2026']);
      const title = pick(r, ['Point fournisseur', 'Q1 rates review', 'Réunion logistique', 'Shooting catalogue', 'Jahresgespräch']);
      return { from: `${p} <${addr(p, d)}>`, subject: pick(r, [`Invitation: ${title} @ ${day} 10:00 - 10:30`, `Accepté : ${title}`, `Accepted: ${title}`, `Declined: ${title}`, `Angenommen: ${title}`, `Invitation mise à jour : ${title}`]), body: [
        pick(r, ['You have been invited to the following event.', `${p} a accepté cette invitation.`, `${p} has declined this invitation.`, `${p} hat diese Einladung angenommen.`, '']),
        title,
        pick(r, [`When: ${day} 10:00 – 10:30`, `Quand : ${day} 14:00 – 15:00`, `Wann: ${day} 09:00 – 09:45`]),
        maybe(r, 0.6, pick(r, ['Joining info: meet.example.com/xyz-abcd', 'Où : visio', 'Where: Harbour office, room 2'])),
        pick(r, [`Who: ${p} - organiser; support@maison-lumen.example`, `Participants : ${p}, support@maison-lumen.example`, `Teilnehmer: ${p}, support@maison-lumen.example`]),
        maybe(r, 0.5, 'Going? Yes - Maybe - No'),
        maybe(r, 0.5, 'Invitation from Calendar')].join('\n') };
    },
  ],
  out_of_office_other_languages: [
    (r) => {
      const p = pick(r, PEOPLE); const d = pick(r, ['ceramiche-rossi.it', 'tienda-luz.es', 'holz-werk.de', 'bakkerij-smit.nl', 'casa-sol.pt']);
      return { from: `${p} <${addr(p, d)}>`, subject: pick(r, ['R: Richiesta', 'RE: Pedido', 'AW: Anfrage', 'Antw: Bestelling', 'RE: Encomenda']), body: [
        pick(r, ['Gentile cliente,', 'Hola,', 'Guten Tag,', 'Beste,', 'Olá,', '']),
        pick(r, ['siamo chiusi per ferie dal 20 dicembre al 6 gennaio.', 'estamos de vacaciones hasta el 7 de enero.', 'ich bin bis zum 9. Januar im Urlaub.', 'ik ben met ouderschapsverlof tot en met 1 maart.', 'estou de férias até ao dia 10 de janeiro.', 'sono in maternità fino a marzo.', 'unser Betrieb ist vom 22. Dezember bis 6. Januar geschlossen.']),
        pick(r, ['Risponderemo alla sua email al nostro rientro.', 'Responderemos a su correo a nuestro regreso.', 'Ich beantworte Ihre Nachricht nach meiner Rückkehr.', 'Ik reageer na mijn terugkomst.', 'Responderemos no nosso regresso.', '']),
        pick(r, ['Buone feste!', 'Saludos,', 'Mit freundlichen Grüßen', 'Met vriendelijke groet,', 'Cumprimentos,']), p.split(' ')[0]!].join('\n') };
    },
  ],
  pitch_other_languages: [
    (r) => {
      const p = pick(r, PEOPLE); const d = pick(r, ['shop-wachstum.de', 'agencia-crece.es', 'crescita-web.it', 'groeibureau.nl']);
      return { from: `${p} <${addr(p, d)}>`, subject: pick(r, ['Partnerschaft', 'Colaboración', 'Proposta di collaborazione', 'Samenwerking', 'Mehr Umsatz für Ihren Shop']), body: [
        pick(r, ['Guten Tag,', 'Hola,', 'Buongiorno,', 'Beste,']),
        pick(r, ['wir helfen Online-Shops wie Ihrem, mehr zu verkaufen.', 'ayudamos a tiendas online como la suya a vender más.', 'aiutiamo negozi online come il suo a vendere di più.', 'wij helpen webshops zoals de uwe groeien.']),
        pick(r, ['Unsere Kunden steigern ihren Umsatz im Schnitt um 30 %.', 'Nuestros clientes aumentan sus ventas un 25 % de media.', 'I nostri clienti aumentano le vendite del 20 % in media.', 'Onze klanten verhogen hun omzet gemiddeld met 30 %.']),
        pick(r, ['Hätten Sie nächste Woche 15 Minuten für ein kurzes Gespräch?', '¿Tiene 15 minutos para una breve llamada?', 'Ha 15 minuti per una breve chiamata?', 'Heeft u tijd voor een kort gesprek?']),
        p, pick(r, ['Partner Manager', 'Key Account Manager', 'Consultor', 'Business Developer'])].join('\n') };
    },
  ],
};

const CUSTOMERS: Record<string, Maker[]> = {
  away_and_asks: [
    (r) => {
      const p = pick(r, PEOPLE);
      return { from: `${p} <${addr(p, pick(r, ['gmail.com', 'orange.fr', 'free.fr', 'outlook.com']))}>`, subject: pick(r, ['Livraison', 'Delivery while away', 'Ma commande']), body: [
        pick(r, ['Bonjour,', 'Hello,', 'Hi,']),
        pick(r, [`Je pars en vacances jusqu'au ${pick(r, DATES_FR)}.`, `I'm away until ${pick(r, DATES_EN)}.`, `Je suis en déplacement du 4 au ${pick(r, DATES_FR)}.`]),
        pick(r, ['Pouvez-vous retarder l\'envoi de ma commande ?', 'Could you hold my order until I am back?', 'Est-il possible de faire livrer chez ma voisine ?', 'Can the parcel go to a pickup point instead?']),
        pick(r, ['Merci d\'avance,', 'Thanks,']), p.split(' ')[0]!].join('\n') };
    },
  ],
  forwards_machine: [
    (r) => {
      const p = pick(r, PEOPLE);
      return { from: `${p} <${addr(p, pick(r, ['gmail.com', 'yahoo.fr', 'laposte.net']))}>`, subject: pick(r, ['Fwd: Delivery failure', 'TR: Colis en attente', 'Fwd: payment needed?']), body: [
        pick(r, ['Bonjour, j\'ai reçu ça, c\'est normal ?', 'Hi, I got this message, is it really from your carrier?', 'Bonjour, mon mail précédent n\'est pas passé, voici l\'erreur.']),
        pick(r, ['Je n\'ai rien payé.', 'I haven\'t clicked anything.', 'Pouvez-vous me dire où en est mon colis ?']),
        p.split(' ')[0]!, '', '---------- Forwarded message ---------',
        pick(r, ['Your parcel is on hold, pay 1.99 GBP: https://parcel-fee.example/pay', 'Votre message n\'a pas pu être remis : 550 5.1.1', 'Des frais de 2,99 € sont à régler.'])].join('\n') };
    },
  ],
  quotes_offer: [
    (r) => {
      const p = pick(r, PEOPLE);
      return { from: `${p} <${addr(p, pick(r, ['gmail.com', 'orange.fr', 'hotmail.com']))}>`, subject: pick(r, ['Re: -15 % ce week-end', 'Re: Your December offers', 'Code promo']), body: [
        pick(r, ['Bonjour,', 'Hi,']),
        pick(r, ['Le code de votre dernière newsletter ne passe pas au paiement.', 'Does the discount in your newsletter apply to lamps too?', 'Je voudrais profiter de l\'offre mais le lien ne marche pas.']),
        pick(r, ['Merci', 'Thanks a lot']), '', '> ' + pick(r, ['-15 % sur tout le site ce week-end', 'Shop our December offers']), '> ' + pick(r, ['Se désinscrire', 'Unsubscribe'])].join('\n') };
    },
  ],
  company_mailbox: [
    (r) => {
      const d = pick(r, FIRMS);
      return { from: `${pick(r, ['Contact', 'Accueil', 'Office'])} <${pick(r, ['contact', 'office', 'accueil'])}@${d}>`, subject: pick(r, ['Commande de fournitures', 'Order for our office', 'Devis']), body: [
        pick(r, ['Bonjour,', 'Hello,']),
        pick(r, ['Nous souhaiterions commander 6 lampes de bureau pour nos locaux.', 'We would like to order eight kettles for our staff kitchens.', 'Pourriez-vous nous faire un devis pour 10 plaids ?']),
        pick(r, ['Livrez-vous en Belgique ?', 'Can you invoice our company directly?', 'Quel est le délai ?']),
        pick(r, ['Cordialement,', 'Kind regards,']), pick(r, PEOPLE), pick(r, ['Office manager', 'Assistante de direction']), d.split('.')[0]!].join('\n') };
    },
  ],
  // a customer's short answer to the shop's reply: thanks for the message, what they will do, no question
  customer_short_answer: [
    (r) => {
      const p = pick(r, PEOPLE);
      return { from: `${p} <${addr(p, pick(r, ['gmail.com', 'orange.fr', 'free.fr', ...FIRMS]))}>`, subject: pick(r, ['Re: Votre demande', 'Re: your question', 'Re: Suivi', 'Re: Retour']), body: [
        pick(r, ['Merci pour votre message,', 'Thanks for your email,', 'Merci de votre réponse,', 'Thank you for getting back to me,']),
        pick(r, ["j'attends donc jusqu'à vendredi.", "I'll wait until Friday then.", 'je renvoie la lampe demain matin.', "I'm at work all day, I'll check the tracking tonight.", "je suis en déplacement cette semaine, je récupérerai le paquet lundi.", "I'm travelling until the 12th, my neighbour will take it in."]),
        maybe(r, 0.5, pick(r, ['Bonne journée', 'Have a nice day', 'Cordialement'])), p.split(' ')[0]!].join('\n') };
    },
  ],
  // people who write from a firm's or a role mailbox, in a firm's voice, with no purchase story: still people
  person_from_a_firm: [
    (r) => {
      const p = pick(r, PEOPLE); const d = pick(r, FIRMS);
      return { from: pick(r, [`${p} <${addr(p, d)}>`, `${pick(r, ['Comptabilité', 'Accounts', 'Accueil', 'Reception', 'Secrétariat'])} <${pick(r, ['compta', 'accounts', 'accueil', 'reception', 'info', 'contact', 'office'])}@${d}>`]),
        subject: pick(r, ['Merci', 'Facture', 'Invoice please', 'Colis reçu', 'Parcel at reception', 'Adresse de livraison', 'Re: devis', 'Thanks']), body: [
        pick(r, ['Bonjour,', 'Hello,', 'Bonjour Maison Lumen,', 'Hi team,', '']),
        pick(r, [
          'Merci pour la livraison rapide, tout est arrivé en parfait état.',
          'Thanks for the quick delivery, everything arrived in perfect condition.',
          "Merci d'adresser la facture au nom de la société, avec notre numéro de TVA.",
          'Please send the invoice in the name of the company, with our VAT number.',
          "Le colis au nom de Mme Vidal est arrivé à l'accueil, nous le gardons jusqu'à vendredi.",
          'The parcel for Mr Hale reached our front desk today, we will keep it until Friday 12 December.',
          "À partir du 5 janvier, merci d'utiliser notre nouvelle adresse de livraison : 4 rue des Tanneurs, 67000 Strasbourg.",
          'From 5 January please use our new delivery address: Unit 4, Mill Lane, Bristol.',
          'Nous avons bien reçu les trois lampes pour le bureau, elles plaisent beaucoup.',
          'The three lamps for the office came yesterday, the team loves them.',
          'La bouilloire livrée la semaine dernière ne chauffe plus du tout.',
          'The kettle delivered last week has stopped heating.',
          'Je serai absent du 12 au 20 décembre, merci de ne rien envoyer pendant cette période.',
          "We're closed from 24 December to 2 January, please don't ship anything to the office before then.",
        ]),
        maybe(r, 0.5, pick(r, ['Bonne journée,', 'Belle fin de semaine,', 'Have a good day,', 'Many thanks,'])),
        pick(r, [p, `${p}\n${pick(r, ['Office manager', 'Assistante de direction', 'Comptable', 'Responsable administrative', 'Head of operations'])}\n${d.split('.')[0]!}\nhttps://www.${d}`, `${pick(r, ['Le secrétariat', 'The front desk', "L'accueil", 'Accounts team'])}`])].join('\n') };
    },
  ],
  // customers whose mail carries a document's or a calendar's words: an invoice for their order, a charge, a slot
  asks_about_document: [
    (r) => {
      const p = pick(r, PEOPLE);
      return { from: `${p} <${addr(p, pick(r, ['gmail.com', 'orange.fr', 'outlook.com', ...FIRMS]))}>`, subject: pick(r, ['Facture', 'Invoice', 'Paiement', 'Payment', 'Créneau de livraison', 'Delivery slot']), body: [
        pick(r, ['Bonjour,', 'Hello,', 'Hi,']),
        pick(r, [
          "Pourriez-vous m'envoyer la facture de ma commande, au nom de la société ? Total 129,80 €.",
          'Could you send me the invoice for my order of 12 November (total €89.90)? I need it for my expenses.',
          'J\'ai été débitée deux fois de 49,90 € pour la même commande, référence bancaire 2026/11834. Pouvez-vous vérifier ?',
          'I was charged €64.80 twice, transaction ref TX-448812. Can you check and refund one of them?',
          "J'ai noté le mardi 15 décembre, 10:00 – 12:00, comme créneau de livraison : est-ce bien cela ?",
          'Is the delivery slot Tuesday 15 Dec, 10:00 - 12:00 right? I work from home that day.',
        ]),
        pick(r, ['Merci,', 'Thanks,', 'Cordialement,']), p].join('\n') };
    },
  ],
  phone_short: [
    (r) => {
      const p = pick(r, PEOPLE);
      return { from: `${p.split(' ')[0]!.toLowerCase()} <${addr(p, pick(r, ['gmail.com', 'icloud.com', 'sfr.fr']))}>`, subject: pick(r, ['colis', 'order', '?', 'retour']), body: [
        pick(r, ['toujours rien reçu', 'still nothing arrived', 'le lien de suivi marche pas', 'how do i send it back']),
        '', pick(r, ['Envoyé de mon iPhone', 'Sent from my phone', 'Sent from my Galaxy'])].join('\n') };
    },
  ],
};

function toRaw(m: { from: string; subject: string; body: string }, i: number): string {
  return [`From: ${m.from}`, 'To: Maison Lumen <support@maison-lumen.example>', `Subject: ${m.subject}`,
    `Date: Mon, 23 Nov 2026 09:${String(i % 60).padStart(2, '0')}:00 +0000`, `Message-ID: <synthetic-machine-${i}@example.invalid>`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', m.body.replace(/\n{3,}/g, '\n\n')].join('\r\n');
}

/** `perMaker` messages per part combination family, machine and customer alike. */
export function machineSynthetic(rand: Rand, perMaker = 12): SyntheticMail[] {
  const out: SyntheticMail[] = [];
  let i = 0;
  for (const [machine, families] of [[true, { ...MACHINE, ...MACHINE_MORE, ...MACHINE_PROSPECT, ...MACHINE_AWAY }], [false, { ...CUSTOMERS, ...CUSTOMERS_MORE, ...CUSTOMERS_SELLER, ...CUSTOMERS_AWAY }]] as const) {
    for (const [family, makers] of Object.entries(families)) {
      const draws = family === 'person_from_a_firm' || family === 'customer_short_answer' ? perMaker * 5 : perMaker;
      for (const make of makers) for (let n = 0; n < draws; n++) out.push({ raw: toRaw(make(rand), i++), machine, family });
    }
  }
  return out;
}
