/**
 * What the post-run scan looks for, taken from the data itself (opened with the KEKs): for each email whose case file
 * still opens, the personal data triage found in it (names, e-mail addresses, phones, postal addresses, IBANs, card
 * numbers…) and a few sentences of what the customer wrote; and the full name and address of each CRM customer who
 * wrote. Short values (under MIN_LENGTH characters) are left out: they would match by chance.
 */
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { loadCase } from '@replique/activities/adapters/pg/emails';
import { ErasedFieldError, type FieldVault } from '@replique/activities/adapters/vault/field-vault';

const MIN_LENGTH = 8;
const SENTENCE_LENGTH = { min: 30, max: 120 };
const SENTENCES_PER_EMAIL = 3;

export interface ScanFragment {
  /** `pii:phone`, `sentence`, `crm:name`… (what is printed; never the value). */
  kind: string;
  value: string;
}

export async function fragmentsFromData(db: Queryable, vault: FieldVault, options: { maxEmails?: number } = {}): Promise<ScanFragment[]> {
  const fragments = new Map<string, ScanFragment>();
  const add = (kind: string, value: string | null | undefined) => {
    const v = value?.trim();
    if (v && v.length >= MIN_LENGTH && !fragments.has(v)) fragments.set(v, { kind, value: v });
  };
  const { rows } = await db.query<{ emailKey: string }>(
    `select email_key as "emailKey" from emails where email_case is not null order by created_at desc limit $1`, [options.maxEmails ?? 2_000]);
  for (const { emailKey } of rows) {
    const emailCase = await loadCase(db, vault, emailKey).catch((error: unknown) => {
      if (error instanceof ErasedFieldError) return null;
      throw error;
    });
    if (!emailCase) continue;
    for (const pii of emailCase.pii ?? []) add(`pii:${pii.type}`, pii.value);
    const sentences = (emailCase.cleaned?.clean ?? '').split(/[.!?\n]+/).map((s) => s.trim().replace(/\s+/g, ' '))
      .filter((s) => s.length >= SENTENCE_LENGTH.min && s.length <= SENTENCE_LENGTH.max);
    for (const sentence of sentences.slice(0, SENTENCES_PER_EMAIL)) add('sentence', sentence);
  }
  const { rows: customers } = await db.query<{ name: string; email: string }>(
    `select first_name || ' ' || last_name as name, email from customers
     where id in (select customer_id from emails where customer_id is not null)`);
  for (const c of customers) {
    add('crm:name', c.name);
    add('crm:email', c.email);
  }
  return [...fragments.values()];
}
