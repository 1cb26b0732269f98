/**
 * The replique CLI: `pnpm -s replique <command> ...`. The same decision functions as the workers, no servers needed.
 * Commands: triage, eval, calibration, bench-triage, conformance, bipia, user, audit.
 */
import { UsageError } from './args';
import { triageCommand, TRIAGE_USAGE } from './triage-command';
import { bipiaCommand, BIPIA_USAGE } from './bipia-command';
import { evalCommand, EVAL_USAGE } from './eval-command';
import { calibrationCommand, CALIBRATION_USAGE } from './calibration-command';
import { benchTriageCommand, BENCH_TRIAGE_USAGE } from './bench-triage-command';
import { userCommand, USER_USAGE } from '../review/user-command';
import { conformanceCommand, CONFORMANCE_USAGE } from './conformance-command';
import { auditCommand, AUDIT_USAGE } from './audit-command';

type Command = (argv: string[], write: (line: string) => void) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  triage: { run: triageCommand, usage: TRIAGE_USAGE },
  bipia: { run: bipiaCommand, usage: BIPIA_USAGE },
  eval: { run: evalCommand, usage: EVAL_USAGE },
  calibration: { run: calibrationCommand, usage: CALIBRATION_USAGE },
  'bench-triage': { run: benchTriageCommand, usage: BENCH_TRIAGE_USAGE },
  user: { run: userCommand, usage: USER_USAGE },
  conformance: { run: conformanceCommand, usage: CONFORMANCE_USAGE },
  audit: { run: auditCommand, usage: AUDIT_USAGE },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const usage = `usage: replique <${Object.keys(COMMANDS).join('|')}> ...\n${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n')}`;
  if (!name || name === '--help' || name === '-h') {
    process.stderr.write(`${usage}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n${usage}\n`);
    return 2;
  }
  try {
    return await command.run(rest, (line) => process.stdout.write(`${line}\n`));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`replique ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => {
      process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
