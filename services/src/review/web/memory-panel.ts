/**
 * The customer's memory beside the draft: what the shop remembered of them when the draft was written (the case
 * file's `memory`, read by the retrieve stage): stated preferences, refused offers, the last product suggested, and
 * the entries newest first (past emails' summaries, offers made and refused, reviewer notes), all PII-masked.
 */
import type { CustomerMemory, MemoryKind } from '@replique/activities/domain/types';
import { html, type SafeHtml } from './html';

const PREFERENCE_LABELS: Record<string, string> = {
  no_phone: 'no phone calls: answer in writing',
  call_evening: 'prefers a call in the evening',
};
const KIND_LABELS: Record<MemoryKind, string> = {
  summary: 'email', offer_made: 'offer made', offer_refused: 'offer refused', preference: 'preference',
  reviewer_note: 'reviewer note', upsell: 'product suggested',
};
/** Entries shown; the draft used them all. */
const SHOWN = 12;

export function memoryPanel(memory: CustomerMemory | null | undefined, customerVerified: boolean): SafeHtml {
  if (!customerVerified) return html``;
  const m = memory ?? null;
  return html`<section class="memory" aria-labelledby="memory-title"><h2 id="memory-title">Customer memory</h2>
    ${!m || m.entries.length === 0 ? html`<p class="muted">Nothing remembered yet: this is the first closed email we know of.</p>` : html`
    <p>${m.preferences.map((p) => html`<span class="tag pref" data-preference="${p}">${PREFERENCE_LABELS[p] ?? p}</span>`)}
      ${m.refusedOffers.map((c) => html`<span class="tag guard" data-refused="${c}">refused ${c === '*' ? 'offers in general' : c}</span>`)}
      ${m.lastUpsellAt ? html`<span class="tag">product suggested ${m.lastUpsellAt.slice(0, 10)}</span>` : ''}</p>
    <p class="muted">The draft honours these: a refused offer is not proposed again, a stated preference is followed.</p>
    <ul class="memory-entries">${m.entries.slice(0, SHOWN).map((e) => html`<li data-kind="${e.kind}">
      <span class="muted">${e.at.slice(0, 10)}</span> <b>${KIND_LABELS[e.kind]}</b>${e.code && e.kind !== 'summary' ? html` <code>${e.code}</code>` : ''}
      ${e.kind === 'offer_made' || e.kind === 'upsell' ? '' : html`<span class="memory-text">${e.text}</span>`}</li>`)}</ul>
    ${m.entries.length > SHOWN ? html`<p class="muted">… and ${m.entries.length - SHOWN} older entries.</p>` : ''}`}
  </section>`;
}
