/**
 * adapters/pg/bounces.ts on a database of its own: a bounce of our reply is linked to the email it answered, once
 * (a retried activity records nothing twice), the address is counted by hash; a delay is not a hard bounce; a
 * bounce of a reply we do not know still marks the reported recipient.
 */
import { appendAudit, auditTrail } from '@replique/activities/adapters/pg/audit-log';
import {
  bounceAddressHash, getBouncedAddress, isHardBounce, PgBounceLog, recordShopReplyBounce,
} from '@replique/activities/adapters/pg/bounces';
import { beginSend, markSendAccepted } from '@replique/activities/adapters/pg/sent-mail';
import { registerTestEmail } from '../pg/email-fixture';
import { withTestDatabase, type TestDatabase } from '../support/pg';

let db: TestDatabase;
beforeAll(async () => { db = await withTestDatabase(); }, 60_000);
afterAll(async () => { await db?.close(); });

async function answered(address: string): Promise<{ emailKey: string; replyId: string }> {
  const email = await registerTestEmail(db.pool);
  const replyId = `${email.emailKey.slice(0, 32)}.reply@shop.example`;
  await beginSend(db.pool, { sendKey: `${email.emailKey}:reply`, emailKey: email.emailKey, messageId: replyId, toAddressHash: bounceAddressHash(address) });
  await markSendAccepted(db.pool, `${email.emailKey}:reply`, '250 ok');
  return { emailKey: email.emailKey, replyId };
}

test('links the bounce to the answered email once, and counts the address once per bounce', async () => {
  const { emailKey, replyId } = await answered('Jo@Example.org');
  const dsn = await registerTestEmail(db.pool);
  const bounce = {
    bounceEmailKey: dsn.emailKey, bouncedMessageId: `<${replyId}>`, recipient: 'jo@example.org',
    status: '5.1.1', action: 'failed', diagnostic: 'smtp; 550 5.1.1 <jo@example.org>: user unknown',
  };
  expect(await recordShopReplyBounce(db.pool, bounce)).toEqual({ recorded: true, originalEmailKey: emailKey, hard: true });
  expect(await recordShopReplyBounce(db.pool, bounce)).toMatchObject({ recorded: false, originalEmailKey: emailKey });

  const events = (await auditTrail(db.pool, emailKey)).filter((e) => e.event === 'bounced');
  expect(events).toHaveLength(1);
  expect(events[0]!.data).toMatchObject({ status: '5.1.1', action: 'failed', hard: true });
  expect(JSON.stringify(events[0]!.data)).not.toMatch(/jo@example\.org/i);
  expect(await getBouncedAddress(db.pool, bounceAddressHash('jo@example.org'))).toMatchObject({ count: 1, lastStatus: '5.1.1' });
  expect(await new PgBounceLog(db.pool).isHardBouncing(' JO@example.org ')).toBe(true);
  expect(await new PgBounceLog(db.pool).isHardBouncing('someone.else@example.org')).toBe(false);
});

test('a delay is recorded but does not make the address hard-bouncing', async () => {
  const { replyId } = await answered('late@example.org');
  const dsn = await registerTestEmail(db.pool);
  const r = await recordShopReplyBounce(db.pool, {
    bounceEmailKey: dsn.emailKey, bouncedMessageId: replyId, recipient: null, status: '4.4.7', action: 'delayed', diagnostic: null,
  });
  expect(r).toMatchObject({ recorded: true, hard: false });
  expect(await new PgBounceLog(db.pool).isHardBouncing('late@example.org')).toBe(false);
});

test('a bounce of a reply we have no record of marks the reported recipient', async () => {
  const dsn = await registerTestEmail(db.pool);
  await appendAudit(db.pool, { emailKey: dsn.emailKey, stage: 'read', event: 'done' });
  const r = await recordShopReplyBounce(db.pool, {
    bounceEmailKey: dsn.emailKey, bouncedMessageId: 'ffffffffffffffffffffffffffffffff.reply@shop.example', recipient: 'gone@example.org',
    status: null, action: 'failed', diagnostic: null,
  });
  expect(r).toEqual({ recorded: true, originalEmailKey: null, hard: true });
  expect(await new PgBounceLog(db.pool).isHardBouncing('gone@example.org')).toBe(true);
});

test('hard or soft', () => {
  expect(isHardBounce('5.0.0', null)).toBe(true);
  expect(isHardBounce('4.2.2', 'failed')).toBe(false);
  expect(isHardBounce(null, 'failed')).toBe(true);
  expect(isHardBounce(null, 'delayed')).toBe(false);
});
