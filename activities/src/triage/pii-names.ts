/**
 * Names of third parties the writer mentions, found by structure rather than by a list of names: a relation word
 * ("my husband", "ma voisine", "a colleague,"), a title ("Mme Dupuis", "Mr Patel"), an initial with a surname
 * ("J. Martin", "J.-P. Durand"), a hand-over phrase ("on behalf of", "c/o", "à destination de", "please contact"),
 * a quoted header or attribution line ("From: Ann Lee <…>", "… a écrit :"), a person's name line above a postal
 * address, and the shop's known customers written in full. The writer's own name (display name, address local part,
 * customer record) and the shop's own names are never listed.
 */
import { fold as foldText } from '../reply/text-fold';
import { isGivenName, isPlaceName as isKnownPlace } from './pii-given-names';

export interface NameSpan { start: number; end: number; value: string }

export interface NameContext {
  /** Names that belong to the writer or the shop, never third parties. */
  ownNames: string[];
  /** The local part of the writer's address ("jane.doe"): its parts are the writer's names too. */
  senderLocalPart: string | null;
  /** Full names of the shop's customers found in the text (other than the writer): always third parties. */
  knownPeople?: string[];
  /** Address spans already found: a person's name line right above one is the addressee. */
  addresses?: { start: number; end: number }[];
}

const L = '\\p{L}';
const LU = '\\p{Lu}';
const LL = '\\p{Ll}';
/** One capitalised name word: "Marc", "O'Brien", "Lefèvre", "Jean-Pierre", "EVANS". */
const WORD = `${LU}[${L}'’]*[${L}](?:-${LU}[${L}'’]*[${L}])?`;
const PARTICLE = "(?:de|du|des|de la|van|von|van der|van den|der|den|ten|ter|da|di|del|della|dos|ben|bin|al|el|mac|st\\.?)";
/** A capitalised particle that opens or joins a surname: "Van den Bossche", "Ó Súilleabháin", "Ní Bhriain". */
const CAP_PARTICLE = "(?:Van|Von|De|Du|Des|Da|Di|Del|Della|Dos|Le|La|Ó|Ní|Nic|Mac|Mc)(?:[ \\t\\u00a0](?:de[rn]?|la|los|las))?";
/** Blanks inside a name: never a line break. */
const SP = '[ \\t\\u00a0]';
const INITIALS = `${LU}\\.(?:(?:${SP}?-${SP}?|${SP})?${LU}\\.){0,3}`;
/** A person's name on one line: up to four name words ("Rosa María Gutiérrez Ortega") (particles allowed between them), or initials and a surname. */
const NAME = `(?:${INITIALS}${SP}?(?:${PARTICLE}${SP})?${WORD}|${WORD}(?:${SP}(?:(?:${PARTICLE}|${CAP_PARTICLE})${SP})?(?:d['’])?${WORD}){0,3})`;
/** Abbreviated titles as usually written and in capitals; titles written in full in any case ("madame Dupont"). */
const TITLE_WORDS = ['monsieur', 'madame', 'mademoiselle', 'maître', 'docteur', 'señora', 'señor', 'signora', 'signorina', 'signor', 'senhora',
  'senhor', 'mevrouw', 'meneer', 'mijnheer', 'pani', 'doña'];
const TITLE = `(?:Sra\\.?|Sr\\.|Dña\\.|Sig\\.ra|Sig\\.|M\\.|MM\\.|Mme|MME|Mmes|Mlle|MLLE|Me|Dr\\.?|DR\\.?|Pr\\.?|Prof\\.?|Mr\\.?|MR\\.?|Mrs\\.?|MRS\\.?|Ms\\.?|MS\\.?|Mx\\.?|Miss|Sir|Dame|Herr|Herrn|Frau|Mag\\.|Dipl\\.-Ing\\.|Ing\\.|Mw\\.|Mevr\\.|Dhr\\.|${TITLE_WORDS.map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}|${w}|${w.toUpperCase()}`).join('|')})`;

/** A title and an academic one after it: "Frau Dr. Katrin Müller", "Mr Prof. Sato", "z. Hd. Herrn Dr. Weiß". */
/** The faculty after a doctor's title, in lower case: "Dr. med.", "Dr. rer. nat.", "Dr. jur.". */
const FACULTY = `(?:${SP}+(?:med|jur|phil|dent|vet|oec|habil|rer\\.${SP}?nat|h\\.${SP}?c)\\.)*`;
const TITLES = `(?:${TITLE})${FACULTY}(?:${SP}+(?:Dr\\.?|Prof\\.?|Ing\\.?|Mag\\.?)${FACULTY})?`;

const RELATIONS = [
  // EN
  'mum', 'mom', 'mother', 'father', 'dad', 'wife', 'husband', 'partner', 'son', 'daughter', 'sister', 'brother',
  'child', 'kid', 'baby', 'friend', 'best friend', 'colleague', 'co-?worker', 'workmate', 'neighbou?r', 'boss',
  'grandmother', 'grandma', 'grandfather', 'grandad', 'grandpa', 'granny', 'nan', 'nana', 'grandson', 'granddaughter',
  'aunt', 'auntie', 'uncle', 'cousin', 'niece', 'nephew', 'fianc[ée]e?', 'girlfriend', 'boyfriend', 'flatmate',
  'housemate', 'roommate', 'mother-in-law', 'father-in-law', 'sister-in-law', 'brother-in-law', 'son-in-law',
  'daughter-in-law', 'stepmother', 'stepfather', 'stepson', 'stepdaughter', 'godmother', 'godfather', 'godson',
  'goddaughter', 'assistant', 'secretary', 'PA', 'manager', 'employee', 'accountant', 'lawyer', 'solicitor',
  'landlord', 'landlady', 'tenant', 'lodger', 'carer', 'caregiver', 'nanny', 'childminder', 'babysitter', 'au pair',
  'cleaner', 'housekeeper', 'doctor', 'GP', 'client', 'customer', 'guest', 'relative', 'in-laws?', 'spouse',
  'other half', 'mate', 'buddy', 'pal', 'bestie', 'hubby', 'missus', 'bf', 'gf', 'teammate', 'supervisor', 'associate', 'business partner', 'caretaker', 'concierge',
  // people by the role they hold for the writer: "our receptionist Wanjiru Kamau", "my penfriend Kenji Watanabe" (not
  // the shop's own roles, "the driver", "le livreur": common in this mail without a name, they would run these patterns
  // on most emails)
  'receptionist', 'porter', 'doorman', 'bookkeeper', 'office manager', 'penfriend', 'pen pal', 'penpal', 'classmate',
  'schoolfriend', 'gardener', 'plumber', 'electrician', 'tutor', 'godchild', 'guardian', 'security guard',
  'réceptionniste', 'maîtresse', 'institutrice', 'instituteur', 'nourrice', 'jardinier', 'filleul', 'correspondante?',
  // FR
  'mère', 'maman', 'père', 'papa', 'femme', 'épouse', 'mari', 'époux', 'conjointe?', 'compagne', 'compagnon',
  'fils', 'fille', 'enfant', 'bébé', 'sœur', 'soeur', 'frère', 'amie?', 'meilleure? amie?', 'copine', 'copain',
  'pote', 'collègue', 'voisine?', 'grand-mère', 'grand-père', 'grand-mere', 'grand-pere', 'mamie', 'mamy', 'papi',
  'papy', 'petit-fils', 'petite-fille', 'tante', 'tatie', 'tata', 'oncle', 'tonton', 'cousine?', 'nièce', 'niece',
  'neveu', 'belle-mère', 'beau-père', 'belle-sœur', 'belle-soeur', 'beau-frère', 'gendre', 'belle-fille', 'beau-fils',
  'fiancée?', 'patronne?', 'cheffe?', 'responsable', 'directeur', 'directrice', 'assistante?', 'secrétaire',
  'employée?', 'salariée?', 'comptable', 'avocate?', 'notaire', 'médecin', 'cliente?', 'locataire', 'propriétaire',
  'colocataire', 'coloc', 'nounou', 'aide-soignante?', 'aide à domicile', 'femme de ménage', 'parrain', 'marraine',
  'filleule?', 'chérie?', 'mec', 'meuf', 'homme', 'moitié', 'associée?', 'gardienne?', 'concierge', 'invitée?', 'proche', 'belle-famille',
  // plurals, for "my kids Emma and Jack"
  'mates', 'buddies', 'pals', 'children', 'kids', 'sons', 'daughters', 'sisters', 'brothers', 'friends', 'colleagues', 'neighbou?rs', 'parents',
  'grandparents', 'grandchildren', 'cousins', 'twins', 'enfants', 'filles', 'sœurs', 'soeurs', 'frères', 'amie?s',
  'collègues', 'voisine?s', 'grands-parents', 'petits-enfants', 'cousine?s', 'jumeaux', 'jumelles', 'beaux-parents',
];
/** "word" → "[Ww]ord": keywords match at the start of a sentence while names still need capitals. */
const anyCase = (w: string): string => (/^\p{L}/u.test(w) ? `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}` : w);
/**
 * Cheap necessary conditions on the text, written without \p{…} classes: a pattern whose gates do not all match
 * cannot match, so it is neither run nor compiled. V8 drops a regexp's compiled code when it has not run between two
 * full GCs, and compiling this file's large \p{L} patterns again costs far more than running them (test/bench/regexp-gc.ts).
 */
const GATES = new Map<RegExp, RegExp[]>();
const gated = (re: RegExp, ...gates: string[]): RegExp => {
  GATES.set(re, gates.map((g) => new RegExp(g, re.flags.includes('i') ? 'iu' : 'u')));
  return re;
};
const matchesOf = (text: string, re: RegExp): Iterable<RegExpMatchArray> =>
  (GATES.get(re) ?? []).every((gate) => gate.test(text)) ? text.matchAll(re) : [];
const OWNERS = ['my', 'our', 'his', 'her', 'their', 'your', 'a', 'an', 'the', 'one of my', 'one of our',
  'mon', 'ma', 'mes', 'notre', 'nos', 'son', 'sa', 'ses', 'leur', 'votre', 'vos', 'un', 'une', 'le', 'la', "l[’']", 'une de mes', 'un de mes'];
const ADJECTIVES = '(?:late|dear|old|best|elderly|little|younger|older|eldest|youngest|new|former|ex-|cher|chère|meilleure?|vieille?|petite?|grande?|jeune|ancienne?|ex-|défunte?|feue?)';
const RELATION = `(?:${RELATIONS.map(anyCase).join('|')})`;
const REL_BEFORE = gated(new RegExp(
  `(?<![\\p{L}])(?:${OWNERS.map(anyCase).join('|')}|${WORD}['’]s|[${L}]+['’]s)\\s+(?:${ADJECTIVES}\\s+)?${RELATION}` +
  // "my colleague from accounts, Dave Hughes": a few small words may describe the relation before the comma
  `(?:\\s*[,(:]\\s*|(?:${SP}+[\\p{Ll}'’]+){1,4}${SP}*,${SP}*|${SP}+(?:in|from|at|à|au|en|de|du)${SP}+${WORD}(?:${SP}+${WORD})?${SP}*,${SP}*|${SP}+)` +
  `(?:(${TITLE})${SP}+)?(${NAME})(?:${SP}+(?:and|et|&)${SP}+(${NAME}))?`,
  'gu'),
  // what may follow the relation, its classes widened to \p-free ones: a comma or a bracket, up to four small words and a
  // comma, a place word, or a title or a capital
  `(?:${OWNERS.map(anyCase).join('|')}|['’]s)\\s+(?:${ADJECTIVES}\\s+)?${RELATION}(?:\\s*[,(:]|(?:${SP}+[^\\s,.;:!?()A-Z0-9]+){1,4}${SP}*,|` +
  `${SP}+(?:in|from|at|à|au|en|de|du)${SP}|\\s+(?:[^a-z0-9\\s]|${TITLE_WORDS.join('|')}))`);
/** "Marc Dupuis, my neighbour," / "Jeanne (ma voisine)": the name before the relation. */
const REL_AFTER = gated(new RegExp(
  `(${NAME})${SP}*(?:,|\\()${SP}*(?:${OWNERS.map(anyCase).join('|')})\\s+(?:${ADJECTIVES}\\s+)?${RELATION}(?![\\p{L}])`,
  'gu'), `[,(]\\s*(?:${OWNERS.map(anyCase).join('|')})\\s+(?:${ADJECTIVES}\\s+)?${RELATION}`);
/** "Seán Ó Súilleabháin from my running club", "Karine de mon club de yoga": a name, then the group the writer shares. */
const GROUPS = ['club', 'team', 'gym', 'office', 'work', 'school', 'church', 'choir', 'class', 'group', 'band', 'course',
  'équipe', 'bureau', 'boulot', 'travail', 'école', 'chorale', 'association', 'asso', 'salle', 'cours', 'atelier', 'paroisse'];
const GROUP_AFTER = gated(new RegExp(
  `(${NAME})${SP}+(?:from|at|of|de|du)${SP}+(?:my|our|the|mon|ma|notre|la|le)${SP}+(?:[\\p{Ll}'’-]+${SP}+){0,2}(?:${GROUPS.join('|')})(?![\\p{L}])`,
  'gu'), `${SP}(?:from|at|of|de|du)${SP}+(?:my|our|the|mon|ma|notre|la|le)${SP}`, `(?:${GROUPS.join('|')})`);
/** "for my team: Anna Kowalczyk, Piotr Nowak and Ewa Zielińska": full names listed after a group of people and a colon. */
const PEOPLE_GROUPS = ['team', 'staff', 'colleagues', 'guests', 'family', 'friends', 'employees', 'children', 'kids',
  'people', 'persons', 'recipients', 'personnes', 'destinataires', 'bénéficiaires', 'participants', 'participantes',
  'équipe', 'collègues', 'invités', 'famille', 'amis', 'employés', 'salariés', 'enfants', 'petits-enfants', 'grandchildren'];
const LIST_HEAD = gated(new RegExp(`(?<![\\p{L}])(?:my|our|his|her|their|the|these|those|the following|mon|ma|mes|notre|nos|leurs?|ses|ces|les)${SP}+(?:[\\p{Ll}-]+${SP}+)?(?:${PEOPLE_GROUPS.join('|')})${SP}*:[ \\t]*`, 'giu'),
  `(?:${PEOPLE_GROUPS.join('|')})${SP}*:`);
const LISTED_NAME = new RegExp(`^(${NAME})(?:${SP}*,${SP}*|${SP}+(?:and|et|&)${SP}+|${SP}*,${SP}*(?:and|et)${SP}+)?`, 'u');
/** Family words used as titles: "Aunt Mary", "Uncle Bob", "Mamie Jeanne", "Tonton Marcel" (the name alone is kept). */
const FAMILY_TITLES = ['Aunt', 'Auntie', 'Uncle', 'Grandma', 'Grandpa', 'Granny', 'Grandad', 'Nana', 'Tante', 'Tata', 'Tatie', 'Tonton',
  'Oncle', 'Mamie', 'Mamy', 'Papi', 'Papy', 'Mémé', 'Pépé', 'Cousin', 'Cousine'];
const FAMILY_TITLE_RE = gated(new RegExp(`(?<![\\p{L}])(?:${FAMILY_TITLES.join('|')})${SP}+(${NAME})`, 'gu'), `(?:${FAMILY_TITLES.join('|')})${SP}`);
/** Phrases that hand something to, or speak for, a named person: a single first name after them is enough. */
const NAMING = [
  'on behalf of', 'in the name of', "(?:[Hh]er|[Hh]is|[Tt]heir) name is", "(?:[Hh]er|[Hh]is|[Tt]heir) name['’]s", '(?:[Ss]on|[Ll]eur) nom est', 'se nomme', 'c/o', 'care of', 'named', 'called', 'for the attention of', 'attn:?',
  'attention:?', 'FAO', 'signed by', 'signed for by', 'received by', 'collected by', 'picked up by',
  'au nom de', 'de la part de', 'pour le compte de', "à l[’']attention de", "s[’']appelle", 'nommée?', 'prénommée?',
  'signée? par', 'réceptionnée? par', 'reçue? par', 'récupérée? par',
];
/** Phrases also followed by companies and places ("contact DHL", "chez Darty"): a full name, a title or initials only. */
const ADDRESSING = [
  'please contact', 'contact', 'speak to', 'speak with', 'talk to', 'ask for', 'addressed to', 'handed to',
  'handed over to', 'given to', 'left with', 'passed to', 'forwarded by', 'sent by', 'ordered by', 'paid by',
  'a gift from', 'a gift for', 'adressée? à', 'destinée? à', 'à destination de', 'chez', 'contactez', 'contacter',
  'joindre', 'remise? à', 'confiée? à', 'envoyée? par', 'commandée? par', 'payée? par', 'offerte? par',
  'un cadeau de', 'un cadeau pour',
];
/** "gave it to Mehmet", "handed the box to Nguyễn Văn An", "bought it for Trần Minh Khôi", "je l'ai confié à …": a verb of handing, its object, then the person. */
const GIVING_VERBS = ['hand', 'handed', 'give', 'gave', 'given', 'leave', 'left', 'pass', 'passed', 'lend', 'lent', 'show', 'showed',
  'donné', 'donnée', 'remis', 'remise', 'laissé', 'laissée', 'confié', 'confiée', 'prêté', 'prêtée', 'montré', 'montrée'];
const GIVING_RE = gated(new RegExp(
  `(?<![\\p{L}])(${GIVING_VERBS.map(anyCase).join('|')})${SP}+(?:(?:it|them|this|that|these|those|him|her|one|(?:the|my|our|his|her|a|an|this|that)${SP}+\\p{Ll}+)${SP}+)?(to|with|à)${SP}+(?:(${TITLES})${SP}+)?(${NAME})`,
  'gu'),
  `(?:${GIVING_VERBS.map(anyCase).join('|')})${SP}+(?:(?:it|them|this|that|these|those|him|her|one|(?:the|my|our|his|her|a|an|this|that)${SP}+[^ \\t\\u00a0]+)${SP}+)?(?:to|with|à)${SP}`);
/** A lower-case particle between capitalised names only stands in a person's name: "Pieter van der Meulen", "Thiago Albuquerque dos Santos". */
const PARTICLE_NAME_RE = gated(new RegExp(
  `(?<![\\p{L}'’-])(${WORD}(?:${SP}${WORD})?${SP}(?:van der|van den|van de|van het|van|von der|von dem|von|vom|bin|ibn|bint|ter|ten)${SP}${WORD}(?:${SP}${WORD})?)`,
  'gu'), `${SP}(?:van der|van den|van de|van het|van|von der|von dem|von|vom|bin|ibn|bint|ter|ten)${SP}`);
/**
 * A place's name, not a person's: a Portuguese one opens with its generic noun ("Costa da Caparica", "Praia da Rocha",
 * "Vila do Conde"), an English one closes with it ("Caparica Beach"). A surname that is such a noun ("Ana Costa dos
 * Santos", "João Pedro da Costa") is neither first nor, in English, last.
 */
const PLACE_FIRST = /^(?:Costa|Praia|Ilha|Serra|Vila|Rio|Porto|Foz|Quinta|Casa|Hotel|Restaurante)$/u;
const PLACE_LAST = /^(?:Beach|Park|Island|Bay|Lake|River|Coast|Valley|Hotel)$/u;
const isPlaceName = (name: string): boolean => {
  const words = nameWords(name);
  return PLACE_FIRST.test(words[0] ?? '') || PLACE_LAST.test(words[words.length - 1] ?? '');
};
/** Portuguese "da/das/dos" also join place names ("Costa da Caparica", "Angra dos Reis"): three name words at least. */
const PT_PARTICLE_NAME_RE = gated(new RegExp(`(?<![\\p{L}'’-])(${WORD}${SP}(?:${WORD}${SP}(?:da|das|dos)${SP}${WORD}|(?:da|das|dos)${SP}${WORD}${SP}${WORD})(?:${SP}${WORD})?)`, 'gu'), `${SP}(?:da|das|dos)${SP}`);
/**
 * Irish surnames with O' or a patronymic particle written apart: "Siobhán O'Callaghan-Reilly", "Niamh Ní Bhraonáin",
 * "Seán Ó Súilleabháin", "Aoife Nic Aodha" (not Mac/Mc: "Apple MacBook", "a McFlurry").
 */
const GAELIC_NAME_RE = gated(new RegExp(`(?<![\\p{L}'’-])(${WORD}${SP}(?:O['’]${LU}[${L}'’-]*[${L}]|(?:Ní|Nic|Ó|Uí|Mhic)${SP}${WORD}))`, 'gu'),
  `${SP}(?:O['’]|(?:Ní|Nic|Ó|Uí|Mhic)${SP})`);
/** Vietnamese names open with one of a few family names, written with their marks: "Nguyễn Văn An", "Trần Minh Khôi". */
const VIET_FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Đào', 'Lương', 'Nguyen', 'Tran', 'Pham', 'Huynh'];
const VIET_NAME_RE = gated(new RegExp(`(?<![\\p{L}])((?:${VIET_FAMILY.join('|')})(?:${SP}${WORD}){1,3})(?!${SP}+(?:City|Ville|[Cc]ity)(?![\\p{L}]))`, 'gu'), `(?:${VIET_FAMILY.join('|')})${SP}`);
/** "Bonjour Nadia, bonjour le service client", "Dear Adaeze and the Maison Lumen team", "Salut Karim, Madame, Monsieur": a person greeted beside the shop. */
const GREETINGS = `(?:${['bonjour', 'bonsoir', 'hello', 'hi', 'dear', 'cher', 'chère', 'chers', 'hey', 'salut', 'good morning', 'good afternoon'].map(anyCase).join('|')})`;
const FORMAL_ADDRESSES = `(?:${['madame', 'monsieur', 'messieurs', 'mesdames', 'sir', 'madam'].map(anyCase).join('|')})`;
const GREETING_PAIR_RE = gated(new RegExp(
  `(?:^|\\n)[ \\t]*${GREETINGS}${SP}+(${NAME})${SP}*(?:(?:,${SP}*(?:bonjour|bonsoir|hello|hi|dear|and|et)|${SP}+(?:and|et|&))${SP}+(?:à${SP}+)?(?:the|le|la|l['’]|les|toute l['’]|tout le|your|votre|vos|all)|,${SP}*${FORMAL_ADDRESSES})(?![\\p{L}])`,
  'gu'),
  // the name and what follows it stand on the greeting's line
  `(?:^|\\n)[ \\t]*${GREETINGS}${SP}[^\\n]*(?:(?:,${SP}*(?:bonjour|bonsoir|hello|hi|dear|and|et)|${SP}(?:and|et|&))${SP}+(?:à${SP}+)?(?:the|le|la|l['’]|les|toute l['’]|tout le|your|votre|vos|all)|,${SP}*${FORMAL_ADDRESSES})`);
/** The French phrases ending in "de" elide it before a vowel: "au nom d'Odile …", "de la part d'Étienne …". */
const NAMING_ELIDED = ['au nom', 'de la part', 'pour le compte', "à l[’']attention", 'à destination', 'un cadeau', 'une lettre', 'le compte', 'la carte'];
const NAMING_ELIDED_RE = gated(new RegExp(`(?<![\\p{L}])(?:${NAMING_ELIDED.map(anyCase).join('|')})${SP}+d['’](?:(${TITLES})${SP}+)?(${NAME})`, 'gu'),
  `(?:${NAMING_ELIDED.map(anyCase).join('|')})${SP}+d['’]`);
const NAMING_RE = gated(new RegExp(`(?<![\\p{L}])(?:${NAMING.map(anyCase).join('|')})\\s+(?:(${TITLES})${SP}+)?(${NAME})`, 'gu'), `(?:${NAMING.map(anyCase).join('|')})\\s`);
const ADDRESSING_RE = gated(new RegExp(`(?<![\\p{L}])(?:${ADDRESSING.map(anyCase).join('|')})${SP}+(?:(${TITLES})${SP}+)?(${NAME})`, 'gu'), `(?:${ADDRESSING.map(anyCase).join('|')})${SP}`);
const ATTRIB_RE = gated(new RegExp(
  `^(?:>\\s*)*(?:On .{3,60}?,\\s*|Le .{3,60}?,\\s*|Am .{3,60}?\\s|El .{3,60}?,\\s*|Il .{3,60}?\\s)?(${NAME})\\s*(?:<[^>\\n]+>|\\[[^\\]\\n]+\\]|\\([^)\\n]+\\))?\\s*(?:wrote|a écrit|schrieb|escribió|ha scritto)\\s*:`, 'gmu'),
  '(?:wrote|a écrit|schrieb|escribió|ha scritto)\\s*:');
/** German, Spanish and Italian attributions name the writer after the verb: "Am …, schrieb Lena Vogel <…>:". */
const ATTRIB_AFTER_RE = gated(new RegExp(`(?:schrieb|escribió|ha scritto)${SP}+(${NAME})${SP}*(?:<[^>\\n]+>)?${SP}*:`, 'gu'), `(?:schrieb|escribió|ha scritto)${SP}`);
const HEADER_RE = gated(new RegExp(
  `^(?:>\\s*)*(?:From|De|To|À|A|Cc|Von|An|Da|Para|Envoyé par|Sent by)\\s?:\\s*"?(${NAME})"?\\s*(?:<|\\[mailto:|\\(|$)`, 'gmu'),
  '(?:From|De|To|À|A|Cc|Von|An|Da|Para|Envoyé par|Sent by)\\s?:');
/** Form-like lines and colon forms: "Destinataire : Claire Dubois", "Deliver to: Mrs Hale", "Name: Tom Price". */
const FIELD_LABELS = `(?:${['nom', 'nom complet', 'prénom et nom', 'name', 'full name', 'destinataire', 'recipient', 'bénéficiaire',
    'beneficiary', 'titulaire', 'account holder', 'contact', 'attn', 'attention', 'pour', 'for', 'à l[’\']attention de',
    'livrée? à', 'deliver to', 'delivered to', 'ship to', 'shipped to', 'envoyée? à', 'sent to', 'c/o'].map(anyCase).join('|')})`;
const FIELD_RE = gated(new RegExp(`(?:^|\\n)[ \\t>]*${FIELD_LABELS}${SP}*:${SP}*(?:(${TITLE})${SP}+)?(${NAME})${SP}*(?=\\r?\\n|$)`, 'gu'),
  `${FIELD_LABELS}${SP}*:`);
/** A title, then a name that may open with a particle ("Mr de Souza", "Mme van Damme"). */
const TITLE_RE = gated(new RegExp(`(?<![\\p{L}.])(${TITLES})${SP}+((?:${PARTICLE}${SP})?${NAME})`, 'gu'), `${TITLE}${SP}`);
/**
 * Mail written without capitals ("slt c pour ma commande", "can u send…"): most sentences and lines open in lower
 * case, so names are in lower case too and only structure shows them.
 */
export function writesWithoutCapitals(text: string): boolean {
  const starts = [...text.matchAll(/(?:^|[.!?][ \t]+|\n[ \t]*)(\p{L})/gu)].map((m) => m[1]!);
  if (starts.length < 2) return false;
  return starts.filter((c) => c !== c.toUpperCase()).length / starts.length >= 0.6;
}
const LWORD = `\\p{Ll}[\\p{Ll}'’-]*\\p{Ll}`;
const LTITLE = '(?:m\\.|mme|mlle|mr\\.?|mrs\\.?|ms\\.?)';
const REL_LOWER = `(?<![\\p{L}])(?:${OWNERS.join('|')})\\s+(?:${ADJECTIVES}\\s+)?(?:${RELATIONS.join('|')})`;
/** "my boss, dave kowalski, at…": a name set off by commas right after the relation. */
const REL_LOWER_APPOSITION = new RegExp(`${REL_LOWER}${SP}*,${SP}*(${LWORD}(?:${SP}+${LWORD})?)(?=${SP}*(?:[,.;:!?)]|\\r?\\n|$))`, 'gu');
/** "ma copine lucie qui a payé", "my mate jamie, the one…": a name, then a comma, a relative pronoun or a conjunction. */
const REL_LOWER_CLAUSE = new RegExp(`${REL_LOWER}${SP}+(${LWORD})(?=${SP}*,|${SP}+(?:qui|who|que|et|and)(?![\\p{L}]))`, 'gu');
/** "mon voisin m. leblanc", "mrs o'neill": a lower-case title and a surname, never after a number ("5 m. long"). */
const LOWER_TITLE_RE = new RegExp(`(?<![\\p{L}\\d.'’])(?<!\\d[ \\t]?)(${LTITLE})${SP}+(${LWORD})(?![\\p{L}])`, 'gu');
/** A verb or a preposition that takes a person, then a lower-case word and maybe another: "ask kemi", "left with priya ramanathan". */
const LOWER_GIVEN_RE = new RegExp(`(?<![\\p{L}])(?:c['’]est|it['’]s|it is|ask|asked|tell|told|get|got|let|call|text|ring|with|for|to|via|avec|pour|par|demande à|demandée? à|dis à|dit à|donnée? à|laissée? à|confiée? à|appelle)${SP}+(${LWORD})(?![\\p{L}])(?=(?:${SP}+(${LWORD})(?![\\p{L}]))?)`, 'gu');
/** "my neighbour gerald finch signed", "ma soeur elodie passera": a relation, then a lower-case given name and maybe a surname. */
const REL_LOWER_NAME_RE = new RegExp(`${REL_LOWER}${SP}+(${LWORD})(?![\\p{L}])(?=(?:${SP}+(${LWORD})(?![\\p{L}]))?)`, 'gu');
/**
 * In a mail written with capitals, a name the writer left in lower case: a lower-case title and a surname ("« mme
 * pichon »"; never "m.", "ms": units), a given name set off by commas a few words after the relation ("ma voisine du
 * 2e, marie-claude, …").
 */
const LOWER_TITLE_ANY_RE = gated(new RegExp(`(?<![\\p{L}\\d.'’])(mme|mlle|mrs\\.?|mr\\.|madame|monsieur)${SP}+(${LWORD})(?![\\p{L}])`, 'gu'),
  '(?:mme|mlle|mrs|mr\\.|madame|monsieur) [a-z]');
const REL_LOWER_GIVEN_RE = new RegExp(`${REL_LOWER}(?:${SP}+[\\p{Ll}\\d'’-]+){0,3}${SP}*,${SP}*(${LWORD})(?=${SP}*[,.;:!?)]|${SP}+(?:qui|who|et|and)(?![\\p{L}]))`, 'gu');
/** A lower-case word set off by a comma, as a name in apposition is: the cheap test before REL_LOWER_GIVEN_RE. */
const LOWER_APPOSED = /,[ \t]*([a-zà-öø-ÿ][a-zà-öø-ÿ'’-]*[a-zà-öø-ÿ])(?=[ \t]*[,.;:!?)]|[ \t]+(?:qui|who|et|and)(?![a-zà-öø-ÿ]))/g;
/** Given names that are everyday words in lower case (colours, flowers, virtues, months, verbs): "with rose gold", "for will". */
const EVERYDAY_WORD_NAMES = new Set(['will', 'mark', 'rose', 'grace', 'bill', 'jack', 'rich', 'frank', 'dawn', 'summer', 'faith', 'hope', 'amber',
  'april', 'june', 'august', 'sunny', 'page', 'dean', 'hazel', 'olive', 'holly', 'daisy', 'lily', 'iris', 'violet', 'ruby', 'pearl',
  'crystal', 'rain', 'river', 'stone', 'honey', 'candy', 'ginger', 'sage', 'basil', 'gold', 'penny', 'chase', 'hunter', 'carter', 'miles',
  'pierre', 'marine', 'claire', 'blanche', 'prune', 'colombe', 'ange', 'constant', 'victoire', 'france', 'cerise', 'rosé', 'reine', 'lune']);
/** Words that follow a name and are no surname: "kemi to", "jo will", "lucie downstairs". */
const LOWER_AFTER_NAME = /^(?:to|will|is|was|can|could|would|should|has|had|and|or|but|at|in|on|from|with|for|downstairs|upstairs|next|who|which|que|qui|et|ou|va|est|a|peut|pourra|demain|today|tomorrow|later|tonight|ce|cette|soir|matin)$/u;
/** Verb forms, never a name: "my wife left", "mon mari a payé". */
/** "elle s'appelle josiane bertin", "her name is jo": a naming phrase, then a lower-case name up to a pause. */
const NAMING_LOWER_RE = new RegExp(`(?<![\\p{L}])(?:${NAMING.join('|')})${SP}+(${LWORD}(?:${SP}+${LWORD})?)(?=${SP}*(?:[,.;:!?)]|\\r?\\n|$)|${SP}+(?:qui|who|et|and)(?![\\p{L}]))`, 'gu');
const VERB_FORM = /(?:ed|ing|ait|aient|é|ée|és|ées)$/u;
/** A lower-case name word as the lexicon writes it: "marie-claude" → "Marie-Claude". */
const capitalised = (w: string): string => w.replace(/(^|-)(\p{Ll})/gu, (_, dash: string, c: string) => dash + c.toUpperCase());
const UNIT_BEFORE_INITIAL = /(?:\d|(?<![\p{L}])(?:bâtiment|batiment|bât|bat|escalier|esc|porte|entrée|block|building|flat|unit|tower|tour|plan|option|type|size|taille|format|version|group|groupe|catégorie|category|vitamin|vitamine))\.?[ \t]*$/iu;
/** The line right above an address: a person's name, with or without a title. */
const ADDRESSEE_LINE = new RegExp(`^\\s*(?:(?:c/o|chez)\\s+)?(?:(${TITLES})\\s+)?(${NAME})\\s*$`, 'u');
const INITIAL_RE = gated(new RegExp(`(?<![\\p{L}.'’-])(${INITIALS}${SP}?(?:${PARTICLE}${SP})?${WORD}(?:${SP}${WORD})?)`, 'gu'),
  // the last initial and the surname's first letter, capitals: no lower-case letter, digit, blank or dot
  `[^a-z0-9\\s.]\\.${SP}?(?:${PARTICLE}${SP})?[^a-z0-9\\s.]`);

// ----- names known as given names (pii-given-names): a feature, placed by the words around it -----

/** A run of capitalised words on one line, particles allowed between them: "Thomas Okafor-Reid", "Sven Olsson", "Emile Henry". */
const CAP_RUN_RE = new RegExp(`(?<![\\p{L}\\d'’-])${WORD}(?:${SP}(?:(?:${PARTICLE}|${CAP_PARTICLE})${SP})?(?:d['’])?${WORD})*(?![\\p{L}\\d-])`, 'gu');
/** A determiner or a count, then up to three lower-case words: what follows names a thing or a brand ("the Tom Dixon lamp", "la théière en fonte Emile Henry", "12 lampes Aube"). */
const THING_DETERMINER = /^(?:the|a|an|this|that|these|those|my|our|your|his|her|their|le|la|les|un|une|des|du|ce|cet|cette|ces|mon|ma|mes|ton|ta|son|sa|ses|notre|nos|votre|vos|leur|leurs|\d+)$/iu;
/** Before a title, the determiners of a thing ("my old Mr. Coffee", "ce Dr Martens"); "la señora Pilar Gómez" is a person. */
const THING_BEFORE_TITLE = /^(?:my|our|your|the|a|an|this|that|mon|ma|mes|notre|votre|ce|cette)$/iu;
/** The initial of a surname after a given name: " K." (not " K.-P.", nor an initial opening a word: " A.B."). */
const SURNAME_INITIAL = /^[ \t\u00a0]\p{Lu}\.(?![\p{L}-])/u;
/** A verb right after a name makes it a subject, a person: "Priya does…", "Kenji Watanabe has…", "Solange a demandé…", "Maël fête…". */
const VERB_AFTER = new RegExp(`^[ \\t]+(?:says|said|does|did|has|had|is|was|will|would|can|could|should|might|must|wants|wanted|thinks|thought|told|asked|rang|called|signed|took|picked|left|lives|lived|works|worked|found|came|went|got|saw|needs|needed|sent|bought|paid|ordered|keeps|kept|knows|knew|loves|likes|` +
  `a|est|était|sera|va|ira|vient|doit|peut|pourra|voudrait|veut|aimerait|souhaite|souhaiterait|fête|habite|travaille|dit|pense|passera|viendra|sait|aura|avait|m['’]a|l['’]a|n['’]a|s['’]est|ne|nous|vous|lui|` +
  // or where the person lives: "Oscar from number 9", "Mehmet from next door", "Julie d'en face"
  `from${SP}+(?:number|no\\.|next${SP}door|across|upstairs|downstairs|the${SP}flat|(?:two|three|four|five|a${SP}few)${SP}doors)|at${SP}+(?:reception|the${SP}(?:florist|shop|desk|front|office|post)|number)|` +
  `d['’]en${SP}face|du${SP}(?:dessus|dessous)|d['’]à${SP}côté)(?![\\p{L}-])`, 'u');
/** A possessive and a noun naming a person before a name that is a subject: "my penfriend Kenji…", "our lodger Aiyana…". */
const PERSON_AFTER_NOUN = /(?<![\p{L}])(?:my|our|your|his|her|their)[ \t]+\p{Ll}+[ \t]*$/iu;
/** A possessive and a word of endearment: "notre petite Louane", "my little Alfie", "our dear Margaret". */
const ENDEARED = /(?<![\p{L}])(?:my|our|his|her|their|mon|ma|notre|son|sa|leur)[ \t]+(?:little|wee|dear|baby|youngest|eldest|petite?|cher|chère|grande?)[ \t]*$/iu;
/** Words after which the capitalised word is an object, not a thing's name ("the parcel for Hélène", "la carte de Hélène"). */
const PHRASE_BREAK = /^(?:for|to|with|from|by|of|called|named|is|was|and|pour|à|avec|de|d['’]|par|chez|appelée?|nommée?|est|sera|serait|était|be|et|ou|or|que|qui|who)$/u;
/** Before a lone word, a place rather than a person: "mon associé à Milan", "a colleague in Vienna". */
const AT_PLACE = /(?<![\p{L}])(?:au|aux|en|in|at|near|around|outside|inside)[ \t]*$/u;
/** French "à" after a verb of saying or giving, or "merci", takes a person ("j'en ai parlé à Ghislaine", "merci à Ousmane"), not after one of going ("allée à Milan"). */
const A_PERSON_BEFORE = /(?<![\p{L}])(?:merci|(?:parl|demand|téléphon|expliqu|conseill|donn|montr|prêt|confi|présent|recommand|laiss|offert|dit|écrit|répondu|remis|transmis)(?:é|ée|és|ées)?)[ \t]+à[ \t]*$/u;
const A_BEFORE = /(?<![\p{L}])à[ \t]*$/u;
/** A street's type before a name: "rue Sainte-Catherine", "avenue Victor Hugo", "allée Simone Veil" name streets. */
const STREET_BEFORE = /(?<![\p{L}])(?:rue|avenue|av\.|boulevard|bd|place|allée|chemin|impasse|quai|cours|route|square|passage)[ \t]+(?:d[eu]s?[ \t]+|de la[ \t]+|d['’])?$/iu;
/** A capitalised word after "in", "at", "near": a place the text names. */
const IN_PLACE_RE = /(?<![\p{L}])(?:in|at|near|en)[ \t]+(\p{Lu}\p{Ll}+)(?![\p{L}'’-])/gu;
/** A line that closes a mail: the line after it is the writer's name ("Many thanks,\nRhiannon (Emily's daughter)"). */
const CLOSING_LINE = /^[ \t]*(?:(?:many|best|kind|warm|warmest)?[ \t]*(?:thanks|thank you|regards|wishes)|cheers|best|love|merci(?:[ \t]+(?:beaucoup|d['’]avance|encore))?|cordialement|bien[ \t]+(?:à vous|cordialement)|bonne[ \t]+(?:journée|soirée)|amitiés|bises|à bientôt|diolch|xx)[ \t]*[,.!]*[ \t]*$/iu;
/** "Siân, Iolo, Emrys and I": names listed with the writer are people. */
const LIST_WITH_ME_RE = gated(new RegExp(`(?<![\\p{L}'’-])(${WORD}(?:${SP}*,${SP}*${WORD})+)${SP}*,?${SP}+(?:and|et|&)${SP}+(?:I|me|myself|moi)(?![\\p{L}'’-])`, 'gu'),
  `${SP}(?:and|et|&)${SP}+(?:I|me|myself|moi)(?![a-z])`);
/** Before a lone word that is a town's name as well, a place: "salon de Florence", "from Nancy". */
const FROM_OR_TO_PLACE = /(?<![\p{L}])(?:de|d['’]|du|des|from|to|vers|sur|près de|towards)[ \t]*$/u;
/** Where a sentence, a line or a field starts, any word is capitalised: a lone given name there may be a word ("Will you…", "Sujet : Avis de passage"). */
const SENTENCE_START = /(?:^|[.!?:\n])[ \t"'«“(>*•-]*$/u;
/** A greeting or a closing before a lone name: the addressee or the writer ("Thanks, Dan", "Bonjour Julie"). */
const GREETING_OR_CLOSING = /(?<![\p{L}])(?:hi|hello|hey|dear|bonjour|bonsoir|salut|coucou|cher|chère|thanks|thank you|cheers|merci|regards|best|bises|bisous|cordialement|amitiés|ta|love|xx)[ \t,!]*$/iu;
/** Titles of nobility open the names of teas, cakes and pubs ("Earl Grey", "Lady Grey", "Prince Albert"), not a person's given name here. */
const NOBLE = new Set(['Earl', 'Lady', 'Lord', 'Duke', 'Duchess', 'Prince', 'Princess', 'King', 'Queen', 'Count', 'Baron', 'Saint']);
/** Words that open a name as a title would ("Mamie Jeanne", "Earl Grey"): never the given name of the run. */
const NOT_GIVEN = new Set([...NOBLE, ...FAMILY_TITLES]);
/** Given names joined by commas and a conjunction: "Mathilde et Benoît", "Ingrid, Mette et Sanne", "Ana, Bruno and Chiara". */
/** "C'est", "J'ai", "Qu'Anouk": an elided word before a name, capitalised at a sentence's start. */
const ELIDED_OPENER = /^(?:c|j|l|qu|n|s|m|t|d)['’]\p{Ll}*$/iu;
const GIVEN_LIST_RE = gated(new RegExp(`(?<![\\p{L}'’-])(${WORD})((?:${SP}*,${SP}*${WORD})*)${SP}*,?${SP}+(?:and|et|&|or|ou)${SP}+(${WORD})(?![\\p{L}'’-]|${SP}+${LU})`, 'gu'),
  // a capital opens the last name: no lower-case letter, digit or blank
  `${SP}(?:and|et|&|or|ou)${SP}+[^a-z0-9\\s]`);

/** Closed-class words (pronouns, determiners, auxiliaries, conjunctions, adverbs of time and place), FR and EN. */
const FUNCTION_WORDS = [
  'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'ces', 'cet', 'celui', 'celle', 'ceux', 'quel', 'quelle', 'lequel',
  'laquelle', 'dont', 'où', 'comme', 'car', 'puis', 'ensuite', 'lorsque', 'puisque', 'même', 'tout', 'tous', 'toute',
  'toutes', 'chaque', 'aucun', 'aucune', 'voici', 'voilà', 'y', 'lui', 'leur', 'sont', 'ont', 'était', 'sera', 'peut',
  'faut', 'doit', 'va', 'vont', 'fait', 'encore', 'déjà', 'jamais', 'toujours', 'après', 'avant', 'depuis', 'pendant',
  'entre', 'sans', 'sous', 'chez', 'vers', 'contre', 'selon', 'ici', 'là', 'bien', 'très', 'trop', 'peu', 'plus',
  'moins', 'rien', 'personne', 'quelqu', 'quelque', 'quelques', 'plusieurs', 'certains', 'certaines',
  'his', 'her', 'hers', 'mine', 'yours', 'its', 'our', 'ours', 'their', 'theirs', 'these', 'those', 'which', 'whose', 'whom', 'how',
  'why', 'where', 'does', 'did', 'done', 'are', 'were', 'been', 'being', 'have', 'having', 'shall', 'may',
  'might', 'must', 'after', 'before', 'since', 'because', 'although', 'though', 'unless', 'until', 'while', 'each',
  'every', 'any', 'some', 'none', 'both', 'either', 'neither', 'all', 'most', 'many', 'much', 'more', 'less', 'just',
  'only', 'still', 'even', 'again', 'now', 'never', 'always', 'sometimes', 'maybe', 'perhaps', 'instead', 'too',
  'very', 'really', 'anyway', 'however', 'otherwise', 'also', 'as', 'than', 'into', 'onto', 'upon', 'over', 'under',
  'out', 'up', 'down', 'off', 'around', 'without', 'within', 'there', 'someone', 'somebody', 'anyone', 'anybody',
  'nobody', 'everyone', 'everybody', 'something', 'anything', 'nothing', 'everything', 'let', 'lets', 'thx',
  // shop and place words that open a shop's name ("chez Mère Poulard", "Maison Lumen", "Café Richard")
  'mère', 'père', 'maison', 'galeries', 'café', 'hôtel', 'hotel', 'restaurant', 'boulangerie', 'pharmacie', 'librairie',
];

/** Capitalised words that start sentences or name things, never a person on their own. */
const NOT_A_NAME = new Set([
  'the', 'and', 'or', 'us', 'nous', 'me', 'moi', 'le', 'la', 'les', 'et', 'ou', 'un', 'une', 'merci', 'thanks', 'thank', 'bonjour', 'bonsoir',
  'hello', 'hi', 'hey', 'dear', 'cher', 'chère', 'i', 'je', 'j', 'il', 'elle', 'nous', 'vous', 'ils', 'elles', 'on',
  'we', 'you', 'he', 'she', 'they', 'it', 'this', 'that', 'then', 'there', 'here', 'ce', 'cette', 'ça', 'mais', 'but',
  'so', 'donc', 'alors', 'if', 'si', 'when', 'quand', 'please', 'svp', 'pour', 'for', 'with', 'avec', 'from', 'de',
  'to', 'à', 'in', 'en', 'dans', 'on', 'sur', 'at', 'by', 'par', 'my', 'mon', 'ma', 'mes', 'your', 'votre', 'vos',
  'monsieur', 'madame', 'mademoiselle', 'order', 'orders', 'commande', 'commandes', 'customer', 'client', 'cliente',
  'service', 'services', 'support', 'team', 'équipe', 'equipe', 'shop', 'boutique', 'store', 'magasin', 'ltd', 'sarl',
  'sas', 'inc', 'llc', 'llp', 'gmbh', 'bank', 'banque', 'livraison', 'delivery', 'notifications', 'notification',
  'noreply', 'info', 'contact', 'sales', 'admin', 'mail', 'email', 'e-mail', 'message', 'yes', 'no', 'oui', 'non', 'ok',
  'sent', 'envoyé', 'objet', 'subject', 'date', 'cordialement', 'regards', 'best', 'cheers', 'salutations', 'kind',
  'today', "aujourd'hui", 'tomorrow', 'demain', 'yesterday', 'hier', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre', 'christmas', 'noël', 'noel', 'easter', 'pâques', 'colissimo', 'chronopost', 'ups', 'dhl',
  'fedex', 'dpd', 'gls', 'royal', 'mail', 'hermes', 'evri', 'amazon', 'paypal', 'visa', 'mastercard', 'stripe',
  'galaxy', 'ipad', 'pixel', 'samsung', 'huawei', 'xiaomi', 'france', 'paris', 'london', 'londres', 'lyon', 'marseille', 'iphone', 'android', 'outlook', 'gmail', 'yahoo',
  'a', 'an', 'is', 'est', 'was', 'était', 'has', 'a', 'had', 'will', 'would', 'can', 'could', 'should', 'did', 'do',
  'not', 'pas', 'ne', 'also', 'aussi', 'who', 'qui', 'what', 'que', 'quoi', 'sorry', 'désolé', 'désolée', 'ps', 'p.s',
  'urgent', 'important', 're', 'tr', 'fwd', 'fw', 'ref', 'réf', 'no', 'n°', 'tel', 'tél', 'mob', 'mobile', 'phone',
  'fax', 'portable', 'adresse', 'address', 'rue', 'avenue', 'road', 'street', 'invoice', 'facture', 'total', 'tva',
  'vat', 'sku', 'cmd', 'gift', 'card', 'carte', 'cadeau', 'about', 'sujet', 'concernant', 'regarding', 'per', 'via',
  ...FUNCTION_WORDS,
].flatMap((w) => [w, foldText(w).replace(/\s+/g, ' ').trim()]));

const fold = (s: string): string => foldText(s).replace(/\s+/g, ' ').trim();
const SPLIT_BLANKS = /[ \t\u00a0]+/;

/** The words of a name that are neither initials nor particles. */
const PARTICLE_WORD = new RegExp(`^(?:${PARTICLE}|le|la|les)$`, 'iu');
const nameWords = (name: string): string[] =>
  name.split(/[\s.]+/).filter((w) => w.length > 1 && !PARTICLE_WORD.test(w));

const ORG_WORDS = /(?:^|\s)(?:&|and|et|ltd|limited|llp|llc|inc|plc|sarl|sas|sa|gmbh|co|company|group|groupe|bank|banque|service|services|support|team|équipe|shop|store|boutique|livraison|delivery|notifications?|consulting|partners|interiors|architectes|events|menuiserie|rénovation|frères|freres|brothers|bros|fils|care)(?:\s|$|\.)/iu;
/** A company's line: the same words but the conjunctions (a sentence holds "and"). */
const ORG_LINE = /(?:^|\s)(?:&|ltd|limited|llp|llc|inc|plc|sarl|sas|sa|gmbh|co|company|group|groupe|bank|banque|service|services|support|team|équipe|shop|store|boutique|livraison|delivery|notifications?|consulting|partners|interiors|architectes|events|menuiserie|rénovation|frères|freres|brothers|bros|fils|care)(?:\s|$|\.)/iu;

/** Mail written in capitals ("MY NEIGHBOUR GERALD FINCH SIGNED…"): three cased letters in four at least are capitals. */
export function writesInCapitals(text: string): boolean {
  const head = text.slice(0, 2000);
  const upper = head.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = head.match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= 40 && upper >= 3 * lower;
}

export function findNames(text: string, ctx: NameContext): NameSpan[] {
  // in capitals, only structure shows a name, as in mail written without them: read the text in lower case (same
  // offsets), and give the values as written
  if (writesInCapitals(text)) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) {
      const lowered = { ...ctx, knownPeople: ctx.knownPeople?.map((p) => p.toLowerCase()) };
      return findNames(lower, lowered).map((n) => ({ ...n, value: text.slice(n.start, n.end) }));
    }
  }
  const own = new Set<string>();
  const addOwn = (n: string | null | undefined): void => {
    if (!n) return;
    const f = fold(n.replace(/["']/g, ' '));
    if (!f) return;
    own.add(f);
    for (const part of f.split(/[\s,._-]+/)) if (part.length > 1) own.add(part);
  };
  for (const n of ctx.ownNames) addOwn(n);
  for (const part of (ctx.senderLocalPart ?? '').split(/[._+-]+/)) if (part.length > 1 && !/\d/.test(part)) own.add(fold(part));
  const ownFull = ctx.ownNames.map((n) => fold(n)).filter((n) => n.includes(' '));
  const isOwn = (name: string): boolean => {
    const words = nameWords(name).map(fold);
    if (!words.length) return true;
    if (ownFull.some((o) => fold(name).includes(o))) return true;
    return words.every((w) => own.has(w));
  };
  const notAName = (name: string): boolean => {
    const words = nameWords(name);
    if (!words.length) return true;
    return words.every((w) => NOT_A_NAME.has(fold(w).replace(/[.'’]+$/, ''))) || NOT_A_NAME.has(fold(words[0]!)) || ORG_WORDS.test(name);
  };

  const out: NameSpan[] = [];
  /** `title` kept in the value only when the name is a lone surname ("M. Garcia", but "Juliette Lefèvre"). */
  const push = (at: number, raw: string, title?: string, whole = false): void => {
    if (ORG_WORDS.test(raw)) return;
    let words = raw.split(/\s+/);
    // cut trailing words that are not part of the name, and a possessive 's (not from a name read whole: "Nguyễn Văn An")
    while (!whole && words.length && NOT_A_NAME.has(fold(words[words.length - 1]!))) words.pop();
    // a sentence opener before a name read by what follows it: "C'est Karine de mon club", "Then Marta from…"
    const opener = (w: string): boolean =>
      (NOT_A_NAME.has(fold(w)) && !PARTICLE_WORD.test(w)) || /^(?:c|j|l|qu|n|s|m|t)['’]\p{L}+$/iu.test(w);
    while (words.length > 1 && opener(words[0]!) && /(?:^|[.!?:;\n])\s*$/.test(text.slice(0, at))) {
      const next = raw.indexOf(words[1]!, words[0]!.length);
      at += next;
      raw = raw.slice(next);
      words.shift();
    }
    if (!words.length) return;
    let name = words.join(' ').replace(/['’]s$/u, '');
    words = name.split(/\s+/);
    if (notAName(name) || isOwn(name)) return;
    let start = at;
    if (title && nameWords(name).length === 1 && !/^\p{Lu}\./u.test(name)) {
      const t = text.lastIndexOf(title, at);
      if (t >= 0 && at - t <= title.length + 2) { name = text.slice(t, at + name.length); start = t; }
    }
    // a given name and the initial of a surname: "Dev K.", "— Karen P."
    const initial = !/[ \t]/.test(name) ? SURNAME_INITIAL.exec(text.slice(start + name.length, start + name.length + 4)) : null;
    if (initial) name += initial[0];
    out.push({ start, end: start + name.length, value: name });
  };
  const run = (re: RegExp, nameGroup: number, titleGroup?: number, enough?: (name: string, title?: string) => boolean): void => {
    for (const m of matchesOf(text, re)) {
      const name = m[nameGroup];
      if (!name) continue;
      const title = titleGroup !== undefined ? m[titleGroup] : undefined;
      if (enough && !enough(name, title)) continue;
      const at = m.index! + m[0].lastIndexOf(name);
      push(at, name, title);
    }
  };
  const lineBefore = (at: number): string => text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  /**
   * A company's name around a run: its line when the line is short (a signature's "Barker & Brook Kitchenware",
   * "Jones Joinery Ltd"), else the word before it and the two after it (a paragraph on one line says "delivery" or
   * "service" anywhere).
   */
  const companyAround = (at: number, end: number): boolean => {
    const line = lineOf(at);
    if (line.split(/[ \t]+/).length <= 12) return ORG_LINE.test(line);
    const left = lineBefore(at).trimEnd().split(/[ \t]+/).slice(-1).join(' ');
    const right = text.slice(end, (text.indexOf('\n', end) + 1 || text.length + 1) - 1).split(/[ \t]+/).slice(0, 3).join(' ');
    return ORG_LINE.test(`${left} ${text.slice(at, end)} ${right}`);
  };
  const lineOf = (at: number): string => text.slice(text.lastIndexOf('\n', at - 1) + 1, (text.indexOf('\n', at) + 1 || text.length + 1) - 1);
  const thingBefore = (at: number, determiner = THING_DETERMINER): boolean => {
    const words = text.slice(text.lastIndexOf('\n', at - 1) + 1, at).trimEnd().split(/[ \t]+/);
    for (let i = words.length - 1; i >= Math.max(0, words.length - 4); i--) {
      const w = words[i]!;
      if (determiner.test(w) || (determiner === THING_DETERMINER && /^l['’]$/u.test(w))) return true;
      if (PHRASE_BREAK.test(w) || !/^[\p{Ll}'’-]+$/u.test(w)) return false;
    }
    return false;
  };
  /** Words the text itself uses as places ("my father-in-law in Vienna … then Vienna"): not a lone given name there. */
  let places: Set<string> | null = null;
  const placesInText = (): Set<string> =>
    (places ??= new Set([...text.matchAll(IN_PLACE_RE)].map((m) => m[1]!)));
  /**
   * A lone given name alone at the start of the line after a closing ("Many thanks,\nRhiannon (Emily's daughter)"):
   * who wrote, when not the customer (the customer's own name and a short form of it, "Mike" for Michael, stay).
   */
  const signsOff = (at: number, name: string): boolean => {
    if (!/^[ \t]*$/.test(lineBefore(at))) return false;
    // the last line above that holds anything
    let end = text.lastIndexOf('\n', at - 1);
    let line = '';
    while (end > 0 && !line.trim()) {
      const start = text.lastIndexOf('\n', end - 1) + 1;
      line = text.slice(start, end);
      end = start - 1;
    }
    if (!CLOSING_LINE.test(line)) return false;
    // only on a person's account: a pitch from "Growth Experts" signed "Rahul K." is its writer's
    if (!ctx.ownNames.some((n) => n.split(/\s+/).some((w) => isGivenName(w, true)))) return false;
    const head = fold(name).slice(0, 2);
    return ![...own].some((o) => !o.includes(' ') && o.startsWith(head));
  };
  run(REL_BEFORE, 2, 1);
  run(REL_BEFORE, 3); // "my children Emma and Jack"

  run(NAMING_RE, 2, 1);
  run(NAMING_ELIDED_RE, 2, 1);
  for (const m of matchesOf(text, GIVING_RE)) {
    const name = m[4]!;
    // these verbs hand things to people, not to places ("sent it to Lyon" is not read): a lone first name is enough
    push(m.index! + m[0].lastIndexOf(name), name, m[3]);
  }
  run(PARTICLE_NAME_RE, 1);
  // three words that are names, not "Inviato da Libero Mail" or "Costa da Caparica Beach"
  run(PT_PARTICLE_NAME_RE, 1, undefined, (name) => !isPlaceName(name) && nameWords(name).filter((w) => !NOT_A_NAME.has(fold(w))).length >= 3);
  run(GAELIC_NAME_RE, 1);
  for (const m of matchesOf(text, VIET_NAME_RE)) push(m.index!, m[1]!, undefined, true);
  run(GREETING_PAIR_RE, 1);
  run(ADDRESSING_RE, 2, 1, (name, title) => Boolean(title) || /^\p{Lu}\./u.test(name) || nameWords(name).length >= 2);
  // a title right after a determiner names a thing ("my old Mr. Coffee", "le Dr Martens"), not a person
  if (writesWithoutCapitals(text)) {
    const plain = (name: string): boolean => name.split(/\s+/).every((w) => !NOT_A_NAME.has(fold(w)) && !VERB_FORM.test(w) && w.length > 1);
    run(REL_LOWER_APPOSITION, 1, undefined, plain);
    run(REL_LOWER_CLAUSE, 1, undefined, plain);
    run(LOWER_TITLE_RE, 2, 1, plain);
    run(NAMING_LOWER_RE, 1, undefined, plain);
    // "ill ask kemi to send them", "left with priya ramanathan downstairs": a lower-case given name after a verb or a
    // preposition that takes a person, then maybe a surname the lexicon cannot know
    // "my neighbour gerald finch signed", "ma soeur elodie passera": the same after a relation word
    for (const re of [LOWER_GIVEN_RE, REL_LOWER_NAME_RE]) {
      for (const m of matchesOf(text, re)) {
        const given = m[1]!;
        if (given.length < 4 || EVERYDAY_WORD_NAMES.has(given) || !isGivenName(capitalised(given), true) || !plain(given)) continue;
        const surname = m[2] && plain(m[2]) && !LOWER_AFTER_NAME.test(m[2]) && !VERB_AFTER.test(` ${m[2]}`) ? m[2] : null;
        push(m.index! + m[0].lastIndexOf(given), surname ? `${given} ${surname}` : given);
      }
    }
  } else {
    const plain = (name: string): boolean => name.split(/\s+/).every((w) => !NOT_A_NAME.has(fold(w)) && !VERB_FORM.test(w) && w.length > 1);
    run(LOWER_TITLE_ANY_RE, 2, 1, plain);
    const lowerGiven = (name: string): boolean => plain(name) && !EVERYDAY_WORD_NAMES.has(name) && isGivenName(capitalised(name), true);
    // the large pattern runs only where a lower-case given name stands after a comma
    if ([...text.matchAll(LOWER_APPOSED)].some((m) => lowerGiven(m[1]!))) run(REL_LOWER_GIVEN_RE, 1, undefined, lowerGiven);
  }
  for (const m of matchesOf(text, TITLE_RE)) {
    // "my old Mr. Coffee", "le Dr Martens" name things; "send the replacement to Ms. …" names a person
    if (!thingBefore(m.index!, THING_BEFORE_TITLE)) push(m.index! + m[0].lastIndexOf(m[2]!), m[2]!, m[1]);
  }
  run(GROUP_AFTER, 1, undefined, (name) => nameWords(name).length >= 2 || !/(?:^|[.!?:;\n])\s*$/.test(text.slice(0, text.indexOf(name))));
  run(FIELD_RE, 2, 1);
  run(ATTRIB_RE, 1);
  run(ATTRIB_AFTER_RE, 1);
  run(HEADER_RE, 1);
  for (const m of matchesOf(text, REL_AFTER)) {
    // at the start of a sentence or line any capitalised word could stand there ("Yesterday, my husband…")
    const before = text.slice(0, m.index!);
    if (/(?:^|[.!?:;\n])\s*$/.test(before)) continue;
    if (m[1]!.split(/\s+/).some((w) => NOT_A_NAME.has(fold(w)))) continue;
    push(m.index!, m[1]!);
  }
  run(FAMILY_TITLE_RE, 1);
  for (const m of matchesOf(text, LIST_HEAD)) {
    let at = m.index! + m[0].length;
    for (let n = 0; n < 12; n++) {
      const item = LISTED_NAME.exec(text.slice(at));
      if (!item || nameWords(item[1]!).length < 2) break;
      push(at, item[1]!);
      if (item[0].length === item[1]!.length) break;
      at += item[0].length;
    }
  }
  for (const m of matchesOf(text, INITIAL_RE)) {
    const initial = /^\p{Lu}/u.exec(m[1]!)![0];
    if (initial === 'M' && /^M\.\s/.test(m[1]!)) continue; // "M. Garcia" is a title (TITLE_RE)
    // a capital after a number or a complement word ends a size or a building: "1.7 L. Does", "bâtiment B. Son"
    if (UNIT_BEFORE_INITIAL.test(text.slice(Math.max(0, m.index! - 24), m.index!))) continue;
    push(m.index!, m[1]!);
  }
  // given names by where they stand: a full name anywhere but after a thing's determiner; a lone given name inside a
  // sentence, never before a town; given names listed together anywhere
  for (const m of matchesOf(text, CAP_RUN_RE)) {
    const tokens = [...m[0].matchAll(/[^ \t\u00a0]+/gu)];
    const words = tokens.map((t) => t[0]);
    const first = words.findIndex((w) => isGivenName(w) && !NOT_GIVEN.has(w) && !NOT_A_NAME.has(fold(w)));
    if (first < 0 || words.slice(0, first).some((w) => !NOT_A_NAME.has(fold(w)) && !ELIDED_OPENER.test(w))) continue;
    const at = m.index! + tokens[first]!.index!;
    const rest = words.slice(first);
    const surnames = rest.slice(1).filter((w) => !PARTICLE_WORD.test(w) && !/^d['’]$/u.test(w) && !NOT_A_NAME.has(fold(w)));
    // a company's line ("Barker & Brook Kitchenware", "… Ltd") or a thing's name is no person
    const end = m.index! + m[0].length;
    const verbAfter = VERB_AFTER.test(text.slice(end, end + 24));
    // "my penfriend Kenji Watanabe has…", "notre petite Louane voudrait…": a person after a determiner, not a thing
    const thing = thingBefore(at) && !(verbAfter && PERSON_AFTER_NOUN.test(lineBefore(at))) && !ENDEARED.test(lineBefore(at));
    if (rest.length > 4 || thing || companyAround(at, end) || words.slice(0, first).some((w) => NOT_GIVEN.has(w))) continue;
    const before = text.slice(text.lastIndexOf('\n', at - 1) + 1, at); // the line so far: the words before, or its start
    if (surnames.length >= 1) {
      // "at John Lewis", "in Victoria Park": a shop or a place
      if (!/(?<![\p{L}])(?:at|in)[ \t]*$/u.test(before)) push(at, m[0].slice(at - m.index!));
      continue;
    }
    // at a sentence's start a lone given name may be a word ("Will you…"), unless a verb follows it ("Priya does…",
    // "Solange a demandé…") and it is neither an everyday word nor a town
    const opensSentence = SENTENCE_START.test(before) &&
      !(verbAfter && !EVERYDAY_WORD_NAMES.has(rest[0]!.toLowerCase()) && !isKnownPlace(rest[0]!)) && !signsOff(at, rest[0]!);
    if (opensSentence || GREETING_OR_CLOSING.test(before) || AT_PLACE.test(before)) continue;
    if (A_BEFORE.test(before) && (!A_PERSON_BEFORE.test(before) || isKnownPlace(rest[0]!))) continue;
    if (FROM_OR_TO_PLACE.test(before) && isKnownPlace(rest[0]!)) continue;
    if (STREET_BEFORE.test(before)) continue;
    if (placesInText().has(rest[0]!)) continue;
    push(at, rest[0]!);
  }
  for (const m of matchesOf(text, LIST_WITH_ME_RE)) {
    const items = m[1]!.split(',').map((w) => w.trim());
    if (items.some((w) => NOT_A_NAME.has(fold(w)) || NOT_GIVEN.has(w) || isKnownPlace(w)) || thingBefore(m.index!)) continue;
    let from = m.index!;
    for (const w of items) { const at = text.indexOf(w, from); push(at, w); from = at + w.length; }
  }
  for (const m of matchesOf(text, GIVEN_LIST_RE)) {
    const items = [m[1]!, ...m[2]!.split(',').map((w) => w.trim()).filter(Boolean), m[3]!];
    if (!items.every((w) => isGivenName(w) && !NOT_GIVEN.has(w)) || thingBefore(m.index!)) continue;
    let from = m.index!;
    for (const w of items) { const at = text.indexOf(w, from); push(at, w); from = at + w.length; }
  }
  for (const person of ctx.knownPeople ?? []) {
    const re = new RegExp(`(?<![\\p{L}])${person.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}])`, 'gu');
    for (const m of text.matchAll(re)) push(m.index!, m[0]);
  }
  for (const a of ctx.addresses ?? []) {
    // the line right above an address: a person's name (with or without a title), not a company
    const lineEnd = a.start - 1;
    if (lineEnd <= 0 || text[lineEnd] !== '\n') continue;
    const ls = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = text.slice(ls, lineEnd).replace(/\r$/, '');
    const m = ADDRESSEE_LINE.exec(line);
    if (!m || (!m[1] && nameWords(m[2]!).length < 2)) continue;
    push(ls + line.indexOf(m[2]!, m[1] ? line.indexOf(m[1]) + m[1].length : 0), m[2]!, m[1]);
  }
  // a person named once in full is named again by the given name alone ("Margaux Richard-Lemaire" … "le compte de Margaux")
  for (const found of [...out]) {
    const given = found.value.split(SPLIT_BLANKS)[0]!;
    if (found.value === given || !isGivenName(given)) continue;
    const re = new RegExp(`(?<![\\p{L}'’-])${given}(?![\\p{L}-]|${SP}+${LU})`, 'gu');
    for (const m of text.matchAll(re)) push(m.index!, given);
  }
  // one rule may read less of a name than another ("Nguyễn Văn" and "Nguyễn Văn An"): the longest reading stands
  return out.filter((a) => !out.some((b) => b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start));
}

/** "Capitalised Capitalised" pairs: the candidates worth looking up among the shop's customers. */
export function fullNameCandidates(text: string): { first: string; last: string }[] {
  const out = new Map<string, { first: string; last: string }>();
  const re = new RegExp(`(?<![\\p{L}])(?=(${LU}[${LL}'’-]+)\\s+(${LU}[${L}'’-]+)(?![\\p{L}]))`, 'gu');
  for (const m of text.matchAll(re)) out.set(`${m[1]} ${m[2]}`, { first: m[1]!, last: m[2]! });
  return [...out.values()];
}
