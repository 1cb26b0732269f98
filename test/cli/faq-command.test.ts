/**
 * `replique faq` from an inbox map: FR and EN pages whose HTML parses without an error, whose schema.org FAQPage
 * JSON-LD has the shape search engines read and says what the page says, and whose every answer is a reply Réplique
 * would send automatically, stating only values of the shop's data (no order, no person). Chromium shows the English
 * page; its screenshot goes to docs/screenshots/faq-page.png.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { faqCommand } from '@replique/services/cli/faq-command';
import { faqJsonLdProblems, readFaqPage } from '@replique/services/cli/faq/faq-check';
import type { FaqEntry } from '@replique/services/cli/faq/faq-answers';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openChromium } from '../support/headless-chromium';
import { repoRoot, shopFixture } from '../support/paths';

const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'faq-page.png');

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

/** The shipping paragraph's sums: the basket (the prices the answer states), whether it ships free, what it lacks. */
function derived(facts: FaqEntry['facts'], threshold: number): Record<string, number | boolean> {
  const prices = Object.entries(facts).filter(([k]) => k === 'price' || k.startsWith('price_')).map(([, v]) => Number(v));
  const total = Math.round(prices.reduce((a, b) => a + b, 0) * 100) / 100;
  return { basket_total: total, free_shipping: total >= threshold, missing_for_free_shipping: Math.round((threshold - total) * 100) / 100 };
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

  const shop = JSON.parse(await readFile(shopFixture, 'utf8')) as { policies: { shop_name: string; free_shipping_threshold: number } };
  const values = shopValues(shop);
  const strings = values.filter((v): v is string => typeof v === 'string');
  const faq = JSON.parse(await readFile(path.join(out, 'faq.json'), 'utf8')) as { intents: string[]; fr: FaqEntry[]; en: FaqEntry[] };
  // the map's most frequent intent first (product questions: 220 across two topics)
  expect(faq.intents.slice(0, 3)).toEqual(['return_request', 'order_status', 'product_question']);
  for (const lang of ['fr', 'en'] as const) {
    const entries = faq[lang];
    // grouped by topic, most frequent first: the return policy, then the catalogue's questions (prices, what goes
    // with a product, whether it ships free, gift cards), up to the page's cap of 12
    expect(entries[0]!.intent).toBe('return_request');
    expect(entries.slice(1).every((e) => e.intent === 'product_question')).toBe(true);
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(entries.length).toBeLessThanOrEqual(12);
    expect(new Set(entries.map((e) => e.question)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.answer.join('\n'))).size).toBe(entries.length); // no answer twice
    expect(new Set(entries.map((e) => e.templateId))).toEqual(new Set(['return-policy', 'product-info', 'gift-card']));
    for (const e of entries) {
      expect(e.lang).toBe(lang);
      expect(Object.keys(e.facts).length).toBeGreaterThan(0);
      for (const [key, v] of Object.entries(e.facts)) {
        // a fact is a value of the shop's data (or the language's half of a bilingual policy string), or the
        // arithmetic of the shipping paragraph, recomputed here from the answer's own catalogue prices
        const found = values.includes(v as string | number | boolean) || (typeof v === 'string' && strings.some((s) => s.includes(v)))
          || (key in derived(e.facts, shop.policies.free_shipping_threshold) && derived(e.facts, shop.policies.free_shipping_threshold)[key] === v);
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
  // whether a product alone ships free: the catalogue's price against the policy's threshold
  const teapot = faq.fr.find((e) => e.question === "La livraison est-elle offerte si j'achète « Théière en fonte 0,8 L » ?");
  expect(teapot?.answer.join(' ')).toContain('il manque 21,00 €');
  const grinder = faq.en.find((e) => e.question.startsWith('What goes with the'));
  expect(grinder?.answer.join('\n')).toMatch(/we offer (this|these) complementary products?:\n- /);

  // Chromium: the page as a visitor sees it (docs/screenshots/faq-page.png)
  const browser = await openChromium({ width: 900, height: 1000 });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(out, 'faq-en.html')).href);
    await expect(page.locator('main section h2').count()).resolves.toBe(faq.en.length);
    await expect(page.locator('main section h2').first().innerText()).resolves.toBe(faq.en[0]!.question);
    await expect(page.title()).resolves.toContain(shop.policies.shop_name);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  } finally {
    await browser.close();
  }
});
