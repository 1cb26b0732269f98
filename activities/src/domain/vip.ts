/**
 * Who gets VIP care (a shorter review SLA, queue priority, VIP-only remedies, the human-touch line): a customer the
 * CRM marks `vip`, found by the sender's own address. An identity only claimed in the text never makes a VIP.
 */
import type { EmailCase } from './types';

export function isVerifiedVip(emailCase: Pick<EmailCase, 'enrichment'> | null | undefined): boolean {
  const enrichment = emailCase?.enrichment;
  return enrichment?.vip === true && enrichment.customerMatch === 'sender';
}
