/**
 * The queue order test, through the real pipeline (intake, Kafka, Temporal worker, Postgres) and the review tool:
 * five dev emails wait for a person — a VIP's order question, a legal threat (level 2), an unhappy customer, a
 * payment question and a return question. The VIP's workflow runs the policy's shorter SLA; the queue (JSON and
 * Chromium) lists them by the documented priority score with its parts; the VIP's draft ends with the human-touch
 * line. The Chromium screenshot goes to docs/screenshots/review-queue-priority.png. Then the batch decisions by topic
 * (same intent): an approval over two templates, and in Chromium a topic group listed with its emails and rejected
 * in one click once its confirmation is ticked (screenshot docs/screenshots/review-topic-batch.png).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import path from 'node:path';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { buildPolicy, DEFAULT_POLICY_FILE, parsePolicyFile } from '@replique/activities/triage/policy';
import { byPriority, type Priority } from '@replique/services/review/queue-priority';
import { repoRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { messageIdOf } from './fixtures';
import { addReviewer, ReviewClient } from './review-client';
import { freshDevEmail } from '../support/dev-email-copy';

jest.setTimeout(300_000);

const WAIT = 90_000;
const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'review-queue-priority.png');
const TOPIC_SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'review-topic-batch.png');
const policy = buildPolicy(parsePolicyFile(readFileSync(DEFAULT_POLICY_FILE, 'utf8')));

interface JsonRow {
  emailKey: string;
  state: string;
  priority: Priority;
  dueAt: string | null;
  reviewDueAt: string | null;
  updatedAt: string;
  draft: { body: string } | null;
}

let pipeline: PipelineHarness;
const keys: Record<string, string> = {};
let browser: HeadlessChromium | undefined;
let password = '';

beforeAll(async () => {
  pipeline = await startPipeline();
});

afterAll(async () => {
  await browser?.close();
  await pipeline?.stop();
});

test('VIP first, then by SLA risk, urgency and tone: the documented score, its parts, the VIP SLA and the human touch', async () => {
  // d025: VIP (C0031), order status, neutral, normal · d041: legal threat, level 2, negative, high ·
  // d037: late order, negative, normal · d013: payment question, neutral, normal · d035: return question, low urgency.
  const files = ['d035.eml', 'd013.eml', 'd037.eml', 'd041.eml', 'd025.eml'];
  for (const file of files) keys[file] = (await pipeline.deliver(freshDevEmail(file).raw)).emailKey;
  const views = Object.fromEntries(await Promise.all(files.map(async (f) =>
    [f, await pipeline.waitForView(keys[f]!, (v) => v.state === 'waiting_review' || v.state === 'escalated', WAIT)] as const)));

  // The VIP's workflow runs the policy's SLA (30 min reminder, 2 h escalation); the others the default (2 h, 8 h).
  const window = (f: string) => {
    const r = views[f]!.review!;
    return (Date.parse(r.escalateAt!) - Date.parse(r.remindAt!)) / 60_000;
  };
  expect(policy.vipReviewSla).toEqual({ remindAfter: '30m', escalateAfter: '2h' });
  expect(window('d025.eml')).toBe(90);
  expect(window('d013.eml')).toBe(360);
  expect(views['d041.eml']!.state).toBe('escalated');

  password = await addReviewer(pipeline.db.pool, 'quinn', 'reviewer');
  const reviewer = await ReviewClient.login(pipeline.reviewUrl, 'quinn', password);
  const res = await reviewer.get('/queue', 'application/json');
  expect(res.status).toBe(200);
  const { emails, waiting } = (await res.json()) as { emails: JsonRow[]; waiting: number };
  expect(waiting).toBe(5);

  const order = emails.map((e) => Object.entries(keys).find(([, k]) => k === e.emailKey)![0]);
  expect(order).toEqual(['d025.eml', 'd041.eml', 'd037.eml', 'd013.eml', 'd035.eml']);
  const labels = (e: JsonRow) => e.priority.parts.map((p) => `${p.label.replace(/^SLA in .*/, 'SLA in …')} +${p.points}`);
  expect(emails.map((e) => e.priority.score)).toEqual([45, 40, 20, 10, 0]);
  expect(labels(emails[0]!)).toEqual(['SLA in … +20', 'VIP +15', 'urgency normal +10']);
  expect(labels(emails[1]!)).toEqual(['urgency high +20', 'negative tone +10', 'level 2 +10']);
  expect(labels(emails[2]!)).toEqual(['urgency normal +10', 'negative tone +10']);
  expect(labels(emails[4]!)).toEqual([]);
  // The mirror holds each level-1 review's SLA deadline as its workflow set it (the order needs no workflow query).
  expect(emails[0]!.reviewDueAt).toBe(views['d025.eml']!.review!.escalateAt);
  expect(emails[1]!.reviewDueAt).toBeNull();
  // The page's order is the pure function's order.
  const resorted = [...emails].sort((a, b) => byPriority(
    { ...a, dueAt: a.dueAt ? new Date(a.dueAt) : null, waitingSince: new Date(a.updatedAt) },
    { ...b, dueAt: b.dueAt ? new Date(b.dueAt) : null, waitingSince: new Date(b.updatedAt) }));
  expect(resorted.map((e) => e.emailKey)).toEqual(emails.map((e) => e.emailKey));

  // On an email, next (j) and previous (k) follow the same order.
  const second = await (await reviewer.get(`/emails/${emails[1]!.emailKey}`)).text();
  expect(second).toContain(`rel="prev" href="/emails/${emails[0]!.emailKey}"`);
  expect(second).toContain(`rel="next" href="/emails/${emails[2]!.emailKey}"`);

  // The VIP's draft ends with the policy's human-touch line; nobody else's does.
  const touch = policy.vipHumanTouch!;
  expect(emails[0]!.draft!.body).toMatch(new RegExp(`(${escape(touch.fr)}|${escape(touch.en)})\\n\\n`));
  for (const e of emails.slice(1)) for (const line of [touch.fr, touch.en]) expect(e.draft?.body ?? '').not.toContain(line);

  // Chromium: the same order on the page, each row's score and parts visible.
  browser = await openChromium();
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${pipeline.reviewUrl}/login`);
  await page.fill('input[name=name]', 'quinn');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
  const rows = page.locator('tr.queue-row');
  await expect(rows.count()).resolves.toBe(5);
  const hrefs = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-href')));
  expect(hrefs).toEqual(emails.map((e) => `/emails/${e.emailKey}`));
  await expect(rows.first().locator('td.priority').innerText()).resolves.toMatch(/^45\s+SLA in \S+( \d+m)? \+20\s+VIP \+15\s+urgency normal \+10$/);
  await expect(page.locator('.legend').textContent()).resolves.toContain('VIP 15');
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
});

test('a topic batch approves the listed drafts of that intent, whatever their template, and skips the others', async () => {
  const topicKeys = await Promise.all(['d014.eml', 'd027.eml'].map(async (f) => (await pipeline.deliver(freshDevEmail(f).raw)).emailKey));
  await Promise.all(topicKeys.map((k) => pipeline.waitForView(k, (v) => v.state === 'waiting_review', WAIT)));
  const reviewer = await ReviewClient.login(pipeline.reviewUrl, 'quinn', password);
  const res = await reviewer.post('/batch/approve',
    { _csrf: reviewer.csrf, group: 'topic: order_status', emailKey: [...topicKeys, keys['d035.eml']!] }, 'application/json');
  expect(await res.json()).toEqual({ approved: 2, skipped: 1 });
  await Promise.all(topicKeys.map((k) => pipeline.waitForView(k, (v) => v.state === 'sent', WAIT)));
  await expect(pipeline.waitForView(keys['d035.eml']!, () => true)).resolves.toMatchObject({ state: 'waiting_review' });
});

test('a topic group is listed with its emails and rejected in one click once confirmed (Chromium); nothing is sent', async () => {
  // Two refund requests (d018: a blender, above the two-approver threshold; d024: a knife sharpener), no other waiting.
  const raws = [freshDevEmail('d018.eml').raw, freshDevEmail('d024.eml').raw];
  const members = await Promise.all(raws.map(async (raw) => (await pipeline.deliver(raw)).emailKey));
  await Promise.all(members.map((k) => pipeline.waitForView(k, (v) => v.state === 'waiting_review', WAIT)));
  const reviewer = await ReviewClient.login(pipeline.reviewUrl, 'quinn', password);
  const { emails } = (await (await reviewer.get('/queue', 'application/json')).json()) as { emails: (JsonRow & { topicKey: string | null })[] };
  const topic = emails.find((e) => e.emailKey === members[0])!.topicKey!;
  expect(topic).toBe('topic: refund_request');
  expect(emails.filter((e) => e.topicKey === topic).map((e) => e.emailKey).sort()).toEqual([...members].sort());
  // A reject without its confirmation, or without the CSRF token, decides nothing.
  expect((await reviewer.post('/batch/reject', { _csrf: reviewer.csrf, group: topic, emailKey: members })).status).toBe(400);
  expect((await reviewer.post('/batch/reject', { group: topic, emailKey: members, confirm: 'yes' })).status).toBe(403);

  const page = await browser!.newPage(); // the profile still holds quinn's session
  page.setDefaultTimeout(60_000);
  await page.goto(`${pipeline.reviewUrl}/queue`);
  const group = page.locator(`div.batch.topic[data-group="${topic}"]`);
  await expect(group.locator('summary').innerText()).resolves.toMatch(/^topic: refund_request: 2 drafts \(\d templates?\)$/);
  await group.locator('summary').click();
  await expect(group.locator('details li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves
    .toEqual(emails.filter((e) => e.topicKey === topic).map((e) => `/emails/${e.emailKey}`));
  mkdirSync(path.dirname(TOPIC_SCREENSHOT), { recursive: true });
  await page.locator('section.batches').screenshot({ path: TOPIC_SCREENSHOT });
  // Unticked, the browser does not send the form; ticked, the three are rejected.
  await group.getByRole('button', { name: 'Reject all 2' }).click();
  await expect(group.locator('input[name=confirm]').evaluate((box) => (box as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing)).resolves.toBe(true);
  expect(page.url()).toBe(`${pipeline.reviewUrl}/queue`);
  await group.locator('input[name=confirm]').check();
  await Promise.all([page.waitForURL('**/queue?done=batch*'), group.getByRole('button', { name: 'Reject all 2' }).click()]);
  await expect(page.locator('.flash').textContent()).resolves.toBe('Batch: 2 rejected (nothing will be sent), 0 skipped (already handled, claimed or not in the group).');
  await expect(page.locator(`div.batch.topic[data-group="${topic}"]`).count()).resolves.toBe(0);

  await Promise.all(members.map((k) => pipeline.waitForView(k, (v) => v.state === 'rejected', WAIT)));
  for (const k of members) {
    expect((await auditTrail(pipeline.db.pool, k)).filter((a) => a.stage === 'review-tool' && a.event === 'reject').map((a) => a.data))
      .toEqual([expect.objectContaining({ reviewer: 'quinn', state: expect.any(String) })]);
  }
  expect(pipeline.sink.messages().filter((m) => raws.some((raw) => m.inReplyTo === messageIdOf(raw)))).toEqual([]);
  await expect(pipeline.waitForView(keys['d035.eml']!, () => true)).resolves.toMatchObject({ state: 'waiting_review' });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
