/**
 * Retention (activities/src/audit/README.md): anchoring the audit log's days, purging old bodies and drafts,
 * removing audit rows past their keeping period — each a batch over Postgres, idempotent, built over the pool.
 */
import type { RetentionActivities } from './retention-activity-contracts';
import type { Pool } from './adapters/pg/pool';
import { purgeBodiesBatch, purgeRawBatch } from './adapters/pg/body-retention';
import { markRetention, pruneAuditBatch } from './adapters/pg/audit-chain';
import { anchorAuditDays } from './audit/anchor-audit-days';
import { heartbeatWhile } from './heartbeat-while';

export interface RetentionActivityDeps {
  db: Pool;
}

export function createRetentionActivities(deps: RetentionActivityDeps): RetentionActivities {
  return {
    async anchorAuditDays({ now }) {
      return { days: await heartbeatWhile(() => anchorAuditDays(deps.db, new Date(now))) };
    },
    async purgeBodies({ before, batchSize }) {
      const emails = await purgeBodiesBatch(deps.db, new Date(before), batchSize);
      const raws = await purgeRawBatch(deps.db, new Date(before), batchSize);
      return { emails, raws };
    },
    async markAuditRetention({ beforeDay }) {
      await markRetention(deps.db, beforeDay);
    },
    async pruneAuditLog({ beforeDay, chains }) {
      return { rows: await pruneAuditBatch(deps.db, beforeDay, chains) };
    },
  };
}
