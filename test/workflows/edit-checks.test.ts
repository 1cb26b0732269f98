/**
 * A reviewer's edited text is checked before the workflow takes it, by update and by signal alike (the web tool, the
 * API and the `temporal` CLI all come this way): a failed check blocks the edit and says why, nothing is sent; the
 * same edit is sent only when the reviewer overrides every failed check with a reason, and the sent reply says so.
 * On the time-skipping test server, with recording activities (the real check runs in test/review/edit-checks.test.ts).
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { customerFollowUpSignal, decideUpdate, reviewDecisionSignal, stateQuery } from '@replique/workflows/contracts';
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

const WRONG_DATE = { check: 'fact_mismatch', message: 'shipped on 23 November 2026: the order CMD-10700 was shipped on 22 November 2026' };
/** The scripted guardrails: a text saying "23 November" states a wrong shipping date. */
const editChecks = (body: string) => (body.includes('23 November') ? [WRONG_DATE] : []);
const wrongEdit = 'Hello Emily,\nYour order was shipped on 23 November 2026.\nKind regards';
const rightEdit = 'Hello Emily,\nYour order was shipped on 22 November 2026.\nKind regards';

async function waitingEmail(recorder: RecordingActivities, taskQueue: string) {
  const handle = await env.client.workflow.start(emailWorkflow, { taskQueue, workflowId: `t-${randomUUID()}`, args: [input()] });
  await waitForState(handle, 'waiting_review');
  return handle;
}

test('an edit with a wrong fact is blocked with its failed checks; sending anyway needs every check named and a reason', async () => {
  const recorder = new RecordingActivities({ route: 'review', editChecks });
  await withWorker(env, recorder, async (taskQueue) => {
    const handle = await waitingEmail(recorder, taskQueue);
    const blocked = await handle.executeUpdate(decideUpdate, { args: [decision('edit', 'alice', { body: wrongEdit })] });
    expect(blocked).toEqual({ status: 'blocked', state: 'waiting_review', failed: [WRONG_DATE] });
    const view = await handle.query(stateQuery);
    expect(view.state).toBe('waiting_review');
    expect(view.review).toMatchObject({ approvals: [], decisions: [], blockedEdit: { reviewer: 'alice', failed: [WRONG_DATE] } });

    const notCovering = decision('edit', 'alice', { body: wrongEdit, override: { checks: ['offer_not_allowed'], reason: 'agreed by phone' } });
    expect(await handle.executeUpdate(decideUpdate, { args: [notCovering] })).toMatchObject({ status: 'blocked' });
    const noReason = decision('edit', 'alice', { body: wrongEdit, override: { checks: ['fact_mismatch'], reason: '' } });
    await expect(handle.executeUpdate(decideUpdate, { args: [noReason] })).rejects.toThrow(WorkflowUpdateFailedError);
    expect(recorder.sends).toHaveLength(0);

    const override = { checks: ['fact_mismatch'], reason: 'the carrier re-dated the shipment; confirmed by phone' };
    const anyway = decision('edit', 'alice', { body: wrongEdit, override });
    expect(await handle.executeUpdate(decideUpdate, { args: [anyway] })).toMatchObject({ status: 'applied', state: 'sending' });
    expect(await handle.result()).toMatchObject({ state: 'sent', reason: 'edited_over_failed_checks' });
  });
  expect(recorder.sends).toEqual([expect.objectContaining({ mode: 'reviewed', approvedBy: ['alice'], edited: { body: wrongEdit } })]);
  expect(recorder.editChecks.map((c) => c.override)).toEqual([null, { checks: ['offer_not_allowed'], reason: 'agreed by phone' }, expect.objectContaining({ checks: ['fact_mismatch'] })]);
  const recorded = recorder.calls.filter((c) => c.name === 'recordReviewDecision').map((c) => c.input);
  expect(recorded).toEqual([expect.objectContaining({ action: 'edit', reviewer: 'alice', override: expect.objectContaining({ checks: ['fact_mismatch'] }) })]);
});

test('an edit that passes its checks is sent as edited, checked once', async () => {
  const recorder = new RecordingActivities({ route: 'review', editChecks });
  await withWorker(env, recorder, async (taskQueue) => {
    const handle = await waitingEmail(recorder, taskQueue);
    const edit = decision('edit', 'bob', { subject: 'Your order', body: rightEdit });
    expect(await handle.executeUpdate(decideUpdate, { args: [edit] })).toMatchObject({ status: 'applied', state: 'sending' });
    expect(await handle.executeUpdate(decideUpdate, { args: [edit] })).toMatchObject({ status: 'duplicate' });
    expect(await handle.result()).toMatchObject({ state: 'sent', reason: 'edited_and_approved' });
  });
  expect(recorder.editChecks).toEqual([expect.objectContaining({ decisionId: expect.any(String), reviewer: 'bob', edited: { subject: 'Your order', body: rightEdit }, override: null })]);
  expect(recorder.sends).toHaveLength(1);
});

test('by signal too (`temporal workflow signal`): a wrong edit is blocked and shown in the state, nothing is sent', async () => {
  const recorder = new RecordingActivities({ route: 'review', editChecks });
  await withWorker(env, recorder, async (taskQueue) => {
    const handle = await waitingEmail(recorder, taskQueue);
    await handle.signal(reviewDecisionSignal, decision('edit', 'carol', { body: wrongEdit }));
    await eventually(async () => expect((await handle.query(stateQuery)).review?.blockedEdit?.failed).toEqual([WRONG_DATE]));
    expect((await handle.query(stateQuery)).state).toBe('waiting_review');
    expect(recorder.sends).toHaveLength(0);
    await handle.signal(reviewDecisionSignal, decision('edit', 'carol', { body: rightEdit }));
    expect(await handle.result()).toMatchObject({ state: 'sent', reason: 'edited_and_approved' });
  });
  expect(recorder.sends).toEqual([expect.objectContaining({ edited: { body: rightEdit } })]);
});

test('the customer writes again while an edit is being checked: the edit is refused, to be made after reading', async () => {
  const recorder = new RecordingActivities({ route: 'review', editChecks });
  recorder.holdEditCheck = new Hold();
  await withWorker(env, recorder, async (taskQueue) => {
    const handle = await waitingEmail(recorder, taskQueue);
    const edit = handle.executeUpdate(decideUpdate, { args: [decision('edit', 'dan', { body: rightEdit })] });
    await recorder.holdEditCheck!.arrived;
    await handle.signal(customerFollowUpSignal, { emailKey: newEmailKey(), rawId: '2', mailbox: 'support', source: 'test' });
    await eventually(async () => expect((await handle.query(stateQuery)).review?.followUps).toHaveLength(1));
    recorder.holdEditCheck!.release();
    await expect(edit).rejects.toThrow(WorkflowUpdateFailedError);
    expect(recorder.sends).toHaveLength(0);
    expect((await handle.query(stateQuery)).review?.approvals).toEqual([]);
    await handle.terminate('test over');
  });
});
