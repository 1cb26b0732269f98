/**
 * Micro-benchmark of encryption at rest (activities/src/adapters/vault/): the Postgres side of one email's activities
 * as they run it — store the raw message, register the email, save the case file after each of 6 stages (reading it
 * back before each), save the draft, read the review queue item — for the 48 dev emails, once writing in clear (a
 * vault without KEK: the cost before encryption) and once sealed (a KEK), on a throwaway database of the local stack's
 * Postgres. Prints figures; asserts nothing (the lead runs `pnpm bench` for the pipeline's throughput and p95).
 *
 *   eval "$(cd /work/stack && bash infra/local/stack.sh env)"; pnpm exec tsx test/bench/field-vault.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { loadCase, registerEmail, saveCase } from '@replique/activities/adapters/pg/emails';
import { saveDraft } from '@replique/activities/adapters/pg/drafts';
import { getQueueItem } from '@replique/activities/adapters/pg/review-queue';
import { emailKeyFor } from '@replique/activities/domain/email-key';
import { parseEmail } from '@replique/activities/mail/parse-email';
import { newCase } from '@replique/activities/triage/stages';
import type { EmailCase } from '@replique/activities/domain/types';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { setLogLevel } from '@replique/activities/logger';
import { withTestDatabase } from '../support/pg';
import { devEmailsDir } from '../support/paths';
import { testVault } from '../support/data-keks';

const STAGES = 6;
const ROUNDS = 3;

interface Email { raw: Buffer; emailCase: EmailCase }

async function oneEmail(db: Parameters<typeof storeRawEmail>[0], vault: FieldVault, email: Email): Promise<void> {
  const raw = Buffer.concat([Buffer.from(`X-Bench: ${randomUUID()}\r\n`), email.raw]); // a new message each time
  const mailbox = 'bench';
  const stored = await storeRawEmail(db, vault, { raw, source: 'http', mailbox });
  const emailKey = emailKeyFor(mailbox, null, stored.sha256);
  await registerEmail(db, { emailKey, rawId: stored.rawId, mailbox, messageIdHash: null, workflowId: workflowIdForEmailKey(emailKey) });
  await saveCase(db, vault, emailKey, email.emailCase);
  for (let i = 0; i < STAGES; i++) await saveCase(db, vault, emailKey, (await loadCase(db, vault, emailKey))!);
  await saveDraft(db, vault, { draftKey: `${emailKey}:draft`, emailKey, draft: {
    subject: `Re: ${email.emailCase.parsed.subject}`, body: email.emailCase.cleaned?.clean ?? email.emailCase.parsed.text, lang: 'fr',
    templateId: 'bench', version: '1', generator: 'template', model: null, facts: { order: 'CMD-10469' }, offers: [] } });
  await getQueueItem(db, vault, emailKey);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  setLogLevel('silent');
  const emails: Email[] = [];
  for (const file of readdirSync(devEmailsDir).filter((f) => f.endsWith('.eml')).sort()) {
    const raw = readFileSync(path.join(devEmailsDir, file));
    emails.push({ raw, emailCase: newCase(await parseEmail(raw)) });
  }
  const db = await withTestDatabase();
  try {
    const modes = { clear: new FieldVault(db.pool, null), sealed: testVault(db.pool) };
    for (const e of emails.slice(0, 10)) for (const vault of Object.values(modes)) await oneEmail(db.pool, vault, e); // warm-up
    const times: Record<string, number[]> = { clear: [], sealed: [] };
    // Alternating rounds, so both modes see the same load of a shared machine.
    for (let round = 0; round < ROUNDS; round++) {
      for (const [mode, vault] of Object.entries(modes)) {
        for (const e of emails) {
          const t0 = performance.now();
          await oneEmail(db.pool, vault, e);
          times[mode]!.push(performance.now() - t0);
        }
      }
    }
    const caseBytes = emails.map((e) => JSON.stringify(e.emailCase).length);
    console.log(`${emails.length} dev emails × ${ROUNDS} rounds; case file ${Math.min(...caseBytes)}–${Math.max(...caseBytes)} bytes (median ${percentile(caseBytes, 50)})`);
    console.log(`one email's Postgres work: store raw, register, ${STAGES + 1} case saves, ${STAGES} case loads, draft, queue item`);
    console.log('mode      mean ms   p50 ms   p95 ms');
    for (const [mode, t] of Object.entries(times)) {
      const mean = t.reduce((a, b) => a + b, 0) / t.length;
      console.log(`${mode.padEnd(8)}  ${mean.toFixed(2).padStart(7)}  ${percentile(t, 50).toFixed(2).padStart(7)}  ${percentile(t, 95).toFixed(2).padStart(7)}`);
    }
    const mean = (mode: string) => times[mode]!.reduce((a, b) => a + b, 0) / times[mode]!.length;
    console.log(`sealed / clear: ${(mean('sealed') / mean('clear')).toFixed(3)} (${(mean('sealed') - mean('clear')).toFixed(2)} ms per email)`);

    // The CPU of sealing alone (keys cached, as in a running worker): one case file sealed and opened.
    const vault = modes.sealed;
    const owner = { emailKey: (await db.pool.query<{ k: string }>('select email_key as k from emails limit 1')).rows[0]!.k };
    for (const e of emails.slice(0, 3)) {
      const json = JSON.stringify(e.emailCase);
      const rounds = 2_000;
      const t0 = performance.now();
      for (let i = 0; i < rounds; i++) await vault.openText(await vault.seal(owner, json));
      console.log(`seal + open of a ${json.length}-byte case file: ${((performance.now() - t0) * 1000 / rounds).toFixed(1)} µs`);
    }
  } finally {
    await db.close();
  }
}

void main();
