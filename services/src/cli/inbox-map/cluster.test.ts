import { hashedFeatures } from '@replique/activities/triage/intent-features';
import { mulberry32 } from '@replique/activities/domain/seeded-random';
import { sphericalKMeans, toSparseVector } from './cluster';

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
  expect(sphericalKMeans([], { k: 10, dims: 4096, seed: 1 })).toEqual({ assignment: new Int32Array(0), k: 0, iterations: 0 });
});

test('the seeded generator repeats itself', () => {
  const a = mulberry32(3);
  const b = mulberry32(3);
  expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
});
