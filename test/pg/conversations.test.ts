import { setEmailState } from '../../activities/src/adapters/pg/emails';
import {
  findConversationByMessageIdHashes, linkSentMessageId, linkToConversation,
} from '../../activities/src/adapters/pg/conversations';
import { messageIdHash } from '../../activities/src/domain/email-key';
import { migrate, MIGRATIONS_DIR } from '../../activities/src/adapters/pg/migrate';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import type { Queryable } from '../../activities/src/adapters/pg/pool';
import { registerTestEmail, type TestEmail } from './email-fixture';

let db: TestDatabase;
beforeAll(async () => {
  db = await withTestDatabase();
});
afterAll(() => db.close());

let n = 0;
const uniqueId = (): string => `<thread-${Date.now()}-${n++}@test.example>`;

/** Links a test email with the given References (Message-IDs in clear). */
function link(email: TestEmail, references: string[] = [], customerId: string | null = null, pool: Queryable = db.pool) {
  return linkToConversation(pool, {
    emailKey: email.emailKey, messageIdHash: email.messageIdHash, referenceHashes: references.map(messageIdHash), customerId,
  });
}

describe('linkToConversation', () => {
  it('puts a reply in the conversation of the message it answers, and names the open workflow', async () => {
    const rootId = uniqueId();
    const root = await registerTestEmail(db.pool, { messageId: rootId });
    const first = await link(root);
    expect(first.existingWorkflowId).toBeNull();

    await setEmailState(db.pool, root.emailKey, 'waiting_review');
    const reply = await registerTestEmail(db.pool, { headers: { 'In-Reply-To': rootId } });
    const second = await link(reply, [rootId], 'C0001');
    expect(second).toEqual({
      conversationId: first.conversationId, existingWorkflowId: root.workflowId, existingEmailKey: root.emailKey,
    });
    expect(await findConversationByMessageIdHashes(db.pool, [reply.messageIdHash!])).toBe(first.conversationId);

    const { rows } = await db.pool.query(
      'select customer_id, first_email_key, last_email_key from conversations where id = $1', [first.conversationId],
    );
    expect(rows[0]).toEqual({ customer_id: 'C0001', first_email_key: root.emailKey, last_email_key: reply.emailKey });
  });

  it('names the workflow while it has not answered, and no longer once it has', async () => {
    const rootId = uniqueId();
    const root = await registerTestEmail(db.pool, { messageId: rootId });
    await link(root);
    const reply = await registerTestEmail(db.pool);
    await setEmailState(db.pool, root.emailKey, 'analysing');
    expect((await link(reply, [rootId])).existingWorkflowId).toBe(root.workflowId);
    for (const state of ['sending', 'sent', 'send_failed'] as const) {
      await setEmailState(db.pool, root.emailKey, state);
      expect((await link(reply, [rootId])).existingWorkflowId).toBeNull();
    }
  });

  it('is idempotent', async () => {
    const email = await registerTestEmail(db.pool);
    const a = await link(email);
    expect(await link(email)).toEqual(a);
    const { rows } = await db.pool.query(
      'select count(*)::int as n from conversations where first_email_key = $1', [email.emailKey],
    );
    expect(rows[0].n).toBe(1);
  });

  it('joins a message and its reply arriving at the same moment', async () => {
    const rootId = uniqueId();
    const root = await registerTestEmail(db.pool, { messageId: rootId });
    const reply = await registerTestEmail(db.pool);
    const [a, b] = await Promise.all([link(root, [], null, db.newPool()), link(reply, [rootId], null, db.newPool())]);
    expect(a.conversationId).toBe(b.conversationId);
  });

  it('gives an email without Message-ID a conversation of its own', async () => {
    const a = await registerTestEmail(db.pool, { messageId: null });
    const b = await registerTestEmail(db.pool, { messageId: null });
    expect(a.messageIdHash).toBeNull();
    const la = await link(a);
    const lb = await link(b);
    expect(la.conversationId).not.toBe(lb.conversationId);
    expect(await link(a)).toEqual(la);
  });

  it('finds nothing for unknown hashes', async () => {
    expect(await findConversationByMessageIdHashes(db.pool, [])).toBeNull();
    expect(await findConversationByMessageIdHashes(db.pool, [messageIdHash('<nobody@nowhere>')])).toBeNull();
  });
});

describe('linkSentMessageId', () => {
  it('maps the Message-ID of our reply to the conversation of the email it answers, once', async () => {
    const root = await registerTestEmail(db.pool);
    const { conversationId } = await link(root);
    const ours = `<${root.emailKey.slice(0, 32)}.reply@maison-lumen.example>`;
    expect(await linkSentMessageId(db.pool, { emailKey: root.emailKey, messageId: ours })).toBe(conversationId);
    // A resend (same Message-ID, brackets or not) keeps the mapping.
    expect(await linkSentMessageId(db.pool, { emailKey: root.emailKey, messageId: ours.slice(1, -1) })).toBe(conversationId);
    const { rows } = await db.pool.query(
      'select conversation_id, email_key from email_threads where message_id_hash = $1', [messageIdHash(ours)]);
    expect(rows).toEqual([{ conversation_id: conversationId, email_key: null }]);

    // The customer answers naming only our reply: same conversation.
    const answer = await registerTestEmail(db.pool, { headers: { 'In-Reply-To': ours } });
    expect((await link(answer, [ours])).conversationId).toBe(conversationId);
  });

  it('gives an email answered before it was linked a conversation first', async () => {
    const rootId = uniqueId();
    const root = await registerTestEmail(db.pool, { messageId: rootId });
    const ours = uniqueId();
    const conversationId = await linkSentMessageId(db.pool, { emailKey: root.emailKey, messageId: ours });
    expect(conversationId).not.toBeNull();
    expect(await findConversationByMessageIdHashes(db.pool, [messageIdHash(rootId)])).toBe(conversationId);
    expect(await findConversationByMessageIdHashes(db.pool, [messageIdHash(ours)])).toBe(conversationId);
    expect((await link(root)).conversationId).toBe(conversationId);
  });

  it('names no conversation for an unknown email', async () => {
    expect(await linkSentMessageId(db.pool, { emailKey: 'f'.repeat(64), messageId: uniqueId() })).toBeNull();
  });
});

describe('migration 031: replies sent before it', () => {
  it('maps the Message-IDs already in sent_mail to their email\'s conversation', async () => {
    const old = await withTestDatabase({ migrate: false });
    try {
      const migration = readdirSync(MIGRATIONS_DIR).find((f) => f.endsWith('_sent_reply_threads.sql'))!;
      const before = mkdtempSync(path.join(os.tmpdir(), 'replique-migrations-'));
      for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f < migration)) cpSync(path.join(MIGRATIONS_DIR, file), path.join(before, file));
      await migrate(old.pool, { dir: before });
      const root = await registerTestEmail(old.pool);
      // Linked as the starter did then (linkToConversation needs migration 034's function).
      const { rows: [conversation] } = await old.pool.query<{ id: string }>(
        `insert into conversations (thread_key, first_email_key, last_email_key) values ($1, $2, $2) returning id`,
        [`email:${root.emailKey}`, root.emailKey]);
      await old.pool.query('update emails set conversation_id = $1 where email_key = $2', [conversation!.id, root.emailKey]);
      const conversationId = conversation!.id;
      const unlinked = await registerTestEmail(old.pool);
      const ours = `${root.emailKey.slice(0, 32)}.reply@Maison-Lumen.example`;
      await old.pool.query(
        `insert into sent_mail (send_key, email_key, message_id, to_address_hash, status) values ($1, $2, $3, $4, 'accepted'), ($5, $6, $7, $4, 'accepted')`,
        [`${root.emailKey}:reply`, root.emailKey, ours, 'a'.repeat(64), `${unlinked.emailKey}:reply`, unlinked.emailKey, uniqueId()]);
      await migrate(old.pool);
      expect(await findConversationByMessageIdHashes(old.pool, [messageIdHash(`<${ours}>`)])).toBe(conversationId);
      const { rows } = await old.pool.query('select count(*)::int as n from email_threads where email_key is null');
      expect(rows[0].n).toBe(1); // the reply to an email with no conversation is left (nothing to join)
    } finally {
      await old.close();
    }
  });
});
