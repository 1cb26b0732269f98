/**
 * Spherical k-means over sparse, L2-normalised vectors (the hashed meaning features of intent-features.ts): cosine
 * similarity to dense centroids, seeded k-means++ initialisation, ties to the lowest index. Same vectors in the same
 * order and the same seed: the same clusters, on any machine.
 */
import { mulberry32 } from '@replique/activities/domain/seeded-random';

export interface SparseVector { idx: Int32Array; val: Float64Array }

export const toSparseVector = (m: Map<number, number>): SparseVector => {
  const idx = Int32Array.from([...m.keys()].sort((a, b) => a - b));
  return { idx, val: Float64Array.from(idx, (i) => m.get(i)!) };
};

const dot = (v: SparseVector, c: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < v.idx.length; i++) s += v.val[i]! * c[v.idx[i]!]!;
  return s;
};

/** Far above the rounding error of a few hundred float products, far below any real gap between two similarities. */
const SAFE_MARGIN = 1e-9;

export interface Clustering {
  assignment: Int32Array; k: number; iterations: number;
  /** How many times a vector was scored against every centroid (at most vectors × iterations: the bounds skip the rest). */
  scored: number;
}

export interface KMeansOptions {
  k: number; dims: number; seed: number; maxIterations?: number;
  /** Stop once an iteration moves at most this share of the vectors (0.2 % by default; 0: until none moves). */
  tolerance?: number;
}

/**
 * Assigns each vector to one of at most `k` clusters (fewer when there are fewer distinct vectors than k). The
 * centroids are stored dimension-major (`dims × k`), so one pass over a vector's non-zeros scores every centroid.
 * Stops when an iteration moves almost no vector (`tolerance`) or at `maxIterations` (20 by default). An iteration
 * scores against every centroid only the vectors whose bounds say they might move (the others keep their cluster,
 * exactly as a full pass would leave them).
 */
export function sphericalKMeans(vectors: readonly SparseVector[], opts: KMeansOptions): Clustering {
  const n = vectors.length;
  if (n === 0) return { assignment: new Int32Array(0), k: 0, iterations: 0, scored: 0 };
  const rand = mulberry32(opts.seed);
  // k-means++: each next seed drawn with probability proportional to its distance (1 - cosine) to the nearest seed
  const seeds: number[] = [Math.floor(rand() * n)];
  const nearest = new Float64Array(n).fill(Infinity);
  const seedVector = new Float64Array(opts.dims);
  while (seeds.length < Math.min(opts.k, n)) {
    const last = vectors[seeds[seeds.length - 1]!]!;
    for (let i = 0; i < last.idx.length; i++) seedVector[last.idx[i]!] = last.val[i]!;
    let total = 0;
    for (let j = 0; j < n; j++) {
      const v = vectors[j]!;
      let sim = 0;
      for (let i = 0; i < v.idx.length; i++) sim += v.val[i]! * seedVector[v.idx[i]!]!;
      nearest[j] = Math.min(nearest[j]!, Math.max(0, 1 - sim));
      total += nearest[j]!;
    }
    for (let i = 0; i < last.idx.length; i++) seedVector[last.idx[i]!] = 0;
    if (total <= 1e-12) break; // every vector already sits on a seed
    let r = rand() * total;
    let chosen = n - 1;
    for (let j = 0; j < n; j++) if ((r -= nearest[j]!) < 0) { chosen = j; break; }
    seeds.push(chosen);
  }
  const k = seeds.length;
  const { dims } = opts;
  let centroids = new Float32Array(dims * k);
  seeds.forEach((j, c) => {
    const v = vectors[j]!;
    for (let i = 0; i < v.idx.length; i++) centroids[v.idx[i]! * k + c] = v.val[i]!;
  });
  const assignment = new Int32Array(n).fill(-1);
  // Bounds that let an iteration skip a vector whose cluster cannot change (exact, as Hamerly's k-means): `own[j]`
  // is at most the similarity to its own centroid, `rival[j]` at least the best similarity to any other. A centroid
  // that moves by `drift` changes any similarity by at most |x|·drift (Cauchy-Schwarz), so after an update own falls
  // and rival rises by that much; while own still beats rival by more than float error, the argmax is unchanged.
  const own = new Float64Array(n);
  const rival = new Float64Array(n).fill(Infinity);
  const norm = Float64Array.from(vectors, (v) => Math.sqrt(v.val.reduce((s, x) => s + x * x, 0)));
  let drift = new Float64Array(k);
  const sims = new Float64Array(k);
  let iterations = 0;
  let scored = 0;
  while (iterations < (opts.maxIterations ?? 20)) {
    iterations++;
    let changed = 0;
    let first = 0;
    let second = 0;
    let firstC = -1;
    for (let c = 0; c < k; c++) {
      if (drift[c]! > first) { second = first; first = drift[c]!; firstC = c; } else if (drift[c]! > second) second = drift[c]!;
    }
    for (let j = 0; j < n; j++) {
      const a = assignment[j]!;
      if (a >= 0) {
        own[j] = own[j]! - norm[j]! * drift[a]!;
        rival[j] = rival[j]! + norm[j]! * (a === firstC ? second : first);
        if (own[j]! > rival[j]! + SAFE_MARGIN) continue;
      }
      scored++;
      const v = vectors[j]!;
      sims.fill(0);
      for (let i = 0; i < v.idx.length; i++) {
        const row = v.idx[i]! * k;
        const x = v.val[i]!;
        for (let c = 0; c < k; c++) sims[c]! += x * centroids[row + c]!;
      }
      let best = 0;
      for (let c = 1; c < k; c++) if (sims[c]! > sims[best]! + 1e-12) best = c;
      let other = -Infinity;
      for (let c = 0; c < k; c++) if (c !== best && sims[c]! > other) other = sims[c]!;
      own[j] = sims[best]!;
      rival[j] = other;
      if (a !== best) { assignment[j] = best; changed++; }
    }
    if (changed <= n * (opts.tolerance ?? 0.002)) break;
    // new centroids: the normalised sum of their members (an emptied cluster keeps its old centroid)
    const sums = new Float32Array(dims * k);
    const counts = new Int32Array(k);
    for (let j = 0; j < n; j++) {
      const v = vectors[j]!;
      const c = assignment[j]!;
      counts[c]!++;
      for (let i = 0; i < v.idx.length; i++) sums[v.idx[i]! * k + c]! += v.val[i]!;
    }
    const norms = new Float64Array(k);
    for (let d = 0; d < dims; d++) for (let c = 0; c < k; c++) norms[c]! += sums[d * k + c]! ** 2;
    drift = new Float64Array(k);
    for (let d = 0; d < dims; d++) {
      for (let c = 0; c < k; c++) {
        sums[d * k + c] = counts[c] ? sums[d * k + c]! / (Math.sqrt(norms[c]!) || 1) : centroids[d * k + c]!;
        drift[c]! += (sums[d * k + c]! - centroids[d * k + c]!) ** 2;
      }
    }
    for (let c = 0; c < k; c++) drift[c] = Math.sqrt(drift[c]!);
    centroids = sums;
  }
  return { assignment, k, iterations, scored };
}
