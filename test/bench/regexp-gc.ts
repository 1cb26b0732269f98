/**
 * What V8's regexp tier-up costs the triage when full GCs drop compiled regexp code: generated emails through
 * `triageRaw` (150 of warm-up, then 250 measured), two full GCs after every `every` emails (outside the measure), the
 * process's CPU per email. Node's `--no-regexp-tier-up` is the worker's flag (services/src/worker/main.ts).
 *
 *   node [--no-regexp-tier-up] --expose-gc --import tsx test/bench/regexp-gc.ts [every=20]
 */
import { triageRaw } from '@replique/activities/triage/triage';
import { buildTriageDeps } from '@replique/services/cli/triage-command';
import { shopFixture } from '../support/paths';
import { EmailGenerator } from './email-generator';

async function main(): Promise<void> {
  const noTierUp = process.execArgv.includes('--no-regexp-tier-up');
  const every = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 20);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const deps = await buildTriageDeps(shopFixture, undefined);
  const emails = new EmailGenerator({ seed: 7 }).batch(400);
  for (const e of emails.slice(0, 150)) await triageRaw(e.raw, deps);
  let gcMicros = 0;
  const start = process.cpuUsage();
  for (const [i, e] of emails.slice(150).entries()) {
    await triageRaw(e.raw, deps);
    if (i % every !== every - 1) continue;
    const before = process.cpuUsage();
    gc();
    gc();
    const spent = process.cpuUsage(before);
    gcMicros += spent.user + spent.system;
  }
  const used = process.cpuUsage(start);
  const perEmail = (used.user + used.system - gcMicros) / 1000 / 250;
  console.log(`${noTierUp ? '--no-regexp-tier-up' : 'default'}, two full GCs every ${every} emails: ${perEmail.toFixed(2)} ms of CPU per email`);
  await deps.close();
}

void main();
