/**
 * A shop's order-number format ("CMD-10234": prefix CMD, 5 digits), learnt from its existing numbers, so that
 * "commande 10234" or "cmd10234" in an email can be read as CMD-10234.
 */

export interface OrderFormat {
  prefix: string; // e.g. "CMD"
  digits: number; // e.g. 5
}

export const DEFAULT_ORDER_FORMAT: OrderFormat = { prefix: 'CMD', digits: 5 };

/**
 * The most frequent PREFIX-DIGITS shape among `numbers` (the first seen wins a tie); the default when none has it.
 * PgShopData.orderNumberFormat computes the same in SQL.
 */
export function orderFormatOf(numbers: string[]): OrderFormat {
  const counts = new Map<string, number>();
  for (const n of numbers) {
    const m = /^([A-Z]{1,6})-(\d{3,10})$/.exec(n.toUpperCase());
    if (m) counts.set(`${m[1]}|${m[2]!.length}`, (counts.get(`${m[1]}|${m[2]!.length}`) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return DEFAULT_ORDER_FORMAT;
  const [prefix, digits] = best[0].split('|');
  return { prefix: prefix!, digits: Number(digits) };
}
