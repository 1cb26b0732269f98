/**
 * What one save of a case file costs Postgres, and how much of it is the case file's bytes: the saves of
 * `writeSealedCase` on a fresh test database, through one connection whose backend's CPU is read from /proc (Postgres
 * on this machine: the local stack), for case files of the sizes the stages leave (measured first, from generated
 * emails run through the triage stages in memory), with and without the audit row and outbox event each stage's save
 * carries. Decides whether sealing the write-once part of the case file apart (a second column, migration) pays.
 *
 *   pnpm exec tsx test/bench/case-save-costs.ts [--emails 200] [--repeat 2]
 *
 * Not a test; run it on a quiet machine: the figures are CPU time, but a loaded machine still blurs them.
 */
import { randomBytes } from 'node:crypto';
import { parseEmail } from '@replique/activities/mail/parse-email';
import { TRIAGE_STAGES, newCase } from '@replique/activities/triage/stages';
import { writeSealedCase } from '@replique/activities/adapters/pg/emails';
import { createPool } from '@replique/activities/adapters/pg/pool';
import type { EmailCase } from '@replique/activities/domain/types';
import { buildTriageDeps } from '@replique/services/cli/triage-command';
import { withTestDatabase } from '../support/pg';
import { shopFixture } from '../support/paths';
import { registerTestEmail } from '../pg/email-fixture';
import { EmailGenerator } from './email-generator';
import { processCpuSeconds } from './proc-stats';
import { percentile } from './bench-util';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** JSON characters of the case file after each stage (p50 over generated emails), and of its write-once part. */
async function caseSizes(count: number): Promise<{ afterStage: Array<[string, number]>; writeOnce: number }> {
  const deps = await buildTriageDeps(shopFixture, undefined);
  const sizes = new Map<string, number[]>();
  const writeOnce: number[] = [];
  try {
    for (const email of new EmailGenerator({ seed: 7 }).batch(count)) {
      let c = newCase(await parseEmail(email.raw));
      for (const stage of TRIAGE_STAGES) {
        c = await stage.run(c, deps);
        sizes.set(stage.name, [...(sizes.get(stage.name) ?? []), JSON.stringify(c).length]);
      }
      writeOnce.push(JSON.stringify({ parsed: c.parsed, cleaned: c.cleaned, machine: c.machine, pii: c.pii }).length);
    }
  } finally {
    await deps.close();
  }
  return { afterStage: [...sizes].map(([stage, s]) => [stage, percentile(s, 50)]), writeOnce: percentile(writeOnce, 50) };
}

async function main(): Promise<void> {
  const emails = arg('emails', 200);
  const repeat = arg('repeat', 2);
  const { afterStage, writeOnce } = await caseSizes(200);
  console.log('case file JSON characters after each stage, p50 of 200 generated emails:');
  console.log(`  ${afterStage.map(([stage, n]) => `${stage} ${n}`).join(', ')}; write-once part (parsed, cleaned, machine, pii) ${writeOnce}`);

  const db = await withTestDatabase();
  const one = createPool(db.databaseUrl, { max: 1, applicationName: 'replique-case-save-costs' }); // one backend, measured
  const backendPid = async () => (await one.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  try {
    const backend = await backendPid();
    const emailCase = { parsed: { messageId: 'm@bench.example', from: { address: 'client@example.org' }, references: [] } } as unknown as EmailCase;
    const final = afterStage[afterStage.length - 1]![1];
    const variants: Array<[string, number, boolean]> = [
      [`${final} B sealed, with its audit row and event (a stage's save)`, final, true],
      [`${final} B sealed, alone`, final, false],
      [`${writeOnce} B sealed, with its audit row and event`, writeOnce, true],
      [`${writeOnce} B sealed, alone`, writeOnce, false],
    ];
    console.log(`Postgres backend CPU per save (${emails} emails × 7 saves each, ${repeat} passes):`);
    for (let pass = 0; pass < repeat; pass++) {
      for (const [label, bytes, audited] of variants) {
        const keys = [];
        for (let i = 0; i < emails; i++) keys.push((await registerTestEmail(db.pool)).emailKey);
        const sealed = randomBytes(bytes); // sealed bytes do not compress: random bytes are as good
        const before = processCpuSeconds(backend);
        for (const emailKey of keys) {
          for (let stage = 0; stage < 7; stage++) {
            const audit = { stage: `s${stage}`, event: 'done', data: { notes: ['n'] }, auditKey: `${emailKey}:s${stage}:done`, publish: true };
            await writeSealedCase(one, emailKey, sealed, emailCase, audited ? { audit } : {});
          }
        }
        const ms = ((processCpuSeconds(backend) - before) * 1000) / (emails * 7);
        if ((await backendPid()) !== backend) throw new Error('the measured connection was replaced: figures void');
        console.log(`  pass ${pass + 1}: ${label.padEnd(58)} ${ms.toFixed(3)} ms`);
      }
    }
  } finally {
    await one.end();
    await db.close();
  }
}

void main();
