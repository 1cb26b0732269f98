import {
  SendNotFoundError, beginSend, countAccepted, getSend, markSendAccepted, markSendFailed,
} from '../../activities/src/adapters/pg/sent-mail';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { registerTestEmail } from './email-fixture';

let db: TestDatabase;
let emailKey: string;
beforeAll(async () => {
  db = await withTestDatabase();
  ({ emailKey } = await registerTestEmail(db.pool));
});
afterAll(() => db.close());

const claim = (sendKey: string, messageId = `${sendKey}@replies.test`) =>
  ({ sendKey, emailKey, messageId, toAddressHash: 'a'.repeat(64) });

describe('sent mail', () => {
  it('claims a send key once; a second claim sees the first, its Message-ID and its outcome', async () => {
    expect(await beginSend(db.pool, claim('s1'))).toEqual({
      status: 'sending', inserted: true, messageId: 's1@replies.test', smtpResponse: null,
    });
    expect(await beginSend(db.pool, claim('s1', 'different@replies.test'))).toEqual({
      status: 'sending', inserted: false, messageId: 's1@replies.test', smtpResponse: null,
    });
    await markSendAccepted(db.pool, 's1', '250 2.0.0 Ok: queued as ABC123');
    expect(await beginSend(db.pool, claim('s1'))).toEqual({
      status: 'accepted', inserted: false, messageId: 's1@replies.test', smtpResponse: '250 2.0.0 Ok: queued as ABC123',
    });
  });

  it('never downgrades an accepted send, and keeps its first response', async () => {
    await beginSend(db.pool, claim('s2'));
    await markSendAccepted(db.pool, 's2', '250 first');
    await markSendAccepted(db.pool, 's2', '250 second');
    await markSendFailed(db.pool, 's2', '451 late failure');
    expect(await getSend(db.pool, 's2')).toMatchObject({ status: 'accepted', smtpResponse: '250 first' });
  });

  it('records a failure, which a later success replaces', async () => {
    await beginSend(db.pool, claim('s3'));
    await markSendFailed(db.pool, 's3', '550 5.1.1 <jean.dupont@example.fr>: Recipient address rejected');
    const failed = await getSend(db.pool, 's3');
    expect(failed?.status).toBe('failed');
    expect(failed?.smtpResponse).not.toContain('jean.dupont@example.fr');
    expect(failed?.smtpResponse).toMatch(/^550 5\.1\.1 <\[email:[0-9a-f]{8}\]>: Recipient address rejected$/);
    expect((await beginSend(db.pool, claim('s3'))).status).toBe('failed');
    await markSendAccepted(db.pool, 's3', '250 ok');
    expect((await getSend(db.pool, 's3'))?.status).toBe('accepted');
  });

  it('lets exactly one of several concurrent claims win', async () => {
    const pools = [db.newPool(), db.newPool(), db.newPool(), db.newPool(), db.pool];
    const claims = await Promise.all(pools.map((pool, i) => beginSend(pool, claim('s4', `s4-${i}@replies.test`))));
    expect(claims.filter((c) => c.inserted)).toHaveLength(1);
    expect(new Set(claims.map((c) => c.messageId)).size).toBe(1);
  });

  it('counts accepted sends, overall and per email', async () => {
    const other = await registerTestEmail(db.pool);
    await beginSend(db.pool, { ...claim('s5'), emailKey: other.emailKey });
    await markSendAccepted(db.pool, 's5', '250 ok');
    expect(await countAccepted(db.pool)).toBe(4); // s1, s2, s3, s5
    expect(await countAccepted(db.pool, { emailKey: other.emailKey })).toBe(1);
    expect(await countAccepted(db.pool, { emailKey })).toBe(3);
  });

  it('refuses to mark an unknown send', async () => {
    await expect(markSendAccepted(db.pool, 'nope', '250')).rejects.toThrow(SendNotFoundError);
    await expect(markSendFailed(db.pool, 'nope', '550')).rejects.toThrow(SendNotFoundError);
  });
});
