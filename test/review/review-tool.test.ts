/**
 * The review tool over HTTP, on the real pipeline (intake → Kafka → Temporal → worker → SMTP peer): nobody without
 * a session sees anything, a POST without the CSRF token changes nothing, a refund above the threshold needs two
 * different approvers, the second reviewer sees the email was already handled, edits are kept with their
 * similarity, similar drafts are approved in one batch, a senior takes an email over, hostile markup renders inert.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { editsOf } from '@replique/activities/adapters/pg/review-edits';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { hostileEmail, messageIdOf } from './fixtures';
import { addReviewer, ReviewClient } from './review-client';
import { freshDevEmail } from '../support/dev-email-copy';

jest.setTimeout(300_000);

/** The stack is shared and sometimes busy: waits are generous (they end as soon as the state is reached). */
const WAIT = 90_000;

let pipeline: PipelineHarness;
let alice: ReviewClient;
let bob: ReviewClient;
let sam: ReviewClient;

beforeAll(async () => {
  pipeline = await startPipeline();
  const db = pipeline.db.pool;
  const [a, b, s] = await Promise.all([addReviewer(db, 'alice', 'reviewer'), addReviewer(db, 'bob', 'reviewer'), addReviewer(db, 'sam', 'senior')]);
  [alice, bob, sam] = await Promise.all([
    ReviewClient.login(pipeline.reviewUrl, 'alice', a),
    ReviewClient.login(pipeline.reviewUrl, 'bob', b),
    ReviewClient.login(pipeline.reviewUrl, 'sam', s),
  ]);
});

afterAll(async () => {
  await pipeline?.stop();
});

function repliesTo(raw: Buffer) {
  return pipeline.sink.messages().filter((m) => m.inReplyTo === messageIdOf(raw));
}

async function waiting(file: string, state: 'waiting_review' | 'escalated' = 'waiting_review') {
  const raw = freshDevEmail(file).raw;
  const { emailKey } = await pipeline.deliver(raw);
  const view = await pipeline.waitForView(emailKey, (v) => v.state === state, WAIT);
  return { raw, emailKey, view };
}

const settle = () => new Promise((r) => setTimeout(r, 1_000));

test('without a session every page and action is refused: pages redirect to login, the rest get 401', async () => {
  const { emailKey } = await waiting('d007.eml');
  const anonymous = new ReviewClient(pipeline.reviewUrl);
  for (const path of ['/', '/queue', `/emails/${emailKey}`, '/stats/edits', '/stats/edits.json', '/admin/users', '/nowhere']) {
    const page = await anonymous.get(path);
    expect([path, page.status, page.headers.get('location')?.startsWith('/login')]).toEqual([path, 303, true]);
    expect(await page.text()).not.toMatch(/Changement|CMD-10469/);
    expect((await anonymous.get(path, 'application/json')).status).toBe(401);
  }
  const posts = ['approve', 'edit', 'reject', 'escalate', 'takeover'].map((a) => `/emails/${emailKey}/${a}`);
  for (const path of [...posts, '/batch/approve', '/batch/reject', '/logout', '/admin/users/alice/disable']) {
    expect([path, (await anonymous.post(path, { body: 'x', emailKey })).status]).toEqual([path, 401]);
  }
  expect((await fetch(`${pipeline.reviewUrl}/api/reviews`)).status).toBe(401);
  const wrong = await anonymous.post('/login', { name: 'alice', password: 'not-her-password' });
  expect(wrong.status).toBe(403); // no login CSRF cookie either
  const view = await pipeline.waitForView(emailKey, () => true, WAIT);
  expect(view.state).toBe('waiting_review');
});

test('a wrong password is refused and audited, repeated guesses are throttled; the login page sets no session', async () => {
  const client = new ReviewClient(pipeline.reviewUrl);
  const form = await (await client.get('/login')).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1]!;
  const res = await client.post('/login', { _csrf: csrf, name: 'alice', password: 'wrong-password' });
  expect(res.status).toBe(401);
  expect(client.cookieHeader).not.toContain('rq_session');
  expect((await client.get('/queue')).status).toBe(303);
  const { rows } = await pipeline.db.pool.query(`select data from audit_log where stage = 'review-tool' and event = 'login_failed'`);
  expect(rows.map((r) => r.data)).toContainEqual({ name: 'alice' });
  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push((await client.post('/login', { _csrf: csrf, name: 'guessme', password: `guess-${i}` })).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
});

test('a POST without the CSRF token (or with a wrong one) is refused and decides nothing', async () => {
  const { raw, emailKey } = await waiting('d007.eml');
  const without = await alice.post(`/emails/${emailKey}/approve`, {}, 'application/json');
  expect(without.status).toBe(403);
  const wrong = await alice.post(`/emails/${emailKey}/approve`, { _csrf: 'x'.repeat(43) }, 'application/json');
  expect(wrong.status).toBe(403);
  const otherSession = await alice.post(`/emails/${emailKey}/approve`, { _csrf: bob.csrf }, 'application/json');
  expect(otherSession.status).toBe(403);
  await settle();
  expect((await pipeline.waitForView(emailKey, () => true, WAIT)).state).toBe('waiting_review');
  expect(repliesTo(raw)).toHaveLength(0);
});

test('a refund above the threshold approved by one reviewer is not sent until a second, different one approves', async () => {
  const { raw, emailKey, view } = await waiting('d018.eml');
  expect(view.review?.approvalsRequired).toBe(2);
  expect(await (await alice.get(`/emails/${emailKey}`)).text()).toContain('0 of 2 approvals');
  const first = await alice.act(emailKey, 'approve');
  expect(first).toMatchObject({ status: 200, json: { ok: true, state: 'waiting_review', approvals: ['alice'], approvalsRequired: 2 } });
  const again = await alice.act(emailKey, 'approve');
  expect(again.status).toBe(409);
  expect(String(again.json.error)).toMatch(/different reviewer/);
  await settle();
  expect(repliesTo(raw)).toHaveLength(0);
  expect(await (await bob.get(`/emails/${emailKey}`)).text()).toContain('1 of 2 approvals');
  expect((await bob.act(emailKey, 'approve')).json).toMatchObject({ ok: true, state: 'sending' });
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent', WAIT);
  expect(repliesTo(raw)).toHaveLength(1);
  const trail = (await auditTrail(pipeline.db.pool, emailKey)).filter((e) => e.stage === 'review-tool');
  expect(trail.map((e) => [e.event, e.data.reviewer])).toEqual(expect.arrayContaining([
    ['approve', 'alice'], ['approve_refused', 'alice'], ['approve', 'bob'],
  ]));
});

test('two reviewers on one email: the claim holds the second off, then the email shows as already handled', async () => {
  const { raw, emailKey } = await waiting('d007.eml');
  await alice.get(`/emails/${emailKey}`);
  const bobsPage = await (await bob.get(`/emails/${emailKey}`)).text();
  expect(bobsPage).toContain('alice is working on this email');
  expect((await bob.act(emailKey, 'approve')).status).toBe(409);
  const approved = await alice.post(`/emails/${emailKey}/approve`, { _csrf: alice.csrf, decisionId: 'click-1' });
  expect([approved.status, approved.headers.get('location')]).toEqual([303, '/queue?done=approve']);
  const late = await bob.post(`/emails/${emailKey}/approve`, { _csrf: bob.csrf });
  expect(late.status).toBe(409);
  expect(await late.text()).toContain('Already handled');
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent', WAIT);
  await settle();
  expect(repliesTo(raw)).toHaveLength(1);
});

test('an edit is sent as edited, kept as a diff with its similarity, and counted per intent and version', async () => {
  const { raw, emailKey } = await waiting('d022.eml');
  const text = 'Bonjour,\n\nNous vous envoyons une étiquette de retour prépayée.\n\nLe service client';
  expect((await alice.act(emailKey, 'edit', { body: text, subject: 'Votre retour' })).json).toMatchObject({ ok: true, state: 'sending' });
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent', WAIT);
  expect(repliesTo(raw)).toHaveLength(1);
  const [edit] = await editsOf(pipeline.db.pool, pipeline.vault, emailKey);
  expect(edit).toMatchObject({ reviewer: 'alice', sentBody: text });
  expect(edit!.similarity).toBeGreaterThanOrEqual(0);
  expect(edit!.similarity).toBeLessThan(1);
  expect(edit!.diff).toContain('+ Nous vous envoyons une étiquette de retour prépayée.');
  const stats = (await (await alice.get('/stats/edits.json')).json()) as { similarity: { intent: string; edits: number }[] };
  expect(stats.similarity).toEqual(expect.arrayContaining([expect.objectContaining({ intent: edit!.intent, edits: 1 })]));
  const statsPage = await (await alice.get('/stats/edits')).text();
  expect(statsPage).toContain(edit!.templateId!);
  // this pipeline drafts with templates only: no model call to report
  expect(statsPage).toContain('No model drafts yet.');
  expect(await (await alice.get('/stats/drafts.json')).json()).toEqual({ models: [] });
});

test('similar drafts (same intent and template) are approved in one batch', async () => {
  const [one, two] = [await waiting('d007.eml'), await waiting('d007.eml')];
  const queue = (await (await bob.get('/queue', 'application/json')).json()) as { emails: { emailKey: string; similarKey: string }[] };
  const group = queue.emails.find((e) => e.emailKey === one.emailKey)!.similarKey;
  expect(queue.emails.find((e) => e.emailKey === two.emailKey)!.similarKey).toBe(group);
  const res = await bob.post('/batch/approve', { _csrf: bob.csrf, group, emailKey: [one.emailKey, two.emailKey] }, 'application/json');
  expect(await res.json()).toEqual({ approved: 2, skipped: 0 });
  for (const e of [one, two]) {
    await pipeline.waitForView(e.emailKey, (v) => v.state === 'sent', WAIT);
    expect(repliesTo(e.raw)).toHaveLength(1);
  }
});

test('a senior takes an email over: it becomes theirs at level 2, a reviewer can no longer act, the senior replies', async () => {
  const { raw, emailKey } = await waiting('d007.eml');
  expect((await alice.act(emailKey, 'takeover')).status).toBe(403);
  expect((await sam.act(emailKey, 'takeover')).json).toMatchObject({ ok: true, state: 'escalated' });
  const view = await pipeline.waitForView(emailKey, (v) => v.state === 'escalated', WAIT);
  expect(view.review?.owner).toBe('sam');
  expect(view.stateReason).toBe('taken_over');
  expect((await alice.act(emailKey, 'approve')).status).toBe(403);
  expect((await sam.act(emailKey, 'edit', { body: 'Bonjour,\n\nC\'est noté.\n\nLe service client' })).status).toBe(200);
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent', WAIT);
  expect(repliesTo(raw)).toHaveLength(1);
});

test('customer markup is rendered inert on the queue and on the email page', async () => {
  const raw = hostileEmail();
  const { emailKey } = await pipeline.deliver(raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'escalated', WAIT);
  for (const page of [await (await sam.get('/queue')).text(), await (await sam.get(`/emails/${emailKey}`)).text()]) {
    expect(page).toContain('&lt;script&gt;document.title=&quot;pwned-subject&quot;&lt;/script&gt;');
    expect(page).not.toMatch(/<script>document|<img src=x/i);
  }
  expect(await (await sam.get(`/emails/${emailKey}`)).text()).toContain('&lt;img src=x onerror=');
});

test('the temporal CLI takes the same actions (the commands of services/src/review/README.md)', async () => {
  const cli = process.env.TEMPORAL_CLI;
  if (!cli) throw new Error('TEMPORAL_CLI is not set: eval "$(bash infra/local/stack.sh env)"');
  const { raw, emailKey } = await waiting('d007.eml');
  const target = [
    '--address', process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', '--namespace', process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
    '--workflow-id', workflowIdForEmailKey(emailKey), ...pipeline.cliCodecFlags,
  ];
  // Asynchronously: the worker runs in this process and must keep working while the CLI waits for the update.
  const run = promisify(execFile);
  const decide = (input: object) => run(cli, ['workflow', 'update', 'execute', ...target, '--name', 'decide', '--input', JSON.stringify(input)]);
  await decide({ decisionId: `cli-${emailKey.slice(0, 8)}-1`, action: 'takeover', reviewer: 'sam' });
  await pipeline.waitForView(emailKey, (v) => v.state === 'escalated', WAIT); // the state shows once it is recorded
  const { stdout } = await run(cli, ['workflow', 'query', ...target, '--name', 'state', '--output', 'json']);
  expect(stdout).toMatch(/"owner":\s*"sam"/);
  expect(stdout).toMatch(/"state":\s*"escalated"/);
  await decide({ decisionId: `cli-${emailKey.slice(0, 8)}-2`, action: 'edit', reviewer: 'sam', body: 'Bonjour,\n\nC\'est fait.\n\nLe service client' });
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent', WAIT);
  expect(repliesTo(raw)).toHaveLength(1);
});

test('only an admin sees the accounts; disabling an account ends its session at once', async () => {
  const db = pipeline.db.pool;
  const ada = await ReviewClient.login(pipeline.reviewUrl, 'ada', await addReviewer(db, 'ada', 'admin'));
  const dora = await ReviewClient.login(pipeline.reviewUrl, 'dora', await addReviewer(db, 'dora', 'reviewer'));
  expect((await alice.get('/admin/users')).status).toBe(403);
  expect((await sam.post('/admin/users/dora/disable', { _csrf: sam.csrf })).status).toBe(403);
  expect(await (await ada.get('/admin/users')).text()).toContain('dora');
  expect((await ada.post('/admin/users/dora/disable', {})).status).toBe(403); // no CSRF token
  expect((await dora.get('/queue')).status).toBe(200);
  expect((await ada.post('/admin/users/dora/disable', { _csrf: ada.csrf })).status).toBe(303);
  expect((await dora.get('/queue')).status).toBe(303);
  const { rows } = await db.query(`select data from audit_log where event = 'user_disabled'`);
  expect(rows.map((r) => r.data)).toContainEqual({ name: 'dora', by: 'ada' });
});
