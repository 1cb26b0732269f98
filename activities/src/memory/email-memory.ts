/**
 * What one closed email leaves in the customer's memory, and what a draft makes of the memory. Pure functions.
 *
 * Remembered (all PII-masked with the email's own findings, plus a fresh scan of reviewer notes):
 * - `summary`: date, intent, order, route → final state (edited or not), and the start of the customer's words;
 * - `offer_made`: each approved offer the sent reply carried;
 * - `offer_refused` / `preference`: what the customer said (stated-preferences.ts);
 * - `reviewer_note`: a reviewer's note on a decision;
 * - `upsell`: the complementary product the sent reply named (reply/upsell.ts).
 */
import type { CustomerMemory, EmailCase, EmailState, MemoryKind, PiiFinding, ShopPolicies } from '../domain/types';
import { findPii, maskPii, type PiiContext } from '../triage/pii';
import { findOfferMentions } from '../reply/offer-policy';
import type { MemoryEntry, RecalledEntry } from './memory-store';
import { statedPreferences, statedRefusals } from './stated-preferences';

export interface ClosedEmail {
  emailKey: string;
  emailCase: EmailCase;
  state: EmailState;
  /** When it closed (ISO). */
  at: string;
  /** The text that was sent (the reviewer's edit, or the draft); null when nothing was sent. */
  sentBody: string | null;
  edited: boolean;
  /** Reviewers' notes on their decisions. */
  notes: string[];
}

const EXCERPT_CHARS = 240;

/** The sender-verified customer of a case, or null: memory is never written or read for an unverified sender. */
export function memoryCustomerId(c: EmailCase): string | null {
  const e = c.enrichment;
  return !c.machine.isMachine && e?.customerMatch === 'sender' && e.customerId ? e.customerId : null;
}

export function memoryOfClosedEmail(closed: ClosedEmail, policies: ShopPolicies): MemoryEntry[] {
  const c = closed.emailCase;
  const customerId = memoryCustomerId(c);
  if (!customerId) return [];
  const lang = c.draft?.lang ?? (c.classification?.lang === 'en' ? 'en' : 'fr');
  const own = maskerFor(c, policies);
  const base = { customerId, lang, emailKey: closed.emailKey, at: closed.at } as const;
  const entries: MemoryEntry[] = [];
  const add = (kind: MemoryKind, code: string | null, text: string) =>
    entries.push({ ...base, id: `${closed.emailKey}:${kind}:${code ?? entries.length}`, kind, code, text });

  const intent = c.classification?.intent ?? 'unknown';
  const order = c.enrichment?.orderNumber ? ` ${c.enrichment.orderNumber}` : '';
  const route = c.decision?.route ?? '?';
  const words = own(c.cleaned.clean).replace(/\s+/g, ' ').trim();
  const excerpt = words.length > EXCERPT_CHARS ? `${words.slice(0, EXCERPT_CHARS)}…` : words;
  add('summary', null, `${intent}${order}: ${route} → ${closed.state}${closed.edited ? ' (edited)' : ''}. « ${excerpt} »`);

  if (closed.state === 'sent' && closed.sentBody) {
    const offers = new Set(findOfferMentions(closed.sentBody, policies).map((m) => m.code).filter((x): x is string => x !== null));
    for (const code of offers) add('offer_made', code, code);
    const upsell = c.draft?.upsell;
    if (upsell && closed.sentBody.includes(upsell.text)) add('upsell', upsell.sku, upsell.sku);
  }
  for (const r of statedRefusals(c.cleaned.clean, policies)) add('offer_refused', r.code, own(r.sentence));
  for (const p of statedPreferences(c.cleaned.clean)) add('preference', p.code, own(p.sentence));
  closed.notes.map((n) => n.trim()).filter(Boolean).forEach((note, i) => {
    entries.push({ ...base, id: `${closed.emailKey}:reviewer_note:${i}`, kind: 'reviewer_note', code: null, text: own(note) });
  });
  return entries;
}

/**
 * Masks a text for memory: the email's own PII findings, a fresh scan of the text, and the sender's own address and
 * name (which the triage scan leaves alone: they are the writer's, but memory keeps no identity at all).
 */
function maskerFor(c: EmailCase, policies: ShopPolicies): (text: string) => string {
  const from = c.parsed.from;
  const own: PiiFinding[] = [
    ...(from?.address ? [{ type: 'email' as const, value: from.address }] : []),
    ...(from?.name ? [from.name, ...from.name.split(/\s+/).filter((w) => w.length >= 3)].map((value) => ({ type: 'name' as const, value })) : []),
  ];
  const context: PiiContext = { senderAddress: null, senderName: null, shopAddress: policies.support_address };
  return (text) => maskPii(text, [...c.pii, ...own, ...findPii(text, context)]).masked;
}

/** The memory a draft uses and a reviewer sees, from the entries recalled (newest first). */
export function customerMemoryOf(entries: RecalledEntry[]): CustomerMemory {
  const codes = (kind: MemoryKind) => [...new Set(entries.filter((e) => e.kind === kind && e.code).map((e) => e.code!))];
  return {
    entries: entries.map(({ score: _score, ...e }) => e),
    preferences: codes('preference'),
    refusedOffers: codes('offer_refused'),
    lastUpsellAt: entries.find((e) => e.kind === 'upsell')?.at ?? null,
  };
}
