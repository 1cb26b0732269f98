/**
 * emailWorkflow's orchestration on the time-skipping Temporal test server: routes, review decisions as updates and
 * signals, double approval, SLA reminder and escalation. The activities here are recorders returning chosen verdicts,
 * so each path of the workflow is driven on purpose; the real activities run end to end in test/e2e.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { decideUpdate, reviewDecisionSignal, stateQuery } from '@replique/workflows/contracts';
import { emailWorkflow } from '@replique/workflows/email-workflow';
import {
  decision, eventually, input, RecordingActivities, startTestEnvironment, waitForState, withWorker as withWorkerIn,
} from './workflow-test-kit';

jest.setTimeout(60_000);

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTestEnvironment();
});

afterAll(async () => {
  await env?.teardown();
});

const withWorker = <T>(recorder: RecordingActivities, fn: (taskQueue: string) => Promise<T>) => withWorkerIn(env, recorder, fn);

test('auto: every stage runs in order, then exactly one automatic reply', async () => {
  const recorder = new RecordingActivities({ route: 'auto' });
  const result = await withWorker(recorder, (taskQueue) =>
    env.client.workflow.execute(emailWorkflow, { taskQueue, workflowId: `t-${randomUUID()}`, args: [input()] }),
  );
  expect(result).toMatchObject({ state: 'sent', route: 'auto', reason: 'automatic' });
  expect(recorder.calls.map((c) => c.name)).toEqual([
    'readEmail', 'enrichEmail', 'classifyEmail', 'retrieveContext', 'draftReply', 'checkDraft', 'routeEmail', 'rememberEmail',
  ]);
  // the closed email goes to its customer's memory, after the send is recorded
  expect(recorder.calls.at(-1)?.input).toMatchObject({ state: 'sent' });
  expect(recorder.sends).toHaveLength(1);
  expect(recorder.sends[0]).toMatchObject({ mode: 'automatic', edited: null });
  expect(recorder.states).toEqual(['analysing', 'sending', 'sent']);
});

test('suppress: machine mail is recorded and never answered', async () => {
  const recorder = new RecordingActivities({ route: 'suppress' });
  const result = await withWorker(recorder, (taskQueue) =>
    env.client.workflow.execute(emailWorkflow, { taskQueue, workflowId: `t-${randomUUID()}`, args: [input()] }),
  );
  expect(result).toMatchObject({ state: 'suppressed', route: 'suppress' });
  expect(recorder.sends).toHaveLength(0);
  expect(recorder.calls.map((c) => c.name)).not.toContain('rememberEmail'); // machine mail leaves no memory
});

test('quarantine: unreadable input stops after reading, with its reason', async () => {
  const recorder = new RecordingActivities({ route: 'auto', quarantine: 'not_an_email' });
  const result = await withWorker(recorder, (taskQueue) =>
    env.client.workflow.execute(emailWorkflow, { taskQueue, workflowId: `t-${randomUUID()}`, args: [input()] }),
  );
  expect(result).toEqual({ state: 'quarantined', route: null, reason: 'not_an_email', sentMessageId: null });
  expect(recorder.calls.map((c) => c.name)).toEqual(['readEmail']);
  expect(recorder.sends).toHaveLength(0);
});

test('kill switch: an automatic reply the send activity holds goes to review, and is sent once when approved', async () => {
  const recorder = new RecordingActivities({ route: 'auto', killSwitch: true });
  await withWorker(recorder, async (taskQueue) => {
    const handle = await env.client.workflow.start(emailWorkflow, { taskQueue, workflowId: `t-${randomUUID()}`, args: [input()] });
    await waitForState(handle, 'waiting_review');
    expect(await handle.query(stateQuery)).toMatchObject({ route: 'review', stateReason: 'automation_paused', routeReasons: ['scripted_auto', 'automation_paused'] });
    expect(recorder.sends).toHaveLength(0);
    await handle.executeUpdate(decideUpdate, { args: [decision('approve', 'alice')] });
    expect(await handle.result()).toMatchObject({ state: 'sent', route: 'review', reason: 'approved' });
  });
  expect(recorder.sends).toEqual([expect.objectContaining({ mode: 'reviewed', approvedBy: ['alice'] })]);
  expect(recorder.states).toEqual(['analysing', 'sending', 'waiting_review', 'sending', 'sent']);
});

test('review: waits for a reviewer; an edit is sent as edited, once', async () => {
  const recorder = new RecordingActivities({ route: 'review' });
  await withWorker(recorder, async (taskQueue) => {
    const handle = await env.client.workflow.start(emailWorkflow, {
      taskQueue,
      workflowId: `t-${randomUUID()}`,
      args: [input()],
    });
    await waitForState(handle, 'waiting_review');
    expect(recorder.sends).toHaveLength(0);
    const edit = decision('edit', 'alice', { body: 'Bonjour, votre colis arrive demain.' });
    const outcome = await handle.executeUpdate(decideUpdate, { args: [edit] });
    expect(outcome).toMatchObject({ status: 'applied', state: 'sending' });
    expect(await handle.result()).toMatchObject({ state: 'sent', reason: 'edited_and_approved' });
  });
  expect(recorder.sends).toEqual([
    expect.objectContaining({ mode: 'reviewed', approvedBy: ['alice'], edited: { body: 'Bonjour, votre colis arrive demain.' } }),
  ]);
  expect(recorder.calls.filter((c) => c.name === 'recordReviewDecision')).toHaveLength(1);
});

test('double approval: one reviewer is not enough, the same reviewer twice is refused, a second one sends', async () => {
  const recorder = new RecordingActivities({ route: 'review', approvalsRequired: 2 });
  await withWorker(recorder, async (taskQueue) => {
    const handle = await env.client.workflow.start(emailWorkflow, { taskQueue, workflowId: `t-${randomUUID()}`, args: [input()] });
    await waitForState(handle, 'waiting_review');
    await handle.executeUpdate(decideUpdate, { args: [decision('approve', 'alice')] });
    await expect(handle.executeUpdate(decideUpdate, { args: [decision('approve', 'alice')] })).rejects.toThrow(
      WorkflowUpdateFailedError,
    );
    expect((await handle.query(stateQuery)).state).toBe('waiting_review');
    expect(recorder.sends).toHaveLength(0);
    await handle.executeUpdate(decideUpdate, { args: [decision('approve', 'bob')] });
    await handle.result();
  });
  expect(recorder.sends).toHaveLength(1);
  expect(recorder.sends[0]).toMatchObject({ approvedBy: ['alice', 'bob'] });
});

test('signal path (as the temporal CLI sends it): reject ends the email without a reply', async () => {
  const recorder = new RecordingActivities({ route: 'escalate' });
  await withWorker(recorder, async (taskQueue) => {
    const handle = await env.client.workflow.start(emailWorkflow, { taskQueue, workflowId: `t-${randomUUID()}`, args: [input()] });
    await waitForState(handle, 'escalated');
    await handle.signal(reviewDecisionSignal, decision('reject', 'carol', { note: 'handled by phone' }));
    expect(await handle.result()).toMatchObject({ state: 'rejected' });
  });
  expect(recorder.sends).toHaveLength(0);
});

test('SLA: a review left alone is reminded, then escalated to level 2, and can still be approved', async () => {
  const recorder = new RecordingActivities({ route: 'review' });
  await withWorker(recorder, async (taskQueue) => {
    const handle = await env.client.workflow.start(emailWorkflow, {
      taskQueue,
      workflowId: `t-${randomUUID()}`,
      args: [{ ...input(), sla: { remindAfter: '1h', escalateAfter: '4h' } }],
    });
    await waitForState(handle, 'waiting_review');
    await env.sleep('2h');
    await eventually(() => expect(recorder.calls.filter((c) => c.name === 'remindReviewers')).toHaveLength(1));
    expect((await handle.query(stateQuery)).state).toBe('waiting_review');
    await env.sleep('3h');
    await waitForState(handle, 'escalated');
    const view = await handle.query(stateQuery);
    expect(view).toMatchObject({ state: 'escalated', stateReason: 'review_sla_expired' });
    expect(view.review?.slaEscalated).toBe(true);
    await handle.executeUpdate(decideUpdate, { args: [decision('approve', 'senior')] });
    expect(await handle.result()).toMatchObject({ state: 'sent' });
  });
  expect(recorder.states).toEqual(['analysing', 'waiting_review', 'escalated', 'sending', 'sent']);
});
