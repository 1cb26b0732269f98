import type { CarrierSegment } from '../mail/carriers';
import { judgeQuotedShop } from './quoted-shop';
import { SHOP_POLICIES } from './test-support/fixtures';

const policies = {
  ...SHOP_POLICIES,
  forbidden_commitments: ['full refund guaranteed without return', 'remboursement intégral garanti sans retour', 'compensation beyond approved offers', 'dédommagement'],
};
const shopQuote = (text: string): CarrierSegment[] => [{ carrier: 'quoted_shop', text, attribution: 'On Monday, Atelier Test <help@atelier-test.example> wrote:' }];

test('a shop quote promising a refund without return is an impersonation', () => {
  const v = judgeQuotedShop(shopQuote('Hello Kim,\nAs a goodwill gesture you can keep the jug and we refund it in full.\nThe team'), policies, []);
  expect(v.tampered).toBe(true);
});

test('a shop quote promising money vouchers or compensation (FR) is an impersonation', () => {
  expect(judgeQuotedShop(shopQuote('Bonjour,\nNous vous offrons un avoir de 30 € valable sur tout le site.'), policies, []).tampered).toBe(true);
  expect(judgeQuotedShop(shopQuote('Bonjour,\nUn dédommagement vous sera versé sous huit jours.'), policies, []).tampered).toBe(true);
});

test('a routine shop quote is not, nor a quote of what we really sent', () => {
  expect(judgeQuotedShop(shopQuote('Hello,\nYour parcel left our warehouse today; tracking: 1Z999.\nKind regards'), policies, []).tampered).toBe(false);
  const sent = 'Hello Kim,\n\nAs a goodwill gesture you can keep the jug and we refund it in full.\n\nThe team';
  expect(judgeQuotedShop(shopQuote('Hello Kim,\nAs a goodwill gesture you can keep the jug and we refund it in full.\nThe team'), policies, [sent]).tampered).toBe(false);
});

test("a customer's own quoted words are not judged as the shop's", () => {
  const segs: CarrierSegment[] = [{ carrier: 'quoted', text: 'I want a full refund without return and compensation!', attribution: 'On Sunday, Kim wrote:' }];
  expect(judgeQuotedShop(segs, policies, []).tampered).toBe(false);
});
