import { complementsNamed, kpiDimensionsOf } from './kpi-dimensions';
import { kpiEventKey, parseKpiEvent } from './kpi-event';
import type { EmailCase } from '../domain/types';

const base = { emailKey: 'a'.repeat(64), stage: 'route', event: 'auto', at: '2026-11-02T10:00:00.000Z', data: { intent: 'order_status' } };

test('events from both producers parse: with an outbox id, without one, with unknown keys', () => {
  expect(parseKpiEvent(JSON.stringify(base))).toMatchObject(base);
  expect(parseKpiEvent(JSON.stringify({ ...base, eventId: '42' }))?.eventId).toBe('42');
  expect(parseKpiEvent(JSON.stringify({ ...base, later: true }))).toMatchObject(base);
  expect(parseKpiEvent('not json')).toBeNull();
  expect(parseKpiEvent(JSON.stringify({ ...base, at: 'yesterday' }))).toBeNull();
  expect(parseKpiEvent(null)).toBeNull();
});

test('two copies of an event share a key: the id when there is one, else email, stage, event and instant', () => {
  expect(kpiEventKey({ ...base, eventId: '42' })).toBe('id:42');
  expect(kpiEventKey(base)).toBe(kpiEventKey({ ...base, at: '2026-11-02T11:00:00+01:00' }));
  expect(kpiEventKey(base)).not.toBe(kpiEventKey({ ...base, at: '2026-11-02T10:00:00.001Z' }));
  expect(kpiEventKey(base)).not.toBe(kpiEventKey({ ...base, event: 'review' }));
});

test('the KPI dimensions of a case: intent, language, template@version, cohort, conversation', () => {
  const emailCase = {
    classification: { intent: 'order_status', lang: 'fr' },
    draft: { templateId: 'wismo', version: '3', lang: 'fr', experiment: { id: 'draft-ab', variant: 'llm' } },
  } as unknown as EmailCase;
  expect(kpiDimensionsOf(emailCase, '17')).toEqual({
    intent: 'order_status', lang: 'fr', template: 'wismo@3', cohort: 'draft-ab:llm', conversation: '17', customer: null, complements: [],
  });
  expect(kpiDimensionsOf({ classification: null, draft: null, enrichment: null } as unknown as EmailCase, null))
    .toEqual({ intent: null, lang: null, template: null, cohort: 'none', conversation: null, customer: null, complements: [] });
});

test('for conversion: the sender\'s customer id (not a third party\'s) and the complementary products the draft named', () => {
  // A kettle the customer has, two of its complements offered, and the price of a tea they asked about (not a complement).
  const facts = { complementary_to: 'SKU-1001', 'product_SKU-1002': 'Filtre', 'product_SKU-1010': 'Détartrant', 'product_SKU-1020': 'Thé', price: 49.9 };
  const catalogue = [{ sku: 'SKU-1001', complementary: ['SKU-1002', 'SKU-1010'] }, { sku: 'SKU-1020', complementary: [] }];
  const emailCase = (customerMatch: string) => ({
    classification: { intent: 'product_question', lang: 'fr' }, enrichment: { customerId: 'C0007', customerMatch },
    draft: { templateId: 'product-info', version: '1.1.0', lang: 'fr', facts },
  }) as unknown as EmailCase;
  expect(kpiDimensionsOf(emailCase('sender'), null, catalogue)).toMatchObject({ customer: 'C0007', complements: ['SKU-1002', 'SKU-1010'] });
  expect(kpiDimensionsOf(emailCase('on_behalf'), null, catalogue).customer).toBeNull();
  // A discreet upsell in an order-status reply (reply/upsell.ts) is a complement named too.
  const upsold = { classification: { intent: 'order_status', lang: 'en' }, enrichment: { customerId: 'C0007', customerMatch: 'sender' },
    draft: { templateId: 'order-status', version: '1.2.0', lang: 'en', facts: { upsell_sku: 'SKU-1009' }, upsell: { sku: 'SKU-1009', text: '…' } } } as unknown as EmailCase;
  expect(kpiDimensionsOf(upsold, null, catalogue).complements).toEqual(['SKU-1009']);
  expect(complementsNamed({ 'product_SKU-1': 'x' }, catalogue)).toEqual([]); // prices without a base: no complement proposed
});
