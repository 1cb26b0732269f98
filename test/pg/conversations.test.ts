import { setEmailState } from '../../activities/src/adapters/pg/emails';
import {
  findConversationByMessageIdHashes, linkToConversation,
} from '../../activities/src/adapters/pg/conversations';
import { messageIdHash } from '../../activities/src/domain/email-key';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { registerTestEmail } from './email-fixture';

let db: TestDatabase;
beforeAll(async () => {
  db = await withTestDatabase();
});
afterAll(() => db.close());

let n = 0;
const uniqueId = (): string => `<thread-${Date.now()}-${n++}@test.example>`;

describe('linkToConversation', () => {
  it('puts a reply in the conversation of the message it answers, and names the open workflow', async () => {
    const rootId = uniqueId();
    const root = await registerTestEmail(db.pool, { messageId: rootId });
    const first = await linkToConversation(db.pool, {
      emailKey: root.emailKey, messageIdHash: root.messageIdHash, referenceHashes: [], customerId: null,
    });
    expect(first.existingWorkflowId).toBeNull();

    await setEmailState(db.pool, root.emailKey, 'waiting_review');
    const reply = await registerTestEmail(db.pool, { headers: { 'In-Reply-To': rootId } });
    const second = await linkToConversation(db.pool, {
      emailKey: reply.emailKey, messageIdHash: reply.messageIdHash, referenceHashes: [messageIdHash(rootId)],
      customerId: 'C0001',
    });
    expect(second).toEqual({ conversationId: first.conversationId, existingWorkflowId: root.workflowId });
    expect(await findConversationByMessageIdHashes(db.pool, [reply.messageIdHash!])).toBe(first.conversationId);

    const { rows } = await db.pool.query(
      'select customer_id, first_email_key, last_email_key from conversations where id = $1', [first.conversationId],
    );
    expect(rows[0]).toEqual({ customer_id: 'C0001', first_email_key: root.emailKey, last_email_key: reply.emailKey });
  });

  it('does not name a workflow that is finished', async () => {
    const rootId = uniqueId();
    const root = await registerTestEmail(db.pool, { messageId: rootId });
    await linkToConversation(db.pool, { emailKey: root.emailKey, messageIdHash: root.messageIdHash, referenceHashes: [], customerId: null });
    await setEmailState(db.pool, root.emailKey, 'sent');
    const reply = await registerTestEmail(db.pool);
    const link = await linkToConversation(db.pool, {
      emailKey: reply.emailKey, messageIdHash: reply.messageIdHash, referenceHashes: [messageIdHash(rootId)], customerId: null,
    });
    expect(link.existingWorkflowId).toBeNull();
  });

  it('is idempotent', async () => {
    const email = await registerTestEmail(db.pool);
    const input = { emailKey: email.emailKey, messageIdHash: email.messageIdHash, referenceHashes: [], customerId: null };
    const a = await linkToConversation(db.pool, input);
    const b = await linkToConversation(db.pool, input);
    expect(b).toEqual(a);
    const { rows } = await db.pool.query('select count(*)::int as n from conversations where first_email_key = $1', [email.emailKey]);
    expect(rows[0].n).toBe(1);
  });

  it('joins a message and its reply arriving at the same moment', async () => {
    const rootId = uniqueId();
    const root = await registerTestEmail(db.pool, { messageId: rootId });
    const reply = await registerTestEmail(db.pool);
    const [a, b] = await Promise.all([
      linkToConversation(db.newPool(), { emailKey: root.emailKey, messageIdHash: root.messageIdHash, referenceHashes: [], customerId: null }),
      linkToConversation(db.newPool(), {
        emailKey: reply.emailKey, messageIdHash: reply.messageIdHash, referenceHashes: [messageIdHash(rootId)], customerId: null,
      }),
    ]);
    expect(a.conversationId).toBe(b.conversationId);
  });

  it('gives an email without Message-ID a conversation of its own', async () => {
    const a = await registerTestEmail(db.pool, { messageId: null });
    const b = await registerTestEmail(db.pool, { messageId: null });
    const la = await linkToConversation(db.pool, { emailKey: a.emailKey, messageIdHash: null, referenceHashes: [], customerId: null });
    const lb = await linkToConversation(db.pool, { emailKey: b.emailKey, messageIdHash: null, referenceHashes: [], customerId: null });
    expect(la.conversationId).not.toBe(lb.conversationId);
    expect(await linkToConversation(db.pool, { emailKey: a.emailKey, messageIdHash: null, referenceHashes: [], customerId: null }))
      .toEqual(la);
  });

  it('finds nothing for unknown hashes', async () => {
    expect(await findConversationByMessageIdHashes(db.pool, [])).toBeNull();
    expect(await findConversationByMessageIdHashes(db.pool, [messageIdHash('<nobody@nowhere>')])).toBeNull();
  });
});
