/**
 * The third-party claim floor on sentences written here (FR and EN, none from a labelled mail): a bank, a card issuer,
 * PayPal or a pay-later firm acting on the money (done or announced) is a chargeback hint; innocent talk of a bank
 * (a refund on the statement, paying by transfer, a double charge seen in the app, a check the customer confirmed) and
 * an act the writer denies are not.
 */
import { findThirdPartyClaim } from './third-party-claim';
import { classify, type ClassifyInput } from './classify';
import { testPolicy } from './test-support/fixtures';

const policy = testPolicy();
const input = (clean: string): ClassifyInput => ({
  subject: '', clean, quoted: '', hidden: '', machineKind: null, daysLate: null, accountTakeover: false,
});

describe('findThirdPartyClaim: the agent, the act on the money, its object', () => {
  it.each([
    'HSBC have started an investigation into the payment and asked me to let you know.',
    'My card company is treating the €64 as disputed until they hear from you.',
    "I rang my bank. They'll pull the money back next week if nothing moves.",
    'Barclaycard refunded me under their buyer protection, so please consider the order closed.',
    'My bank said to give you until Wednesday, then they act.',
    "Clearpay have frozen my remaining instalments while they look at it.",
    'Ma banque a ouvert un dossier de contestation pour ce prélèvement.',
    "Boursorama m'a recrédité la somme en attendant votre retour.",
    'J’ai demandé à mon conseiller de bloquer le paiement, il s’en occupe.',
    "Sur PayPal, j'ai signalé la transaction : article non reçu.",
    "Le CIC vous laisse jusqu'à vendredi pour répondre, après quoi ils reprennent l'argent.",
    "If the kettle isn't with me by the weekend, I'm asking First Direct to pull the payment back.",
    "S'il n'y a rien de neuf mardi, le litige avec Klarna suivra son cours.",
    'I lodged a complaint with Mastercard about this order last night.',
    'Santander are reclaiming the €90 from you this week.',
    "Mon assurance carte m'a remboursé et se retournera contre votre boutique.",
    'PayPal has the case down as item not as described, they want photos from you.',
    // the agent itself paying back, or the matter raised with it (second review, session 17)
    "I've raised it with Visa already.", "Ma banque m'a remboursé les 99,90 € en attendant.",
    'Amex has credited the 43.90 back to my account while they look at it.', 'My card provider has already refunded me the 43.90.',
    'My bank gave me my money back.', 'PayPal returned the money to me last week.', 'I have reported you to my bank.',
  ])('reads a chargeback: %s', (text) => {
    expect(findThirdPartyClaim(text)).not.toBeNull();
  });

  it.each([
    'The refund is not showing on my bank statement yet, how long does it take?',
    'My bank gave me a call to check the purchase, all fine.', 'My bank has credited the 43.90 refund, thanks!',
    'Ma banque indique que le remboursement de 42 € est arrivé, merci.',
    'Can I pay by bank transfer instead of card?',
    'My banking app shows the €42 payment twice, could you check?',
    'My bank called to check the purchase and I told them it was me, all fine.',
    'Ma banque a bien crédité le remboursement, merci beaucoup !',
    "Je ne conteste pas le paiement auprès de ma banque, je voudrais juste savoir où est le colis.",
    "We won't be disputing the charge with PayPal, we just want the parcel.",
    'I paid with Klarna: when is the first instalment taken?',
    'Could you cancel the payment? My bank card expired last week.',
    'I work for a bank, so I know how long transfers take.',
    'I managed to recover my PayPal password, so the order went through fine.',
    "The parcel says goods not received by the neighbour, where is it?",
  ])('reads no chargeback: %s', (text) => {
    expect(findThirdPartyClaim(text)).toBeNull();
  });
});

describe('the floor in classify', () => {
  it('marks a chargeback told without any listed keyword, with the words of the act', () => {
    const c = classify(input('Still nothing. Nationwide are now looking into the transaction on my behalf.'), policy);
    expect(c.signals).toContain('chargeback_hint');
    expect(c.criticality).toBe('critical');
    expect(c.evidence?.join(' ')).toContain('money taken back through a third party');
  });

  it('leaves a refund seen on the bank statement alone', () => {
    const c = classify(input('Le remboursement est arrivé sur mon compte, ma banque me l’a confirmé ce matin.'), policy);
    expect(c.signals).not.toContain('chargeback_hint');
  });
});
