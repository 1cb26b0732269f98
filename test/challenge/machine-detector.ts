/**
 * `pnpm exec tsx test/challenge/machine-detector.ts [--verbose] [DIR…]` — the machine-mail detector alone
 * (detectMachineMail, with the shop's identity and order pattern as the triage gives them) on the challenge sets:
 * per kind, the share of machine cases recognised, and the customers wrongly taken for machines. Faster than
 * run-challenge.ts (no triage), for iterating on kind 4 of issue 14. With `--labelled DIR` (a labelled corpus: the dev
 * set, /work/folds/train-f0-3), the same on its emails: machine mail missed, and mail taken for a machine that the
 * labels route elsewhere (a customer suppressed). A measure, not a test.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { ParsedEmail } from '@replique/activities/domain/types';
import { parseEmail } from '@replique/activities/mail/parse-email';
import { cleanBody } from '@replique/activities/mail/clean-body';
import { detectMachineMail } from '@replique/activities/mail/machine-mail';
import { orderNumberPattern } from '@replique/activities/mail/customer-voice';
import { machineHeadVote } from '@replique/activities/mail/machine-head';
import { CHALLENGE_DIR, loadChallengeSet, toRaw } from './challenge-set';
import { shopFixture } from '../support/paths';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const verbose = argv.includes('--verbose');
  // --head: the learned head's vote alone (machine-head.ts, its gates, no rules): how it reads mail it never trained on
  const headOnly = argv.includes('--head');
  const labelled = argv.includes('--labelled') ? argv[argv.indexOf('--labelled') + 1]! : null;
  const dirs = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--labelled');
  const { policies, customers } = JSON.parse(readFileSync(shopFixture, 'utf8')) as {
    policies: { shop_name: string; support_address: string; website: string };
    customers: { email: string }[];
  };
  const domains = [policies.support_address.split('@')[1] ?? '', /^(?:https?:\/\/)?([^/:]+)/i.exec(policies.website)?.[1] ?? ''];
  const byKind = new Map<string, { n: number; machine: number; misses: string[]; suppress: boolean }>();
  const customerEmails = new Set(customers.map((c) => c.email.toLowerCase()));
  const detect = (parsed: ParsedEmail) => headOnly ? headAlone(parsed) : detectMachineMail(parsed, cleanBody(parsed), {
    shop: { name: policies.shop_name, domains },
    orderNumber: orderNumberPattern('CMD', 5),
    senderIsCustomer: customerEmails.has((parsed.from?.address ?? '').toLowerCase()),
  });
  const headAlone = (parsed: ParsedEmail) => {
    const vote = machineHeadVote({ parsed, cleaned: cleanBody(parsed), shop: { name: policies.shop_name, domains }, orderNumber: orderNumberPattern('CMD', 5),
      senderIsCustomer: customerEmails.has((parsed.from?.address ?? '').toLowerCase()) });
    return { isMachine: vote !== null, reasons: vote ? [`p=${vote.probability.toFixed(2)}`, vote.kind] : [] };
  };
  if (labelled) {
    const labels = JSON.parse(readFileSync(path.join(labelled, 'labels.json'), 'utf8')) as { file: string; expected_route: string }[];
    let n = 0;
    let found = 0;
    for (const l of labels) {
      const v = detect(await parseEmail(readFileSync(path.join(labelled, l.file))));
      const want = l.expected_route === 'suppress';
      if (want) n++;
      if (want && v.isMachine) found++;
      if (v.isMachine !== want) console.log(`  ${want ? 'miss' : 'FALSE'} ${l.file} (${l.expected_route}) [${v.reasons.join(', ')}]`);
    }
    console.log(`${labelled}: machine mail recognised ${found}/${n}`);
    return;
  }
  for (const dir of dirs.length ? dirs.map((d) => path.resolve(d)) : [CHALLENGE_DIR]) {
    const cases = loadChallengeSet(dir);
    for (const [i, c] of cases.entries()) {
      const parsed = await parseEmail(toRaw(c, i));
      const v = detect(parsed);
      const k = byKind.get(c.kind) ?? { n: 0, machine: 0, misses: [], suppress: c.route === 'suppress' };
      k.n++;
      if (v.isMachine) k.machine++;
      if (v.isMachine !== (c.route === 'suppress')) k.misses.push(`${c.id} [${v.reasons.join(', ')}]`);
      byKind.set(c.kind, k);
    }
  }
  for (const [kind, k] of byKind) {
    const want = k.suppress ? 'recognised' : 'taken for machine';
    console.log(`${kind.padEnd(22)} ${want} ${k.machine}/${k.n}`);
    if (verbose) for (const m of k.misses) console.log(`    ${k.suppress ? 'miss' : 'FALSE'} ${m}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
