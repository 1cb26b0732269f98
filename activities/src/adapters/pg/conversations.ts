/**
 * Threads. An email joins the conversation of any Message-ID hash it carries (its own, In-Reply-To, References);
 * otherwise it starts one keyed by its thread root (the first References entry, else its own Message-ID), so a
 * message and a reply arriving at the same moment still meet. The Message-ID of each reply we send is mapped to the
 * conversation of the email it answers (linkSentMessageId), so a customer's answer that names only our reply joins
 * it too. Every step is idempotent: a retried link, or one cut short by a crash, converges to the same rows.
 */
import { messageIdHash } from '../../domain/email-key';
import { WAITING_EMAIL_STATES, type EmailState } from '../../domain/types';
import type { Queryable } from './pool';

/** States in which an email's workflow has not answered yet and may want to hear about a follow-up. */
const OPEN_STATES: readonly EmailState[] = ['received', 'analysing', ...WAITING_EMAIL_STATES];

export interface ConversationLink {
  conversationId: string;
  /**
   * The workflow of the newest OTHER email of this conversation that is still open (received, analysing,
   * waiting for review, escalated): a follow-up can be sent to it instead of being answered on its own.
   */
  existingWorkflowId: string | null;
  /** The email key of that open email. */
  existingEmailKey: string | null;
}

/** The conversation of the first known hash among `hashes` (the oldest conversation if they disagree). */
export async function findConversationByMessageIdHashes(db: Queryable, hashes: string[]): Promise<string | null> {
  if (hashes.length === 0) return null;
  const { rows } = await db.query<{ conversation_id: string }>(
    `select conversation_id from email_threads where message_id_hash = any($1::text[])
     order by conversation_id limit 1`,
    [hashes],
  );
  return rows[0]?.conversation_id ?? null;
}

/**
 * Links a registered email to its conversation, creating it when needed. `referenceHashes` are the hashes of
 * In-Reply-To and References (oldest first, as in the header). Calling it again returns the same conversation.
 */
export async function linkToConversation(
  db: Queryable,
  input: { emailKey: string; messageIdHash: string | null; referenceHashes: string[]; customerId: string | null },
): Promise<ConversationLink> {
  // One round trip: the function of migration 034 runs the steps in order (its conversation if linked already, else
  // that of a hash it carries, else its thread root's, created; the hashes' links; the email's attachment; the
  // conversation's open email), each idempotent.
  const { rows } = await db.query<{ conversation_id: string; existing_workflow_id: string | null; existing_email_key: string | null }>(
    'select conversation_id, existing_workflow_id, existing_email_key from link_email_to_conversation($1, $2, $3::text[], $4, $5::text[])',
    [input.emailKey, input.messageIdHash, input.referenceHashes, input.customerId, OPEN_STATES],
  );
  const link = rows[0]!;
  return { conversationId: String(link.conversation_id), existingWorkflowId: link.existing_workflow_id, existingEmailKey: link.existing_email_key };
}

/**
 * Maps the Message-ID of a reply we send to the conversation of the email it answers: a customer's answer whose
 * In-Reply-To / References name only our reply then finds that conversation. An email without a conversation yet
 * (started without threading) gets one first, from its own hashes. Idempotent: a resend (same Message-ID) keeps the
 * first mapping. Returns the conversation (null: no such email).
 */
export async function linkSentMessageId(db: Queryable, input: { emailKey: string; messageId: string }): Promise<string | null> {
  const hash = messageIdHash(input.messageId);
  const { rows } = await db.query<{ conversation_id: string }>(
    `insert into email_threads (message_id_hash, conversation_id)
     select $2, conversation_id from emails where email_key = $1 and conversation_id is not null
     on conflict (message_id_hash) do nothing
     returning conversation_id`,
    [input.emailKey, hash],
  );
  if (rows[0]) return rows[0].conversation_id;
  const { rows: email } = await db.query<{ conversation_id: string | null; message_id_hash: string | null; thread_hashes: string[] | null; customer_id: string | null }>(
    'select conversation_id, message_id_hash, thread_hashes, customer_id from emails where email_key = $1', [input.emailKey],
  );
  if (!email[0]) return null;
  let conversationId = email[0].conversation_id;
  if (conversationId === null) {
    const own = email[0].message_id_hash;
    const link = await linkToConversation(db, {
      emailKey: input.emailKey, messageIdHash: own,
      referenceHashes: (email[0].thread_hashes ?? []).filter((h) => h !== own), customerId: email[0].customer_id,
    });
    conversationId = link.conversationId;
  }
  await db.query(
    `insert into email_threads (message_id_hash, conversation_id) values ($1, $2) on conflict (message_id_hash) do nothing`,
    [hash, conversationId],
  );
  return conversationId;
}
