/**
 * Hand-written families for the machine-mail head on who is addressed: the shop as a prospect or an account holder
 * (people and collectives pitching their own service or a partnership, promotions written as a personal letter with a
 * code, lures asking to pay or log in somewhere else within hours, supplier price lists) against the shop as a seller
 * (customers in DE/ES/IT/NL/PT/PL and FR/EN who paid, ordered or received something, paste a receipt or a carrier's
 * message and ask; firms ordering with a company footer; customers asking about the shop's event or answering its
 * review request). Written for this project from interchangeable parts drawn by a seeded generator; no fixture,
 * challenge-set or held-out text. Deterministic.
 */
import type { Rand } from './logreg';
import type { Maker } from './machine-synthetic-languages';

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const slug = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '');
const FREE = ['gmail.com', 'outlook.com', 'yahoo.es', 'libero.it', 'gmx.de', 'hotmail.nl', 'sapo.pt', 'wp.pl', 'onet.pl', 'orange.fr', 'icloud.com'];
const TLD = ['de', 'es', 'it', 'nl', 'pt', 'pl', 'fr', 'be', 'co.uk', 'com'];
const PEOPLE = ['Katrin Vogel', 'Álvaro Núñez', 'Chiara Bellini', 'Ruben Jansen', 'Beatriz Lopes', 'Agnieszka Wójcik', 'Camille Roux', 'Tom Hartley', 'Nina Brandt', 'Marco Sala', 'Joanna Zielińska', 'Lotte Smit'];
const addr = (person: string, domain: string): string => `${slug(person.split(' ')[0]!)}.${slug(person.split(' ')[1] ?? 'x')}@${domain}`;
type Lang = 'en' | 'fr' | 'de' | 'es' | 'it' | 'nl' | 'pt' | 'pl';
const LANGS: Lang[] = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'pl'];

/** A person or a small studio offering their own service: who they are, whom they work for, the reader's trade, an offer, an invitation. */
const PROSPECT_PITCH: Maker[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const parts: Record<Lang, [string[], string[], string[], string[], string[]]> = {
      en: [['Hi,', 'Hello,', 'Good morning,'],
        ['I design gift packaging for independent brands and small makers.', 'I edit short product videos for shops and brands on TikTok and Reels.', 'I look after SEO for small homeware businesses.', 'I build 3D renders of products for online stores.'],
        ['Your product photos are lovely but your listings barely show up on Google.', 'Your customers would see your kettles in use, not just on white.', 'Your range deserves a box people keep.'],
        ['I have mocked up one idea already, free, just to show the approach.', 'A first audit costs nothing and takes me a day.', 'My rates start at £150 a month, no minimum term.'],
        ['Would you be open to a quick look?', 'Could I send you the mock-up?', 'Are you open to a 15-minute call this week?', 'Interested?']],
      fr: [['Bonjour,', 'Bonjour à vous,', 'Bonsoir,'],
        ['je suis rédactrice web et j\'accompagne les marques artisanales dans leurs textes.', 'j\'anime des ateliers vidéo pour les boutiques en ligne et les créateurs.', 'je conçois des stands de salon pour les petites entreprises.', 'j\'aide les commerçants à vendre sur Etsy et Amazon.'],
        ['Vos fiches produits sont très courtes et vos avis clients peu mis en avant.', 'Votre marque mériterait plus de visibilité sur les réseaux sociaux.', 'Votre gamme de bouilloires se prêterait bien à une vidéo.'],
        ['Je vous ai préparé une première proposition, offerte, sans engagement.', 'Le premier mois est gratuit.', 'Mes tarifs démarrent à 200 € par mois.'],
        ['Seriez-vous intéressés par un échange rapide ?', 'Puis-je vous envoyer ma proposition ?', 'Êtes-vous ouverts à un appel jeudi ?', 'Seriez-vous tentés par un essai ?']],
      de: [['Hallo,', 'Guten Tag,', 'Moin,'],
        ['ich bin Grafikerin und gestalte Etiketten und Verpackungen für kleine Marken.', 'ich betreue Instagram-Konten für Händler aus dem Bereich Wohnen.', 'ich übersetze Onlineshops ins Deutsche, vor allem für französische Marken.', 'ich fotografiere Produkte für Onlineshops in meinem Studio in Leipzig.'],
        ['Ihre Produktseiten gibt es bisher nur auf Französisch und Englisch.', 'Ihre Kunden in Deutschland finden Ihren Shop kaum.', 'Ihre Verpackung könnte viel mehr erzählen.'],
        ['Eine Probeseite übersetze ich Ihnen gern kostenlos.', 'Das erste Gespräch ist unverbindlich.', 'Ein Paket kostet 390 €.'],
        ['Hätten Sie Interesse an einem kurzen Telefonat?', 'Darf ich Ihnen ein Beispiel schicken?', 'Wären Sie offen für einen Test?', 'Kann ich Ihnen meine Arbeiten zeigen?']],
      es: [['Hola,', 'Buenos días,', 'Buenas,'],
        ['me dedico a la gestión de redes sociales para tiendas pequeñas de decoración.', 'soy diseñadora de packaging y trabajo con marcas artesanas.', 'ayudo a negocios online a vender en Amazon y Zalando.', 'hago vídeos cortos de producto para comercios y marcas.'],
        ['Sus fichas de producto podrían vender mucho más con mejores textos.', 'Vuestra marca apenas aparece en Instagram.', 'Vuestros clientes en España no os encuentran.'],
        ['Os preparo una propuesta gratuita, sin compromiso.', 'El primer vídeo os lo hago gratis.', 'Mis tarifas empiezan en 180 € al mes.'],
        ['¿Estaríais interesados en hablarlo?', '¿Os puedo mandar un ejemplo?', '¿Le interesaría una llamada corta?', '¿Os puedo enseñar mi portfolio?']],
      it: [['Ciao,', 'Buongiorno,', 'Salve,'],
        ['sono una copywriter e scrivo testi per piccoli marchi di design.', 'mi occupo di fotografia di prodotto per negozi online.', 'aiuto le aziende artigiane a vendere su Amazon.', 'gestisco campagne pubblicitarie per negozi di arredamento.'],
        ['Le vostre schede prodotto sono molto brevi.', 'Il vostro marchio in Italia è ancora poco conosciuto.', 'I vostri clienti italiani cercano testi nella loro lingua.'],
        ['Vi preparo una prova gratuita, senza impegno.', 'La prima consulenza è gratuita.', 'Le mie tariffe partono da 150 € al mese.'],
        ['Vi andrebbe una chiamata di dieci minuti?', 'Vi posso mandare qualche esempio?', 'Sareste interessati a una prova?', 'Le interessa una breve chiamata?']],
      nl: [['Hallo,', 'Goedemiddag,', 'Hoi,'],
        ['ik ben tekstschrijver en werk voor kleine merken en webwinkels.', 'ik maak productfoto\'s voor webwinkels in mijn studio in Gent.', 'ik help bedrijven met hun advertenties op Instagram.', 'ik vertaal webwinkels naar het Nederlands.'],
        ['Uw productpagina\'s zijn nog niet vertaald.', 'Uw merk is in Nederland nog onbekend.', 'Uw klanten zien nu alleen foto\'s op wit.'],
        ['Een proefpagina maak ik gratis voor u.', 'Het eerste gesprek is vrijblijvend.', 'Mijn tarief is € 95 per uur.'],
        ['Zou u daar interesse in hebben?', 'Mag ik u een voorbeeld sturen?', 'Staat u open voor een kort gesprek?', 'Kan ik u mijn werk laten zien?']],
      pt: [['Olá,', 'Bom dia,', 'Boa tarde,'],
        ['sou fotógrafo de produto e trabalho com lojas online e marcas pequenas.', 'faço gestão de redes sociais para empresas de decoração.', 'ajudo marcas a vender no mercado português.', 'escrevo textos de produto para lojas online.'],
        ['Os vossos produtos ainda não estão em português.', 'A vossa marca merecia mais destaque no Instagram.', 'A sua loja quase não aparece no Google.'],
        ['Faço uma primeira proposta sem compromisso.', 'A primeira sessão é gratuita.', 'Os meus preços começam em 150 € por mês.'],
        ['Teriam interesse em falar?', 'Posso enviar-lhe alguns exemplos?', 'Estariam interessados numa chamada?', 'Posso mostrar-vos o meu trabalho?']],
      pl: [['Dzień dobry,', 'Witam,', 'Dzień dobry Państwu,'],
        ['jestem grafikiem i projektuję opakowania dla małych marek.', 'zajmuję się reklamą na Facebooku dla sklepów internetowych.', 'pomagam firmom wejść na polski rynek.', 'robię zdjęcia produktowe dla sklepów z wyposażeniem wnętrz.'],
        ['Państwa sklep nie ma jeszcze polskiej wersji.', 'Państwa produkty mogłyby świetnie sprzedawać się w Polsce.', 'Państwa marka jest w Polsce mało znana.'],
        ['Pierwszą konsultację oferuję bezpłatnie.', 'Mogę przygotować darmową próbkę.', 'Moje stawki zaczynają się od 600 zł miesięcznie.'],
        ['Czy byliby Państwo otwarci na rozmowę?', 'Czy mogę przesłać kilka przykładów?', 'Czy są Państwo otwarci na krótką rozmowę?', 'Czy mogę pokazać moje portfolio?']],
    };
    const [greet, who, yours, offer, ask] = parts[lang];
    const p = pick(r, PEOPLE);
    const from = `${p} <${addr(p, pick(r, [...FREE, `${slug(p.split(' ')[1]!)}-studio.${pick(r, TLD)}`]))}>`;
    const lines = [pick(r, greet), pick(r, who), pick(r, yours), pick(r, offer), pick(r, ask), p.split(' ')[0]!];
    return { from, subject: pick(r, ['Idea', 'Une idée pour vous', 'Kurze Idee', 'Una propuesta', 'Una proposta', 'Een voorstel', 'Uma proposta', 'Propozycja współpracy', 'Quick question', 'Maison Lumen']), body: lines.join('\n') };
  },
];

/** A collective, a podcast or an influencer asking for a partnership or a collaboration: we / our audience / your product. */
const PARTNERSHIP_REQUEST: Maker[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const t: Record<Lang, [string, string, string, string]> = {
      en: ['Hello lovely team,', 'We are a podcast about slow living with 30,000 monthly listeners.', 'We would love to feature your teapot in our winter episode, in exchange for a product and a small fee.', 'Would that be something for you?'],
      fr: ['Bonjour à toute l\'équipe,', 'Nous sommes une association de créatrices et nous organisons un marché de Noël en ligne.', 'Votre marque aurait toute sa place parmi nos exposants (stand offert la première année).', 'Seriez-vous partants ?'],
      de: ['Hallo liebes Team,', 'wir sind ein Kollektiv von Designerinnen und planen eine gemeinsame Geschenkbox.', 'Ihre Produkte würden perfekt hineinpassen; wir übernehmen Verkauf und Versand.', 'Hätten Sie Lust, mitzumachen?'],
      es: ['¡Hola equipo!', 'Somos una pareja de creadores de contenido de cocina con 60.000 seguidores.', 'Nos encantaría colaborar con vuestra marca con un vídeo y tres historias.', '¿Os interesaría?'],
      it: ['Ciao a tutti!', 'Siamo un collettivo di artigiani e prepariamo un box regalo per Natale.', 'I vostri prodotti starebbero benissimo accanto alle nostre candele.', 'Vi andrebbe di partecipare?'],
      nl: ['Hallo team,', 'Wij zijn een podcast over wonen met 25.000 luisteraars per maand.', 'We zouden uw merk graag noemen in een aflevering, tegen een kleine vergoeding.', 'Zou u daar interesse in hebben?'],
      pt: ['Olá equipa,', 'Somos um casal de criadores de conteúdo sobre casa e cozinha.', 'Adorávamos colaborar com a vossa marca num reel e em stories.', 'Estariam interessados?'],
      pl: ['Dzień dobry,', 'jesteśmy grupą twórczyń i przygotowujemy wspólny box prezentowy.', 'Państwa produkty świetnie by do niego pasowały.', 'Czy jest Pani zainteresowana współpracą?'],
    };
    const [g, who, what, ask] = t[lang];
    const p = pick(r, PEOPLE);
    return { from: pick(r, [`${p} <${addr(p, pick(r, FREE))}>`, `${p} <${pick(r, ['hello', 'collab', 'info'])}@${slug(p.split(' ')[1]!)}-collective.${pick(r, TLD)}>`]),
      subject: pick(r, ['Collaboration', 'Partenariat', 'Kooperation', 'Colaboración', 'Collaborazione', 'Samenwerking', 'Parceria', 'Współpraca']),
      body: [g, who, what, ask, pick(r, ['', `@${slug(p)}`, p.split(' ')[0]!])].join('\n') };
  },
];

/** A small business's promotion written as a personal letter to "a friend": a new product, a code, a link, a warm sign-off. */
const LETTER_PROMOTION: Maker[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const code = `${pick(r, ['WINTER', 'HIVER', 'NAVIDAD', 'NATALE', 'KERST', 'NATAL', 'ZIMA', 'FRIEND', 'AMIGO'])}${pick(r, ['10', '15', '20', '25'])}`;
    const biz = pick(r, ['Atelier Sève', 'Kaffeerösterei Morgentau', 'Jabones del Sur', 'Tessitura Lana', 'Zeepziederij Duin', 'Olaria Barro', 'Pracownia Len', 'Bramble & Moss']);
    const site = `${slug(biz)}.${pick(r, TLD)}`;
    const t: Record<Lang, [string, string, string, string]> = {
      en: ['Dear friend,', 'it has been a quiet month in the workshop and I wanted to write to you myself.', `Our new batch is ready and, as a thank-you, you get 20% off with the code ${code} at ${site}/new`, 'With love from all of us,'],
      fr: ['Chère amie, cher ami,', 'je prends quelques minutes pour vous écrire depuis l\'atelier.', `Notre nouvelle série est prête et vous avez droit à -15 % avec le code ${code} sur ${site}/nouveautes`, 'À très vite, avec toute mon amitié,'],
      de: ['Liebe Freundin, lieber Freund,', 'ich wollte mich einmal persönlich bei Ihnen melden.', `Unsere neue Sorte ist fertig, und mit dem Code ${code} sparen Sie 15 % auf ${site}/neu`, 'Von Herzen'],
      es: ['Querida amiga, querido amigo:', 'te escribo yo misma desde el taller, con las manos aún llenas de harina.', `Ya está lista la nueva colección y con el código ${code} tienes un 15 % en ${site}/novedades`, 'Un abrazo enorme,'],
      it: ['Cara amica, caro amico,', 'ti scrivo io, direttamente dal laboratorio.', `La nuova collezione è pronta e con il codice ${code} hai il 15 % su ${site}/novita`, 'Un abbraccio,'],
      nl: ['Lieve vriend, lieve vriendin,', 'ik wilde je zelf even schrijven vanuit de werkplaats.', `Onze nieuwe collectie is klaar en met de code ${code} krijg je 15 % korting op ${site}/nieuw`, 'Hartelijke groet,'],
      pt: ['Querida amiga, querido amigo,', 'escrevo-te eu mesma, diretamente da oficina.', `A nova coleção está pronta e com o código ${code} tens 15 % em ${site}/novidades`, 'Um beijinho,'],
      pl: ['Droga Przyjaciółko, drogi Przyjacielu,', 'piszę do Ciebie osobiście prosto z pracowni.', `Nowa kolekcja jest gotowa, a z kodem ${code} masz 15 % rabatu na ${site}/nowosci`, 'Serdecznie pozdrawiam,'],
    };
    const [g, me, offer, bye] = t[lang];
    const p = pick(r, PEOPLE);
    return { from: pick(r, [`${p.split(' ')[0]} at ${biz} <${slug(p.split(' ')[0]!)}@${site}>`, `${biz} <hello@${site}>`, `${p} <${addr(p, site)}>`]),
      subject: pick(r, ['A little note from me', 'Un petit mot', 'Ein persönlicher Gruß', 'Unas palabras', 'Due righe da me', 'Een briefje', 'Um bilhete', 'Kilka słów']),
      body: [g, me, offer, bye, p.split(' ')[0]!].join('\n') };
  },
];

/** A lure about a parcel, a customs fee or the shop's own accounts: pay or log in at a link off the shop, within hours. */
const PAY_ELSEWHERE_LURE: Maker[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const [brand, dom] = pick(r, [['InPost', 'inpost-oplata.info'], ['Correos', 'correos-envios24.com'], ['Poste', 'poste-spedizioni.net'], ['bpost', 'bpost-levering.eu'], ['GLS', 'gls-paket-info.com'], ['Royal Mail', 'royalmail-fee.co'], ['Colis Privé', 'colisprive-frais.net'], ['Payment Center', 'secure-paycenter.co'], ['Ads Manager', 'ads-account-review.net'], ['Marketplace Seller Support', 'seller-verify-center.com']]);
    const hours = pick(r, ['24', '48', '72']);
    const t: Record<Lang, [string, string, string]> = {
      en: [`Your parcel is held at our depot: an import fee of £2.${pick(r, ['49', '99'])} is unpaid.`, `Pay within ${hours} hours to avoid it being returned to sender.`, 'Pay now:'],
      fr: [`Votre compte vendeur a été limité suite à une activité inhabituelle.`, `Vérifiez votre identité sous ${hours} h pour éviter la suspension définitive.`, 'Vérifier :'],
      de: ['Für Ihre Sendung fällt eine Zollgebühr von 1,99 € an.', `Bitte zahlen Sie innerhalb von ${hours} Stunden, sonst geht das Paket zurück.`, 'Jetzt bezahlen:'],
      es: ['Su envío está retenido en aduanas por una tasa pendiente de 2,35 €.', `Realice el pago en las próximas ${hours} horas para evitar la devolución.`, 'Pagar aquí:'],
      it: ['La sua spedizione è in giacenza: risulta non pagata una tassa di 1,90 €.', `Effettui il pagamento entro ${hours} ore per evitare la restituzione.`, 'Paga ora:'],
      nl: ['Uw advertentieaccount is tijdelijk geblokkeerd.', `Bevestig uw gegevens binnen ${hours} uur, anders wordt het account gesloten.`, 'Inloggen:'],
      pt: ['A sua encomenda aguarda o pagamento de uma taxa de 1,95 €.', `Pague nas próximas ${hours} horas para evitar a devolução.`, 'Pagar:'],
      pl: ['Twoja przesyłka czeka na dopłatę 3,50 zł za cło.', `Opłać ją w ciągu ${hours} godzin, inaczej wróci do nadawcy.`, 'Zapłać teraz:'],
    };
    const [what, deadline, cta] = t[lang];
    const url = pick(r, [`https://${dom}/${pick(r, ['pay', 'verify', 'oplata', 'pago', 'login'])}`, `${dom}/${pick(r, ['p', 'id', 'track'])}?n=${Math.floor(r() * 900000) + 100000}`]);
    return { from: `${brand} <${pick(r, ['noreply', 'avisos', 'info', 'support', 'powiadomienia'])}@${dom}>`, subject: pick(r, ['Action required', 'Action requise', 'Zollgebühr', 'Envío retenido', 'Spedizione in giacenza', 'Account geblokkeerd', 'Encomenda retida', 'Dopłata do przesyłki']),
      body: [pick(r, ['', 'Dear customer,', 'Bonjour,', 'Sehr geehrte Kundin, sehr geehrter Kunde,', 'Estimado cliente:', 'Gentile cliente,', 'Beste klant,', 'Caro cliente,', 'Szanowny Kliencie,']), what, deadline, `${cta} ${url}`, brand].join('\n') };
  },
];

/** A supplier's price list sent to its trade contacts: rows of goods and prices, a validity date, how to order. */
const PRICE_LIST: Maker[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const rows: Record<Lang, [string, string[], string]> = {
      en: ['Dear customer,\nplease find our trade prices for 2027 below.', ['Linen napkins, pack of 6', 'Glass storage jars, pack of 4', 'Beeswax wraps, pack of 10', 'Enamel mugs, pack of 6'], 'Minimum order £200. Prices valid from 1 January.'],
      fr: ['Chers partenaires,\nvoici nos tarifs professionnels 2027.', ['Torchons lin, lot de 6', 'Bocaux en verre, lot de 4', 'Bougies parfumées, carton de 12', 'Mugs émaillés, lot de 6'], 'Franco de port à partir de 300 € HT.'],
      de: ['Sehr geehrte Geschäftspartner,\nanbei unsere neue Preisliste.', ['Leinenservietten, 6 Stück', 'Vorratsgläser, 4 Stück', 'Duftkerzen, Karton à 12', 'Emaillebecher, 6 Stück'], 'Gültig ab 1. Januar, Mindestbestellwert 250 €.'],
      es: ['Estimados clientes:\nles enviamos nuestra tarifa mayorista 2027.', ['Servilletas de lino, pack de 6', 'Tarros de cristal, pack de 4', 'Velas aromáticas, caja de 12', 'Tazas esmaltadas, pack de 6'], 'Pedido mínimo 200 €. Precios sin IVA.'],
      it: ['Gentili clienti,\nvi inviamo il listino prezzi 2027.', ['Tovaglioli in lino, conf. da 6', 'Barattoli in vetro, conf. da 4', 'Candele profumate, cartone da 12', 'Tazze smaltate, conf. da 6'], 'Ordine minimo 250 €. Prezzi IVA esclusa.'],
      nl: ['Geachte relatie,\nhierbij onze prijslijst voor 2027.', ['Linnen servetten, per 6', 'Voorraadpotten glas, per 4', 'Geurkaarsen, doos van 12', 'Emaille bekers, per 6'], 'Geldig vanaf 1 januari. Minimale bestelling € 200.'],
      pt: ['Caros clientes,\nsegue a nossa tabela de preços para 2027.', ['Guardanapos de linho, pack de 6', 'Frascos de vidro, pack de 4', 'Velas perfumadas, caixa de 12', 'Canecas esmaltadas, pack de 6'], 'Encomenda mínima 200 €. Preços sem IVA.'],
      pl: ['Szanowni Państwo,\nprzesyłamy cennik hurtowy na 2027 rok.', ['Serwetki lniane, 6 szt.', 'Słoiki szklane, 4 szt.', 'Świece zapachowe, karton 12 szt.', 'Kubki emaliowane, 6 szt.'], 'Minimalne zamówienie 800 zł netto.'],
    };
    const [head, goods, terms] = rows[lang];
    const firm = pick(r, ['Hansen Wholesale', 'Distribution Prisme', 'Großhandel Berger', 'Mayorista Ebro', 'Ingrosso Po', 'Groothandel Maas', 'Armazéns Tejo', 'Hurtownia Wisła']);
    const lines = goods.slice(0, 3 + Math.floor(r() * 2)).map((g) => `${pick(r, ['- ', '• ', ''])}${g}: ${lang === 'en' ? '£' : ''}${Math.floor(r() * 40) + 8},${pick(r, ['00', '50', '90'])}${lang === 'en' ? '' : lang === 'pl' ? ' zł' : ' €'}`);
    return { from: `${firm} <${pick(r, ['sales', 'ventes', 'verkauf', 'ventas', 'vendite', 'verkoop', 'vendas', 'sprzedaz'])}@${slug(firm)}.${pick(r, TLD)}>`, subject: pick(r, ['Price list 2027', 'Tarifs 2027', 'Preisliste 2027', 'Tarifa 2027', 'Listino 2027', 'Prijslijst 2027', 'Tabela de preços 2027', 'Cennik 2027']),
      body: [head, ...lines, terms, firm].join('\n') };
  },
];

/** A customer who paid or ordered, pastes what their bank, the payment provider or the shop sent, and asks the shop. */
const PAID_PASTE_ASKS: Maker[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const amount = `${Math.floor(r() * 80) + 20},${pick(r, ['80', '90', '00'])}`;
    const t: Record<Lang, [string, string, string]> = {
      en: ['I paid by bank transfer this morning for the lamp, here is the receipt:', `Amount: €${amount.replace(',', '.')}\nReference: lamp order\nDate: 04/12/2026`, 'Can you let me know when it arrives and when you ship?'],
      fr: ['J\'ai payé par virement ce matin pour la théière, voici le justificatif :', `Montant : ${amount} EUR\nLibellé : commande théière\nDate : 04/12/2026`, 'Pouvez-vous me dire quand vous l\'expédiez ?'],
      de: ['ich habe heute früh den Betrag für den Wasserkocher überwiesen, hier der Beleg:', `Betrag: ${amount} EUR\nVerwendungszweck: Wasserkocher\nDatum: 04.12.2026`, 'Können Sie mir Bescheid geben, wenn das Geld da ist?'],
      es: ['he pagado la lámpara por transferencia, aquí tenéis el comprobante:', `Importe: ${amount} EUR\nConcepto: lámpara\nFecha: 04/12/2026`, '¿Podéis decirme si ya os ha llegado el dinero?'],
      it: ['ho fatto il bonifico per la teiera, vi incollo la ricevuta:', `Importo: ${amount} EUR\nCausale: teiera\nData: 04/12/2026`, 'Mi confermate quando arriva e quando spedite?'],
      nl: ['ik heb vanochtend het bedrag voor de lamp overgemaakt, hier het bewijs:', `Bedrag: € ${amount}\nOmschrijving: lamp\nDatum: 04-12-2026`, 'Laten jullie weten wanneer het binnen is?'],
      pt: ['paguei a chaleira por transferência, aqui está o comprovativo:', `Montante: ${amount} EUR\nDescritivo: chaleira\nData: 04/12/2026`, 'Podem confirmar quando receberem e quando enviam?'],
      pl: ['zrobiłam przelew za czajnik, poniżej potwierdzenie z banku:', `Kwota: ${amount} EUR\nTytuł: czajnik\nData: 04.12.2026`, 'Czy mogą Państwo potwierdzić, kiedy wyślą?'],
    };
    const [said, receipt, ask] = t[lang];
    const p = pick(r, PEOPLE);
    return { from: `${p} <${addr(p, pick(r, FREE))}>`, subject: pick(r, ['Payment', 'Virement', 'Überweisung', 'Transferencia', 'Bonifico', 'Betaling', 'Transferência', 'Przelew']),
      body: [pick(r, ['Hello,', 'Bonjour,', 'Hallo,', 'Hola,', 'Ciao,', 'Hoi,', 'Olá,', 'Dzień dobry,']), said, '', receipt, '', ask, p.split(' ')[0]!].join('\n') };
  },
];

/** A customer asking about a message from a carrier or customs, or about the shop's own event or review request. */
const CUSTOMER_ASKS_ABOUT_NOTICE: Maker[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const t: Record<Lang, string[]> = {
      en: ['I got a text from the courier asking me to pay £2.99 for customs on a parcel from France. Is that from you? I thought there was none for my kettle.', 'You asked me to review the teapot, happy to, but the lid rattles. Is that normal before I write it?', 'Is there still space at your candle evening on 14 December at 7pm? Should I bring anything?'],
      fr: ['J\'ai reçu un SMS du transporteur qui me demande 1,99 € de frais de douane. Est-ce normal pour un envoi depuis la France ?', 'Vous me demandez un avis sur la bouilloire : volontiers, mais elle fait un bruit bizarre. Est-ce normal ?', 'Reste-t-il des places pour votre atelier du 14 décembre à 18h ? Faut-il s\'inscrire ?'],
      de: ['Ich habe eine SMS bekommen, dass ich für ein Paket aus Frankreich Zoll zahlen soll. Muss ich das wirklich?', 'Sie haben mich um eine Bewertung der Lampe gebeten. Gern, aber das Kabel ist sehr kurz. Gibt es ein längeres?', 'Gibt es noch Plätze für Ihren Workshop am 14. Dezember um 18 Uhr?'],
      es: ['Me ha llegado un SMS de aduanas pidiendo 2,35 € por un paquete de Francia. ¿Es vuestro? ¿Tengo que pagarlo?', 'Me pedís una reseña de la tetera: encantada, pero la tapa no cierra bien. ¿Es normal?', '¿Quedan plazas para el taller del 14 de diciembre a las 18:00?'],
      it: ['Ho ricevuto un SMS che mi chiede 1,90 € di dogana per un pacco dalla Francia. Devo pagarlo?', 'Mi avete chiesto una recensione della lampada: volentieri, ma la luce sfarfalla. È normale?', 'Ci sono ancora posti per il laboratorio del 14 dicembre alle 18?'],
      nl: ['Ik kreeg een sms dat ik invoerkosten moet betalen voor een pakket uit Frankrijk. Klopt dat?', 'Jullie vroegen om een review van de waterkoker. Graag, maar hij lekt een beetje. Is dat normaal?', 'Zijn er nog plaatsen voor de workshop op 14 december om 18.00 uur?'],
      pt: ['Recebi uma mensagem a pedir 1,95 € de alfândega por uma encomenda de França. Tenho mesmo de pagar?', 'Pediram-me uma avaliação da chaleira: com gosto, mas a tampa não fecha bem. É normal?', 'Ainda há lugares para o workshop de 14 de dezembro às 18h?'],
      pl: ['Dostałam SMS, że muszę zapłacić cło za paczkę z Francji. Czy to od Państwa? Czy muszę płacić?', 'Proszą Państwo o opinię o czajniku. Chętnie, ale pokrywka się nie domyka. Czy to normalne?', 'Czy są jeszcze miejsca na warsztaty 14 grudnia o 18:00?'],
    };
    const p = pick(r, PEOPLE);
    return { from: `${p} <${addr(p, pick(r, FREE))}>`, subject: pick(r, ['Question', 'SMS', 'Douane', 'Zoll', 'Aduana', 'Dogana', 'Avis', 'Workshop', 'Atelier', 'Pytanie']),
      body: [pick(r, ['Hello,', 'Bonjour,', 'Hallo,', 'Hola,', 'Ciao,', 'Hoi,', 'Olá,', 'Dzień dobry,']), pick(r, t[lang]), pick(r, ['Thanks', 'Merci', 'Danke', 'Gracias', 'Grazie', 'Bedankt', 'Obrigada', 'Dziękuję']), p.split(' ')[0]!].join('\n') };
  },
];

/** A firm or an office ordering for itself from a company address with a footer: how many, where to, an invoice. */
const FIRM_ORDERS: Maker[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const t: Record<Lang, string> = {
      en: 'We would like 8 of your kettles for our office kitchens. Do you deliver to Ireland, and can you invoice the company?',
      fr: 'Nous aimerions commander 6 théières pour notre salon de thé. Livrez-vous en Belgique et pouvez-vous faire une facture au nom de la société ?',
      de: 'Wir möchten 10 Wasserkocher für unsere Büros bestellen. Liefern Sie nach Österreich und stellen Sie eine Rechnung auf die Firma aus?',
      es: 'Queremos encargar 12 lámparas para nuestro hotel. ¿Envían a Portugal y emiten factura a nombre de la empresa?',
      it: 'Vorremmo ordinare 6 teiere per il nostro bar. Spedite in Italia e potete intestare la fattura alla società?',
      nl: 'Wij willen graag 10 waterkokers bestellen voor ons kantoor. Leveren jullie in Nederland en kan de factuur op naam van het bedrijf?',
      pt: 'Gostaríamos de encomendar 8 chaleiras para o nosso escritório. Enviam para Portugal e podem faturar à empresa?',
      pl: 'Chcielibyśmy zamówić 6 lamp do naszej kawiarni. Czy dostarczają Państwo do Czech? Potrzebujemy faktury VAT.',
    };
    const p = pick(r, PEOPLE);
    const firm = pick(r, ['Kanzlei Roth', 'Studio Aalto', 'Hotel Miramar', 'Bar Centrale', 'Kantoor Dekker', 'Escritório Lima', 'Biuro Kowal', 'Cabinet Morel']);
    const dom = `${slug(firm)}.${pick(r, TLD)}`;
    return { from: `${p} <${addr(p, dom)}>`, subject: pick(r, ['Order for our office', 'Commande', 'Bestellung', 'Pedido', 'Ordine', 'Bestelling', 'Encomenda', 'Zamówienie']),
      body: [pick(r, ['Hello,', 'Bonjour,', 'Guten Tag,', 'Hola,', 'Buongiorno,', 'Goedendag,', 'Olá,', 'Dzień dobry,']), t[lang], pick(r, ['Kind regards', 'Cordialement', 'Mit freundlichen Grüßen', 'Saludos', 'Cordiali saluti', 'Met vriendelijke groet', 'Cumprimentos', 'Z poważaniem']), p, firm, `${pick(r, ['Hauptstraße 4', 'Calle Mayor 10', 'Via Roma 3', 'Dorpsstraat 12', 'ul. Polna 8', '2 rue des Lilas'])} | www.${dom}`].join('\n') };
  },
];

export const MACHINE_PROSPECT: Record<string, Maker[]> = {
  prospect_pitch: PROSPECT_PITCH, partnership_request: PARTNERSHIP_REQUEST, letter_promotion: LETTER_PROMOTION,
  pay_elsewhere_lure: PAY_ELSEWHERE_LURE, price_list: PRICE_LIST,
};

export const CUSTOMERS_SELLER: Record<string, Maker[]> = {
  paid_paste_asks: PAID_PASTE_ASKS, customer_asks_about_notice: CUSTOMER_ASKS_ABOUT_NOTICE, firm_orders: FIRM_ORDERS,
};
