/**
 * What a run of `replique triage` / `eval` remembers from one email to the next, with the worker's semantics (its
 * Postgres adapters: auto-reply-log.ts, sent-replies.ts, bounces.ts), so the CLI decides as the worker does:
 *
 * - the automatic replies it would send (an `auto` route whose reply composeReply accepts, as the worker's send
 *   does), counted by triage/auto-reply-window.ts for the per-sender and per-thread limits;
 * - those replies' Message-IDs, recipients and fingerprints, for the check of quotes attributed to the shop: the log
 *   holds every reply of the run, so it is verified, like sent_mail;
 * - the bounces of those replies: the address (the reply's recipient, else the report's) is hard-bouncing when its
 *   latest bounce was permanent.
 * Nothing leaves the process.
 */
import type { EmailCase, ShopPolicies } from '../../domain/types';
import type { ShopReplyBounce } from '../../mail/own-message-id';
import { replyFingerprint, type SentReplyFingerprint } from '../../mail/reply-fingerprint';
import { composeReply, UnsafeReplyError } from '../../outbound/compose-reply';
import { autoReplyClock, countAutoReplies, threadKeyOf, type AutoReplyEntry } from '../../triage/auto-reply-window';
import type { AutoReplyCounts, AutoReplyLog } from '../../triage/pipeline';
import type { SentReplies, SentReplyLog } from '../../triage/quoted-shop';
import type { BounceLog } from '../../triage/route';
import { bounceAddressHash, isHardBounce } from '../pg/bounces';

/** As PgSentReplyLog: how many of the latest replies to one address a quote is checked against. */
const LATEST_TO_RECIPIENT = 20;

const bare = (id: string): string => id.trim().replace(/^<|>$/g, '');

interface SentReply extends SentReplyFingerprint {
  recipientHash: string;
}

export class MemoryDecisionLog implements AutoReplyLog, SentReplyLog, BounceLog {
  private readonly automatic: AutoReplyEntry[] = [];
  private readonly sent: SentReply[] = [];
  private readonly bounced = new Map<string, string | null>();

  constructor(private readonly now: () => number = Date.now) {}

  async recent(sender: string, threadKey: string | null, at: string | null): Promise<AutoReplyCounts> {
    return countAutoReplies(this.automatic, sender, threadKey, autoReplyClock(at, this.now()));
  }

  async sentAmong(messageIds: string[], recipient: string | null): Promise<SentReplies> {
    const ids = new Set(messageIds.map((id) => bare(id).toLowerCase()));
    const named = this.sent.filter((r) => ids.has(r.messageId.toLowerCase()));
    const hash = recipient ? bounceAddressHash(recipient) : null;
    const latest = hash ? this.sent.filter((r) => r.recipientHash === hash).slice(-LATEST_TO_RECIPIENT).reverse() : [];
    const replies = [...new Set([...named, ...latest])].map(({ messageId, fingerprint }) => ({ messageId, fingerprint }));
    return { replies, verified: true };
  }

  async isHardBouncing(address: string): Promise<boolean> {
    const status = this.bounced.get(bounceAddressHash(address));
    return status !== undefined && isHardBounce(status, null);
  }

  /**
   * The email was routed `auto`: the reply the worker would send is remembered (and counted), unless the last safety
   * check refuses it — then the worker sends nothing either. Returns whether it counted.
   */
  noteAutomaticReply(emailKey: string, emailCase: EmailCase, policies: ShopPolicies): boolean {
    if (emailCase.decision?.route !== 'auto') return false;
    let reply;
    try {
      reply = composeReply(emailCase, policies, { emailKey, mode: 'automatic', approvedBy: [], edited: null }, null);
    } catch (error) {
      if (error instanceof UnsafeReplyError) return false;
      throw error;
    }
    const { parsed } = emailCase;
    const sentAt = this.now();
    this.automatic.push({ sender: parsed.from?.address ?? '', threadKey: threadKeyOf(parsed), at: autoReplyClock(parsed.date, sentAt) });
    const messageId = bare(reply.messageId);
    this.sent.push({ messageId, fingerprint: replyFingerprint(messageId, reply.text), recipientHash: bounceAddressHash(reply.to) });
    return true;
  }

  /** A bounce of one of our replies (shopReplyBounceOf), as recordShopReplyBounce marks its address. */
  noteBounce(bounce: ShopReplyBounce): void {
    const id = bare(bounce.bouncedMessageId).toLowerCase();
    const original = this.sent.find((r) => r.messageId.toLowerCase() === id);
    const hash = original?.recipientHash ?? (bounce.recipient ? bounceAddressHash(bounce.recipient) : null);
    const hard = isHardBounce(bounce.status, bounce.action);
    if (hash) this.bounced.set(hash, bounce.status ?? (hard ? '5.0.0' : null));
  }
}
