/**
 * Threading end to end, on the real stack (HTTP intake → Kafka → starter → Temporal → worker → smtp-sink): a
 * customer's reply to an email still waiting for review reaches that email's workflow as a signal, and a reply to
 * an email already answered gets a workflow of its own, in the same conversation — also when it names only the
 * Message-ID of the reply we sent (and the KPI consumer counts it as a re-escalation).
 */
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { EventConsumer } from '@replique/activities/adapters/kafka/event-consumer';
import { createKafka } from '@replique/activities/adapters/kafka/kafka-client';
import { startKpiConsumer } from '@replique/services/kpi/kpi-consumer';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { followUpsOf, getEmail } from '@replique/activities/adapters/pg/emails';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { freshDevEmail } from '../support/dev-email-copy';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { addReviewer, ReviewClient } from '../review/review-client';
import { stack, waitFor } from '../adapters/stack-env';

jest.setTimeout(180_000);

let pipeline: PipelineHarness;
let kpi: EventConsumer;

beforeAll(async () => {
  pipeline = await startPipeline();
  const kafka = createKafka(stack.kafkaBrokers, 'replique-threading-test');
  kpi = await startKpiConsumer({ db: pipeline.db.pool, kafka, groupId: `${pipeline.topics.events}.kpi`, topic: pipeline.topics.events });
});

afterAll(async () => {
  await kpi?.stop();
  await pipeline?.stop();
});

/**
 * The customer writes again in the thread of `messageId`, as a mail client does (In-Reply-To, References, quote).
 * `messageId` is the only one named, as some clients do when they answer our reply.
 */
function replyTo(original: Buffer, messageId: string, newText: string): { raw: Buffer; messageId: string } {
  const head = original.toString('latin1');
  const from = /^From:.*$/im.exec(head)![0];
  const subject = /^Subject:(.*)$/im.exec(head)![1]!.trim();
  const replyId = `${randomUUID()}@test.replique`;
  const raw = [
    from, 'To: support@maison-lumen.example', `Subject: Re: ${subject}`, 'Date: Mon, 23 Nov 2026 09:12:00 +0100',
    `Message-ID: <${replyId}>`, `In-Reply-To: <${messageId}>`, `References: <${messageId}>`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '',
    newText, '', 'Le lun. 23 nov. 2026 à 07:58, vous avez écrit :', '> Bonjour,', '',
  ].join('\r\n');
  return { raw: Buffer.from(raw, 'utf8'), messageId: replyId };
}

const repliesTo = (messageId: string) => pipeline.sink.messages().filter((m) => m.inReplyTo === messageId);

async function approve(emailKey: string, reviewer: string) {
  const res = await fetch(`${pipeline.reviewUrl}/api/emails/${emailKey}/decision`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pipeline.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'approve', reviewer, decisionId: randomUUID() }),
  });
  return res.status;
}

test('a reply while a review waits (delivered five times) joins that workflow; approval sends exactly one reply', async () => {
  const original = freshDevEmail('d007.eml');
  const { emailKey } = await pipeline.deliver(original.raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review');

  const followUp = replyTo(original.raw, original.messageId, 'Je précise : la nouvelle adresse est 12 rue des Lilas, 69003 Lyon.');
  const answers = [];
  for (let i = 0; i < 5; i++) answers.push(await pipeline.deliver(followUp.raw));
  const followUpKey = answers[0]!.emailKey;
  expect(new Set(answers.map((a) => a.emailKey))).toEqual(new Set([followUpKey]));

  const view = await pipeline.waitForView(emailKey, (v) => v.review?.followUps?.[0]?.status === 'read');
  expect(view.state).toBe('waiting_review');
  expect(view.review?.followUps).toEqual([expect.objectContaining({ emailKey: followUpKey, status: 'read' })]);
  expect(await getEmail(pipeline.db.pool, followUpKey)).toMatchObject({ state: 'threaded' });
  const shown = await followUpsOf(pipeline.db.pool, pipeline.vault, emailKey);
  expect(shown).toEqual([expect.objectContaining({ emailKey: followUpKey })]);
  expect(shown[0]!.text).toContain('12 rue des Lilas');
  expect((await auditTrail(pipeline.db.pool, emailKey)).map((e) => `${e.stage}:${e.event}`)).toContain('follow_up:read');
  await expect(pipeline.client.workflow.getHandle(workflowIdForEmailKey(followUpKey)).describe()).rejects.toThrow(WorkflowNotFoundError);
  const reviewer = await ReviewClient.login(pipeline.reviewUrl, 'rita', await addReviewer(pipeline.db.pool, 'rita', 'reviewer'));
  const page = await (await reviewer.get(`/emails/${emailKey}`)).text();
  expect(page).toContain('The customer wrote again (1)');
  expect(page).toContain('12 rue des Lilas');

  expect(await approve(emailKey, 'alice')).toBe(200);
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent');
  await new Promise((r) => setTimeout(r, 1_000));
  expect(repliesTo(original.messageId)).toHaveLength(1);
  expect(repliesTo(followUp.messageId)).toHaveLength(0);
  const { rows } = await pipeline.db.pool.query(
    'select count(*)::int as n from emails where email_key = any($1) and conversation_id is not null group by conversation_id',
    [[emailKey, followUpKey]],
  );
  expect(rows).toEqual([{ n: 2 }]);
});

test('a risky reply (a legal threat) while a review waits escalates that email, and nothing is sent', async () => {
  const original = freshDevEmail('d007.eml');
  const { emailKey } = await pipeline.deliver(original.raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review');
  const followUp = replyTo(original.raw, original.messageId, 'Sans réponse sous 48 h, je transmets le dossier à mon avocat et je porte plainte.');
  await pipeline.deliver(followUp.raw);
  const view = await pipeline.waitForView(emailKey, (v) => v.state === 'escalated');
  expect(view.stateReason).toBe('customer_follow_up');
  expect(view.review?.followUps).toEqual([expect.objectContaining({ status: 'read', route: 'escalate' })]);
  await new Promise((r) => setTimeout(r, 1_000));
  expect(repliesTo(original.messageId)).toHaveLength(0);
});

test('a reply while an automatic answer is still being prepared makes it a review of both', async () => {
  const original = freshDevEmail('d005.eml');
  const followUp = replyTo(original.raw, original.messageId, 'Pardon, une précision : je ne serai pas chez moi vendredi.');
  const { emailKey } = await pipeline.deliver(original.raw);
  const { emailKey: followUpKey } = await pipeline.deliver(followUp.raw);
  const view = await pipeline.waitForView(emailKey, (v) => ['sent', 'waiting_review'].includes(v.state));
  // The reply either reached the workflow before its automatic answer (then a person reviews both), or after it
  // was sent (then it has a workflow of its own): never an automatic answer that ignored the newer text.
  if (view.state === 'waiting_review') {
    expect(view).toMatchObject({ route: 'review', stateReason: 'customer_follow_up' });
    expect(view.routeReasons).toContain('customer_follow_up');
    expect(await getEmail(pipeline.db.pool, emailKey)).toMatchObject({ state: 'waiting_review', route: 'review' });
    expect(repliesTo(original.messageId)).toHaveLength(0);
  } else {
    expect(view.review).toBeNull();
    const own = await pipeline.waitForView(followUpKey, (v) => ['sent', 'waiting_review', 'escalated'].includes(v.state));
    expect(own.emailKey).toBe(followUpKey);
  }
});

test('a reply to an email already answered gets a workflow of its own, in the same conversation', async () => {
  const original = freshDevEmail('d005.eml');
  const { emailKey } = await pipeline.deliver(original.raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent');

  const followUp = replyTo(original.raw, original.messageId, 'Merci ! Et pouvez-vous me dire quand le colis arrivera ?');
  const { emailKey: followUpKey } = await pipeline.deliver(followUp.raw);
  const settled = ['sent', 'waiting_review', 'escalated', 'suppressed'];
  const own = await pipeline.waitForView(followUpKey, (v) => settled.includes(v.state));
  expect(own.emailKey).toBe(followUpKey);
  expect((await getEmail(pipeline.db.pool, followUpKey))?.state).toBe(own.state);
  const [a, b] = await Promise.all([getEmail(pipeline.db.pool, emailKey), getEmail(pipeline.db.pool, followUpKey)]);
  expect(b?.conversationId).toBe(a?.conversationId);
  expect(b?.conversationId).not.toBeNull();
  expect(repliesTo(original.messageId)).toHaveLength(1);
});

test('a reply that names only the Message-ID of our reply joins the conversation and counts as a re-escalation', async () => {
  const original = freshDevEmail('d005.eml');
  const { emailKey } = await pipeline.deliver(original.raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent');
  const [ours] = await waitFor('our reply in the sink', () => (repliesTo(original.messageId).length > 0 ? repliesTo(original.messageId) : null));
  expect(ours!.messageId).not.toBeNull();

  const followUp = replyTo(original.raw, ours!.messageId!, 'Hi again, the teapot from order CMD-10839 still has not arrived. When will it be delivered?');
  expect(followUp.raw.toString('utf8')).not.toContain(original.messageId);
  const { emailKey: followUpKey } = await pipeline.deliver(followUp.raw);
  await pipeline.waitForView(followUpKey, (v) => ['sent', 'waiting_review', 'escalated', 'suppressed'].includes(v.state));
  const [a, b] = await Promise.all([getEmail(pipeline.db.pool, emailKey), getEmail(pipeline.db.pool, followUpKey)]);
  expect(a?.conversationId).not.toBeNull();
  expect(b?.conversationId).toBe(a?.conversationId);

  const outcome = await waitFor('the KPI facts of both emails', async () => {
    const { rows } = await pipeline.db.pool.query<{ email_key: string; conversation: string | null; intent: string; automated: boolean; reescalated: boolean }>(
      'select email_key, conversation, intent, automated, reescalated from kpi_email_outcomes where email_key = any($1)',
      [[emailKey, followUpKey]],
    );
    const byKey = new Map(rows.map((r) => [r.email_key, r]));
    const first = byKey.get(emailKey);
    const second = byKey.get(followUpKey);
    return first?.automated && second?.conversation ? { first, second } : null;
  }, 60_000);
  expect(outcome.second.conversation).toBe(outcome.first.conversation);
  expect(outcome.second.intent).toBe(outcome.first.intent);
  expect(outcome.first.reescalated).toBe(true);
});
