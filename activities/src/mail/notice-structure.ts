/**
 * What separates a notice (an absence, a receipt) from a customer who mentions an absence, a ticket or an automatic
 * message, read by structure in the languages the shop is written to in (EN/FR/DE/ES/IT/NL/PT/PL/SV/CS), for the
 * machine-mail head (machine-head.ts):
 * - the customer's matter: goods of the kind the shop sells, damage or a fault, a refund, a return or an exchange,
 *   goods that never came, or what the writer asks the shop to do with them (send, hold, cancel). A notice never speaks of them; a customer who mentions a holiday while complaining does
 *   ("będę na urlopie … czajnik przyszedł uszkodzony, chcę zwrotu pieniędzy"). The head never votes on such a text.
 * - a date written in those languages (numeric "4. 1. 2027", "21.12.", a month or a weekday): an absence's span or
 *   a receipt's day;
 * - a phone number written in the text (not the signature): the contact a notice points to instead;
 * - the text calls itself automatic or asks not to be answered ("Detta är ett automatiskt svar", "neodpovídejte").
 * The last three are evidence for the head only where the writer asks nothing (no question, no request). Pure.
 */
import { unicodeWordsTest } from './word-boundary';

const PRODUCTS = [
  'kettles?', 'teapots?', 'toasters?', 'blenders?', 'grinders?', 'knife', 'knives', 'lids?', 'flasks?', 'mixers?', 'whisks?', 'casseroles?', 'lamps?', 'vases?', 'candles?',
  'bouilloires?', 'théières?', 'cafetières?', 'poêles?', 'couvercles?', 'gourdes?', 'couteaux', 'grille-pain', 'cocottes?', 'lampes?', 'bougies?',
  'wasserkocher\\p{L}*', 'teekannen?', 'kaffeemühlen?', 'pfannen?', 'deckel', 'messer', 'küchenwaagen?', 'lampen?', 'kerzen?',
  'hervidor(?:es)?', 'teteras?', 'cafeteras?', 'molinillos?', 'sartén', 'sartenes', 'batidoras?', 'cuchillos?', 'básculas?', 'tostadoras?', 'lámparas?', 'jarrones?', 'jarrón',
  'bollitor[ei]', 'teier[ae]', 'caffettier[ae]', 'macinin[oi]', 'padell[ae]', 'coperchi?o?', 'frullator[ei]', 'coltell[oi]', 'bilanci[ae]', 'tostapane', 'lampad[ae]', 'candel[ae]', 'borracc[ae]',
  'waterkokers?', 'theepot(?:ten)?', 'koffiemolens?', 'deksels?', 'weegschalen?', 'weegschaal', 'broodroosters?', 'vazen', 'vaas', 'kaarsen?',
  'chaleiras?', 'bules?', 'cafeteiras?', 'frigideiras?', 'liquidificador(?:as?)?', 'facas?', 'balanças?', 'torradeiras?', 'candeeiros?',
  'czajnik\\p{L}*', 'dzbank\\p{L}*', 'młyn(?:ek|ka|ku)', 'patelni\\p{L}*', 'pokryw\\p{L}*', 'noż[ey]', 'toster\\p{L}*', 'lamp[aęiy]', 'lampk\\p{L}*', 'wazon\\p{L}*', 'świec\\p{L}*',
  'vattenkokar(?:e|en|na)', 'tekann(?:a|an|or)', 'kaffekvarn\\p{L}*', 'stekpann\\p{L}*', 'knivar(?:na)?', 'brödrost\\p{L}*', 'lamp(?:a|an|or)', 'vas(?:en|er)', 'ljusstak\\p{L}*',
  'rychlovarn\\p{L}*', 'konvic\\p{L}*', 'čajník\\p{L}*', 'mlýn(?:ek|ku)', 'pánv\\p{L}*', 'pokličk\\p{L}*', 'mixér\\p{L}*', 'lamp(?:a|u|y|ě)', 'lampičk\\p{L}*', 'váz(?:a|u|y)', 'svíčk\\p{L}*',
];
const DAMAGE = [
  'broken', 'damaged', 'defective', 'faulty', 'cracked', 'chipped', 'leak(?:s|ing|ed)', "(?:doesn['’]t|does not|won['’]t|will not) (?:work|turn on|switch on|heat)", 'stopped working',
  'cassée?s?', 'abîmée?s?', 'endommagée?s?', 'défectueu(?:x|se|ses)', 'fissurée?s?', 'ébréchée?s?', 'fuit', "ne (?:marche|fonctionne|s['’]allume) (?:pas|plus)",
  'kaputt\\p{L}*', 'beschädigt\\p{L}*', 'defekt\\p{L}*', 'zerbrochen\\p{L}*', 'gesprungen', 'undicht', '(?:funktioniert|geht|heizt) nicht',
  'rot[oa]s?', 'dañad[oa]s?', 'defectuos[oa]s?', 'estropead[oa]s?', 'gotea', 'no (?:funciona|enciende|calienta)',
  'rott[oaie]', 'danneggiat[oaie]', 'difettos[oaie]', 'non (?:funziona|si accende|scalda)', 'crepat[oaie]',
  'kapot(?:te)?', 'beschadigd(?:e)?', 'defecte?', 'gebarsten', 'lekt', 'werkt niet', 'doet het niet',
  'partid[oa]s?', 'danificad[oa]s?', 'avariad[oa]s?', 'defeituos[oa]s?', 'rachad[oa]s?', 'não (?:funciona|liga|aquece)',
  'uszkodzon\\p{L}*', 'zepsut\\p{L}*', 'pęknięt\\p{L}*', 'rozbit\\p{L}*', 'nie działa', 'cieknie', 'przecieka',
  'trasig\\p{L}*', 'skadad\\p{L}*', 'sönder', 'läcker', 'fungerar inte',
  'poškozen\\p{L}*', 'rozbit\\p{L}*', 'vadn\\p{L}*', 'nefunguj\\p{L}*', 'nesvít\\p{L}*', 'prasklý\\p{L}*', 'prasklá', 'teče',
];
const MONEY_BACK = [
  'refund\\p{L}*', 'money back', 'replacement', 'exchange (?:it|them|the)', 'rembours\\p{L}*', 'échanger?', 'remplacement',
  'rückerstatt\\p{L}*', 'erstattung', 'geld zurück', 'umtausch\\p{L}*', 'umtauschen',
  'reembols\\p{L}*', 'devolución', 'devolver(?:lo|la)?', 'cambiáis', 'cambiarlo', 'cambiarla',
  'rimbors\\p{L}*', 'sostituzione', 'sostituirlo', 'sostituirla', 'restituzione',
  'terugbetal\\p{L}*', 'geld terug', 'ruilen',
  'devolução', 'trocar', 'substituição',
  'zwrot\\p{L}*', 'wymian\\p{L}*', 'reklamacj\\p{L}*',
  'återbetal\\p{L}*', 'pengarna tillbaka', 'reklamation\\p{L}*', 'reklamera',
  'vrácení', 'vraťte', 'peníze zpět', 'reklamac\\p{L}*', 'výměn\\p{L}*',
];
const NEVER_CAME = [
  "(?:not|never|hasn['’]t|has not|haven['’]t) (?:yet )?(?:arrived|received|come)", 'pas (?:encore )?(?:reçu|arrivée?|livrée?)',
  '(?:nicht|nie|noch nicht) (?:angekommen|erhalten|geliefert)', 'no (?:me )?ha(?:n)? llegado', 'no he recibido', 'nunca llegó',
  'non (?:è|sono|mi è) (?:ancora |mai )?arrivat\\p{L}*', 'non ho (?:ancora |mai )?ricevuto', 'non è arrivato niente',
  'niet (?:aangekomen|ontvangen|bezorgd|geleverd)', 'nooit (?:aangekomen|ontvangen)', 'não (?:chegou|recebi)', 'nunca chegou',
  'nie (?:dotarł\\p{L}*|doszł\\p{L}*|otrzymał\\p{L}*|przyszł\\p{L}*|dostał\\p{L}*)', 'har (?:inte|aldrig) (?:kommit|fått|levererats)',
  'nepřišl\\p{L}*', 'nedorazil\\p{L}*', 'nedošl\\p{L}*', 'neobdržel\\p{L}*',
];
/** What the writer asks the shop to do with goods or an order, in DE/ES/IT/NL/PT/PL/SV/CS (FR/EN: REQUEST_TO_SHOP, customer-voice.ts). */
const SHOP_ACTION = [
  'senden', 'schicken', 'liefern', 'versenden', 'zurückhalten', 'stornieren',
  'enviar(?:la|lo|las|los)?', 'envíen(?:la|lo)?', 'enviad(?:la|lo)?', 'mandar(?:la|lo)?', 'entregar(?:la|lo)?', 'cancelar(?:la|lo)?',
  'spedir(?:e|la|lo)', 'inviar(?:e|la|lo)', 'consegnar(?:e|la|lo)', 'annullar(?:e|la|lo)',
  'versturen', 'verzenden', 'opsturen', 'leveren', 'bezorgen', 'annuleren',
  'enviem', 'entreguem', 'envie(?:-a|-o)?', 'cancele(?:m)?',
  'wysłać', 'wysyłać', 'wysyłkę', 'dostarczyć', 'wstrzymać', 'anulować',
  'skicka(?:r)?', 'leverera', 'avboka', 'avbryta',
  'poslat', 'pošlete', 'odeslat', 'odešlete', 'doručit', 'zrušit', 'zrušte',
];
const CUSTOMER_MATTER = unicodeWordsTest(new RegExp(`\\b(?:${[...PRODUCTS, ...DAMAGE, ...MONEY_BACK, ...NEVER_CAME, ...SHOP_ACTION].join('|')})\\b`, 'u'));

/** Reported words and links: what someone else wrote is not the writer's matter. (The lists are read in lower case: a case-blind Unicode pattern is several times slower.) */
const REPORTED_OR_LINK = /"[^"\n]{3,300}"|“[^”\n]{3,300}”|«[^»\n]{3,300}»|„[^“”\n]{3,300}[“”]|\bhttps?:\/\/\S+/g;

/** The writer's own text speaks of goods, a fault, money back, goods that never came or asks the shop to send, hold or cancel. */
export function customerMatter(text: string): boolean {
  return CUSTOMER_MATTER(text.replace(REPORTED_OR_LINK, ' ').toLowerCase());
}

const MONTHS = [
  'januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
  'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  'januari', 'februari', 'maart', 'mei', 'augustus', 'december',
  'janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'novembro', 'dezembro',
  'stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia',
  'mars', 'maj', 'augusti',
  'ledna', 'února', 'března', 'dubna', 'května', 'června', 'července', 'srpna', 'září', 'října', 'listopadu', 'prosince',
];
const WEEKDAYS = [
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes',
  'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag',
  'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'poniedziałek', 'poniedziałku', 'wtorek', 'wtorku',
  'środa', 'środy', 'czwartek', 'czwartku', 'piątek', 'piątku', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag',
  'pondělí', 'úterý', 'středa', 'středu', 'čtvrtek', 'pátek',
];
/** Dates as written in DE/ES/IT/NL/PT/PL/SV/CS: "4. 1. 2027", "21.12.", "8 de enero", "den 31 mars", a weekday. */
const DATE_IN_LANGUAGES = unicodeWordsTest(new RegExp(
  `\\b\\d{1,2}\\.\\s?\\d{1,2}\\.(?:\\s?\\d{2,4}\\b)?|\\b\\d{1,2}\\.?\\s(?:de\\s)?(?:${MONTHS.join('|')})\\b|\\b(?:${WEEKDAYS.join('|')})\\b|\\b\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?\\b`,
  'u',
));

export function dateInLanguages(text: string): boolean {
  return DATE_IN_LANGUAGES(text.toLowerCase());
}

/** A phone number written out: international ("+49 30 2291 4470") or national in groups ("08-522 310 40", "020 612 44 90"). */
const PHONE = /(?<![\w+])(?:\+\d{2,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}|0\d{1,3}(?:[ -]\d{2,4}){2,4}|0\d{2,4}[ /-]\d{5,8})(?![\w.,-]?\d)/;

export function phoneInText(text: string): boolean {
  return PHONE.test(text);
}

/** The text calls itself automatic or asks not to be answered, in the shop's languages. */
const SELF_AUTOMATIC = unicodeWordsTest(/\b(?:automatic(?:ally)?|automatique(?:ment)?|automatisch(?:e[rns]?)?|automátic[oa](?:mente)?|automatic[oa]|automaticamente|automatisk(?:t|a)?|automaticky|automatick[áéý]|automatyczn\p{L}*|autosvar|auto-?reply|do not reply|don['’]t reply|ne (?:pas )?répondre|no (?:responda|conteste)s?|não responda|non rispondere|nicht (?:auf diese \p{L}+ )?(?:antworten|beantworten)|niet (?:op deze e-?mail )?(?:beantwoorden|reageren|antwoorden)|nie odpowiadaj\p{L}*|neodpovídejte|neodpovídat|svara inte)\b/u);

export function selfAutomatic(text: string): boolean {
  return SELF_AUTOMATIC(text.toLowerCase());
}
