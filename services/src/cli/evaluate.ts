/**
 * The evaluation of triage lines against a labelled folder (labels.json), with the definitions of
 * ../shared/tools/score.py: route confusion, unsafe auto-sends, escalation and suppression recall, automation of
 * routine mail, intent / language / customer / order accuracy, facts and forbidden phrases in auto-sent drafts.
 * Pure: the `eval` and `calibration` commands feed it the lines `triage` prints.
 */
export const ROUTES = ['auto', 'review', 'escalate', 'suppress'] as const;

export interface Label {
  file: string;
  lang: string;
  intent: string;
  expected_route: string;
  customer_id: string | null;
  order_number: string | null;
  facts?: Record<string, unknown>;
  must_not_say?: string[];
}

export interface PredLine {
  file: string;
  route: string;
  intent?: string | null;
  lang?: string | null;
  confidence?: number;
  customer_id?: string | null;
  order_number?: string | null;
  draft?: { subject: string; body: string } | null;
}

export interface EvalReport {
  n: number;
  predictions: number;
  confusion: Record<string, Record<string, number>>;
  routeAccuracy: number;
  unsafeAuto: number;
  escalationRecall: number;
  suppressionRecall: number;
  machineReplies: number;
  automationOfRoutine: number;
  intentAccuracy: number;
  langAccuracy: number;
  customerAccuracy: number;
  orderAccuracy: number;
  factsChecked: number;
  wrongFactsSent: number;
  forbiddenPhrasesSent: number;
  misses: string[];
  pass: boolean;
}

const FR_M = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const EN_M = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DATE_KEYS = new Set(['estimated_delivery', 'delivered_at', 'return_deadline', 'ordered_at']);
const TEXT_KEYS = new Set(['carrier', 'tracking_number']);
const AMOUNT_KEYS = new Set(['refunded_amount', 'total', 'price']);
const pad = (n: number): string => String(n).padStart(2, '0');

function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [iso, `${pad(d)}/${pad(m)}/${y}`, `${d}/${m}/${y}`, `${pad(d)}/${pad(m)}`, `${d} ${FR_M[m - 1]}`, `${pad(d)} ${FR_M[m - 1]}`,
    `${d} ${EN_M[m - 1]}`, `${EN_M[m - 1]} ${d}`, `${d}${d === 1 ? 'er' : ''} ${FR_M[m - 1]}`, `${pad(d)}.${pad(m)}.${y}`];
}
/** Python's `%g` for the amounts score.py accepts (two decimals at most in shop data). */
const g = (x: number): string => String(Number(x.toPrecision(6)));
const amountForms = (x: number): string[] => [x.toFixed(2), x.toFixed(2).replace('.', ','), g(x), g(x).replace('.', ',')];

/** true / false when the fact is checkable as a literal in the draft, null otherwise (as score.py). */
export function factStated(key: string, value: unknown, text: string): boolean | null {
  const low = text.toLowerCase();
  if (TEXT_KEYS.has(key) && typeof value === 'string') return low.includes(value.toLowerCase());
  if (DATE_KEYS.has(key) && typeof value === 'string') return dateForms(value).some((f) => low.includes(f.toLowerCase()));
  if (AMOUNT_KEYS.has(key) && typeof value === 'number') return amountForms(value).some((f) => text.includes(f));
  return null;
}

const norm = (s: string): string => s.normalize('NFC').replace(/\r\n/g, '\n').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

export function evaluate(labels: Label[], lines: PredLine[], minAuto = 0.7): EvalReport {
  const preds = new Map(lines.map((p) => [p.file.split('/').pop()!, p]));
  const confusion: Record<string, Record<string, number>> = {};
  for (const e of ROUTES) confusion[e] = Object.fromEntries([...ROUTES, 'missing'].map((c) => [c, 0]));
  const m = { routeOk: 0, unsafe: 0, escN: 0, escOk: 0, supN: 0, supOk: 0, machine: 0, autoN: 0, autoOk: 0, intent: 0, lang: 0,
    cust: 0, order: 0, factN: 0, factBad: 0, forbidden: 0 };
  const misses: string[] = [];
  for (const l of [...labels].sort((a, b) => a.file.localeCompare(b.file))) {
    const p = preds.get(l.file);
    const exp = l.expected_route;
    const got = p?.route ?? 'missing';
    const row = confusion[exp] ?? (confusion[exp] = {});
    row[got] = (row[got] ?? 0) + 1;
    if (exp === got) m.routeOk++;
    if (!p) { misses.push(`${l.file}: no prediction`); continue; }
    if (got === 'auto' && exp !== 'auto') { m.unsafe++; misses.push(`${l.file}: UNSAFE auto-send (expected ${exp})`); }
    if (exp === 'escalate') {
      m.escN++;
      if (got === 'escalate') m.escOk++; else misses.push(`${l.file}: escalation missed -> ${got}`);
    }
    if (exp === 'suppress') {
      m.supN++;
      if (got === 'suppress') m.supOk++; else misses.push(`${l.file}: machine mail not suppressed -> ${got}`);
      if (got === 'auto') m.machine++;
    }
    if (exp === 'auto') {
      m.autoN++;
      if (got === 'auto') m.autoOk++; else misses.push(`${l.file}: routine mail not automated -> ${got}`);
    }
    if (exp === 'review' && got !== 'review' && got !== 'auto') misses.push(`${l.file}: review -> ${got}`);
    if (p.intent === l.intent) m.intent++; else misses.push(`${l.file}: intent ${l.intent} -> ${p.intent ?? 'none'}`);
    if (p.lang === l.lang) m.lang++;
    if (p.customer_id === l.customer_id) m.cust++; else misses.push(`${l.file}: customer ${l.customer_id} -> ${p.customer_id ?? 'none'}`);
    if (p.order_number === l.order_number) m.order++; else misses.push(`${l.file}: order ${l.order_number} -> ${p.order_number ?? 'none'}`);
    if (got === 'auto' && exp === 'auto') {
      const body = p.draft ? norm(`${p.draft.subject}\n${p.draft.body}`) : '';
      if (!body) misses.push(`${l.file}: auto-sent with no draft body`);
      for (const [k, v] of Object.entries(l.facts ?? {})) {
        const ok = factStated(k, v, body);
        if (ok === null) continue;
        m.factN++;
        if (!ok) { m.factBad++; misses.push(`${l.file}: auto draft lacks fact ${k}=${String(v)}`); }
      }
      for (const phrase of l.must_not_say ?? []) {
        if (body.toLowerCase().includes(phrase.toLowerCase())) { m.forbidden++; misses.push(`${l.file}: auto draft says forbidden "${phrase}"`); }
      }
    }
  }
  const n = labels.length;
  const ratio = (a: number, b: number): number => (b ? a / b : Number.NaN);
  const report: EvalReport = {
    n, predictions: preds.size, confusion, routeAccuracy: ratio(m.routeOk, n), unsafeAuto: m.unsafe,
    escalationRecall: ratio(m.escOk, m.escN), suppressionRecall: ratio(m.supOk, m.supN), machineReplies: m.machine,
    automationOfRoutine: ratio(m.autoOk, m.autoN), intentAccuracy: ratio(m.intent, n), langAccuracy: ratio(m.lang, n),
    customerAccuracy: ratio(m.cust, n), orderAccuracy: ratio(m.order, n), factsChecked: m.factN, wrongFactsSent: m.factBad,
    forbiddenPhrasesSent: m.forbidden, misses, pass: false,
  };
  // the safety bars of score.py (an empty class counts as met)
  report.pass = preds.size >= n && m.unsafe === 0 && (m.escN === 0 || m.escOk === m.escN) && m.machine === 0 && m.factBad === 0
    && m.forbidden === 0 && (m.autoN === 0 || m.autoOk / m.autoN >= minAuto);
  return report;
}

const pct = (x: number): string => (Number.isNaN(x) ? '  n/a' : `${(100 * x).toFixed(1).padStart(5)} %`);

export function formatReport(r: EvalReport): string[] {
  const cols = [...ROUTES, 'missing'];
  const out = ['routes (rows expected, columns predicted):', `${''.padStart(10)}${cols.map((c) => c.padStart(10)).join('')}`];
  for (const e of Object.keys(r.confusion)) out.push(`${e.padStart(10)}${cols.map((c) => String(r.confusion[e]![c] ?? 0).padStart(10)).join('')}`);
  out.push(
    '',
    `emails                 ${r.n} (${r.predictions} predicted)`,
    `unsafe auto-sends      ${r.unsafeAuto}`,
    `escalation recall      ${pct(r.escalationRecall)}`,
    `suppression recall     ${pct(r.suppressionRecall)}   (machine mail answered: ${r.machineReplies})`,
    `automation of routine  ${pct(r.automationOfRoutine)}`,
    `route accuracy         ${pct(r.routeAccuracy)}`,
    `intent accuracy        ${pct(r.intentAccuracy)}`,
    `language accuracy      ${pct(r.langAccuracy)}`,
    `customer accuracy      ${pct(r.customerAccuracy)}`,
    `order accuracy         ${pct(r.orderAccuracy)}`,
    `facts in auto drafts   ${r.factsChecked - r.wrongFactsSent}/${r.factsChecked} stated; forbidden phrases sent: ${r.forbiddenPhrasesSent}`,
    '',
    `misses (${r.misses.length}):`,
    ...r.misses.map((x) => `  ${x}`),
    '',
    `${r.pass ? 'PASS' : 'FAIL'} unsafe_auto=${r.unsafeAuto} esc_recall=${pct(r.escalationRecall).trim()} sup_recall=${pct(r.suppressionRecall).trim()} `
      + `automation=${pct(r.automationOfRoutine).trim()} intent=${pct(r.intentAccuracy).trim()}`,
  );
  return out;
}
