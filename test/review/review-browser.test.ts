/**
 * The review tool in a real browser: Debian's chromium (never a downloaded one) driven by playwright-core, against
 * the real pipeline. Log in, see the queue (its screenshot goes to docs/screenshots/review-queue.png), open a
 * waiting email, approve it with the `a` key, and find the reply at the SMTP peer — once. Hostile markup stays inert.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { repoRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { hostileEmail, messageIdOf } from './fixtures';
import { addReviewer } from './review-client';
import { freshDevEmail } from '../support/dev-email-copy';

jest.setTimeout(300_000);

/** The stack is shared and sometimes busy: waits are generous (they end as soon as the state is reached). */
const WAIT = 90_000;

const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'review-queue.png');

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

test('log in, see the queue, open a waiting email, approve it: the SMTP peer receives one reply', async () => {
  const password = await addReviewer(pipeline.db.pool, 'rita', 'reviewer');
  const raw = freshDevEmail('d007.eml').raw;
  const { emailKey } = await pipeline.deliver(raw);
  const others = [freshDevEmail('d018.eml').raw, freshDevEmail('d022.eml').raw, hostileEmail()];
  const otherKeys = await Promise.all(others.map(async (o) => (await pipeline.deliver(o)).emailKey));
  await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review', WAIT);
  await Promise.all(otherKeys.map((k) => pipeline.waitForView(k, (v) => v.state === 'waiting_review' || v.state === 'escalated', WAIT)));

  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${pipeline.reviewUrl}/queue`);
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.fill('input[name=name]', 'rita');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
  await page.waitForSelector(`tr.queue-row[data-href="/emails/${emailKey}"]`);
  expect(await page.locator('tr.queue-row').count()).toBe(4);
  await expect(page.locator('body').textContent()).resolves.toContain('0 of 2 approvals');
  expect(await page.title()).not.toMatch(/pwned/);

  await page.keyboard.press('j');
  await expect(page.locator('tr.queue-row.selected').count()).resolves.toBe(1);
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  await Promise.all([page.waitForURL(`**/emails/${emailKey}`), page.click(`a[href="/emails/${emailKey}"]`)]);
  await expect(page.locator('.claim.mine').count()).resolves.toBe(1);
  await expect(page.locator('#draft-body').count()).resolves.toBe(1);
  await page.screenshot({ path: path.join(path.dirname(SCREENSHOT), 'review-email.png'), fullPage: true });
  await Promise.all([page.waitForURL('**/queue?done=approve'), page.keyboard.press('a')]);
  await expect(page.locator('.flash').textContent()).resolves.toContain('Approved');

  await pipeline.waitForView(emailKey, (v) => v.state === 'sent', WAIT);
  await new Promise((r) => setTimeout(r, 1_000));
  expect(pipeline.sink.messages().filter((m) => m.inReplyTo === messageIdOf(raw))).toHaveLength(1);

  await page.goto(`${pipeline.reviewUrl}/emails/${otherKeys[2]}`);
  await expect(page.locator('pre.body').first().textContent()).resolves.toContain('<script>document.title="pwned-body"</script>');
  // The subject is the page title as plain text; no script ran to replace it.
  expect(await page.title()).toBe('<script>document.title="pwned-subject"</script> Mise en demeure · Réplique review');
  expect(await page.locator('main img').count()).toBe(0);
});
