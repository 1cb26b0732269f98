/**
 * A/B assignment of drafts. A variant is chosen by a stable hash of (experiment id, a key of the email): its
 * Message-ID, its conversation (the thread's root Message-ID) or its customer (the sender's address, lower-cased), so
 * the same email, conversation or customer always lands in the same variant — across retries, replays and the CLI.
 * The key is only hashed, never stored; the assignment (experiment id and variant name) is recorded on the draft.
 */
import { createHash } from 'node:crypto';

export interface ExperimentVariant<T> {
  name: string;
  /** Relative weight; weights need not sum to 100. */
  weight: number;
  value: T;
}

/** What is assigned together: each email on its own, a whole conversation, or all of a customer's emails. */
export type AssignmentUnit = 'message' | 'conversation' | 'customer';

export interface Experiment<T> {
  id: string;
  variants: ExperimentVariant<T>[];
  /** Default `message`. */
  unit?: AssignmentUnit;
}

/** A number in [0, 1) from the SHA-256 of experiment id and the assignment key. */
export function stableUnit(experimentId: string, key: string): number {
  const h = createHash('sha256').update(`${experimentId}\u0000${key}`).digest();
  return h.readUInt32BE(0) / 0x1_0000_0000;
}

export function assignVariant<T>(experiment: Experiment<T>, key: string): ExperimentVariant<T> {
  const variants = experiment.variants.filter((v) => v.weight > 0);
  if (variants.length === 0) throw new Error(`experiment ${experiment.id} has no variant with a positive weight`);
  const total = variants.reduce((s, v) => s + v.weight, 0);
  let x = stableUnit(experiment.id, key) * total;
  for (const v of variants) {
    if (x < v.weight) return v;
    x -= v.weight;
  }
  return variants[variants.length - 1]!;
}
