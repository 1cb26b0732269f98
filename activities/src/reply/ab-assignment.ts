/**
 * A/B assignment of drafts. A variant is chosen by a stable hash of (experiment id, Message-ID), so the same email
 * always lands in the same variant — across retries, replays and the CLI — and the assignment is recorded on the draft.
 */
import { createHash } from 'node:crypto';

export interface ExperimentVariant<T> {
  name: string;
  /** Relative weight; weights need not sum to 100. */
  weight: number;
  value: T;
}

export interface Experiment<T> {
  id: string;
  variants: ExperimentVariant<T>[];
}

/** A number in [0, 1) from the SHA-256 of experiment id and message id. */
export function stableUnit(experimentId: string, messageId: string): number {
  const h = createHash('sha256').update(`${experimentId}\u0000${messageId}`).digest();
  return h.readUInt32BE(0) / 0x1_0000_0000;
}

export function assignVariant<T>(experiment: Experiment<T>, messageId: string): ExperimentVariant<T> {
  const variants = experiment.variants.filter((v) => v.weight > 0);
  if (variants.length === 0) throw new Error(`experiment ${experiment.id} has no variant with a positive weight`);
  const total = variants.reduce((s, v) => s + v.weight, 0);
  let x = stableUnit(experiment.id, messageId) * total;
  for (const v of variants) {
    if (x < v.weight) return v;
    x -= v.weight;
  }
  return variants[variants.length - 1]!;
}
