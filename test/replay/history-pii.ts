/**
 * PII that must never be in a workflow history: the shop's customers (names, email addresses), the PII the dev and
 * train sets are labelled with (phones, addresses, bank details, …), and the emails' text itself (any 36 characters
 * of a clean body contain one of its 24-character windows, looked up at every offset of the history's text).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { devEmailsDir, sharedRoot, shopFixture } from '../support/paths';

interface Label { file: string; pii?: { type: string; value: string }[]; clean_body?: string }

export interface PiiFinding { what: string; value: string }

const WINDOW = 24;
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normalise = (text: string) => text.replace(/\\[nrt]/g, ' ').replace(/\s+/g, ' ');

interface Needles { values: { what: string; value: string; pattern: RegExp }[]; bodyWindows: Map<string, string> }

function loadNeedles(): Needles {
  const shop = JSON.parse(readFileSync(shopFixture, 'utf8')) as { customers: Record<string, unknown>[] };
  const values: Needles['values'] = [];
  const bodyWindows = new Map<string, string>();
  const add = (what: string, value: unknown) => {
    if (typeof value !== 'string' || value.trim().length < 3) return;
    const v = normalise(value.trim());
    values.push({ what, value: v, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(v)}(?![\\p{L}\\p{N}])`, 'u') });
  };
  for (const c of shop.customers) {
    add('customer first name', c.first_name);
    add('customer last name', c.last_name);
    add('customer email', c.email);
  }
  for (const dir of [devEmailsDir, path.join(sharedRoot, 'fixtures', 'emails-train')]) {
    const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as Label[];
    for (const label of labels) {
      for (const pii of label.pii ?? []) add(`${label.file} PII (${pii.type})`, pii.value);
      const body = normalise(label.clean_body ?? '').trim();
      for (let i = 0; i + WINDOW <= body.length; i += WINDOW / 2) bodyWindows.set(body.slice(i, i + WINDOW), `${label.file} body text`);
    }
  }
  return { values, bodyWindows };
}

let needles: Needles | null = null;

/** What of the known PII occurs in these texts (a history's decoded payloads). */
export function findPii(texts: string[]): PiiFinding[] {
  needles ??= loadNeedles();
  const text = texts.map(normalise).join('\n');
  const found = new Map<string, PiiFinding>();
  for (const n of needles.values) if (text.includes(n.value) && n.pattern.test(text)) found.set(`${n.what}:${n.value}`, n);
  for (let i = 0; i + WINDOW <= text.length; i++) {
    const window = text.slice(i, i + WINDOW);
    const what = needles.bodyWindows.get(window);
    if (what) found.set(`${what}:${window}`, { what, value: window });
  }
  return [...found.values()].map(({ what, value }) => ({ what, value }));
}
