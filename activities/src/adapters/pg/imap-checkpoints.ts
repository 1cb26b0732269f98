/**
 * How far the IMAP poller has read each mailbox. Saving is monotonic within one UIDVALIDITY (a late or repeated
 * save never moves the checkpoint back); a new UIDVALIDITY replaces it.
 */
import type { Queryable } from './pool';

export interface ImapCheckpoint {
  uidvalidity: number;
  lastUid: number;
}

export async function getCheckpoint(db: Queryable, mailbox: string): Promise<ImapCheckpoint | null> {
  const { rows } = await db.query<ImapCheckpoint>(
    `select uidvalidity::float8 as uidvalidity, last_uid::float8 as "lastUid" from imap_checkpoints where mailbox = $1`,
    [mailbox],
  );
  return rows[0] ?? null;
}

export async function saveCheckpoint(
  db: Queryable, input: { mailbox: string; uidvalidity: number; lastUid: number },
): Promise<void> {
  await db.query(
    `insert into imap_checkpoints (mailbox, uidvalidity, last_uid) values ($1, $2, $3)
     on conflict (mailbox) do update set
       last_uid = case when imap_checkpoints.uidvalidity = excluded.uidvalidity
                       then greatest(imap_checkpoints.last_uid, excluded.last_uid) else excluded.last_uid end,
       uidvalidity = excluded.uidvalidity,
       updated_at = now()`,
    [input.mailbox, input.uidvalidity, input.lastUid],
  );
}
