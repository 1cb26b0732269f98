/**
 * Human edits are checked too, on the real pipeline (intake → Kafka → Temporal → worker → Postgres → SMTP peer):
 * an edited reply with a wrong fact is blocked whichever way it comes (review tool, bearer API, `temporal` CLI),
 * with the failed checks in the answer, the workflow's state and the audit log; nothing reaches the customer. "Send
 * anyway" needs a confirmation and a reason, and is audited (who, when, which checks). In Chromium, the page shows
 * the failures (screenshot docs/screenshots/review-edit-blocked.png) and the send-anyway form.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { loadCase } from '@replique/activities/adapters/pg/emails';
import { reviewerActionsOf } from '@replique/activities/adapters/pg/reviewer-actions';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { repoRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { messageIdOf } from './fixtures';
import { addReviewer, ReviewClient } from './review-client';
import { freshDevEmail } from '../support/dev-email-copy';

jest.setTimeout(300_000);

/** The stack is shared and sometimes busy: waits are generous (they end as soon as the state is reached). */
const WAIT = 90_000;
const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'review-edit-blocked.png');

/** d025: Emily's order CMD-10700, shipped on 22 November 2026 (a VIP customer: reviewed). */
const RIGHT_DATE = '22 November 2026';
const WRONG_DATE = '23 November 2026';

let pipeline: PipelineHarness;
let alice: ReviewClient;
let browser: HeadlessChromium;

beforeAll(async () => {
  pipeline = await startPipeline();
  alice = await ReviewClient.login(pipeline.reviewUrl, 'alice', await addReviewer(pipeline.db.pool, 'alice', 'reviewer'));
  browser = await openChromium();
});

afterAll(async () => {
  await browser?.close();
  await pipeline?.stop();
});

async function waitingD025() {
  const raw = freshDevEmail('d025.eml').raw;
  const { emailKey } = await pipeline.deliver(raw);
  const view = await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review', WAIT);
  const draft = (await loadCase(pipeline.db.pool, pipeline.vault, emailKey))?.draft?.body ?? '';
  return { raw, emailKey, view, draft };
}

const repliesTo = (raw: Buffer) => pipeline.sink.messages().filter((m) => m.inReplyTo === messageIdOf(raw));
const textOf = (body: string) => body.replace(/=\r?\n/g, '');
const settle = () => new Promise((r) => setTimeout(r, 1_000));
const editEvents = async (emailKey: string) => (await auditTrail(pipeline.db.pool, emailKey)).filter((a) => a.stage === 'review' && a.event.startsWith('edit_'));

test('edited replies blocked on a wrong fact: the review tool answers 422 with the failed check; sending anyway is confirmed, reasoned and audited', async () => {
  const { raw, emailKey, draft } = await waitingD025();
  expect(draft).toContain(RIGHT_DATE);
  const wrong = draft.replace(RIGHT_DATE, WRONG_DATE);

  const blocked = await alice.act(emailKey, 'edit', { body: wrong });
  expect(blocked.status).toBe(422);
  expect(blocked.json).toMatchObject({ ok: false, failed: [expect.objectContaining({ check: 'fact_mismatch' })] });
  expect(JSON.stringify(blocked.json.failed)).toContain(WRONG_DATE.toLowerCase());
  const view = await pipeline.waitForView(emailKey, (v) => v.review?.blockedEdit != null, WAIT);
  expect(view).toMatchObject({ state: 'waiting_review', review: { approvals: [], blockedEdit: { reviewer: 'alice' } } });
  expect(await editEvents(emailKey)).toEqual([
    expect.objectContaining({ event: 'edit_blocked', data: expect.objectContaining({ reviewer: 'alice', failed: ['fact_mismatch'], overridden: [] }) }),
  ]);

  // "Send anyway" without the confirmation box, or without a reason, is refused before it reaches the workflow.
  const unconfirmed = await alice.act(emailKey, 'edit', { body: wrong, send_anyway: 'yes', override_checks: 'fact_mismatch', override_reason: 'by phone' });
  expect(unconfirmed.status).toBe(400);
  const noReason = await alice.act(emailKey, 'edit', { body: wrong, send_anyway: 'yes', override_confirm: 'yes', override_checks: 'fact_mismatch' });
  expect(noReason.status).toBe(400);
  await settle();
  expect(repliesTo(raw)).toHaveLength(0);

  const anyway = await alice.act(emailKey, 'edit', {
    body: wrong, send_anyway: 'yes', override_confirm: 'yes', override_checks: 'fact_mismatch',
    override_reason: 'the carrier re-dated the shipment; confirmed with Colissimo by phone',
  });
  expect(anyway).toMatchObject({ status: 200, json: { ok: true, state: 'sending' } });
  const sent = await pipeline.waitForView(emailKey, (v) => v.state === 'sent', WAIT);
  expect(sent.stateReason).toBe('edited_over_failed_checks');
  await settle();
  const replies = repliesTo(raw);
  expect(replies).toHaveLength(1);
  expect(textOf(replies[0]!.body)).toContain(WRONG_DATE);

  const events = await editEvents(emailKey);
  expect(events.map((e) => e.event)).toEqual(['edit_blocked', 'edit_checks_overridden']);
  expect(events[1]!.data).toMatchObject({ reviewer: 'alice', failed: ['fact_mismatch'], overridden: ['fact_mismatch'] });
  expect(events[1]!.at).toBeInstanceOf(Date);
  const [action] = await reviewerActionsOf(pipeline.db.pool, pipeline.vault, emailKey);
  expect(action).toMatchObject({ reviewer: 'alice', action: 'edit', payload: { override: { checks: ['fact_mismatch'], reason: expect.stringContaining('Colissimo') } } });
  const toolAudit = (await auditTrail(pipeline.db.pool, emailKey)).filter((a) => a.stage === 'review-tool').map((a) => [a.event, a.data.failedChecks ?? a.data.overriddenChecks ?? null]);
  expect(toolAudit).toEqual(expect.arrayContaining([['edit_refused', ['fact_mismatch']], ['edit', ['fact_mismatch']]]));
  // The edit's event carries its size for the KPIs: the Levenshtein distance from the draft, in characters.
  const edit = (await auditTrail(pipeline.db.pool, emailKey)).find((a) => a.stage === 'review' && a.event === 'edit');
  expect(edit!.data.editDistance).toEqual(expect.any(Number));
  expect(edit!.data.editDistance).toBeGreaterThan(0);
});

test('the bearer API and the temporal CLI are checked the same way; the fixed text is sent', async () => {
  const { raw, emailKey, draft } = await waitingD025();
  const wrong = draft.replace(RIGHT_DATE, WRONG_DATE);
  const api = await fetch(`${pipeline.reviewUrl}/api/emails/${emailKey}/decision`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pipeline.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'edit', reviewer: 'api-bot', body: wrong }),
  });
  expect(api.status).toBe(422);
  expect(await api.json()).toMatchObject({ status: 'blocked', state: 'waiting_review', failed: [expect.objectContaining({ check: 'fact_mismatch' })] });

  const cli = process.env.TEMPORAL_CLI;
  if (!cli) throw new Error('TEMPORAL_CLI is not set: eval "$(bash infra/local/stack.sh env)"');
  const target = [
    '--address', process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', '--namespace', process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
    '--workflow-id', workflowIdForEmailKey(emailKey), ...pipeline.cliCodecFlags,
  ];
  const decide = (input: object) => promisify(execFile)(cli, ['workflow', 'update', 'execute', ...target, '--name', 'decide', '--input', JSON.stringify(input)]);
  const { stdout } = await decide({ decisionId: `cli-${emailKey.slice(0, 8)}-1`, action: 'edit', reviewer: 'sam', body: wrong });
  expect(stdout).toMatch(/blocked/);
  expect(stdout).toMatch(/fact_mismatch/);
  await settle();
  expect(repliesTo(raw)).toHaveLength(0);

  const fixed = draft.replace('Hello', 'Hello again');
  await decide({ decisionId: `cli-${emailKey.slice(0, 8)}-2`, action: 'edit', reviewer: 'sam', body: fixed });
  const sent = await pipeline.waitForView(emailKey, (v) => v.state === 'sent', WAIT);
  expect(sent.stateReason).toBe('edited_and_approved');
  expect((await editEvents(emailKey)).map((e) => [e.event, e.data.reviewer])).toEqual([
    ['edit_blocked', 'api-bot'], ['edit_blocked', 'sam'], ['edit_checks_passed', 'sam'],
  ]);
  await settle();
  expect(repliesTo(raw)).toHaveLength(1);
});

test('in Chromium: the page lists the failed checks with the reviewer\'s text; "send anyway" asks for the box and a reason', async () => {
  const password = await addReviewer(pipeline.db.pool, 'rita', 'reviewer');
  const { raw, emailKey } = await waitingD025();
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${pipeline.reviewUrl}/login`);
  await page.fill('input[name=name]', 'rita');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
  await page.goto(`${pipeline.reviewUrl}/emails/${emailKey}`);

  const area = page.locator('form[data-action=edit] textarea');
  await area.fill((await area.inputValue()).replace(RIGHT_DATE, WRONG_DATE));
  await Promise.all([page.waitForURL(`**/emails/${emailKey}/edit`), page.click('form[data-action=edit] button:not([name])')]);
  await expect(page.locator('p.error[role=alert]').textContent()).resolves.toContain('Your edit was not sent');
  await expect(page.locator('.failed-checks').textContent()).resolves.toContain('fact_mismatch');
  await expect(page.locator('.failed-checks').textContent()).resolves.toContain(WRONG_DATE.toLowerCase());
  expect(await area.inputValue()).toContain(WRONG_DATE); // the reviewer's text is kept
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  // The browser will not send it anyway without the box ticked and a reason.
  await page.click('button[name=send_anyway]');
  expect(await page.locator('input[name=override_confirm]').evaluate((el) => (el as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing)).toBe(true);
  expect(new URL(page.url()).pathname).toBe(`/emails/${emailKey}/edit`);
  await page.check('input[name=override_confirm]');
  await page.fill('input[name=override_reason]', 'the customer asked for the date on the invoice');
  await Promise.all([page.waitForURL('**/queue?done=edit'), page.click('button[name=send_anyway]')]);

  await pipeline.waitForView(emailKey, (v) => v.state === 'sent', WAIT);
  await settle();
  expect(repliesTo(raw)).toHaveLength(1);
  await page.goto(`${pipeline.reviewUrl}/emails/${emailKey}`);
  await expect(page.locator('section.trail').textContent()).resolves.toContain('sent over failed checks: fact_mismatch');
});
