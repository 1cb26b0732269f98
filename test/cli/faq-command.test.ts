/**
 * `replique faq` from an inbox map: FR and EN pages whose HTML parses without an error, whose schema.org FAQPage
 * JSON-LD has the shape search engines read and says what the page says, and whose every answer is a reply Réplique
 * would send automatically, stating only values of the shop's data (no order, no person).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { faqCommand } from '@replique/services/cli/faq-command';
import { faqJsonLdProblems, readFaqPage } from '@replique/services/cli/faq/faq-check';
import type { FaqEntry } from '@replique/services/cli/faq/faq-answers';
import { shopFixture } from '../support/paths';

jest.setTimeout(120_000);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'replique-faq-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every number and string of the shop's data (policies, products, orders...), for the facts check. */
function shopValues(x: unknown, out: (string | number | boolean)[] = []): (string | number | boolean)[] {
  if (Array.isArray(x)) for (const v of x) shopValues(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) shopValues(v, out);
  else if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out.push(x);
  return out;
}

test('FAQ pages from the map: valid markup, only automatic answers, only the shop\'s facts', async () => {
  const map = path.join(dir, 'inbox-map.json');
  await writeFile(map, JSON.stringify({ topics: [
    { intent: 'return_request', volume: 300 }, { intent: 'product_question', volume: 120 }, { intent: 'order_status', volume: 250 },
    { intent: 'product_question', volume: 100 }, { intent: 'damaged_item', volume: 90 },
  ] }));
  const out = path.join(dir, 'faq');
  const lines: string[] = [];
  expect(await faqCommand(['--shop', shopFixture, '--out', out, map], (l) => lines.push(l))).toBe(0);
  // a question whose answer needs the customer's order is left to a person, in both languages
  expect(lines.filter((l) => l.startsWith('left to a person'))).toEqual(expect.arrayContaining([
    expect.stringContaining('Comment suivre ma commande ?'), expect.stringContaining('How can I track my order?'),
  ]));

  const shop = JSON.parse(await readFile(shopFixture, 'utf8')) as { policies: { shop_name: string } };
  const values = shopValues(shop);
  const strings = values.filter((v): v is string => typeof v === 'string');
  const faq = JSON.parse(await readFile(path.join(out, 'faq.json'), 'utf8')) as { intents: string[]; fr: FaqEntry[]; en: FaqEntry[] };
  // the map's most frequent intent first (product questions: 220 across two topics)
  expect(faq.intents.slice(0, 3)).toEqual(['return_request', 'order_status', 'product_question']);
  for (const lang of ['fr', 'en'] as const) {
    const entries = faq[lang];
    expect(entries.map((e) => e.intent)).toEqual(['return_request', 'product_question', 'product_question', 'product_question']);
    for (const e of entries) {
      expect(e.lang).toBe(lang);
      expect(Object.keys(e.facts).length).toBeGreaterThan(0);
      for (const [key, v] of Object.entries(e.facts)) {
        // a fact is a value of the shop's data (or the language's half of a bilingual policy string)
        const found = values.includes(v as string | number | boolean) || (typeof v === 'string' && strings.some((s) => s.includes(v)));
        expect({ key, v, found }).toEqual({ key, v, found: true });
      }
      const text = e.answer.join('\n');
      expect(text).not.toMatch(/CMD-\d+|@|\b(?:Bonjour|Hello)\b/); // no order, no address, no greeting: a page, not a reply
    }

    const html = await readFile(path.join(out, `faq-${lang}.html`), 'utf8');
    const page = readFaqPage(html);
    expect(page.errors).toEqual([]);
    expect(page.jsonLd).toHaveLength(1);
    expect(faqJsonLdProblems(page.jsonLd[0])).toEqual([]);
    const ld = page.jsonLd[0] as { inLanguage: string; mainEntity: { name: string; acceptedAnswer: { text: string } }[] };
    expect(ld.inLanguage).toBe(lang);
    expect(ld.mainEntity.map((q) => ({ question: q.name, answer: q.acceptedAnswer.text })))
      .toEqual(entries.map((e) => ({ question: e.question, answer: e.answer.join('\n') })));
    expect(page.questions).toEqual(entries.map((e) => ({ question: e.question, answer: e.answer.join('\n') })));
    expect(page.title).toContain(shop.policies.shop_name);
    expect(page.description!.length).toBeGreaterThan(50);
    expect(page.description!.length).toBeLessThanOrEqual(160);
    expect(html).toContain(`<html lang="${lang}">`);
  }
  expect(faq.fr[0]!.answer.join(' ')).toContain('30 jours');
  expect(faq.en[0]!.answer.join(' ')).toContain('30 days');
});
