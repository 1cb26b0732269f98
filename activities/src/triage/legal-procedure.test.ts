/**
 * The legal-procedure floor on sentences written here (FR and EN, everyday words): a procedure named escalates,
 * negated or not, unless the writer denies taking it; an ambiguous word outside a procedure's structure does not.
 */
import { findLegalProcedure } from './legal-procedure';
import { classify, type ClassifyInput } from './classify';
import { testPolicy } from './test-support/fixtures';

const policy = testPolicy();
const input = (clean: string, more: Partial<ClassifyInput> = {}): ClassifyInput => ({
  subject: '', clean, quoted: '', hidden: '', machineKind: null, daysLate: null, accountTakeover: false, ...more,
});

describe('findLegalProcedure: a procedure said in everyday words', () => {
  it.each([
    ['court', "Three weeks and still no money. Next stop is the small-claims court, plus whatever the court fee is."],
    ['court', 'If the refund is not on my card by Monday I am putting a claim in through the online money claim service.'],
    ['court', 'Happy to let a judge decide who is right here.'],
    ['court', "Fine, I'll see you in court then."],
    ['court', 'Sans réponse sous huit jours, je saisirai le tribunal de proximité.'],
    ['court', 'Vous voulez vraiment un procès pour 60 euros ?'],
    ['lawyer', 'My solicitor has a copy of all our emails.'],
    ['lawyer', "I'm going to pass this on to my legal insurance and let them handle it."],
    ['lawyer', "J'ai transmis le dossier à mon assurance protection juridique."],
    ['lawyer', 'Je vais consulter un avocat dès demain.'],
    ['formal_notice', 'Please treat this email as a letter before action.'],
    ['formal_notice', 'Je vous mets en demeure de me rembourser sous quinze jours.'],
    ['authority', 'I have also written to trading standards about your shop.'],
    ['authority', 'Je vais saisir le médiateur de la consommation, ça suffit.'],
    ['authority', 'Tout ça finira sur SignalConso.'],
    ['statute', 'Au titre de la garantie légale de conformité, je demande le remplacement.'],
    ['statute', 'Under the Consumer Rights Act I am entitled to a full refund for a faulty item.'],
    ['lawyer', 'Mi abogada le enviará un burofax esta misma semana.'],
    ['lawyer', 'Il mio avvocato vi manderà una diffida formale.'],
    ['lawyer', 'Mein Anwalt wird Ihnen in den nächsten Tagen schreiben.'],
    ['lawyer', 'O meu advogado vai entrar em contato convosco sobre o caso.'],
    ['lawyer', 'Onze advocaat neemt het dossier vanaf nu over.'],
    ['lawyer', 'Ich habe die Sache meiner Rechtsschutzversicherung gemeldet.'],
    ['court', 'Dann sehen wir uns eben vor Gericht.'],
    ['court', 'Or a county judge can decide it for us, your call.'],
    ['authority', "I'm seeing a consumer adviser at the library on Tuesday with all of this."],
    ['court', 'Si no me devuelven el dinero, iniciaré acciones legales.'],
    ['court', 'Sono pronto ad andare per vie legali.'],
    ['court', 'Anders stap ik naar de kantonrechter.'],
    ['formal_notice', 'Consideri questa email una messa in mora.'],
    ['authority', 'Vou fazer queixa à DECO Proteste e pedir o livro de reclamações.'],
    ['authority', 'Ik dien een klacht in bij de Geschillencommissie.'],
  ])('%s: %s', (kind, text) => {
    expect(findLegalProcedure(text)).toMatchObject({ kind, veiled: false });
  });

  it.each([
    ["I really don't want to have to go to court over a kettle, but I will."],
    ['Je ne veux pas en arriver au tribunal, mais ma patience a des limites.'],
    ["I'd rather not involve my lawyer, so please sort it this week."],
    ["Je n'ai pas encore contacté d'avocat, pour l'instant."],
    ['Without going to the ombudsman, can we settle this between us?'],
    ["Je n'hésiterai pas à engager des poursuites si rien ne bouge."],
    ['No quiero tener que ir a juicio por una tetera.'],
    ['Ich will nicht gleich einen Anwalt einschalten, aber so geht es nicht weiter.'],
  ])('negated but kept in view is a veiled threat: %s', (text) => {
    expect(findLegalProcedure(text)).toMatchObject({ veiled: true });
  });

  it.each([
    ['a denial of the act', "I'm not taking anyone to court, I just want to know where the parcel is."],
    ['a denial in French', 'Je ne porte pas plainte contre vous, je voulais seulement signaler le retard.'],
    ['not a complaint', 'This is not a complaint, just a quick question about my order.'],
    ['an avocado', "L'avocat était parfaitement mûr, merci pour le coupe-avocat offert !"],
    ['a relative who is a lawyer', 'My sister is a lawyer and she loved the teapot, do you have it in blue?'],
    ['a French "court"', 'Le délai est un peu court pour moi, je suis à court de temps cette semaine.'],
    ['a tennis court', 'We are having a picnic by the tennis court, will the hamper arrive by Friday?'],
    ['a person named Sue', 'Hi, it is Sue again: the mugs arrived, thank you so much!'],
    ['a delivery report', 'Le livreur a signé le procès-verbal de livraison, tout est arrivé.'],
    ['continuation in French', 'Merci de la poursuite du traitement de ma commande.'],
    ['an article size', "L'article L est trop grand, puis-je l'échanger contre un M ?"],
    ['a gas regulator', 'The regulator on the camping stove is missing, was it in a separate box?'],
    // the other languages the shop meets: a lawyer without an act of theirs, a court in another sense, negated
    ['a lawyer who keeps the accounts (PT)', 'A minha advogada também faz a minha contabilidade, por isso preciso da fatura.'],
    ['a lawyer who loves the pan (NL)', 'Mijn advocaat kookt graag en vond de pan geweldig.'],
    ['a dish in German', 'Das Gericht aus Ihrem Rezeptheft war köstlich, danke!'],
    ['in my opinion (ES)', 'A mi juicio la tetera es preciosa, ¿la tienen en verde?'],
    ['a denial in Spanish', 'No voy a demandar a nadie, solo quiero saber dónde está el paquete.'],
    ['a job in German', 'Meine Tochter ist Rechtsanwältin und wollte wissen, ob der Kessel rostfrei ist.'],
  ])('no procedure: %s', (_what, text) => {
    expect(findLegalProcedure(text)).toBeNull();
  });
});

describe('the floor in classify', () => {
  it('escalates a court claim said without any listed keyword, with the words that named it', () => {
    const c = classify(input("My order never came and I've had enough. I'm filing at the county court on Friday."), policy);
    expect(c.signals).toEqual(expect.arrayContaining(['legal_threat', 'legal_procedure']));
    expect(c.intent).toBe('legal_threat');
    expect(c.criticality).toBe('critical');
    expect(c.evidence?.join(' ')).toContain('county court');
  });

  it('is never defused by the risk head, however innocent the head reads the words', () => {
    const c = classify(input("Je ne veux pas en arriver au tribunal, mais je n'ai toujours pas mon remboursement."), policy, null, null, {
      risk: { read: () => ({ family: 'legal_threat', p: 0.01, pNone: 0.99, pNoneMin: 0.99, sentence: '' }), threshold: 0.5, defuseNone: 0.9 },
    });
    expect(c.signals).toContain('legal_procedure');
    expect(c.signals).toContain('legal_threat');
  });

  it('keeps another risk family as the intent (a fraud report that also names a lawyer)', () => {
    const c = classify(input("Someone used my card to order from you, I never made these orders. My lawyer is aware."), policy);
    expect(c.signals).toContain('legal_procedure');
    expect(c.intent).toBe('fraud_report');
  });

  it('leaves "this is not a complaint" alone', () => {
    const c = classify(input("Ce n'est pas une plainte, hein : je voulais juste savoir quand mon colis arrive."), policy);
    expect(c.signals).not.toContain('legal_procedure');
    expect(c.signals).not.toContain('legal_threat');
  });
});
