/**
 * One burner of test/bench/cpu-load.ts: `node cpu-load-burner <cores>` burns that share of one core, slice by slice,
 * until its parent disconnects.
 */
import { DutyCycle, SLICE_MS } from './cpu-load';

const cycle = new DutyCycle(Number(process.argv[2]));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const startCpu = cpuMs();
const start = performance.now();
let sink = 0;

function slice(): void {
  const sliceStart = performance.now();
  const until = cpuMs() + cycle.burnNow(sliceStart - start, cpuMs() - startCpu);
  while (cpuMs() < until) for (let i = 0; i < 2000; i++) sink = (sink * 31 + i) % 1_000_003;
  setTimeout(slice, Math.max(1, SLICE_MS - (performance.now() - sliceStart)));
}

process.on('disconnect', () => process.exit(0));
slice();
process.send?.('burning');
