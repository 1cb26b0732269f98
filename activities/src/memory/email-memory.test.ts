import { customerMemoryOf, memoryOfClosedEmail } from './email-memory';
import { statedPreferences, statedRefusals } from './stated-preferences';
import { makeCase, readShopFile } from '../reply/test-support/fixture-shop';

const policies = readShopFile().policies;

describe('stated preferences and refusals (FR/EN)', () => {
  test.each([
    ["Ne m'appelez pas, je préfère l'écrit.", ['no_phone']],
    ['Merci de me répondre uniquement par e-mail.', ['no_phone']],
    ["Please don't call me, email only.", ['no_phone']],
    ['Rappelez-moi plutôt le soir, après le travail.', ['call_evening']],
    ['Could you call me in the evening?', ['call_evening']],
    ['Pouvez-vous m\'appeler pour en parler ?', []],
    ['Where is my order? I called you yesterday.', []],
  ])('%s → %j', (text, codes) => {
    expect(statedPreferences(text).map((p) => p.code)).toEqual(codes);
  });

  test.each([
    ["Je ne veux pas de bon d'achat, je veux mon colis.", ['GESTE10']],
    ["I don't want a voucher, just my parcel.", ['GESTE10']],
    ['Non merci, pas de promotions.', ['*']],
    ["Merci pour le bon d'achat !", []],
    ["Je ne veux pas attendre plus longtemps. Le bon d'achat me convient.", []],
  ])('%s → %j', (text, codes) => {
    expect(statedRefusals(text, policies).map((r) => r.code)).toEqual(codes);
  });
});

describe('what a closed email leaves in memory', () => {
  const c = {
    ...makeCase({ intent: 'delivery_delay', lang: 'fr', customerId: 'C0005', orderNumber: 'CMD-10308',
      text: "Je ne veux pas de bon d'achat. Ne m'appelez pas au 06 12 34 56 78, écrivez-moi." }),
    pii: [{ type: 'phone' as const, value: '06 12 34 56 78' }],
    decision: { route: 'review' as const, reasons: [], confidence: 0.9, approvalsRequired: 1 },
  };

  test('summary, offers made, refusals, preferences and notes, masked; ids stable per email', () => {
    const entries = memoryOfClosedEmail({
      emailKey: 'email-1', emailCase: c, state: 'sent', at: '2026-11-24T10:00:00.000Z',
      sentBody: 'Nous vous offrons : Bon d\'achat de 10 % sur la prochaine commande (code GESTE10)', edited: true,
      notes: ['Manon Leroy appelée par erreur au 06 12 34 56 78 ; écrire à manon.leroy@orange.fr'],
    }, policies);
    expect(entries.map((e) => [e.kind, e.code])).toEqual([
      ['summary', null], ['offer_made', 'GESTE10'], ['offer_refused', 'GESTE10'], ['preference', 'no_phone'], ['reviewer_note', null],
    ]);
    expect(entries[0]!.text).toBe("delivery_delay CMD-10308: review → sent (edited). « Je ne veux pas de bon d'achat. Ne m'appelez pas au «PHONE_1», écrivez-moi. »");
    const text = JSON.stringify(entries.map((e) => e.text));
    expect(text).not.toContain('06 12 34 56 78');
    expect(text).not.toContain('manon.leroy@orange.fr');
    expect(text).not.toMatch(/Manon|Leroy/);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.every((e) => e.id.startsWith('email-1:') && e.customerId === 'C0005')).toBe(true);

    const memory = customerMemoryOf(entries.map((e) => ({ ...e, score: null })));
    expect(memory).toMatchObject({ preferences: ['no_phone'], refusedOffers: ['GESTE10'], lastUpsellAt: null });
  });

  test('nothing for a sender who only claims an identity, or for machine mail', () => {
    const claimed = { ...c, enrichment: { ...c.enrichment!, customerMatch: 'claimed' as const } };
    expect(memoryOfClosedEmail({ emailKey: 'e', emailCase: claimed, state: 'sent', at: '2026-11-24T10:00:00Z', sentBody: 'x', edited: false, notes: [] }, policies)).toEqual([]);
    const machine = { ...c, machine: { isMachine: true, kind: 'auto_reply' as const, reasons: [] } };
    expect(memoryOfClosedEmail({ emailKey: 'e', emailCase: machine, state: 'rejected', at: '2026-11-24T10:00:00Z', sentBody: null, edited: false, notes: [] }, policies)).toEqual([]);
  });
});
