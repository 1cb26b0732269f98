/**
 * End to end through the real parts: HTTP intake → Postgres → Kafka → starter → Temporal → worker activities
 * (Postgres CRM, policy, templates, guardrails) → SMTP (smtp-sink) ; reviewer decisions through the review API.
 * Replies are counted where they land: the files the SMTP peer wrote.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { countAccepted } from '@replique/activities/adapters/pg/sent-mail';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { getEmail } from '@replique/activities/adapters/pg/emails';
import { parseEmail } from '@replique/activities/mail/parse-email';
import { devEmailsDir } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { freshDevEmail } from '../support/dev-email-copy';
import {
  intentSearchAttribute, routeSearchAttribute, stateSearchAttribute, workflowIdForEmailKey,
} from '@replique/workflows/contracts';

jest.setTimeout(120_000);

let pipeline: PipelineHarness;

beforeAll(async () => {
  pipeline = await startPipeline();
});

afterAll(async () => {
  await pipeline?.stop();
});

function fixture(file: string): Buffer {
  return readFileSync(path.join(devEmailsDir, file));
}

function repliesTo(messageIdOfOriginal: string) {
  return pipeline.sink.messages().filter((m) => m.inReplyTo === messageIdOfOriginal);
}

function messageIdOf(raw: Buffer): string {
  return /^Message-ID:\s*<([^>]+)>/im.exec(raw.toString('latin1'))![1]!;
}

async function decide(emailKey: string, body: Record<string, unknown>) {
  const res = await fetch(`${pipeline.reviewUrl}/api/emails/${emailKey}/decision`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pipeline.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/**
 * The upserts of Réplique's search attributes (Route, Intent, EmailState) in an email's workflow, in order, each as its
 * sorted `Key=value` list (the SDK's own upsert of `TemporalChangeVersion` with the patch marker is left out).
 */
async function searchAttributeUpserts(emailKey: string): Promise<string[][]> {
  const history = await pipeline.client.workflow.getHandle(workflowIdForEmailKey(emailKey)).fetchHistory();
  const own = new Set([routeSearchAttribute.name, intentSearchAttribute.name, stateSearchAttribute.name]);
  return (history.events ?? []).flatMap((e) => {
    const fields = Object.entries(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {})
      .filter(([key]) => own.has(key));
    if (fields.length === 0) return [];
    return [fields.map(([key, p]) => `${key}=${JSON.parse(Buffer.from(p.data!).toString('utf8')) as string}`).sort()];
  });
}

/** The workflow's search attributes now (from its mutable state: no visibility lag). */
async function searchAttributes(emailKey: string) {
  const { typedSearchAttributes } = await pipeline.client.workflow.getHandle(workflowIdForEmailKey(emailKey)).describe();
  return [routeSearchAttribute, intentSearchAttribute, stateSearchAttribute].map((key) => typedSearchAttributes.get(key));
}

test('routine mail is answered automatically, once, threaded and marked Auto-Submitted', async () => {
  const raw = freshDevEmail('d005.eml').raw;
  const { emailKey } = await pipeline.deliver(raw);
  const view = await pipeline.waitForView(emailKey, (v) => v.state === 'sent');
  expect(view.route).toBe('auto');
  const replies = repliesTo(messageIdOf(raw));
  expect(replies).toHaveLength(1);
  expect(replies[0]!.header('auto-submitted')).toBe('auto-replied');
  expect(replies[0]!.references).toContain(messageIdOf(raw));
  expect((await getEmail(pipeline.db.pool, emailKey))?.state).toBe('sent');
  const trail = (await auditTrail(pipeline.db.pool, emailKey)).map((e) => `${e.stage}:${e.event}`);
  expect(trail).toEqual(expect.arrayContaining(['read:done', 'enrich:done', 'classify:done', 'draft:done', 'check:done', 'route:auto', 'send:accepted']));
  // The route event carries the KPI dimensions (PII-free): intent, language, template version, cohort, conversation,
  // and for conversion after email the sender's CRM id (the demo shop's C0039) and the complements offered.
  const routed = (await auditTrail(pipeline.db.pool, emailKey)).find((e) => e.stage === 'route' && e.event === 'auto');
  expect(routed!.data).toMatchObject({
    intent: view.intent, lang: expect.stringMatching(/^(fr|en)$/), template: expect.stringMatching(/^[\w.-]+@[\w.-]+$/),
    cohort: 'none', conversation: expect.stringMatching(/^\d+$/), customer: 'C0039',
  });
  // The complements offered: none, or the one product a discreet upsell suggested (also named as `upsellSku`).
  expect(routed!.data.complements).toEqual(typeof routed!.data.upsellSku === 'string' ? [routed!.data.upsellSku] : []);
  // One search-attribute upsert per state after the start's `analysing`, the route and intent riding on the first.
  expect(await searchAttributeUpserts(emailKey)).toEqual([
    ['EmailState=sending', `Intent=${view.intent ?? 'unknown'}`, 'Route=auto'],
    ['EmailState=sent'],
  ]);
  expect(await searchAttributes(emailKey)).toEqual(['auto', view.intent ?? 'unknown', 'sent']);
});

test('machine mail (a bounce) is suppressed: recorded, never answered', async () => {
  const raw = freshDevEmail('d047.eml').raw;
  const { emailKey } = await pipeline.deliver(raw);
  const view = await pipeline.waitForView(emailKey, (v) => v.state === 'suppressed');
  expect(view.route).toBe('suppress');
  expect(repliesTo(messageIdOf(raw))).toHaveLength(0);
  expect(await searchAttributeUpserts(emailKey)).toEqual([['EmailState=suppressed', `Intent=${view.intent ?? 'unknown'}`, 'Route=suppress']]);
});

test('a legal threat is escalated and nothing automatic is sent', async () => {
  const raw = freshDevEmail('d041.eml').raw;
  const { emailKey } = await pipeline.deliver(raw);
  const view = await pipeline.waitForView(emailKey, (v) => v.state === 'escalated');
  expect(view.route).toBe('escalate');
  await new Promise((r) => setTimeout(r, 1_000));
  expect(repliesTo(messageIdOf(raw))).toHaveLength(0);
});

test('the same email delivered five times gives one workflow and one reply', async () => {
  const raw = freshDevEmail('d002.eml').raw;
  const answers = [];
  for (let i = 0; i < 5; i++) answers.push(await pipeline.deliver(raw));
  const keys = new Set(answers.map((a) => a.emailKey));
  expect(keys.size).toBe(1);
  expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
  const [emailKey] = [...keys];
  await pipeline.waitForView(emailKey!, (v) => v.state === 'sent');
  await new Promise((r) => setTimeout(r, 1_000));
  expect(repliesTo(messageIdOf(raw))).toHaveLength(1);
  expect(await countAccepted(pipeline.db.pool, { emailKey: emailKey! })).toBe(1);
});

test('a review approval sends exactly one reply, even when the click is repeated', async () => {
  const raw = freshDevEmail('d007.eml').raw;
  const { emailKey } = await pipeline.deliver(raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review');
  expect(repliesTo(messageIdOf(raw))).toHaveLength(0);
  const click = { action: 'approve', reviewer: 'alice', decisionId: randomUUID() };
  const first = await decide(emailKey, click);
  expect(first.status).toBe(200);
  expect(first.json).toMatchObject({ status: 'applied', state: 'sending' });
  const again = await decide(emailKey, click);
  expect([200, 409]).toContain(again.status);
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent');
  const replies = repliesTo(messageIdOf(raw));
  expect(replies).toHaveLength(1);
  expect(replies[0]!.header('auto-submitted')).toBeUndefined();
  const late = await decide(emailKey, { action: 'approve', reviewer: 'bob' });
  expect(late.status).toBe(409);
  expect(String(late.json.error)).toMatch(/already handled/);
});

test('a refund above the threshold waits for a second, different approver', async () => {
  const raw = freshDevEmail('d018.eml').raw;
  const { emailKey } = await pipeline.deliver(raw);
  const waiting = await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review');
  expect(waiting.review?.approvalsRequired).toBe(2);
  expect((await decide(emailKey, { action: 'approve', reviewer: 'alice' })).status).toBe(200);
  const same = await decide(emailKey, { action: 'approve', reviewer: 'alice' });
  expect(same.status).toBe(409);
  expect(String(same.json.error)).toMatch(/different reviewer/);
  await new Promise((r) => setTimeout(r, 1_000));
  expect(repliesTo(messageIdOf(raw))).toHaveLength(0);
  expect((await decide(emailKey, { action: 'approve', reviewer: 'bob' })).status).toBe(200);
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent');
  expect(repliesTo(messageIdOf(raw))).toHaveLength(1);
});

test('a worker restart while an email waits loses nothing: approval after restart sends once', async () => {
  const raw = freshDevEmail('d022.eml').raw;
  const { emailKey } = await pipeline.deliver(raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review');
  await pipeline.restartWorker();
  const edited = 'Bonjour,\n\nNous vous envoyons une étiquette de retour prépayée.\n\nLe service client';
  expect((await decide(emailKey, { action: 'edit', reviewer: 'carol', body: edited })).status).toBe(200);
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent');
  const replies = repliesTo(messageIdOf(raw));
  expect(replies).toHaveLength(1);
  const sent = await parseEmail(readFileSync(replies[0]!.file));
  expect(sent.text).toContain('étiquette de retour prépayée');
});

test('input that is not an email is quarantined with its reason, and kept', async () => {
  const blob = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 7)]);
  const { emailKey } = await pipeline.deliver(blob);
  const view = await pipeline.waitForView(emailKey, (v) => v.state === 'quarantined');
  expect(view.stateReason).toBeTruthy();
  const row = await getEmail(pipeline.db.pool, emailKey);
  expect(row).toMatchObject({ state: 'quarantined' });
});

test('the review API refuses a request without the token', async () => {
  const res = await fetch(`${pipeline.reviewUrl}/api/reviews`);
  expect(res.status).toBe(401);
});

describe('bad input ends in a known state, and the worker keeps going', () => {
  const headers = (extra: string) =>
    `From: Jeanne Test <jeanne.test@example.org>\r\nTo: support@maison-lumen.example\r\nSubject: Question\r\n` +
    `Date: Mon, 23 Nov 2026 10:00:00 +0100\r\n${extra}MIME-Version: 1.0\r\n`;
  const cases: Record<string, () => Buffer> = {
    'empty body': () => Buffer.from(`${headers(`Message-ID: <${randomUUID()}@t>\r\n`)}Content-Type: text/plain\r\n\r\n`),
    'no Message-ID': () =>
      Buffer.from(`${headers('')}Content-Type: text/plain; charset=utf-8\r\n\r\nBonjour, où en est ma commande ? ${randomUUID()}\r\n`),
    'unknown charset': () =>
      Buffer.from(`${headers(`Message-ID: <${randomUUID()}@t>\r\n`)}Content-Type: text/plain; charset=x-unknown-42\r\n\r\nBonjour\r\n`),
    '25 MB attachment': () => {
      const b64 = Buffer.alloc(25 * 1024 * 1024, 1).toString('base64').replace(/.{76}/g, '$&\r\n');
      return Buffer.from(
        `${headers(`Message-ID: <${randomUUID()}@t>\r\n`)}Content-Type: multipart/mixed; boundary="b"\r\n\r\n` +
          `--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nVoici la photo du colis abîmé.\r\n` +
          `--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="photo.bin"\r\n` +
          `Content-Transfer-Encoding: base64\r\n\r\n${b64}\r\n--b--\r\n`,
      );
    },
    'truncated multipart': () =>
      Buffer.from(
        `${headers(`Message-ID: <${randomUUID()}@t>\r\n`)}Content-Type: multipart/alternative; boundary="zz"\r\n\r\n` +
          `--zz\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nBonjour =C3=A9=\r\n`,
      ),
  };

  test.each(Object.keys(cases))('%s', async (name) => {
    const { emailKey } = await pipeline.deliver(cases[name]!());
    const settled = ['quarantined', 'suppressed', 'sent', 'rejected', 'send_failed', 'waiting_review', 'escalated'];
    const view = await pipeline.waitForView(emailKey, (v) => settled.includes(v.state), 90_000);
    expect(settled).toContain(view.state);
    expect((await getEmail(pipeline.db.pool, emailKey))?.state).toBe(view.state);
  });
});

test('a sender that keeps writing in one thread gets at most the policy limit of automatic replies', async () => {
  const root = `<${randomUUID()}@root.test>`;
  const inThread = (): Buffer => {
    const text = freshDevEmail('d005.eml').raw.toString('latin1').replace(/^(In-Reply-To|References):.*\r?\n/gim, '');
    return Buffer.from(`References: ${root}\r\nIn-Reply-To: ${root}\r\n${text}`, 'latin1');
  };
  const states: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { emailKey } = await pipeline.deliver(inThread());
    const view = await pipeline.waitForView(emailKey, (v) => ['sent', 'waiting_review'].includes(v.state));
    states.push(view.state);
    if (i === 2) expect(view.routeReasons).toContain('auto_reply_limit');
  }
  expect(states).toEqual(['sent', 'sent', 'waiting_review']);
});

test('mail delivered into the IMAP mailbox is read, answered once, and not read again', async () => {
  const raw = freshDevEmail('d046.eml').raw;
  const emailKey = await pipeline.deliverByImap(raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent', 60_000);
  await pipeline.deliverByImap(raw); // the same message delivered again: same key, no second reply
  await new Promise((r) => setTimeout(r, 3_000));
  expect(repliesTo(messageIdOf(raw))).toHaveLength(1);
});
