/**
 * Templates as versioned data, end to end on the real stack (HTTP intake → Kafka → starter → Temporal → worker →
 * smtp-sink), with the running worker's LiveWording: a template version saved, checked (the dev set replayed) and
 * activated reaches the running worker within seconds and writes the next reply; a rollback in one action puts the
 * previous version back for the next draft. Each draft row records the version that wrote it, and every step is
 * audited.
 */
import path from 'node:path';
import { simpleParser } from 'mailparser';
import {
  activateWordingVersion, activeWordingVersion, rollbackWordingVersion, saveWordingVersion,
} from '@replique/activities/adapters/pg/wording-versions';
import type { TemplateWording } from '@replique/activities/reply/wording/phrase-catalogue';
import { checkWordingVersion } from '../../services/src/wording/activation-check';
import { devEmailsDir, sharedRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { latestDraft } from '@replique/activities/adapters/pg/drafts';
import { freshDevEmail } from '../support/dev-email-copy';

jest.setTimeout(300_000);

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipeline();
});
afterAll(async () => {
  await h?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function untilWorkerHas(version: number): Promise<number> {
  const t0 = performance.now();
  while (h.workerWording().templates().version !== version) {
    if (performance.now() - t0 > 60_000) throw new Error(`the worker never took template version ${version}`);
    await sleep(5);
  }
  return performance.now() - t0;
}

/** d005, a routine order status question answered automatically: its reply (draft row and the mail at the peer). */
async function answerD005(): Promise<{ body: string; wordingVersion: number | null; sent: string }> {
  const raw = freshDevEmail('d005.eml').raw;
  const messageId = /^Message-ID:\s*<([^>]+)>/im.exec(raw.toString('latin1'))![1]!;
  const { emailKey } = await h.deliver(raw);
  await h.waitForView(emailKey, (v) => v.state === 'sent');
  const draft = (await latestDraft(h.db.pool, h.vault, emailKey))!; // its body is sealed at rest: the vault opens it
  let mail = h.sink.messages().find((m) => m.inReplyTo === messageId);
  for (let i = 0; !mail && i < 200; i++, await sleep(50)) mail = h.sink.messages().find((m) => m.inReplyTo === messageId);
  if (!mail) throw new Error('no reply at the SMTP peer');
  const sent = (await simpleParser(mail.raw)).text ?? '';
  return { body: draft.body, wordingVersion: draft.wordingVersion ?? null, sent };
}

// d005 is in English: the signature's and the carrier estimate's English texts change.
const SHIPPED_CLOSING = 'Kind regards,';
const NEW_CLOSING = 'With our warmest regards,';
const SHIPPED_ESTIMATE = 'The carrier\'s estimated delivery date is 27 November 2026.';
const NEW_ESTIMATE = 'Estimated delivery, according to the carrier: 27 November 2026.';

test('activate a template version, then roll it back: the next drafts change wording and record their version', async () => {
  const pool = h.db.pool;
  const shipped = (await activeWordingVersion(pool, 'templates'))!;
  expect(shipped.row.version).toBe(1);
  expect(h.workerWording().templates().version).toBe(1);

  const before = await answerD005();
  expect(before).toMatchObject({ wordingVersion: 1 });
  expect(before.body).toContain(SHIPPED_CLOSING);
  expect(before.body).toContain(SHIPPED_ESTIMATE);
  expect(before.sent).toContain(SHIPPED_CLOSING);

  // A prompt owner changes the signature, saves, checks (the dev set replayed) and activates.
  const body = structuredClone(shipped.row.body) as unknown as TemplateWording;
  body.phrases.signature.en = body.phrases.signature.en.replace(SHIPPED_CLOSING, NEW_CLOSING);
  body.phrases['order.on_time_estimate'].en = 'Estimated delivery, according to the carrier: {datelivraisonestimee}. The tracking page above shows your parcel\'s progress.';
  const { row } = await saveWordingVersion(pool, { kind: 'templates', body, by: 'paula', note: 'warmer closing' });
  const settings = { sets: [devEmailsDir], shopFile: path.join(sharedRoot, 'fixtures', 'shop.json') };
  const { done } = await checkWordingVersion(pool, { kind: 'templates', version: row.version, by: 'paula' }, settings);
  const report = await done;
  expect(report.passed).toBe(true);
  await activateWordingVersion(pool, { kind: 'templates', version: row.version, by: 'paula' });
  const activatedMs = await untilWorkerHas(row.version);
  expect(activatedMs).toBeLessThan(5000);

  const during = await answerD005();
  expect(during.wordingVersion).toBe(row.version);
  expect(during.body).toContain(NEW_CLOSING);
  expect(during.body).toContain(NEW_ESTIMATE);
  expect(during.body).not.toContain(SHIPPED_CLOSING);
  expect(during.sent).toContain(NEW_ESTIMATE);

  // Rollback in one action: version 1 again for the next draft.
  const back = await rollbackWordingVersion(pool, { kind: 'templates', by: 'paula' });
  expect(back).toMatchObject({ version: 1, action: 'rollback' });
  const rolledBackMs = await untilWorkerHas(1);
  expect(rolledBackMs).toBeLessThan(5000);

  const after = await answerD005();
  expect(after.wordingVersion).toBe(1);
  expect(after.body).toContain(SHIPPED_CLOSING);
  expect(after.body).toContain(SHIPPED_ESTIMATE);
  expect(after.body).not.toContain(NEW_CLOSING);

  const { rows: audit } = await pool.query<{ event: string; data: { version: number; by: string } }>(
    `select event, data from audit_log where stage = 'wording' order by id`);
  expect(audit.map((a) => [a.event, a.data.version, a.data.by])).toEqual([
    ['templates_saved', row.version, 'paula'], ['templates_activated', row.version, 'paula'], ['templates_rolled_back', 1, 'paula'],
  ]);
  const { rows: noted } = await pool.query<{ n: number }>(
    `select count(*)::int as n from audit_log where stage = 'draft' and event = 'done' and data->'notes' ? $1`, [`templates@${row.version}`]);
  expect(noted[0]!.n).toBe(1);
  process.stdout.write(`template version ${row.version} in force in the running worker ${activatedMs.toFixed(0)} ms after activation; `
    + `rollback to version 1 in force ${rolledBackMs.toFixed(0)} ms after it; dev-set check ${(report.sets[0]!.ms / 1000).toFixed(1)} s\n`);
});
