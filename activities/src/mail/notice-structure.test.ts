/**
 * A notice's structure against a customer who mentions an absence, a ticket or an automatic reply (issue 14, kind 4;
 * session 15's reverted notice families suppressed such customers). Written for this file: DE/ES/IT/NL/PT/PL/SV/CS.
 * The gate tests use a head that says "machine" to everything, so they hold whatever the training writes.
 */
import { cleanBody } from './clean-body';
import { orderNumberPattern } from './customer-voice';
import { customerMatter, dateInLanguages, phoneInText, selfAutomatic } from './notice-structure';
import { machineHeadVote, type MachineHeadWeights } from './machine-head';
import { parseEmail } from './parse-email';
import { rawEmail } from './test-support/raw-email';

const SHOP = { shop: { domains: ['atelier-sorel.example'], name: 'Atelier Sorel' }, orderNumber: orderNumberPattern('SOR', 5) };
const EAGER: MachineHeadWeights = { version: 'test/eager', bias: 20, weights: {}, threshold: 0.5 };
const inputOf = async (from: string, subject: string, body: string) => {
  const parsed = await parseEmail(rawEmail({ From: from, Subject: subject }, body));
  return { parsed, cleaned: cleanBody(parsed), ...SHOP };
};

describe('a customer who mentions an absence or an automatic reply is never voted on', () => {
  it.each([
    ['Agata Nowak <agata.nowak@o2.pl>', 'Re: urlop', 'Będę na urlopie od 14.12 do 3.01, tel. +48 601 220 118.\nCzajnik przyszedł uszkodzony, chcę zwrotu pieniędzy.'],
    ['Nuria Vidal <nuria.vidal@yahoo.es>', 'Re: vacaciones', 'Estaré de vacaciones del 20/12 al 7/1. Las tapas llegaron rotas. Quiero el reembolso.\nMi teléfono: 612 44 80 19'],
    ['Ondřej Malý <ondrej.maly@seznam.cz>', 'Re: Požadavek 5521', 'Přišla mi jen automatická odpověď 2. 12. a pak nic. Konvice nefunguje, vraťte peníze.'],
    ['Sara Lind <sara.lind@telia.com>', 'Semester', 'Jag är bortrest 20/12–3/1, tel. 070-512 33 80. Skicka paketet efter det.'],
  ])('%s', async (from, subject, body) => {
    expect(machineHeadVote(await inputOf(from, subject, body), EAGER)).toBeNull();
  });
});

describe('the structure the head reads', () => {
  it('dates in the shop\'s languages, a phone number, a text calling itself automatic', () => {
    for (const d of ['do 4. 1. 2027', 'vom 21.12. bis', 't.o.m. 31 mars', 'até 15/12', 'fino all\'8 gennaio', 'op maandag en donderdag', 'do 6 stycznia']) expect(dateInLanguages(d)).toBe(true);
    expect(dateInLanguages('Pakket vanaf €199, 250 reviews')).toBe(false);
    for (const p of ['Tel. +49 30 2291 4470', 'ring 08-522 310 40', 'bel 020 612 44 90']) expect(phoneInText(p)).toBe(true);
    for (const p of ['CMD-10234', '08.01.2027', 'ref. 2026-11873']) expect(phoneInText(p)).toBe(false);
    for (const a of ['Detta är ett automatiskt svar.', 'Tato zpráva byla vygenerována automaticky, neodpovídejte na ni.', 'Por favor, não responda a este e-mail.']) expect(selfAutomatic(a)).toBe(true);
  });

  it('the customer\'s matter: goods, a fault, money back, goods that never came, an action on a parcel', () => {
    for (const t of ['czajnik przyszedł uszkodzony', 'la tetera gotea', 'il pacco non è mai arrivato', 'ik wil mijn geld terug', 'pošlete zásilku až potom', 'vattenkokaren är trasig'])
      expect(customerMatter(t)).toBe(true);
    for (const t of ['Ich bin bis 8.1. nicht erreichbar. Ihre Nachricht wird nicht weitergeleitet.', 'Vi har tagit emot ditt ärende.', 'Ve věcech objednávek se obracejte na paní Novotnou.'])
      expect(customerMatter(t)).toBe(false);
  });
});
