import { setEmailState } from '../../activities/src/adapters/pg/emails';
import {
  findConversationByMessageIdHashes, linkToConversation,
} from '../../activities/src/adapters/pg/conversations';
import { messageIdHash } from '../../activities/src/domain/email-key';
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
