import { INTENTS, type Intent } from '../domain/types';
import { classify, ruleIntentScores, TEXT_INTENTS, type ClassifyInput } from './classify';
import { hashedFeatures, modelTokens, orderMark, structuredModelText, subjectKind, withoutStructureMark } from './intent-features';
import { blendIntentProbabilities, intentDeps, loadIntentModel } from './intent-model';
import { testPolicy } from './test-support/fixtures';

const model = loadIntentModel();
const top = (p: Record<string, number>): string => Object.entries(p).sort((a, b) => b[1] - a[1])[0]![0];
const input = (clean: string): ClassifyInput => ({
  subject: '', clean, quoted: '', hidden: '', machineKind: null, daysLate: null, accountTakeover: false,
});

describe('intent features', () => {
  it('replaces order numbers, amounts, numbers and PII tokens by placeholders', () => {
    expect(modelTokens('Où est CMD-10234 ? 49,90 € le «PHONE_1» 3 jours')).toEqual(
      ['ou', 'est', '__ordernum__', '__amount__', 'le', '__phone__', '__num__', 'jours']);
  });
  it('marks the subject line with the kind of message it heads, and the parcel state the shop data shows', () => {
    expect(subjectKind('RE: Votre colis')).toBe('reply');
    expect(subjectKind('TR: Facture de mars')).toBe('forward');
    expect(subjectKind('Fwd: Re: a strange message')).toBe('forward');
    expect(subjectKind('Question sur une théière')).toBe('subject');
    expect(structuredModelText('Re: Re: Refund for my kettle', 'Thanks, it came through!', null)).toBe('__reply__ Refund for my kettle\nThanks, it came through!');
    expect(structuredModelText('', 'Où est mon colis ?', orderMark(3, false))).toBe('Où est mon colis ?\n__late__');
    expect(structuredModelText('Suivi', 'Où est mon colis ?', orderMark(-2, false))).toBe('__subject__ Suivi\nOù est mon colis ?\n__ontime__');
    expect(structuredModelText('', 'Le remboursement est-il fait ?', orderMark(null, true))).toBe('Le remboursement est-il fait ?\n__refunded__');
    expect(withoutStructureMark('Has my refund gone through?\n__refunded__')).toBe('Has my refund gone through?');
    expect(withoutStructureMark('__forward__ Parcel on hold\nIs this really you?\n__late__')).toBe('Parcel on hold\nIs this really you?');
  });
  it("gives a reply's subject words features of their own, so a thread's old topic weighs apart from the new text", () => {
    const asNew = hashedFeatures('__subject__ Refund\nThank you so much', 1 << 15);
    const asReply = hashedFeatures('__reply__ Refund\nThank you so much', 1 << 15);
    expect([...asNew.keys()].sort()).not.toEqual([...asReply.keys()].sort());
    expect(hashedFeatures('Thank you so much', 1 << 15).size).toBeLessThan(asReply.size);
  });
  it('opens a negation scope on negators written without their apostrophe (SMS style) as on the spelled ones', () => {
    // same word lengths, so the only difference is the two words in the scope ("n:want", "n:refund")
    const plain = hashedFeatures('i sure want refund', 1 << 15);
    expect(hashedFeatures('i dont want refund', 1 << 15).size).toBe(plain.size + 2);
    expect(hashedFeatures('jai pas reçu colis', 1 << 15).size).toBeGreaterThan(hashedFeatures('jai bien reçu colis', 1 << 15).size);
  });

  it('is an L2-normalised sparse vector', () => {
    const v = hashedFeatures('where is my order', 1 << 15);
    expect([...v.values()].reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 6);
  });
});

describe('the committed intent model', () => {
  it('gives a probability distribution over the text intents', () => {
    const p = model.predict('Bonjour, où en est ma commande ?');
    expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(Object.keys(p).sort()).toEqual([...TEXT_INTENTS].sort());
  });
  it('recognises plain requests in French and English', () => {
    const cases: [string, Intent][] = [
      ['Je voudrais annuler ma commande, je me suis trompée.', 'cancel_order'],
      ['Could you email me the invoice for my last order?', 'invoice_request'],
      ["Le grille-pain est arrivé cassé, la vitre est fendue.", 'damaged_item'],
      ['Please delete all the personal data you hold about me.', 'gdpr_request'],
    ];
    for (const [text, intent] of cases) expect([text, top(model.predict(text))]).toEqual([text, intent]);
  });
  it('is deterministic', () => {
    const t = 'My parcel is late, when will it arrive?';
    expect(model.predict(t)).toEqual(loadIntentModel().predict(t));
  });
});

describe('calibrated blend', () => {
  it('sums to 1 over the candidates and leaves other intents at 0', () => {
    const rules = Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
    rules.order_status = 3;
    const p = blendIntentProbabilities(rules, { order_status: 0.7, other: 0.3 }, model.blend, model.rulesOnly, TEXT_INTENTS);
    expect(TEXT_INTENTS.reduce((s, i) => s + p[i], 0)).toBeCloseTo(1, 6);
    expect(p.bounce).toBe(0);
    expect(top(p)).toBe('order_status');
  });
  it('feeds classify: the intent confidence is the calibrated probability', () => {
    const deps = intentDeps(model);
    const text = "Bonjour, j'aimerais annuler ma commande passée hier. Merci";
    const c = classify(input(text), testPolicy(), deps.intentModel, deps.intentCalibration);
    const rules = ruleIntentScores(input(text), text.toLowerCase());
    const p = blendIntentProbabilities(rules, deps.intentModel(text), model.blend, model.rulesOnly, TEXT_INTENTS);
    expect(c.intent).toBe('cancel_order');
    expect(c.intentConfidence).toBeCloseTo(p.cancel_order, 2);
  });
  it('without a model, the rules alone are calibrated the same way', () => {
    const deps = intentDeps(model);
    const c = classify(input('hello there'), testPolicy(), null, deps.intentCalibration);
    expect(c.intent).toBe('other');
    expect(c.intentConfidence).toBeGreaterThan(0);
    expect(c.intentConfidence).toBeLessThan(0.85);
  });
  it('never lets the model alone make mail auto-sendable: an automatable intent without a rule cue stays under the threshold', () => {
    const deps = intentDeps(model);
    const c = classify(input('zxq wibble frobnicate?'), testPolicy(), () => ({ product_question: 0.999 }), deps.intentCalibration);
    expect(c.intent).toBe('product_question');
    expect(c.confidence).toBeLessThanOrEqual(0.6);
    expect(c.signals).toContain('model_only_intent');
  });
  it('pools order_status and delivery_delay for the routing confidence (the order data decides the same answer)', () => {
    const deps = intentDeps(model);
    const c = classify(input('Where is my order? It should be here by now.'), testPolicy(),
      () => ({ order_status: 0.5, delivery_delay: 0.5 }), deps.intentCalibration);
    expect(['order_status', 'delivery_delay']).toContain(c.intent);
    expect(c.confidence).toBeGreaterThan(c.intentConfidence);
    expect(c.confidence).toBeLessThanOrEqual(1);
  });
});
