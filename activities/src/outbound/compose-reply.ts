/**
 * The outgoing message for one email: who it goes to, its threading headers, its deterministic Message-ID, and
 * the last safety net before anything leaves — an automatic reply only for a case routed `auto` whose checks all
 * passed, never to machine mail or to a system address. With link settings, the reply ends with its signed links
 * (rate this reply; on an automatic reply to a customer known by their address, ask for a person next time) and
 * also goes out as HTML (reply-links.ts).
 */
import type { SendRequest } from '../activity-contracts';
import type { DraftAttachment, EmailCase, ShopPolicies } from '../domain/types';
import type { SendReplyInput } from '../adapters/smtp/smtp-sender';
import { htmlWithLinks, replyLinkUrls, textWithLinks, type ReplyLang, type ReplyLinkSettings } from './reply-links';

export class UnsafeReplyError extends Error {
  override readonly name = 'UnsafeReplyError';
}

/**
 * Everything the SMTP sender needs but the idempotency keys, which the activity adds, and the files, which it renders
 * from `documents` (the draft's checked documents).
 */
export type ComposedReply = Omit<SendReplyInput, 'sendKey' | 'emailKey' | 'attachments'> & {
  from: { name: string; address: string };
  to: string;
  documents: DraftAttachment[];
};

const SYSTEM_SENDER = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+.-].*)?@/i;

export function composeReply(
  emailCase: EmailCase, policies: ShopPolicies, request: SendRequest, links: ReplyLinkSettings | null = null, now: Date = new Date(),
): ComposedReply {
  const to = (emailCase.parsed.replyTo ?? emailCase.parsed.from)?.address;
  if (!to) throw new UnsafeReplyError('the email has no sender address to reply to');
  if (SYSTEM_SENDER.test(to)) throw new UnsafeReplyError('the sender is a system address: no reply');
  if (request.mode === 'automatic') assertSafeAutomaticReply(emailCase);

  const draft = emailCase.draft;
  const text = request.edited?.body ?? draft?.body;
  if (!text?.trim()) throw new UnsafeReplyError('nothing to send: no draft and no edited text');
  const subject = request.edited?.subject?.trim() || draft?.subject || replySubject(emailCase.parsed.subject);

  const original = emailCase.parsed.messageId;
  const references = [...emailCase.parsed.references, ...(original ? [original] : [])];
  const domain = policies.support_address.split('@')[1] ?? 'replique.invalid';
  const lang = replyLang(emailCase);
  const urls = links ? replyLinkUrls(links, request.emailKey, offersOptOut(emailCase, request), now) : null;
  return {
    from: { name: policies.shop_name, address: policies.support_address },
    to,
    subject,
    text: urls ? textWithLinks(text, lang, urls) : text,
    ...(urls ? { html: htmlWithLinks(text, lang, urls) } : {}),
    inReplyTo: original,
    references: [...new Set(references)],
    autoSubmitted: request.mode === 'automatic',
    messageId: `${request.emailKey.slice(0, 32)}.reply@${domain}`,
    documents: draft?.attachments ?? [],
  };
}

/** The language the reply is written in: the draft's, else the email's when it is French or English. */
function replyLang(emailCase: EmailCase): ReplyLang {
  const lang = emailCase.draft?.lang ?? emailCase.classification?.lang;
  return lang === 'en' ? 'en' : 'fr';
}

/**
 * "A person next time" is offered on automatic replies to a customer found by their own address: the opt-out is
 * recorded on that customer, and their next email (found the same way) goes to a person. Not to a third party
 * writing on someone's behalf.
 */
function offersOptOut(emailCase: EmailCase, request: SendRequest): boolean {
  const enrichment = emailCase.enrichment;
  return request.mode === 'automatic' && !!enrichment?.customerId && enrichment.customerMatch === 'sender';
}

function assertSafeAutomaticReply(emailCase: EmailCase): void {
  if (emailCase.machine.isMachine) throw new UnsafeReplyError('machine mail is never answered automatically');
  if (emailCase.decision?.route !== 'auto') throw new UnsafeReplyError('the case was not routed for automatic reply');
  if (!emailCase.draft) throw new UnsafeReplyError('no draft to send');
  if (!emailCase.guardrails?.passed) throw new UnsafeReplyError('the draft did not pass every check');
}

export function replySubject(subject: string): string {
  const trimmed = subject.trim();
  return /^(re|aw|réf?|tr)\s*:/i.test(trimmed) ? trimmed : `Re: ${trimmed}`;
}
