/**
 * A customer's wish to be answered by a person: `customers.ai_opt_out`, which routing reads for every email
 * (triage/route.ts: `ai_opt_out`). Recorded from the link of one of our replies or by a reviewer on an email's page,
 * with when and how (`ai_opt_out_at`, `ai_opt_out_via`, kept by a CRM re-seed) and an audit row on that email.
 */
import type { Pool } from 'pg';
import type { EmailCase } from '../../domain/types';
import type { FieldVault } from '../vault/field-vault';
import { appendAudit } from './audit-log';
import type { Queryable } from './pool';
import { withTransaction } from './transaction';

export type OptOutVia = 'reply_link' | 'reviewer';

export interface EmailCustomer {
  /** The language of the reply sent for this email (its draft's), when there is one. */
  lang: string | null;
  customerId: string | null;
  /** How triage found the customer (Enrichment.customerMatch). */
  customerMatch: string | null;
  aiOptOut: boolean;
}

/**
 * The customer an email was matched to, whether they already opted out, and the language of our reply; null when
 * the email is unknown.
 */
export async function customerOfEmail(db: Queryable, vault: FieldVault, emailKey: string): Promise<EmailCustomer | null> {
  const { rows } = await db.query<{ emailCase: Buffer | null; aiOptOut: boolean }>(
    `select e.email_case as "emailCase", coalesce(c.ai_opt_out, false) as "aiOptOut"
     from emails e left join customers c on c.id = e.customer_id
     where e.email_key = $1`,
    [emailKey],
  );
  const row = rows[0];
  if (!row) return null;
  const emailCase = await vault.openJson<EmailCase>(row.emailCase);
  return {
    lang: emailCase?.draft?.lang ?? null,
    customerId: emailCase?.enrichment?.customerId ?? null,
    customerMatch: emailCase?.enrichment?.customerMatch ?? null,
    aiOptOut: row.aiOptOut,
  };
}

export type OptOutOutcome = { status: 'recorded' | 'already' } | { status: 'no_customer' };

export async function optOutCustomer(
  pool: Pool, input: { emailKey: string; customerId: string; via: OptOutVia; reviewer?: string },
): Promise<OptOutOutcome> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ aiOptOut: boolean }>('select ai_opt_out as "aiOptOut" from customers where id = $1 for update', [input.customerId]);
    const customer = rows[0];
    if (!customer) return { status: 'no_customer' } as const;
    if (customer.aiOptOut) return { status: 'already' } as const;
    await client.query(
      `update customers set ai_opt_out = true, ai_opt_out_at = now(), ai_opt_out_via = $2 where id = $1`,
      [input.customerId, input.via],
    );
    await appendAudit(client, {
      emailKey: input.emailKey, stage: 'customer', event: 'ai_opt_out',
      data: { customerId: input.customerId, via: input.via, ...(input.reviewer ? { reviewer: input.reviewer } : {}) },
    });
    return { status: 'recorded' } as const;
  });
}
