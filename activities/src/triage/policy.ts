/**
 * The routing policy as data: a JSON file per shop (defaults in policies/default.json), validated with zod at load
 * and merged with the shop's own policies (escalation keywords, refund double-approval threshold).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { INTENTS, type Intent, type ShopPolicies } from '../domain/types';

const langLists = z.object({ fr: z.array(z.string()).default([]), en: z.array(z.string()).default([]) });
/** A duration as Temporal and the `ms` package write it: `45m`, `2h`, `1d`. */
const duration = z.string().regex(/^\d+(?:ms|s|m|h|d)$/, 'a duration such as 30m, 2h or 1d');

/** VIP care (README "VIP care"): a shorter review SLA, and a human-touch line in the drafts of the listed templates. */
const vipSchema = z.object({
  review_sla: z.object({ remind_after: duration, escalate_after: duration }).nullable().default(null),
  human_touch: z.object({ fr: z.string().min(1), en: z.string().min(1), templates: z.array(z.string()).default([]) })
    .nullable().default(null),
});

/**
 * The gated rollout (docs/operations.md, "Gated rollout"): the share of customers whose mail may be answered
 * automatically (`percentage`, a stable hash of the sender's address with `salt`: rollout-cohort.ts), the ladder of
 * steps a lead promotes along, and the gate the cohort's KPIs must hold. The evaluator (rollout/evaluate-rollout.ts)
 * proposes the next step when they hold over the minimum sample, and steps back one at once when one breaks.
 */
export const rolloutGateSchema = z.object({
  /** Days at a step before a promotion is proposed. */
  min_days: z.number().min(0).default(14),
  /** Automatic replies to the cohort at this step before a promotion is proposed. */
  min_automated: z.number().int().min(1).default(200),
  /** A rate is judged (and may step back) once its denominator has this many emails. */
  min_sample: z.number().int().min(1).default(30),
  /** Reviewed replies to the cohort that a person edited, out of those sent after review. */
  max_edit_rate: z.number().min(0).max(1).default(0.3),
  /** Automatic replies to the cohort whose customer wrote again on the same matter within 7 days. */
  max_reescalation_rate: z.number().min(0).max(1).default(0.05),
  /** The cohort's drafts blocked by the fact-check (or an edit blocked by it). */
  max_fact_check_block_rate: z.number().min(0).max(1).default(0.1),
  /** Share of the cohort's ratings that are 4 or 5, judged from `min_csat_ratings` ratings on. */
  min_csat: z.number().min(0).max(1).default(0.85),
  min_csat_ratings: z.number().int().min(1).default(20),
});
export type RolloutGate = z.infer<typeof rolloutGateSchema>;

const rolloutSchema = z.object({
  percentage: z.number().min(0).max(100).default(100),
  salt: z.string().default(''),
  /** The ladder, in increasing order; below the first step is 0 (no automatic reply). */
  steps: z.array(z.number().gt(0).max(100)).min(1).default([1, 5, 25])
    .refine((steps) => steps.every((s, i) => i === 0 || s > steps[i - 1]!), 'steps must increase'),
  gate: rolloutGateSchema.default(rolloutGateSchema.parse({})),
});

/**
 * Discreet upsell (reply/upsell.ts): a post-purchase automatic reply of an opted-in template may name one complementary
 * product, at most once per customer per `period_days`.
 */
const upsellSchema = z.object({
  enabled: z.boolean().default(false),
  period_days: z.number().int().min(1).default(90),
  templates: z.array(z.string()).default([]),
});

export const policyFileSchema = z.object({
  version: z.string(),
  confidence_threshold: z.number().min(0).max(1).default(0.85),
  /**
   * The bar for a question asked before buying (no order concerned, every ask a catalogue question answered by a
   * verified catalogue fact, nothing negative), read on the probability that the mail wants only information: more
   * likely than not by default. Never above `confidence_threshold`.
   */
  presale_confidence_threshold: z.number().min(0).max(1).default(0.5),
  /**
   * The bar for a thank-you that asks nothing and says nothing went wrong, answered by a note that commits to nothing
   * (no fact, no promise): read on the probability of the thanks intent, more likely than not by default. Never above
   * `confidence_threshold`.
   */
  acknowledgement_confidence_threshold: z.number().min(0).max(1).default(0.5),
  escalation_keywords: langLists.default({ fr: [], en: [] }),
  defusing_contexts: langLists.default({ fr: [], en: [] }),
  automation: z.object({
    enabled_intents: z.array(z.enum(INTENTS)).default([]),
    slightly_late_max_days: z.number().int().min(0).default(5),
  }),
  rollout: rolloutSchema,
  refund: z.object({ double_approval_over: z.number().nonnegative().nullable().default(null) }).default({
    double_approval_over: null,
  }),
  ai_opt_out: z.enum(['escalate', 'review']).default('escalate'),
  auto_reply_limits: z.object({
    per_sender_per_day: z.number().int().min(0).default(3),
    per_thread: z.number().int().min(0).default(2),
  }),
  vip: vipSchema.default({ review_sla: null, human_touch: null }),
  upsell: upsellSchema.default({ enabled: false, period_days: 90, templates: [] }),
});
export type PolicyFile = z.infer<typeof policyFileSchema>;

export interface RoutingPolicy {
  version: string;
  confidenceThreshold: number;
  /** The bar for a pre-sale catalogue question every ask of which the draft answers (route.ts); ≤ confidenceThreshold. */
  presaleConfidenceThreshold: number;
  /** The bar for a thank-you note to a mail that asks nothing (route.ts `plainThanks`); ≤ confidenceThreshold. */
  acknowledgementConfidenceThreshold: number;
  escalationKeywords: { fr: string[]; en: string[] };
  defusingContexts: { fr: string[]; en: string[] };
  automatedIntents: ReadonlySet<Intent>;
  slightlyLateMaxDays: number;
  rolloutPercentage: number;
  rolloutSalt: string;
  /** Days after delivery a return is accepted (shop policy; 30 when unknown). */
  returnWindowDays: number;
  /** Refunds strictly above this amount need two different approvers; null = never. */
  refundDoubleApprovalOver: number | null;
  aiOptOutRoute: 'escalate' | 'review';
  autoReplyLimits: { perSenderPerDay: number; perThread: number };
  /** The review SLA of a VIP customer's email (shorter than the default); null: the default SLA. */
  vipReviewSla: { remindAfter: string; escalateAfter: string } | null;
  /** The line a VIP's draft carries before the signature, for the listed template ids; null: none. */
  vipHumanTouch: { fr: string; en: string; templates: readonly string[] } | null;
  /** Discreet upsell: the switch, the period between two suggestions to one customer, the opted-in template ids. */
  upsell: UpsellPolicy;
}

export interface UpsellPolicy {
  enabled: boolean;
  periodDays: number;
  templates: readonly string[];
}

export const DEFAULT_POLICY_FILE = path.resolve(__dirname, '../../../policies/default.json');

const uniq = (xs: string[]): string[] => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

/** Builds the effective policy from a validated policy file and (optionally) the shop's policies. */
type ShopPolicyPart = Pick<ShopPolicies, 'escalation_keywords_fr' | 'escalation_keywords_en' | 'refund_double_approval_over'>
  & Partial<Pick<ShopPolicies, 'return_window_days'>>;

export function buildPolicy(file: PolicyFile, shop?: ShopPolicyPart): RoutingPolicy {
  return {
    version: file.version,
    confidenceThreshold: file.confidence_threshold,
    presaleConfidenceThreshold: Math.min(file.presale_confidence_threshold, file.confidence_threshold),
    acknowledgementConfidenceThreshold: Math.min(file.acknowledgement_confidence_threshold, file.confidence_threshold),
    escalationKeywords: {
      fr: uniq([...(shop?.escalation_keywords_fr ?? []), ...file.escalation_keywords.fr]),
      en: uniq([...(shop?.escalation_keywords_en ?? []), ...file.escalation_keywords.en]),
    },
    defusingContexts: { fr: uniq(file.defusing_contexts.fr), en: uniq(file.defusing_contexts.en) },
    automatedIntents: new Set(file.automation.enabled_intents),
    slightlyLateMaxDays: file.automation.slightly_late_max_days,
    rolloutPercentage: file.rollout.percentage,
    rolloutSalt: file.rollout.salt,
    returnWindowDays: shop?.return_window_days ?? 30,
    refundDoubleApprovalOver: file.refund.double_approval_over ?? shop?.refund_double_approval_over ?? null,
    aiOptOutRoute: file.ai_opt_out,
    autoReplyLimits: {
      perSenderPerDay: file.auto_reply_limits.per_sender_per_day,
      perThread: file.auto_reply_limits.per_thread,
    },
    vipReviewSla: file.vip.review_sla
      ? { remindAfter: file.vip.review_sla.remind_after, escalateAfter: file.vip.review_sla.escalate_after }
      : null,
    vipHumanTouch: file.vip.human_touch,
    upsell: { enabled: file.upsell.enabled, periodDays: file.upsell.period_days, templates: file.upsell.templates },
  };
}

/** Parses policy JSON text; throws an Error listing every invalid field. */
export function parsePolicyFile(text: string, source = 'policy'): PolicyFile {
  const result = policyFileSchema.safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`invalid policy ${source}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Loads a policy file (default: policies/default.json) and merges the shop's policies into it. */
export async function loadPolicy(
  file: string = DEFAULT_POLICY_FILE,
  shop?: ShopPolicyPart,
): Promise<RoutingPolicy> {
  return buildPolicy(parsePolicyFile(await readFile(file, 'utf8'), file), shop);
}

export { rolloutAdmits, rolloutBucket } from './rollout-cohort';
