/**
 * Rolling back the meaning model through the real pipeline (intake, Temporal, the worker, Postgres): a lead publishes
 * a second model file with `replique model publish`, the running worker classifies the next email with it (the
 * case's classification, the route event and the decision record its version); one `replique model rollback` and the
 * next email is classified with the first version, well within a minute, without a restart. Then the same in a real
 * browser (Debian's chromium driven by playwright-core): the lead's rollback button on /model (screenshot:
 * docs/screenshots/model.png). A reviewer may not open the page; a post without the CSRF token is refused.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadCase } from '@replique/activities/adapters/pg/emails';
import { DEFAULT_INTENT_MODEL_FILE } from '@replique/activities/triage/intent-model';
import { modelCommand } from '@replique/services/cli/model-command';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { freshDevEmail } from '../support/dev-email-copy';
import { repoRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { addReviewer, ReviewClient } from './review-client';
import { runCli } from '../support/cli-run';

jest.setTimeout(400_000);

const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'model.png');
const committed = JSON.parse(readFileSync(DEFAULT_INTENT_MODEL_FILE, 'utf8')) as Record<string, unknown> & { version: string };
const V1 = committed.version;
const V2 = `${V1}+test-v2`;
const v2File = path.join(mkdtempSync(path.join(tmpdir(), 'model-v2-')), 'intent-model.json');

let pipeline: PipelineHarness;
let browser: HeadlessChromium;

beforeAll(async () => {
  writeFileSync(v2File, JSON.stringify({ ...committed, version: V2 }));
  pipeline = await startPipeline();
  browser = await openChromium();
});

afterAll(async () => {
  await browser?.close();
  await pipeline?.stop();
});

async function cli(argv: string[]): Promise<string> {
  const { code, out } = await runCli(modelCommand, pipeline.db.databaseUrl, argv);
  if (code !== 0) throw new Error(`replique model ${argv.join(' ')}: ${out}`);
  return out;
}

/** Delivers a fresh copy of a dev email, waits for its route; the model version each record names, and the time. */
async function decide(file = 'd005.eml'): Promise<{ classification: string | null | undefined; route: string | null; decision: string | null; routedAt: number }> {
  const { emailKey } = await pipeline.deliver(freshDevEmail(file).raw);
  await pipeline.waitForView(emailKey, (v) => v.route !== null, 120_000);
  const routedAt = performance.now();
  const emailCase = await loadCase(pipeline.db.pool, pipeline.vault, emailKey);
  const { rows: [audit] } = await pipeline.db.pool.query<{ model: string | null }>(
    `select data->>'modelVersion' as model from audit_log where email_key = $1 and stage = 'route' and event <> 'done'`, [emailKey]);
  const { rows: [decision] } = await pipeline.db.pool.query<{ model: string | null }>(`select model_version as model from decisions where email_key = $1`, [emailKey]);
  return { classification: emailCase?.classification?.modelVersion, route: audit?.model ?? null, decision: decision?.model ?? null, routedAt };
}

const decidedWith = (version: string) => ({ classification: version, route: version, decision: version });

async function workerHas(modelVersion: string, since: number): Promise<number> {
  while (pipeline.workerModel()?.model.version !== modelVersion) {
    if (performance.now() - since > 5000) throw new Error(`the running worker did not take model ${modelVersion} within 5 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - since;
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);
}

test('a reviewer may not open the model page; a lead may, and a post without the CSRF token is refused', async () => {
  const rita = await ReviewClient.login(pipeline.reviewUrl, 'rita', await addReviewer(pipeline.db.pool, 'rita', 'reviewer'));
  expect((await rita.get('/model')).status).toBe(403);
  expect((await rita.post('/model/rollback', { _csrf: rita.csrf })).status).toBe(403);
  expect(await (await rita.get('/queue')).text()).not.toContain('href="/model"');

  const lea = await ReviewClient.login(pipeline.reviewUrl, 'lea', await addReviewer(pipeline.db.pool, 'lea', 'lead'));
  expect((await lea.post('/model/rollback', {})).status).toBe(403);
  const json = (await (await lea.get('/model', 'application/json')).json()) as { inForce: { version: number; modelVersion: string } };
  expect(json.inForce).toEqual({ version: 1, modelVersion: V1 });
});

test('publish v2, an email is decided with v2; one rollback, the next email is decided with v1 within a minute', async () => {
  expect(await decide()).toMatchObject(decidedWith(V1));

  expect(await cli(['publish', v2File, '--by', 'lea', '--note', 'candidate'])).toContain(`model v2 (${V2}) published and in force`);
  await workerHas(V2, performance.now());
  expect(await decide()).toMatchObject(decidedWith(V2));

  expect(await cli(['rollback', '--by', 'lea'])).toContain(`model v1 (${V1}) in force again`);
  const rolledBack = performance.now();
  const next = await decide();
  expect(next).toMatchObject(decidedWith(V1));
  const ms = next.routedAt - rolledBack;
  expect(ms).toBeLessThan(60_000);
  process.stdout.write(`model rollback (CLI): the next email was routed with v1 ${(ms / 1000).toFixed(1)} s after the rollback returned (delivery and pipeline included)\n`);
});

test('a lead rolls the model back with one click in the browser; the running worker classifies the next email with the version before', async () => {
  expect(await cli(['publish', v2File, '--by', 'lea'])).toContain(`model v2 (${V2}) in force`); // stored already: put back in force
  await workerHas(V2, performance.now());

  const password = await addReviewer(pipeline.db.pool, 'lea', 'lead');
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${pipeline.reviewUrl}/login`);
  await page.fill('input[name=name]', 'lea');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
  await Promise.all([page.waitForURL('**/model'), page.click('header a[href="/model"]')]);
  await expect(page.locator('#in-force-version').textContent()).resolves.toBe('version 2');
  await expect(page.locator('#in-force-model').textContent()).resolves.toBe(V2);
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  const clicked = performance.now();
  await submit(page, '#model-rollback');
  await expect(page.locator('#model-flash').textContent()).resolves.toContain('Rolled back: version 1 is in force again');
  await expect(page.locator('#in-force-version').textContent()).resolves.toBe('version 1');
  const workerMs = await workerHas(V1, clicked);
  await expect(page.locator('#model-activations tbody tr').first().textContent()).resolves.toMatch(/1\s*\S+\s*rollback\s*lea/);
  const next = await decide();
  expect(next).toMatchObject(decidedWith(V1));

  const { rows } = await pipeline.db.pool.query<{ event: string; version: number; by: string }>(
    `select event, (data->>'version')::int as version, data->>'by' as by from audit_log where stage = 'model' order by id`);
  expect(rows).toEqual([
    { event: 'model_seeded', version: 1, by: 'seed' }, { event: 'model_activated', version: 2, by: 'lea' }, { event: 'model_rolled_back', version: 1, by: 'lea' },
    { event: 'model_activated', version: 2, by: 'lea' }, { event: 'model_rolled_back', version: 1, by: 'lea' },
  ]);
  process.stdout.write(`model page: the running worker had v1 again ${workerMs.toFixed(0)} ms after the rollback click; the next email routed ${((next.routedAt - clicked) / 1000).toFixed(1)} s after it\n`);
});
