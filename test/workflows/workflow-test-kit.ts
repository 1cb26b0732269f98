/**
 * What the workflow tests share: the time-skipping test server, a worker over recording activities that return
 * scripted verdicts (so each path of the workflow is driven on purpose), and small waiting helpers.
 */
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, Runtime, DefaultLogger } from '@temporalio/worker';
import type { EditCheckRequest, EmailActivities, FollowUpRef, FollowUpSummary, RouteSummary, SendRequest } from '@replique/activities/activity-contracts';
import { judgeEdit } from '@replique/activities/reply/check-edit';
import { stateQuery, type EmailWorkflowInput, type FailedCheck, type ReviewDecision } from '@replique/workflows/contracts';
import { temporalTestServerPath } from '../support/paths';
import { registerSearchAttributes } from '../support/search-attributes';
import { workflowBundle } from '../support/workflow-bundle';

export interface Script {
  quarantine?: string;
  route: RouteSummary['route'];
  approvalsRequired?: number;
  /** The route of particular emails (by key), e.g. a follow-up started as a workflow of its own. */
  routeOf?: Record<string, RouteSummary['route']>;
  /** What reading a follow-up says about it. */
  followUp?: FollowUpSummary;
  /** What the guardrails find in an edited text (none by default); the override is judged as the activity does. */
  editChecks?: (body: string) => FailedCheck[];
  /** The send activity holds automatic replies (the kill switch is on). */
  killSwitch?: boolean;
}

/** A gate an activity waits at until the test opens it. */
export class Hold {
  private opened!: () => void;
  private arrivedAt!: () => void;
  readonly open = new Promise<void>((resolve) => (this.opened = resolve));
  readonly arrived = new Promise<void>((resolve) => (this.arrivedAt = resolve));
  async pass(): Promise<void> {
    this.arrivedAt();
    await this.open;
  }
  release(): void {
    this.opened();
  }
}

export class RecordingActivities {
  readonly calls: { name: string; input: unknown }[] = [];
  readonly sends: SendRequest[] = [];
  readonly states: string[] = [];
  readonly followUpReads: FollowUpRef[] = [];
  readonly editChecks: EditCheckRequest[] = [];
  /** When set, routeEmail / sendReply wait at it. */
  holdRoute: Hold | null = null;
  holdSend: Hold | null = null;
  holdEditCheck: Hold | null = null;
  constructor(private readonly script: Script) {}

  activities(): EmailActivities {
    const record = (name: string, input: unknown) => this.calls.push({ name, input });
    const stage = (name: string) => async (input: unknown) => (record(name, input), { stage: name, notes: [] });
    const routeOf = (emailKey: string) => this.script.routeOf?.[emailKey] ?? this.script.route;
    return {
      readEmail: async (input) => {
        record('readEmail', input);
        return this.script.quarantine
          ? { status: 'quarantined', reason: this.script.quarantine }
          : { status: 'read', machine: routeOf(input.emailKey) === 'suppress', machineReasons: [] };
      },
      enrichEmail: stage('enrichEmail'),
      classifyEmail: stage('classifyEmail'),
      retrieveContext: stage('retrieveContext'),
      draftReply: stage('draftReply'),
      checkDraft: stage('checkDraft'),
      routeEmail: async (input) => {
        record('routeEmail', input);
        await this.holdRoute?.pass();
        const route = routeOf(input.emailKey);
        return {
          route,
          reasons: [`scripted_${route}`],
          confidence: 0.9,
          approvalsRequired: this.script.approvalsRequired ?? 1,
          intent: 'order_status',
          hasDraft: route !== 'suppress',
        };
      },
      recordState: async (input) => {
        this.states.push(input.state);
      },
      recordReviewDecision: async (input) => void record('recordReviewDecision', input),
      remindReviewers: async (input) => void record('remindReviewers', input),
      sendReply: async (input) => {
        await this.holdSend?.pass();
        if (this.script.killSwitch && input.mode === 'automatic') return { held: 'automation_paused' as const };
        this.sends.push(input);
        return { messageId: `<${input.emailKey}.reply@test>`, sentNow: true };
      },
      readFollowUp: async (input) => {
        this.followUpReads.push(input);
        return this.script.followUp ?? { route: 'review', intent: 'order_status', reasons: ['scripted_follow_up'] };
      },
      rememberEmail: async (input) => (record('rememberEmail', input), { remembered: 0 }),
      checkEditedReply: async (input) => {
        this.editChecks.push(input);
        await this.holdEditCheck?.pass();
        const details = this.script.editChecks?.(input.edited.body) ?? [];
        const fired = [...new Set(details.map((d) => d.check))];
        return judgeEdit({ passed: fired.length === 0, fired, details }, input.override);
      },
    };
  }
}

export async function startTestEnvironment(): Promise<TestWorkflowEnvironment> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  await registerSearchAttributes(env.connection);
  return env;
}

export async function withWorker<T>(
  env: TestWorkflowEnvironment, recorder: RecordingActivities, fn: (taskQueue: string) => Promise<T>,
): Promise<T> {
  const taskQueue = `wf-test-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: recorder.activities(),
  });
  return worker.runUntil(fn(taskQueue));
}

/** A fresh email key (64 hex characters, like a real one). */
export function newEmailKey(): string {
  return (randomUUID() + randomUUID()).replace(/-/g, '');
}

export function input(): EmailWorkflowInput {
  return { emailKey: newEmailKey(), rawId: '1', mailbox: 'support', source: 'test' };
}

export function decision(action: ReviewDecision['action'], reviewer: string, extra: Partial<ReviewDecision> = {}): ReviewDecision {
  return { decisionId: randomUUID(), action, reviewer, ...extra };
}

export async function waitForState(
  handle: { query: (q: typeof stateQuery) => Promise<{ state: string }> },
  state: string,
): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await handle.query(stateQuery)).state === state) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`workflow never reached ${state}`);
}

export async function eventually(check: () => void | Promise<void>): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return await check();
    } catch (error) {
      if (i >= 100) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
