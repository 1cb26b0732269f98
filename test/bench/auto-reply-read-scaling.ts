/**
 * How the auto-reply limits' read (adapters/pg/auto-reply-log.ts, part of the route's one read) costs as the shop's
 * history grows: on a fresh database, 200, 1,000 and 4,000 emails answered automatically by as many senders (six audit
 * rows each), then the read for one sender and a thread, timed over 200 runs. It should stay flat: it reads the emails
 * of that sender or thread by index, then their sends.
 *   pnpm exec tsx test/bench/auto-reply-read-scaling.ts   (the local stack's Postgres)
 */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../activities/src/adapters/pg/audit-log';
import { AUTO_REPLY_COUNTS_SQL, autoReplyParams } from '../../activities/src/adapters/pg/auto-reply-log';
import { addressHash, messageIdHash } from '../../activities/src/domain/email-key';
import { registerTestEmail } from '../pg/email-fixture';
import { withTestDatabase } from '../support/pg';

(async () => {
  const db = await withTestDatabase();
  try {
    let made = 0;
    for (const target of [200, 1000, 4000]) {
      for (; made < target; made++) {
        const e = await registerTestEmail(db.pool);
        await db.pool.query(`update emails set sender_hash = $2, thread_key_hash = $3, email_date = now() - interval '1 hour' where email_key = $1`,
          [e.emailKey, addressHash(`s${made}@example.org`), messageIdHash(`<${randomUUID()}@x>`)]);
        for (const stage of ['read', 'classify', 'route', 'draft', 'check']) await appendAudit(db.pool, { emailKey: e.emailKey, stage, event: 'done', data: {} });
        await appendAudit(db.pool, { emailKey: e.emailKey, stage: 'send', event: 'accepted', data: { mode: 'automatic' }, auditKey: `${e.emailKey}:send` });
      }
      await db.pool.query('analyze');
      const params = autoReplyParams('s7@example.org', '<t@x>', new Date().toISOString());
      for (let i = 0; i < 20; i++) await db.pool.query(AUTO_REPLY_COUNTS_SQL, params);
      const t0 = performance.now();
      for (let i = 0; i < 200; i++) await db.pool.query(AUTO_REPLY_COUNTS_SQL, params);
      const ms = (performance.now() - t0) / 200;
      const counts = (await db.pool.query(AUTO_REPLY_COUNTS_SQL, params)).rows[0];
      console.log(`${made} automatic sends (${made * 6} audit rows): ${ms.toFixed(3)} ms per read, counts ${JSON.stringify(counts)}`);
    }
  } finally { await db.close(); }
})();
