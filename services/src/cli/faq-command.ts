/**
 * `replique faq [--shop FILE] [--policy FILE] [--model FILE | --no-model] [--max N] [--out DIR] MAP.json`: FAQ page
 * drafts (FR and EN static HTML with schema.org FAQPage markup) from the inbox map (`replique map`'s inbox-map.json):
 * the questions of its most frequent topics, answered only where Réplique's own triage answers them automatically
 * from the shop's data (faq/faq-answers.ts). Writes faq-fr.html, faq-en.html and faq.json into DIR; prints the
 * questions kept and the ones left to a person. Regenerate it weekly (docs/inbox-map.md).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProductRecord, ShopData } from '@replique/activities/domain/types';
import { parseArgs, UsageError } from './args';
import { answerQuestion, type FaqEntry } from './faq/faq-answers';
import { faqJsonLdProblems, readFaqPage } from './faq/faq-check';
import { renderFaqPage } from './faq/faq-html';
import { faqCandidates, type FaqLang } from './faq/faq-questions';
import { buildTriageDeps, modelChoice } from './triage-command';

export const FAQ_USAGE = 'usage: replique faq [--shop FILE] [--policy FILE] [--model FILE | --no-model] [--max N] [--out DIR] MAP.json';

interface MapFile { topics: { intent: string; volume: number; estimatedVolume?: number }[] }

/** The map's intents, most frequent first (the volumes of the topics each leads, summed). */
export function intentsByVolume(map: MapFile): string[] {
  const volume = new Map<string, number>();
  for (const t of map.topics) volume.set(t.intent, (volume.get(t.intent) ?? 0) + (t.estimatedVolume ?? t.volume));
  return [...volume].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([i]) => i);
}

export async function faqCommand(argv: string[], write: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['shop', 'policy', 'model', 'max', 'out'], ['no-model']);
  const mapFile = args.positionals[0];
  const max = Number(args.options.max ?? 12);
  if (!mapFile || args.positionals.length > 1 || !Number.isInteger(max) || max < 1) throw new UsageError(FAQ_USAGE);
  const map = JSON.parse(await readFile(mapFile, 'utf8').catch(() => { throw new UsageError(`cannot read ${mapFile}\n${FAQ_USAGE}`); })) as MapFile;
  if (!Array.isArray(map.topics)) throw new UsageError(`${mapFile} is not an inbox map (replique map's inbox-map.json)`);
  const out = args.options.out ?? 'faq';
  const deps = await buildTriageDeps(args.options.shop, args.options.policy, modelChoice(args));
  try {
    const policies = await deps.shop.policies();
    const bestSellers = await bestSelling(deps.shop);
    const intents = intentsByVolume(map);
    const pages: Record<FaqLang, FaqEntry[]> = { fr: [], en: [] };
    let n = 0;
    await mkdir(out, { recursive: true });
    for (const lang of ['fr', 'en'] as const) {
      for (const q of faqCandidates(intents, lang, bestSellers)) {
        if (pages[lang].length >= max) break;
        const verdict = await answerQuestion(q, deps, ++n);
        if (!verdict.ok) write(`left to a person (${lang}): ${q.question} (${verdict.reason})`);
        else if (pages[lang].some((e) => sameAnswer(e, verdict.entry))) write(`left out (${lang}): ${q.question} (the same answer as another question)`);
        else pages[lang].push(verdict.entry);
      }
      // the page groups its questions by topic, most frequent topic first (the order they were picked in within one)
      pages[lang].sort((a, b) => intents.indexOf(a.intent) - intents.indexOf(b.intent));
      const page = renderFaqPage(pages[lang], lang, { name: policies.shop_name, website: policies.website });
      const read = readFaqPage(page.html);
      const problems = [...read.errors, ...read.jsonLd.flatMap(faqJsonLdProblems)];
      if (problems.length) throw new Error(`faq-${lang}.html would not validate: ${problems.join('; ')}`);
      await writeFile(path.join(out, `faq-${lang}.html`), page.html);
      write(`${path.join(out, `faq-${lang}.html`)}: ${pages[lang].length} questions, "${page.title}"`);
    }
    await writeFile(path.join(out, 'faq.json'), `${JSON.stringify({ source: mapFile, intents, ...pages }, null, 1)}\n`);
  } finally {
    await deps.close();
  }
  return 0;
}

const sameAnswer = (a: FaqEntry, b: FaqEntry): boolean => a.answer.join('\n') === b.answer.join('\n');

/** The catalogue by how many orders hold each product (ties by SKU). */
async function bestSelling(shop: ShopData): Promise<ProductRecord[]> {
  const count = new Map<string, number>();
  for (const number of await shop.allOrderNumbers()) {
    for (const it of (await shop.order(number))?.items ?? []) count.set(it.sku, (count.get(it.sku) ?? 0) + 1);
  }
  return [...await shop.products()].sort((a, b) => (count.get(b.sku) ?? 0) - (count.get(a.sku) ?? 0) || (a.sku < b.sku ? -1 : 1));
}
