/**
 * The trained model of meaning the project owns (ml/train-meaning-model.ts writes ml/models/intent-model.json): three
 * multinomial logistic regressions over the same hashed word / bigram / character 4-gram / negation-scope features
 * (intent-features.ts), int8 weights: the intent head, the risk head (escalation families said in any words) and the
 * routine head (do the words allow a routine reply?). Pure TypeScript inference, deterministic, about a millisecond
 * per email.
 *
 * The model only ever sees the PII-masked new text (classify.ts masks it before calling). Its probabilities are
 * combined with the rule scores by `blendIntentProbabilities`: one calibrated probability per intent, whose
 * parameters were fitted on a held-out split of the training data (see ml/README.md).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { INTENTS, type Intent } from '../domain/types';
import type { ConfidenceMap } from './confidence-map';
import { FEATURE_VERSION, hashedFeatures, withoutStructureMark } from './intent-features';

export const DEFAULT_INTENT_MODEL_FILE = path.resolve(__dirname, '../../../ml/models/intent-model.json');

/** Logistic blend of rule scores and model log-probabilities: logit_i = a·rule_i + b·ln(p_i + ε) + c·[i = other]. */
export const blendParamsSchema = z.object({ a: z.number(), b: z.number(), c: z.number(), eps: z.number().positive() });
export type BlendParams = z.infer<typeof blendParamsSchema>;

/** The escalation families the risk head tells apart; each is also the name of the routing signal it raises. */
export const RISK_FAMILIES = [
  'legal_threat', 'chargeback_hint', 'fraud_report', 'gdpr_request', 'safety_incident', 'threat', 'abusive_language', 'distress',
] as const;
export type RiskFamily = (typeof RISK_FAMILIES)[number];
export const RISK_CLASSES = ['none', ...RISK_FAMILIES] as const;

/** A head's quantised weights as stored: the rows it keeps and their int8 weights (see the intent head below). */
const storedWeights = {
  /** base64 Uint32 bucket ids (ascending) of the stored rows; other buckets weigh 0. */
  rows: z.string(),
  /** base64 Int8 weights, one row of `classes.length` per stored bucket; weight = int8 · scale. */
  weights: z.string(),
  scale: z.number().positive(),
  bias: z.array(z.number()),
};

/**
 * The risk head: a second logistic regression over the same features, 'none' or one escalation family. `threshold`:
 * the probability of a family (1 − P(none)) that escalates; `defuse_none`: P(none) at or above which a keyword or a
 * lexicon cue in the text is read as innocent (negated, another meaning). Both fitted on out-of-fold predictions.
 */
export const riskHeadSchema = z.object({
  classes: z.array(z.enum(RISK_CLASSES)).min(2),
  ...storedWeights,
  threshold: z.number().min(0).max(1),
  defuse_none: z.number().min(0).max(1),
  /**
   * The sentence head (same classes, same features), trained on sentences alone: the hand-written risk sentences as
   * their family, every sentence of mail that must not escalate as 'none'. It reads only innocence: the defusal's
   * "every sentence" test (`readRisk` pNoneMin). Absent in older files: the whole-text head reads each sentence.
   */
  sentence: z.object({ ...storedWeights }).optional(),
});
export type RiskHeadFile = z.infer<typeof riskHeadSchema>;

export const ROUTINE_CLASSES = ['routine', 'needs_person'] as const;

/** The routine head: do the words allow a routine reply, or ask a person (an action, a remedy)? `threshold`: P(routine) under which an automatable intent is held for a person. */
export const routineHeadSchema = z.object({
  classes: z.array(z.enum(ROUTINE_CLASSES)).length(2),
  ...storedWeights,
  threshold: z.number().min(0).max(1),
});

export const intentModelFileSchema = z.object({
  kind: z.literal('hashed-ngram-logreg'),
  version: z.string(),
  feature_version: z.literal(FEATURE_VERSION),
  buckets: z.number().int().positive(),
  intents: z.array(z.enum(INTENTS)).min(2),
  ...storedWeights,
  blend: blendParamsSchema,
  /** Rules-only calibration (used when no model is loaded): logit_i = a·rule_i + c·[i = other]. */
  rules_only: z.object({ a: z.number(), c: z.number() }),
  /**
   * Monotone map from a blend probability to the accuracy observed at it on author-grouped out-of-fold predictions
   * (confidence-map.ts): what routing reads as the probability of being right. Absent in older files: identity.
   */
  confidence_map: z.object({ x: z.array(z.number().min(0).max(1)), y: z.array(z.number().min(0).max(1)) })
    .refine((m) => m.x.length === m.y.length, 'x and y of the same length').optional(),
  risk: riskHeadSchema.optional(),
  routine: routineHeadSchema.optional(),
  training: z.record(z.string(), z.unknown()).default({}),
});
export type IntentModelFile = z.infer<typeof intentModelFileSchema>;

export interface LoadedIntentModel {
  version: string;
  intents: readonly Intent[];
  blend: BlendParams;
  rulesOnly: { a: number; c: number };
  /** The blend probability → probability of being right on a new writer's mail (null: identity). */
  confidenceMap: ConfidenceMap | null;
  /** What the training script recorded (sizes, held-out accuracy and reliability). */
  training: Record<string, unknown>;
  /** Probabilities per intent for a (masked) text. */
  predict(text: string): Record<string, number>;
  /** The risk head, when the file has one. */
  risk: RiskHead | null;
  /** The routine head, when the file has one. */
  routine: RoutineHead | null;
}

/** A decoded routine head: P(routine) of a masked text and the level under which an automatable intent waits for a person. */
export interface RoutineHead {
  pRoutine(text: string): number;
  threshold: number;
}

/** A decoded risk head: probabilities per class ('none' and the families) for a masked text, and its thresholds. */
export interface RiskHead {
  predict(text: string): Record<string, number>;
  /** The sentence head's probabilities for one sentence (absent: `predict` reads sentences too). */
  predictSentence?: (sentence: string) => Record<string, number>;
  threshold: number;
  defuseNone: number;
}

/** A linear head over hashed features: base64 bucket ids, int8 weights (× scale), one bias per class. */
function linearHead(h: { rows: string; weights: string; scale: number; bias: number[] }, classes: readonly string[], buckets: number) {
  const k = classes.length;
  const rowIds = new Uint32Array(new Uint8Array(Buffer.from(h.rows, 'base64')).buffer);
  const w8 = new Int8Array(new Uint8Array(Buffer.from(h.weights, 'base64')).buffer);
  if (w8.length !== rowIds.length * k || h.bias.length !== k) throw new Error('model: weight shape mismatch');
  const rowOf = new Map<number, number>();
  rowIds.forEach((b, i) => rowOf.set(b, i));
  return (text: string): Record<string, number> => {
    const z = h.bias.slice();
    for (const [bucket, v] of hashedFeatures(text, buckets)) {
      const r = rowOf.get(bucket);
      if (r === undefined) continue;
      const off = r * k;
      for (let j = 0; j < k; j++) z[j]! += v * w8[off + j]! * h.scale;
    }
    const p = softmax(z);
    return Object.fromEntries(classes.map((c, j) => [c, p[j]!]));
  };
}

export function decodeIntentModel(file: IntentModelFile): LoadedIntentModel {
  const predict = linearHead(file, file.intents, file.buckets);
  const risk = file.risk
    ? {
      predict: linearHead(file.risk, file.risk.classes, file.buckets), threshold: file.risk.threshold, defuseNone: file.risk.defuse_none,
      ...(file.risk.sentence ? { predictSentence: linearHead(file.risk.sentence, file.risk.classes, file.buckets) } : {}),
    }
    : null;
  const routineHead = file.routine ? linearHead(file.routine, file.routine.classes, file.buckets) : null;
  const routine = file.routine && routineHead ? { pRoutine: (t: string) => routineHead(t).routine ?? 0, threshold: file.routine.threshold } : null;
  return { version: file.version, intents: file.intents, blend: file.blend, rulesOnly: file.rules_only,
    confidenceMap: file.confidence_map ?? null, training: file.training, predict, risk, routine };
}

/** A model file this code cannot use: invalid, or computed over other features than FEATURE_VERSION. */
export class IntentModelInvalidError extends Error {
  override readonly name = 'IntentModelInvalidError';
}

/**
 * The short hash a trained file's `version` ends with (`…/sha-<12 hex>`): SHA-256 of the file's JSON with an empty
 * version. The trainer appends it, so a file retrained over other text carries a version of its own, and a file whose
 * weights were edited by hand no longer matches its version.
 */
export function modelContentSha(file: object): string {
  return createHash('sha256').update(JSON.stringify({ ...file, version: '' })).digest('hex').slice(0, 12);
}

/**
 * Validates a model file's JSON with the loader's schema; a `feature_version` other than the code's is named as such
 * (its weights index other features: it would classify garbage). Throws IntentModelInvalidError.
 */
export function validateIntentModelFile(json: unknown, source = 'intent model'): IntentModelFile {
  const featureVersion = (json as { feature_version?: unknown } | null)?.feature_version;
  if (json !== null && typeof json === 'object' && featureVersion !== FEATURE_VERSION) {
    throw new IntentModelInvalidError(`invalid ${source}: its feature_version ${JSON.stringify(featureVersion)} is not this code's ${JSON.stringify(FEATURE_VERSION)}`);
  }
  const parsed = intentModelFileSchema.safeParse(json);
  if (!parsed.success) throw new IntentModelInvalidError(`invalid ${source}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Validates and decodes a model file's JSON (weights of the wrong shape are refused too). Throws IntentModelInvalidError. */
export function intentModelOfJson(json: unknown, source = 'intent model'): LoadedIntentModel {
  const file = validateIntentModelFile(json, source);
  try {
    return decodeIntentModel(file);
  } catch (error) {
    throw new IntentModelInvalidError(`invalid ${source}: ${(error as Error).message}`);
  }
}

export function parseIntentModel(text: string, source = 'intent model'): LoadedIntentModel {
  return intentModelOfJson(JSON.parse(text), source);
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
  modelVersion: string;
  intentModel: (text: string) => Partial<Record<Intent, number>>;
  intentCalibration: { blend: BlendParams; rulesOnly: { a: number; c: number }; confidenceMap: ConfidenceMap | null };
  riskModel?: RiskHead;
  routineModel?: RoutineHead;
} {
  return {
    modelVersion: model.version,
    intentModel: (text) => model.predict(text) as Partial<Record<Intent, number>>,
    intentCalibration: { blend: model.blend, rulesOnly: model.rulesOnly, confidenceMap: model.confidenceMap },
    ...(model.risk ? { riskModel: model.risk } : {}),
    ...(model.routine ? { routineModel: model.routine } : {}),
  };
}

/** What the risk head read in a masked text: the likeliest family, its probability, and the sentence that carried it. */
export interface RiskReading {
  family: RiskFamily;
  p: number;
  pNone: number;
  /**
   * The lowest P(none) of the whole text (whole-text head) and of each sentence (the sentence head when the file has
   * one): a cue is innocent only if the whole mail and every sentence of it are.
   */
  pNoneMin: number;
  sentence: string;
}

/** The sentences of a text a reviewer can read on their own (two words or more). */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => (s.match(/\p{L}{2,}/gu)?.length ?? 0) >= 2);
}

/** The risk head over the whole (masked) text; the sentence named is the one its family weighs most in (whole-text head). */
export function readRisk(head: RiskHead, text: string): RiskReading {
  const whole = head.predict(text);
  const family = RISK_FAMILIES.reduce((best, f) => ((whole[f] ?? 0) > (whole[best] ?? 0) ? f : best), RISK_FAMILIES[0] as RiskFamily);
  let sentence = '';
  let bestP = -1;
  const pNone = whole.none ?? 0;
  let pNoneMin = pNone;
  for (const s of sentencesOf(text)) {
    const ps = head.predict(s);
    const p = ps[family] ?? 0;
    if (p > bestP) { bestP = p; sentence = withoutStructureMark(s); }
    pNoneMin = Math.min(pNoneMin, (head.predictSentence ? head.predictSentence(s) : ps).none ?? 0);
  }
  return { family, p: 1 - pNone, pNone, pNoneMin, sentence };
}
