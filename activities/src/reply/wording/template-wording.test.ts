/**
 * Templates as data: the shipped wording is version 1 and says exactly what the TypeScript said; a version is refused
 * at save when a phrase uses an unknown variable or one that is not a verified fact where it is said; a draft whose
 * wording lacks a verified value carries the shipped words instead and goes to review (template_missing_fact).
 */
import { BUILTIN_TEMPLATE_WORDING, BUILTIN_WORDING, PHRASE_KEYS, type TemplateWording, type WordingSnapshot } from './phrase-catalogue';
import { say, WordingFactMissing, type GivenValues } from './say';
import { FactSheet } from '../templates/template-kit';
import type { ReplyContext } from '../reply-context';
import { readStoredTemplateWording, validateTemplateWording, WordingInvalidError } from './template-wording-schema';
import { validatePromptBody, builtinPromptBody } from './prompt-schema';
import { draftAndCheck, makeCase, readShopFile, replyDeps } from '../test-support/fixture-shop';

const data = readShopFile();
const delivered = data.orders.find((o) => o.status === 'delivered' && o.delivered_at)!;

function withPhrase(key: keyof TemplateWording['phrases'], fr: string): TemplateWording {
  const phrases = structuredClone(BUILTIN_TEMPLATE_WORDING.phrases);
  phrases[key].fr = fr;
  return { phrases };
}

const refusal = (body: unknown): string => {
  try {
    validateTemplateWording(body);
  } catch (error) {
    if (error instanceof WordingInvalidError) return error.message;
    throw error;
  }
  throw new Error('accepted');
};

describe('a template version is validated before it is saved', () => {
  test('the shipped wording is valid and covers every phrase', () => {
    expect(Object.keys(validateTemplateWording(BUILTIN_TEMPLATE_WORDING).phrases).sort()).toEqual([...PHRASE_KEYS].sort());
  });

  test('an unknown variable is refused, naming the phrase and the variables there are', () => {
    const message = refusal(withPhrase('thanks.delivered', 'Merci pour la commande {numerocommande} du {dateachat}.'));
    expect(message).toContain('unknown variable {dateachat}');
    expect(message).toContain('phrases["thanks.delivered"].fr');
    expect(message).toContain('{datecommande}');
  });

  test('a known variable that is not a verified fact where the phrase is said is refused', () => {
    // The holding reply states no order fact: {numerocommande} has no verified value there.
    expect(refusal(withPhrase('holding.received', 'Nous avons bien reçu votre message sur {numerocommande}.')))
      .toContain('{numerocommande} is not a verified fact where this phrase is said; it may use no variable');
  });

  test('line ends are kept as in the shipped texts: a browser textarea\'s CRLF is no change', () => {
    const crlf = withPhrase('signature', BUILTIN_TEMPLATE_WORDING.phrases.signature.fr.replace(/\n/g, '\r\n'));
    expect(validateTemplateWording(crlf)).toEqual(BUILTIN_TEMPLATE_WORDING);
  });

  test('a lone brace, an empty text, a missing or an extra phrase are refused', () => {
    expect(refusal(withPhrase('thanks.closing', 'À bientôt {'))).toContain('a lone brace');
    expect(refusal(withPhrase('thanks.closing', '  '))).toContain('thanks.closing');
    const { 'thanks.closing': _gone, ...rest } = BUILTIN_TEMPLATE_WORDING.phrases;
    expect(refusal({ phrases: rest })).toContain('thanks.closing');
    expect(refusal({ phrases: { ...BUILTIN_TEMPLATE_WORDING.phrases, 'thanks.extra': { fr: 'x', en: 'y' } } })).toContain('thanks.extra');
  });
});

describe('a prompt version follows the seed schema', () => {
  test('the shipped prompt, with two good and two bad examples, is valid', () => {
    const body = validatePromptBody(builtinPromptBody());
    expect(body.goodExamples).toHaveLength(2);
    expect(body.badExamples).toHaveLength(2);
  });

  test('one good example only, or an output format without the parts the drafter reads, is refused', () => {
    const body = builtinPromptBody();
    expect(() => validatePromptBody({ ...body, goodExamples: body.goodExamples.slice(0, 1) })).toThrow(/goodExamples/);
    expect(() => validatePromptBody({ ...body, outputFormat: 'Write a nice email.' })).toThrow(/facts_used/);
  });
});

describe('drafts written with a stored version', () => {
  const spec = { intent: 'thanks' as const, lang: 'fr' as const, customerId: delivered.customer_id, orderNumber: delivered.number, text: 'Merci, tout est parfait !' };

  test('the version in force writes the draft, which records its version', async () => {
    const wording: WordingSnapshot = { version: 7, wording: validateTemplateWording(withPhrase('thanks.closing', 'À très bientôt chez nous !')) };
    const c = await draftAndCheck(makeCase(spec, data), { ...replyDeps(), wording });
    expect(c.draft!.body).toContain('À très bientôt chez nous !');
    expect(c.draft!.body).not.toContain('Au plaisir de vous retrouver bientôt !');
    expect(c.draft!.wordingVersion).toBe(7);
    expect(c.guardrails!.fired).not.toContain('template_missing_fact');
  });

  test('a variable with no verified value: the shipped words, and the draft goes to review', async () => {
    // Past the schema (as a corrupted row would be): the closing line of a thank-you has no tracking number.
    const wording: WordingSnapshot = { version: 8, wording: withPhrase('thanks.closing', 'Suivi : {numerosuivi}') };
    const c = await draftAndCheck(makeCase(spec, data), { ...replyDeps(), wording });
    expect(c.draft!.body).toContain('Au plaisir de vous retrouver bientôt !');
    expect(c.draft!.body).not.toContain('{numerosuivi}');
    expect(c.draft!.wordingProblem).toContain('{numerosuivi}');
    expect(c.guardrails!.passed).toBe(false);
    expect(c.guardrails!.fired).toContain('template_missing_fact');
  });
});

describe('every reply template speaks from the catalogue', () => {
  const invoiceSpec = {
    intent: 'invoice_request' as const, lang: 'fr' as const, customerId: delivered.customer_id, orderNumber: delivered.number,
    text: 'Bonjour, pourriez-vous m\'envoyer la facture de ma commande ?',
  };
  const refunded = data.orders.find((o) => o.status === 'refunded' && o.refunded_amount != null)!;
  const refundSpec = {
    intent: 'refund_status' as const, lang: 'en' as const, customerId: refunded.customer_id, orderNumber: refunded.number,
    text: 'Hello, where is my refund?',
  };

  test('a version that rewords the invoice reply writes the draft with the same verified facts', async () => {
    const phrases = structuredClone(BUILTIN_TEMPLATE_WORDING.phrases);
    phrases['invoice.attached'].fr = 'Voici en pièce jointe (PDF) la facture de la commande {numerocommande} du {datecommande}, livrée le {datelivraison} : {montant}.';
    const wording: WordingSnapshot = { version: 9, wording: validateTemplateWording({ phrases }) };
    const shipped = await draftAndCheck(makeCase(invoiceSpec, data), replyDeps());
    const c = await draftAndCheck(makeCase(invoiceSpec, data), { ...replyDeps(), wording });
    expect(c.draft!.body).toContain(`Voici en pièce jointe (PDF) la facture de la commande ${delivered.number}`);
    expect(c.draft!.facts).toEqual(shipped.draft!.facts);
    expect(c.draft!.wordingVersion).toBe(9);
    expect(c.guardrails!.fired).toEqual(shipped.guardrails!.fired);
  });

  test('a value written into a phrase instead of a variable is fact-checked like any text: a wrong amount is blocked', async () => {
    const phrases = structuredClone(BUILTIN_TEMPLATE_WORDING.phrases);
    phrases['refund_status.refunded'].en = 'The refund of €1,234.00 for your order {numerocommande} has been processed on our side.';
    const wording: WordingSnapshot = { version: 10, wording: validateTemplateWording({ phrases }) };
    const c = await draftAndCheck(makeCase(refundSpec, data), { ...replyDeps(), wording });
    expect(c.draft!.body).toContain('€1,234.00');
    expect(c.guardrails!.passed).toBe(false);
    expect(c.guardrails!.fired.some((f) => f === 'fact_mismatch' || f === 'unverifiable_fact')).toBe(true);
  });

  test('an optional part is said only when its variables have a value', () => {
    const ctx = { lang: 'fr', customer: null, policies: data.policies, wording: BUILTIN_WORDING } as unknown as ReplyContext;
    const f = new FactSheet('fr');
    f.text('order_number', 'CMD-1');
    f.text('status', 'shipped');
    const shipped = (given: GivenValues) => say(ctx, 'order.shipped_on_time', f, given);
    expect(shipped({ dateexpedition: '2 décembre 2026', transporteur: 'Colissimo' })).toBe('Votre commande CMD-1 a été expédiée le 2 décembre 2026 avec Colissimo.');
    expect(shipped({ dateexpedition: null, transporteur: 'Colissimo' })).toBe('Votre commande CMD-1 a été expédiée avec Colissimo.');
    expect(shipped({ dateexpedition: null, transporteur: null })).toBe('Votre commande CMD-1 a été expédiée.');
    // Outside an optional part, a variable with no value stops the saying (the draft goes to review).
    expect(() => say(ctx, 'order.tracking_number', f)).toThrow(WordingFactMissing);
    // A value is never read again as wording.
    expect(shipped({ dateexpedition: null, transporteur: '[{numerocommande}]' })).toBe('Votre commande CMD-1 a été expédiée avec [{numerocommande}].');
  });

  test('square brackets only surround an optional part with a variable', () => {
    expect(refusal(withPhrase('order.delivered', 'Livrée [bientôt].'))).toContain('an optional part without a variable');
    expect(refusal(withPhrase('order.delivered', 'Livrée le {datelivraison}]'))).toContain('square bracket');
    expect(refusal(withPhrase('order.delivered', 'Livrée [le [{datelivraison}]]'))).toContain('square bracket');
  });

  test('a version saved before a phrase joined the catalogue reads it with the shipped words', () => {
    const { 'invoice.attached': _later, ...earlier } = BUILTIN_TEMPLATE_WORDING.phrases;
    const stored = { phrases: { ...earlier, 'thanks.closing': { fr: 'À très bientôt !', en: 'See you soon!' }, 'gone.phrase': { fr: 'x', en: 'y' } } };
    const read = readStoredTemplateWording(stored);
    expect(read.phrases['invoice.attached']).toEqual(BUILTIN_TEMPLATE_WORDING.phrases['invoice.attached']);
    expect(read.phrases['thanks.closing'].fr).toBe('À très bientôt !');
    expect(Object.keys(read.phrases).sort()).toEqual([...PHRASE_KEYS].sort());
  });
});

describe('the shipped wording promises nothing the verified facts or the shop\'s policies do not back', () => {
  // No fact or policy says an email will come, a tracking number will be sent, or the shop or the carrier will act. A
  // person's follow-up is said in the words the draft check knows ("un conseiller", "one of our advisers"), so the
  // draft goes to a reviewer who makes the promise.
  const UNBACKED = [
    /vous recevrez/i, /par e-mail/i, /nous vous envoyons/i, /nous (interviendrons|contactons|vous indiquerons)/i, /ci-dessus/i,
    /you will receive/i, /\bby email\b/i, /\bwe will (email|send|take|tell|contact)\b/i, /\bwe are contacting\b/i, /\babove\b/i,
  ];

  test('no phrase, in French or English, makes one of these promises', () => {
    const offenders = PHRASE_KEYS.flatMap((key) => (['fr', 'en'] as const).flatMap((lang) =>
      UNBACKED.filter((re) => re.test(BUILTIN_TEMPLATE_WORDING.phrases[key][lang])).map((re) => `${key}.${lang} ${re}`)));
    expect(offenders).toEqual([]);
  });
});
