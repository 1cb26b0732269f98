/**
 * The draft's body with the facts it relies on (draft.facts values: order numbers, amounts, dates, carriers...)
 * wrapped in <mark>, so the reviewer checks exactly what the reply asserts. Everything else is escaped.
 */
import { escapeHtml, SafeHtml } from './html';

export function highlightFacts(body: string, facts: Record<string, unknown>): SafeHtml {
  const needles = factNeedles(facts);
  if (needles.length === 0) return new SafeHtml(escapeHtml(body));
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'g');
  let out = '';
  let last = 0;
  for (const match of body.matchAll(pattern)) {
    const at = match.index ?? 0;
    out += escapeHtml(body.slice(last, at));
    const names = Object.entries(facts).filter(([, v]) => factText(v) === match[0]).map(([k]) => k).join(', ');
    out += `<mark class="fact" title="${escapeHtml(names)}">${escapeHtml(match[0])}</mark>`;
    last = at + match[0].length;
  }
  return new SafeHtml(out + escapeHtml(body.slice(last)));
}

function factText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

/** Longest first, so "ORD-1234" wins over "1234"; very short values (a "1") would mark noise. */
function factNeedles(facts: Record<string, unknown>): string[] {
  const values = Object.values(facts).map(factText).filter((v): v is string => v !== null && v.length >= 2);
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
