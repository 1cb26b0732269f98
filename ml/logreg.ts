/**
 * Multinomial logistic regression by SGD with L2 over sparse hashed features, and its int8 quantisation into the
 * stored head format of activities/src/triage/intent-model.ts (bucket ids + int8 weights × scale + bias).
 * Deterministic: the example order of each epoch comes from the seeded generator passed in.
 */
export { mulberry32, type Rand } from '../activities/src/domain/seeded-random';
import type { Rand } from '../activities/src/domain/seeded-random';

export interface Sparse { idx: Int32Array; val: Float64Array }
export const toSparse = (m: Map<number, number>): Sparse => ({ idx: Int32Array.from(m.keys()), val: Float64Array.from(m.values()) });

export interface TrainOptions { buckets: number; epochs: number; l2: number; rand: Rand; lr?: number }
export interface Weights { w: Float64Array; b: Float64Array; k: number; buckets: number }

/** `weights[n]` scales example n's gradient (e.g. real mail counts more than a generated sentence). */
export function trainLogReg(xs: Sparse[], ys: number[], k: number, opts: TrainOptions, weights?: number[]): Weights {
  const { buckets, epochs, l2, rand } = opts;
  const w = new Float64Array(buckets * k);
  const b = new Float64Array(k);
  const z = new Float64Array(k);
  const order = xs.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = (opts.lr ?? 0.5) / (1 + epoch * 0.2);
    for (const n of order) {
      const { idx, val } = xs[n]!;
      const g = lr * (weights?.[n] ?? 1);
      z.set(b);
      for (let t = 0; t < idx.length; t++) {
        const off = idx[t]! * k;
        const v = val[t]!;
        for (let c = 0; c < k; c++) z[c]! += v * w[off + c]!;
      }
      let mx = -Infinity;
      for (let c = 0; c < k; c++) mx = Math.max(mx, z[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) { z[c] = Math.exp(z[c]! - mx); sum += z[c]!; }
      for (let c = 0; c < k; c++) z[c] = z[c]! / sum;
      z[ys[n]!]! -= 1;
      for (let c = 0; c < k; c++) b[c]! -= g * z[c]!;
      for (let t = 0; t < idx.length; t++) {
        const off = idx[t]! * k;
        const v = val[t]!;
        for (let c = 0; c < k; c++) w[off + c]! -= g * (z[c]! * v + l2 * w[off + c]!);
      }
    }
  }
  return { w, b, k, buckets };
}

/** The stored form: buckets with any non-zero int8 weight, their rows, the scale and the rounded bias. */
export interface QuantisedHead { rows: string; weights: string; scale: number; bias: number[] }

export function quantise({ w, b, k, buckets }: Weights): QuantisedHead {
  let maxAbs = 0;
  for (const v of w) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs / 127 || 1;
  const rows: number[] = [];
  const q: number[] = [];
  for (let f = 0; f < buckets; f++) {
    const row = Array.from(w.subarray(f * k, f * k + k), (v) => Math.round(v / scale));
    if (row.some((v) => v !== 0)) { rows.push(f); q.push(...row); }
  }
  return {
    rows: Buffer.from(new Uint32Array(rows).buffer).toString('base64'),
    weights: Buffer.from(new Int8Array(q).buffer).toString('base64'),
    scale,
    bias: Array.from(b, (v) => Math.round(v * 1e4) / 1e4),
  };
}
