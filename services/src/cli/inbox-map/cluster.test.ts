import { hashedFeatures } from '@replique/activities/triage/intent-features';
import { mulberry32 } from '@replique/activities/domain/seeded-random';
import { sphericalKMeans, toSparseVector, type Clustering, type KMeansOptions, type SparseVector } from './cluster';

const TEXTS = [
  'où en est ma commande ? le colis est-il parti ?', 'quand ma commande sera-t-elle livrée ? pas de suivi du colis',
  'where is my order? has the parcel shipped?', 'when will my order arrive? no tracking for the parcel',
  'je voudrais une facture pour ma commande', 'pouvez-vous m envoyer la facture de ma commande',
  'could you send me the invoice for my order', 'I need an invoice for my order please',
  'je souhaite retourner un article, comment faire le retour ?', 'how do I return an item? what is the return process?',
];
const vectors = (texts: readonly string[]) => texts.map((t) => toSparseVector(hashedFeatures(t, 4096)));

test('the same vectors and seed give the same clusters; another seed still partitions every vector', () => {
  const many = Array.from({ length: 6 }, (_, r) => TEXTS.map((t) => `${t} ${r}`)).flat();
  const a = sphericalKMeans(vectors(many), { k: 5, dims: 4096, seed: 7 });
  const b = sphericalKMeans(vectors(many), { k: 5, dims: 4096, seed: 7 });
  expect([...a.assignment]).toEqual([...b.assignment]);
  expect(a.k).toBe(5);
  const c = sphericalKMeans(vectors(many), { k: 5, dims: 4096, seed: 8 });
  expect(c.assignment.length).toBe(many.length);
  expect([...c.assignment].every((x) => x >= 0 && x < 5)).toBe(true);
});

test('near-identical texts share a cluster, unrelated ones do not', () => {
  const texts = [
    ...Array.from({ length: 5 }, (_, i) => `where is my order ${'?'.repeat(i + 1)} the parcel has not arrived`),
    ...Array.from({ length: 5 }, (_, i) => `je voudrais la facture de ma commande${'.'.repeat(i + 1)} pour ma comptabilité`),
  ];
  const { assignment } = sphericalKMeans(vectors(texts), { k: 2, dims: 4096, seed: 1, tolerance: 0 });
  expect(new Set(assignment.slice(0, 5)).size).toBe(1);
  expect(new Set(assignment.slice(5)).size).toBe(1);
  expect(assignment[0]).not.toBe(assignment[5]);
});

test('fewer distinct vectors than k: as many clusters as distinct vectors, and an empty input maps to nothing', () => {
  const texts = ['the same text', 'the same text', 'another text entirely', 'the same text'];
  expect(sphericalKMeans(vectors(texts), { k: 10, dims: 4096, seed: 1 }).k).toBe(2);
  expect(sphericalKMeans([], { k: 10, dims: 4096, seed: 1 })).toEqual({ assignment: new Int32Array(0), k: 0, iterations: 0, scored: 0 });
});

test('the seeded generator repeats itself', () => {
  const a = mulberry32(3);
  const b = mulberry32(3);
  expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
});

/** The plain Lloyd loop the bounds skip work of (every vector scored against every centroid at each iteration). */
function referenceKMeans(vectors: readonly SparseVector[], opts: KMeansOptions): Clustering {
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
  const sims = new Float64Array(k);
  let iterations = 0;
  while (iterations < (opts.maxIterations ?? 20)) {
    iterations++;
    let changed = 0;
    for (let j = 0; j < n; j++) {
      const v = vectors[j]!;
      sims.fill(0);
      for (let i = 0; i < v.idx.length; i++) {
        const row = v.idx[i]! * k;
        const x = v.val[i]!;
        for (let c = 0; c < k; c++) sims[c]! += x * centroids[row + c]!;
      }
      let best = 0;
      for (let c = 1; c < k; c++) if (sims[c]! > sims[best]! + 1e-12) best = c;
      if (assignment[j] !== best) { assignment[j] = best; changed++; }
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
    for (let d = 0; d < dims; d++) {
      for (let c = 0; c < k; c++) {
        sums[d * k + c] = counts[c] ? sums[d * k + c]! / (Math.sqrt(norms[c]!) || 1) : centroids[d * k + c]!;
      }
    }
    centroids = sums;
  }
  return { assignment, k, iterations, scored: n * iterations };
}

test('skipping the vectors whose bounds rule out a move changes nothing: the same clusters as the plain loop', () => {
  const rand = mulberry32(3);
  const words = ['colis', 'facture', 'retour', 'parcel', 'invoice', 'refund', 'bouilloire', 'kettle', 'vite', 'merci', 'urgent', 'today'];
  const texts = Array.from({ length: 300 }, (_, i) =>
    `${TEXTS[i % TEXTS.length]} ${Array.from({ length: 1 + Math.floor(rand() * 4) }, () => words[Math.floor(rand() * words.length)]).join(' ')}`);
  let skipped = 0;
  for (const [k, seed] of [[5, 1], [12, 2], [24, 9]] as const) {
    const fast = sphericalKMeans(vectors(texts), { k, dims: 4096, seed });
    const plain = referenceKMeans(vectors(texts), { k, dims: 4096, seed });
    expect({ k, seed, assignment: [...fast.assignment], iterations: fast.iterations }).toEqual({ k, seed, assignment: [...plain.assignment], iterations: plain.iterations });
    skipped += plain.scored - fast.scored;
  }
  expect(skipped).toBeGreaterThan(0); // the bounds did skip work
});
