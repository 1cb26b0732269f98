/** ISO 8601 weeks (`2026-W48`: Monday to Sunday, week 1 holds the year's first Thursday), in UTC. Pure. */

const DAY = 86_400_000;
export const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday and Sunday (YYYY-MM-DD) of an ISO week, or null for a week that does not exist (W53 of most years). */
export function isoWeekDays(week: string): { from: string; to: string } | null {
  const match = ISO_WEEK.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const n = Number(match[2]);
  if (n < 1 || n > 53) return null;
  const jan4 = Date.UTC(year, 0, 4);
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  const monday = week1Monday + (n - 1) * 7 * DAY;
  if (isoWeekOf(new Date(monday)) !== week) return null;
  return { from: day(monday), to: day(monday + 6 * DAY) };
}

/** The ISO week a moment falls in (UTC). */
export function isoWeekOf(date: Date): string {
  const d = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const thursday = d + (3 - ((new Date(d).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const n = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** The ISO week before this one. */
export function previousIsoWeek(week: string): string | null {
  const days = isoWeekDays(week);
  return days ? isoWeekOf(new Date(Date.parse(`${days.from}T00:00:00Z`) - DAY)) : null;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
