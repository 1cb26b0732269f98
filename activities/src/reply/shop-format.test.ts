import {
  addDays, businessDaysBetween, daysBetween, daysLate, formatAmount, formatDate, refundProcessingDays, refundProcessingMaxDays, returnDeadline,
} from './shop-format';
import { readShopFile } from './test-support/fixture-shop';

const policies = readShopFile().policies;

test('dates read the same to a customer and to a checker', () => {
  expect(formatDate('2026-11-25', 'fr')).toBe('25 novembre 2026');
  expect(formatDate('2026-12-01', 'fr')).toBe('1er décembre 2026');
  expect(formatDate('2026-08-05', 'fr')).toBe('5 août 2026');
  expect(formatDate('2026-11-25', 'en')).toBe('25 November 2026');
});

test('amounts: "49,80 €" in French, "€49.80" in English', () => {
  expect(formatAmount(49.8, 'fr')).toBe('49,80 €');
  expect(formatAmount(49.8, 'en')).toBe('€49.80');
  expect(formatAmount(658, 'en')).toBe('€658.00');
  expect(formatAmount(12.5, 'en', 'GBP')).toBe('GBP 12.50');
});

test('date arithmetic: deadlines, delays, business days', () => {
  expect(addDays('2026-11-19', 30)).toBe('2026-12-19');
  expect(daysBetween('2026-11-19', '2026-11-24')).toBe(5);
  expect(businessDaysBetween('2026-10-24', '2026-11-24')).toBe(22); // Sat 24 Oct → Tue 24 Nov
  const order = readShopFile().orders.find((o) => o.number === 'CMD-10234')!;
  expect(daysLate(order, '2026-11-24')).toBe(10);
  expect(daysLate({ ...order, delivered_at: '2026-11-15' }, '2026-11-24')).toBe(1);
  expect(returnDeadline(order, policies)).toBeNull();
  expect(returnDeadline({ ...order, delivered_at: '2026-11-19' }, policies)).toBe('2026-12-19');
});

test('refund processing delay in the reply language', () => {
  expect(refundProcessingDays(policies, 'fr')).toBe('5 à 7 jours ouvrés');
  expect(refundProcessingDays(policies, 'en')).toBe('5-7 business days');
  expect(refundProcessingMaxDays(policies)).toBe(7);
  expect(refundProcessingDays({ ...policies, refund_processing_days: '3 days' }, 'fr')).toBe('3 days');
});
