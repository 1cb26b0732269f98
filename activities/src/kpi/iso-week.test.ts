import { isoWeekDays, isoWeekOf, previousIsoWeek } from './iso-week';

test('an ISO week runs Monday to Sunday; week 1 holds the first Thursday', () => {
  expect(isoWeekDays('2026-W48')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  expect(isoWeekDays('2026-W01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
  expect(isoWeekDays('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
  expect(isoWeekDays('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' }); // 2026 starts on a Thursday
  expect(isoWeekDays('2025-W53')).toBeNull(); // 2025 has 52 weeks
  expect(isoWeekDays('2026-48')).toBeNull();
  expect(isoWeekDays('2026-W00')).toBeNull();
});

test('the week of a day, and the week before', () => {
  expect(isoWeekOf(new Date('2026-11-29T23:59:59Z'))).toBe('2026-W48');
  expect(isoWeekOf(new Date('2026-11-30T00:00:00Z'))).toBe('2026-W49');
  expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
  expect(previousIsoWeek('2026-W01')).toBe('2025-W52');
  expect(previousIsoWeek('2026-W48')).toBe('2026-W47');
});
