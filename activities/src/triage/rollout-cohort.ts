/**
 * The rollout cohort: which customers' mail may be answered automatically at the rollout percentage in force.
 *
 * The cohort is a stable hash of the **customer**, keyed by the sender's address (trimmed, lower-cased) with the
 * policy's salt, in 10,000 buckets: a customer is in the cohort when their bucket is under `percentage × 100`.
 * - The customer, not the message or the conversation: one customer gets one experience (all their conversations
 *   and follow-ups are on the same side), so the cohort's re-escalation and CSAT measure what it lived; and a
 *   customer in the cohort at 1 % stays in it at 5 % and 25 % (the buckets only grow with the percentage).
 * - The address, not the CRM's customer id: every email has one before any lookup (unknown senders included), and
 *   the CRM finds its customers by that same address, so the key does not change when a customer is imported.
 * Neither the address nor the bucket is logged: the route event carries only `in` or `out`.
 */
import { createHash } from 'node:crypto';
import type { RoutingPolicy } from './policy';

export const ROLLOUT_BUCKETS = 10_000;

/** The cohort key of a sender: the address, trimmed and lower-cased; null without a sender. */
export function cohortKeyOf(address: string | null | undefined): string | null {
  const key = address?.trim().toLowerCase();
  return key ? key : null;
}

/** Stable bucket 0..9999 of a cohort key under a salt. */
export function rolloutBucket(key: string, salt = ''): number {
  const digest = createHash('sha256').update(`${salt}:${key}`).digest();
  return digest.readUInt32BE(0) % ROLLOUT_BUCKETS;
}

/** True when the policy's rollout admits this sender's mail to automatic replies. No sender: only at 100 %. */
export function rolloutAdmits(policy: Pick<RoutingPolicy, 'rolloutPercentage' | 'rolloutSalt'>, address: string | null | undefined): boolean {
  if (policy.rolloutPercentage >= 100) return true;
  const key = cohortKeyOf(address);
  if (policy.rolloutPercentage <= 0 || !key) return false;
  return rolloutBucket(key, policy.rolloutSalt) < Math.round(policy.rolloutPercentage * (ROLLOUT_BUCKETS / 100));
}
