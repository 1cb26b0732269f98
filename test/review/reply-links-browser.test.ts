/**
 * The reply links in a real browser (Debian's chromium via playwright-core), taken from replies really sent through
 * the pipeline (HTTP intake → Kafka → starter → Temporal → worker → SMTP peer): the customer clicks a score in the
 * HTML mail, lands on the page with it chosen, votes with the one button, changes the vote; clicks "have a person
 * answer me" and confirms; their next email goes to a person. A reviewer does the same for another customer from
 * the email page. Screenshots: docs/screenshots/reply-rating.png, reply-opt-out.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { repoRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { messageIdOf } from './fixtures';
import { addReviewer } from './review-client';
import { freshDevEmail } from '../support/dev-email-copy';

jest.setTimeout(300_000);

const WAIT = 90_000;
const SCREENSHOTS = path.join(repoRoot, 'docs', 'screenshots');

let pipeline: PipelineHarness;
let browser: HeadlessChromium;

beforeAll(async () => {
  pipeline = await startPipeline();
  browser = await openChromium({ width: 900, height: 760 });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await pipeline?.stop();
});

async function sentReply(raw: Buffer) {
  const replies = pipeline.sink.messages().filter((m) => m.inReplyTo === messageIdOf(raw));
  expect(replies).toHaveLength(1);
  return simpleParser(replies[0]!.raw);
}

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

async function customer(id: string) {
  const { rows } = await pipeline.db.pool.query('select ai_opt_out, ai_opt_out_via from customers where id = $1', [id]);
  return rows[0];
}

test('a customer rates an automatic reply from the mail, changes the vote, then asks for a person: the next email goes to one', async () => {
  const first = freshDevEmail('d005.eml').raw; // Hannah Evans (C0039), English, answered automatically
  const { emailKey } = await pipeline.deliver(first);
  expect((await pipeline.waitForView(emailKey, (v) => v.state === 'sent', WAIT)).route).toBe('auto');

  const mail = await sentReply(first);
  expect(mail.text).toContain('Did this reply help? Rate it in one click: http://127.0.0.1:');
  expect(mail.text).toContain('Would you rather a person answered you next time? Tell us: http://127.0.0.1:');
  const links = hrefs(String(mail.html));
  for (const l of links.filter((h) => h.includes('/r/'))) expect(l).not.toMatch(/hannah|evans|btinternet|C0039|CMD-/i);
  const rateFour = links.find((l) => /\/r\/rate\/[^?]+\?score=4$/.test(l))!;
  const optOut = links.find((l) => /\/r\/human\//.test(l))!;
  expect(links.filter((l) => l.includes('/r/rate/'))).toHaveLength(5);

  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(rateFour);
  expect(await page.isChecked('input[name=score][value="4"]')).toBe(true);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reply-rating.png'), fullPage: true });
  const { rows: none } = await pipeline.db.pool.query('select 1 from reply_ratings where email_key = $1', [emailKey]);
  expect(none).toHaveLength(0); // opening the link changed nothing

  await Promise.all([page.waitForURL(/saved=1/), page.click('button[type=submit]')]);
  await expect(page.locator('.flash').textContent()).resolves.toContain('Your rating (4/5) is saved');

  await page.check('input[name=score][value="2"]');
  await page.fill('textarea[name=comment]', 'The delivery date was vague.');
  await Promise.all([page.waitForURL(/saved=1/), page.click('button[type=submit]')]);
  await expect(page.locator('.flash').textContent()).resolves.toContain('Your rating (2/5) is saved');
  const { rows: [rating] } = await pipeline.db.pool.query('select score, comment, changes from reply_ratings where email_key = $1', [emailKey]);
  // The comment is sealed at rest (the customer's own words): the vault opens it.
  expect({ ...rating, comment: await pipeline.vault.openText(rating.comment) }).toEqual({ score: 2, comment: 'The delivery date was vague.', changes: 1 });

  await page.goto(optOut);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reply-opt-out.png'), fullPage: true });
  expect((await customer('C0039')).ai_opt_out).toBe(false);
  await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')]);
  await expect(page.locator('.flash').textContent()).resolves.toContain('your next messages will be read and handled by a person');
  expect(await customer('C0039')).toEqual({ ai_opt_out: true, ai_opt_out_via: 'reply_link' });
  const trail = (await auditTrail(pipeline.db.pool, emailKey)).map((e) => `${e.stage}:${e.event}`);
  expect(trail).toEqual(expect.arrayContaining(['send:accepted', 'csat:rated', 'customer:ai_opt_out']));
  expect(trail.filter((s) => s === 'csat:rated')).toHaveLength(2);

  const next = freshDevEmail('d005.eml').raw;
  const second = await pipeline.deliver(next);
  const view = await pipeline.waitForView(second.emailKey, (v) => v.state === 'escalated' || v.state === 'waiting_review' || v.state === 'sent', WAIT);
  expect(view.state).toBe('escalated');
  expect(view.routeReasons).toContain('ai_opt_out');
  await new Promise((r) => setTimeout(r, 1_000));
  expect(pipeline.sink.messages().filter((m) => m.inReplyTo === messageIdOf(next))).toHaveLength(0);
  await page.close();
});

test('a reviewer records the opt-out from the email page: the customer\'s next email goes to a person', async () => {
  const password = await addReviewer(pipeline.db.pool, 'lina', 'reviewer');
  const raw = freshDevEmail('d007.eml').raw; // C0017, waits for review
  const { emailKey } = await pipeline.deliver(raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review', WAIT);

  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${pipeline.reviewUrl}/login`);
  await page.fill('input[name=name]', 'lina');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
  await page.goto(`${pipeline.reviewUrl}/emails/${emailKey}`);
  await Promise.all([page.waitForURL(/done=ai_opt_out/), page.click('form.opt-out button')]);
  await expect(page.locator('.flash').textContent()).resolves.toContain('next emails go to a person');
  await expect(page.locator('.customer .tag.guard', { hasText: 'AI opt-out' }).count()).resolves.toBe(1);
  expect(await customer('C0017')).toEqual({ ai_opt_out: true, ai_opt_out_via: 'reviewer' });
  const audit = (await auditTrail(pipeline.db.pool, emailKey)).find((e) => e.stage === 'customer' && e.event === 'ai_opt_out');
  expect(audit?.data).toEqual({ customerId: 'C0017', via: 'reviewer', reviewer: 'lina' });

  const again = freshDevEmail('d007.eml').raw;
  const second = await pipeline.deliver(again);
  const view = await pipeline.waitForView(second.emailKey, (v) => v.state === 'escalated' || v.state === 'waiting_review' || v.state === 'sent', WAIT);
  expect(view.state).toBe('escalated');
  expect(view.routeReasons).toContain('ai_opt_out');
  await page.close();
});
