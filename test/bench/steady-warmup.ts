/**
 * A warm-up that lasts until a side's rate is steady: batches of the same size, one after another, until two
 * consecutive batches' rates are within `margin` of each other (|a − b| ≤ margin × max(a, b)), at most `maxBatches`.
 * The same rule for both sides of a comparison, and what it did is printed: a side still speeding up (JIT, caches,
 * connections) is not measured as if it were steady, and a side that never settles is said so.
 */
export interface SteadyRule {
  /** Relative difference between two consecutive batches' rates that counts as steady (0.1: 10 %). 0: one batch. */
  margin: number;
  maxBatches: number;
}

export interface WarmUp {
  /** Items per second of each batch, in order. */
  rates: number[];
  steady: boolean;
}

/** Whether two consecutive rates are within the margin. */
export function steadyPair(a: number, b: number, margin: number): boolean {
  return Math.abs(a - b) <= margin * Math.max(a, b);
}

/** Runs `batch` (returns seconds for `size` items) until the rule holds or the cap is reached. */
export async function warmUntilSteady(rule: SteadyRule, size: number, batch: (index: number) => Promise<number>): Promise<WarmUp> {
  const rates: number[] = [];
  const cap = rule.margin > 0 ? Math.max(2, rule.maxBatches) : 1;
  while (rates.length < cap) {
    rates.push(size / (await batch(rates.length)));
    const n = rates.length;
    if (n >= 2 && steadyPair(rates[n - 2]!, rates[n - 1]!, rule.margin)) return { rates, steady: true };
  }
  return { rates, steady: rule.margin <= 0 };
}

export function describeWarmUp(side: string, size: number, w: WarmUp, rule: SteadyRule): string {
  const rates = w.rates.map((r) => r.toFixed(2)).join(' → ');
  if (rule.margin <= 0) return `${side}: one warm-up batch of ${size} (${rates}/s), not checked for steadiness`;
  return `${side}: ${w.rates.length} warm-up batches of ${size} (${rates}/s): ${w.steady ? `steady (last two within ${Math.round(rule.margin * 100)} %)` : `NOT steady after ${rule.maxBatches} batches`}`;
}
