/**
 * Emails whose workflow should have moved on: still `received` or `processing` (the pipeline's own stages, no
 * person involved) after `minutes`. Waiting for a reviewer is not stuck: the review SLA watches that.
 */
import type { Pool } from '@replique/activities/adapters/pg/pool';

export async function countStuckEmails(db: Pool, minutes: number): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `select count(*) as n from emails
      where state in ('received', 'processing') and updated_at < now() - make_interval(mins => $1)`,
    [minutes],
  );
  return Number(rows[0]!.n);
}
