/**
 * More hand-written families for the machine-mail head, for the kinds the blind sets kept finding new wording for:
 * promotions of small businesses written to their own customers, firms offering a service to the shop as a prospect,
 * event and webinar invitations, surveys from other companies, app notifications relaying a colleague's action, a
 * marketplace relaying a buyer's question, directory and domain "invoices" and prize or crypto lures — in FR, EN, DE,
 * ES, IT, NL and PT — and the customers whose mail shares their shape: a business buying in quantity, a person at a
 * firm whose signature carries a legal notice, a customer pasting a confirmation or a carrier's text with a question,
 * asking whether a newsletter's discount applies, or filling a request as a form. Written for this project from
 * interchangeable parts drawn by a seeded generator; no fixture, challenge-set or held-out text. Deterministic.
 */
import type { Rand } from './logreg';

export type Maker = (rand: Rand) => { from: string; subject: string; body: string };

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const maybe = (rand: Rand, p: number, s: string): string => (rand() < p ? s : '');
const slug = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '');

const FREE = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.es', 'libero.it', 'web.de', 'gmx.de', 'hotmail.nl', 'sapo.pt', 'orange.fr'];
const TLD = ['de', 'es', 'it', 'nl', 'pt', 'fr', 'be', 'at', 'co.uk', 'com'];
const PEOPLE = ['Lukas Weber', 'Carmen Ruiz', 'Matteo Greco', 'Femke Visser', 'João Costa', 'Hélène Garnier', 'Owen Price', 'Anja Keller', 'Lucía Moreno', 'Sofia Romano', 'Daan Bakker', 'Inês Ferreira'];
const addr = (person: string, domain: string): string => `${slug(person.split(' ')[0]!)}.${slug(person.split(' ')[1] ?? 'x')}@${domain}`;

/** A small business writing to its own customers: a season's offer, a price, a deadline, a bare link, a family's sign-off. */
const PROMOTION: Maker[] = [
  (r) => {
    const [biz, what, lang] = pick(r, [
      ['Bäckerei Sonnenkorn', 'Stollen und Lebkuchen', 'de'], ['Blumen Lindner', 'Adventskränze', 'de'], ['Librería El Faro', 'libros de cocina y agendas', 'es'],
      ['Olivar de la Vega', 'aceite nuevo de cosecha temprana', 'es'], ['Ceramiche Lago', 'tazze e piatti dipinti a mano', 'it'], ['Enoteca Sorsi', 'cassette di Natale', 'it'],
      ['Bloemenhuis Roos', 'kerststukjes', 'nl'], ['Boekhandel Het Anker', 'cadeauboeken', 'nl'], ['Quinta do Vale', 'cabazes de Natal', 'pt'],
      ['La Fromagerie d\'Élise', 'plateaux de fromages', 'fr'], ['Harbour Bakes', 'mince pies and Christmas cakes', 'en'],
    ] as const);
    const site = `${slug(biz)}.${pick(r, TLD)}`;
    const from = rand2(r) ? `${biz} <${slug(biz)}@${pick(r, FREE)}>` : `${biz} <${pick(r, ['info', 'hallo', 'ciao', 'hola', 'winkel', 'loja', 'bonjour', 'hello'])}@${site}>`;
    const price = `${Math.floor(r() * 60) + 9},${pick(r, ['00', '50', '90', '95'])} €`;
    const pct = `${pick(r, ['10', '15', '20', '25', '30'])} %`;
    const t: Record<string, [string[], string[], string[], string[]]> = {
      de: [['Liebe Kundinnen und Kunden,', 'Liebe Freunde des Hauses,', 'Hallo ihr Lieben,'], [`unsere ${what} sind da, ab ${price}.`, `diese Woche gibt es ${pct} Rabatt auf alle ${what}.`], [`Nur bis Sonntag, solange der Vorrat reicht.`, `Vorbestellungen bis zum 19. Dezember.`], ['Ihr Team', 'Herzliche Grüße, Familie']],
      es: [['Queridos clientes:', '¡Hola a todos!', 'Estimados amigos:'], [`ya tenemos ${what}, desde ${price}.`, `esta semana, ${pct} de descuento en ${what}.`], ['Solo hasta el domingo.', 'Pedidos antes del 19 de diciembre.'], ['Un abrazo del equipo', 'Saludos de la familia']],
      it: [['Cari clienti,', 'Care amiche e cari amici,', 'Ciao a tutti,'], [`sono arrivate le nostre ${what}, a partire da ${price}.`, `questa settimana ${pct} di sconto su ${what}.`], ['Fino a domenica o fino a esaurimento.', 'Ordini entro il 19 dicembre.'], ['Un saluto dal team', 'A presto, la famiglia']],
      nl: [['Beste klanten,', 'Lieve vrienden van de winkel,', 'Hallo allemaal,'], [`onze ${what} zijn er weer, vanaf ${price}.`, `deze week ${pct} korting op alle ${what}.`], ['Alleen tot en met zondag.', 'Bestellen kan tot 19 december.'], ['Groetjes van het team', 'Hartelijke groet, familie']],
      pt: [['Caros clientes,', 'Olá a todos,', 'Queridos amigos,'], [`já temos ${what}, a partir de ${price}.`, `esta semana, ${pct} de desconto em ${what}.`], ['Só até domingo.', 'Encomendas até 19 de dezembro.'], ['Um abraço da equipa', 'Cumprimentos da família']],
      fr: [['Chers clients,', 'Bonjour à toutes et à tous,', 'Chers amis gourmands,'], [`nos ${what} sont arrivés, dès ${price}.`, `cette semaine, ${pct} sur tous nos ${what}.`], ["Jusqu'à dimanche seulement.", 'Réservations avant le 19 décembre.'], ["Toute l'équipe", 'À bientôt, la famille']],
      en: [['Dear friends,', 'Hello everyone,', 'Hi all,'], [`our ${what} are back, from ${price}.`, `${pct} off all ${what} this week.`], ['Until Sunday only.', 'Order by 19 December.'], ['The whole team', 'Love from the family']],
    };
    const [greet, offer, until, close] = t[lang]!;
    return { from, subject: pick(r, offer).replace(/^./, (c) => c.toUpperCase()).slice(0, 60), body: [pick(r, greet), pick(r, offer), pick(r, until),
      pick(r, [`${site}/${pick(r, ['noel', 'weihnachten', 'navidad', 'natale', 'kerst', 'natal', 'xmas', 'shop'])}`, `https://${site}`, `www.${site}`]),
      maybe(r, 0.4, pick(r, ['Tel. 0123 45 67 89', 'Öffnungszeiten: Mo–Sa 8–18 Uhr', 'Horario: de 10 a 20 h', 'Orari: 9-19', 'Open: di-za 9-18'])),
      `${pick(r, close)} ${lang === 'en' ? '' : biz.split(' ').pop()!}`.trim()].join('\n') };
  },
];

const rand2 = (r: Rand): boolean => r() < 0.5;

/** A firm presenting itself to the shop as a prospect: what it does for sellers, a price or a figure, an offer to act. */
const FIRM_PITCH: Maker[] = [
  (r) => {
    const [firm, lang, does, figure, offer] = pick(r, [
      ['Lagerwerk', 'de', 'Lagerwerk lagert, verpackt und versendet die Ware von Online-Händlern aus zwei Hallen bei Leipzig.', 'Abrechnung pro Paket, keine Fixkosten.', 'Darf ich Ihnen unsere Preisliste schicken?'],
      ['Bildhaus', 'de', 'Bildhaus fotografiert Produkte für Marken aus dem Wohnbereich, freigestellt und im Ambiente.', 'Ab 18 € pro Motiv, Lieferung in fünf Werktagen.', 'Soll ich Ihnen ein paar Beispiele zeigen?'],
      ['Embalajes Norte', 'es', 'Embalajes Norte fabrica cajas de envío con su logotipo desde 300 unidades.', 'Precio por unidad desde 0,39 €.', '¿Le envío un juego de muestras?'],
      ['Cobrafacil', 'es', 'Cobrafacil anticipa hasta 50.000 € a tiendas online, que se devuelven con un porcentaje de las ventas.', 'Respuesta en 24 horas.', '¿Le interesaría ver su oferta?'],
      ['Spedisci', 'it', 'Spedisci gestisce magazzino e spedizioni per i negozi online, in Italia e in Europa.', 'Tariffe per ordine, senza minimi.', 'Posso inviarle il nostro listino?'],
      ['Vetrina Digitale', 'it', 'Vetrina Digitale porta i marchi di design sul nostro marketplace, con traduzioni incluse.', 'Commissione del 10 % sulle vendite, nessun costo di ingresso.', 'Le interesserebbe una breve call?'],
      ['Pakketpunt', 'nl', 'Pakketpunt verzorgt opslag en verzending voor webwinkels in de Benelux.', 'Vanaf € 2,10 per order, zonder vaste kosten.', 'Zal ik u een offerte sturen?'],
      ['Werving Direct', 'nl', 'Werving Direct vindt meertalige medewerkers voor klantenservice en logistiek.', 'U betaalt alleen bij plaatsing.', 'Mag ik u enkele profielen sturen?'],
      ['Envios Rapidos', 'pt', 'A Envios Rapidos armazena e envia as encomendas de lojas online para toda a Europa.', 'A partir de 1,90 € por encomenda.', 'Posso enviar-lhe a nossa tabela de preços?'],
      ['Verbatim Traductions', 'fr', 'Verbatim Traductions traduit les fiches produits des boutiques en ligne en six langues.', 'Forfait à partir de 4 € la fiche.', 'Souhaitez-vous que je vous prépare un devis ?'],
      ['Assurpro', 'fr', 'Assurpro assure le stock et les colis des commerçants en ligne contre la casse et le vol.', 'Cotisation dès 19 € par mois.', 'Puis-je vous appeler jeudi ?'],
      ['Tillfast', 'en', 'Tillfast supplies card terminals and payment links to independent retailers.', 'Fees from 0.9 % per transaction.', 'Shall I send you a comparison with your current provider?'],
      ['Rankwise', 'en', 'Rankwise writes and places articles that send buyers to homeware stores.', 'Packages start at €350 a month.', 'Would a short call next week be useful?'],
    ] as const);
    const p = pick(r, PEOPLE);
    const domain = `${slug(firm)}${pick(r, ['', '-europe', '-pro', '-group'])}.${pick(r, ['de', 'es', 'it', 'nl', 'pt', 'fr', 'com', 'eu'])}`;
    const greet: Record<string, string[]> = { de: ['Guten Tag,', 'Hallo zusammen,', 'Sehr geehrte Damen und Herren,'], es: ['Buenos días:', 'Hola,', 'Estimado equipo:'], it: ['Buongiorno,', 'Gentile team,', 'Salve,'], nl: ['Goedendag,', 'Beste lezer,', 'Hallo,'], pt: ['Bom dia,', 'Olá,', 'Caros senhores,'], fr: ['Bonjour,', 'Madame, Monsieur,', 'Bonjour à toute l\'équipe,'], en: ['Hi there,', 'Hello,', 'Good morning,'] };
    const title = pick(r, ['Business Development', 'Key Account', 'Vertrieb', 'Comercial', 'Commerciale', 'Sales', 'Partnerships', 'Account Manager']);
    return { from: `${p} <${addr(p, domain)}>`, subject: pick(r, [firm, `${firm} × Maison Lumen`, 'Maison Lumen', `${pick(r, ['Kurze Frage', 'Una propuesta', 'Una proposta', 'Een voorstel', 'Uma proposta', 'Une proposition', 'A quick idea'])}`]),
      body: [pick(r, greet[lang]!), does, figure, offer, '', p, `${title}, ${firm}`, maybe(r, 0.4, `www.${domain}`)].join('\n') };
  },
];

/** An event's invitation: a fair, a webinar, a workshop; when, where, free with a code or a link. */
const EVENT: Maker[] = [
  (r) => {
    const [org, lang] = pick(r, [['Messe Wohnen & Leben', 'de'], ['Feria Hábitat Sur', 'es'], ['Fiera Casa Idea', 'it'], ['Vakbeurs Wonen', 'nl'], ['Salon Déco Pro', 'fr'], ['Retail Tech Summit', 'en'], ['Webinar Contabilidade Fácil', 'pt']] as const);
    const dom = `${slug(org)}.${pick(r, ['de', 'es', 'it', 'nl', 'fr', 'com', 'pt'])}`;
    const lines: Record<string, string[]> = {
      de: [`Vom 20. bis 22. Januar 2027 in Köln: 300 Aussteller, Vorträge und Workshops.`, `Ihr kostenloses Fachbesucher-Ticket mit dem Code FACH27.`, `Jetzt registrieren: ${dom}/tickets`],
      es: [`Del 2 al 4 de febrero de 2027 en Sevilla: 250 expositores y charlas.`, `Su entrada profesional es gratuita con el código PROFESIONAL27.`, `Regístrese en ${dom}/entradas`],
      it: [`Dal 28 al 30 gennaio 2027 a Milano: 400 espositori e incontri.`, `Il suo ingresso è gratuito con il codice OPERATORI27.`, `Registrazione: ${dom}/ingresso`],
      nl: [`Van 9 tot 11 februari 2027 in Utrecht: 200 standhouders en lezingen.`, `Uw toegangsbewijs is gratis met de code VAK27.`, `Registreer via ${dom}/tickets`],
      fr: [`Du 24 au 26 janvier 2027 à Lyon : 300 exposants, conférences et ateliers.`, `Votre entrée professionnelle est offerte avec le code DECO27.`, `Inscription : ${dom}/badge`],
      en: [`Thursday 14 January 2027, 10:00–16:00, London Olympia: 60 talks on e-commerce.`, `Retailers get in free with code RETAIL27.`, `Register: ${dom}/register`],
      pt: [`Quinta-feira, 21 de janeiro, às 11:00: as novidades da faturação para lojas online.`, `A inscrição é gratuita.`, `Inscreva-se em ${dom}/webinar`],
    };
    const l = lines[lang]!;
    return { from: `${org} <${pick(r, ['events', 'einladung', 'eventos', 'eventi', 'info', 'invitations'])}@${dom}>`, subject: `${org}: ${pick(r, ['Einladung', 'Invitación', 'Invito', 'Uitnodiging', 'Invitation', 'You are invited', 'Convite'])}`,
      body: [pick(r, ['Guten Tag,', 'Estimado profesional:', 'Gentile operatore,', 'Beste ondernemer,', 'Madame, Monsieur,', 'Hello,', 'Olá,']), ...l, maybe(r, 0.5, pick(r, ['Wir freuen uns auf Sie!', '¡Le esperamos!', 'Vi aspettiamo!', 'Tot dan!', 'Au plaisir de vous accueillir.', 'See you there!'])), `${org}`].join('\n') };
  },
];

/** Another company's survey: how did we do, a scale of numbers or stars, a link. */
const SURVEY: Maker[] = [
  (r) => {
    const brand = pick(r, ['Parcelo', 'Printably', 'Cartly', 'Versandfix', 'Envialo', 'Spedito', 'Verzendnu', 'Colisimo Pro']);
    const dom = `${slug(brand)}.${pick(r, ['com', 'de', 'es', 'it', 'nl', 'fr'])}`;
    const [ask, lead] = pick(r, [
      ['How likely are you to recommend us to a colleague?', `You used ${brand} 31 times last month.`],
      ['Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?', `Sie haben im November 18 Sendungen mit ${brand} verschickt.`],
      ['¿Qué probabilidad hay de que nos recomiende?', `El mes pasado realizó 22 envíos con ${brand}.`],
      ['Quanto è probabile che ci consigli a un collega?', `A novembre ha spedito 27 pacchi con ${brand}.`],
      ['Hoe waarschijnlijk is het dat u ons aanbeveelt?', `U verzond vorige maand 40 pakketten met ${brand}.`],
      ['Quelle note donneriez-vous à notre service ?', `Vous avez expédié 35 colis avec ${brand} en novembre.`],
    ] as const);
    return { from: `${brand} <${pick(r, ['feedback', 'survey', 'umfrage', 'encuesta', 'sondaggio', 'enquete'])}@${dom}>`, subject: pick(r, ['2 minutes?', 'Your feedback', 'Ihre Meinung', 'Su opinión', 'La sua opinione', 'Uw mening', 'Votre avis']),
      body: [lead, ask, pick(r, ['0  1  2  3  4  5  6  7  8  9  10', '1 | 2 | 3 | 4 | 5', '★★★★★', '1 2 3 4 5']), `${dom}/${pick(r, ['survey', 'nps', 'umfrage', 'encuesta'])}?u=${Math.floor(r() * 99999)}`, brand].join('\n') };
  },
];

/** An app relaying a colleague's action: a comment, a shared file, a mention, with the app's own footer. */
const APP_NOTICE: Maker[] = [
  (r) => {
    const app = pick(r, ['Asana', 'Notion', 'Dropbox', 'Slack', 'Airtable', 'Monday', 'Figma', 'Basecamp']);
    const who = pick(r, ['Julie Morel', 'Ben Carter', 'Nina Hofer', 'Pablo Ortiz', 'Marco Villa']);
    const item = pick(r, ['Spring catalogue', 'Soldes janvier', 'Lagerbestand Q1', 'Fotos Alba', 'Supplier list', 'Newsletter décembre']);
    const [act, quote] = pick(r, [
      [`${who} commented on ${item}:`, '"Can we move the shoot to Thursday?"'], [`${who} a commenté ${item} :`, '« On valide les prix avant vendredi ? »'],
      [`${who} hat Sie in ${item} erwähnt:`, '„Kannst du die Mengen prüfen?“'], [`${who} shared "${item}" with you.`, ''],
      [`${who} mentioned you in ${item}:`, '"@support please check the last two rows"'], [`${who} ha commentato ${item}:`, '"Confermiamo i colori entro lunedì?"'],
    ] as const);
    return { from: `${app} <${pick(r, ['notifications', 'no-reply', 'notify', 'team'])}@${slug(app)}.${pick(r, ['com', 'io'])}>`, subject: act.replace(/:$/, ''),
      body: [act, '', quote, '', pick(r, [`View in ${app}`, `Open ${item}`, `In ${app} öffnen`, `Ouvrir dans ${app}`]), pick(r, ['Change notification settings', 'Manage email notifications', 'Benachrichtigungen verwalten', 'Gérer les notifications'])].join('\n') };
  },
];

/** A marketplace relaying a buyer's question about a listing: the buyer's words quoted, the answer to give on the platform. */
const MARKETPLACE_RELAY: Maker[] = [
  (r) => {
    const mp = pick(r, ['Etsy', 'Cdiscount Pro', 'Bol.com Partner', 'Amazon Seller Central', 'Manomano', 'Zalando Partner', 'Otto Market', 'Fnac Marketplace']);
    const product = pick(r, ['Bouilloire Nora', 'Plaid Lin', 'Lampe Alba', 'Théière Ona', 'Bougie Cèdre']);
    const [intro, q, how] = pick(r, [
      [`A buyer asked a question about ${product}:`, '"Does it come in grey?"', 'Answer within 24 hours from the Messages tab to keep your response rate.'],
      [`Un acheteur a une question sur ${product} :`, '« Est-ce compatible avec une plaque à induction ? »', 'Répondez depuis la rubrique Messages sous 48 h.'],
      [`Ein Käufer hat eine Frage zu ${product}:`, '„Ist das Kabel abnehmbar?“', 'Bitte antworten Sie innerhalb von 24 Stunden im Nachrichtenbereich.'],
      [`Een koper heeft een vraag over ${product}:`, '"Is deze ook in het zwart leverbaar?"', 'Beantwoord de vraag binnen 24 uur via het tabblad Berichten.'],
      [`Un comprador tiene una pregunta sobre ${product}:`, '«¿Cuánto mide de alto?»', 'Responda en 24 horas desde la sección Mensajes.'],
    ] as const);
    return { from: `${mp} <${pick(r, ['messages', 'seller-notifications', 'messagerie', 'nachrichten'])}@${slug(mp)}.${pick(r, ['com', 'fr', 'de', 'nl'])}>`, subject: pick(r, [`Question about ${product}`, `Nouvelle question : ${product}`, `Neue Frage: ${product}`, `Nieuwe vraag: ${product}`]),
      body: [pick(r, ['Hello Maison Lumen,', 'Bonjour Maison Lumen,', 'Hallo Maison Lumen,', 'Hola Maison Lumen,']), intro, q, how, mp].join('\n') };
  },
];

/** Lures: a directory's or domain's "invoice", a prize, a crypto transfer, a gift card; a payment asked, a deadline. */
const LURE: Maker[] = [
  (r) => {
    const [org, lines] = pick(r, [
      ['Registro Europeo de Empresas', ['Su inscripción anual en el registro europeo está pendiente de pago.', 'Importe: 389,00 €', 'Pague antes de 10 días para evitar recargos.']],
      ['Deutsches Firmenverzeichnis', ['Ihr Eintrag im Firmenverzeichnis 2027 wurde vorgemerkt.', 'Betrag: 412,00 € zzgl. MwSt.', 'Zahlbar sofort nach Erhalt.']],
      ['Trademark Watch Office', ['Your trademark MAISON LUMEN is due for publication in our international register.', 'Publication fee: €1,290.00', 'Payment within 7 days keeps your protection active.']],
      ['Registro Domini Italia', ['Il dominio maison-lumen.example scade tra 5 giorni.', 'Rinnovo annuale: 79,00 €', 'Senza rinnovo il sito non sarà più raggiungibile.']],
      ['Bedrijvengids Benelux', ['Uw vermelding in de Bedrijvengids is verlopen.', 'Verlenging: € 295,00', 'Betaal binnen 8 dagen om verwijdering te voorkomen.']],
      ['Annuaire des Artisans de France', ['Votre fiche annuelle est prête à être publiée.', 'Montant : 298,00 € HT', 'Règlement à réception par virement.']],
      ['Lotto Premi Online', ['Il suo negozio è stato estratto: buono da 1.000 €.', 'Spese di gestione: 12,90 €', 'Il premio scade tra 48 ore.']],
      ['Crypto Vault Support', ['A deposit of 0.37 BTC is waiting in your wallet.', 'Network fee to release it: €39', 'The deposit expires in 24 hours.']],
      ['Prémios Loja do Ano', ['A sua loja ganhou um cartão-presente de 750 €.', 'Taxa de envio: 8,50 €', 'Confirme em 72 horas.']],
    ] as const);
    const dom = `${slug(org).slice(0, 14)}-${pick(r, ['secure', 'pay', 'online', 'office', 'portal'])}.${pick(r, ['com', 'net', 'info', 'eu'])}`;
    const ref = `${pick(r, ['REF', 'RG', 'INV', 'FV', 'N'])}-${2026}-${Math.floor(r() * 90000) + 10000}`;
    return { from: `${org} <${pick(r, ['billing', 'facturacion', 'rechnung', 'fatture', 'facturation', 'support', 'premios'])}@${dom}>`, subject: pick(r, [`${ref}`, `${org} – ${ref}`, `Final notice ${ref}`, `Letzte Mahnung ${ref}`, `Aviso ${ref}`]),
      body: [pick(r, ['Dear Sir or Madam,', 'Sehr geehrte Damen und Herren,', 'Estimado cliente:', 'Gentile titolare,', 'Geachte heer, mevrouw,', 'Madame, Monsieur,', 'Caro lojista,']), ...lines,
        pick(r, [`${dom}/pay?ref=${ref}`, `https://${dom}/${pick(r, ['claim', 'release', 'zahlung', 'pago', 'pagamento'])}`, 'IBAN: LT12 3456 7890 1234 5678', '']), org].join('\n') };
  },
];

/** A business buying in quantity, sometimes with an event's fields: asks a price, a delay, a delivery abroad. */
const TRADE_BUYER: Maker[] = [
  (r) => {
    const [biz, domain, lines] = pick(r, [
      ['Hotel Bergblick', 'hotel-bergblick.at', ['Wir renovieren 14 Zimmer und suchen dafür 14 gleiche Nachttischlampen.', 'Gibt es einen Mengenrabatt, und liefern Sie nach Österreich?']],
      ['Café Central', 'cafecentral.es', ['Somos una cafetería en Valencia y queremos diez teteras iguales.', '¿Hacen descuento por cantidad? ¿Cuánto tarda el envío a España?']],
      ['Scuola Materna Arcobaleno', 'arcobaleno-scuola.it', ['Per la nostra scuola cerchiamo otto plaid lavabili.', 'È possibile avere un preventivo con la fattura intestata alla scuola?']],
      ['Restaurant De Linde', 'delinde.nl', ['Voor ons restaurant zoeken we twintig kandelaars in dezelfde kleur.', 'Kunnen jullie een prijs per stuk geven bij deze aantallen?']],
      ['Agence Lumière Events', 'lumiere-events.fr', ['Événement : dîner de gala\nDate : vendredi 22 janvier\nLieu : Château de Brindas', 'Nous aurions besoin de 30 photophores livrés avant le 18. Est-ce faisable, et à quel prix ?']],
      ['Northgate Weddings', 'northgateweddings.co.uk', ['Event: wedding breakfast\nDate: Saturday 13 February\nVenue: Hartley Barn', 'Could you supply 24 tea-light holders by the 10th, and is there a trade discount?']],
      ['Casa Aurora', 'casa-aurora.pt', ['Temos um alojamento local com seis quartos e queremos seis candeeiros iguais.', 'Fazem desconto e entregam em Portugal?']],
    ] as const);
    const p = pick(r, PEOPLE);
    return { from: pick(r, [`${biz} <${pick(r, ['info', 'hallo', 'hola', 'events', 'contact', 'reservas'])}@${domain}>`, `${p} <${addr(p, domain)}>`]), subject: pick(r, ['Anfrage', 'Consulta', 'Richiesta', 'Vraag', 'Demande de devis', 'Quantity order', 'Pedido']),
      body: [pick(r, ['Guten Tag,', 'Hola,', 'Buongiorno,', 'Hallo,', 'Bonjour,', 'Hello,', 'Olá,']), ...lines, pick(r, ['Danke,', 'Gracias,', 'Grazie,', 'Bedankt,', 'Merci,', 'Many thanks,', 'Obrigado,']), p.split(' ')[0]!, biz].join('\n') };
  },
];

/** A person at a firm asking about their purchase, whose signature carries the firm's name and a legal notice. */
const FIRM_CUSTOMER_DISCLAIMER: Maker[] = [
  (r) => {
    const [firm, domain, ask, notice] = pick(r, [
      ['Keller Steuerberatung', 'keller-steuer.de', 'Könnten Sie die Rechnung für die zwei Stehleuchten auf unsere Kanzlei ausstellen?', 'Diese Nachricht ist vertraulich. Sollten Sie nicht der vorgesehene Empfänger sein, löschen Sie sie bitte.'],
      ['Ruiz Abogados', 'ruizabogados.es', '¿Me pueden enviar la factura del plaid a nombre del despacho, con nuestro CIF?', 'Este correo es confidencial y se dirige solo a su destinatario.'],
      ['Studio Greco Architetti', 'studiogreco.it', 'Il pacco non è ancora arrivato in studio: potete dirmi dove si trova?', 'Questo messaggio è riservato. Se lo ha ricevuto per errore, la preghiamo di cancellarlo.'],
      ['Visser Notarissen', 'vissernotaris.nl', 'Is het mogelijk de factuur op naam van ons kantoor te zetten?', 'Dit bericht is vertrouwelijk en uitsluitend bestemd voor de geadresseerde.'],
      ['Cabinet Garnier Avocats', 'garnier-avocats.fr', "La lampe livrée au cabinet hier clignote : pouvez-vous l'échanger ?", 'Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leur destinataire.'],
      ['Price & Hale Surveyors', 'pricehale.co.uk', 'The kettle we had delivered to the office leaks at the base. What should we do?', 'This email and any attachments are confidential and intended solely for the addressee.'],
    ] as const);
    const p = pick(r, PEOPLE);
    return { from: `${p} <${addr(p, domain)}>`, subject: pick(r, ['Rechnung', 'Factura', 'Consegna', 'Factuur', 'Lampe', 'Kettle', 'Commande', 'Order']),
      body: [pick(r, ['Guten Tag,', 'Buenos días:', 'Buongiorno,', 'Goedemiddag,', 'Bonjour,', 'Hello,']), ask, pick(r, ['Mit freundlichen Grüßen', 'Saludos,', 'Cordiali saluti,', 'Met vriendelijke groet,', 'Cordialement,', 'Kind regards,']), p, `${firm} | ${pick(r, ['Hauptstraße 4', 'Calle Mayor 10', 'Via Roma 8', 'Keizersgracht 12', '5 rue Mercière', '12 High Street'])}`, notice].join('\n') };
  },
];

/** A customer pasting what they received (the shop's confirmation, a carrier's text) with their question above it. */
const PASTES_AND_ASKS: Maker[] = [
  (r) => {
    const p = pick(r, PEOPLE);
    const [ask, pasted] = pick(r, [
      ['Ist das noch die alte Adresse? Ich bin umgezogen.', 'Vielen Dank für Ihre Bestellung! Lieferung an: Gartenweg 3, 10115 Berlin.'],
      ['¿Esto es de ustedes? No elegí este transportista.', 'GLS: Su paquete de MAISON LUMEN llegará mañana entre 9:00 y 12:00. gls-es.example/t/4471'],
      ['Questo messaggio viene da voi? Non ho scelto BRT.', 'BRT: il suo pacco MAISON LUMEN sarà consegnato domani. brt.example/t/99812'],
      ['Klopt dit adres nog? Ik ben verhuisd.', 'Bedankt voor je bestelling! We leveren op: Dorpsstraat 7, 3512 Utrecht.'],
      ["c'est normal que ce soit Chronopost ?", 'Chronopost : votre colis MAISON LUMEN sera livré demain entre 14h et 15h. chrono.example/r/5521'],
      ['wrong postcode on this, can you fix it before it ships?', 'Thanks for your order! Delivering to: 8 Elm Row, EH7 4AA Edinburgh.'],
    ] as const);
    return { from: `${p} <${addr(p, pick(r, FREE))}>`, subject: pick(r, ['Adresse', 'Dirección', 'Indirizzo', 'Adres', 'Transporteur ?', 'postcode', '?', 'Frage']),
      body: [pick(r, ['', '', 'Hallo, das kam heute:', 'Hola, me ha llegado esto:', 'Ciao, ho ricevuto questo:', 'Hoi, dit kreeg ik vandaag:', "Bonjour, j'ai reçu ça :", 'Hi, I got this today:']), pick(r, [`"${pasted}"`, `> ${pasted}`, pasted]), '', ask, p.split(' ')[0]!].join('\n') };
  },
];

/** A customer asking whether a newsletter's or a promotion's discount applies, in their language. */
const DISCOUNT_QUESTION: Maker[] = [
  (r) => {
    const p = pick(r, PEOPLE);
    const pct = pick(r, ['10', '15', '20', '25']);
    return { from: `${p} <${addr(p, pick(r, FREE))}>`, subject: pick(r, ['Rabatt', 'Descuento', 'Sconto', 'Korting', 'Réduction', 'Discount', 'Desconto']), body: [
      pick(r, ['Hallo,', 'Hola,', 'Ciao,', 'Hoi,', 'Bonjour,', 'Hi,', 'Olá,']),
      pick(r, [`gilt der Rabatt von ${pct} % aus Ihrem Newsletter auch für Lampen?`, `¿el ${pct} % de descuento de la newsletter vale también para las mantas?`, `lo sconto del ${pct} % della newsletter vale anche per le teiere?`, `geldt de ${pct} % korting uit jullie nieuwsbrief ook voor kaarsen?`, `la remise de ${pct} % de votre lettre d'info s'applique-t-elle aux plaids ?`, `does the ${pct}% off from your newsletter work on kettles too?`, `o desconto de ${pct} % da newsletter também serve para velas?`]),
      maybe(r, 0.5, pick(r, ['In der Mail stand:\n„Nur bis Sonntag: -20 % auf alles mit dem Code WINTER20“', 'Su correo decía:\n«Solo hasta el domingo: -20 % con el código INVIERNO20»', 'Nella mail c\'era scritto:\n"Solo fino a domenica: -20 % con il codice INVERNO20"', 'Uw mail zei:\n"Alleen tot zondag: 20 % korting met code WINTER20"', 'Votre mail disait :\n« Jusqu\'à dimanche : -20 % sur tout avec le code HIVER20 »', 'Your email said:\n"Until Sunday: 20% off everything with code WINTER20"'])),
      maybe(r, 0.4, pick(r, ['Der Code geht auf maison-lumen.example/warenkorb nicht.', 'El código no funciona en maison-lumen.example/carrito.', 'Il codice non funziona su maison-lumen.example/carrello.', 'De code werkt niet op maison-lumen.example/winkelmand.', 'Le code est refusé sur maison-lumen.example/panier.', "The code won't work at maison-lumen.example/basket."])),
      pick(r, ['Danke!', '¡Gracias!', 'Grazie!', 'Dank je!', 'Merci !', 'Thanks!', 'Obrigada!']), p.split(' ')[0]!].join('\n') };
  },
];

/** A customer's request laid out as a form: fields, one per line, then a sentence asking what to do. */
const FORM_REQUEST: Maker[] = [
  (r) => {
    const p = pick(r, PEOPLE);
    const n = `CMD-${10200 + Math.floor(r() * 300)}`;
    const form = pick(r, [
      [`Name: ${p}`, `Bestellung: ${n}`, 'Artikel: Wasserkocher', 'Grund: Deckel schließt nicht', 'Wunsch: Umtausch', 'Wie gehe ich vor?'],
      [`Nombre: ${p}`, `Pedido: ${n}`, 'Artículo: tetera', 'Motivo: llegó rota', 'Solución: reembolso', '¿Qué tengo que hacer?'],
      [`Nome: ${p}`, `Ordine: ${n}`, 'Articolo: lampada', 'Motivo: non si accende', 'Richiesta: cambio', 'Come devo procedere?'],
      [`Naam: ${p}`, `Bestelling: ${n}`, 'Artikel: plaid', 'Reden: verkeerde kleur', 'Wens: ruilen', 'Hoe gaat dat in zijn werk?'],
      [`Name: ${p}`, `Order: ${n}`, 'Item: candle set', 'Reason: one jar cracked', 'Wanted: replacement', 'What do I need to do?'],
    ]);
    return { from: `${p} <${addr(p, pick(r, FREE))}>`, subject: pick(r, ['Rücksendung', 'Devolución', 'Reso', 'Retour', 'Return']), body: form.join('\n') };
  },
];


/** One person offering their own service in the first person, and closing on an offer to act for the shop. */
const PERSON_PITCH: Maker[] = [
  (r) => {
    const [lang, who, what, offer] = pick(r, [
      ['de', 'ich bin freie Texterin und schreibe Produkttexte für Online-Shops aus dem Wohnbereich.', 'Drei Beispieltexte zu Ihren Lampen würde ich kostenlos erstellen.', 'Darf ich Ihnen meine Mappe schicken?'],
      ['de', 'ich vermittle Fachkräfte für Kundenservice und Versand an Händler in ganz Deutschland.', 'Aktuell habe ich zwei erfahrene Kandidatinnen, sofort verfügbar.', 'Soll ich Ihnen die Profile anonym zusenden?'],
      ['es', 'soy fotógrafa de producto y trabajo con marcas de decoración.', 'Con fotos nuevas sus fichas venderían más; hago sesiones desde 200 €.', '¿Le envío mi portfolio?'],
      ['es', 'presento un programa de radio local sobre diseño y hogar.', 'Cada semana recomiendo una marca a unos 20.000 oyentes, por una pequeña tarifa.', '¿Le interesaría aparecer en enero?'],
      ['it', 'sono una consulente di marketing e seguo piccoli marchi di arredamento.', 'In un mese posso migliorare le vostre campagne sui social, senza vincoli.', 'Posso prepararvi una proposta?'],
      ['it', 'mi occupo di selezione del personale per il commercio online.', 'Ho un candidato bilingue per il servizio clienti, disponibile da gennaio.', 'Vuole che le mandi il curriculum?'],
      ['nl', 'ik ben zelfstandig vertaler Frans-Nederlands en werk veel voor webwinkels.', 'Uw productpagina\'s vertaal ik voor een vaste prijs per pagina.', 'Zal ik een proefvertaling maken?'],
      ['nl', 'ik maak korte video\'s voor merken op sociale media.', 'Drie video\'s kosten € 180, inclusief montage.', 'Mag ik u een paar voorbeelden sturen?'],
      ['pt', 'sou designer gráfica e crio embalagens para pequenas marcas.', 'Posso redesenhar as vossas caixas por um preço fixo.', 'Posso enviar-lhe alguns exemplos?'],
      ['fr', 'je suis photographe culinaire et déco, installée à Nantes.', 'Je réalise des séries de photos produits à partir de 250 € la demi-journée.', 'Voulez-vous que je vous envoie quelques exemples ?'],
      ['fr', 'je recrute des profils service client pour des boutiques en ligne.', "J'ai actuellement une candidate bilingue disponible en janvier.", 'Souhaitez-vous que je vous transmette son CV ?'],
      ['en', 'I run a small newsletter about slow interiors, read by 12,000 people every Sunday.', 'A featured slot costs £120 and includes a link to your shop.', 'Shall I pencil you in for January?'],
      ['en', 'I am an independent bookkeeper who works with small online shops.', 'I can take VAT returns and reconciliations off your hands for a fixed monthly fee.', 'Would you like me to send my prices?'],
    ] as const);
    const p = pick(r, PEOPLE);
    const greet: Record<string, string[]> = { de: ['Hallo,', 'Guten Tag,'], es: ['Hola,', 'Buenas tardes,'], it: ['Buongiorno,', 'Salve,'], nl: ['Hallo,', 'Goedendag,'], pt: ['Olá,', 'Bom dia,'], fr: ['Bonjour,', 'Bonjour à vous,'], en: ['Hi,', 'Hello there,'] };
    return { from: `${p} <${addr(p, pick(r, [...FREE, `${slug(p.split(' ')[1]!)}-studio.${pick(r, TLD)}`]))}>`, subject: pick(r, ['Maison Lumen', 'Kurze Anfrage', 'Una idea', 'Una proposta', 'Een idee', 'Uma ideia', 'Une idée', 'Quick idea', 'Zusammenarbeit', 'Colaboración']),
      body: [pick(r, greet[lang]!), who, what, offer, pick(r, ['Viele Grüße', 'Un saludo', 'Cordiali saluti', 'Groet', 'Cumprimentos', 'Belle journée', 'Best']), p.split(' ')[0]!].join('\n') };
  },
];

/** A customer offering to send a photo or the item back: the grammar of an offer, about their own purchase. */
const CUSTOMER_OFFERS: Maker[] = [
  (r) => {
    const p = pick(r, PEOPLE);
    const [lines] = pick(r, [
      [['Die Lampe ist mit einem Sprung im Glas angekommen.', 'Soll ich Ihnen ein Foto schicken?']], [['Der Plaid hat eine andere Farbe als auf der Seite.', 'Darf ich ihn zurückschicken?']],
      [['La tetera llegó con el asa rota.', '¿Le envío una foto?']], [['La manta es más pequeña de lo que pensaba.', '¿Quiere que se la devuelva?']],
      [['La lampada arrivata ieri non si accende.', 'Vuole che le mandi un video?']], [['Il plaid ha una macchia.', 'Posso inviarle una foto?']],
      [['De waterkoker lekt aan de onderkant.', 'Zal ik een foto sturen?']], [['De kaars is gebroken aangekomen.', 'Mag ik u een foto mailen?']],
      [['A vela chegou partida.', 'Quer que lhe envie uma fotografia?']], [['La bougie est arrivée fendue.', 'Voulez-vous que je vous envoie une photo ?']],
      [['The lamp shade arrived dented.', 'Shall I send you a photo, or should I just return it?']], [['The throw is a different shade from the picture.', 'Would you like me to send it back?']],
    ]);
    return { from: `${p} <${addr(p, pick(r, FREE))}>`, subject: pick(r, ['Beschädigt', 'Rota', 'Difetto', 'Kapot', 'Partida', 'Abîmée', 'Damaged', 'Problem']),
      body: [pick(r, ['Hallo,', 'Hola,', 'Buongiorno,', 'Hoi,', 'Olá,', 'Bonjour,', 'Hi,']), ...lines, p.split(' ')[0]!].join('\n') };
  },
];

/** A shop that would resell the goods, or a firm asking how to pay: a prospective buyer's questions from a firm's address. */
const RESELLER_ASKS: Maker[] = [
  (r) => {
    const [biz, domain, ask] = pick(r, [
      ['Papeterie Lumière', 'papeterie-lumiere.fr', 'Nous tenons une boutique de cadeaux à Annecy et aimerions vendre vos bougies. Avez-vous des tarifs revendeurs, et à partir de quelle quantité ?'],
      ['Geschenkehaus Sonne', 'geschenkehaus-sonne.de', 'Wir führen einen Geschenkeladen in Ulm und möchten Ihre Plaids ins Sortiment nehmen. Gibt es Händlerkonditionen?'],
      ['Tienda Raíces', 'tiendaraices.es', 'Tenemos una tienda de regalos en Bilbao y nos gustaría vender sus velas. ¿Tienen precios para revendedores?'],
      ['Bottega Fiori', 'bottegafiori.it', 'Abbiamo un negozio di articoli per la casa a Bologna: fate prezzi per rivenditori sulle teiere?'],
      ['Winkeltje Mos', 'winkeltjemos.nl', 'Wij hebben een cadeauwinkel in Delft. Verkopen jullie ook aan winkels, en vanaf welk aantal?'],
      ['Corner Gifts', 'cornergifts.co.uk', 'We run a gift shop in York and would love to stock your candles. Do you offer trade prices, and what is the minimum order?'],
      ['Atelier Brun', 'atelier-brun.fr', 'Pour notre bureau, pouvons-nous payer par virement à 30 jours sur facture, au nom de la société ?'],
      ['Kantoor Visser', 'kantoorvisser.nl', 'Kunnen wij als bedrijf op rekening betalen, met 14 dagen betaaltermijn?'],
    ] as const);
    const p = pick(r, PEOPLE);
    return { from: pick(r, [`${biz} <${pick(r, ['hallo', 'info', 'contact', 'hola', 'ciao', 'administratie'])}@${domain}>`, `${p} <${addr(p, domain)}>`]), subject: pick(r, ['Revente', 'Wiederverkauf', 'Reventa', 'Rivendita', 'Inkoop', 'Trade enquiry', 'Paiement sur facture', 'Op rekening']),
      body: [pick(r, ['Bonjour,', 'Guten Tag,', 'Hola,', 'Buongiorno,', 'Goedemorgen,', 'Hello,']), ask, pick(r, ['Merci,', 'Viele Grüße', 'Gracias,', 'Grazie,', 'Groet,', 'Thanks,']), p, biz].join('\n') };
  },
];

export const MACHINE_MORE: Record<string, Maker[]> = {
  small_business_promotion: PROMOTION, firm_pitch: FIRM_PITCH, event_invitation: EVENT, survey: SURVEY,
  app_notice: APP_NOTICE, marketplace_relay: MARKETPLACE_RELAY, lure: LURE, person_pitch: PERSON_PITCH,
};

export const CUSTOMERS_MORE: Record<string, Maker[]> = {
  trade_buyer: TRADE_BUYER, firm_customer_disclaimer: FIRM_CUSTOMER_DISCLAIMER, pastes_and_asks: PASTES_AND_ASKS,
  discount_question: DISCOUNT_QUESTION, form_request: FORM_REQUEST, customer_offers: CUSTOMER_OFFERS, reseller_asks: RESELLER_ASKS,
};
