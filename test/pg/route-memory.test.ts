/**
 * adapters/pg/route-memory.ts on a database of its own: the route's one read answers what the conversation lookup,
 * the auto-reply log and the bounce log answer apart, and a question it was not asked goes to those logs.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { PgAutoReplyLog } from '@replique/activities/adapters/pg/auto-reply-log';
import { bounceAddressHash, markAddressBounced, PgBounceLog } from '@replique/activities/adapters/pg/bounces';
import { linkToConversation } from '@replique/activities/adapters/pg/conversations';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { readRouteMemory } from '@replique/activities/adapters/pg/route-memory';
import { addressHash, messageIdHash } from '@replique/activities/domain/email-key';
import { registerTestEmail } from './email-fixture';
import { withTestDatabase, type TestDatabase } from '../support/pg';

let db: TestDatabase;
beforeAll(async () => { db = await withTestDatabase(); }, 60_000);
afterAll(async () => { await db?.close(); });

/** A Queryable over the test pool that counts its statements. */
function counting(): Queryable & { statements: number } {
  const counter = {
    statements: 0,
    query: ((...args: Parameters<Queryable['query']>) => { counter.statements += 1; return db.pool.query(...args); }) as Queryable['query'],
  };
  return counter as Queryable & { statements: number };
}

/** An email answered automatically an hour ago, from `sender`, in the thread `threadKey`. */
async function answeredAutomatically(sender: string, threadKey: string): Promise<void> {
  const email = await registerTestEmail(db.pool);
  await db.pool.query(
    `update emails set sender_hash = $2, thread_key_hash = $3, email_date = now() - interval '1 hour' where email_key = $1`,
    [email.emailKey, addressHash(sender), messageIdHash(threadKey)],
  );
  await appendAudit(db.pool, { emailKey: email.emailKey, stage: 'send', event: 'accepted', data: { mode: 'automatic' }, auditKey: `${email.emailKey}:send:accepted` });
}

test('one statement answers the conversation, the auto-reply counts and the bounce as the three reads do', async () => {
  const sender = `robot-${randomUUID()}@example.org`;
  const replyTo = `bouncing-${randomUUID()}@example.org`;
  const threadKey = `<${randomUUID()}@example.org>`;
  await answeredAutomatically(sender, threadKey);
  await answeredAutomatically(sender, `<${randomUUID()}@example.org>`);
  await markAddressBounced(db.pool, bounceAddressHash(replyTo), '5.1.1');
  const email = await registerTestEmail(db.pool);
  const { conversationId } = await linkToConversation(db.pool, { emailKey: email.emailKey, messageIdHash: email.messageIdHash, referenceHashes: [], customerId: null });
  const at = new Date().toISOString();

  const logs = { autoReplies: new PgAutoReplyLog(db.pool), bounces: new PgBounceLog(db.pool) };
  const reads = counting();
  const memory = await readRouteMemory(reads, { emailKey: email.emailKey, sender, threadKey, at, replyTo }, logs);
  expect(memory.conversationId).toBe(conversationId);
  expect(await memory.autoReplies.recent(sender, threadKey, at)).toEqual({ sender: 2, thread: 1 });
  expect(await memory.autoReplies.recent(sender, threadKey, at)).toEqual(await logs.autoReplies.recent(sender, threadKey, at));
  expect(await memory.bounces.isHardBouncing(replyTo)).toBe(true);
  expect(reads.statements).toBe(1);

  // Not what was read: asked of the logs it stands for.
  const other = `someone-${randomUUID()}@example.org`;
  expect(await memory.autoReplies.recent(other, null, at)).toEqual({ sender: 0, thread: 0 });
  expect(await memory.bounces.isHardBouncing(sender)).toBe(false);
  expect(await memory.bounces.isHardBouncing(` ${replyTo.toUpperCase()} `)).toBe(true);
});

test('an email without a conversation, a sender or a reply address: nothing found, nothing hard-bouncing', async () => {
  const email = await registerTestEmail(db.pool);
  const memory = await readRouteMemory(db.pool, { emailKey: email.emailKey, sender: null, threadKey: null, at: null, replyTo: null }, {
    autoReplies: new PgAutoReplyLog(db.pool), bounces: new PgBounceLog(db.pool),
  });
  expect(memory.conversationId).toBeNull();
  const delayed = `late-${randomUUID()}@example.org`;
  await markAddressBounced(db.pool, bounceAddressHash(delayed), '4.4.7');
  const later = await readRouteMemory(db.pool, { emailKey: email.emailKey, sender: null, threadKey: null, at: null, replyTo: delayed }, {
    autoReplies: new PgAutoReplyLog(db.pool), bounces: new PgBounceLog(db.pool),
  });
  expect(await later.bounces.isHardBouncing(delayed)).toBe(false);
});
