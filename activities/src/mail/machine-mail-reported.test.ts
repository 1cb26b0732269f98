/**
 * Kinds read on challenge-8 (issue 14, kind 4), with examples written for this file: a customer who reports an
 * auto-reply's words or names a shop order is never an out-of-office; a place closed under its owner's name is; money
 * offered by a sender dressed as a brand, with a link to claim it, is a lure.
 */
import { cleanBody } from './clean-body';
import { orderNumberPattern } from './customer-voice';
import { detectMachineMail } from './machine-mail';
import { looksLikeOutOfOffice } from './out-of-office';
import { parseEmail } from './parse-email';
import { rawEmail } from './test-support/raw-email';

const OPTIONS = { shop: { domains: ['atelier-sorel.example'], name: 'Atelier Sorel' }, orderNumber: orderNumberPattern('SOR', 5) };
const verdictOf = async (from: string, subject: string, body: string) => {
  const parsed = await parseEmail(rawEmail({ From: from, Subject: subject }, body));
  return detectMachineMail(parsed, cleanBody(parsed), OPTIONS);
};

describe('reported words and the shop\'s orders are a customer\'s', () => {
  it.each([
    ['Re: votre relance', 'Bonjour, le répondeur de mon associé vous a écrit « je suis en congés jusqu\'au 8 janvier » : ignorez-le, je suis là et j\'attends toujours la facture.'],
    ['Re: your reminder', 'Hi, my assistant\'s autoresponder told you "I am away until the 8th, limited access to email". Please ignore it, I am here.'],
  ])('%s', async (subject, body) => {
    expect((await verdictOf('Inès Caron <ines.caron@example.org>', subject, body)).isMachine).toBe(false);
  });

  it('an absence told next to one of the shop\'s orders', () => {
    const text = "Je suis absente jusqu'au 12 janvier inclus. Pour SOR-10422, rien ne presse, je vous répondrai à mon retour.";
    expect(looksLikeOutOfOffice('Re: suivi', text, { orderNumber: OPTIONS.orderNumber })).toBe(false);
  });
});

describe('machine mail in other words', () => {
  it('a place closed under its owner\'s name', async () => {
    const v = await verdictOf('Accueil <accueil@etude-pasquier.example>', 'Re: colis', "L'étude de Maître Pasquier est fermée pour les fêtes. Réouverture le lundi 5 janvier à 9 h.");
    expect(v.kind).toBe('auto_reply');
  });

  it.each([
    ['Impots Remboursement <remb@impots-remboursement-fr.example>', 'Remboursement', 'Après vérification, vous avez droit à un remboursement de 214,60 €. Formulaire : https://impots-remboursement-fr.example/form'],
    ['PayPal Rewards <gift@paypal-rewards-center.example>', 'Reward', 'Congratulations, you have been selected for a loyalty reward of €150. Claim your reward: https://paypal-rewards-center.example/claim'],
  ])('money offered by a dressed-up sender: %s', async (from, subject, body) => {
    const v = await verdictOf(from, subject, body);
    expect(v.reasons).toEqual(expect.arrayContaining(['phishing', 'money_offered_lure']));
  });

  it('a refund the customer writes about stays theirs', async () => {
    const v = await verdictOf('Rosa Lenoir <rosa.lenoir@example.org>', 'Remboursement', "Bonjour, vous m'aviez dit que j'avais droit à un remboursement pour la lampe cassée, où en est-il ?");
    expect(v.isMachine).toBe(false);
  });
});
