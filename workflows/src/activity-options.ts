/** Named timeout and retry presets for the activities emailWorkflow calls. */
import type { ActivityOptions } from '@temporalio/workflow';

/**
 * One pure decision stage over data in Postgres: quick, retried for about ten minutes (a database restart
 * passes), then the email goes to a person.
 */
export const decisionStage: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 15 },
};

/**
 * The draft stage: like a decision stage, but a model call may take its time (a small local model on a busy CPU).
 * The model call's own timeout (worker LLM_TIMEOUT_MS, at most 150 s) falls back to the template inside this budget.
 * The activity heartbeats only while a model call is in flight: a dead worker, or a hang anywhere else, is noticed
 * after the heartbeat timeout, not after the whole budget (the fault suite's worker kills showed 3 minutes lost).
 */
export const drafting: ActivityOptions = {
  startToCloseTimeout: '3 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
};

/** Bookkeeping (state rows, audit, events): must eventually succeed, so it retries for a long time. */
export const bookkeeping: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * Writing a closed email to its customer's memory: worth a few retries (a vector store restart passes), never worth
 * holding the email open; after the last attempt the workflow ends without it.
 */
export const remembering: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 6 },
};

/** SMTP delivery: retried with backoff on temporary failures; a permanent SMTP refusal is not retried. */
export const delivery: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['PermanentSmtpError'],
  },
};

/** Retention batches (retentionWorkflow): each a few thousand rows at most; retried a while, then the next run. */
export const housekeeping: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
};

/** The rollout evaluator (rolloutWorkflow): a few queries and at most one policy save; the next run retries anyway. */
export const rolloutGate: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
};
