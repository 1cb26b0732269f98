import type { Draft } from '../domain/types';
import { customerAsks } from './customer-asks';
import { unansweredQuestionReasons } from './questions';
import { recipientKinds } from './recipient-asks';
import { emailCase } from './test-support/fixtures';

const SENDER = 'anne.leclerc@example.fr';
/** The kinds of every ask in a text, sent by SENDER to the shop's mailbox. */
const kinds = (text: string) => customerAsks(text).flatMap((a) => recipientKinds(a, [SENDER, 'help@atelier-test.example']));

describe('recipientKinds', () => {
  it.each([
    // a document to another e-mail address or person
    ['Could you forward the receipt to my husband at tom.r@work-mail.example? He handles the paperwork.', 'other_recipient'],
    ['Merci de bien vouloir transmettre la facture à notre expert-comptable : cabinet.morel@compta.example', 'other_recipient'],
    ['Pouvez-vous envoyer une copie de la facture directement à mon comptable ?', 'other_recipient'],
    ['pls email the invoice to accounts@my-firm.example thx', 'other_recipient'],
    ['Would you mind emailing my PA the invoice for the espresso machine?', 'other_recipient'],
    ['Est-ce que vous pourriez lui envoyer la facture, elle s\'occupe des notes de frais ?', 'other_recipient'],
    // a parcel to another person or address
    ['Is it possible to deliver the kettle to my neighbour\'s instead, I\'m away that week?', 'redirect_delivery'],
    ['Pourriez-vous faire livrer le colis chez ma sœur à Lyon ?', 'redirect_delivery'],
    ['livrez chez la gardienne svp', 'redirect_delivery'],
    ['Can you have it delivered to my mum, she lives two streets away', 'redirect_delivery'],
    ['Serait-il possible de laisser le paquet à mon voisin du 3e ?', 'redirect_delivery'],
    ['could you just leave it with the concierge please', 'redirect_delivery'],
    ['Vous pouvez le faire suivre chez Bernard Giraud, au 12 rue des Lilas ?', 'redirect_delivery'],
  ])('%s -> %s', (text, kind) => {
    expect(kinds(text)).toEqual([kind]);
  });

  it('counts the writer\'s own new address as an ask the reply does not do', () => {
    expect(kinds('Please send the invoice to my new email, anne.l@newmail.example.')).toEqual(['other_recipient']);
  });

  it.each([
    // the writer is the recipient; the third party is only mentioned, or the purpose
    ['My accountant needs it by Friday, could you send the invoice to me?'],
    ['Pouvez-vous me renvoyer la facture pour mon comptable ?'],
    ['can u send it to me so i can forward it to my boss'],
    ['Could you send the invoice to anne.leclerc@example.fr again?'],
    ['Pouvez-vous livrer chez moi plutôt qu\'au point relais ?'],
    // told, not asked
    ['My neighbour took the parcel in yesterday, thanks.'],
    ['Le livreur l\'a laissé chez ma voisine, tout va bien.'],
    ['It was delivered to my neighbour, can you tell me when it was dropped?'],
    ['Ma femme a passé la commande, où en est-elle ?'],
    ['My wife ordered the kettle for her sister, when will it ship?'],
  ])('no recipient ask: %s', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('unansweredQuestionReasons with a third-party recipient', () => {
  const invoiceDraft: Draft = {
    subject: 's', body: 'b', lang: 'en', templateId: 't', version: '1', generator: 'template', offers: [],
    facts: { order_number: 'ORD-1', status: 'delivered', total: 40 },
    attachments: [{ kind: 'invoice', filename: 'f.pdf', orderNumber: 'ORD-1', title: 't', lines: [], total: 40 }],
  };
  it('an invoice asked for a colleague\'s address stays unanswered though the invoice is attached', () => {
    const c = emailCase({ clean: 'Could you send the invoice for ORD-1 to my colleague at j.smith@office.example?', draft: invoiceDraft });
    expect(unansweredQuestionReasons(c)).toEqual(['unanswered_question', 'unanswered_question:other_recipient']);
  });
  it('the same invoice asked for the writer is answered', () => {
    const c = emailCase({ clean: 'My accountant needs it by Friday. Could you send the invoice for ORD-1 to me?', draft: invoiceDraft });
    expect(unansweredQuestionReasons(c)).toEqual([]);
  });
});
