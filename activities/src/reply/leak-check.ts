/**
 * What must never travel from the customer's side into a reply: instructions aimed at the assistant (injected or
 * echoed), long verbatim copies of the customer's text (the usual carrier of such instructions), other people's
 * data, and the sender's own bank, card or identity numbers.
 */
import type { PiiFinding } from '../domain/types';
import { fold, words } from './text-fold';
import { ibanShapes } from '../triage/pii';

export type LeakCheckName = 'injection_echo' | 'other_customer_data' | 'pii_echo';

export interface LeakIssue {
  check: LeakCheckName;
  message: string;
}

/** Wording addressed to an AI or a system, in FR and EN. A reply from the shop never contains these. */
const INJECTION_PATTERNS: RegExp[] = [
  /\b(ignore|disregard|forget|override)\b.{0,30}\b(instructions?|rules?|prompts?|guidelines?)\b/,
  /\b(ignore[rz]?|oublie[rz]?|ne tiens pas compte)\b.{0,30}\b(instructions?|consignes?|regles?)\b/,
  /\b(system|developer) (prompt|message|mode)\b/, /\bprompt systeme\b/, /\bmaintenance mode\b/, /\bmode (maintenance|developpeur|admin)\b/,
  /\byou are now\b/, /\b(tu es|vous etes) maintenant\b/, /\bai assistant\b/, /\bassistant (ia|ai)\b/, /\bas an ai\b/, /\ben tant qu'(ia|intelligence)/,
  /\bjailbreak\b/, /\b(list|liste) (of |des )?(all )?(customer|client)s?\b/, /\bcustomer email addresses\b/, /\badresses e-?mail des clients\b/,
  /\b(reveal|print|show) (your|the) (instructions|prompt|rules)\b/,
];

/** Word runs this long copied from the customer's text into the draft are treated as an echo. */
const ECHO_RUN = 8;
/** Quoted history is mostly the shop's own earlier replies, which share formulas with ours: only long copies count. */
const QUOTED_ECHO_RUN = 14;
const HIDDEN_ECHO_RUN = 4;

function shingles(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

/** The first run of n words the draft shares with the source, leaving out runs of `own` (the shop's own wording). */
function copiedRun(draft: string, source: string, n: number, own = ''): string | null {
  if (!source.trim()) return null;
  const src = shingles(source, n);
  if (src.size === 0) return null;
  const ours = own.trim() ? shingles(own, n) : new Set<string>();
  for (const s of shingles(draft, n)) if (src.has(s) && !ours.has(s)) return s;
  return null;
}

export interface LeakCheckInput {
  draftText: string;
  /** The customer's new text, the quoted history, and text hidden in the HTML. */
  customerText: string;
  quotedText: string;
  hiddenText: string;
  pii: PiiFinding[];
  /** Full names of other people whose data the draft must not carry (owners of orders mentioned, etc.). */
  otherPeople: string[];
  /** Phone numbers that are the sender's own (from their signature), allowed back. */
  senderPhones?: string[];
  /**
   * The shop's own wording of the reply for this case, built from verified data (the template's text): a run of it
   * that the customer happened to write too ("your order X was due on 20 November") restates a fact, it is no copy.
   */
  ownText?: string;
}

const PHONE_RE = /(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{1,4}\)?[\s.-]?){2,5}\d{2,4}/g;
const CARD_RE = /\b(?:\d[ -]?){13,19}\b/g;

function digitsOnly(s: string): string {
  return s.replace(/\D/g, '');
}

export function leakCheck(input: LeakCheckInput): LeakIssue[] {
  const issues: LeakIssue[] = [];
  const draft = fold(input.draftText);

  for (const re of INJECTION_PATTERNS) {
    const m = re.exec(draft);
    if (m) issues.push({ check: 'injection_echo', message: `draft contains instruction-like text: "${m[0]}"` });
  }
  const hiddenCopy = copiedRun(input.draftText, input.hiddenText, HIDDEN_ECHO_RUN);
  if (hiddenCopy) issues.push({ check: 'injection_echo', message: `draft repeats text hidden in the email's HTML: "${hiddenCopy}"` });
  for (const [source, name, run] of [[input.customerText, 'message', ECHO_RUN], [input.quotedText, 'quoted history', QUOTED_ECHO_RUN]] as const) {
    const copy = copiedRun(input.draftText, source, run, input.ownText);
    if (copy) issues.push({ check: 'injection_echo', message: `draft copies the customer's ${name} verbatim: "${copy}"` });
  }

  for (const person of input.otherPeople) {
    const f = fold(person).trim();
    if (f.includes(' ') && draft.includes(f)) issues.push({ check: 'other_customer_data', message: `draft names ${person}, who is not the sender` });
  }

  const senderPhones = new Set((input.senderPhones ?? []).map(digitsOnly));
  for (const p of input.pii) {
    const inDraft = p.value.length >= 4 && draft.includes(fold(p.value));
    if (!inDraft) continue;
    if (p.type === 'iban' || p.type === 'card' || p.type === 'nir' || p.type === 'dob') {
      issues.push({ check: 'pii_echo', message: `draft repeats the customer's ${p.type}` });
    } else if (p.type === 'name' || p.type === 'email' || p.type === 'address') {
      issues.push({ check: 'other_customer_data', message: `draft repeats a third party's ${p.type} from the message` });
    } else if (p.type === 'phone' && !senderPhones.has(digitsOnly(p.value))) {
      issues.push({ check: 'other_customer_data', message: 'draft repeats a phone number from the message' });
    }
  }
  // Numbers shaped like cards, IBANs or phones, whatever the PII finder saw.
  for (const m of input.draftText.match(CARD_RE) ?? []) {
    if (digitsOnly(m).length >= 13) issues.push({ check: 'pii_echo', message: 'draft contains a card-like number' });
  }
  for (const m of ibanShapes(input.draftText.toUpperCase())) {
    if (digitsOnly(m).length >= 10) issues.push({ check: 'pii_echo', message: 'draft contains an IBAN-like number' });
  }
  for (const m of input.draftText.match(PHONE_RE) ?? []) {
    const d = digitsOnly(m);
    if (d.length >= 9 && d.length <= 13 && /[\s.+-]/.test(m.trim()) && !senderPhones.has(d)) {
      issues.push({ check: 'other_customer_data', message: `draft contains a phone number (${m.trim()})` });
    }
  }
  return dedupe(issues);
}

function dedupe(issues: LeakIssue[]): LeakIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.check + i.message) ? false : (seen.add(i.check + i.message), true)));
}
