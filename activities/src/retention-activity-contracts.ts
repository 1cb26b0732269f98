/**
 * The activities retentionWorkflow calls, as types only (the workflow imports this file with `import type`;
 * `createRetentionActivities(deps)` implements it). Each call is one short, idempotent batch: the workflow loops.
 * Times are ISO strings, days UTC 'YYYY-MM-DD'.
 */
export interface RetentionActivities {
  /** Anchors every complete day not anchored yet, up to `now`. */
  anchorAuditDays(input: { now: string }): Promise<{ days: string[] }>;
  /** One batch: the texts of up to `batchSize` finished emails created before `before`, then their raw messages. */
  purgeBodies(input: { before: string; batchSize: number }): Promise<{ emails: number; raws: number }>;
  /** Records the audit retention horizon and removes the anchors before it (before any row goes). */
  markAuditRetention(input: { beforeDay: string }): Promise<void>;
  /** One batch: the audit rows before `beforeDay` of up to `chains` email chains. */
  pruneAuditLog(input: { beforeDay: string; chains: number }): Promise<{ rows: number }>;
}
