/**
 * What a person writes to start an experiment, validated (zod): the variants (the first is the control), each a
 * version key `textId@version` naming the prompt or template text it uses, the outcome it is judged on, and the
 * planning figures the horizon is computed from (sample-size.ts). Pure.
 */
import { z } from 'zod';
import { EXPERIMENT_METRICS } from './metrics';
import { planTest, type TestPlan } from './sample-size';

export const EXPERIMENT_KINDS = ['prompt', 'template', 'tone', 'length', 'cta'] as const;
export type ExperimentKind = (typeof EXPERIMENT_KINDS)[number];

const slug = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'lower-case letters, digits, . _ - (up to 63)');

export const experimentDefinitionSchema = z.object({
  id: slug,
  kind: z.enum(EXPERIMENT_KINDS),
  title: z.string().trim().min(1).max(200),
  metric: z.enum(EXPERIMENT_METRICS),
  baseline: z.number().positive(),
  mde: z.number().positive(),
  alpha: z.number().gt(0).lt(0.5).default(0.05),
  power: z.number().min(0.5).lt(1).default(0.8),
  assignmentUnit: z.enum(['conversation', 'customer']).default('conversation'),
  /** The first variant is the control. */
  variants: z.array(z.object({
    name: slug,
    versionKey: z.string().regex(/^[^@\s]+@[^@\s]+$/, 'textId@version'),
    weight: z.number().int().positive().default(1),
  })).min(2).refine((vs) => new Set(vs.map((v) => v.name)).size === vs.length, 'variant names must differ'),
});

export type ExperimentDefinition = z.infer<typeof experimentDefinitionSchema>;

/** Validates a definition and computes its fixed horizon (throws on nonsense planning figures). */
export function planExperiment(input: unknown): { definition: ExperimentDefinition; plan: TestPlan } {
  const definition = experimentDefinitionSchema.parse(input);
  const plan = planTest({
    metric: definition.metric, baseline: definition.baseline, mde: definition.mde,
    alpha: definition.alpha, power: definition.power, arms: definition.variants.length,
  });
  return { definition, plan };
}
