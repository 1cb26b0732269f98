/**
 * Mail written in Spanish, German, Italian or Portuguese by customers abroad: the rules, the heads and the question
 * reader read French and English. A word-for-word English gloss of the words of customer service (an order, a parcel,
 * late, an invoice, a refund, a return, a bank, a lawyer…) lets them read such a mail as they read an English one; the
 * words the gloss does not know stay as written (a keyword the shop lists, a name, an order number). A mail with words
 * the gloss did not know is held for a person (route.ts, `foreign_language_partly_read`), since what the gloss
 * did not read may be what matters (a threat, a remedy asked): every word of it must be known but for a greeting's or a
 * sign-off's name.
 */
import { fold } from './lexicon';

/** Function words of each language that French and English do not share (folded). */
const FOREIGN_FUNCTION_WORDS = new Set(`
el los las y del por con mi mis sus pero todavia cuando donde como hola gracias pedido usted ustedes puedo puede tengo
hasta ya lo muy buenas saludos esta estan han tenia llegar llegado algo
der die das und ist ich sie wir mein meine bitte danke hallo nicht noch wann wo wie sind habe haben mit fur von zu auf
bei eine einen ein es schon kann konnen konnten ihr ihre uns mir guten tag gruss viele dank sollte aber da
gli della che per mio mia ancora dove ciao buongiorno grazie ho sono sul sulla cosa quanto ci vuole niente di
os um uma do da meu minha nao ainda onde ola obrigado obrigada tem chega hoje encomenda voces ja devia chegado nada ate
o e
`.split(/\s+/).filter(Boolean));

/** French and English function words (folded) that outweigh a few foreign ones (an "Hola" atop a French mail). */
const FR_EN_FUNCTION_WORDS = new Set(`
le la les un une des du et est je vous nous il elle ce mon ma mes votre pour pas qui quand sur dans avec mais merci
bonjour commande colis toujours encore ne rien
the and is are was i you we it my your for not what when with but thanks hello hi order please could would have has
been still do does can will there any just get got from how yet arrived me today
`.split(/\s+/).filter(Boolean));

/**
 * Folded foreign words and phrases → English. Longest phrases first when read; one dictionary for the four languages
 * (their words of customer service barely collide, and where they do the meaning is the same).
 */
const GLOSS: Record<string, string> = {
  // es
  'hola': 'hello', 'buenas': 'hello', 'gracias': 'thanks', 'saludos': 'regards', 'por favor': 'please',
  'pedido': 'order', 'paquete': 'parcel', 'envio': 'shipment', 'enviado': 'shipped', 'enviar': 'send',
  'tenia que llegar': 'should have arrived', 'tenia que': 'should have', 'todavia no ha llegado': 'still has not arrived',
  'no ha llegado': 'has not arrived', 'ha llegado': 'has arrived', 'llegar': 'arrive', 'llegado': 'arrived', 'llega': 'arrives',
  'llegara': 'will arrive', 'saben algo': 'any news', 'alguna novedad': 'any news', 'todavia': 'still', 'aun': 'still',
  'cuando': 'when', 'donde': 'where', 'esta': 'is', 'devolver': 'return', 'devolucion': 'return', 'todavia puedo': 'can i still',
  'puedo': 'can i', 'hasta que dia': 'until when', 'hasta cuando': 'until when', 'tengo': 'i have', 'factura': 'invoice',
  'reembolso': 'refund', 'cuenta': 'account', 'dinero': 'money', 'tarjeta': 'card', 'banco': 'bank', 'abogado': 'lawyer',
  'denuncia': 'complaint', 'demanda': 'lawsuit', 'estafa': 'scam', 'roto': 'broken', 'rota': 'broken', 'danado': 'damaged',
  'danada': 'damaged', 'falta': 'missing', 'cancelar': 'cancel', 'pago': 'payment', 'ya': 'already', 'con': 'with', 'y': 'and',
  'el': 'the', 'los': 'the', 'las': 'the', 'mi': 'my', 'mis': 'my', 'del': 'of the', 'pero': 'but', 'no': 'not', 'que': 'that',
  'dia': 'day', 'hoy': 'today', 'manana': 'tomorrow', 'domingo': 'sunday', 'lunes': 'monday', 'sabado': 'saturday',
  'viernes': 'friday', 'algo': 'something', 'saben': 'do you know', 'tetera': 'teapot', 'para': 'for', 'por': 'by',
  // de
  'hallo': 'hello', 'guten tag': 'hello', 'danke': 'thanks', 'vielen dank': 'many thanks', 'bitte': 'please',
  'rechnung': 'invoice', 'bestellung': 'order', 'paket': 'parcel', 'sendung': 'shipment', 'sendungsnummer': 'tracking number',
  'lieferung': 'delivery', 'wo bleibt': 'where is', 'wo ist': 'where is', 'wann': 'when', 'kommt': 'arrives',
  'ankommen': 'arrive', 'angekommen': 'arrived', 'sollte am': 'should have arrived on', 'sollte': 'should',
  'noch nicht da': 'still not here', 'noch nicht': 'not yet', 'noch': 'still', 'konnen sie': 'can you',
  'konnten sie': 'could you', 'mir': 'me', 'schicken': 'send', 'senden': 'send', 'nachschauen': 'check', 'finde': 'find',
  'nicht mehr': 'no longer', 'zuruckgeben': 'return', 'rucksendung': 'return', 'zurucksenden': 'send back',
  'erstattung': 'refund', 'ruckerstattung': 'refund', 'geld': 'money', 'konto': 'account', 'anwalt': 'lawyer',
  'gericht': 'court', 'klage': 'lawsuit', 'betrug': 'fraud', 'kaputt': 'broken', 'beschadigt': 'damaged', 'fehlt': 'missing',
  'stornieren': 'cancel', 'zahlung': 'payment', 'mein': 'my', 'meine': 'my', 'die': 'the', 'der': 'the', 'das': 'the',
  'fur': 'for', 'und': 'and', 'ich': 'i', 'sie': 'you', 'ist': 'is', 'aber': 'but', 'nicht': 'not', 'heute': 'today',
  'morgen': 'tomorrow', 'mit': 'with', 'paket ist': 'parcel is',  'am': 'on the', 'wo': 'where', 'wie': 'how',
  'wie lange': 'how long',
  // it
  'buongiorno': 'hello', 'ciao': 'hello', 'grazie': 'thanks', 'ordine': 'order', 'pacco': 'parcel', 'spedizione': 'shipment',
  'rimborso': 'refund', 'quanto tempo ci vuole': 'how long does it take', 'quanto tempo': 'how long', 'fattura': 'invoice',
  'conto': 'account', 'soldi': 'money', 'carta': 'card', 'banca': 'bank', 'avvocato': 'lawyer', 'tribunale': 'court',
  'truffa': 'scam', 'rotto': 'broken', 'rotta': 'broken', 'danneggiato': 'damaged', 'manca': 'missing', 'annullare': 'cancel',
  'pagamento': 'payment', 'restituire': 'return', 'reso': 'return', 'quando': 'when', 'dove': 'where', 'arriva': 'arrives',
  'arrivato': 'arrived', 'ancora': 'still', 'niente': 'nothing', 'vedo': 'i see', 'sul': 'on the', 'sulla': 'on the',
  'di solito': 'usually', 'il mio': 'my', 'mio': 'my', 'mia': 'my', 'ho ricevuto': 'i received', 'che': 'that', 'per': 'for',
  // pt
  'ola': 'hello', 'obrigado': 'thanks', 'obrigada': 'thanks', 'encomenda': 'order', 'a minha encomenda': 'my order',
  'minha': 'my', 'meu': 'my', 'chega hoje': 'arrives today', 'chega': 'arrives', 'chegou': 'arrived',
  'devia ter chegado': 'should have arrived', 'e nada': 'and still nothing', 'nada': 'nothing', 'fatura': 'invoice',
  'conta': 'account', 'cartao': 'card', 'advogado': 'lawyer', 'vou pedir ao banco': 'i will ask the bank',
  'pedir ao banco': 'ask the bank', 'cancelar o pagamento': 'cancel the payment', 'se nao chegar': 'if it does not arrive',
  'nao': 'not', 'ainda': 'still', 'ate': 'by', 'sexta': 'friday', 'hoje': 'today', 'quebrado': 'broken', 'danificado': 'damaged',
  'onde': 'where',
  // common words of such mails, the four languages
  'buenos dias': 'good morning', 'buenas tardes': 'good afternoon', 'quiero': 'i want', 'quisiera': 'i would like',
  'necesito': 'i need', 'saber': 'know', 'recibido': 'received', 'recibir': 'receive', 'recibi': 'i received', 'si': 'if',
  'pregunta': 'question', 'semana': 'week', 'ayer': 'yesterday', 'numero de seguimiento': 'tracking number',
  'seguimiento': 'tracking', 'me': 'me', 'le': 'you', 'les': 'you', 'al': 'to the', 'a': 'a', 'o': 'the', 'e': 'and',
  'un': 'a', 'una': 'a', 'es': 'is', 'en': 'in', 'de': 'of', 'la': 'the', 'lo': 'it', 'muchas gracias': 'many thanks',
  'hervidor': 'kettle', 'tostadora': 'toaster', 'molinillo': 'grinder', 'sarten': 'frying pan', 'cafetera': 'coffee maker',
  'ich mochte': 'i would like', 'mochte': 'would like', 'wissen': 'know', 'erhalten': 'received', 'bekommen': 'received',
  'habe': 'have', 'haben': 'have', 'sind': 'are', 'ein': 'a', 'eine': 'a', 'einen': 'a',
  'von': 'of', 'zu': 'to', 'auf': 'on', 'bei': 'at', 'schon': 'already', 'kann': 'can', 'konnen': 'can', 'ihr': 'your',
  'ihre': 'your', 'uns': 'us', 'wir': 'we', 'tag': 'day', 'gruss': 'regards', 'viele grusse': 'kind regards',
  'mit freundlichen grussen': 'kind regards', 'freundliche grusse': 'kind regards', 'liebe grusse': 'kind regards',
  'woche': 'week', 'gestern': 'yesterday', 'wasserkocher': 'kettle', 'teekanne': 'teapot', 'toaster': 'toaster',
  'kaffeemuhle': 'coffee grinder', 'pfanne': 'frying pan', 'bis wann': 'until when',
  'vorrei': 'i would like', 'sapere': 'know', 'ricevuto': 'received', 'ricevere': 'receive', 'settimana': 'week',
  'ieri': 'yesterday', 'domani': 'tomorrow', 'oggi': 'today', 'gli': 'the', 'della': 'of the',
  'sono': 'are', 'ho': 'i have', 'cosa': 'what', 'quanto': 'how much', 'ci': 'there', 'vuole': 'takes', 'di': 'of',
  'cordiali saluti': 'kind regards', 'saluti': 'regards', 'bollitore': 'kettle', 'teiera': 'teapot', 'tostapane': 'toaster',
  'numero di tracciamento': 'tracking number', 'tracciamento': 'tracking', 'entro quando': 'until when',
  'gostaria': 'i would like', 'recebi': 'i received', 'receber': 'receive', 'recebido': 'received',
  'ontem': 'yesterday', 'amanha': 'tomorrow', 'um': 'a', 'uma': 'a', 'do': 'of the', 'da': 'of the',
  'os': 'the', 'voces': 'you', 'tem': 'has', 'ja': 'already', 'cumprimentos': 'regards', 'chaleira': 'kettle',
  'bule': 'teapot', 'torradeira': 'toaster', 'codigo de rastreio': 'tracking number', 'rastreio': 'tracking',
  'non': 'not',
};
const MAX_PHRASE = 4;

export interface ForeignReading {
  /** The text with the words the gloss knows in English, the others as written. */
  gloss: string;
  /**
   * The words the gloss did not know (neither glossed nor a function word nor a number) outside a greeting's or a
   * sign-off's short line ("Hallo Frau Berger", "Saludos, Marta"): what was not read.
   */
  unread: string[];
}

/** A line this short is a greeting or a sign-off: a name on it is not a word left unread. */
const SHORT_LINE_WORDS = 3;

const WORD = /[A-Z]{2,5}-?\d+|[\p{L}]+(?:'[\p{L}]+)?|\d+/gu;

/** Foreign when its distinctive foreign function words are at least three and outnumber the French and English ones. */
export function isForeign(text: string): boolean {
  let foreign = 0;
  let frEn = 0;
  for (const t of fold(text.toLowerCase()).match(/[a-z]+/g) ?? []) {
    if (FOREIGN_FUNCTION_WORDS.has(t)) foreign++;
    if (FR_EN_FUNCTION_WORDS.has(t)) frEn++;
  }
  return foreign >= 3 && foreign > frEn;
}

/** The English gloss of a foreign text and the words it left unread; null when the text is French, English or too short to tell. */
export function readForeign(text: string): ForeignReading | null {
  return isForeign(text) ? glossWords(text) : null;
}

/** The gloss of a text whatever its language (a foreign mail's subject, too short to tell on its own). */
export function glossWords(text: string): ForeignReading {
  const tokens = [...text.matchAll(WORD)].map((m) => ({ raw: m[0], at: m.index ?? 0, key: fold(m[0].toLowerCase()) }));
  let out = '';
  let last = 0;
  const unread: string[] = [];
  const lineWords = (at: number): number => {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const end = text.indexOf('\n', at);
    return (text.slice(start, end < 0 ? undefined : end).match(WORD) ?? []).length;
  };
  for (let i = 0; i < tokens.length;) {
    let n = Math.min(MAX_PHRASE, tokens.length - i);
    for (; n > 0; n--) if (GLOSS[tokens.slice(i, i + n).map((t) => t.key).join(' ')] !== undefined) break;
    const tok = tokens[i]!;
    if (n > 0) {
      const end = tokens[i + n - 1]!;
      out += text.slice(last, tok.at) + GLOSS[tokens.slice(i, i + n).map((t) => t.key).join(' ')];
      last = end.at + end.raw.length;
      i += n;
      continue;
    }
    const known = /\d/.test(tok.raw) || FOREIGN_FUNCTION_WORDS.has(tok.key) || FR_EN_FUNCTION_WORDS.has(tok.key);
    if (!known && lineWords(tok.at) > SHORT_LINE_WORDS) unread.push(tok.raw);
    i++;
  }
  out += text.slice(last);
  return { gloss: out, unread };
}

/**
 * The subject and new text the rules, the heads and the question reader read: a foreign mail's English gloss (its
 * subject glossed with it), else both as written.
 */
export function readingOf(subject: string, clean: string): { subject: string; clean: string } {
  const body = readForeign(clean);
  return body ? { subject: glossWords(subject).gloss, clean: body.gloss } : { subject, clean };
}


