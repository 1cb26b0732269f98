/**
 * The replique CLI: `pnpm -s replique <command> ...`. The same decision functions as the workers, no servers needed.
 * Commands: triage, eval, calibration, bench-triage, conformance, bipia, user, audit, shop, policy, map, faq, gen-inbox, rollout, templates, model, orders, report, keys, gdpr, privacy.
 */
import { UsageError } from './args';

type Command = (argv: string[], write: (line: string) => void) => Promise<number>;
interface Loaded { run: Command; usage: string }

/** require(), not import(): this is CommonJS, and a failing module rejects instead of throwing. */
function load<M>(path: string, pick: (module: M) => Loaded): Promise<Loaded> {
  return new Promise((resolve) => resolve(pick(require(path) as M))); // eslint-disable-line @typescript-eslint/no-require-imports
}

/**
 * Each command is loaded when it is called: the image (Dockerfile) holds the sources the services need, not the
 * training code some analysis commands import (ml/), so `replique user`, `replique shop` and `replique policy` run there while
 * `replique eval` does not.
 */
const COMMANDS: Record<string, () => Promise<Loaded>> = {
  triage: () => load<typeof import('./triage-command')>('./triage-command', (m) => ({ run: m.triageCommand, usage: m.TRIAGE_USAGE })),
  bipia: () => load<typeof import('./bipia-command')>('./bipia-command', (m) => ({ run: m.bipiaCommand, usage: m.BIPIA_USAGE })),
  eval: () => load<typeof import('./eval-command')>('./eval-command', (m) => ({ run: m.evalCommand, usage: m.EVAL_USAGE })),
  calibration: () => load<typeof import('./calibration-command')>('./calibration-command', (m) => ({ run: m.calibrationCommand, usage: m.CALIBRATION_USAGE })),
  'bench-triage': () => load<typeof import('./bench-triage-command')>('./bench-triage-command', (m) => ({ run: m.benchTriageCommand, usage: m.BENCH_TRIAGE_USAGE })),
  user: () => load<typeof import('../review/user-command')>('../review/user-command', (m) => ({ run: m.userCommand, usage: m.USER_USAGE })),
  conformance: () => load<typeof import('./conformance-command')>('./conformance-command', (m) => ({ run: m.conformanceCommand, usage: m.CONFORMANCE_USAGE })),
  audit: () => load<typeof import('./audit-command')>('./audit-command', (m) => ({ run: m.auditCommand, usage: m.AUDIT_USAGE })),
  shop: () => load<typeof import('./shop-command')>('./shop-command', (m) => ({ run: m.shopCommand, usage: m.SHOP_USAGE })),
  policy: () => load<typeof import('./policy-command')>('./policy-command', (m) => ({ run: m.policyCommand, usage: m.POLICY_USAGE })),
  map: () => load<typeof import('./map-command')>('./map-command', (m) => ({ run: m.mapCommand, usage: m.MAP_USAGE })),
  faq: () => load<typeof import('./faq-command')>('./faq-command', (m) => ({ run: m.faqCommand, usage: m.FAQ_USAGE })),
  'gen-inbox': () => load<typeof import('./gen-inbox-command')>('./gen-inbox-command', (m) => ({ run: m.genInboxCommand, usage: m.GEN_INBOX_USAGE })),
  rollout: () => load<typeof import('./rollout-command')>('./rollout-command', (m) => ({ run: m.rolloutCommand, usage: m.ROLLOUT_USAGE })),
  templates: () => load<typeof import('./templates-command')>('./templates-command', (m) => ({ run: m.templatesCommand, usage: m.TEMPLATES_USAGE })),
  model: () => load<typeof import('./model-command')>('./model-command', (m) => ({ run: m.modelCommand, usage: m.MODEL_USAGE })),
  orders: () => load<typeof import('./orders-command')>('./orders-command', (m) => ({ run: m.ordersCommand, usage: m.ORDERS_USAGE })),
  report: () => load<typeof import('./report-command')>('./report-command', (m) => ({ run: m.reportCommand, usage: m.REPORT_USAGE })),
  keys: () => load<typeof import('./keys-command')>('./keys-command', (m) => ({ run: m.keysCommand, usage: m.KEYS_USAGE })),
  gdpr: () => load<typeof import('./gdpr-command')>('./gdpr-command', (m) => ({ run: m.gdprCommand, usage: m.GDPR_USAGE })),
  privacy: () => load<typeof import('./privacy-command')>('./privacy-command', (m) => ({ run: m.privacyCommand, usage: m.PRIVACY_USAGE })),
};

async function usage(): Promise<string> {
  const lines = await Promise.all(Object.entries(COMMANDS).map(([name, load]) =>
    load().then((c) => `  ${c.usage}`, (err: unknown) => `  ${name}: not available here (${(err as Error).message.split('\n')[0]})`)));
  return `usage: replique <${Object.keys(COMMANDS).join('|')}> ...\n${lines.join('\n')}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stderr.write(`${await usage()}\n`);
    return name ? 0 : 2;
  }
  const loadCommand = COMMANDS[name];
  if (!loadCommand) {
    process.stderr.write(`unknown command "${name}"\n${await usage()}\n`);
    return 2;
  }
  const command = await loadCommand();
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
