/**
 * A reviewer's edit is checked like a draft: a wrong fact, an offer outside the whitelist or a forbidden commitment
 * blocks it; the checks that only ask for a person do not; an override must name every failed check, with a reason.
 */
import type { EmailCase } from '../domain/types';
import { checkEditedText, judgeEdit } from './check-edit';
import { draftReply } from './draft-reply';
import { fixtureShop, makeCase, replyDeps } from './test-support/fixture-shop';

const shop = fixtureShop();
const drafted = (c: EmailCase) => draftReply(c, replyDeps(shop));
const shippedFr = () => drafted(makeCase({ intent: 'order_status', lang: 'fr', customerId: 'C0025', orderNumber: 'CMD-10603' }));

test('the draft sent as an edit, with a few words changed, passes', async () => {
  const c = await shippedFr();
  const report = await checkEditedText(c, shop, { body: c.draft!.body.replace('Bonjour', 'Bonjour et merci') });
  expect(report).toEqual({ passed: true, fired: [], details: [] });
});

test('a wrong tracking number in the edited text is a fact_mismatch, whatever the draft stated', async () => {
  const c = await shippedFr();
  const report = await checkEditedText(c, shop, { body: c.draft!.body.replace('1Z367277779', '1Z367277780') });
  expect(report.fired).toEqual(['fact_mismatch']);
  expect(report.details[0]!.message).toContain('1Z367277780');
});

test('an offer outside the whitelist and a forbidden commitment are caught in an edit', async () => {
  const c = await drafted(makeCase({ intent: 'refund_request', lang: 'en', customerId: 'C0033', orderNumber: 'CMD-10737' }));
  const offer = await checkEditedText(c, shop, { body: `${c.draft!.body}\nHere is a discount code for your trouble.` });
  expect(offer.fired).toEqual(['offer_not_allowed']);
  const promise = await checkEditedText(c, shop, { body: `${c.draft!.body}\nYour parcel will definitely arrive by Friday.` });
  expect(promise.fired).toContain('forbidden_commitment');
});

test('a person promising a follow-up is what a reviewed reply may do: human_follow_up does not block an edit', async () => {
  const c = await shippedFr();
  const report = await checkEditedText(c, shop, { body: `${c.draft!.body}\nUn conseiller revient vers vous demain.` });
  expect(report.passed).toBe(true);
});

test('the subject is checked too, and an email with no draft gets its edit checked', async () => {
  const c = await shippedFr();
  expect((await checkEditedText(c, shop, { subject: 'Commande CMD-99999', body: 'Bonjour,\nMerci.' })).passed).toBe(false);
  const noDraft = { ...c, draft: null };
  expect((await checkEditedText(noDraft, shop, { body: 'Bonjour,\nVotre colis 1Z367277780 arrive.' })).fired).toContain('fact_mismatch');
});

describe('judgeEdit', () => {
  const failed = { passed: false, fired: ['fact_mismatch', 'offer_not_allowed'], details: [
    { check: 'fact_mismatch', message: 'a' }, { check: 'offer_not_allowed', message: 'b' },
  ] };
  test('a passing edit passes, with or without an override', () => {
    expect(judgeEdit({ passed: true, fired: [], details: [] }, { checks: ['fact_mismatch'], reason: 'x' }).verdict).toBe('passed');
  });
  test('a failing edit is blocked unless the override names every failed check and gives a reason', () => {
    expect(judgeEdit(failed, null)).toEqual({ verdict: 'blocked', failed: failed.details, overridden: [] });
    expect(judgeEdit(failed, { checks: ['fact_mismatch'], reason: 'agreed by phone' }).verdict).toBe('blocked');
    expect(judgeEdit(failed, { checks: ['fact_mismatch', 'offer_not_allowed'], reason: '  ' }).verdict).toBe('blocked');
    expect(judgeEdit(failed, { checks: ['offer_not_allowed', 'fact_mismatch'], reason: 'agreed by phone' }))
      .toEqual({ verdict: 'overridden', failed: failed.details, overridden: ['fact_mismatch', 'offer_not_allowed'] });
  });
});
