import { DatabaseError } from 'pg';
import { describePgDataError, isDataSqlState, pgDataErrorOf } from './data-errors';
import { failureForDataError, failFastOnDataErrors } from '../../data-error-failures';
import { ApplicationFailure } from '@temporalio/common';

/** A driver error as node-postgres builds it from the server's ErrorResponse. */
function pgError(code: string, fields: Partial<DatabaseError> = {}, message = 'invalid input syntax for type integer: "secret@customer.example"'): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  Object.assign(error, { code, severity: 'ERROR', ...fields });
  return error;
}

describe('Postgres data errors', () => {
  test.each([
    ['22P05', 'untranslatable_character'], // NUL in text/jsonb
    ['22021', 'character_not_in_repertoire'], // invalid byte sequence
    ['22003', 'numeric_value_out_of_range'],
    ['22007', 'invalid_datetime_format'],
    ['22008', 'datetime_field_overflow'],
    ['22001', 'string_data_right_truncation'],
    ['22P02', 'invalid_text_representation'],
    ['2201X', 'data_exception'], // a class-22 code not in the list
    ['23514', 'check_violation'],
    ['23502', 'not_null_violation'],
  ])('%s is refused data (%s)', (code, condition) => {
    expect(isDataSqlState(code)).toBe(true);
    expect(pgDataErrorOf(pgError(code))).toMatchObject({ sqlState: code, condition });
  });

  test.each([
    ['23505', 'unique violation: idempotent writes rely on it'],
    ['23503', 'foreign-key violation: ordering between writers'],
    ['08006', 'connection failure'],
    ['08001', 'cannot connect now'],
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock'],
    ['57P01', 'admin shutdown (server restart)'],
    ['57P03', 'cannot connect now (starting up)'],
    ['53300', 'too many connections'],
    ['XX000', 'internal error'],
  ])('%s is retried (%s)', (code) => {
    expect(isDataSqlState(code)).toBe(false);
    expect(pgDataErrorOf(pgError(code))).toBeNull();
  });

  test('errors that did not come from the server are retried: a lost connection, a timeout, a plain error', () => {
    expect(pgDataErrorOf(new Error('Connection terminated unexpectedly'))).toBeNull();
    expect(pgDataErrorOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }))).toBeNull();
    expect(pgDataErrorOf(Object.assign(new Error('not a driver error'), { code: '22P05' }))).toBeNull();
    expect(pgDataErrorOf('22P05')).toBeNull();
    expect(pgDataErrorOf(undefined)).toBeNull();
  });

  test('a wrapped driver error is found through its causes', () => {
    const wrapped = new Error('saving the case failed', { cause: pgError('22P05', { table: 'emails', column: 'email_case' }) });
    expect(pgDataErrorOf(wrapped)).toMatchObject({ sqlState: '22P05', table: 'emails', column: 'email_case' });
  });

  test('the description names where, never the value', () => {
    const facts = pgDataErrorOf(pgError('23514', { table: 'emails', constraint: 'emails_state_check' }))!;
    expect(describePgDataError(facts)).toBe(
      'Postgres refused the data: SQLSTATE 23514 check_violation (table emails, constraint emails_state_check)',
    );
    expect(describePgDataError(pgDataErrorOf(pgError('22P02'))!)).toBe('Postgres refused the data: SQLSTATE 22P02 invalid_text_representation');
  });
});

describe('activities failing fast on data errors', () => {
  test('a data error becomes a non-retryable PostgresDataError with PII-free details', () => {
    const failure = failureForDataError('readEmail', pgError('22P02', { table: 'emails', column: 'intent' }));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    const app = failure as ApplicationFailure;
    expect(app).toMatchObject({ type: 'PostgresDataError', nonRetryable: true });
    expect(app.message).toBe('readEmail: Postgres refused the data: SQLSTATE 22P02 invalid_text_representation (table emails, column intent)');
    expect(app.details).toEqual([{
      activity: 'readEmail', sqlState: '22P02', condition: 'invalid_text_representation', table: 'emails', column: 'intent',
      constraint: null, dataType: null,
    }]);
    expect(JSON.stringify(app)).not.toContain('secret@customer.example');
    expect(app.cause).toBeUndefined();
  });

  test('any other error is thrown as it was (retried)', () => {
    const lost = new Error('Connection terminated unexpectedly');
    expect(failureForDataError('readEmail', lost)).toBe(lost);
    const restart = pgError('57P01');
    expect(failureForDataError('readEmail', restart)).toBe(restart);
  });

  test('the wrapper converts in the activities it covers, and leaves the retried ones alone', async () => {
    const refused = pgError('22P05');
    const activities = failFastOnDataErrors({
      stage: async (n: number) => { if (n < 0) throw refused; return n * 2; },
      bookkeeping: async () => { throw refused; },
    }, ['bookkeeping']);
    await expect(activities.stage(2)).resolves.toBe(4);
    await expect(activities.stage(-1)).rejects.toMatchObject({ type: 'PostgresDataError', nonRetryable: true });
    await expect(activities.bookkeeping()).rejects.toBe(refused);
  });
});
