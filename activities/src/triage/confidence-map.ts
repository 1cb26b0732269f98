/**
 * The routing confidence read as the probability of being right on a writer the model never read.
 *
 * The blend of rules and model (intent-model.ts) is fitted by log-loss over every intent, which calibrates the
 * probabilities on average but not the top one bin by bin: on author-grouped out-of-fold predictions the 0.7–0.9
 * confidences were right more often than they said. A monotone map fitted on those same predictions (pool-adjacent-
 * violators, blocks of a minimum size, each block's accuracy shrunk towards its mean confidence by a prior of a few
 * emails, so a small block cannot move a confidence far) turns a blend probability into the accuracy observed at it.
 * It ships in the model file (`confidence_map`) and classify applies it to the probabilities routing reads.
 */
import type { Scored } from './calibration';

/** Knots of a monotone piecewise-linear map from a blend probability to a probability of being right. */
export interface ConfidenceMap {
  x: number[];
  y: number[];
}

export interface ConfidenceMapOptions {
  /** Fewest predictions in a block (adjacent blocks merge until each holds this many). */
  minBlock: number;
  /** Pseudo-count of the block's mean confidence in its shrunk accuracy: (n·accuracy + prior·confidence) / (n + prior). */
  prior: number;
}

export const DEFAULT_CONFIDENCE_MAP_OPTIONS: ConfidenceMapOptions = { minBlock: 20, prior: 10 };

interface Block { n: number; sumConf: number; sumRight: number }

const mean = (b: Block, of: 'sumConf' | 'sumRight'): number => b[of] / b.n;
const merge = (a: Block, b: Block): Block => ({ n: a.n + b.n, sumConf: a.sumConf + b.sumConf, sumRight: a.sumRight + b.sumRight });

/** Fits the map on scored predictions (confidence, right or not); null when there are too few to fit one block. */
export function fitConfidenceMap(items: readonly Scored[], options: Partial<ConfidenceMapOptions> = {}): ConfidenceMap | null {
  const { minBlock, prior } = { ...DEFAULT_CONFIDENCE_MAP_OPTIONS, ...options };
  if (items.length < minBlock) return null;
  const sorted = [...items].sort((p, q) => p.confidence - q.confidence);
  // pool adjacent violators: accuracy non-decreasing in confidence
  const blocks: Block[] = [];
  for (const it of sorted) {
    blocks.push({ n: 1, sumConf: it.confidence, sumRight: it.correct ? 1 : 0 });
    while (blocks.length >= 2 && mean(blocks[blocks.length - 2]!, 'sumRight') >= mean(blocks[blocks.length - 1]!, 'sumRight')) {
      const last = blocks.pop()!;
      blocks.push(merge(blocks.pop()!, last));
    }
  }
  // blocks too small to say anything merge with their neighbour (the smaller of the two, the next one at the start)
  let i = 0;
  while (i < blocks.length && blocks.length > 1) {
    if (blocks[i]!.n >= minBlock) { i++; continue; }
    const j = i === 0 ? 1 : i === blocks.length - 1 ? i - 1 : blocks[i - 1]!.n <= blocks[i + 1]!.n ? i - 1 : i + 1;
    const lo = Math.min(i, j);
    blocks.splice(lo, 2, merge(blocks[lo]!, blocks[lo + 1]!));
    i = Math.max(0, lo - 1);
  }
  const x: number[] = [];
  const y: number[] = [];
  for (const b of blocks) {
    const conf = mean(b, 'sumConf');
    const shrunk = (b.sumRight + prior * conf) / (b.n + prior);
    const r = (v: number): number => Math.round(v * 1000) / 1000;
    if (x.length && r(conf) <= x[x.length - 1]!) continue;
    x.push(r(conf));
    y.push(r(Math.max(shrunk, y.length ? y[y.length - 1]! : 0)));
  }
  return { x, y };
}

/**
 * A blend probability through the map: linear between knots; below the first knot towards (0, 0), above the last
 * towards (1, 1), so the map is monotone and stays in [0, 1]. Without a map, the probability as it is.
 */
export function applyConfidenceMap(map: ConfidenceMap | null | undefined, p: number): number {
  if (!map || !map.x.length) return p;
  const { x, y } = map;
  const n = x.length;
  let v: number;
  if (p <= x[0]!) v = x[0]! > 0 ? (p / x[0]!) * y[0]! : y[0]!;
  else if (p >= x[n - 1]!) v = x[n - 1]! < 1 ? y[n - 1]! + ((p - x[n - 1]!) / (1 - x[n - 1]!)) * (1 - y[n - 1]!) : y[n - 1]!;
  else {
    let k = 1;
    while (x[k]! < p) k++;
    const t = (p - x[k - 1]!) / (x[k]! - x[k - 1]!);
    v = y[k - 1]! + t * (y[k]! - y[k - 1]!);
  }
  return Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
}
