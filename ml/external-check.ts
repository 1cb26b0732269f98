/**
 * An outside check of the intent classifier on public EN data it was not trained on (read from ../shared/external at
 * run time, never copied here): BANKING77 (CC BY 4.0) and CLINC150 (CC BY 3.0) utterances whose intent maps honestly
 * onto ours, and CLINC150's out-of-scope queries, which must not look like confident routine mail.
 *   pnpm exec tsx ml/external-check.ts [EXTERNAL_DIR]
 * Banking is not our domain: read the figures as a robustness check, not as the expected accuracy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Intent } from '../activities/src/domain/types';
import { classify, type ClassifyInput } from '../activities/src/triage/classify';
import { intentDeps, loadIntentModel } from '../activities/src/triage/intent-model';
import { buildPolicy, parsePolicyFile } from '../activities/src/triage/policy';

const BANKING77: Record<string, Intent> = {
  Refund_not_showing_up: 'refund_status', request_refund: 'refund_request', card_payment_not_recognised: 'fraud_report',
  direct_debit_payment_not_recognised: 'fraud_report', cash_withdrawal_not_recognised: 'fraud_report', compromised_card: 'fraud_report',
  transaction_charged_twice: 'payment_issue', declined_card_payment: 'payment_issue', passcode_forgotten: 'account_access',
};
const CLINC150: Record<string, Intent> = { report_fraud: 'fraud_report', card_declined: 'payment_issue', account_blocked: 'account_access' };

function main(): void {
  const dir = process.argv[2] ?? path.resolve(__dirname, '../../shared/external');
  const items: { text: string; intent: Intent; source: string }[] = [];
  const csv = readFileSync(path.join(dir, 'polyai-banking77/test.csv'), 'utf8').split(/\r?\n/).slice(1);
  for (const line of csv) {
    const m = line.match(/^(?:"((?:[^"]|"")*)"|([^,]*)),(.+)$/);
    if (!m) continue;
    const intent = BANKING77[m[3]!.trim()];
    if (intent) items.push({ text: (m[1] ?? m[2]!).replace(/""/g, '"'), intent, source: 'banking77' });
  }
  const oos: string[] = [];
  for (const line of readFileSync(path.join(dir, 'clinc150-oos/test_banking_creditcards_plus_oos.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { text: string; intent: string };
    if (r.intent === 'oos') oos.push(r.text);
    else if (CLINC150[r.intent]) items.push({ text: r.text, intent: CLINC150[r.intent]!, source: 'clinc150' });
  }
  const policy = buildPolicy(parsePolicyFile(readFileSync(path.resolve(__dirname, '../policies/default.json'), 'utf8')));
  const deps = intentDeps(loadIntentModel());
  const input = (clean: string): ClassifyInput => ({ subject: '', clean, quoted: '', hidden: '', machineKind: null, daysLate: null, accountTakeover: false, langFallback: 'en' });
  const runs = {
    'rules only (before)': (t: string) => classify(input(t), policy),
    'rules + model, calibrated': (t: string) => classify(input(t), policy, deps.intentModel, deps.intentCalibration),
  };
  for (const [name, run] of Object.entries(runs)) {
    const per = new Map<string, { n: number; ok: number }>();
    let ok = 0;
    for (const it of items) {
      const c = run(it.text);
      const s = per.get(it.intent) ?? { n: 0, ok: 0 };
      s.n++;
      if (c.intent === it.intent) { s.ok++; ok++; }
      per.set(it.intent, s);
    }
    // out of scope: how many would look like confident routine mail (an automated intent at ≥ the threshold)?
    const confidentRoutine = oos.filter((t) => {
      const c = run(t);
      return policy.automatedIntents.has(c.intent) && c.confidence >= policy.confidenceThreshold;
    }).length;
    const other = oos.filter((t) => run(t).intent === 'other').length;
    console.log(`${name}: mapped intents ${ok}/${items.length} = ${(100 * ok / items.length).toFixed(1)} %`);
    for (const [i, s] of [...per].sort()) console.log(`  ${i.padEnd(16)} ${s.ok}/${s.n}`);
    console.log(`  out-of-scope (${oos.length}): classified other ${(100 * other / oos.length).toFixed(1)} %, `
      + `confident routine intent (automatable, ≥ ${policy.confidenceThreshold}) ${(100 * confidentRoutine / oos.length).toFixed(1)} %`);
  }
}

main();
