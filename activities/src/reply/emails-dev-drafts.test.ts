/**
 * The labelled dev inbox (../shared/fixtures/emails-dev/labels.json) seen by the reply stages alone: each email's
 * labelled intent, language, customer, order and clean text go in; the draft must state every checkable fact of an
 * automatic reply (in the forms the scorer accepts), never say what the label forbids, and pass its check.
 * Classification and enrichment are not under test here: the labels stand in for them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Intent, Lang, PiiFinding } from '../domain/types';
import { EN_MONTHS, FR_MONTHS } from './shop-format';
import { draftAndCheck, makeCase, readShopFile, replyDeps } from './test-support/fixture-shop';

/** Another labelled set (e.g. training folds) can be checked the same way: REPLIQUE_DRAFT_LABELS=/path/labels.json. */
const LABELS = process.env['REPLIQUE_DRAFT_LABELS'] ?? path.resolve(__dirname, '../../../../shared/fixtures/emails-dev/labels.json');

interface Label {
  file: string;
  lang: Lang;
  intent: Intent;
  expected_route: string;
  customer_id: string | null;
  order_number: string | null;
  facts: Record<string, unknown>;
  must_not_say: string[];
  pii: PiiFinding[];
  clean_body: string;
  route_reasons: string[];
}

const MACHINE: Intent[] = ['auto_reply', 'bounce', 'newsletter', 'spam'];

/** The scorer's accepted forms (shared/tools/score.py, fact_ok). */
function factOk(key: string, value: unknown, text: string): boolean | null {
  const low = text.toLowerCase();
  if (['carrier', 'tracking_number'].includes(key) && typeof value === 'string') return low.includes(value.toLowerCase());
  if (['estimated_delivery', 'delivered_at', 'return_deadline', 'ordered_at'].includes(key) && typeof value === 'string') {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const p = (n: number) => String(n).padStart(2, '0');
    const forms = [value, `${p(d)}/${p(m)}/${y}`, `${d}/${m}/${y}`, `${p(d)}/${p(m)}`, `${d} ${FR_MONTHS[m - 1]}`, `${p(d)} ${FR_MONTHS[m - 1]}`,
      `${d} ${EN_MONTHS[m - 1]}`, `${EN_MONTHS[m - 1]} ${d}`, `${d}${d === 1 ? 'er' : ''} ${FR_MONTHS[m - 1]}`, `${p(d)}.${p(m)}.${y}`];
    return forms.some((f) => low.includes(f.toLowerCase()));
  }
  if (['refunded_amount', 'total', 'price'].includes(key) && typeof value === 'number') {
    const g = String(Number(value.toFixed(6)));
    return [value.toFixed(2), value.toFixed(2).replace('.', ','), g, g.replace('.', ',')].some((f) => text.includes(f));
  }
  return null;
}

const labels: Label[] = existsSync(LABELS) ? (JSON.parse(readFileSync(LABELS, 'utf8')) as Label[]) : [];
const human = labels.filter((l) => !MACHINE.includes(l.intent) && l.expected_route !== 'suppress');
const run = labels.length ? test : test.skip;

run(`${path.basename(path.dirname(LABELS))}: auto drafts state every checkable labelled fact and pass the check; no draft says what its label forbids (${human.length} emails)`, async () => {
  const data = readShopFile();
  const deps = replyDeps();
  const problems: string[] = [];
  let checked = 0;
  for (const l of human) {
    const ownOrder = l.order_number && data.orders.find((o) => o.number === l.order_number)?.customer_id === l.customer_id;
    const takeover = l.route_reasons.includes('suspected_account_takeover');
    const c0 = makeCase({
      intent: l.intent, lang: l.lang, customerId: l.customer_id, orderNumber: l.order_number, text: l.clean_body,
      customerMatch: takeover ? 'claimed' : undefined,
      from: takeover ? 'someone.else@example.test' : undefined,
    });
    const c = await draftAndCheck({ ...c0, pii: l.pii }, deps);
    const text = `${c.draft!.subject}\n${c.draft!.body}`.replace(/\s+/g, ' ');
    for (const phrase of l.must_not_say) {
      if (text.toLowerCase().includes(phrase.toLowerCase())) problems.push(`${l.file}: says "${phrase}"`);
    }
    if (l.expected_route !== 'auto') continue;
    if (!ownOrder && l.order_number) problems.push(`${l.file}: fixture order not the customer's`);
    for (const [k, v] of Object.entries(l.facts)) {
      const ok = factOk(k, v, text);
      if (ok === null) continue;
      checked++;
      if (!ok) problems.push(`${l.file}: lacks ${k}=${String(v)}`);
    }
    if (!c.guardrails!.passed) problems.push(`${l.file}: check fired ${c.guardrails!.fired.join(',')}`);
  }
  expect(problems).toEqual([]);
  expect(checked).toBeGreaterThan(20);
});
