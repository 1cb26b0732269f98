/**
 * Which catalogue products a piece of text talks about. Customers write "le blender", "the whisk", "a grinder":
 * a product is mentioned when one of its distinctive name words appears (a word no other product name has), or
 * when every content word of its name does ("stand mixer").
 */
import type { ProductRecord } from '../domain/types';
import { fold, stem, words } from './text-fold';

/** Name words too generic to identify a product alone ("card" is a bank card more often than a gift card). */
const GENERIC = new Set(['card', 'carte', 'set', 'gift', 'cadeau', 'stainless', 'inox', 'electric', 'electrique', 'cm', 'ml', 'l', 'g', 'x']);

function nameTokens(name: string): { tokens: string[]; generic: boolean } {
  const all = words(name, true).filter((w) => !/^\d/.test(w) && w.length >= 3);
  const specific = all.filter((w) => !GENERIC.has(w));
  // A name made only of generic words ("Gift card", "Carte cadeau") is matched by all of them together.
  return specific.length ? { tokens: specific.map(stem), generic: false } : { tokens: all.map(stem), generic: true };
}

export interface ProductMatcher {
  mentioned(text: string): ProductRecord[];
}

export function productMatcher(products: ProductRecord[]): ProductMatcher {
  const entries = products.map((p) => ({
    product: p,
    names: [nameTokens(p.name_fr), nameTokens(p.name_en)],
  }));
  const freq = new Map<string, number>();
  for (const e of entries) {
    for (const t of new Set(e.names.filter((n) => !n.generic).flatMap((n) => n.tokens))) freq.set(t, (freq.get(t) ?? 0) + 1);
  }
  return {
    mentioned(text: string): ProductRecord[] {
      const present = new Set(words(text, true).map(stem));
      return entries
        .filter((e) =>
          e.names.some(({ tokens, generic }) =>
            tokens.length > 0 && (tokens.every((t) => present.has(t)) || (!generic && tokens.some((t) => freq.get(t) === 1 && present.has(t))))),
        )
        .map((e) => e.product);
    },
  };
}

/** Products whose exact name (either language) appears in the text: what a draft states, not what a customer alludes to. */
export function productsNamedExactly(text: string, products: ProductRecord[]): { product: ProductRecord; name: string; index: number }[] {
  const hay = fold(text);
  const out: { product: ProductRecord; name: string; index: number }[] = [];
  for (const p of products) {
    for (const name of new Set([p.name_fr, p.name_en])) {
      const needle = fold(name);
      let from = 0;
      for (;;) {
        const i = hay.indexOf(needle, from);
        if (i < 0) break;
        out.push({ product: p, name, index: i });
        from = i + needle.length;
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Clauses where the customer is content with an item ("la balance me convient très bien", "the teapot is lovely"). */
const POSITIVE = /\b(convient|parfait\w*|magnifique\w*|tres bien|super|ravie?s?|adore\w*|lovely|love|great|perfect|fine|brilliant|happy with|were there|was there|etaient la|etait la|intact\w*|en bon etat|in good condition)\b/;
const NEGATIVE = /\b(pas|ne|n'|plus|non|not|no|n't|isn't|wasn't|missing|manqu\w*|absent\w*|casse|cassee|casses|cassees|ebrech\w*|fissur\w*|abime\w*|endommag\w*|damaged|broken|cracked|chipped|faulty|defectu\w*|bruyant\w*|noisy|trop|too|return\w*|retourn\w*|renvo\w*|send (it )?back|refund\w*|rembours\w*|probleme|problem|issue|souci)\b/;

/**
 * The mentioned products the request is about: a product named only in clauses where the customer is content with
 * it is left out ("Les deux poêles sont parfaites, mais la théière est arrivée ébréchée" → the teapot). When that
 * would leave nothing, every mentioned product is kept.
 */
export function concernedProducts(text: string, matcher: ProductMatcher): ProductRecord[] {
  const all = matcher.mentioned(text);
  if (all.length <= 1) return all;
  const clauses = fold(text).split(/[.!?;:\n]+|,|\bmais\b|\bbut\b|\bhowever\b|\bcependant\b|\bpar contre\b/).map((c) => c.trim()).filter(Boolean);
  const concerned = all.filter((p) =>
    clauses.some((c) => matcher.mentioned(c).some((m) => m.sku === p.sku) && !(POSITIVE.test(c) && !NEGATIVE.test(c))),
  );
  return concerned.length ? concerned : all;
}
