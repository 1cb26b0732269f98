/**
 * The quarantine page in a real browser (Debian's chromium driven by playwright-core) against the real pipeline
 * (intake → Kafka → starter → Temporal → worker activities → Postgres → review tool): a file sent instead of an email,
 * and an email whose data this pipeline's database refuses (a CHECK constraint added to its throwaway database, as a
 * stand-in for any SQLSTATE class 22/23 refusal), both end `quarantined` at the first attempt; a reviewer finds
 * them under *Quarantine* with their reasons in words and opens one (screenshot docs/screenshots/quarantine.png).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { getEmail } from '@replique/activities/adapters/pg/emails';
import { addressHash } from '@replique/activities/domain/email-key';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { repoRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';

import { addReviewer, ReviewClient } from './review-client';
import { freshDevEmail } from '../support/dev-email-copy';

jest.setTimeout(300_000);

const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'quarantine.png');
/** A sender the CHECK constraint of this database refuses (by its hash: the case file is sealed at rest). */
const REFUSED_SENDER = 'refused-by-check@example.invalid';

let pipeline: PipelineHarness;
let browser: HeadlessChromium;

beforeAll(async () => {
  pipeline = await startPipeline();
  browser = await openChromium();
  await pipeline.db.pool.query(`alter table emails add constraint test_refused_sender
    check (sender_hash is distinct from '${addressHash(REFUSED_SENDER)}')`);
});

afterAll(async () => {
  await browser?.close();
  await pipeline?.stop();
});

async function quarantined(emailKey: string): Promise<string | null> {
  for (const t0 = Date.now(); Date.now() - t0 < 60_000; await new Promise((r) => setTimeout(r, 200))) {
    const row = await getEmail(pipeline.db.pool, emailKey);
    if (row?.state === 'quarantined') return row.stateReason;
  }
  throw new Error(`email ${emailKey} was not quarantined within 60 s`);
}

test('a file and an email Postgres refuses are quarantined at once; a reviewer sees them, with why, on the quarantine page', async () => {
  const file = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.alloc(64, 7)]);
  const notAnEmail = await pipeline.deliver(file);
  const text = freshDevEmail('d005.eml').raw.toString('latin1').replace(/^From: .*$/im, `From: Refused <${REFUSED_SENDER}>`);
  const refused = await pipeline.deliver(Buffer.from(text, 'latin1'));

  const t0 = performance.now();
  await expect(quarantined(notAnEmail.emailKey)).resolves.toMatch(/^(no_headers|binary_content)$/);
  await expect(quarantined(refused.emailKey)).resolves.toBe('data_rejected:23514');
  const quarantineMs = performance.now() - t0;
  // One attempt of readEmail, not fifteen: the refusal is not retried.
  const history = await pipeline.client.workflow.getHandle(workflowIdForEmailKey(refused.emailKey)).fetchHistory();
  const failed = history.events!.filter((e) => e.activityTaskFailedEventAttributes);
  expect(failed).toHaveLength(1);
  expect(failed[0]!.activityTaskFailedEventAttributes!.failure!.applicationFailureInfo).toMatchObject({ type: 'PostgresDataError', nonRetryable: true });
  expect(JSON.stringify(failed[0]!.activityTaskFailedEventAttributes!.failure)).not.toContain('CMD-10839'); // the subject's order number
  expect((await auditTrail(pipeline.db.pool, refused.emailKey)).map((a) => [a.stage, a.event, a.data]))
    .toContainEqual(['state', 'quarantined', { reason: 'data_rejected:23514' }]);

  // JSON for scripts; no session, no page.
  expect((await fetch(`${pipeline.reviewUrl}/quarantine`, { redirect: 'manual' })).status).toBeGreaterThanOrEqual(300);
  const password = await addReviewer(pipeline.db.pool, 'rita', 'reviewer');
  const rita = await ReviewClient.login(pipeline.reviewUrl, 'rita', password);
  const json = (await (await rita.get('/quarantine.json')).json()) as { total: number; emails: { emailKey: string; reason: string }[] };
  expect(json.total).toBe(2);
  expect(json.emails.map((e) => e.emailKey).sort()).toEqual([notAnEmail.emailKey, refused.emailKey].sort());

  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${pipeline.reviewUrl}/login`);
  await page.fill('input[name=name]', 'rita');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
  await Promise.all([page.waitForURL('**/quarantine'), page.click('header a[href="/quarantine"]')]);
  await expect(page.locator('#quarantine-total').textContent()).resolves.toBe('2 quarantined emails');
  const refusedRow = page.locator(`tr[data-email-key="${refused.emailKey}"]`);
  await expect(refusedRow.locator('.reason').textContent()).resolves.toBe('data_rejected:23514');
  await expect(refusedRow.textContent()).resolves.toContain('Postgres refused its data (SQLSTATE 23514, check_violation)');
  await expect(page.locator(`tr[data-email-key="${notAnEmail.emailKey}"]`).textContent()).resolves.toContain('not an email');
  await expect(page.content()).resolves.not.toContain('CMD-10839');
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  // The email's page says what happened to it, and offers no decision.
  await Promise.all([page.waitForURL(`**/emails/${refused.emailKey}`), refusedRow.locator('a').click()]);
  await expect(page.locator('p.status').textContent()).resolves.toContain('data_rejected:23514');
  await expect(page.locator('main').textContent()).resolves.toContain('This email was already handled (quarantined)');
  console.log(`quarantine figures: both emails quarantined ${Math.round(quarantineMs)} ms after delivery (one readEmail attempt each)`);
});
