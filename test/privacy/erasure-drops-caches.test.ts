/**
 * An erasure in another process empties a worker's caches of customer text, on the real Postgres: a worker's vault
 * (wired as create-worker-deps.ts wires it: the process's NotifyListener, dropCachesOnErasure) holds a customer's
 * unwrapped data key and its CaseFiles hold the customer's case file, kept between stages. `replique gdpr erase` (its own
 * connection, as another process) destroys the key; within seconds — not the 5 minutes of the key cache nor the minute
 * of the case-file cache — the worker can no longer read the customer's text: opening a sealed field fails, and the
 * next stage finds no kept copy (it would have run on the kept text) and fails on the erased case file. Another
 * customer's text still opens.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CaseFiles } from '@replique/activities/adapters/pg/case-files';
import { NotifyListener } from '@replique/activities/adapters/pg/notify-listener';
import { seedShop } from '@replique/activities/adapters/pg/seed-shop';
import { dropCachesOnErasure } from '@replique/activities/adapters/vault/erasure-notices';
import { ErasedFieldError, type FieldVault } from '@replique/activities/adapters/vault/field-vault';
import type { EmailCase } from '@replique/activities/domain/types';
import { gdprCommand } from '@replique/services/cli/gdpr-command';
import { waitFor } from '../adapters/stack-env';
import { registerTestEmail } from '../pg/email-fixture';
import { TEST_DATA_KEKS, testVault } from '../support/data-keks';
import { shopFixture } from '../support/paths';
import { withTestDatabase, type TestDatabase } from '../support/pg';

jest.setTimeout(120_000);

/** Well inside the caches' lifetimes (60 s for case files, 5 min for keys): only the notification can be in time. */
const DEADLINE_MS = 30_000;
const SECRET = `SecretMarker${randomBytes(6).toString('hex')}`;

let db: TestDatabase;
let listener: NotifyListener;

beforeAll(async () => {
  db = await withTestDatabase();
  await seedShop(db.pool, JSON.parse(readFileSync(shopFixture, 'utf8')));
});

afterAll(async () => {
  await listener?.close();
  await db?.close();
});

function caseOf(text: string): EmailCase {
  return {
    parsed: { messageId: 'm@test', subject: 'Adresse', text, from: { address: 'x@example.org', name: 'X' } },
    cleaned: { clean: text, quoted: '', signature: '' },
    machine: { isMachine: false, kind: null, reasons: [] },
    pii: [], enrichment: null, classification: null, context: [], draft: null, guardrails: null, decision: null,
  } as unknown as EmailCase;
}

async function sealedCaseOf(emailKey: string): Promise<Buffer> {
  const { rows } = await db.pool.query<{ sealed: Buffer }>('select email_case as sealed from emails where email_key = $1', [emailKey]);
  return rows[0]!.sealed;
}

const opens = (vault: FieldVault, sealed: Buffer) => vault.openText(sealed).then(() => true, (error: unknown) => {
  if (error instanceof ErasedFieldError) return false;
  throw error;
});

test('a worker can no longer read an erased customer within seconds of `replique gdpr erase` in another process', async () => {
  // The worker's side: one listening connection, its vault and case files.
  listener = new NotifyListener(db.databaseUrl, { name: `erasure-${randomBytes(4).toString('hex')}` });
  const vault = testVault(db.pool);
  await dropCachesOnErasure(listener, vault);
  const caseFiles = new CaseFiles(db.pool, vault);

  // Mathis (C0017 in the shop) and Noah (C0029) each wrote; the worker saved each case file (kept, key cached).
  const mathis = await registerTestEmail(db.pool, { headers: { From: 'Mathis Lefèvre <mathis.lefevre@laposte.net>' } });
  const noah = await registerTestEmail(db.pool, { headers: { From: 'Noah Jones <noah.jones@btinternet.com>' } });
  await caseFiles.save(mathis.emailKey, caseOf(`Ma nouvelle adresse : ${SECRET}`));
  await caseFiles.save(noah.emailKey, caseOf('Where is my whisk?'));
  const seen: string[] = [];
  const stage = async (c: EmailCase) => {
    seen.push(c.cleaned.clean);
    return { updated: c };
  };
  // The control: the next stage runs on the kept copy, and the sealed case file opens.
  await caseFiles.runOnCase(mathis.emailKey, stage, () => ({}));
  expect(seen).toEqual([`Ma nouvelle adresse : ${SECRET}`]);
  const sealed = await sealedCaseOf(mathis.emailKey);
  expect(await opens(vault, sealed)).toBe(true);

  // Another process erases Mathis.
  const out: string[] = [];
  expect(await gdprCommand(['erase', '--customer', 'C0017', '--by', 'dpo'], (l) => out.push(l),
    { DATABASE_URL: db.databaseUrl, DATA_KEKS: TEST_DATA_KEKS }, { memory: null })).toBe(0);
  expect(out).toEqual(['erased: 1 data key(s) destroyed, 1 email(s) unlinked, memory not configured']);

  // Within seconds, the worker's cached key is gone: his sealed text no longer opens here.
  const t0 = performance.now();
  await waitFor('the worker to drop the erased key', async () => !(await opens(vault, sealed)), DEADLINE_MS);
  const dropMs = performance.now() - t0;
  // ...and so is his kept case file: the next stage does not run on his text, it fails on the erased case file.
  seen.length = 0;
  await expect(caseFiles.runOnCase(mathis.emailKey, stage, () => ({}))).rejects.toBeInstanceOf(ErasedFieldError);
  expect(seen).toEqual([]);
  // Noah's text is untouched.
  expect(await opens(vault, await sealedCaseOf(noah.emailKey))).toBe(true);
  expect((await caseFiles.runOnCase(noah.emailKey, stage, () => ({})))?.updated.cleaned.clean).toBe('Where is my whisk?');
  process.stdout.write(`erasure: the worker's key and case-file caches dropped ${dropMs.toFixed(0)} ms after the CLI returned (NOTIFY)\n`);
});
