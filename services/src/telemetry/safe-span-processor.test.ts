import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { Resource } from '@opentelemetry/resources';
import { SafeSpanProcessor, safeAttributes } from './safe-span-processor';

test('keeps the Temporal identifiers (also as temporal.*) and our own keys; drops everything else', () => {
  expect(safeAttributes({
    temporalWorkflowId: 'email-0123', run_id: 'r1', temporalActivityId: '7',
    workflowId: 'email-0123', workflowType: 'emailWorkflow', taskQueue: 'replique-email', attempt: 1,
    'replique.email_key': 'ab'.repeat(32), 'http.route': '/intake/raw', 'messaging.destination.name': 'email.inbound',
    memo: { subject: 'Où est ma commande ?' }, searchAttributes: { Route: ['auto'] }, subject: 'Où est ma commande ?',
    from: 'jean.dupont@example.fr', temporalTerminateReason: 'asked by jean.dupont@example.fr', unsafe: () => 1,
  })).toEqual({
    'temporal.workflow_id': 'email-0123', 'temporal.run_id': 'r1', 'temporal.activity_id': '7',
    'temporal.workflow_type': 'emailWorkflow', 'temporal.task_queue': 'replique-email', 'temporal.attempt': 1,
    'replique.email_key': 'ab'.repeat(32), 'http.route': '/intake/raw', 'messaging.destination.name': 'email.inbound',
  });
});

test('masks addresses in status and exception messages; the exported span is otherwise the same', () => {
  const exporter = new InMemorySpanExporter();
  const processor = new SafeSpanProcessor(new SimpleSpanProcessor(exporter));
  const span = {
    name: 'RunActivity:sendReply',
    resource: new Resource({ 'service.name': 'replique-worker' }),
    attributes: { temporalWorkflowId: 'email-1', subject: 'secret' },
    status: { code: 2, message: 'refused: jean.dupont@example.fr bounced' },
    events: [{ name: 'exception', time: [0, 0], attributes: { 'exception.message': 'to jean.dupont@example.fr', 'exception.type': 'Error' } }],
    spanContext: () => ({ traceId: '1'.repeat(32), spanId: '2'.repeat(16), traceFlags: 1 }),
  } as unknown as ReadableSpan;
  processor.onEnd(span);
  const [out] = exporter.getFinishedSpans();
  expect(out!.name).toBe('RunActivity:sendReply');
  expect(out!.spanContext().spanId).toBe('2'.repeat(16));
  expect(out!.attributes).toEqual({ 'temporal.workflow_id': 'email-1' });
  expect(JSON.stringify([out!.status, out!.events])).not.toContain('jean.dupont@example.fr');
  expect(out!.status.message).toMatch(/^refused: \[email:[0-9a-f]{8}\] bounced$/);
});
