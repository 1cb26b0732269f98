/**
 * The whole-phrase risk floors of lexicon.ts in the languages the shop meets, on sentences written here (not from any
 * labelled set): each says its risk; the innocent uses of the same words do not match.
 */
import { ACCOUNT_CHANGED_LANGS, ACCOUNT_DISOWNED_LANGS, CHARGEBACK, ERASURE_ASKED, FRAUD_TOLD, HARM_TOLD, SELF_HARM, THREAT_SAID, fold } from './lexicon';
import { classify, type ClassifyInput } from './classify';
import { testPolicy } from './test-support/fixtures';

const matches = (list: RegExp[], text: string): boolean => list.some((re) => re.test(fold(text)));
const input = (clean: string): ClassifyInput => ({
  subject: '', clean, quoted: '', hidden: '', machineKind: null, daysLate: null, accountTakeover: false,
});

const floors: [string, RegExp[], string[], string[]][] = [
  ['THREAT_SAID', THREAT_SAID, [
    "Next time the van blocks my drive I'll come out with my baseball bat.",
    "If that parcel isn't here by tonight I'm going down to their warehouse with the cricket bat.",
    "If your courier throws it over the fence again he'll be going home in an ambulance.",
    "I'll drop by your office on Monday, and it won't be a social call.",
    'Passerò dal vostro ufficio lunedì e vi garantisco che non sarà una visita di cortesia.',
    'Me las vais a pagar, todos vosotros.',
    'Das werden Sie noch bereuen.',
    "Tell your driver from me he'll be picking his teeth out of the gravel.",
    'Qu’il ne vienne plus : il ne repartira pas sur ses deux jambes.',
    'Sei onde vocês ficam, vão se arrepender.',
    'Ik weet waar jullie zitten.',
  ], [
    'It is a present for my son, together with a cricket bat from another shop.',
    'My son plays cricket and the bat fits in the hamper perfectly.',
    'The ambulance crew next door loved the biscuits.',
    'It was a courtesy call from your colleague, very kind.',
    'Mia suocera dice che il bollitore è una bomba.',
    'Ich weiß, wo das Paket ist, danke für den Link.',
  ]],
  ['SELF_HARM', SELF_HARM, [
    "I've been putting my affairs in order and I'd like this last order sorted too.",
    "I have said my goodbyes, so please just send the refund to my sister.",
    "I won't be needing the kettle for much longer anyway.",
    "I wrote letters for my children last night.",
    'Ya no seré una carga para nadie.',
    'Ho già scritto le lettere di addio.',
    'Ich habe meine Angelegenheiten geregelt und will niemandem mehr zur Last fallen.',
    'Já me despedi de todos.',
    'Ik heb afscheidsbrieven geschreven.',
    "J'ai mis mes affaires en ordre et fait mes adieux.",
  ], [
    "I'm sorting out my affairs before we move abroad, so please send the invoice now.",
    'I said goodbye to the old kettle, the new one is lovely.',
    "I'm putting my kitchen in order before Christmas.",
    "I won't be needing the gift wrap, thanks.",
    'Mi madre dice que me va a matar si no llega antes de Navidad.',
    'Mia madre mi ammazza se non gliene regalo una.',
    'Je range mes affaires avant le déménagement.',
  ]],
  ['CHARGEBACK', CHARGEBACK, [
    "I've opened a dispute with Visa for goods not received.",
    "J'ai déposé une réclamation auprès de Mastercard.",
    'He pedido al banco que anule el cargo de la tetera.',
    'Ho chiesto alla banca di stornare il pagamento.',
    'Ich lasse meine Bank das Geld zurückholen.',
    'Die Bank holt sich das Geld einfach zurück.',
    'I told my bank to claw it back and they will.',
    'O banco vai estornar a compra amanhã.',
    'Ik laat mijn bank de betaling terugboeken.',
  ], [
    'Le colis sera au relais à côté de ma banque, je pourrai le récupérer demain.',
    'Pagué con tarjeta y quiero anular la compra, ¿es posible?',
    '¿Cuándo se devolverá el dinero a mi tarjeta?',
    'Quando arriva lo storno del reso?',
    'Wann wird mir das Geld zurückgebucht?',
    'Quando recebo o estorno da devolução?',
    'Wanneer wordt het geld teruggestort?',
    'Ma banque dit que le remboursement arrivera sous cinq jours.',
  ]],
  ['FRAUD_TOLD', FRAUD_TOLD, [
    'Nadie en casa usa esa tarjeta aparte de mí.',
    'Nobody at home has used my card, I checked with everyone.',
    'There are two orders on my account that I never placed.',
    'Somebody has been shopping on my card with your site.',
    'Personne à la maison n’a commandé ce robot.',
    'Tengo dos cargos que no hice.',
    'Nel mio estratto conto ci sono addebiti che non ho mai fatto.',
    'Auf meinem Konto sind Abbuchungen, die ich nicht getätigt habe.',
    'Há compras no meu cartão que eu não fiz.',
    'Er staan afschrijvingen op mijn rekening die ik niet heb gedaan.',
  ], [
    'Nobody at home has used the kettle, can I still return it?',
    "À la maison personne n'a utilisé la bouilloire, je peux la renvoyer ?",
    'Mi hermano dice que todo esto es un fraude, pero yo confío.',
    "My mum calls online shopping a scam but she loves the teapot.",
    'I never placed an order this quick, well done!',
    'Das ist ja Betrug, so billig!',
  ]],
  ['ERASURE_ASKED', ERASURE_ASKED, [
    'Por favor, borren mis datos y mi cuenta.',
    'Vi chiedo di cancellare il mio account.',
    'Bitte löschen Sie mein Kundenkonto.',
    'Queiram apagar os meus dados.',
    'Verwijder alstublieft al mijn gegevens.',
  ], [
    'Por favor, cancelen mi pedido.',
    'Vorrei cancellare l’ordine di ieri.',
    'Bitte entfernen Sie den Artikel aus der Bestellung.',
    'Mijn gegevens kloppen, het adres is goed.',
  ]],
  ['HARM_TOLD', HARM_TOLD, [
    'La tostadora echaba humo y me quemé la mano.',
    'Il bollitore ha preso fuoco.',
    'Dal tostapane uscivano le fiamme.',
    'Der Toaster hat Feuer gefangen.',
    'A chaleira pegou fogo na bancada.',
    'De waterkoker vatte vlam.',
  ], [
    'The jumper is still in brand new condition, can I return it?',
    'El té ahumado está buenísimo.',
    'Il fumo della moka è normale?',
    'Una torta in fiammeggiante arancione.',
    'Der Räucherlachs war lecker.',
    'De rookworst was heerlijk.',
  ]],
];

describe.each(floors)('%s', (_name, list, risky, innocent) => {
  it.each(risky)('says the risk: %s', (text) => expect(matches(list, text)).toBe(true));
  it.each(innocent)('innocent: %s', (text) => expect(matches(list, text)).toBe(false));
});

describe('an account taken over, said in another language', () => {
  it('needs both the change and the disowning', () => {
    const both = fold('Mein Passwort wurde geändert, und ich war das nicht.');
    expect(ACCOUNT_CHANGED_LANGS.test(both) && ACCOUNT_DISOWNED_LANGS.test(both)).toBe(true);
    expect(ACCOUNT_DISOWNED_LANGS.test(fold('Das Passwort habe ich selbst geändert.'))).toBe(false);
  });
});

describe('the phrase floors in classify', () => {
  const policy = testPolicy();
  it.each([
    ['threat', 'Mi pedido no llega. Me las vais a pagar.'],
    ['fraud_report', 'Bonjour, sur mon relevé il y a des prélèvements que je n’ai jamais faits.'],
    ['gdpr_request', 'Goedemorgen, verwijder mijn account en al mijn gegevens.'],
    ['safety_incident', 'O liquidificador soltou fumaça e derreteu.'],
  ])('raises %s and keeps it from the risk head', (signal, text) => {
    const c = classify(input(text), policy);
    expect(c.signals).toContain(signal);
    expect(c.signals).not.toContain('model_defused');
  });
});
