/**
 * The review queue as Postgres mirrors it: emails waiting for a person (waiting_review / escalated), with their
 * latest routing decision, draft and case file pieces the review tool shows. The workflow stays the owner of the
 * state; the tool asks it (state query) before acting. The case file and the draft's texts are opened here
 * (../vault/field-vault.ts).
 */
import type { Draft, EmailCase, EmailState } from '../../domain/types';
import type { FieldVault } from '../vault/field-vault';
import { generationJson } from './drafts';
import type { Queryable } from './pool';

export interface QueueItem {
  emailKey: string;
  workflowId: string;
  state: EmailState;
  stateReason: string | null;
  route: string | null;
  intent: string | null;
  conversationId: string | null;
  createdAt: Date;
  /** When the email entered its current state (the mirror's last update). */
  updatedAt: Date;
  /** When a `waiting_review` email escalates (its SLA deadline, recorded by the workflow); null otherwise. */
  reviewDueAt: Date | null;
  reasons: string[];
  approvalsRequired: number;
  draft: (Pick<Draft, 'subject' | 'body' | 'templateId' | 'version' | 'generator' | 'model' | 'facts' | 'generation'>) | null;
  emailCase: EmailCase | null;
}

export interface QueueFilter {
  route?: string;
  intent?: string;
  limit?: number;
}

const SELECT = `
  select e.email_key as "emailKey", e.workflow_id as "workflowId", e.state, e.state_reason as "stateReason", e.route,
    e.intent, e.conversation_id as "conversationId", e.created_at as "createdAt", e.updated_at as "updatedAt",
    e.review_due_at as "reviewDueAt",
    coalesce(d.reasons, '[]'::jsonb) as reasons, coalesce(d.approvals_required, 1) as "approvalsRequired",
    case when dr.id is null then null else jsonb_build_object(
      'templateId', dr.template_id, 'version', dr.version, 'generator', dr.generator, 'model', dr.model,
      'generation', ${generationJson('dr')}) end as draft,
    dr.subject as "draftSubject", dr.body as "draftBody", dr.facts as "draftFacts",
    e.email_case as "emailCase"
  from emails e
  left join lateral (select * from decisions where email_key = e.email_key order by id desc limit 1) d on true
  left join lateral (select * from drafts where email_key = e.email_key order by id desc limit 1) dr on true`;

type StoredQueueItem = Omit<QueueItem, 'emailCase' | 'draft'> & {
  draft: Omit<NonNullable<QueueItem['draft']>, 'subject' | 'body' | 'facts'> | null;
  draftSubject: Buffer | null;
  draftBody: Buffer | null;
  draftFacts: Buffer | null;
  emailCase: Buffer | null;
};

async function openQueueItem(vault: FieldVault, row: StoredQueueItem): Promise<QueueItem> {
  const { draftSubject, draftBody, draftFacts, draft, emailCase, ...rest } = row;
  const [subject, body, facts, openedCase] = await Promise.all([
    vault.openText(draftSubject), vault.openText(draftBody), vault.openJson<Draft['facts']>(draftFacts), vault.openJson<EmailCase>(emailCase),
  ]);
  return { ...rest, draft: draft ? { ...draft, subject: subject ?? '', body: body ?? '', facts: facts ?? {} } : null, emailCase: openedCase };
}

/**
 * Waiting emails, the nearest deadline first (an escalated email by when it escalated): the bounded page the review
 * tool puts in priority order (services/src/review/queue-priority.ts).
 */
export async function listWaitingEmails(db: Queryable, vault: FieldVault, filter: QueueFilter = {}): Promise<QueueItem[]> {
  const { rows } = await db.query<StoredQueueItem>(
    `${SELECT}
     where e.state in ('waiting_review', 'escalated')
       and ($1::text is null or e.route = $1) and ($2::text is null or e.intent = $2)
     order by coalesce(e.review_due_at, e.updated_at), e.email_key limit $3`,
    [filter.route ?? null, filter.intent ?? null, filter.limit ?? 200],
  );
  return Promise.all(rows.map((row) => openQueueItem(vault, row)));
}

/** How many emails wait (with the same filter), so a page cut at its limit can say how many it leaves out. */
export async function countWaitingEmails(db: Queryable, filter: QueueFilter = {}): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from emails e
     where e.state in ('waiting_review', 'escalated')
       and ($1::text is null or e.route = $1) and ($2::text is null or e.intent = $2)`,
    [filter.route ?? null, filter.intent ?? null],
  );
  return rows[0]?.n ?? 0;
}

export async function getQueueItem(db: Queryable, vault: FieldVault, emailKey: string): Promise<QueueItem | null> {
  const { rows } = await db.query<StoredQueueItem>(`${SELECT} where e.email_key = $1`, [emailKey]);
  return rows[0] ? openQueueItem(vault, rows[0]) : null;
}

export interface HistoryItem {
  emailKey: string;
  state: EmailState;
  intent: string | null;
  subject: string | null;
  createdAt: Date;
}

/** Other emails of the same conversation, or from the same customer (by CRM id), newest first. */
export async function customerHistory(
  db: Queryable, vault: FieldVault,
  input: { emailKey: string; conversationId: string | null; customerId: string | null; limit?: number },
): Promise<HistoryItem[]> {
  const { rows } = await db.query<Omit<HistoryItem, 'subject'> & { emailCase: Buffer | null }>(
    `select email_key as "emailKey", state, intent, email_case as "emailCase", created_at as "createdAt"
     from emails
     where email_key <> $1
       and ((conversation_id is not null and conversation_id = $2) or ($3::text is not null and customer_id = $3))
     order by created_at desc limit $4`,
    [input.emailKey, input.conversationId, input.customerId, input.limit ?? 10],
  );
  return Promise.all(rows.map(async ({ emailCase, ...row }) => (
    { ...row, subject: (await vault.openJson<EmailCase>(emailCase))?.parsed.subject ?? null })));
}

/** The distinct intents and routes waiting, for the queue's filters. */
export async function waitingFacets(db: Queryable): Promise<{ routes: string[]; intents: string[] }> {
  const { rows } = await db.query<{ route: string | null; intent: string | null }>(
    `select distinct route, intent from emails where state in ('waiting_review', 'escalated')`,
  );
  const uniq = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();
  return { routes: uniq(rows.map((r) => r.route)), intents: uniq(rows.map((r) => r.intent)) };
}
