/**
 * The rollout page in a real browser (Debian's chromium driven by playwright-core), on the review service as deployed,
 * over a throwaway database with real KPI rows (test/rollout/cohort-events.ts): a lead sees the step, the cohort's
 * KPIs against the gate's thresholds and the proposal, promotes with one click (a new policy version by the lead,
 * recorded, audited; screenshot docs/screenshots/rollout.png); after a simulated regression the real evaluator steps
 * back and the page shows the notice (docs/screenshots/rollout-step-back.png). A reviewer may not open the page or
 * promote; a post without the CSRF token is refused.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { latestPolicyVersion, savePolicyVersion, seedPolicyVersion } from '../../activities/src/adapters/pg/policy-versions';
import { evaluateRollout } from '../../activities/src/rollout/evaluate-rollout';
import { DEFAULT_POLICY_FILE, type PolicyFile } from '../../activities/src/triage/policy';
import { startReviewService } from '../../services/src/review/main';
import { ReviewEnvSchema } from '../../services/src/config/review-config';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { repoRoot } from '../support/paths';
import { seedCohort } from '../rollout/cohort-events';
import { addReviewer, ReviewClient } from './review-client';

jest.setTimeout(180_000);

const SCREENSHOTS = path.join(repoRoot, 'docs', 'screenshots');
const DAY = 86_400_000;
const defaults = JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8')) as PolicyFile;

let db: TestDatabase;
let review: Awaited<ReturnType<typeof startReviewService>>;
let browser: HeadlessChromium;
let baseUrl: string;

beforeAll(async () => {
  db = await withTestDatabase();
  await seedPolicyVersion(db.pool, defaults);
  // At 5 % for 15 days (the version is dated back, as if saved then), with the cohort's emails of those days.
  const { row } = await savePolicyVersion(db.pool, {
    body: { ...defaults, rollout: { ...defaults.rollout, percentage: 5, gate: { ...defaults.rollout.gate, min_automated: 100 } } },
    by: 'lea', note: 'first cohort',
  });
  const since = new Date(Date.now() - 15 * DAY);
  await db.pool.query(`update policy_versions set created_at = $2 where version = $1`, [row.version, since]);
  await seedCohort(db.pool, {
    policyVersion: row.version, rollout: 'in', start: new Date(since.getTime() + 3_600_000),
    mix: { automated: 120, reescalated: 2, reviewed: 45, edited: 9, factCheckBlocked: 4, rated: 24, satisfied: 22 },
  });
  await seedCohort(db.pool, { policyVersion: row.version, rollout: 'out', start: since, mix: { automated: 40, reescalated: 30 } });
  await evaluateRollout(db.pool); // the scheduled evaluator's proposal
  review = await startReviewService(ReviewEnvSchema.parse({
    DATABASE_URL: db.databaseUrl, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    REVIEW_HTTP_PORT: '0', REVIEW_TOKEN: 'test-token-0123456789abcdef',
  }));
  baseUrl = `http://127.0.0.1:${review.port}`;
  browser = await openChromium();
});

afterAll(async () => {
  await browser?.close();
  await review?.stop();
  await db?.close();
});

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);
}

test('a reviewer may not see the rollout or promote; a post without the CSRF token is refused', async () => {
  const rita = await ReviewClient.login(baseUrl, 'rita', await addReviewer(db.pool, 'rita', 'reviewer'));
  expect((await rita.get('/rollout')).status).toBe(403);
  expect((await rita.post('/rollout/promote', { _csrf: rita.csrf, from: '5' })).status).toBe(403);
  expect(await (await rita.get('/queue')).text()).not.toContain('href="/rollout"');
  const lina = await ReviewClient.login(baseUrl, 'lina', await addReviewer(db.pool, 'lina', 'lead'));
  expect((await lina.post('/rollout/promote', { from: '5' })).status).toBe(403);
  const json = (await (await lina.get('/rollout', 'application/json')).json()) as { status: { verdict: { action: string; to: number } } };
  expect(json.status.verdict).toMatchObject({ action: 'propose', to: 25 });
  expect((await latestPolicyVersion(db.pool))!.body.rollout.percentage).toBe(5);
});

test('a lead sees the cohort\'s KPIs against the gate, promotes in one click, and sees the automatic step back', async () => {
  const password = await addReviewer(db.pool, 'lea', 'lead');
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  page.setDefaultTimeout(60_000);
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name=name]', 'lea');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
  await Promise.all([page.waitForURL('**/rollout'), page.click('header a[href="/rollout"]')]);

  await expect(page.locator('#rollout-step').textContent()).resolves.toBe('5 %');
  await expect(page.locator('#rollout-ladder .current').textContent()).resolves.toBe('5 %');
  await expect(page.locator('#rollout-automated').textContent()).resolves.toBe('120');
  const rows = await page.locator('#rollout-kpis tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim())));
  expect(rows).toEqual([
    ['Re-escalation rate', '1.7 %', '≤ 5.0 %', '120 (judged from 30)', 'holds'],
    ['Reviewer edit rate', '20.0 %', '≤ 30.0 %', '45 (judged from 30)', 'holds'],
    ['Fact-check block rate', '2.3 %', '≤ 10.0 %', '171 (judged from 30)', 'holds'],
    ['CSAT (ratings 4–5)', '91.7 %', '≥ 85.0 %', '24 (judged from 20)', 'holds'],
  ]);
  await expect(page.locator('#rollout-verdict').textContent()).resolves.toBe('propose');
  await expect(page.locator('#rollout-history tbody tr').first().textContent()).resolves.toMatch(/proposed.*5 % → 25 %.*rollout-gate/s);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'rollout.png'), fullPage: true });

  // One click: the next step, as a new policy version by the lead, recorded and audited.
  await page.fill('form[action="/rollout/promote"] input[name=note]', 'two good weeks');
  await submit(page, '#promote');
  const promoted = (await latestPolicyVersion(db.pool))!;
  expect(promoted).toMatchObject({ createdBy: 'lea', body: { rollout: { percentage: 25 } } });
  await expect(page.locator('.flash').textContent()).resolves.toContain(`policy version ${promoted.version}`);
  await expect(page.locator('#rollout-step').textContent()).resolves.toBe('25 %');
  await expect(page.locator('#rollout-history tbody tr').first().textContent()).resolves.toMatch(/promoted.*5 % → 25 %.*lea.*two good weeks/s);
  // The button is gone: nothing is proposed at a fresh step.
  expect(await page.locator('#promote').count()).toBe(0);

  // A regression at 25 %: fact-check blocks on the cohort's drafts. The real evaluator steps back at once.
  await seedCohort(db.pool, { policyVersion: promoted.version, rollout: 'in', start: new Date(Date.now() + 60_000), mix: { automated: 20, factCheckBlocked: 15 } });
  expect(await evaluateRollout(db.pool)).toMatchObject({ action: 'step_back', from: 25, to: 5 });
  await page.goto(`${baseUrl}/rollout`);
  await expect(page.locator('#rollout-notice').textContent()).resolves.toMatch(/Stepped back automatically 25 % → 5 %[\s\S]*fact_check_block_rate 42\.9 % > 10\.0 % \(n=35\)/);
  await expect(page.locator('#rollout-step').textContent()).resolves.toBe('5 %');
  await expect(page.locator('#rollout-history tbody tr').first().textContent()).resolves.toMatch(/step back.*25 % → 5 %.*rollout-gate/s);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'rollout-step-back.png'), fullPage: true });

  const { rows: audit } = await db.pool.query<{ event: string; by: string }>(`select event, data->>'by' as by from audit_log where stage = 'rollout' order by id`);
  expect(audit).toEqual([{ event: 'promoted', by: 'lea' }, { event: 'step_back', by: 'rollout-gate' }]);
});
