/**
 * OpenTelemetry traces through the real pipeline (HTTP intake → Postgres → Kafka → starter → Temporal → worker →
 * SMTP; review API → Temporal update), each process exporting by OTLP/HTTP to a collector in this test: one email,
 * one trace, found by its workflow ID, from the intake's request to the send; and no PII in what is exported.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver';
import { freshDevEmail } from '../support/dev-email-copy';

jest.setTimeout(120_000);

let receiver: OtlpReceiver;
let pipeline: PipelineHarness | null = null;

afterAll(async () => {
  await pipeline?.stop();
  await receiver?.stop();
});

function header(raw: Buffer, name: string): string {
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(raw.toString('latin1'))![1]!.trim();
}

function names(spans: ReceivedSpan[]): string[] {
  return spans.map((s) => `${s.service} ${s.name}`);
}

test('one email, one trace from the intake request to the send, found by workflow ID; a decision traced too; no PII', async () => {
  receiver = await startOtlpReceiver();
  pipeline = await startPipeline({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint } });
  const automatic = freshDevEmail('d005.eml').raw;
  const reviewed = freshDevEmail('d007.eml').raw;

  const auto = await pipeline.deliver(automatic);
  const review = await pipeline.deliver(reviewed);
  await pipeline.waitForView(auto.emailKey, (v) => v.state === 'sent');
  await pipeline.waitForView(review.emailKey, (v) => v.state === 'waiting_review');
  const decision = await fetch(`${pipeline.reviewUrl}/api/emails/${review.emailKey}/decision`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pipeline.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'approve', reviewer: 'alice', decisionId: randomUUID() }),
  });
  expect(decision.status).toBe(200);
  await pipeline.waitForView(review.emailKey, (v) => v.state === 'sent');
  for (const { emailKey } of [auto, review]) await pipeline.client.workflow.getHandle(workflowIdForEmailKey(emailKey)).result();
  // Stopping every process flushes its spans (the workflow's run span ends with the run).
  await pipeline.stop();
  pipeline = null;
  const spans = receiver.spans();

  for (const { emailKey } of [auto, review]) {
    const workflowId = workflowIdForEmailKey(emailKey);
    const run = spans.find((s) => s.name === 'RunWorkflow:emailWorkflow' && s.attributes['temporal.workflow_id'] === workflowId);
    expect(run).toBeDefined();
    const trace = spans.filter((s) => s.traceId === run!.traceId);
    // From the intake's HTTP request, over Kafka, the starter's start, the run and every activity, to the send.
    const byName = (service: string, name: string | RegExp) =>
      trace.filter((s) => s.service === service && (typeof name === 'string' ? s.name === name : name.test(s.name)));
    const intake = byName('replique-intake', 'POST /intake/raw');
    const consumed = byName('replique-starter', /^email\.inbound\.test-\w+ process$/);
    const started = byName('replique-starter', 'StartWorkflow:emailWorkflow');
    const runs = byName('replique-worker', 'RunWorkflow:emailWorkflow');
    const activities = byName('replique-worker', /^RunActivity:/);
    expect([intake.length, consumed.length, started.length, runs.length]).toEqual([1, 1, 1, 1]);
    expect(intake[0]!.parentSpanId).toBeNull();
    // Parent links along the hops: request → Kafka consumer → start → run.
    expect(consumed[0]!.parentSpanId).toBe(intake[0]!.spanId);
    expect(started[0]!.parentSpanId).toBe(consumed[0]!.spanId);
    expect(runs[0]!.parentSpanId).toBe(started[0]!.spanId);
    expect(names(activities)).toEqual(expect.arrayContaining(['replique-worker RunActivity:readEmail', 'replique-worker RunActivity:sendReply']));
    // The email key where it is known; the workflow ID on every Temporal span of the email.
    expect(intake[0]!.attributes['replique.email_key']).toBe(emailKey);
    expect(consumed[0]!.attributes['replique.email_key']).toBe(emailKey);
    for (const span of [...started, ...runs, ...activities]) expect(span.attributes['temporal.workflow_id']).toBe(workflowId);
    // Every span that names this workflow is in this one trace, except the reviewer's decision (its own request) and
    // the queries (read-only; here the test's own untraced client polling the state).
    const decisionTraces = new Set(spans.filter((s) => /^POST \/api\/emails\/:\w+\/decision$/.test(s.name)).map((s) => s.traceId));
    const elsewhere = spans.filter((s) => s.attributes['temporal.workflow_id'] === workflowId && s.traceId !== run!.traceId
      && !decisionTraces.has(s.traceId) && !s.name.startsWith('HandleQuery:'));
    expect(names(elsewhere)).toEqual([]);
  }

  // The decision: the review API's request → the update sent → the workflow's update handler, with the workflow ID.
  const reviewWorkflowId = workflowIdForEmailKey(review.emailKey);
  const request = spans.find((s) => s.service === 'replique-review' && /^POST \/api\/emails\/:\w+\/decision$/.test(s.name));
  expect(request).toBeDefined();
  const decisionTrace = spans.filter((s) => s.traceId === request!.traceId);
  expect(decisionTrace.filter((s) => s.attributes['temporal.workflow_id'] === reviewWorkflowId).map((s) => `${s.service} ${s.name}`))
    .toEqual(expect.arrayContaining(['replique-review StartWorkflowUpdate:decide', 'replique-worker HandleUpdate:decide']));

  // No PII in anything exported: addresses, subjects, names, body text.
  const exported = receiver.bodies().join('\n');
  expect(exported.length).toBeGreaterThan(0);
  for (const raw of [automatic, reviewed]) {
    const from = header(raw, 'From');
    const address = /<([^>]+)>/.exec(from)![1]!;
    expect(exported).not.toContain(address);
    expect(exported).not.toContain(header(raw, 'Subject'));
  }
  for (const piece of ['Hannah', 'Evans', 'teapot', 'Mathis', 'Lef']) expect(exported).not.toContain(piece);
});
