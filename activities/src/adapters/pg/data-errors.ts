/**
 * Which Postgres errors say "this data is refused" (retrying the same input gives the same answer), as opposed to
 * "try again later" (connection lost, server restarting, serialization conflict, deadlock) or "already done" (a
 * unique violation some idempotent writes rely on).
 *
 * Data errors, by SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html):
 * - class 22, data exception: 22P05 untranslatable character and 22021 bad byte sequence (a NUL, invalid UTF-8),
 *   22003 numeric out of range, 22007/22008 invalid or overflowing datetime, 22001 string too long, 22P02 invalid
 *   text representation, ...;
 * - 23502 not-null violation and 23514 check violation.
 * Everything else is not one: 23505 unique and 23503 foreign-key violations (idempotency, ordering between
 * writers), class 08 (connection), 40 (serialization failure, deadlock), 53 (resources), 57 (operator
 * intervention: 57P01 admin shutdown), XX (internal), and any error that did not come from the server at all.
 *
 * The facts kept are PII-free: the SQLSTATE, its name, and where Postgres says it happened (table, column,
 * constraint, type). Never the server's message nor its detail: they may quote the refused value.
 */
import { DatabaseError } from 'pg';

export interface PgDataErrorFacts {
  sqlState: string;
  /** The condition name of the SQLSTATE (`check_violation`), or `data_exception` for a class-22 code not listed. */
  condition: string;
  table: string | null;
  column: string | null;
  constraint: string | null;
  dataType: string | null;
}

const CONDITIONS: Record<string, string> = {
  '22000': 'data_exception',
  '22001': 'string_data_right_truncation',
  '22003': 'numeric_value_out_of_range',
  '22004': 'null_value_not_allowed',
  '22007': 'invalid_datetime_format',
  '22008': 'datetime_field_overflow',
  '22012': 'division_by_zero',
  '22021': 'character_not_in_repertoire',
  '22023': 'invalid_parameter_value',
  '22026': 'string_data_length_mismatch',
  '22P02': 'invalid_text_representation',
  '22P05': 'untranslatable_character',
  '2200N': 'invalid_xml_content',
  '22030': 'duplicate_json_object_key_value',
  '22032': 'invalid_json_text',
  '23502': 'not_null_violation',
  '23514': 'check_violation',
};

/** The condition name of a data-error SQLSTATE (`22P05` → `untranslatable_character`), for people reading a reason. */
export function sqlStateCondition(sqlState: string): string {
  return CONDITIONS[sqlState] ?? (sqlState.startsWith('22') ? 'data_exception' : 'unknown');
}

/** True for the SQLSTATEs above: the server refuses this data, and will refuse it again. */
export function isDataSqlState(sqlState: string): boolean {
  return sqlState.startsWith('22') || sqlState === '23502' || sqlState === '23514';
}

/**
 * The facts of a Postgres data error in `error` or its causes (a repository may wrap the driver's error), or null
 * when it is not one (then the caller lets the error be retried as before).
 */
export function pgDataErrorOf(error: unknown): PgDataErrorFacts | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (!(e instanceof DatabaseError) || typeof e.code !== 'string') continue;
    if (!isDataSqlState(e.code)) return null;
    return {
      sqlState: e.code,
      condition: sqlStateCondition(e.code),
      table: e.table ?? null,
      column: e.column ?? null,
      constraint: e.constraint ?? null,
      dataType: e.dataType ?? null,
    };
  }
  return null;
}

/** One line for logs and failure messages: no value, only where and why. */
export function describePgDataError(facts: PgDataErrorFacts): string {
  const where = [
    facts.table && `table ${facts.table}`,
    facts.column && `column ${facts.column}`,
    facts.constraint && `constraint ${facts.constraint}`,
    facts.dataType && `type ${facts.dataType}`,
  ].filter(Boolean).join(', ');
  return `Postgres refused the data: SQLSTATE ${facts.sqlState} ${facts.condition}${where ? ` (${where})` : ''}`;
}
