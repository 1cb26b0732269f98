/** Small builders for triage unit tests: a tiny shop, a default policy, a case from a few fields. */
import { JsonShopData, type ShopFile } from '../../adapters/shop-json';
import type { EmailCase, ParsedEmail } from '../../domain/types';
import { buildPolicy, policyFileSchema, type RoutingPolicy } from '../policy';
import defaultPolicy from '../../../../policies/default.json';

export const SHOP_POLICIES = {
  shop_name: 'Atelier Test',
  support_address: 'help@atelier-test.example',
  website: 'https://atelier-test.example',
  return_window_days: 30,
  refund_processing_days: '5 à 7 jours ouvrés / 5-7 business days',
  free_shipping_threshold: 50,
  refund_double_approval_over: 100,
  approved_offers: [],
  forbidden_commitments: [],
  escalation_keywords_fr: ['fraude', 'litige', 'procès', 'avocat', 'plainte', 'mise en demeure', 'tribunal', 'arnaque'],
  escalation_keywords_en: ['fraud', 'dispute', 'lawyer', 'lawsuit', 'chargeback', 'legal action', 'small claims', 'scam'],
};

export const SHOP_FILE: ShopFile = {
  today: '2026-03-10',
  policies: SHOP_POLICIES,
  products: [
    { sku: 'P-1', name_fr: 'Tasse', name_en: 'Mug', price: 12, complementary: [] },
    { sku: 'P-2', name_fr: 'Carafe', name_en: 'Jug', price: 40, complementary: [] },
  ],
  customers: [
    { id: 'K1', first_name: 'Anne', last_name: 'Leclerc', email: 'anne.leclerc@example.fr', language: 'fr', vip: false, ai_opt_out: false, created_at: '2024-01-01', notes: '' },
    { id: 'K2', first_name: 'Oliver', last_name: 'Stone', email: 'oliver.stone@example.co.uk', language: 'en', vip: true, ai_opt_out: false, created_at: '2024-01-01', notes: '' },
    { id: 'K3', first_name: 'Rose', last_name: 'Faure', email: 'rose.faure@example.fr', language: 'fr', vip: false, ai_opt_out: true, created_at: '2024-01-01', notes: '' },
    { id: 'K4', first_name: 'Anne', last_name: 'Leclerc', email: 'a.leclerc@example.org', language: 'fr', vip: false, ai_opt_out: false, created_at: '2024-01-01', notes: '' },
  ],
  orders: [
    { number: 'ORD-5501', customer_id: 'K1', ordered_at: '2026-03-01', status: 'shipped', items: [{ sku: 'P-1', qty: 2, unit_price: 12 }], total: 28.9, currency: 'EUR', shipping_fee: 4.9, carrier: 'UPS', tracking_number: '1ZTEST01', shipped_at: '2026-03-02', estimated_delivery: '2026-03-12' },
    { number: 'ORD-5502', customer_id: 'K1', ordered_at: '2026-02-01', status: 'delivered', items: [{ sku: 'P-2', qty: 4, unit_price: 40 }], total: 160, currency: 'EUR', shipping_fee: 0, delivered_at: '2026-02-05' },
    { number: 'ORD-5510', customer_id: 'K2', ordered_at: '2026-02-20', status: 'shipped', items: [{ sku: 'P-2', qty: 1, unit_price: 40 }], total: 44.9, currency: 'EUR', shipping_fee: 4.9, carrier: 'DHL', tracking_number: 'JDTEST02', shipped_at: '2026-02-21', estimated_delivery: '2026-03-01' },
    { number: 'ORD-5520', customer_id: 'K3', ordered_at: '2026-03-08', status: 'processing', items: [{ sku: 'P-1', qty: 1, unit_price: 12 }], total: 16.9, currency: 'EUR', shipping_fee: 4.9 },
    { number: 'ORD-7001', customer_id: 'K2', ordered_at: '2026-03-05', status: 'processing', items: [{ sku: 'P-1', qty: 1, unit_price: 12 }], total: 16.9, currency: 'EUR', shipping_fee: 4.9 },
    { number: 'ORD-5530', customer_id: 'K1', ordered_at: '2026-01-10', status: 'refunded', items: [{ sku: 'P-2', qty: 1, unit_price: 40 }], total: 40, currency: 'EUR', shipping_fee: 0, delivered_at: '2026-01-14', refunded_amount: 40 },
  ],
};

export const testShop = (): JsonShopData => new JsonShopData(SHOP_FILE);

export const testPolicy = (overrides: Partial<RoutingPolicy> = {}): RoutingPolicy => ({
  ...buildPolicy(policyFileSchema.parse(defaultPolicy), SHOP_POLICIES),
  ...overrides,
});

export function parsedEmail(p: Partial<ParsedEmail> = {}): ParsedEmail {
  return {
    messageId: 'test-1@example.fr', from: { address: 'anne.leclerc@example.fr', name: 'Anne Leclerc' }, replyTo: null,
    to: [{ address: 'help@atelier-test.example', name: '' }], subject: '', date: '2026-03-10T09:00:00.000Z',
    inReplyTo: null, references: [], headers: {}, contentType: 'text/plain', text: '', html: null,
    hiddenHtmlText: '', attachments: [], problems: [], ...p,
  };
}

/** A case after clean + machine + pii, ready for enrich / classify / route. */
export function emailCase(opts: { clean: string; subject?: string; from?: string; name?: string; quoted?: string; hidden?: string } & Partial<EmailCase>): EmailCase {
  const { clean, subject = '', from = 'anne.leclerc@example.fr', name = 'Anne Leclerc', quoted = '', hidden = '', ...rest } = opts;
  return {
    parsed: parsedEmail({ subject, from: { address: from, name }, text: `${clean}\n${quoted}`, hiddenHtmlText: hidden }),
    cleaned: { clean, quoted, signature: '' },
    machine: { isMachine: false, kind: null, reasons: [] },
    pii: [], enrichment: null, classification: null, context: [], draft: null, guardrails: null, decision: null,
    ...rest,
  };
}
