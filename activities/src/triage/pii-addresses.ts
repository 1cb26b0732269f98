/**
 * Postal addresses as ONE span, exactly as written (line breaks kept): a postcode + city anchor (FR/DE/ES/IT five
 * digits, BE/CH/AT/LU four, NL "1015 CJ", UK outward/inward code, US "City, ST 12345"), the street and its
 * complements walked back from it on the same line (comma segments) and on the lines above, then an optional
 * province or country after it. A street line alone ("12 rue des Lilas", "5 Station Road") is an address too.
 */

export interface AddressSpan { start: number; end: number; value: string }

const L = '\\p{L}';
const LU = '\\p{Lu}';
const CAP = `${LU}[${L}'’.-]*`;
/** The end of a word, accented letters included (`\b` only knows ASCII). */
const EOW = '(?![\\p{L}\\d])';
const PARTICLE = "(?:de|du|des|de la|de l'|d'|la|le|les|l'|of|the|en|sur|sous|lès|am|an|der|dem|den|im|di|del|della|dei|degli|da|do|dos|das|y|e|van|von|ter|op)";

/** A keyword pattern matching in any case ("rue", "Rue", "RUE") while the rest of the expression keeps its capitals. */
function caseless(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') { out += c + (pattern[i + 1] ?? ''); i++; continue; }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    const up = c.toUpperCase();
    if (!/\p{L}/u.test(c) || up === c) out += c;
    else out += inClass ? c + up : `[${c}${up}]`;
  }
  return out;
}

const FR_STREET = caseless("(?:rue|avenue|av\\.|boulevard|bd|bld|allée|allee|impasse|place|chemin|route|quai|cours|square|passage|voie|sentier|lotissement|hameau|chaussée|faubourg|fbg|parvis|esplanade|promenade|rond-point|mail|cité|villa|montée|traverse|ruelle|venelle|clos|domaine|parc|résidence|residence|lieu-dit)");
const EN_STREET = '(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Gardens|Place|Pl|Crescent|Terrace|Court|Ct|Square|Sq|Grove|Hill|Row|Mews|Walk|Park|Parade|Rise|View|Green|Yard|Works|Wharf|Quay|Gate|Broadway|Circus|Boulevard|Blvd|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Plaza|Embankment)';
/** Streets named first and numbered after: BE/CH (French), DE/AT/CH, NL, ES, IT, PT. */
const NAME_FIRST_STREET = caseless("(?:rue|avenue|boulevard|chaussée|place|chemin|route|quai|clos|drève|square|ul\\.|ulica|al\\.|aleja|via|viale|corso|piazza|piazzale|largo|vicolo|strada|calle|c/|avenida|avda\\.?|paseo|plaza|carrer|camino|ronda|travesía|avinguda|av\\.|passeig|plaça|rambla|travessera|rúa|rua|straat|laan|weg|gracht|plein|kade|singel)");
/** German and Dutch compounds: "Lindenstraße", "Keizersgracht", "Stationsplein". */
const DE_STREET_SUFFIX = '(?:gata|gatan|gate|gaten|veien|vegen|vej|gade|vägen|väg|katu|straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad|markt|graben|berg|hof|tor|feld|garten|straat|gracht|laan|plein|kade|singel|dijk|dreef)';
/** A house number after the street, with Austrian staircase and door ("45/3/12") or a range ("12-14"). */
const HOUSE_NUMBER_AFTER = `\\s+\\d{1,4}(?:\\s?[a-zA-Z])?(?:[-/]\\d{1,4}){0,3}${EOW}`;

const NUMBER_FIRST_FR = `\\d{1,4}(?:\\s?(?:bis|ter|quater|[A-Za-z]))?,?\\s+${FR_STREET}${EOW}`;
/** A street's name word: capitalised, or an ordinal in figures ("East 79th Street", "5th Avenue"). */
const STREET_NAME_WORD = `(?:${CAP}|\\d{1,3}(?:st|nd|rd|th))`;
const NUMBER_FIRST_EN = `\\d{1,5}[A-Za-z]?(?:-\\d{1,4})?,?\\s+(?:${STREET_NAME_WORD}\\s+){0,3}${EN_STREET}${EOW}\\.?(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)${EOW})?`;
const NAME_FIRST = `(?:${NAME_FIRST_STREET}\\s+(?:${PARTICLE}\\s*)?${CAP}(?:\\s+(?:${CAP}|${PARTICLE}))*|${LU}[${L}-]*${DE_STREET_SUFFIX}|(?:Am|An der|Auf der|Auf dem|Im|In der|Unter den)\\s+${CAP}|(?:${CAP}\\s+){1,2}(?:Straße|Strasse|Str\\.|Gasse|Platz|Weg|Allee|Ring|Damm|Ufer|Steig|Markt|Chaussee)|(?:${CAP}\\s+){1,3}${caseless('(?:gade|gate|gata|gatan|vej|vei|veien|väg|vägen)')})${HOUSE_NUMBER_AFTER}`;
/** A French street written without a number: "rue des Lilas", "lieu-dit Les Granges". */
const UNNUMBERED_FR = `${FR_STREET}\\s+(?:${PARTICLE}\\s*)?${LU}`;
/** An English street written without a number, as a whole segment: "Tanyard Lane", "Riverside Works". */
const UNNUMBERED_EN = `(?:${CAP}\\s+){1,3}${EN_STREET}(?:\\s+${CAP}){0,3}\\s*$`;
/** A whole segment made of a number and a name, next to a postcode: "20 Eastcheap", "7 The Strand". */
const NUMBERED_NAME = `\\d{1,4}[A-Za-z]?\\s+(?:The\\s+)?${CAP}(?:\\s+${CAP}){0,2}\\s*$`;
/** A street keyword and its name, the number in the next comma segment: "C/ Mayor, 12", "Via dei Mille, 24". */
const STREET_NAME_ONLY = new RegExp(`^(?:${NAME_FIRST_STREET}|${FR_STREET})\\s+\\S`, 'u');

const STREET_START = new RegExp(`^(?:${NUMBER_FIRST_FR}|${NUMBER_FIRST_EN}|${NAME_FIRST}|${UNNUMBERED_FR}|${UNNUMBERED_EN}|${NUMBERED_NAME})`, 'u');
const STREET_INSIDE = new RegExp(`(?<![\\p{L}\\d-])(?:${NUMBER_FIRST_FR}|${NUMBER_FIRST_EN}|${NAME_FIRST})`, 'gu');
/** A post-office box is a delivery point of its own, standing where a street would: "PO Box 482", "Postfach 10 12 20", "Case postale 112", "BP 45", "Apartado 1234". */
const PO_BOX_WORDS = caseless('(?:p\\.?\\s?o\\.?\\s?box|post\\s+office\\s+box|postfach|case\\s+postale|cp|bo[iî]te\\s+postale|bp|b\\.p\\.|apartado(?:\\s+de\\s+correos)?|casella\\s+postale|postbus|caixa\\s+postal)');
const PO_BOX = new RegExp(`^${PO_BOX_WORDS}\\.?\\s*\\d[\\d ]{0,8}${EOW}`, 'u');
const PO_BOX_INSIDE = new RegExp(`(?<![\\p{L}])${PO_BOX_WORDS}\\.?\\s*\\d`, 'u');
const isStreet = (s: string): boolean => STREET_START.test(s) || PO_BOX.test(s);

const COMPLEMENT_WORDS = caseless(
  '(?:\\d{1,2}(?:e|er|[èe]me)\\s+[ée]tage|r[ée]sidence|b[âa]t(?:iment)?\\.?|appt\\.?|appartement|apt\\.?|escalier|esc\\.|[ée]tage|porte|lieu-dit|bp\\s*\\d|cs\\s*\\d|' +
  'z\\.?a\\.?c?|z\\.?i\\.?|zone|parc|domaine|immeuble|tour|entrée|' +
  'flat|unit|apartment|suite|studio|floor|building|house|block|p\\.?\\s?o\\.?\\s?box|' +
  'lgh\\.?|lägenhet|piso|planta|puerta|bajo|interno|int\\.|scala|wohnung|whg\\.|etage|postfach|bus|boîte|app\\.|\\d{1,2}\\.?\\s?[ºª°]|\\d{1,2}\\.\\s?(?:og|stock|obergeschoss|etage)|[ve]g|dg|hinterhaus|vorderhaus|esq\\.?|dto\\.?|dt\\.?|\\d{1,2}(?:è|r|n|t)\\s+\\d{1,2}[ºªa]|\\d{1,2}(?:st|nd|rd|th)\\s+floor)') + '(?![\\p{L}])';
/** A named building line before the street: "Highbury House", "Kensington Mansions". */
const BUILDING = `(?:${CAP}\\s+){1,3}(?:House|Building|Mansions|Lodge|Cottage|Cottages|Farm|Farmhouse|Manor|Hall|Tower|Apartments|Centre|Center|Barn|Chambers|Rectory|Vicarage|Grange|Mill|Croft|Forge|Granary|Stables|Coach House|Old School|Schoolhouse)\\s*$`;
const COMPLEMENT = new RegExp(`^(?:${COMPLEMENT_WORDS}|${BUILDING})`, 'u');
/** A complement closing free text: "… send it to Unit 2" → "Unit 2". */
const COMPLEMENT_TAIL = new RegExp(`(?<![\\p{L}])${COMPLEMENT_WORDS}[^\\s,]*(?:\\s+[^\\s,]+){0,3}\\s*$`, 'u');

/** Capitalised words (a town, a district, a county) with the small words place names carry. */
const PLACE = new RegExp(`^${CAP}(?: +(?:${CAP}|${PARTICLE}|\\d{1,2}(?:e|er|ème)?))*(?: \\(${CAP}(?: ${CAP})*\\))?$`, 'u');

const COUNTRIES = '(?:France|Belgique|Belgium|België|Suisse|Switzerland|Schweiz|Svizzera|Deutschland|Germany|Allemagne|España|Spain|Espagne|Italia|Italy|Italie|USA|U\\.S\\.A\\.|United States|UK|U\\.K\\.|United Kingdom|Royaume-Uni|England|Scotland|Wales|Ireland|Irlande|Nederland|Netherlands|Pays-Bas|Luxembourg|Österreich|Austria|Autriche|Portugal|Monaco|Canada|Norway|Norvège|Norge|Sweden|Suède|Sverige|Denmark|Danemark|Danmark|Finland|Finlande|Suomi|Poland|Pologne|Polska|Greece|Grèce|Czechia|Tchéquie|India|Inde|Brasil|Brazil|Brésil|Maroc|Morocco|Tunisie|Algérie|Sénégal|Nigeria|Vietnam|Viêt Nam|Turkey|Türkiye|Turquie|Australia|Australie|New Zealand|Nouvelle-Zélande|Japan|Japon|China|Chine|South Korea|Corée du Sud|Singapore|Singapour|Mexico|Mexique|Argentina|Argentine|Chile|Chili|Israel|Israël|South Africa|Afrique du Sud|Hungary|Hongrie|Romania|Roumanie|Croatia|Croatie|Slovenia|Slovénie|Iceland|Islande)';

const CITY = `${LU}[${L}'’-]+(?: +(?:${LU}[${L}'’-]+|sur|sous|en|le|la|les|lès|de|du|d'|am|an|der|im|bei|di|del))*`;
/** Postcode + city (or state + ZIP): every anchor needs a street before it to make an address. */
const ANCHORS: RegExp[] = [
  // FR / DE / ES / IT / FI: five digits + city (+ Cedex)
  new RegExp(`(?<![\\d\\w-])(?:(?:F|D|E|I)-)?\\d{5}[ \\t]+${CITY}(?:[ \\t]+Cedex(?:[ \\t]\\d{1,2})?)?`, 'gu'),
  // BE / CH / AT / LU / DK: four digits + city (+ a delivery district: "1211 Genève 2", "1560 København V")
  new RegExp(`(?<![\\d\\w.,-])(?:(?:B|CH|A|L|DK)-)?\\d{4}[ \\t]+${CITY}(?:[ \\t](?:\\d{1,2}|${LU})(?![\\d\\p{L}-]))?`, 'gu'),
  // PT: 1100-053 Lisboa
  new RegExp(`(?<![\\d\\w-])\\d{4}-\\d{3}[ \\t]+${CITY}`, 'gu'),
  // SE: 113 55 Stockholm
  new RegExp(`(?<![\\d\\w-])\\d{3} \\d{2}[ \\t]+${CITY}`, 'gu'),
  // PL: 00-514 Warszawa
  new RegExp(`(?<![\\d\\w-])\\d{2}-\\d{3}[ \\t]+${CITY}`, 'gu'),
  // AU: a suburb, its state and postcode ("Bondi NSW 2026", "Fitzroy VIC 3065")
  new RegExp(`(?<=[\\p{L}][ \\t]+)(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)[ \\t]+\\d{4}(?![\\d\\w])`, 'gu'),
  // IN: a town and its six-digit PIN ("Bengaluru 560001", "Pune - 411001")
  new RegExp(`(?<=[\\p{L}][ \\t]*(?:-[ \\t]*)?)(?<![\\d])[1-9]\\d{5}(?![\\d\\w])`, 'gu'),
  // NL: 1015 CJ Amsterdam
  new RegExp(`(?<![\\d\\w-])\\d{4} ?[A-Z]{2}[ \\t]+${CITY}`, 'gu'),
  // UK postcode
  /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/g,
  // Ireland: Eircode after a town or county ("Ballina, Co. Mayo, F26 X3Y8", "Dublin 2, D02 XK54")
  /\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \t]?[0-9AC-FHKNPRTV-Y]{4}\b/g,
  // Canada: A1A 1A1 after a town (and its province)
  /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t]?\d[ABCEGHJ-NPRSTV-Z]\d\b/g,
  // US: City, ST 12345(-6789)
  /(?<=(?:,|[ \t]{2})[ \t]?)[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?\b/g,
];

/** After the anchor: an Italian province "(MI)" / " MI", then ", Country" or a country line. */
const TAIL = new RegExp(`^(?: ?\\([A-Z]{2}\\)| [A-Z]{2}(?![\\w]))?(?:,? ?${COUNTRIES}\\b|\\r?\\n[ \\t]*${COUNTRIES}[ \\t]*(?=\\r?\\n|$))?`, 'u');

/**
 * A whole segment of two to four name words and a house number, whatever the words ("Kalvebod Brygge 12", "Obere
 * Hauptstraße 7a"): read only on the walk back from a postcode, where it stands as the street.
 */
const NAMED_NUMBERED = new RegExp(`^(?:${CAP}\\s+(?:${PARTICLE}\\s+)?){2,4}\\d{1,4}(?:\\s?[a-zA-Z])?(?:[-/]\\d{1,4}){0,3}$`, 'u');

/** "c/o", "care of", "chez" before a house's name. */
const CARE_OF = /^\s*(?:c\/o|care of|chez)\s+/iu;

type SegKind = 'street' | 'complement' | 'place' | 'other';
function kindOf(seg: string): SegKind {
  const s = seg.trim().replace(/^[(\[]/, '').replace(/\s*[-–—]$/, '');
  if (!s) return 'other';
  if (isStreet(s)) return 'street';
  if (COMPLEMENT.test(s)) return 'complement';
  if (NAMED_NUMBERED.test(s)) return 'street';
  if (PLACE.test(s) && s.split(/\s+/).length <= 4) return 'place';
  return 'other';
}

/** Where a street starts inside free text ("Livrez au 14 rue …" → the 14), or null. */
function streetInside(seg: string): number | null {
  let best: number | null = PO_BOX_INSIDE.exec(seg)?.index ?? null;
  for (const m of seg.matchAll(STREET_INSIDE)) {
    if (!isStreet(m[0])) continue;
    if (best === null || m.index! < best) best = m.index!;
  }
  return best;
}

/**
 * Walks back from `end` over comma segments of the text slice [from, end): returns where the address starts in
 * that slice, whether a street was seen, and whether every segment belonged to the address (so the walk may go on
 * to the line above).
 */
function walkSegments(text: string, from: number, end: number, sawStreetBefore: boolean):
  { start: number; sawStreet: boolean; whole: boolean } {
  const slice = text.slice(from, end);
  const parts: { s: string; at: number }[] = [];
  let at = 0;
  for (const p of slice.split(',')) { parts.push({ s: p, at }); at += p.length + 1; }
  let start = end;
  let sawStreet = sawStreetBefore;
  let places = 0;
  let lastKind: SegKind | null = null;
  for (let i = parts.length - 1; i >= 0; i--) {
    const { s, at: off } = parts[i]!;
    if (!s.trim()) { if (i === parts.length - 1) continue; return { start, sawStreet, whole: false }; }
    const lead = s.length - s.trimStart().length;
    // "c/o The Old Rectory": a line handed over to a house, the house opens the address and nothing above it belongs
    const care = i === 0 && sawStreet ? CARE_OF.exec(s) : null;
    if (care && kindOf(s.slice(care[0].length)) === 'complement') return { start: from + off + care[0].length, sawStreet, whole: false };
    const kind = kindOf(s);
    if (kind === 'street' || kind === 'complement') {
      start = from + off + lead; sawStreet ||= kind === 'street'; lastKind = kind; continue;
    }
    // "45, avenue Foch": a house number closing the segment before a street belongs to it
    // "Via dei Mille, 24": a bare number segment after the street's name
    if (kind === 'other' && /^\s*\d{1,4}[a-zA-Z]?\s*[-–—]?\s*$/.test(s) && i > 0 && STREET_NAME_ONLY.test(parts[i - 1]!.s.trim())) {
      const prev = parts[i - 1]!;
      start = from + prev.at + (prev.s.length - prev.s.trimStart().length);
      sawStreet = true; lastKind = 'street'; i--; continue;
    }
    const houseNumber = lastKind === 'street' && !COMPLEMENT_TAIL.test(s) ? /(?<![\w-])\d{1,4}(?:\s?(?:bis|ter))?\s*$/u.exec(s) : null;
    if (houseNumber) return { start: from + off + houseNumber.index, sawStreet, whole: houseNumber.index === 0 };
    if (kind === 'place' && !sawStreet && places < 2) { start = from + off + lead; places++; lastKind = kind; continue; }
    if (!sawStreet) {
      const inner = streetInside(s);
      if (inner !== null) return { start: from + off + inner, sawStreet: true, whole: false };
    } else {
      const tail = COMPLEMENT_TAIL.exec(s);
      if (tail) return { start: from + off + tail.index, sawStreet, whole: false };
    }
    return { start, sawStreet, whole: false };
  }
  return { start, sawStreet, whole: true };
}

function expand(text: string, anchorStart: number, anchorEnd: number): AddressSpan | null {
  const lineStart = text.lastIndexOf('\n', anchorStart - 1) + 1;
  let { start, sawStreet, whole } = walkSegments(text, lineStart, anchorStart, false);
  if (start === anchorStart) whole = !text.slice(lineStart, anchorStart).trim();
  // the lines above: street and complements, and (before the street is met) up to two town or county lines
  let lineEnd = lineStart - 1;
  let placeLines = 0;
  while (whole && lineEnd > 0) {
    const ls = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const lineEndNoCr = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    if (!text.slice(ls, lineEndNoCr).trim()) break;
    const r = walkSegments(text, ls, lineEndNoCr, sawStreet);
    if (r.start >= lineEndNoCr) break;
    if (!r.sawStreet && !sawStreet && ++placeLines > 2) break;
    start = r.start;
    sawStreet ||= r.sawStreet;
    whole = r.whole;
    lineEnd = ls - 1;
  }
  if (!sawStreet) return null;
  const tail = TAIL.exec(text.slice(anchorEnd))?.[0] ?? '';
  const end = anchorEnd + tail.length;
  const value = text.slice(start, end).replace(/^[\s,(]+/, '');
  return { start: end - value.length, end, value };
}

/** Street lines with no postcode near them: "au 12 rue Victor Hugo", "at 5 Station Road". */
const STREET_ONLY = new RegExp(`(?<![\\w-])\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:${FR_STREET}\\s+(?:(?:de|du|des|de la|de l'|d')\\s*)?${LU}[${L}'’-]*(?:\\s+(?:${LU}[${L}'’-]*|de|du|des|la|le))*|(?:${LU}[${L}'’-]*\\s+){1,3}${EN_STREET}${EOW})`, 'gu');

/** A country closing a line's comma segments: ", Japan", ", Portugal." */
const COUNTRY_AFTER_COMMA = new RegExp(`,[ \\t]*${COUNTRIES}(?=[ \\t]*(?:[.?!;)]|\\r?\\n|$))`, 'gu');
/** A house number opening a street of name words: "24 Rua das Flores", "2-14-5 Ebisu". */
const HOUSE_NUMBER_FIRST = new RegExp(`(?<![\\p{L}\\d-])\\d{1,5}[A-Za-z]?(?:[-/]\\d{1,4}){0,3},?[ \\t]+(?:${PARTICLE}[ \\t]+)?${LU}`, 'u');
/** A segment of name words and figures only ("Shibuya-ku", "Tokyo 150-0013", "4050-262 Porto"): no sentence. */
const NAME_WORDS_ONLY = new RegExp(`^(?:(?:${CAP}|[\\d][\\dA-Z-]*|${PARTICLE})(?:[ \\t]+|$)){1,5}$`, 'u');

/**
 * An address written on one line whose comma segments end with a country, in a form no postcode anchor knows
 * ("2-14-5 Ebisu, Shibuya-ku, Tokyo 150-0013, Japan", "au 24 Rua das Flores, 4050-262 Porto, Portugal"): it opens
 * with a house number and a name word, holds a segment with a postcode's figures, and every segment between is name
 * words and figures.
 */
function countryClosed(text: string, comma: number, countryEnd: number): AddressSpan | null {
  const lineStart = text.lastIndexOf('\n', comma - 1) + 1;
  const parts = text.slice(lineStart, comma).split(',');
  let at = comma - lineStart;
  let postcode = false;
  for (let i = parts.length - 1, n = 0; i >= 0 && n < 5; i--, n++) {
    const seg = parts[i]!;
    at -= seg.length + (i < parts.length - 1 ? 1 : 0);
    const trimmed = seg.trim();
    const whole = NAME_WORDS_ONLY.test(trimmed);
    const opening = HOUSE_NUMBER_FIRST.exec(seg);
    if (opening && postcode && (!whole || opening.index === seg.length - seg.trimStart().length)) {
      const start = lineStart + at + opening.index;
      return { start, end: countryEnd, value: text.slice(start, countryEnd) };
    }
    if (!whole) return null;
    if (/\d/.test(trimmed) && /\p{Lu}/u.test(trimmed)) postcode = true;
  }
  return null;
}

export function findAddresses(text: string): AddressSpan[] {
  const out: AddressSpan[] = [];
  const inside = (s: number, e: number): boolean => out.some((o) => s < o.end && o.start < e);
  for (const re of ANCHORS) {
    for (const m of text.matchAll(re)) {
      if (inside(m.index!, m.index! + m[0].length)) continue;
      const span = expand(text, m.index!, m.index! + m[0].length);
      if (span && span.value !== m[0].trim()) out.push(span);
    }
  }
  for (const m of text.matchAll(COUNTRY_AFTER_COMMA)) {
    const span = countryClosed(text, m.index!, m.index! + m[0].length);
    if (span && !inside(span.start, span.end)) out.push(span);
  }
  for (const m of text.matchAll(STREET_ONLY)) {
    const s = m.index!;
    if (inside(s, s + m[0].length)) continue;
    out.push({ start: s, end: s + m[0].length, value: m[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}
