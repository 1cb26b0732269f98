import { kpiDimensionsOf } from './kpi-dimensions';
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
  expect(kpiDimensionsOf(emailCase, '17')).toEqual({ intent: 'order_status', lang: 'fr', template: 'wismo@3', cohort: 'draft-ab:llm', conversation: '17' });
  expect(kpiDimensionsOf({ classification: null, draft: null } as unknown as EmailCase, null))
    .toEqual({ intent: null, lang: null, template: null, cohort: 'none', conversation: null });
});
