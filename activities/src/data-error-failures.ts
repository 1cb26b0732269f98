/**
 * Postgres refusing an activity's data is not worth retrying: the same input meets the same refusal on every
 * attempt, and the email would wait forever in its state. Such an error (adapters/pg/data-errors.ts) leaves the
 * activity as a non-retryable ApplicationFailure of type `PostgresDataError`, whose message and details name the
 * SQLSTATE and where it happened, never the value; the workflow then ends the email in a known state (see
 * workflows/src/email-workflow.ts). Every other error is thrown as it was, so connection losses, restarts and
 * serialization conflicts keep being retried.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { describePgDataError, pgDataErrorOf } from './adapters/pg/data-errors';
import type { PostgresDataErrorDetails, PostgresDataErrorType } from './activity-contracts';
import { createLogger } from './logger';

const log = createLogger('activities.data-errors');

export const POSTGRES_DATA_ERROR: PostgresDataErrorType = 'PostgresDataError';

/** The error an activity throws instead of `error`, when `error` is a Postgres data error; otherwise `error` itself. */
export function failureForDataError(activity: string, error: unknown): unknown {
  const facts = pgDataErrorOf(error);
  if (!facts) return error;
  const details: PostgresDataErrorDetails = { activity, ...facts };
  log.warn(details, 'Postgres refused the data: not retried, the workflow ends the email in a known state');
  return ApplicationFailure.create({
    type: POSTGRES_DATA_ERROR,
    message: `${activity}: ${describePgDataError(facts)}`,
    nonRetryable: true,
    details: [details],
  });
}

type AnyActivity = (...args: never[]) => Promise<unknown>;

/**
 * The same activities, each turning a Postgres data error into a non-retryable `PostgresDataError`, except the ones
 * named in `retried`: bookkeeping the workflow cannot do without (its inputs are the workflow's own codes, so a
 * refusal there is a bug or a missing migration, which a deploy fixes while the retries wait).
 */
export function failFastOnDataErrors<T extends { [K in keyof T]: AnyActivity }>(
  activities: T, retried: readonly (keyof T)[],
): T {
  const wrapped = { ...activities };
  for (const name of Object.keys(activities) as (keyof T & string)[]) {
    if (retried.includes(name)) continue;
    const activity = activities[name];
    wrapped[name] = (async (...args: Parameters<typeof activity>) => {
      try {
        return await activity(...args);
      } catch (error) {
        throw failureForDataError(name, error);
      }
    }) as T[typeof name];
  }
  return wrapped;
}
