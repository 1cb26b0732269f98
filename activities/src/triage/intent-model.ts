/**
 * The trained intent model the project owns (ml/train-intent-model.ts writes ml/models/intent-model.json): a
 * multinomial logistic regression over hashed word / bigram / character 4-gram features (intent-features.ts), int8
 * weights. Pure TypeScript inference, deterministic, a few hundred microseconds per email.
 *
 * The model only ever sees the PII-masked new text (classify.ts masks it before calling). Its probabilities are
 * combined with the rule scores by `blendIntentProbabilities`: one calibrated probability per intent, whose
 * parameters were fitted on a held-out split of the training data (see ml/README.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { INTENTS, type Intent } from '../domain/types';
import { FEATURE_VERSION, hashedFeatures } from './intent-features';

export const DEFAULT_INTENT_MODEL_FILE = path.resolve(__dirname, '../../../ml/models/intent-model.json');

/** Logistic blend of rule scores and model log-probabilities: logit_i = a·rule_i + b·ln(p_i + ε) + c·[i = other]. */
export const blendParamsSchema = z.object({ a: z.number(), b: z.number(), c: z.number(), eps: z.number().positive() });
export type BlendParams = z.infer<typeof blendParamsSchema>;

export const intentModelFileSchema = z.object({
  kind: z.literal('hashed-ngram-logreg'),
  version: z.string(),
  feature_version: z.literal(FEATURE_VERSION),
  buckets: z.number().int().positive(),
  intents: z.array(z.enum(INTENTS)).min(2),
  /** base64 Uint32 bucket ids (ascending) of the stored rows; other buckets weigh 0. */
  rows: z.string(),
  /** base64 Int8 weights, one row of `intents.length` per stored bucket; weight = int8 · scale. */
  weights: z.string(),
  scale: z.number().positive(),
  bias: z.array(z.number()),
  blend: blendParamsSchema,
  /** Rules-only calibration (used when no model is loaded): logit_i = a·rule_i + c·[i = other]. */
  rules_only: z.object({ a: z.number(), c: z.number() }),
  training: z.record(z.string(), z.unknown()).default({}),
});
export type IntentModelFile = z.infer<typeof intentModelFileSchema>;

export interface LoadedIntentModel {
  version: string;
  intents: readonly Intent[];
  blend: BlendParams;
  rulesOnly: { a: number; c: number };
  /** What the training script recorded (sizes, held-out accuracy and reliability). */
  training: Record<string, unknown>;
  /** Probabilities per intent for a (masked) text. */
  predict(text: string): Record<string, number>;
}

export function decodeIntentModel(file: IntentModelFile): LoadedIntentModel {
  const k = file.intents.length;
  const rowIds = new Uint32Array(new Uint8Array(Buffer.from(file.rows, 'base64')).buffer);
  const w8 = new Int8Array(new Uint8Array(Buffer.from(file.weights, 'base64')).buffer);
  if (w8.length !== rowIds.length * k || file.bias.length !== k) throw new Error('intent model: weight shape mismatch');
  const rowOf = new Map<number, number>();
  rowIds.forEach((b, i) => rowOf.set(b, i));
  const predict = (text: string): Record<string, number> => {
    const z = file.bias.slice();
    for (const [bucket, v] of hashedFeatures(text, file.buckets)) {
      const r = rowOf.get(bucket);
      if (r === undefined) continue;
      const off = r * k;
      for (let j = 0; j < k; j++) z[j]! += v * w8[off + j]! * file.scale;
    }
    const p = softmax(z);
    return Object.fromEntries(file.intents.map((i, j) => [i, p[j]!]));
  };
  return { version: file.version, intents: file.intents, blend: file.blend, rulesOnly: file.rules_only, training: file.training, predict };
}

export function parseIntentModel(text: string, source = 'intent model'): LoadedIntentModel {
  const parsed = intentModelFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`invalid ${source}: ${z.prettifyError(parsed.error)}`);
  return decodeIntentModel(parsed.data);
}

/** Loads the committed model (default ml/models/intent-model.json); throws when missing or invalid. */
export function loadIntentModel(file: string = DEFAULT_INTENT_MODEL_FILE): LoadedIntentModel {
  return parseIntentModel(readFileSync(file, 'utf8'), file);
}

export function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/**
 * One calibrated probability per intent from the rule scores and (optionally) the model's probabilities.
 * Intents the model does not know (machine intents) keep their rule evidence only.
 */
export function blendIntentProbabilities(
  rules: Readonly<Record<Intent, number>>,
  model: Partial<Record<Intent, number>> | null,
  params: BlendParams,
  rulesOnly: { a: number; c: number },
  candidates: readonly Intent[],
): Record<Intent, number> {
  const z = candidates.map((i) => {
    if (!model) return rulesOnly.a * (rules[i] ?? 0) + (i === 'other' ? rulesOnly.c : 0);
    return params.a * (rules[i] ?? 0) + params.b * Math.log((model[i] ?? 0) + params.eps) + (i === 'other' ? params.c : 0);
  });
  const p = softmax(z);
  const out = Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
  candidates.forEach((i, j) => { out[i] = p[j]!; });
  return out;
}

/** The TriageDeps fields for a loaded model: the masked-text hook and its calibration. */
export function intentDeps(model: LoadedIntentModel): {
  intentModel: (text: string) => Partial<Record<Intent, number>>;
  intentCalibration: { blend: BlendParams; rulesOnly: { a: number; c: number } };
} {
  return {
    intentModel: (text) => model.predict(text) as Partial<Record<Intent, number>>,
    intentCalibration: { blend: model.blend, rulesOnly: model.rulesOnly },
  };
}
