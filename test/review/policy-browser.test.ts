/**
 * The live policy page in a real browser (Debian's chromium driven by playwright-core) against the real pipeline:
 * a lead edits the policy (the running worker takes it within seconds), an invalid edit is refused with its reasons,
 * the kill switch stops automatic sending (screenshot: docs/screenshots/policy.png) and resumes it. A reviewer may not
 * open the page; a post without the CSRF token is refused.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { latestPolicyVersion } from '@replique/activities/adapters/pg/policy-versions';
import type { PolicySnapshot } from '@replique/activities/adapters/pg/live-policy';
import { repoRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { addReviewer, ReviewClient } from './review-client';

jest.setTimeout(300_000);

const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'policy.png');

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

/** Waits until the running worker's policy passes `check`; returns the ms since `since` (the click). */
async function workerSees(check: (p: PolicySnapshot) => boolean, since = performance.now()): Promise<number> {
  const t0 = since;
  while (!check(pipeline.workerPolicy())) {
    if (performance.now() - t0 > 5000) throw new Error('the running worker did not take the change within 5 s');
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - t0;
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);
}

test('a reviewer may not see or change the policy; a post without the CSRF token is refused', async () => {
  const password = await addReviewer(pipeline.db.pool, 'rita', 'reviewer');
  const rita = await ReviewClient.login(pipeline.reviewUrl, 'rita', password);
  expect((await rita.get('/policy')).status).toBe(403);
  expect((await rita.post('/policy/kill-switch', { _csrf: rita.csrf, state: 'on' })).status).toBe(403);
  expect(await (await rita.get('/queue')).text()).not.toContain('href="/policy"');

  const leaPassword = await addReviewer(pipeline.db.pool, 'lea', 'lead');
  const lea = await ReviewClient.login(pipeline.reviewUrl, 'lea', leaPassword);
  expect((await lea.post('/policy/kill-switch', { state: 'on' })).status).toBe(403);
  const json = (await (await lea.get('/policy', 'application/json')).json()) as { version: number; killSwitch: boolean };
  expect(json).toMatchObject({ version: 1, killSwitch: false });
});

test('a lead edits the policy and uses the kill switch in the browser; the running worker takes each change within 5 s', async () => {
  const password = await addReviewer(pipeline.db.pool, 'lea', 'lead');
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${pipeline.reviewUrl}/login`);
  await page.fill('input[name=name]', 'lea');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
  await Promise.all([page.waitForURL('**/policy'), page.click('header a[href="/policy"]')]);
  await expect(page.locator('#automation-state').textContent()).resolves.toBe('running');

  // An edit: the rollout at 20 %. Saved as version 2 with its diff; the worker has it within 5 s.
  const body = JSON.parse(await page.locator('#policy-body').inputValue()) as { rollout: { percentage: number }; confidence_threshold: number };
  expect(body.rollout.percentage).toBe(100);
  await page.fill('#policy-body', JSON.stringify({ ...body, rollout: { ...body.rollout, percentage: 20 } }, null, 2));
  await page.fill('form.policy-editor input[name=note]', 'first cohort');
  const saveClicked = performance.now();
  await submit(page, '#save-policy');
  await expect(page.locator('.flash').textContent()).resolves.toContain('Saved as version 2');
  await expect(page.locator('#policy-history tbody tr').first().textContent()).resolves.toMatch(/2.*lea.*rollout\.percentage: 100 → 20.*first cohort/s);
  const rolloutMs = await workerSees((p) => p.version === 2 && p.routing.rolloutPercentage === 20, saveClicked);

  // An invalid edit is refused, every reason listed, the text kept; nothing saved.
  const invalid = JSON.stringify({ ...body, confidence_threshold: 3, automation: { enabled_intents: ['world_peace'] } }, null, 2);
  await page.fill('#policy-body', invalid);
  await submit(page, '#save-policy');
  const error = await page.locator('#policy-error').textContent();
  expect(error).toContain('confidence_threshold');
  expect(error).toContain('enabled_intents');
  expect(await page.locator('#policy-body').inputValue()).toBe(invalid);
  expect((await latestPolicyVersion(pipeline.db.pool))!.version).toBe(2);

  // The kill switch: one click, the worker stops automatic sends within 5 s (its send activity reads this flag).
  await page.goto(`${pipeline.reviewUrl}/policy`);
  await page.fill('section.kill-switch input[name=note]', 'carrier outage: answers would be wrong');
  const killClicked = performance.now();
  await submit(page, '#kill-switch');
  await expect(page.locator('.flash').textContent()).resolves.toContain('Kill switch on');
  await expect(page.locator('#automation-state').textContent()).resolves.toBe('stopped (kill switch on)');
  const killMs = await workerSees((p) => p.killSwitch && p.version === 3, killClicked);
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  await submit(page, '#kill-switch');
  await expect(page.locator('#automation-state').textContent()).resolves.toBe('running');
  await workerSees((p) => !p.killSwitch && p.version === 4);

  const { rows } = await pipeline.db.pool.query<{ event: string; by: string }>(
    `select event, data->>'by' as by from audit_log where stage = 'policy' order by id`);
  expect(rows).toEqual([
    { event: 'policy_saved', by: 'lea' }, { event: 'kill_switch_on', by: 'lea' }, { event: 'kill_switch_off', by: 'lea' },
  ]);
  process.stdout.write(`policy page: the running worker had the edit ${rolloutMs.toFixed(0)} ms after the click, the kill switch ${killMs.toFixed(0)} ms after it (page loads included)\n`);
});
