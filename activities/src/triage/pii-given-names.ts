/**
 * Given names of many languages, read from the first-name lists that @faker-js/faker keeps per locale (French, Belgian,
 * Swiss, Luxembourgish, Senegalese, English, Irish, Welsh, Nigerian, Yoruba, Ghanaian, Indian, Vietnamese, Polish,
 * Nordic, Dutch, German, Spanish, Portuguese, Italian, Turkish, Indonesian…): about 16,000 names in Latin script,
 * with the towns, regions and countries of the same locales, loaded once when the first email is read (~0.3 s), never
 * downloaded at run time. A given name is a feature of the name finder, not a decision: where it stands (after "the",
 * after "à" before a town, at the start of a sentence) still decides whether the word names a person.
 */

/** Locales whose names are written in Latin script. */
const LOCALES = ['af_ZA', 'cs_CZ', 'cy', 'da', 'de', 'de_AT', 'de_CH', 'en', 'en_AU', 'en_CA', 'en_GB', 'en_GH', 'en_IE',
  'en_IN', 'en_NG', 'en_US', 'en_ZA', 'es', 'es_MX', 'fi', 'fr', 'fr_BE', 'fr_CA', 'fr_CH', 'fr_LU', 'fr_SN', 'hr', 'hu',
  'id_ID', 'it', 'lv', 'nb_NO', 'nl', 'nl_BE', 'pl', 'pt_BR', 'pt_PT', 'ro', 'sk', 'sv', 'tr', 'vi', 'yo_NG', 'zu_ZA'];

/** Towns that are given names too, in the French and English forms the locale lists (which hold "Firenze") lack. */
const EXONYMS = ['Florence', 'Lourdes', 'Adelaide', 'Valence', 'Victoria', 'Sydney', 'Charlotte', 'Nancy', 'Orange', 'Geneva'];

interface LocaleData {
  faker: { rawDefinitions: {
    person?: { first_name?: Record<string, string[] | undefined> };
    location?: { city_name?: string[]; state?: string[]; country?: string[] };
  } };
}

/** A name word in Latin script, capitalised once: "Benoît", "Jean-Baptiste", "Olumide" (not "An", "DE", "Mc"). */
const LATIN_NAME = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)*$/u;
const LATIN = /^[\p{Script=Latin}'’-]+$/u;

let lexicon: { names: ReadonlySet<string>; places: ReadonlySet<string> } | null = null;

function localeData(locale: string): LocaleData {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(`@faker-js/faker/locale/${locale}`) as LocaleData;
  } catch (err) {
    throw new Error(`the PII masker's given-name lexicon (@faker-js/faker, a dependency of @replique/activities) is not installed: run pnpm install (${(err as Error).message.split('\n')[0]})`);
  }
}

function load(): { names: ReadonlySet<string>; places: ReadonlySet<string> } {
  const names = new Set<string>();
  const places = new Set<string>(EXONYMS);
  for (const locale of LOCALES) {
    const { person, location } = localeData(locale).faker.rawDefinitions;
    for (const list of Object.values(person?.first_name ?? {})) {
      for (const n of list ?? []) if (n.length >= 3 && LATIN_NAME.test(n) && LATIN.test(n)) names.add(n);
    }
    for (const p of [...(location?.city_name ?? []), ...(location?.state ?? []), ...(location?.country ?? [])]) places.add(p);
  }
  return { names, places };
}

/** "Benoît", "Jean-Baptiste", "Marie-Hélène" (each part a given name): a given name as capitalised in a text. */
export function isGivenName(word: string): boolean {
  const { names } = (lexicon ??= load());
  if (names.has(word)) return true;
  const parts = word.split('-');
  return parts.length > 1 && parts.every((p) => names.has(p));
}

/** A town, a region or a country of the same locales ("Nancy", "Victoria", "Charlotte"): a place before a person. */
export function isPlaceName(word: string): boolean {
  return (lexicon ??= load()).places.has(word);
}
