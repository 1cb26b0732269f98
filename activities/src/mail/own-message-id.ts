/**
 * Our replies' Message-IDs are `<first 32 hex of the email key>.reply@<shop support domain>` (compose-reply.ts):
 * a bounce that returns one of them is a bounce of a shop reply, and can be linked back to its email.
 */
import type { MachineVerdict, ParsedEmail } from '../domain/types';
export function isOwnReplyMessageId(supportAddress: string): (messageId: string) => boolean {
  const domain = (supportAddress.split('@')[1] ?? '').trim().toLowerCase();
  const suffix = `.reply@${domain}`;
  return (messageId) => domain.length > 0 && messageId.trim().replace(/^<|>$/g, '').toLowerCase().endsWith(suffix);
}

/** What a bounce of one of our replies says, ready to be recorded (adapters/pg/bounces.ts). */
export interface ShopReplyBounce {
  /** The email key of the bounce message itself (the DSN we received). */
  bounceEmailKey: string;
  /** The returned Message-ID (one of ours). */
  bouncedMessageId: string;
  /** The failed recipient as the report names it; used only when the sent reply is not found. */
  recipient: string | null;
  /** RFC 3463 status (5.1.1), DSN action (failed, delayed) and diagnostic as reported (addresses masked on write). */
  status: string | null;
  action: string | null;
  diagnostic: string | null;
}

/** The bounce to record for a case whose machine verdict says `bounce_of_shop_reply`; null otherwise. */
export function shopReplyBounceOf(
  bounceEmailKey: string,
  emailCase: { parsed: ParsedEmail; machine: MachineVerdict },
): ShopReplyBounce | null {
  const { machine, parsed } = emailCase;
  if (!machine.reasons.includes('bounce_of_shop_reply') || !machine.bouncedMessageId) return null;
  const fields = parsed.report?.fields ?? {};
  const status = (fields['status'] ?? '').match(/\b[245]\.\d{1,3}\.\d{1,3}\b/)?.[0] ?? null;
  return {
    bounceEmailKey,
    bouncedMessageId: machine.bouncedMessageId,
    recipient: machine.bouncedRecipient ?? null,
    status,
    action: fields['action']?.trim().toLowerCase() || null,
    diagnostic: fields['diagnostic-code']?.trim() || null,
  };
}
