/**
 * The fault suite's short form (inside `pnpm test`): ~100 emails of every route, duplicates ×5 through HTTP, IMAP
 * and Kafka, MIME corpora and hostile text, reviewer decisions — while the worker, the starter and the intake are
 * SIGKILLed (the worker also between "SMTP accepted" and "recorded as sent"), the SMTP peer answers 4xx, 5xx,
 * slowly, or drops the connection after DATA, and this test's Postgres connections are severed. Shared-stack
 * restarts (Temporal, Postgres, Kafka, Dovecot) are in the full form only (`pnpm faults`): they would break the
 * test files running next to this one. See fault-run.ts for the invariants.
 */
import { printSummary, runFaultSuite } from './fault-run';

jest.setTimeout(330_000);

test('under faults: no email lost, no reply twice, none to machine mail, no PII in logs, audit complete', async () => {
  const lines: string[] = [];
  const summary = await runFaultSuite({
    emails: 80,
    poison: 12,
    hostile: 8,
    driveMs: 45_000,
    restartStack: false,
    killAfterAccept: 0,
    killAfterAcceptNth: 3,
    settleTimeoutMs: 160_000,
    seed: Number(process.env.FAULTS_SEED ?? Date.now() % 100_000),
    log: (line) => lines.push(line),
  });
  printSummary(summary, (line) => lines.push(line));
  process.stdout.write(`${lines.join('\n')}\n`);

  expect(summary.lost).toEqual([]);
  expect(summary.unsettled).toEqual([]);
  expect(summary.duplicateReplies).toEqual([]);
  expect(summary.repliesToMachineMail).toEqual([]);
  expect(summary.piiInLogs).toEqual([]);
  expect(summary.badWorkflowIds).toEqual([]);
  expect(summary.piiInSearchAttributes).toEqual([]);
  expect(summary.auditGaps).toEqual([]);
  expect(summary.emails).toBeGreaterThanOrEqual(100);
  // The worker did die between an SMTP acceptance and its record, and that reply still reached the peer once.
  expect(Object.keys(summary.faults).some((k) => k.startsWith('worker killed itself'))).toBe(true);
});
