/**
 * What a quarantine reason means, for the person reading the quarantine page. The reasons come from the mail
 * quarantine rule (activities/src/mail/quarantine.ts), the workflow (`read_failed`: reading failed after its
 * retries) and Postgres refusing the email's data (`data_rejected:<SQLSTATE>`, activities/src/data-error-failures.ts).
 */
import { QUARANTINE_REASONS, type QuarantineReason } from '@replique/activities/mail/quarantine';
import { sqlStateCondition } from '@replique/activities/adapters/pg/data-errors';

const MAIL_REASONS: Record<QuarantineReason, string> = {
  empty_input: 'Empty or blank input: there is nothing to read.',
  too_large: 'Larger than 64 MB: not parsed.',
  binary_content: 'Binary bytes where mail headers are expected (a file, not an email).',
  no_headers: 'Does not start with mail headers (a file or a bare text, not an email).',
  mime_parse_failed: 'The MIME parser gave up on it.',
};

export function explainQuarantine(reason: string | null): string {
  if (reason && (QUARANTINE_REASONS as readonly string[]).includes(reason)) return MAIL_REASONS[reason as QuarantineReason];
  const sqlState = /^data_rejected:([0-9A-Z]{5})$/.exec(reason ?? '')?.[1];
  if (sqlState) {
    return `Postgres refused its data (SQLSTATE ${sqlState}, ${sqlStateCondition(sqlState)}): a defect of the software or`
      + ' the schema, not of the customer. Fix it, then run the email again (docs/operations.md, Stuck workflow).';
  }
  if (reason === 'read_failed') return 'Reading failed after its retries (a dependency was down for long?): run it again once it is back.';
  return 'Quarantined (no known reason).';
}
