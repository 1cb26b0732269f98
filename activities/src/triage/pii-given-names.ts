/**
 * Given names of many languages, read from the first-name lists that @faker-js/faker keeps per locale (French, Belgian,
 * Swiss, Luxembourgish, Senegalese, English, Irish, Welsh, Nigerian, Yoruba, Ghanaian, Indian, Vietnamese, Polish,
 * Nordic, Dutch, German, Spanish, Portuguese, Italian, Turkish, Indonesian…): about 16,000 names in Latin script,
 * with the towns, regions and countries of the same locales, loaded once when the first email is read (~0.3 s), never
 * downloaded at run time. A given name is a feature of the name finder, not a decision: where it stands (after "the",
 * after "à" before a town, at the start of a sentence) still decides whether the word names a person.
 *
 * Those lists hold a locale's most common names only (no Angharad, Ghislaine, Peregrine, Venkatesh): the first names of
 * gender-detection-from-name (MIT; about 67,000 names given in English-speaking countries, France, Germany, Spain, Italy
 * and Turkey, rare ones and those of every origin included) widen them where a name is written with its capital. That
 * list also holds words and surnames ("Gift", "Sender", "Garcia", "German"): a word of faker's word, colour, food, product,
 * animal, month and language lists, a surname of its locales, or a place, is taken from it, and a language is never a lone given name ("I am German").
 */

/** Locales whose names are written in Latin script. */
const LOCALES = ['af_ZA', 'cs_CZ', 'cy', 'da', 'de', 'de_AT', 'de_CH', 'en', 'en_AU', 'en_CA', 'en_GB', 'en_GH', 'en_IE',
  'en_IN', 'en_NG', 'en_US', 'en_ZA', 'es', 'es_MX', 'fi', 'fr', 'fr_BE', 'fr_CA', 'fr_CH', 'fr_LU', 'fr_SN', 'hr', 'hu',
  'id_ID', 'it', 'lv', 'nb_NO', 'nl', 'nl_BE', 'pl', 'pt_BR', 'pt_PT', 'ro', 'sk', 'sv', 'tr', 'vi', 'yo_NG', 'zu_ZA'];

/** Towns that are given names too, in the French and English forms the locale lists (which hold "Firenze") lack. */
const EXONYMS = ['Florence', 'Lourdes', 'Adelaide', 'Valence', 'Victoria', 'Sydney', 'Charlotte', 'Nancy', 'Orange', 'Geneva'];

type WordLists = Record<string, unknown>;
interface LocaleData {
  faker: { rawDefinitions: {
    person?: { first_name?: Record<string, string[] | undefined>; last_name?: Record<string, string[] | undefined> };
    location?: { city_name?: string[]; state?: string[]; country?: string[]; language?: { name: string }[] };
    word?: WordLists; food?: WordLists; animal?: WordLists; commerce?: { product_name?: WordLists };
    color?: { human?: string[] }; date?: { month?: Record<string, unknown[]>; weekday?: Record<string, unknown[]> };
  } };
}

/** A name word in Latin script, capitalised once: "Benoît", "Jean-Baptiste", "Olumide" (not "An", "DE", "Mc"). */
const LATIN_NAME = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)*$/u;
const LATIN = /^[\p{Script=Latin}'’-]+$/u;

interface Lexicon {
  /** faker's given names: the common ones, also read in lower case. */
  names: ReadonlySet<string>;
  /** Rarer given names of the wider list, read only as written with a capital. */
  rare: ReadonlySet<string>;
  places: ReadonlySet<string>;
}
let lexicon: Lexicon | null = null;

const WIDER_LISTS = ['en', 'fr', 'de', 'es', 'it', 'tr'];
/** Words of mail and of letters' formulas the wider list holds as names ("Returned to Sender", "Sehr geehrte Damen und Herren"), and saints opening towns' names. */
const NOT_NAMES = ['sender', 'recipient', 'postmaster', 'mailer', 'daemon', 'subject', 'damen', 'herren', 'heren', 'dames', 'señores', 'signori',
  'senhores', 'saint', 'sainte', 'santa', 'santo', 'san', 'são'];

function localeData(locale: string): LocaleData {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(`@faker-js/faker/locale/${locale}`) as LocaleData;
  } catch (err) {
    throw new Error(`the PII masker's given-name lexicon (@faker-js/faker, a dependency of @replique/activities) is not installed: run pnpm install (${(err as Error).message.split('\n')[0]})`);
  }
}

function widerNames(lang: string): Iterable<string> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(`gender-detection-from-name/names/${lang}.js`) as Map<string, string>).keys();
  } catch (err) {
    throw new Error(`the PII masker's wider given-name list (gender-detection-from-name, a dependency of @replique/activities) is not installed: run pnpm install (${(err as Error).message.split('\n')[0]})`);
  }
}

/** A name of the wider list in lower-case Latin letters, maybe hyphenated ("marie-hélène"); no \p{…} class: 85,000 are read. */
const LOWER_LATIN = /^[a-z\u00df-\u00f6\u00f8-\u00ff\u0101-\u017f]+(?:-[a-z\u00df-\u00f6\u00f8-\u00ff\u0101-\u017f]+)*$/;
/** "marie-hélène" → "Marie-Hélène", as a name is written. */
const capitalise = (w: string): string => w.split('-').map((p) => p[0]!.toUpperCase() + p.slice(1)).join('-');

function load(): Lexicon {
  const names = new Set<string>();
  const places = new Set<string>(EXONYMS);
  /** Lower-case words of the same locales that are no given name when the wider list holds them. */
  const words = new Set<string>(NOT_NAMES);
  const addWords = (text: string): void => { for (const w of text.toLowerCase().split(/[^\p{L}'’-]+/u)) if (w) words.add(w); };
  const languages = new Set<string>();
  for (const locale of LOCALES) {
    const d = localeData(locale).faker.rawDefinitions;
    const { person, location } = d;
    for (const list of Object.values(person?.first_name ?? {})) {
      for (const n of list ?? []) if (n.length >= 3 && LATIN_NAME.test(n) && LATIN.test(n)) names.add(n);
    }
    for (const p of [...(location?.city_name ?? []), ...(location?.state ?? []), ...(location?.country ?? [])]) places.add(p);
    // a surname of the locale ("Garcia Architecture", "Williams Design") is no rarer given name
    for (const list of Object.values(person?.last_name ?? {})) for (const n of list ?? []) words.add(n.toLowerCase());
    for (const l of location?.language ?? []) for (const w of l.name.split(/[^\p{L}]+/u)) if (w) languages.add(w);
    for (const group of [d.word, d.food, d.commerce?.product_name, d.animal]) {
      for (const list of Object.values(group ?? {})) if (Array.isArray(list)) for (const w of list) if (typeof w === 'string') addWords(w);
    }
    for (const w of [...(d.color?.human ?? []), ...Object.values(d.date?.month ?? {}).flat(), ...Object.values(d.date?.weekday ?? {}).flat()]) {
      if (typeof w === 'string') addWords(w);
    }
  }
  for (const p of places) addWords(p);
  for (const l of languages) { names.delete(l); words.add(l.toLowerCase()); }
  const rare = new Set<string>();
  for (const lang of WIDER_LISTS) {
    for (const n of widerNames(lang)) {
      if (n.length < 3 || words.has(n) || !LOWER_LATIN.test(n) || n.split('-').some((p) => words.has(p))) continue;
      const name = capitalise(n);
      if (!names.has(name)) rare.add(name);
    }
  }
  return { names, rare, places };
}

/**
 * "Benoît", "Jean-Baptiste", "Marie-Hélène" (each part a given name): a given name as capitalised in a text, a rarer
 * one too ("Angharad", "Ghislaine") unless `commonOnly` (a lower-case word, where "tea" or "gift" would pass).
 */
export function isGivenName(word: string, commonOnly = false): boolean {
  const { names, rare } = (lexicon ??= load());
  const known = (w: string): boolean => names.has(w) || (!commonOnly && rare.has(w));
  if (known(word)) return true;
  const parts = word.split('-');
  return parts.length > 1 && parts.every(known);
}

/** A town, a region or a country of the same locales ("Nancy", "Victoria", "Charlotte"): a place before a person. */
export function isPlaceName(word: string): boolean {
  return (lexicon ??= load()).places.has(word);
}
