/**
 * `pnpm bench:map [--count 5000] [--sample 1000] [--workers N]`: the inbox map on a generated inbox (written once into
 * .local/cache/inbox-<count>-seed1, reused after), full triage then a seeded sample, with the machine's load. Prints
 * figures; not a test (nothing passes or fails: the times depend on the machine and its load).
 */
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { genInboxCommand } from '@replique/services/cli/gen-inbox-command';
import { mapDirectory } from '@replique/services/cli/map-command';
import { localHome, shopFixture } from '../support/paths';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const count = option('count', 5000);
  const sample = option('sample', 1000);
  const workers = option('workers', Math.min(4, availableParallelism()));
  const inbox = path.join(localHome, 'cache', `inbox-${count}-seed1`);
  if (!existsSync(inbox) || readdirSync(inbox).length !== count) {
    await genInboxCommand(['--count', String(count), '--seed', '1', '--shop', shopFixture, inbox], (l) => console.log(l));
  }
  const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`inbox map of ${count} generated emails; ${availableParallelism()} cpus, ${workers} workers, node ${process.version}`);
  for (const s of [undefined, sample]) {
    const before = load();
    const cpu0 = process.cpuUsage();
    const run = await mapDirectory(inbox, { shop: shopFixture, workers, sample: s, out: path.join(localHome, 'cache', `inbox-map-${s ?? 'full'}`) });
    const cpu = process.cpuUsage(cpu0);
    console.log(`  ${s ? `sample ${s}` : 'full triage'}: ${run.seconds.toFixed(1)} s wall (triage ${run.triageSeconds.toFixed(1)} s, clustering `
      + `${run.clusterSeconds.toFixed(1)} s; process cpu, worker threads included, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), `
      + `${(100 * run.map.automatableShare).toFixed(1)} % automatable; load average ${before} → ${load()}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
