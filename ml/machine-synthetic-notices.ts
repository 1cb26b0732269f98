/**
 * Hand-written families for the machine-mail head on notices said only in words, in the languages beyond FR/EN that the
 * blind sets kept reading as a person's: absence notices (DE, ES, IT, NL, PT, PL, and two languages one under the other)
 * in the present and the future tense, with a day and a month, what happens to the mail meanwhile and someone to turn to;
 * other companies' helpdesk receipts (a request registered under a number, an answer within hours, a line to reply
 * above); carriers' fee lures in the local currency. Against them, customers in the same languages who announce their
 * own absence and ask the shop to hold, delay or deliver something.
 * Written for this project from interchangeable parts drawn by a seeded generator; no fixture, challenge-set or
 * held-out text. Deterministic.
 */
import type { Rand } from './logreg';
import type { Maker } from './machine-synthetic-languages';

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const maybe = (rand: Rand, p: number, s: string): string => (rand() < p ? s : '');
const slug = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '');
type Lang = 'de' | 'es' | 'it' | 'nl' | 'pt' | 'pl';
const LANGS: Lang[] = ['de', 'es', 'it', 'nl', 'pt', 'pl'];
const PEOPLE: Record<Lang, string[]> = {
  de: ['Sabine Hofer', 'Jonas Krämer', 'Ulrike Brandl'], es: ['Marta Vidal', 'Íñigo Salas', 'Rocío Campos'], it: ['Giorgia Ferri', 'Davide Marchi', 'Lucia Pellegrini'],
  nl: ['Maaike de Wit', 'Bram Hendriks', 'Eva Mulder'], pt: ['Catarina Rocha', 'Tiago Almeida', 'Joana Pires'], pl: ['Katarzyna Nowak', 'Tomasz Lis', 'Magdalena Kaczmarek'],
};
const FIRM_WORD: Record<Lang, string[]> = {
  de: ['Planungsbüro', 'Kanzlei', 'Gasthof'], es: ['Estudio', 'Gestoría', 'Hostal'], it: ['Studio', 'Agriturismo', 'Ottica'],
  nl: ['Adviesbureau', 'Praktijk', 'Bakkerij'], pt: ['Atelier', 'Gabinete', 'Pastelaria'], pl: ['Biuro Rachunkowe', 'Pracownia', 'Pensjonat'],
};
const TLD: Record<Lang, string> = { de: 'de', es: 'es', it: 'it', nl: 'nl', pt: 'pt', pl: 'pl' };
const FREE: Record<Lang, string[]> = { de: ['gmx.de', 'web.de', 't-online.de'], es: ['gmail.com', 'yahoo.es', 'hotmail.es'], it: ['libero.it', 'virgilio.it', 'gmail.com'],
  nl: ['ziggo.nl', 'hotmail.nl', 'kpnmail.nl'], pt: ['sapo.pt', 'gmail.com', 'outlook.pt'], pl: ['wp.pl', 'onet.pl', 'o2.pl'] };
const MONTHS: Record<Lang, string[]> = {
  de: ['Januar', 'Februar', 'März', 'August', 'Dezember'], es: ['enero', 'febrero', 'marzo', 'agosto', 'diciembre'], it: ['gennaio', 'febbraio', 'marzo', 'agosto', 'dicembre'],
  nl: ['januari', 'februari', 'maart', 'augustus', 'december'], pt: ['janeiro', 'fevereiro', 'março', 'agosto', 'dezembro'], pl: ['stycznia', 'lutego', 'marca', 'sierpnia', 'grudnia'],
};
const day = (r: Rand): number => Math.floor(r() * 27) + 1;
const person = (r: Rand, lang: Lang): { name: string; address: string; firm: string } => {
  const name = pick(r, PEOPLE[lang]);
  const firm = `${pick(r, FIRM_WORD[lang])} ${name.split(' ')[1]}`;
  const [first, last] = name.split(' ');
  return { name, firm, address: r() < 0.5 ? `${slug(first!)}.${slug(last!)}@${pick(r, FREE[lang])}` : `${slug(first!)[0]}.${slug(last!)}@${slug(firm)}.${TLD[lang]}` };
};

/** An absence notice's parts by language: thanks, away until a date, the mail meanwhile, someone else, a reply on return. */
function absenceParts(r: Rand, lang: Lang): { thanks: string[]; away: string[]; mail: string[]; other: string[]; back: string[]; subject: string[] } {
  const d = `${day(r)}${lang === 'de' ? '.' : ''} ${lang === 'es' || lang === 'pt' ? 'de ' : ''}${pick(r, MONTHS[lang])}`;
  const phone = `${Math.floor(r() * 900) + 100} ${Math.floor(r() * 900) + 100} ${Math.floor(r() * 900) + 100}`;
  const colleague = pick(r, ['Anna', 'Marek', 'Sofie', 'Luis', 'Rita', 'Paolo']);
  return ({
    de: { thanks: ['Danke für Ihre Mail.', 'Vielen Dank für Ihre Nachricht.', 'Guten Tag,'], subject: ['Re: Anfrage', 'Re: Ihre Nachricht', 'Re: Angebot', 'Re: Termin'],
      away: [`Ich bin bis einschließlich ${d} nicht im Büro.`, `Bis zum ${d} bin ich außer Haus.`, `Ich befinde mich bis ${d} im Urlaub.`, `Unser Büro bleibt bis ${d} geschlossen.`, `Ich bin ab sofort bis ${d} in Elternzeit.`],
      mail: ['Ihre Nachricht wird nicht weitergeleitet.', 'Ich lese meine E-Mails in dieser Zeit nur unregelmäßig.', 'Ich habe keinen Zugriff auf meine E-Mails.'],
      other: [`In dringenden Fällen wenden Sie sich bitte an ${colleague} unter ${phone}.`, `Für dringende Anliegen erreichen Sie das Sekretariat unter ${phone}.`],
      back: ['Nach meiner Rückkehr melde ich mich umgehend.', 'Ich antworte Ihnen nach meiner Rückkehr.'] },
    es: { thanks: ['Gracias por su mensaje.', 'Hola:', 'Muchas gracias por escribir.'], subject: ['Re: Consulta', 'Re: Presupuesto', 'Re: Su mensaje', 'RE: Pedido'],
      away: [`Estaré fuera de la oficina hasta el ${d}.`, `Me encuentro de vacaciones hasta el ${d}.`, `Estoy de baja médica hasta el ${d}.`, `La oficina permanece cerrada hasta el ${d}.`],
      mail: ['Durante este tiempo no tendré acceso al correo.', 'Su mensaje no será reenviado.', 'Leeré el correo solo esporádicamente.'],
      other: [`Para asuntos urgentes, llame al ${phone}.`, `En caso de urgencia puede escribir a ${slug(colleague)}@oficina.es.`],
      back: ['Le responderé a mi regreso.', 'Contestaré a mi vuelta lo antes posible.'] },
    it: { thanks: ['Grazie per la sua e-mail.', 'Buongiorno,', 'Gentile mittente,'], subject: ['Re: Richiesta', 'Re: Preventivo', 'R: Informazioni', 'Re: Ordine fornitura'],
      away: [`Sarò assente dall'ufficio fino al ${d}.`, `Sono in ferie fino al ${d}.`, `Mi trovo fuori sede fino al ${d}.`, `L'ufficio resterà chiuso fino al ${d}.`],
      mail: ['La posta non sarà inoltrata.', 'Avrò un accesso limitato alla posta.', 'In questo periodo leggo la posta saltuariamente.'],
      other: [`Per urgenze può contattare ${colleague} al ${phone}.`, `In caso di urgenza si prega di chiamare il ${phone}.`],
      back: ['Risponderò al mio rientro.', 'Le risponderò appena possibile al mio rientro.'] },
    nl: { thanks: ['Bedankt voor uw bericht.', 'Dank voor je mail.', 'Goedendag,'], subject: ['Re: Vraag', 'Re: Offerte', 'Re: Uw bericht', 'Antw: Afspraak'],
      away: [`Ik ben tot en met ${d} afwezig.`, `Tot ${d} ben ik met vakantie.`, `Ik ben t/m ${d} niet op kantoor.`, `Ons kantoor is gesloten tot ${d}.`],
      mail: ['Uw e-mail wordt niet doorgestuurd.', 'Ik lees mijn mail in die periode niet.', 'Ik heb geen toegang tot mijn e-mail.'],
      other: [`Voor dringende zaken kunt u terecht bij ${colleague} (${phone}).`, `In dringende gevallen kunt u bellen naar ${phone}.`],
      back: ['Na mijn terugkomst neem ik contact met u op.', 'Ik reageer zo snel mogelijk na mijn terugkomst.'] },
    pt: { thanks: ['Obrigado pela sua mensagem.', 'Olá,', 'Agradeço o seu email.'], subject: ['Re: Pedido de informação', 'Re: Orçamento', 'RE: Encomenda', 'Re: Reunião'],
      away: [`Estarei ausente até ${d}.`, `Encontro-me de férias até ${d}.`, `Estou de licença até ${d}.`, `O escritório está fechado até ${d}.`],
      mail: ['Não terei acesso ao email neste período.', 'A sua mensagem não será reencaminhada.', 'Terei acesso limitado ao correio eletrónico.'],
      other: [`Para assuntos urgentes, contacte o ${phone}.`, `Em caso de urgência, fale com ${colleague} pelo ${phone}.`],
      back: ['Responderei após o meu regresso.', 'Responderei logo que possível depois do meu regresso.'] },
    pl: { thanks: ['Dziękuję za wiadomość.', 'Dzień dobry,', 'Uprzejmie dziękuję za e-mail.'], subject: ['Re: Zapytanie', 'Re: Oferta', 'Odp: Wiadomość', 'Re: Spotkanie'],
      away: [`Jestem nieobecna do ${d}.`, `Do ${d} przebywam na urlopie.`, `Do ${d} jestem poza biurem.`, `Biuro jest zamknięte do ${d}.`, `Jestem na zwolnieniu lekarskim do ${d}.`],
      mail: ['Nie mam dostępu do poczty.', 'Wiadomości nie są przekazywane dalej.', 'Pocztę czytam sporadycznie.'],
      other: [`W pilnych sprawach proszę dzwonić pod numer ${phone}.`, `W sprawach pilnych proszę o kontakt z ${colleague}: ${phone}.`],
      back: ['Odpowiem po powrocie.', 'Odpiszę niezwłocznie po moim powrocie.'] },
  } satisfies Record<Lang, unknown>)[lang];
}

const absence = (r: Rand, lang: Lang): string[] => {
  const p = absenceParts(r, lang);
  return [maybe(r, 0.7, pick(r, p.thanks)), pick(r, p.away), maybe(r, 0.7, pick(r, p.mail)), maybe(r, 0.7, pick(r, p.other)), maybe(r, 0.5, pick(r, p.back))].filter(Boolean);
};

/** A helpdesk's receipt by language: the request registered under a number, the delay, how to add to it. */
function receipt(r: Rand, lang: Lang): { subject: string; lines: string[] } {
  const n = `${pick(r, ['', '#', 'TK-', '2026-'])}${Math.floor(r() * 900000) + 100000}`;
  const h = pick(r, ['24', '48', '72']);
  return ({
    de: { subject: `Ihre Anfrage ${n} ist eingegangen`, lines: ['Guten Tag,', `Ihre Anfrage wurde unter der Nummer ${n} registriert.`, `Wir bearbeiten sie innerhalb von ${h} Stunden.`, 'Um Informationen zu ergänzen, antworten Sie bitte auf diese E-Mail, ohne den Betreff zu ändern.', 'Ihr Kundenservice'] },
    es: { subject: `Solicitud ${n} recibida`, lines: ['Estimado/a cliente:', `Su solicitud ha sido registrada con el número ${n}.`, `Le responderemos en un plazo de ${h} horas laborables.`, 'Para añadir información, responda a este correo sin modificar el asunto.', 'Equipo de Atención al Cliente'] },
    it: { subject: `Ticket ${n} aperto`, lines: ['Gentile cliente,', `la sua segnalazione è stata registrata con il numero ${n}.`, `Un operatore la prenderà in carico entro ${h} ore.`, 'Può consultare lo stato della pratica nella sua area personale.', 'Servizio Clienti'] },
    nl: { subject: `Uw melding ${n} is ontvangen`, lines: ['Beste klant,', `Uw melding is ontvangen en geregistreerd onder nummer ${n}.`, `U ontvangt binnen ${h} uur een reactie.`, 'Wilt u iets toevoegen? Beantwoord dan deze e-mail.', 'Klantenservice'] },
    pt: { subject: `Pedido ${n} recebido`, lines: ['Caro cliente,', `O seu pedido foi registado com o número ${n}.`, `Responderemos no prazo de ${h} horas úteis.`, 'Para acrescentar informação, responda a este email sem alterar o assunto.', 'Apoio ao Cliente'] },
    pl: { subject: `Zgłoszenie ${n} zostało przyjęte`, lines: ['Szanowni Państwo,', `Państwa zgłoszenie zostało zarejestrowane pod numerem ${n}.`, `Odpowiemy w ciągu ${h} godzin roboczych.`, 'Aby uzupełnić zgłoszenie, prosimy odpowiedzieć na tę wiadomość bez zmiany tematu.', 'Biuro Obsługi Klienta'] },
  } satisfies Record<Lang, unknown>)[lang];
}

const CARRIERS: Record<Lang, [string, string, string][]> = {
  de: [['Hermes Zustellung', 'hermes-zustellung-info.com', '1,89 €'], ['Post CH', 'post-ch-paket.net', 'CHF 2,40']],
  es: [['Correos Express', 'correos-envio-pendiente.com', '1,79 €'], ['SEUR', 'seur-entregas-es.net', '2,15 €']],
  it: [['Poste Italiane', 'poste-spedizioni-it.com', '1,99 €'], ['BRT', 'brt-consegna-pacco.net', '2,49 €']],
  nl: [['bpost', 'bpost-levering-be.com', '1,49 €'], ['DPD Nederland', 'dpd-bezorging-nl.net', '2,10 €']],
  pt: [['CTT', 'ctt-encomenda-pt.com', '1,68 €'], ['DPD Portugal', 'dpd-entrega-pt.net', '2,30 €']],
  pl: [['InPost', 'inpost-paczka-doplata.pl', '1,99 zł'], ['Poczta Polska', 'poczta-awizo24.com', '3,50 zł']],
};
const LURE_LINES: Record<Lang, (fee: string, link: string) => string[]> = {
  de: (fee, link) => ['Sehr geehrter Kunde,', 'Ihr Paket konnte wegen einer unvollständigen Adresse nicht zugestellt werden.', `Bitte begleichen Sie die Gebühr von ${fee} innerhalb von 24 Stunden:`, link, 'Andernfalls wird die Sendung zurückgeschickt.'],
  es: (fee, link) => ['Estimado cliente:', 'Su paquete está retenido por falta de pago de los gastos de envío.', `Abone ${fee} en las próximas 48 horas:`, link, 'Pasado este plazo, el envío será devuelto.'],
  it: (fee, link) => ['Gentile cliente,', 'la consegna del suo pacco è sospesa: mancano le spese di sdoganamento.', `Paghi ${fee} entro 24 ore al link:`, link, "Trascorso il termine il pacco tornerà al mittente."],
  nl: (fee, link) => ['Beste klant,', 'Uw pakket kon niet worden bezorgd: er staan nog verzendkosten open.', `Betaal ${fee} binnen 48 uur via:`, link, 'Daarna wordt het pakket teruggestuurd.'],
  pt: (fee, link) => ['Caro cliente,', 'A sua encomenda aguarda o pagamento de taxas aduaneiras.', `Pague ${fee} nas próximas 24 horas:`, link, 'Caso contrário, a encomenda será devolvida.'],
  pl: (fee, link) => ['Szanowny Kliencie,', 'Twoja paczka czeka na dopłatę za doręczenie.', `Opłać ${fee} w ciągu 24 godzin:`, link, 'W przeciwnym razie paczka wróci do nadawcy.'],
};

export const MACHINE_NOTICES: Record<string, Maker[]> = {
  absence_other_languages: [
    (r) => {
      const lang = pick(r, LANGS);
      const p = person(r, lang);
      return { from: `${p.name} <${p.address}>`, subject: pick(r, absenceParts(r, lang).subject), body: [...absence(r, lang), p.name, maybe(r, 0.5, p.firm)].filter(Boolean).join('\n') };
    },
    // two languages one under the other, as bilingual offices write them
    (r) => {
      const a = pick(r, LANGS);
      const b = pick(r, LANGS.filter((l) => l !== a));
      const p = person(r, a);
      return { from: `${p.name} <${p.address}>`, subject: pick(r, absenceParts(r, a).subject), body: [...absence(r, a), '', ...absence(r, b), '', p.name].join('\n') };
    },
  ],
  helpdesk_receipt_other_languages: [
    (r) => {
      const lang = pick(r, LANGS);
      const firm = pick(r, FIRM_WORD[lang]);
      const { subject, lines } = receipt(r, lang);
      return { from: `${pick(r, ['Support', 'Service', 'Assistenza', 'Atención', 'Obsługa', 'Klantenservice'])} ${firm} <${pick(r, ['support', 'service', 'help', 'ticket', 'assistenza', 'pomoc'])}@${slug(firm)}-${pick(r, ['group', 'online', 'shop'])}.${TLD[lang]}>`, subject, body: lines.join('\n') };
    },
  ],
  carrier_fee_lure_other_languages: [
    (r) => {
      const lang = pick(r, LANGS);
      const [brand, domain, fee] = pick(r, CARRIERS[lang]);
      const link = `https://${domain}/${pick(r, ['pay', 'doplata', 'pagamento', 'betalen', 'zahlung', 'pago'])}/${Math.floor(r() * 9e6) + 1e6}`;
      return { from: `${brand} <${pick(r, ['info', 'avisos', 'powiadomienia', 'service', 'notifiche'])}@${domain}>`, subject: pick(r, [`${brand}: ${fee}`, brand, `${brand} – ${Math.floor(r() * 9e6) + 1e6}`]), body: [...LURE_LINES[lang](fee, link), brand].join('\n') };
    },
  ],
};

/** Customers in the same languages: their own absence, with a request about their order. */
const AWAY_ASKS: Record<Lang, string[]> = {
  de: ['Ich bin vom 12. bis 20. Dezember verreist. Können Sie meine Bestellung erst danach verschicken?', 'Ich bin bis 8. Januar im Urlaub, bitte liefern Sie das Paket an meine Nachbarin.'],
  es: ['Estaré fuera del 12 al 20 de diciembre. ¿Pueden enviar mi pedido después?', 'Estoy de vacaciones hasta el 8 de enero, ¿podrían dejar el paquete en la portería?'],
  it: ['Sarò via dal 12 al 20 dicembre. Potete spedire il mio ordine dopo il 21?', 'Sono in ferie fino all\'8 gennaio: potreste tenere il pacco fino al mio rientro?'],
  nl: ['Ik ben van 12 tot 20 december weg. Kunt u mijn bestelling daarna versturen?', 'Ik ben tot 8 januari op vakantie, zou u het pakket bij de buren kunnen afgeven?'],
  pt: ['Vou estar ausente de 12 a 20 de dezembro. Podem enviar a minha encomenda depois?', 'Estou de férias até 8 de janeiro, podem entregar o pacote à vizinha?'],
  pl: ['Będę nieobecna od 12 do 20 grudnia. Czy mogą Państwo wysłać moje zamówienie później?', 'Do 8 stycznia jestem na urlopie. Proszę wstrzymać wysyłkę mojej paczki do mojego powrotu.'],
};
const AWAY_SUBJECT: Record<Lang, string[]> = { de: ['Lieferung', 'Urlaub'], es: ['Envío', 'Vacaciones'], it: ['Spedizione', 'Ferie'], nl: ['Levering', 'Vakantie'], pt: ['Entrega', 'Férias'], pl: ['Wysyłka', 'Urlop'] };
const GREET: Record<Lang, string[]> = { de: ['Hallo,', 'Guten Tag,'], es: ['Hola,', 'Buenos días:'], it: ['Buongiorno,', 'Salve,'], nl: ['Hallo,', 'Goedemiddag,'], pt: ['Olá,', 'Bom dia,'], pl: ['Dzień dobry,', 'Witam,'] };
const THANKS: Record<Lang, string[]> = { de: ['Danke!', 'Viele Grüße'], es: ['¡Gracias!', 'Un saludo'], it: ['Grazie!', 'Cordiali saluti'], nl: ['Bedankt!', 'Groet,'], pt: ['Obrigada!', 'Cumprimentos,'], pl: ['Dziękuję!', 'Pozdrawiam'] };

export const CUSTOMERS_NOTICES: Record<string, Maker[]> = {
  customer_away_asks: [
    (r) => {
      const lang = pick(r, LANGS);
      const p = person(r, lang);
      return { from: `${p.name} <${p.address}>`, subject: pick(r, AWAY_SUBJECT[lang]), body: [pick(r, GREET[lang]), pick(r, AWAY_ASKS[lang]), pick(r, THANKS[lang]), p.name.split(' ')[0]].join('\n') };
    },
  ],
};
