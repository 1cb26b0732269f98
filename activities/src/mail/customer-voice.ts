/**
 * Signs that a person writes to the shop as its customer (or would-be customer), whatever else the text contains:
 * they tell what they bought or received, name one of the shop's orders, ask to buy, or report a message they got
 * ("I received this email, is it you?"). Text-only spam rules stand down on any of these: a customer who mentions a
 * newsletter, a sales offer, a bounce or a suspicious parcel message is answered by a person, never suppressed.
 */

/** First-person purchase or delivery story: "j'ai commandé", "my order", "I paid", "mon colis". */
import { unicodeWords } from './word-boundary';
const PURCHASE_STORY =
  unicodeWords(/\b(?:j['’]ai (?:commandé|acheté|payé|réglé|reçu (?:ma|mon|mes|le|la|les|votre|vos)|passé (?:une |la )?commande|retourné|renvoyé)|je vous ai (?:commandé|acheté|écrit)|(?:ma|mes) (?:commandes?|livraisons?)|(?:mon|mes) (?:colis|achats?|remboursement)|i (?:have )?(?:ordered|bought|purchased|paid|returned|received my)|i placed (?:an? |my )?order|we (?:have |['’]ve )?(?:ordered|bought|purchased)|nous (?:vous )?avons (?:commandé|acheté)|my (?:order|orders|parcel|package|delivery|purchase|refund)|i (?:didn['’]t|did not|haven['’]t|have not|never) (?:get|got|receive|received)|je n['’]ai (?:pas|rien|jamais|toujours pas) reçu)\b/i);
/** A would-be customer asking to buy: "I'd like to order", "do you sell / deliver", "combien coûte". */
const BUYER_QUESTION =
  unicodeWords(/\b(?:(?:(?:i|we)(?:['’]d| would)|would) (?:like|love) to (?:order|buy|purchase)|(?:i|we)(?:['’]d| would) (?:like|love) to get|(?:do|can) you (?:sell|ship|deliver|stock|offer gift)|how much (?:is|are|does|do|would)|(?:je|nous) (?:voudrions|voudrais|souhaiterais|souhaiterions|aimerais|aimerions) (?:commander|acheter|offrir)|(?:vendez|livrez|expédiez)[- ]vous|avez-vous (?:en stock|des|le|la)|combien (?:coûte|coute|coûtent|pour)|quel est le prix)\b/i);
/**
 * Telling the shop what to do with a delivery: hold it, do not deliver, leave it at a pick-up point. Not when what is
 * sent or redirected is the reader's mail ("please redirect any questions to…", "merci d'envoyer vos demandes à…"):
 * that is a notice pointing elsewhere.
 */
const DELIVERY_REQUEST = unicodeWords(
  /\b(?:please|kindly|could you|can you|would you|merci de|pourriez-vous|pouvez-vous|veuillez)(?: ne pas| not| do not| don['’]t)? (?:hold|deliver|suspend|pause|delay|postpone|reschedule|redirect|leave|send|ship|livrer|suspendre|retarder|décaler|reporter|garder|déposer|expédier|envoyer)\b(?! (?:(?:any|all|your|future|further|other|urgent|vos|toutes? vos|votre|tout|toute|les|any further|désormais|dorénavant)\s+){0,3}(?:questions?|queries|messages?|e-?mails?|mails?|requests?|enquiries|inquiries|correspondence|communications?|demandes?|courriers?|courriels?|requêtes?|correspondances?)\b)|\b(?:livrez|gardez|déposez|expédiez|suspendez|décalez|reportez)[- ](?:le|la|les|moi|plutôt)\b|\bne (?:pas )?(?:me )?livrer\b|\bne rien (?:m['’])?(?:envoyer|expédier|livrer|faire livrer)\b|\bn['’](?:envoyez|expédiez|livrez) (?:rien|pas)\b|\b(?:don['’]t|do not) (?:send|ship|deliver|post) (?:anything|any (?:parcels?|packages?|orders?)|(?:it|my|the) (?:order|parcel|package|kettle|lamp)s?)\b/i,
);
/**
 * How a delivery will be received while the writer is away: someone will take, collect or sign for the parcel ("my
 * neighbour will take the parcel", "je récupérerai le paquet lundi"). Absence notices never speak of receiving goods.
 */
const DELIVERY_ARRANGEMENT = unicodeWords(
  /\b(?:take|taking|collect|collecting|pick up|picking up|sign for|receive|receiving|accept|take in|look out for)\b[^.!?\n]{0,15}\b(?:the|my|a|your|our|this) (?:parcel|package|delivery|order|box|kettle|lamp|shipment)s?\b|\b(?:récupér\w+|réceptionn\w+|recevr\w*|recevoir|prendr\w+|aller chercher|signer pour)\b[^.!?\n]{0,15}\b(?:le|mon|ma|les|mes|votre|ce|un|une) (?:colis|paquets?|commandes?|livraisons?|carton|bouilloire|lampe)\b/i,
);
/** Reporting a message received elsewhere: "I received this email", "c'est bien vous ?", "is this a scam?". */
const REPORTED_MESSAGE =
  unicodeWords(/\b(?:j['’]ai reçu (?:ce|cet|un|une|le) (?:message|mail|e-?mail|courriel|sms|texto|appel|lien)|on m['’]a envoyé|(?:i|we) (?:have )?(?:received|got) (?:this|an?|the following|a strange|a weird|a suspicious) (?:e-?mail|message|text|sms|call|link)|is (?:this|it) (?:really )?(?:legit|genuine|real|from you|you|a scam)|(?:est-ce|c['’]est) (?:bien )?(?:vous|de vous|une arnaque|normal|légitime)|(?:ça|cela|it) (?:ressemble à|looks like) (?:une? |a )?(?:arnaque|scam|phishing|hameçonnage))/i);

/**
 * The same marks in the other languages customers write to the shop in (DE/ES/IT/NL/PT/PL), by their grammar: the
 * writer's own past act of buying, ordering, paying or receiving in the first person singular ("ich habe … bestellt",
 * "os he hecho una transferencia", "ho ordinato", "ik heb … besteld", "encomendei", "zamówiłam"), their own order or
 * parcel ("mein Paket", "mi pedido", "il mio ordine", "mijn bestelling", "a minha encomenda", "moje zamówienie"), and a
 * wish to buy ("möchte … bestellen", "quisiera comprar", "vorrei ordinare", "zou graag … bestellen", "gostaria de
 * comprar", "chcielibyśmy zamówić"); in the plural, a purchase story ("wir haben … bestellt", "hemos comprado") but not
 * a receipt, which notices say ("wir haben Ihre Zahlung erhalten", "hemos recibido").
 */
const OTHER_LANGUAGE_STORY = unicodeWords(/\b(?:ich habe [^.!?\n]{0,40}\b(?:bestellt|gekauft|bezahlt|überwiesen|erhalten|bekommen|zurückgeschickt)|habe ich [^.!?\n]{0,40}\b(?:bestellt|gekauft|bezahlt|überwiesen)|(?:meine?n?|meiner) (?:bestellung|paket|lieferung|kauf)|he (?:comprado|pedido|pagado|recibido|devuelto|hecho (?:una|la|el) (?:transferencia|compra|pedido|pago))|(?:mi|mis) (?:pedidos?|paquetes?|compras?)|ho (?:comprato|ordinato|acquistato|pagato|ricevuto|restituito|fatto (?:un|il) (?:bonifico|ordine|acquisto))|(?:il mio|i miei|la mia) (?:ordin[ei]|pacc[oh]i?|acquist[oi]|spedizione)|ik heb [^.!?\n]{0,40}\b(?:besteld|gekocht|betaald|ontvangen|overgemaakt|teruggestuurd)|heb ik [^.!?\n]{0,40}\b(?:besteld|gekocht|betaald)|mijn (?:bestelling|pakket|aankoop|levering)|(?:comprei|encomendei|paguei|recebi|devolvi|fiz (?:uma|a) (?:encomenda|transferência|compra))|(?:a minha|o meu|minha|meu) (?:encomenda|pedido|pacote|compra)|(?:zamówił|kupił|zapłacił|otrzymał|dostał|zwrócił)(?:em|am)|zrobił(?:em|am) przelew|wir haben [^.!?\n]{0,40}\b(?:bestellt|gekauft)|hemos (?:comprado|pedido)|abbiamo (?:ordinato|comprato|acquistato)|(?:wij|we) hebben [^.!?\n]{0,40}\b(?:besteld|gekocht)|(?:comprámos|compramos|encomendámos)|(?:zamówiliśmy|kupiliśmy)|(?:moje|moja|mój|moją) (?:zamówienie|paczk[aię]|przesyłk[aię])|(?:möchte|möchten|würde gern|würden gern)[^.!?\n]{0,40}\b(?:bestellen|kaufen)|(?:quisiera|quisiéramos|me gustaría|nos gustaría) (?:comprar|pedir|encargar)|(?:vorrei|vorremmo) (?:ordinare|comprare|acquistare)|(?:wil|willen|zou graag|zouden graag)[^.!?\n]{0,40}\b(?:bestellen|kopen)|(?:gostaria|gostaríamos|queria|queríamos) de (?:comprar|encomendar)|(?:chciał(?:bym|abym)|chcielibyśmy|chciałybyśmy) (?:zamówić|kupić))\b/iu);

/** First-person singular: customers tell their own story; notices, fake invoices and newsletters speak as "we"/"you". */
const FIRST_PERSON = /(?:^|[\s(])(?:i|i['’]m|i['’]ve|i['’]d|me|my|je|j['’]\p{L}*|m['’]\p{L}*|moi|mon|ma|mes)(?=[\s,.!?)]|$)/giu;

export function firstPersonCount(text: string): number {
  return text.match(FIRST_PERSON)?.length ?? 0;
}

export interface VoiceOptions {
  /** The sender's address is a customer on file. */
  senderIsCustomer?: boolean;
  /** Matches one of the shop's order numbers as a customer writes it (CMD-10234, cmd 10234). */
  orderNumber?: RegExp | null;
}

/** The first reason the text reads as a customer's (or null): a reason string for tests and traces. */
export function customerVoice(text: string, options: VoiceOptions = {}): string | null {
  if (options.senderIsCustomer) return 'sender_is_customer';
  if (options.orderNumber?.test(text)) return 'names_shop_order';
  if (PURCHASE_STORY.test(text)) return 'purchase_story';
  if (BUYER_QUESTION.test(text)) return 'buyer_question';
  if (OTHER_LANGUAGE_STORY.test(text)) return 'purchase_story_other_language';
  if (DELIVERY_REQUEST.test(text)) return 'delivery_request';
  if (DELIVERY_ARRANGEMENT.test(text)) return 'delivery_arrangement';
  if (REPORTED_MESSAGE.test(text)) return 'reported_message';
  return null;
}

/** "CMD-10234", "cmd 10234", "CMD10234" for the shop's prefix and digit count (a digit more or less kept: look-alikes). */
export function orderNumberPattern(prefix: string, digits: number): RegExp {
  const p = prefix.replace(/[^A-Za-z]/g, '');
  return new RegExp(`\\b${p}[-\\s]?\\d{${Math.max(1, digits - 1)},${digits + 1}}\\b`, 'i');
}
