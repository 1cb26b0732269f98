/**
 * The templates page in a real browser (Debian's chromium driven by playwright-core) against the real pipeline: a
 * prompt owner (role `prompts`) edits the reply wording; a phrase with an unknown variable is refused with its reason;
 * the new version is previewed on a real past email from Postgres, its activation check replays the dev and train
 * sets as a background job, and once it passed it is activated (the running worker takes it within seconds;
 * screenshot: docs/screenshots/templates.png) and rolled back in one click. A reviewer may not open the page.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { listWordingVersions } from '@replique/activities/adapters/pg/wording-versions';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { devEmailsDir, repoRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { addReviewer, ReviewClient } from './review-client';

jest.setTimeout(400_000);

const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'templates.png');

let pipeline: PipelineHarness;
let browser: HeadlessChromium;

beforeAll(async () => {
  pipeline = await startPipeline();
  browser = await openChromium();
});

afterAll(async () => {
  await browser?.close();
  await pipeline?.stop();
});

async function workerHas(version: number, since: number): Promise<number> {
  while (pipeline.workerWording().templates().version !== version) {
    if (performance.now() - since > 5000) throw new Error(`the running worker did not take template version ${version} within 5 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - since;
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);
}

test('a reviewer may not open the templates page; a prompt owner may, and a post without the CSRF token is refused', async () => {
  const rita = await ReviewClient.login(pipeline.reviewUrl, 'rita', await addReviewer(pipeline.db.pool, 'rita', 'reviewer'));
  expect((await rita.get('/templates')).status).toBe(403);
  expect((await rita.post('/templates/rollback', { _csrf: rita.csrf, kind: 'templates' })).status).toBe(403);
  expect(await (await rita.get('/queue')).text()).not.toContain('href="/templates"');

  const paula = await ReviewClient.login(pipeline.reviewUrl, 'paula', await addReviewer(pipeline.db.pool, 'paula', 'prompts'));
  expect((await paula.post('/templates/rollback', { kind: 'templates' })).status).toBe(403);
  const json = (await (await paula.get('/templates?kind=prompts', 'application/json')).json()) as { inForce: number; versions: unknown[] };
  expect(json).toMatchObject({ inForce: 1 });
  expect((await paula.get('/policy')).status).toBe(403);
});

test('a prompt owner edits, previews, checks, activates and rolls back a template version in the browser', async () => {
  // A real past email: d005, answered automatically with the shipped wording.
  const raw = readFileSync(path.join(devEmailsDir, 'd005.eml'), 'latin1').replace(/^Message-ID:.*$/im, `Message-ID: <${randomUUID()}@test.replique>`);
  const { emailKey } = await pipeline.deliver(Buffer.from(raw, 'latin1'));
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent');

  const password = await addReviewer(pipeline.db.pool, 'paula', 'prompts');
  const page = await browser.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(`${pipeline.reviewUrl}/login`);
  await page.fill('input[name=name]', 'paula');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
  await Promise.all([page.waitForURL('**/templates'), page.click('header a[href="/templates"]')]);
  await expect(page.locator('#in-force-version').textContent()).resolves.toBe('version 1');

  // An unknown variable is refused, with the phrase and the reason; the text is kept; nothing is saved.
  await page.fill('textarea[name="en.thanks.closing"]', 'See you soon, here is {codepromo}!');
  await submit(page, '#save-version');
  const error = await page.locator('#templates-error').textContent();
  expect(error).toContain('unknown variable {codepromo}');
  expect(error).toContain('thanks.closing');
  expect(await page.locator('textarea[name="en.thanks.closing"]').inputValue()).toBe('See you soon, here is {codepromo}!');
  expect(await listWordingVersions(pipeline.db.pool, 'templates')).toHaveLength(1);

  // A good edit: the English closing and the carrier estimate. Saved as version 2, not in force.
  await page.goto(`${pipeline.reviewUrl}/templates`);
  const signature = await page.locator('textarea[name="en.signature"]').inputValue();
  await page.fill('textarea[name="en.signature"]', signature.replace('Kind regards,', 'With our warmest regards,'));
  await page.fill('textarea[name="en.order.on_time_estimate"]',
    'Estimated delivery, according to the carrier: {datelivraisonestimee}. The tracking page above shows your parcel\'s progress.');
  await page.fill('form.wording-editor input[name=note]', 'warmer closing, estimate first');
  await submit(page, '#save-version');
  await expect(page.locator('#templates-flash').textContent()).resolves.toContain('Saved as version 2');
  await expect(page.locator('#in-force-version').textContent()).resolves.toBe('version 1');
  const saved = (await page.locator('#versions tbody tr').first().textContent())!;
  expect(saved).toMatch(/2.*paula.*phrases\.signature\.en.*warmer closing/s);
  // Only what was edited changed: the browser's CRLF line ends are not a change of the other phrases.
  expect(saved).not.toContain('signature.fr');
  expect(saved).not.toContain('\\r');
  expect(await page.locator('button.activate').count()).toBe(0);

  // Preview on the past email: the version in force and version 2, side by side, both checked.
  await page.selectOption('#preview-version', '2');
  await page.selectOption('#preview-email', emailKey);
  await submit(page, '#preview');
  await expect(page.locator('#preview-in-force pre.body').textContent()).resolves.toContain('Kind regards,');
  const candidate = (await page.locator('#preview-candidate pre.body').textContent())!;
  expect(candidate).toContain('With our warmest regards,');
  expect(candidate).toContain('Estimated delivery, according to the carrier: 27 November 2026.');
  await expect(page.locator('#preview-candidate').textContent()).resolves.toContain('checks passed');

  // The activation check runs as a job; the page refreshes until its verdict.
  await page.goto(`${pipeline.reviewUrl}/templates`);
  const checkClicked = performance.now();
  await submit(page, 'td.check[data-version="2"] button.check');
  await expect(page.locator('#templates-flash').textContent()).resolves.toContain('Checking version 2');
  await page.locator('td.check[data-version="2"] b.check-passed').waitFor({ timeout: 180_000 });
  const checkMs = performance.now() - checkClicked;
  const figures = await page.locator('td.check[data-version="2"]').textContent();
  expect(figures).toMatch(/emails-dev: 48 emails, unsafe auto 0,\s+wrong facts 0, forbidden 0, missing facts 0/);
  expect(figures).toMatch(/emails-train: 480 emails, unsafe auto 0/);

  const activateClicked = performance.now();
  await submit(page, 'td.check[data-version="2"] button.activate');
  await expect(page.locator('#templates-flash').textContent()).resolves.toContain('Version 2 is in force');
  const activatedMs = await workerHas(2, activateClicked);
  await expect(page.locator('#in-force-version').textContent()).resolves.toBe('version 2');
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: false });

  const rollbackClicked = performance.now();
  await submit(page, '#rollback');
  await expect(page.locator('#templates-flash').textContent()).resolves.toContain('version 1 is in force again');
  const rolledBackMs = await workerHas(1, rollbackClicked);
  await expect(page.locator('#activations tbody tr').first().textContent()).resolves.toMatch(/1\s*rollback\s*paula/);

  const { rows } = await pipeline.db.pool.query<{ event: string; by: string }>(
    `select event, data->>'by' as by from audit_log where stage = 'wording' order by id`);
  expect(rows).toEqual([
    { event: 'templates_saved', by: 'paula' }, { event: 'templates_activated', by: 'paula' }, { event: 'templates_rolled_back', by: 'paula' },
  ]);
  process.stdout.write(`templates page: check of dev + train ${(checkMs / 1000).toFixed(1)} s (job, page refreshing); `
    + `the running worker had version 2 ${activatedMs.toFixed(0)} ms after the click, version 1 again ${rolledBackMs.toFixed(0)} ms after the rollback click\n`);
});
