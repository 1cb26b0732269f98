/**
 * A GDPR request answered from the review tool, in a real browser (Debian's chromium driven by playwright-core)
 * against the real pipeline (intake → Kafka → starter → Temporal → worker → Postgres → review tool): Nathan Simon
 * (C0011) asks for access to and erasure of his data (d011); the email is escalated (`gdpr_request`). A lead opens it,
 * clicks "Export customer data" and downloads the archive `replique gdpr export --customer C0011` gives (the same
 * code): his CRM record, this email opened. Audited on the email and as `gdpr / exported`. A senior sees no such
 * action and is refused it; an email that is no GDPR request is refused.
 */
import { readFileSync } from 'node:fs';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import type { CustomerExport } from '@replique/activities/gdpr/export-customer';
import { gdprCommand } from '@replique/services/cli/gdpr-command';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { freshDevEmail } from '../support/dev-email-copy';
import { TEST_DATA_KEKS } from '../support/data-keks';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { addReviewer, ReviewClient } from './review-client';

jest.setTimeout(300_000);

let pipeline: PipelineHarness;
let browser: HeadlessChromium;
let gdprKey: string;
let otherKey: string;

beforeAll(async () => {
  pipeline = await startPipeline();
  browser = await openChromium();
  gdprKey = (await pipeline.deliver(freshDevEmail('d011.eml').raw)).emailKey;
  otherKey = (await pipeline.deliver(freshDevEmail('d007.eml').raw)).emailKey;
  await pipeline.waitForView(gdprKey, (v) => v.state === 'escalated');
  await pipeline.waitForView(otherKey, (v) => v.state === 'waiting_review' || v.state === 'escalated');
});

afterAll(async () => {
  await browser?.close();
  await pipeline?.stop();
});

/** The archive without what differs between two exports: when it was made, and the audit rows the first one added. */
function comparable(archive: CustomerExport) {
  return {
    ...archive, exportedAt: null,
    emails: archive.emails.map((e) => ({ ...e, rows: Object.fromEntries(Object.entries(e.rows).filter(([table]) => table !== 'audit_log' && table !== 'review_claims')) })),
  };
}

test('a lead exports the customer data of a GDPR request from the email page: the CLI\'s archive, downloaded, audited', async () => {
  const password = await addReviewer(pipeline.db.pool, 'lena', 'lead');
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${pipeline.reviewUrl}/login`);
  await page.fill('input[name=name]', 'lena');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
  await page.goto(`${pipeline.reviewUrl}/emails/${gdprKey}`);
  await expect(page.locator('p.status').textContent()).resolves.toContain('gdpr_request');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('form.gdpr-export button')]);
  expect(download.suggestedFilename()).toMatch(/^replique-gdpr-export-C0011-\d{4}-\d{2}-\d{2}\.json$/);
  const archive = JSON.parse(readFileSync((await download.path())!, 'utf8')) as CustomerExport;
  expect(archive).toMatchObject({ format: 'replique-gdpr-export/1', customerId: 'C0011', crm: { customer: { email: 'nathan.simon@free.fr' } } });
  const email = archive.emails.find((e) => e.emailKey === gdprKey)!;
  expect(email.message).toContain('Nathan Simon');
  expect(JSON.stringify(email.rows)).toContain('5 allée des Peupliers'); // the case file, opened with his key
  expect(archive.emails.map((e) => e.emailKey)).not.toContain(otherKey);

  // The same archive as the CLI's (which reuses the same code).
  const out: string[] = [];
  expect(await gdprCommand(['export', '--customer', 'C0011', '--by', 'dpo'], (l) => out.push(l), { DATABASE_URL: pipeline.db.databaseUrl, DATA_KEKS: TEST_DATA_KEKS })).toBe(0);
  expect(comparable(archive)).toEqual(comparable(JSON.parse(out.join('\n')) as CustomerExport));

  // Audited: on the email (who), and as the export itself (who, a hash of the CRM id, never the id).
  expect((await auditTrail(pipeline.db.pool, gdprKey)).map((a) => [a.stage, a.event, a.data])).toContainEqual(['review-tool', 'gdpr_export', { reviewer: 'lena' }]);
  const { rows } = await pipeline.db.pool.query<{ data: Record<string, unknown> }>(`select data from audit_log where stage = 'gdpr' and event = 'exported' order by id`);
  expect(rows.map((r) => r.data.by)).toEqual(['lena', 'dpo']);
  expect(JSON.stringify(rows)).not.toContain('C0011');

  // Not a GDPR request: no action on the page, and the route refuses it.
  await page.goto(`${pipeline.reviewUrl}/emails/${otherKey}`);
  await expect(page.locator('form.gdpr-export').count()).resolves.toBe(0);
  await page.close();
  const lena = await ReviewClient.login(pipeline.reviewUrl, 'lena', password);
  expect((await lena.post(`/emails/${otherKey}/gdpr-export`, { _csrf: lena.csrf }, 'application/json')).status).toBe(409);
});

test('a senior reviewer sees no export on the GDPR request and is refused it', async () => {
  const password = await addReviewer(pipeline.db.pool, 'sam', 'senior');
  const sam = await ReviewClient.login(pipeline.reviewUrl, 'sam', password);
  const pageHtml = await (await sam.get(`/emails/${gdprKey}`)).text();
  expect(pageHtml).toContain('gdpr_request');
  expect(pageHtml).not.toContain('Export customer data');
  const refused = await sam.post(`/emails/${gdprKey}/gdpr-export`, { _csrf: sam.csrf }, 'application/json');
  expect(refused.status).toBe(403);
  expect(await refused.text()).not.toContain('Nathan');
  // Without the CSRF token, nobody gets it.
  expect((await sam.post(`/emails/${gdprKey}/gdpr-export`, {}, 'application/json')).status).toBe(403);
});
