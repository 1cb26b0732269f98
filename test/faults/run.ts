/**
 * `pnpm faults` — the full fault-injection suite: more emails, a longer drive, and restarts of the shared local
 * stack (Temporal, Postgres, Kafka, Dovecot) on top of the short form's faults. Run it ALONE: the restarts break
 * whatever else uses the stack at the time.
 *
 *   pnpm faults [--emails 300] [--drive 180] [--settle 900] [--no-restarts] [--seed N]
 *
 * Run it on a stack of its own (alternate ports, docs/benchmarks/README.md) when others use the shared one.
 */
import { printSummary, runFaultSuite } from './fault-run';

const argv = process.argv.slice(2);
const num = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};

runFaultSuite({
  emails: num('emails', 300),
  poison: num('poison', 40),
  hostile: num('hostile', 20),
  driveMs: num('drive', 180) * 1000,
  restartStack: !argv.includes('--no-restarts'),
  killAfterAccept: 0.02,
  killAfterAcceptNth: 3,
  settleTimeoutMs: num('settle', 900) * 1000,
  seed: num('seed', Date.now() % 100_000),
}).then(
  (summary) => {
    printSummary(summary);
    const bad = summary.lost.length + summary.unsettled.length + summary.duplicateReplies.length + summary.repliesToMachineMail.length +
      summary.piiInLogs.length + summary.badWorkflowIds.length + summary.piiInSearchAttributes.length + summary.auditGaps.length;
    process.exit(bad === 0 ? 0 : 1);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
