import { steadyPair, warmUntilSteady } from './steady-warmup';

describe('warmUntilSteady', () => {
  const seconds = (rates: number[], size: number) => async (i: number) => size / rates[i]!;

  it('stops at the first two consecutive batches within the margin', async () => {
    const w = await warmUntilSteady({ margin: 0.1, maxBatches: 6 }, 20, seconds([5, 6.5, 7.0, 7.1, 9], 20));
    expect(w.rates.map((r) => Number(r.toFixed(2)))).toEqual([5, 6.5, 7]);
    expect(w.steady).toBe(true);
  });

  it('stops at the cap, not steady, when the rate keeps moving', async () => {
    const w = await warmUntilSteady({ margin: 0.05, maxBatches: 4 }, 10, seconds([2, 4, 2, 4, 2, 4], 10));
    expect(w.rates).toHaveLength(4);
    expect(w.steady).toBe(false);
  });

  it('runs one batch, as before, with margin 0', async () => {
    const w = await warmUntilSteady({ margin: 0, maxBatches: 6 }, 10, seconds([1, 2, 3], 10));
    expect(w.rates).toEqual([1]);
  });

  it('compares against the larger rate', () => {
    expect(steadyPair(9, 10, 0.1)).toBe(true);
    expect(steadyPair(10, 8.9, 0.1)).toBe(false);
  });
});
