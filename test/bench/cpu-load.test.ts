import { DutyCycle, SLICE_MS, startCpuLoad } from './cpu-load';

/** Runs a cycle on a simulated clock: each slice the burner gets at most `granted(t)` of what it asks. */
function simulate(cycle: DutyCycle, seconds: number, granted: (elapsedMs: number, asked: number) => number): number[] {
  const usedPerSecond = Array.from({ length: seconds }, () => 0);
  let used = 0;
  for (let t = 0; t < seconds * 1000; t += SLICE_MS) {
    const burned = granted(t, cycle.burnNow(t, used));
    used += burned;
    usedPerSecond[Math.floor(t / 1000)]! += burned / 1000;
  }
  return usedPerSecond;
}

describe('DutyCycle', () => {
  it('burns the asked share of a core when the machine gives it what it asks', () => {
    const perSecond = simulate(new DutyCycle(0.45), 5, (_, asked) => asked);
    for (const cores of perSecond) expect(cores).toBeCloseTo(0.45, 2);
  });

  it('makes up for slices the machine shortened, on CPU time rather than wall time', () => {
    // Every other slice the burner is preempted after half of what it asked.
    const perSecond = simulate(new DutyCycle(0.3), 4, (t, asked) => (t / SLICE_MS) % 2 === 0 ? asked / 2 : asked);
    for (const cores of perSecond.slice(1)) expect(cores).toBeCloseTo(0.3, 2);
  });

  it('forgives what a starved burner could not burn instead of paying it back in a burst', () => {
    const cycle = new DutyCycle(0.5);
    const perSecond = simulate(cycle, 3, (t, asked) => (t < 1000 ? 0 : asked));
    expect(perSecond[0]).toBe(0);
    // Back at once to half a core: at most the allowed debt on top, not the starved second's 500 ms.
    expect(perSecond[1]).toBeLessThanOrEqual(0.5 + cycle.maxDebtMs / 1000 + 1e-9);
    expect(perSecond[2]).toBeCloseTo(0.5, 2);
  });

  it('refuses more than one core per burner', () => {
    expect(() => new DutyCycle(1.2)).toThrow(/between 0 and 1/);
    expect(() => new DutyCycle(0)).toThrow(/between 0 and 1/);
  });
});

describe('startCpuLoad', () => {
  it('burns in child processes that it stops', async () => {
    const load = await startCpuLoad(0.2);
    const before = load.cpuSeconds();
    const deadline = Date.now() + 20_000;
    while (load.cpuSeconds() - before < 0.1 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    expect(load.cpuSeconds() - before).toBeGreaterThanOrEqual(0.1);
    await load.stop();
    expect(load.cpuSeconds()).toBe(0); // no burner left
  });
});
