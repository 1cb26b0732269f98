/**
 * What a customer says about how they want to be treated, read from their own new text (FR/EN), sentence by sentence:
 * - preferences: `no_phone` ("ne m'appelez pas", "par écrit uniquement", "please don't call me", "email only"),
 *   `call_evening` ("rappelez-moi le soir", "call me in the evening");
 * - refusals of offers: a refusal ("je ne veux pas", "non merci", "I don't want", "no thanks") in the same sentence as
 *   an approved offer's wording gives its code; as a discount, voucher or commercial gesture in general, '*'.
 * Each comes with the sentence that said it, to be remembered (masked) and shown to the reviewer.
 */
import type { ShopPolicies } from '../domain/types';
import { findOfferMentions } from '../reply/offer-policy';
import { fold } from '../reply/text-fold';

export interface StatedPreference {
  code: string;
  sentence: string;
}

export interface StatedRefusal {
  /** An approved offer's code, or '*' for offers in general. */
  code: string;
  sentence: string;
}

const PREFERENCES: { code: string; patterns: RegExp[] }[] = [
  {
    code: 'no_phone',
    patterns: [
      /\bne (m'|me )?(appele[zr]?|telephone[zr]?|rappele[zr]?) (pas|jamais|surtout pas)\b/,
      /\b(pas|aucun) d'appels?\b/, /\bpas (de|par) telephone\b/, /\b(uniquement|seulement|que) par (e-?mail|mail|courriel|ecrit)\b/,
      /\bpar (e-?mail|mail|ecrit) (uniquement|seulement)\b/, /\bje (ne )?(veux|souhaite) pas (etre|d'etre) (appele|rappele)e?s?\b/,
      /\b(don'?t|do not|never|please don'?t) (call|phone|ring) me\b/, /\bno (phone )?calls?\b/, /\bno phone\b/,
      /\b(by |via )?e-?mail only\b/, /\bonly (by|via) e-?mail\b/, /\bin writing only\b/,
    ],
  },
  {
    code: 'call_evening',
    patterns: [
      /\b(appele[zr]?|rappele[zr]?|telephone[zr]?|joindre)[- ]?(moi|me) (plutot |de preference |uniquement )?(le soir|en soiree|apres 18 ?h)\b/,
      /\b(call|ring|phone|reach) me (back )?(only )?(in the evening|after 6 ?(pm)?|evenings)\b/, /\bevening calls?\b/,
    ],
  },
];

const REFUSAL = /\b(je ne (veux|souhaite|desire) (pas|aucun|plus)|je n'ai (pas|aucun) besoin|pas besoin d|je refuse|non merci|sans (bon|geste|remise|code)|je n'accepte (pas|jamais)|jamais accepte|gardez (votre|vos)|i (don'?t|do not) (want|need)|no,? thanks?( you)?|i refuse|not interested|keep your|never accepted?|i won'?t (use|accept))\b/;
const OFFERS_IN_GENERAL = /\b(geste commercial|promotions?|offres? commerciales?|reductions?|remises?|bons? d'achat|codes? promo|discounts?|vouchers?|coupons?|promo codes?|special offers?|offers?)\b/;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
}

export function statedPreferences(text: string): StatedPreference[] {
  const found = new Map<string, StatedPreference>();
  for (const sentence of sentences(text)) {
    const f = fold(sentence);
    for (const p of PREFERENCES) if (!found.has(p.code) && p.patterns.some((re) => re.test(f))) found.set(p.code, { code: p.code, sentence });
  }
  return [...found.values()];
}

export function statedRefusals(text: string, policies: ShopPolicies): StatedRefusal[] {
  const found = new Map<string, StatedRefusal>();
  for (const sentence of sentences(text)) {
    const f = fold(sentence);
    if (!REFUSAL.test(f)) continue;
    const codes = findOfferMentions(sentence, policies).map((m) => m.code ?? '*');
    if (codes.length === 0 && OFFERS_IN_GENERAL.test(f)) codes.push('*');
    for (const code of codes) if (!found.has(code)) found.set(code, { code, sentence });
  }
  return [...found.values()];
}
