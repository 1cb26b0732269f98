/**
 * The inbox map: emails (their triage and their PII-masked model text) → the most frequent topics, clustered on the
 * classifier's own meaning features (hashed words, bigrams, char 4-grams of intent-features.ts), each labelled by its
 * most distinctive words and the intent most of its emails were given, with its volume, the share the triage routes
 * to an automatic reply today, and example files.
 */
import { hashedFeatures, modelTokens } from '@replique/activities/triage/intent-features';
import { sphericalKMeans, toSparseVector } from './cluster';

/** What the map needs of one triaged email. */
export interface MappedEmail {
  file: string;
  lang: string | null;
  intent: string | null;
  route: string;
  /** The masked text the classifier's heads read (subject line marked, PII as «TYPE_n» tokens). */
  text: string;
}

export interface Topic {
  rank: number;
  label: string;
  words: string[];
  intent: string;
  /** The share of the topic's emails that carry the majority intent. */
  intentShare: number;
  volume: number;
  /** The volume in the whole inbox: the volume itself, or scaled from a sample. */
  estimatedVolume: number;
  share: number;
  automatable: number;
  automatableShare: number;
  langs: Record<string, number>;
  routes: Record<string, number>;
  examples: string[];
}

export interface InboxMap {
  /** The emails in the folder; more than `emails + quarantined` when a sample was mapped. */
  inboxEmails: number;
  emails: number;
  quarantined: number;
  automatable: number;
  automatableShare: number;
  topics: Topic[];
  iterations: number;
}

export interface MapOptions { topics: number; seed: number; buckets: number; examples?: number; inboxEmails?: number }

/** Function words and mail furniture: frequent everywhere, they never name a topic. */
const STOP = new Set(('bonjour bonsoir hello merci thanks cordialement regards dear team madame monsieur votre vous nous est les des une '
  + 'pour que qui dans sur avec pas mon mes the and you your for with have has this that was are not can could would please '
  + 'est-ce pouvez cette avez suis ai ete bien its our any hi there good morning best cheers many kind journee avance bonne '
  + 'just like also yet still two ago weeks elle deja').split(' '));

const count = <T extends string>(xs: readonly T[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
};

const wordsOf = (text: string): Set<string> =>
  new Set(modelTokens(text).filter((w) => !w.startsWith('__') && w.length >= 3 && !STOP.has(w)));

export function mapInbox(emails: readonly MappedEmail[], quarantined: number, opts: MapOptions): InboxMap {
  const vectors = emails.map((e) => toSparseVector(hashedFeatures(e.text, opts.buckets)));
  const clustering = sphericalKMeans(vectors, { k: opts.topics, dims: opts.buckets, seed: opts.seed });
  const words = emails.map((e) => wordsOf(e.text));
  const df = new Map<string, number>();
  for (const ws of words) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
  const members: number[][] = Array.from({ length: clustering.k }, () => []);
  clustering.assignment.forEach((c, j) => members[c]!.push(j));
  const n = emails.length;
  const inboxEmails = opts.inboxEmails ?? n + quarantined;
  const scale = inboxEmails / Math.max(1, n + quarantined);
  const topics = members.filter((m) => m.length > 0).map((m): Omit<Topic, 'rank'> => {
    const clusterDf = new Map<string, number>();
    for (const j of m) for (const w of words[j]!) clusterDf.set(w, (clusterDf.get(w) ?? 0) + 1);
    // distinctive: frequent in the topic and more frequent there than in the inbox (lift weighted by coverage)
    const scored = [...clusterDf].filter(([, c]) => c / m.length >= 0.15)
      .map(([w, c]) => ({ w, s: (c / m.length) * Math.log((c / m.length) / (df.get(w)! / n)) }))
      .sort((a, b) => b.s - a.s || (a.w < b.w ? -1 : 1));
    const top = scored.slice(0, 4).map((x) => x.w);
    const intents = count(m.map((j) => emails[j]!.intent ?? 'unknown'));
    const [intent, intentCount] = Object.entries(intents).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const routes = count(m.map((j) => emails[j]!.route));
    const automatable = routes.auto ?? 0;
    return {
      label: top.length ? top.join(' · ') : intent, words: top, intent, intentShare: intentCount / m.length,
      volume: m.length, estimatedVolume: Math.round(m.length * scale), share: m.length / n, automatable, automatableShare: automatable / m.length,
      langs: count(m.map((j) => emails[j]!.lang ?? 'unknown')), routes,
      examples: m.slice(0, opts.examples ?? 3).map((j) => emails[j]!.file),
    };
  });
  topics.sort((a, b) => b.volume - a.volume || (a.examples[0]! < b.examples[0]! ? -1 : 1));
  const automatable = emails.filter((e) => e.route === 'auto').length;
  return {
    inboxEmails, emails: n, quarantined, automatable, automatableShare: n ? automatable / n : 0,
    topics: topics.slice(0, opts.topics).map((t, i) => ({ rank: i + 1, ...t })), iterations: clustering.iterations,
  };
}
