/**
 * Hand-written families for the machine-mail head on the structure of notices in DE/ES/IT/NL/PT/PL/SV/CS: a person's
 * absence with its span in the language's own date formats ("do 4. 1.", "t.o.m. 31 mars", "até 15/12"), what happens to
 * the mail, and someone or a phone number to turn to; part-time working days; a helpdesk's or an office's receipt with a
 * case number that calls itself automatic. And the customers whose mail shares that structure (hard negatives): away
 * on given dates and asking to hold or send a parcel, complaining of broken goods or asking for a refund before leaving,
 * citing an automatic reply's ticket number while still waiting, telling that a mail to the shop came back, or that a
 * carrier's automatic message said delivery failed. Written for this project from interchangeable parts drawn by a
 * seeded generator; no fixture, challenge-set or held-out text. Deterministic.
 */
import type { Rand } from './logreg';
import type { Maker } from './machine-synthetic-languages';

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const maybe = (rand: Rand, p: number, s: string): string => (rand() < p ? s : '');
const slug = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '.');

type Lang = 'de' | 'es' | 'it' | 'nl' | 'pt' | 'pl' | 'sv' | 'cs';
const LANGS: Lang[] = ['de', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'cs'];

const PEOPLE: Record<Lang, string[]> = {
  de: ['Jonas Hartmann', 'Miriam Vogt', 'Ulrike Brandt'], es: ['Álvaro Gil', 'Marta Serrano', 'Irene Castillo'],
  it: ['Chiara Rinaldi', 'Davide Conti', 'Elena Marchetti'], nl: ['Joris Smit', 'Anouk Mulder', 'Sem de Graaf'],
  pt: ['Tiago Ramos', 'Beatriz Lopes', 'Carolina Nunes'], pl: ['Michał Wójcik', 'Magdalena Krawczyk', 'Zofia Lewandowska'],
  sv: ['Oskar Nyström', 'Linnea Berg', 'Maja Holm'], cs: ['Jakub Svoboda', 'Petra Černá', 'Lucie Veselá'],
};
const FIRM_TLD: Record<Lang, string> = { de: 'de', es: 'es', it: 'it', nl: 'nl', pt: 'pt', pl: 'pl', sv: 'se', cs: 'cz' };
const FREE: Record<Lang, string[]> = {
  de: ['gmx.de', 'web.de', 't-online.de'], es: ['gmail.com', 'hotmail.es', 'yahoo.es'], it: ['libero.it', 'virgilio.it', 'gmail.com'],
  nl: ['ziggo.nl', 'hotmail.nl', 'kpnmail.nl'], pt: ['sapo.pt', 'gmail.com', 'outlook.pt'], pl: ['wp.pl', 'onet.pl', 'o2.pl'],
  sv: ['telia.com', 'gmail.com', 'hotmail.se'], cs: ['seznam.cz', 'email.cz', 'centrum.cz'],
};
const REPLY: Record<Lang, string[]> = { de: ['AW:', 'Re:'], es: ['RE:', 'Re:'], it: ['R:', 'Re:'], nl: ['Antw:', 'Re:'], pt: ['RE:', 'Re:'], pl: ['Odp:', 'Re:'], sv: ['SV:', 'Re:'], cs: ['Odp:', 'Re:'] };
const TOPIC: Record<Lang, string[]> = {
  de: ['Ihre Anfrage', 'Angebot Küchenzubehör', 'Lieferung'], es: ['Su consulta', 'Pedido mayorista', 'Presupuesto'], it: ['Richiesta preventivo', 'Ordine', 'Informazioni'],
  nl: ['Uw vraag', 'Offerte', 'Bestelling'], pt: ['Pedido de orçamento', 'Encomenda', 'Parceria'], pl: ['Zapytanie ofertowe', 'Zamówienie hurtowe', 'Współpraca'],
  sv: ['Offertförfrågan', 'Er beställning', 'Samarbete'], cs: ['Poptávka', 'Objednávka', 'Spolupráce'],
};
/** An absence's span, in the language's own date formats. */
const SPAN: Record<Lang, string[]> = {
  de: ['Ich bin vom 22.12. bis 6.1. im Urlaub', 'Bis einschließlich 9. Januar bin ich nicht im Büro', 'Ich bin bis 14.02.2027 in Elternzeit', 'Vom 3. bis 7. März bin ich auf einer Messe'],
  es: ['Estaré fuera de la oficina hasta el 7 de enero', 'Del 23/12 al 2/1 estoy de vacaciones', 'Me encuentro de viaje hasta el lunes 12', 'Estoy de baja hasta el 20 de febrero'],
  it: ['Sono in ferie dal 23/12 al 6/1', "Sarò fuori ufficio fino all'8 gennaio", 'Sono in trasferta fino a venerdì 14', 'Rientro in ufficio il 2 marzo'],
  nl: ['Ik ben met vakantie tot en met 5 januari', 'Van 24/12 t/m 2/1 ben ik afwezig', 'Ik ben tot maandag 13 januari niet op kantoor', 'Ik ben met ouderschapsverlof tot 1 april'],
  pt: ['Estou de férias até 6 de janeiro', 'Estarei ausente de 22/12 a 3/1', 'Estou em viagem até sexta-feira, dia 10', 'Estou de licença até 15 de março'],
  pl: ['Jestem na urlopie do 6 stycznia', 'Od 22.12 do 2.01 jestem poza biurem', 'Do poniedziałku 13.01 przebywam na zwolnieniu', 'Jestem w delegacji do 9 lutego'],
  sv: ['Jag är på semester till och med 6 januari', 'Jag är ledig 23/12–2/1', 'Jag är tjänstledig t.o.m. 31 mars', 'Jag är på mässa fram till fredag 14 februari'],
  cs: ['Do 6. 1. 2027 čerpám dovolenou', 'Od 22. 12. do 2. 1. jsem mimo kancelář', 'Jsem na služební cestě do pátku 14. 2.', 'Do 31. března jsem na rodičovské dovolené'],
};
/** What happens to the mail meanwhile. */
const MAIL: Record<Lang, string[]> = {
  de: ['E-Mails werden in dieser Zeit nicht gelesen.', 'Ihre Nachricht beantworte ich nach meiner Rückkehr.', 'Ich habe nur eingeschränkten Zugriff auf meine E-Mails.'],
  es: ['No revisaré el correo durante ese tiempo.', 'Contestaré a su mensaje a mi regreso.', 'Tengo acceso limitado al correo.'],
  it: ['Durante questo periodo la posta non verrà letta.', 'Risponderò al mio rientro.', 'Ho un accesso limitato alla posta elettronica.'],
  nl: ['Mijn mail wordt in deze periode niet gelezen.', 'Na mijn terugkomst beantwoord ik je bericht.', 'Ik heb beperkt toegang tot mijn e-mail.'],
  pt: ['Não terei acesso ao e-mail neste período.', 'Responderei à sua mensagem no meu regresso.', 'O acesso ao correio eletrónico será limitado.'],
  pl: ['W tym czasie nie mam dostępu do poczty.', 'Odpowiem na wiadomość po powrocie.', 'Poczta nie jest przekazywana dalej.'],
  sv: ['Jag läser inte min e-post under tiden.', 'Jag svarar på ditt mejl när jag är tillbaka.', 'Mejlet vidarebefordras inte.'],
  cs: ['E-maily v této době nečtu.', 'Na Vaši zprávu odpovím po návratu.', 'K poště mám jen omezený přístup.'],
};
/** Someone or a number to turn to instead. */
const ELSEWHERE: Record<Lang, string[]> = {
  de: ['In dringenden Fällen wenden Sie sich bitte an {colleague} ({mail}).', 'Vertretung: {colleague}, Tel. {phone}', 'Bei Dringendem: {phone}'],
  es: ['Para asuntos urgentes, contacte con {colleague} ({mail}).', 'Urgencias: {phone}', 'En mi ausencia le atenderá {colleague}: {mail}'],
  it: ['Per urgenze rivolgersi a {colleague} ({mail}).', 'Per questioni urgenti: {phone}', 'In mia assenza potete scrivere a {mail}.'],
  nl: ['Voor dringende zaken kun je terecht bij {colleague} ({mail}).', 'Spoed? Bel {phone}.', 'Tijdens mijn afwezigheid: {mail}'],
  pt: ['Para assuntos urgentes contacte {colleague} ({mail}).', 'Urgências: {phone}', 'Na minha ausência: {mail}'],
  pl: ['W pilnych sprawach proszę o kontakt z {colleague} ({mail}).', 'Sprawy pilne: {phone}', 'W zastępstwie: {colleague}, {mail}'],
  sv: ['Vid brådskande ärenden, kontakta {colleague} ({mail}).', 'Brådskande: ring {phone}.', 'Under min frånvaro: {mail}'],
  cs: ['V naléhavých případech kontaktujte {colleague} ({mail}).', 'Naléhavé věci: {phone}', 'V mé nepřítomnosti mě zastupuje {colleague}, {mail}'],
};
const PHONES = ['+49 40 3190 2280', '030 2291 4470', '+34 912 44 80 19', '+39 02 8745 2210', '020 612 44 90', '+351 213 880 415', '+48 22 617 40 12', '08-522 310 40', '+420 224 911 300', '0171 4478 201'];
const CLOSE: Record<Lang, string[]> = {
  de: ['Mit freundlichen Grüßen', 'Viele Grüße', ''], es: ['Un saludo', 'Atentamente', ''], it: ['Cordiali saluti', 'Grazie', ''], nl: ['Met vriendelijke groet', 'Groet', ''],
  pt: ['Cumprimentos', 'Obrigado', ''], pl: ['Pozdrawiam', 'Z poważaniem', ''], sv: ['Vänliga hälsningar', 'Hälsningar', ''], cs: ['S pozdravem', 'Děkuji', ''],
};

function person(r: Rand, lang: Lang): { name: string; from: string; firm: string } {
  const name = pick(r, PEOPLE[lang]);
  const firm = `${pick(r, ['nordlicht', 'casaviva', 'studioforma', 'hemmabo', 'designlab', 'keramos', 'vitrum', 'tekstil'])}-${pick(r, ['handel', 'trade', 'group', 'interiors', 'atelier'])}.${FIRM_TLD[lang]}`;
  return { name, from: `${name} <${slug(name)}@${firm}>`, firm };
}

const fill = (s: string, r: Rand, lang: Lang, firm: string): string => {
  const colleague = pick(r, PEOPLE[lang]);
  return s.replace('{colleague}', colleague).replace('{mail}', `${slug(colleague)}@${firm}`).replace('{phone}', pick(r, PHONES));
};

/** A person's absence: the span, the mail meanwhile, someone or a number to turn to, in any order of the last two. */
const ABSENCE_NOTICE: Maker[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const p = person(r, lang);
    const parts = [`${pick(r, SPAN[lang])}.`, maybe(r, 0.8, pick(r, MAIL[lang])), fill(pick(r, ELSEWHERE[lang]), r, lang, p.firm)];
    return { from: p.from, subject: `${pick(r, REPLY[lang])} ${pick(r, TOPIC[lang])}`, body: [...parts.filter(Boolean), pick(r, CLOSE[lang]), maybe(r, 0.6, p.name.split(' ')[0]!)].filter(Boolean).join('\n') };
  },
];

/** Part-time working days: when the mail will be read. */
const PART_TIME: Record<Lang, string[]> = {
  de: ['Ich arbeite montags bis mittwochs. Ihre Nachricht beantworte ich am nächsten Arbeitstag.'], es: ['Trabajo de lunes a miércoles. Responderé a su correo el próximo día laborable.'],
  it: ['Lavoro il lunedì, il martedì e il giovedì. Risponderò al prossimo giorno lavorativo.'], nl: ['Ik werk op dinsdag, woensdag en vrijdag. Je mail beantwoord ik op mijn eerstvolgende werkdag.'],
  pt: ['Trabalho às segundas-feiras e quintas-feiras. Respondo no próximo dia útil.'], pl: ['Pracuję od poniedziałku do środy. Odpowiem w najbliższy dzień roboczy.'],
  sv: ['Jag arbetar måndag till onsdag. Jag svarar nästa arbetsdag.'], cs: ['Pracuji v pondělí, úterý a čtvrtek. Odpovím v nejbližší pracovní den.'],
};
const PART_TIME_NOTICE: Maker[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const p = person(r, lang);
    return { from: p.from, subject: `${pick(r, REPLY[lang])} ${pick(r, TOPIC[lang])}`, body: [pick(r, PART_TIME[lang]), maybe(r, 0.7, fill(pick(r, ELSEWHERE[lang]), r, lang, p.firm)), p.name.split(' ')[0]!].filter(Boolean).join('\n') };
  },
];

/** A receipt: the message received, a case number, when an answer comes, and that this one is automatic. */
const RECEIPT: Record<Lang, [string, string, string, string]> = {
  de: ['Wir haben Ihre Nachricht erhalten.', 'Ihre Vorgangsnummer lautet {ref}.', 'Wir melden uns innerhalb von zwei Werktagen.', 'Dies ist eine automatisch erzeugte Nachricht, bitte nicht darauf antworten.'],
  es: ['Hemos recibido tu mensaje.', 'Número de incidencia: {ref}.', 'Te responderemos en un plazo de 48 horas laborables.', 'Este es un mensaje automático, por favor no responda.'],
  it: ['Abbiamo ricevuto la sua richiesta.', 'Numero pratica: {ref}.', 'Le risponderemo entro tre giorni lavorativi.', 'Messaggio generato automaticamente, si prega di non rispondere.'],
  nl: ['We hebben je bericht ontvangen.', 'Je ticketnummer is {ref}.', 'We reageren binnen twee werkdagen.', 'Dit is een automatisch bericht; je kunt hier niet op antwoorden.'],
  pt: ['Recebemos o seu pedido.', 'Referência: {ref}.', 'Responderemos no prazo de 2 dias úteis.', 'Esta mensagem é automática, por favor não responda.'],
  pl: ['Otrzymaliśmy Twoją wiadomość.', 'Numer zgłoszenia: {ref}.', 'Odpowiemy w ciągu dwóch dni roboczych.', 'Wiadomość wygenerowana automatycznie, prosimy na nią nie odpowiadać.'],
  sv: ['Vi har tagit emot ditt meddelande.', 'Ditt ärendenummer är {ref}.', 'Vi svarar inom två arbetsdagar.', 'Detta är ett automatiskt svar.'],
  cs: ['Přijali jsme Vaši zprávu.', 'Číslo požadavku: {ref}.', 'Odpovíme do dvou pracovních dnů.', 'Tato zpráva byla vygenerována automaticky, neodpovídejte na ni.'],
};
const RECEIPT_NOTICE: Maker[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const ref = `${pick(r, ['', '#', 'SR-', 'CS', ''])}${Math.floor(r() * 900000) + 100000}`;
    const brand = pick(r, ['Casaviva', 'Nordlicht', 'Hemmabo', 'Keramos', 'Vitrum', 'Tekstil Plus']);
    const [got, num, when, auto] = RECEIPT[lang];
    const local = pick(r, ['support', 'kundendienst', 'atencion', 'assistenza', 'klantenservice', 'apoio', 'obsluga', 'kundtjanst', 'podpora']);
    return { from: `${pick(r, [`${brand} Service`, `Kundenservice ${brand}`, `${brand}`])} <${local}@${brand.toLowerCase().replace(/ /g, '')}.${FIRM_TLD[lang]}>`, subject: `${pick(r, [`[${ref}]`, `${pick(r, REPLY[lang])} ${pick(r, TOPIC[lang])}`, ref])}`,
      body: [maybe(r, 0.5, pick(r, ['Hej!', 'Hallo,', 'Hola:', 'Buongiorno,', 'Dzień dobry,', 'Dobrý den,', 'Olá,'])), got, num.replace('{ref}', ref), maybe(r, 0.8, when), maybe(r, 0.8, auto), brand].filter(Boolean).join('\n') };
  },
];

/** Customers away on given dates who ask to hold or send a parcel, complain or ask for their money before leaving. */
const AWAY_ASKS: Record<Lang, string[]> = {
  de: ['Ich bin vom 20. bis 28. Dezember verreist. Können Sie die Lieferung bis danach zurückhalten?', 'Vom 2.1. bis 9.1. bin ich nicht zu Hause. Bitte senden Sie das Paket erst danach.', 'Ich bin ab morgen im Urlaub bis 6.1. Der Wasserkocher ist kaputt angekommen, ich möchte mein Geld zurück.'],
  es: ['Estaré de viaje del 20 al 28 de diciembre. ¿Podéis esperar para enviar el pedido?', 'No estaré en casa hasta el 7 de enero; enviad el paquete después, por favor.', 'Me voy de vacaciones el 22/12. La tetera llegó rota y quiero el reembolso antes.'],
  it: ['Sarò via dal 20 al 28 dicembre. Potete spedire il pacco dopo il 29?', 'Sono in ferie fino al 7 gennaio, quindi vi prego di spedire dopo.', 'Parto per le vacanze il 22/12: il bollitore è arrivato rotto, vorrei il rimborso.'],
  nl: ['Ik ben van 20 tot 28 december weg. Kunnen jullie het pakket daarna versturen?', 'Tot 6 januari ben ik niet thuis, graag pas daarna bezorgen.', 'Ik ga 22/12 op vakantie. De waterkoker is kapot aangekomen, ik wil mijn geld terug.'],
  pt: ['Estarei fora de 20 a 28 de dezembro. Podem enviar a encomenda depois?', 'Estou de férias até 6 de janeiro; por favor enviem só depois.', 'Vou viajar a 22/12. A chaleira chegou partida e quero o reembolso antes disso.'],
  pl: ['Od 20 do 28 grudnia jestem na urlopie. Czy mogą Państwo wstrzymać wysyłkę?', 'Do 6 stycznia nie będzie mnie w domu, proszę wysłać paczkę później.', 'Będę na urlopie od 22.12. Czajnik przyszedł uszkodzony, chcę zwrotu pieniędzy.'],
  sv: ['Jag är bortrest 20–28 december. Kan ni vänta med att skicka paketet?', 'Jag är inte hemma förrän 6 januari, skicka gärna efter det.', 'Jag åker på semester 22/12. Vattenkokaren kom trasig och jag vill ha pengarna tillbaka.'],
  cs: ['Od 20. do 28. 12. budu pryč. Můžete balík poslat až potom?', 'Do 6. 1. nebudu doma, pošlete prosím zásilku až potom.', 'Od 22. 12. jsem na dovolené. Konvice přišla rozbitá, chci vrácení peněz.'],
};
/** Customers citing an automatic reply or its ticket number while still waiting, a bounce of the shop's address, a carrier's automatic message. */
const CITES_MACHINE: Record<Lang, string[]> = {
  de: ['Ich habe nur eine automatische Antwort mit der Nummer 58213 bekommen und seitdem nichts. Die Pfanne ist immer noch verbogen.', 'Meine Mail an Ihre Adresse kam als unzustellbar zurück. Wie erreiche ich Sie?', 'DHL hat mir automatisch gemeldet, dass die Zustellung gescheitert ist. Was nun?'],
  es: ['Solo recibí una respuesta automática con el número de caso 77120 y nada más. La cafetera sigue sin funcionar.', 'Mi correo a vuestra dirección volvió como no entregado. ¿A dónde escribo?', 'Correos me mandó un aviso automático de entrega fallida. ¿Qué hago?'],
  it: ['Ho ricevuto solo una risposta automatica con il numero 44718, poi niente. La teiera perde ancora.', 'La mia mail al vostro indirizzo è tornata indietro. Dove devo scrivere?', 'BRT mi ha mandato un messaggio automatico: consegna non riuscita. Cosa faccio?'],
  nl: ['Ik kreeg alleen een automatisch antwoord met ticketnummer 90211 en daarna niets. Wanneer hoor ik iets?', 'Mijn mail aan jullie adres kwam terug als onbestelbaar. Waar moet ik heen?', 'PostNL stuurde een automatisch bericht dat bezorgen mislukt is. Wat nu?'],
  pt: ['Recebi só uma resposta automática com a referência 33019 e mais nada. Quando me respondem?', 'O meu e-mail para o vosso endereço voltou para trás. Para onde escrevo?', 'Os CTT enviaram uma mensagem automática a dizer que a entrega falhou. E agora?'],
  pl: ['Dostałam tylko automatyczną odpowiedź z numerem zgłoszenia 61820 i nic więcej. Kiedy ktoś się odezwie?', 'Mój mail na Państwa adres wrócił jako niedostarczony. Gdzie mam pisać?', 'InPost przysłał automatyczną wiadomość, że doręczenie się nie udało. Co teraz?'],
  sv: ['Jag fick bara ett automatiskt svar med ärendenummer 40417 och sedan inget. När får jag svar?', 'Mitt mejl till er adress kom tillbaka som obeställbart. Vart ska jag skriva?', 'PostNord skickade ett automatiskt meddelande om att leveransen misslyckades. Vad gör jag nu?'],
  cs: ['Přišla mi jen automatická odpověď s číslem 52190 a pak nic. Kdy se ozvete?', 'Můj e-mail na Vaši adresu se vrátil jako nedoručitelný. Kam mám psát?', 'Zásilkovna mi poslala automatickou zprávu, že doručení se nezdařilo. Co teď?'],
};
const GREET: Record<Lang, string[]> = {
  de: ['Guten Tag,', 'Hallo,'], es: ['Hola,', 'Buenas,'], it: ['Buongiorno,', 'Salve,'], nl: ['Hallo,', 'Goedemiddag,'], pt: ['Bom dia,', 'Olá,'],
  pl: ['Dzień dobry,', 'Witam,'], sv: ['Hej,', 'Hej!'], cs: ['Dobrý den,', 'Zdravím,'],
};

function customer(r: Rand, lang: Lang, lines: Record<Lang, string[]>): { from: string; subject: string; body: string } {
  const name = pick(r, PEOPLE[lang]);
  const firmAddress = r() < 0.3;
  const from = firmAddress ? person(r, lang).from.replace(/^[^<]+/, `${name} `) : `${name} <${slug(name)}@${pick(r, FREE[lang])}>`;
  return { from, subject: pick(r, [`${pick(r, REPLY[lang])} ${pick(r, TOPIC[lang])}`, pick(r, TOPIC[lang]), `${pick(r, TOPIC[lang])} ${Math.floor(r() * 9000) + 1000}`]),
    body: [maybe(r, 0.7, pick(r, GREET[lang])), pick(r, lines[lang]), maybe(r, 0.3, `Tel. ${pick(r, PHONES)}`), pick(r, CLOSE[lang]), name.split(' ')[0]!].filter(Boolean).join('\n') };
}

export const MACHINE_AWAY: Record<string, Maker[]> = { absence_languages: ABSENCE_NOTICE, part_time_languages: PART_TIME_NOTICE, receipt_languages: RECEIPT_NOTICE };

export const CUSTOMERS_AWAY: Record<string, Maker[]> = {
  away_and_asks_languages: [(r) => customer(r, pick(r, LANGS), AWAY_ASKS)],
  cites_machine_languages: [(r) => customer(r, pick(r, LANGS), CITES_MACHINE)],
};
