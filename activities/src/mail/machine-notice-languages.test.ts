/**
 * Machine mail of the kinds challenge-16 missed (issue 14, kind 4), in text written for this file in other voices:
 * absence notices said only in words in PL, PT, IT, NL, ES and DE (the future tense, a day and a month, the mail
 * meanwhile, someone else for urgent matters), other companies' helpdesk receipts in IT, DE and NL, a carrier's fee lure
 * in złoty; and the customers who write the same words about their own absence and ask the shop for something, who
 * must never be taken for machines.
 */
import { cleanBody } from './clean-body';
import { customerVoice, orderNumberPattern } from './customer-voice';
import { detectMachineMail } from './machine-mail';
import { noticeFamilies } from './out-of-office';
import { parseEmail } from './parse-email';
import { rawEmail } from './test-support/raw-email';

const OPTIONS = { shop: { domains: ['atelier-sorel.example'], name: 'Atelier Sorel' }, orderNumber: orderNumberPattern('SOR', 5) };

const verdict = async (from: string, subject: string, body: string) => {
  const parsed = await parseEmail(rawEmail({ From: from, Subject: subject }, body));
  return detectMachineMail(parsed, cleanBody(parsed), OPTIONS);
};

describe('absence notices said only in words, in the neighbours\' languages', () => {
  it.each([
    ['Ewa Mazur <e.mazur@mazur-projekt.pl>', 'Re: Próbki',
      'Dziękuję za wiadomość.\nDo 9 lutego jestem poza biurem i nie mam dostępu do poczty.\nW pilnych sprawach proszę o kontakt z sekretariatem: 61 855 40 12.\nEwa Mazur'],
    ['Rui Teixeira <rui.teixeira@teixeira-arquitetos.pt>', 'Re: Candeeiros',
      'Bom dia,\nEncontro-me de férias até 12 de janeiro, sem acesso ao email.\nEm caso de urgência, contacte a receção pelo 226 110 450.\nRui'],
    ['Chiara Longo <c.longo@longo-eventi.it>', 'Re: Fornitura tazze',
      'Sarò assente fino al 3 febbraio.\nLa posta non sarà inoltrata; per urgenze contattare l\'ufficio al 051 223 4410.\nChiara Longo'],
    ['Wouter Smit <wouter@smit-keukens.nl>', 'Re: Offerte',
      'Dank voor je mail. Ik ben tot en met 14 januari afwezig en lees mijn mail niet.\nVoor dringende zaken kun je terecht bij Ilse (ilse@smit-keukens.nl).\nWouter'],
    ['Nuria Gil <ngil@gil-reformas.es>', 'Re: Presupuesto',
      'Me encuentro fuera de la oficina hasta el 20 de enero.\nSu mensaje no será reenviado. Para asuntos urgentes llame al 963 410 220.\nNuria'],
    ['Holger Wenz <h.wenz@wenz-moebel.de>', 'Re: Anfrage Teekannen',
      'Guten Tag,\nich bin bis zum 16. Januar nicht im Büro. Ihre Nachricht wird nicht weitergeleitet.\nIn dringenden Fällen wenden Sie sich bitte an unser Sekretariat.\nHolger Wenz'],
  ])('suppresses the notice from %s', async (from, subject, body) => {
    const v = await verdict(from, subject, body);
    expect(v.isMachine).toBe(true);
    expect(v.kind).toBe('auto_reply');
  });

  it('reads the notice families of a Polish notice as an English one\'s', () => {
    expect(noticeFamilies('Do 9 lutego przebywam na urlopie. Nie mam dostępu do poczty. W pilnych sprawach proszę dzwonić do biura.').sort())
      .toEqual(['away', 'mail_handling', 'someone_else', 'time_bound']);
  });
});

describe('helpdesk receipts of other companies', () => {
  it.each([
    ['Assistenza Clienti <assistenza@forniture-delta.example>', 'Segnalazione registrata',
      'Gentile cliente,\nla sua segnalazione è stata registrata con il numero 2026-55310.\nUn operatore la prenderà in carico entro 24 ore.\nServizio Clienti Delta'],
    ['Kundenservice <service@verpackung-nord.example>', 'Ihre Anfrage',
      'Guten Tag,\nIhre Anfrage ist bei uns eingegangen und wurde unter der Nummer 884120 erfasst.\nWir melden uns innerhalb von 48 Stunden.\nIhr Kundenservice'],
    ['Klantenservice <klantenservice@drukkerij-oost.example>', 'Melding ontvangen',
      'Beste klant,\nUw melding is ontvangen onder nummer 310552.\nU hoort binnen 72 uur van ons.\nKlantenservice Drukkerij Oost'],
  ])('suppresses the receipt from %s', async (from, subject, body) => {
    expect((await verdict(from, subject, body)).isMachine).toBe(true);
  });
});

describe('fee lures in other currencies', () => {
  it('suppresses a parcel fee asked in złoty on a look-alike carrier domain', async () => {
    const v = await verdict('DPD Polska <powiadomienia@dpd-doreczenie-pl.com>', 'Przesyłka wstrzymana',
      'Szanowny Kliencie,\nprzesyłka czeka na dopłatę 1,85 zł za doręczenie.\nOpłać w ciągu 24 godzin: https://dpd-doreczenie-pl.com/oplata/5521\nW przeciwnym razie wróci do nadawcy.');
    expect(v.isMachine).toBe(true);
    expect(v.kind).toBe('spam');
  });
});

describe('customers who speak of their own absence', () => {
  it.each([
    ['Agata Sowa <agata.sowa@wp.pl>', 'Urlop', 'Dzień dobry,\ndo 10 stycznia jestem na urlopie. Proszę wstrzymać wysyłkę mojej paczki do mojego powrotu.\nAgata'],
    ['Duarte Reis <duarte.reis@sapo.pt>', 'Férias', 'Olá,\nestarei ausente até 8 de janeiro. Podem enviar a minha encomenda depois dessa data?\nDuarte'],
    ['Greta Franke <greta.franke@gmx.de>', 'Urlaub', 'Hallo,\nich bin bis zum 6. Januar nicht im Haus. Können Sie das Paket bis dahin zurückhalten?\nGreta'],
    ['Sara Conti <sara.conti@libero.it>', 'Ferie', 'Buongiorno,\nsarò assente fino al 4 gennaio: potreste spedire il mio ordine dopo il 5?\nSara'],
  ])('never takes %s for a machine', async (from, subject, body) => {
    expect((await verdict(from, subject, body)).isMachine).toBe(false);
  });

  it('reads the writer\'s own parcel in the Polish cases ("mojej paczki", "mojego zamówienia")', () => {
    expect(customerVoice('Proszę wstrzymać wysyłkę mojej paczki.')).not.toBeNull();
    expect(customerVoice('Czy mogą Państwo sprawdzić status mojego zamówienia?')).not.toBeNull();
  });
});
