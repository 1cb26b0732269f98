/**
 * A labelled email folder (`*.eml` + labels.json, the schema of shared/fixtures/emails-dev/README.md) read the way the
 * trained heads read mail: the triage stages up to classify (clean, machine, pii, enrich), then the masked model text
 * and classify's input. The targets come from the labels: the intent, and the risk class derived from the route and
 * its reasons (labels say *why* a mail escalates; only escalations carried by the words teach the risk head).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Intent } from '../activities/src/domain/types';
import { loadShopJson } from '../activities/src/adapters/shop-json';
import { parseEmail } from '../activities/src/mail/parse-email';
import { EmbeddedContextStore } from '../activities/src/reply/embedded-context-store';
import { classifyInputOf, maskedModelText, TEXT_INTENTS } from '../activities/src/triage/classify';
import type { TriageDeps } from '../activities/src/triage/pipeline';
import { loadPolicy, type RoutingPolicy } from '../activities/src/triage/policy';
import { newCase, TRIAGE_STAGES } from '../activities/src/triage/stages';
import type { CorpusExample, RiskClass, RoutineClass } from './train-meaning-model';

/** The fold of a file: first byte of SHA-256(file name) mod k (the corpus README's split; Python gives the same). */
export const foldOf = (file: string, k: number): number => createHash('sha256').update(path.basename(file)).digest()[0]! % k;

/**
 * The corpus's last fold of five is read once, at the end: rules are shaped and compiled-in heads are trained on the
 * other four. A head compiled into the code (the machine-mail head) is not retrained by `eval --folds`, so it never
 * trains on this fold, whatever folder it is given; that keeps `eval --folds 5`'s fold 4 out of its sample.
 */
export const isHeldBackFold = (file: string): boolean => foldOf(file, 5) === 4;

/** The author of a training file: its block of `block` files by the number in its name (t001–t120 → 0, t121–t240 → 1...). */
export function authorOf(file: string, block = 120): number {
  const n = /(\d+)/.exec(path.basename(file))?.[1];
  return n === undefined ? 0 : Math.floor(Math.max(0, Number(n) - 1) / block);
}

/** The label fields training reads. */
export interface CorpusLabel { file: string; intent: string; expected_route: string; route_reasons: string[] }

/** Escalations whose cause is not in the words (opt-out, a hijacked sender, an attack on the reader) teach nothing. */
const STRUCTURAL = /injection|hidden_html|tampered|impersonat|forbidden_commitment|account_takeover|sender_not|lookalike_domain/;

/** The risk class a label teaches: the escalation family its words carry, 'none' for mail that must not escalate. */
export function riskClassOf(label: CorpusLabel): RiskClass | null {
  if (label.expected_route === 'suppress' || label.intent === 'prompt_injection') return null;
  const reasons = label.route_reasons.join(' ');
  if (label.expected_route !== 'escalate') return 'none';
  if (label.intent === 'legal_threat' || /legal|court|mediator|lawyer/.test(reasons)) return 'legal_threat';
  if (/chargeback/.test(reasons)) return 'chargeback_hint';
  if (label.intent === 'fraud_report' || /unrecognised|account_compromise|fraud/.test(reasons)) return 'fraud_report';
  if (label.intent === 'gdpr_request' || /gdpr|erasure|access_request|data_source/.test(reasons)) return 'gdpr_request';
  if (label.intent === 'safety_incident' || /safety|injury|fire_risk/.test(reasons)) return 'safety_incident';
  if (/threat/.test(reasons)) return 'threat';
  if (/abusive/.test(reasons)) return 'abusive_language';
  if (/distress|self_harm/.test(reasons)) return 'distress';
  if (STRUCTURAL.test(reasons)) return null;
  return /^(?:ai_opt_out\s*)+$/.test(reasons.replace(/\b(?:delay_over_5_days|late_over_5_days|delay_over_5_days_offer|request_in_subject_only)\b/g, '').trim()) ? 'none' : null;
}

/** Reasons for a person that come from the shop's data or the sender, not from the words (they teach the words nothing). */
const DATA_REASON = /unverifiable|unknown_order|order_belongs|owner|lookalike|vip|ai_opt_out|above_threshold|namesake|amount_mismatch|sender_not|account_takeover|not_in_customer|no_matching_order|delay_over|late_over|overdue|not_yet|resolved_from|bottom_posted|request_in_subject/;

/** Whether the words allow a routine reply: 'needs_person' only when a reason for a person is in the words. */
export function routineClassOf(label: CorpusLabel): RoutineClass | null {
  if (label.expected_route === 'suppress' || label.intent === 'prompt_injection') return null;
  if (label.expected_route === 'auto') return 'routine';
  return label.route_reasons.every((r) => DATA_REASON.test(r)) ? null : 'needs_person';
}

/** The intent a label teaches the text head (machine mail and injection are decided by rules, not by the words' topic). */
export function intentTargetOf(label: CorpusLabel): Intent | null {
  if (label.expected_route === 'suppress' || label.intent === 'prompt_injection') return null;
  return (TEXT_INTENTS as readonly string[]).includes(label.intent) ? (label.intent as Intent) : null;
}

/** Reads the labelled emails of `files` (names in `dir`) into corpus examples; unparseable files are skipped. */
export async function corpusExamples(dir: string, labels: readonly CorpusLabel[], deps: TriageDeps): Promise<CorpusExample[]> {
  const upToClassify = TRIAGE_STAGES.slice(0, TRIAGE_STAGES.findIndex((s) => s.name === 'classify'));
  const out: CorpusExample[] = [];
  for (const label of labels) {
    const raw = await readFile(path.join(dir, label.file)).catch(() => null);
    if (!raw) continue;
    let c;
    try {
      c = newCase(await parseEmail(raw));
      for (const stage of upToClassify) c = await stage.run(c, deps);
    } catch {
      continue;
    }
    const input = await classifyInputOf(c, deps);
    out.push({ file: label.file, text: maskedModelText(c, input), input, intent: intentTargetOf(label), risk: riskClassOf(label), routine: routineClassOf(label) });
  }
  return out;
}

/** The corpus of a labelled folder with a shop file (the training script's entry). */
export async function readCorpus(dir: string, shopFile: string, policyFile?: string): Promise<{ corpus: CorpusExample[]; policy: RoutingPolicy }> {
  const labels = JSON.parse(await readFile(path.join(dir, 'labels.json'), 'utf8')) as CorpusLabel[];
  const shop = await loadShopJson(shopFile);
  const policy = await loadPolicy(policyFile, await shop.policies());
  const corpus = await corpusExamples(dir, labels, { shop, policy, context: new EmbeddedContextStore() });
  return { corpus, policy };
}
