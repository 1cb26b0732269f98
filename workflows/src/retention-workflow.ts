/**
 * retentionWorkflow: one daily retention pass (contracts.ts RetentionInput). The cut-off times come from the
 * workflow's clock (deterministic, and time-skipping in tests); every step is a short idempotent batch, repeated
 * until a batch comes back short, at most MAX_BATCHES times per run (the next run goes on).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { RetentionActivities } from '@replique/activities/retention-activity-contracts';
import type { RetentionInput, RetentionResult } from './contracts';
import { housekeeping } from './activity-options';

const { anchorAuditDays, purgeBodies, markAuditRetention, pruneAuditLog } = proxyActivities<RetentionActivities>(housekeeping);

const DAY_MS = 86_400_000;
export const MAX_BATCHES = 200;

export async function retentionWorkflow(input: RetentionInput): Promise<RetentionResult> {
  const now = Date.now();
  const { days } = await anchorAuditDays({ now: new Date(now).toISOString() });

  const bodiesBefore = new Date(now - input.bodyRetentionDays * DAY_MS).toISOString();
  let emailsPurged = 0;
  let rawsPurged = 0;
  let complete = false;
  for (let batch = 0; batch < MAX_BATCHES && !complete; batch++) {
    const purged = await purgeBodies({ before: bodiesBefore, batchSize: input.batchSize });
    emailsPurged += purged.emails;
    rawsPurged += purged.raws;
    complete = purged.emails < input.batchSize && purged.raws < input.batchSize;
  }

  const auditBeforeDay = new Date(now - input.auditRetentionDays * DAY_MS).toISOString().slice(0, 10);
  await markAuditRetention({ beforeDay: auditBeforeDay });
  let auditRowsPruned = 0;
  let pruned = false;
  for (let batch = 0; batch < MAX_BATCHES && !pruned; batch++) {
    const { rows } = await pruneAuditLog({ beforeDay: auditBeforeDay, chains: input.batchSize });
    auditRowsPruned += rows;
    pruned = rows === 0;
  }

  return { anchoredDays: days, bodiesBefore, emailsPurged, rawsPurged, auditBeforeDay, auditRowsPruned, complete: complete && pruned };
}
