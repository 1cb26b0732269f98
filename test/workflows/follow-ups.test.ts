/**
 * A customer's follow-up signalled to emailWorkflow (time-skipping test server, recording activities): taken once
 * by a waiting review, escalating when risky, holding an automatic reply, and never lost after the verdict.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  customerFollowUpSignal, decideUpdate, stateQuery, workflowIdForEmailKey, type CustomerFollowUp,
} from '@replique/workflows/contracts';
import { emailWorkflow } from '@replique/workflows/email-workflow';
import {
  decision, eventually, Hold, input, newEmailKey, RecordingActivities, startTestEnvironment, waitForState, withWorker,
} from './workflow-test-kit';

jest.setTimeout(60_000);

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTestEnvironment();
});

afterAll(async () => {
  await env?.teardown();
});

function followUp(): CustomerFollowUp {
  return { emailKey: newEmailKey(), rawId: '2', mailbox: 'support', source: 'test' };
}

async function start(taskQueue: string) {
  const args = input();
  return env.client.workflow.start(emailWorkflow, { taskQueue, workflowId: workflowIdForEmailKey(args.emailKey), args: [args] });
}

test('while a review waits: the follow-up delivered five times is read once, resets the approvals, and is shown', async () => {
  const recorder = new RecordingActivities({ route: 'review', approvalsRequired: 2 });
  const reply = followUp();
  await withWorker(env, recorder, async (taskQueue) => {
    const handle = await start(taskQueue);
    await waitForState(handle, 'waiting_review');
    await handle.executeUpdate(decideUpdate, { args: [decision('approve', 'alice')] });
    for (let i = 0; i < 5; i++) await handle.signal(customerFollowUpSignal, reply);
    await eventually(async () => {
      expect((await handle.query(stateQuery)).review).toMatchObject({
        approvals: [],
        followUps: [{ emailKey: reply.emailKey, status: 'read', route: 'review', intent: 'order_status', reasons: ['scripted_follow_up'] }],
      });
    });
    await handle.executeUpdate(decideUpdate, { args: [decision('approve', 'alice')] });
    expect(recorder.sends).toHaveLength(0);
    await handle.executeUpdate(decideUpdate, { args: [decision('approve', 'bob')] });
    expect(await handle.result()).toMatchObject({ state: 'sent', reason: 'approved' });
    await expect(env.client.workflow.getHandle(workflowIdForEmailKey(reply.emailKey)).describe()).rejects.toThrow(WorkflowNotFoundError);
  });
  expect(recorder.followUpReads).toEqual([
    expect.objectContaining({ followUp: { emailKey: reply.emailKey, rawId: reply.rawId } }),
  ]);
  expect(recorder.sends).toEqual([expect.objectContaining({ mode: 'reviewed', approvedBy: ['alice', 'bob'] })]);
});

test('a follow-up that alone would be escalated (a legal threat) escalates the waiting email', async () => {
  const recorder = new RecordingActivities({
    route: 'review', followUp: { route: 'escalate', intent: 'legal_threat', reasons: ['escalation_keyword'] },
  });
  await withWorker(env, recorder, async (taskQueue) => {
    const handle = await start(taskQueue);
    await waitForState(handle, 'waiting_review');
    await handle.signal(customerFollowUpSignal, followUp());
    await waitForState(handle, 'escalated');
    expect(await handle.query(stateQuery)).toMatchObject({ stateReason: 'customer_follow_up', review: { followUps: [{ intent: 'legal_threat' }] } });
    await handle.executeUpdate(decideUpdate, { args: [decision('reject', 'senior', { note: 'legal team answers' })] });
    expect(await handle.result()).toMatchObject({ state: 'rejected' });
  });
  expect(recorder.states).toEqual(['analysing', 'waiting_review', 'escalated', 'rejected']);
  expect(recorder.sends).toHaveLength(0);
});

test('a follow-up during the analysis turns an automatic reply into a review of both', async () => {
  const recorder = new RecordingActivities({ route: 'auto' });
  recorder.holdRoute = new Hold();
  await withWorker(env, recorder, async (taskQueue) => {
    const handle = await start(taskQueue);
    await recorder.holdRoute!.arrived;
    await handle.signal(customerFollowUpSignal, followUp());
    recorder.holdRoute!.release();
    await waitForState(handle, 'waiting_review');
    const view = await handle.query(stateQuery);
    expect(view).toMatchObject({ route: 'review', stateReason: 'customer_follow_up', review: { followUps: [{ status: 'read' }] } });
    expect(view.routeReasons).toEqual(['scripted_auto', 'customer_follow_up']);
    expect(recorder.sends).toHaveLength(0);
    await handle.executeUpdate(decideUpdate, { args: [decision('approve', 'alice')] });
    expect(await handle.result()).toMatchObject({ state: 'sent', route: 'review' });
  });
  expect(recorder.sends).toEqual([expect.objectContaining({ mode: 'reviewed' })]);
});

test('a follow-up after the verdict, while the reply is being sent, gets a workflow of its own', async () => {
  const reply = followUp();
  const recorder = new RecordingActivities({ route: 'review', routeOf: { [reply.emailKey]: 'auto' } });
  recorder.holdSend = new Hold();
  await withWorker(env, recorder, async (taskQueue) => {
    const handle = await start(taskQueue);
    await waitForState(handle, 'waiting_review');
    await handle.executeUpdate(decideUpdate, { args: [decision('approve', 'alice')] });
    await recorder.holdSend!.arrived;
    await handle.signal(customerFollowUpSignal, reply);
    await handle.signal(customerFollowUpSignal, reply);
    recorder.holdSend!.release();
    expect(await handle.result()).toMatchObject({ state: 'sent', reason: 'approved' });
    expect((await handle.query(stateQuery)).review?.followUps).toBeUndefined();
    const own = env.client.workflow.getHandle(workflowIdForEmailKey(reply.emailKey));
    expect(await own.result()).toMatchObject({ state: 'sent', route: 'auto' });
  });
  expect(recorder.followUpReads).toHaveLength(0);
  expect(recorder.sends.map((s) => s.mode)).toEqual(['reviewed', 'automatic']);
});
