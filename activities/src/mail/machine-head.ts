/**
 * The learned machine-mail head: a logistic regression over the STRUCTURE of an email rather than its wording — who
 * sends it (a role or no-reply local part, a display name that is not a person's, a free-mail or company domain),
 * who speaks in it and to whom (first person vs "we"/"you", a greeting to the shop, a question or a request to the
 * shop), what it carries (links, prices, unsubscribe footers, dates, a returned message, lists of items), and how
 * many families of each notice kind it shows (absence, pitch, bulk, phishing, bounce) even when no family reaches its
 * own rule's bar. The rules of machine-mail.ts stay the floor; the head votes for the mail they let through, and only
 * where no customer's mark is (customer-voice.ts; goods, a fault or money back in any of the shop's languages:
 * notice-structure.ts), the sender is no customer on file and the mail is no forward.
 *
 * Weights: machine-head-weights.ts, written by ml/train-machine-head.ts (run by ml/train-meaning-model.ts) from the
 * labelled corpus and the hand-written paraphrase families of ml/machine-synthetic.ts. Pure.
 */
import type { CleanedBody, MachineKind, ParsedEmail } from '../domain/types';
import { customerVoice, firstPersonCount, type VoiceOptions } from './customer-voice';
import { noticeFamilies } from './out-of-office';
import { phishingVerdict } from './phishing-signals';
import { senderShape, type ShopIdentity } from './sender-shape';
import { bulkFamilies, pitchFamilies } from './spam-signals';
import { calendarLayout, transactionFamilies } from './machine-layout';
import { MACHINE_HEAD } from './machine-head-weights';
import { unicodeWords } from './word-boundary';
import { customerMatter, dateInLanguages, phoneInText, selfAutomatic } from './notice-structure';

export interface MachineHeadWeights {
  version: string;
  bias: number;
  weights: Record<string, number>;
  /** P(machine) at or above which the head suppresses (fitted on out-of-fold predictions: no person above it). */
  threshold: number;
}

export interface MachineHeadInput {
  parsed: ParsedEmail;
  cleaned: CleanedBody;
  shop?: ShopIdentity | null;
  orderNumber?: RegExp | null;
}

/** Role mailboxes: a service or a robot writes from them, rarely a person (a small shop's contact@ may). */
const ROLE_LOCAL = /^(?:info|infos|contact|hello|bonjour|team|equipe|sales|ventes|commercial|marketing|news|newsletters?|digest|updates?|support|service|services|billing|factur\w*|compta\w*|admin|office|reception|accueil|notifications?|notify|alerts?|no[-_.]?reply|noreply|do[-_.]?not[-_.]?reply|ne[-_.]?pas[-_.]?repondre|mailer|postmaster|system|robot|bot|auto\w*|securite|security|account|compte|partners?|partenariats?|press|presse|jobs|rh|hr)(?:[-_.+].*)?$/i;
/** Free-mail providers: where most private customers write from. */
const FREEMAIL = /(?:^|\.)(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|gmx|orange|wanadoo|free|sfr|laposte|bbox|neuf|proton|protonmail|pm|tutanota|zoho|mail|yandex|web|libero|virgilio|btinternet|sky|virginmedia|talktalk)\.[a-z.]{2,6}$/i;
const GREETING = /^\s*(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|dear|good (?:morning|afternoon|evening)|madame|monsieur|mesdames)\b/im;
const SHOP_GREETING = /^\s*(?:bonjour|bonsoir|hello|hi|dear)\b[^\n]{0,30}\b(?:maison lumen|l['’]équipe|team|support|service client)\b/im;
export const REQUEST_TO_SHOP = /\b(?:pourriez[- ]vous|pouvez[- ]vous|pourrais[- ]je|puis[- ]je|est-ce que vous|could you|can you|would you|could i|can i|merci de (?:me|bien vouloir)|je (?:voudrais|souhaite|souhaiterais|aimerais)|i(?:['’]d| would) like|i need|j['’]ai besoin)\b/i;
const WE_YOU = /(?:^|[\s(])(?:we|we['’]re|we['’]ve|our|us|nous|notre|nos|you|your|vous|votre|vos)(?=[\s,.!?)]|$)/giu;
/** A web address, written with its scheme, as www.…, or bare with a path ("shop.example/noel", as plain-text mailers leave them). */
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,12}\/[^\s)>\]"'»]*/gi;
const LINK_HOST = /^(?:https?:\/\/)?(?:www\.)?([^/\s?#:]+)/i;
/** Reported words ("…", « … », "…") and links: a '?' in them is not the writer's question. */
const REPORTED_OR_LINK = /"[^"\n]{3,300}"|“[^”\n]{3,300}”|«[^»\n]{3,300}»|„[^“”\n]{3,300}[“”]/g;
/**
 * A rating scale only survey software lays out: a line of five or more consecutive numbers ("0 1 2 … 10", "1 | 2 | 3 | 4 | 5")
 * or of stars.
 */
const RATING_SCALE = /^[ \t]*(?:(?:\d{1,2}[ \t|·-]+){4,}\d{1,2}|[★☆⭐]{3,}|(?:[★☆⭐][ \t]*){3,})[ \t]*$/m;
/**
 * The writer offers to act for the reader, in a question ("Shall I send you…", "Darf ich Ihnen…", "Zal ik…",
 * "¿Le envío…", "Posso inviarle…", "Voulez-vous que je…"): the grammar of an offer (a modal, the writer as subject, the
 * reader as object), in the languages the shop reads. A customer's question asks the shop to act.
 */
const OFFER_QUESTION = /\b(?:shall i|should i|may i (?:send|share|show|call)|can i (?:send|share|show) you|would you like me to|want me to|do you want me to|shall we (?:set up|schedule|book|arrange)|would (?:a|an) (?:\w+[- ])?(?:call|chat|demo|meeting) (?:make sense|work|be useful)|(?:souhaitez|voulez|désirez)[- ]vous que (?:je|nous)|puis[- ]je vous (?:envoyer|adresser|faire parvenir|appeler|présenter|proposer)|(?:je|nous) (?:peux|pouvons) vous (?:envoyer|adresser|faire parvenir|appeler|présenter|proposer)|darf ich (?:ihnen|dir)|soll ich (?:ihnen|dir)|dürfen wir (?:ihnen|dir)|sollen wir|zal ik|mag ik (?:u|je|jullie)|zullen we|(?:le|les|te) (?:envío|envio|mando|llamo|paso)|¿?quiere que (?:le|les) (?:envíe|mande|llame)|le interesar[íi]a|posso (?:inviarle|inviarvi|mandarle|mandarvi|chiamarla|chiamarvi|prepararle|prepararvi)|vuole che (?:le|vi)|le interesserebbe|vi interesserebbe|posso enviar(?:-lhe|-vos)|quer que (?:lhe|eu) (?:envie|mande|ligue))\b/iu;
/**
 * Someone else's words relayed under a line that introduces them ("Marie commented on the card:", "Un client a posé une
 * question :") and set in quotation marks: how platforms and apps pass a third party's message on.
 */
const RELAYED_QUOTE = /:[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:"[^"\n]{3,400}"|“[^”\n]{3,400}”|«[^»\n]{3,400}»|„[^“”\n]{3,400}[“”])[ \t]*$/m;
/**
 * Goods that reached the writer, said in the past ("arrived cracked", "est arrivée fendue", "ist kaputt angekommen",
 * "llegó rota", "è arrivata", "is gebroken aangekomen", "chegou partida"): a buyer's account. Notices announce an
 * arrival to come; pitches never report one.
 */
const GOODS_ARRIVED = unicodeWords(/\b(?:arrived|came (?:broken|damaged|cracked|chipped|today|yesterday)|turned up (?:broken|damaged|cracked)|(?:est|sont) arrivée?s?|(?:ist|sind) [\p{L} ]{0,30}(?:angekommen|eingetroffen)|kam (?:heute |gestern )?(?:an|kaputt)|llegó|llegaron|ha llegado|han llegado|(?:è|sono) arrivat[oaie]|arrivat[oaie] (?:ieri|oggi|rott)|(?:is|zijn) [\p{L} ]{0,30}(?:aangekomen|gearriveerd|binnengekomen)|chegou|chegaram)\b/iu);
/**
 * The reader addressed as a business, the writer's prospect: the reader's brand, company, customers, sales, reviews,
 * product pages, listings or ads ("your product pages", "vos fiches produits", "Ihre Kunden", "Państwa marka"). A
 * customer speaks of their own order; a seller or a lure of the reader's trade. Not "your shop", "your products", "your
 * site" or "your customer service": customers say all of them ("I came across your shop").
 */
const READER_AS_BUSINESS = unicodeWords(/\b(?:your (?:brand|business|company|product (?:pages?|descriptions?|photos?|listings?)|listings?|customers|clients|sales|revenue|reviews|ratings|ads|advert\w*|catalogu?e|range|packaging|invoices|margins?|conversion\w*|social media|instagram|followers)|(?:votre|vos) (?:marque|entreprise|société|fiches?(?: produits?)?|clients|clientèle|ventes|chiffre d['’]affaires|avis|annonces|publicités|catalogue|gamme|emballages|factures|marges|réseaux sociaux)|(?:su|sus|vuestr[oa]s?|tu|tus) (?:marca|negocio|empresa|fichas|clientes|ventas|reseñas|anuncios|catálogo|envases|facturas)|(?:il vostro|la vostra|i vostri|le vostre|il suo|la sua|i suoi|le sue) (?:marchio|azienda|schede(?: prodotto)?|client[ie]|vendite|recensioni|annunci|catalogo|confezioni|fatture)|(?:ihr|ihre|ihren|ihrem|ihrer|ihres) (?:marke|unternehmen|firma|produktseiten|kunden|umsatz|umsätze|bewertungen|anzeigen|sortiment|verpackung\w*|rechnungen|listings)|(?:uw|jullie) (?:merk|bedrijf|productpagina['’]?s|klanten|verkoop|omzet|reviews|beoordelingen|advertenties|assortiment|verpakking\w*|facturen)|(?:a sua|o seu|os seus|as suas|a vossa|o vosso|os vossos|as vossas|vossa|vosso|vossos|vossas) (?:marca|empresa|clientes|vendas|avaliações|anúncios|catálogo|embalagens|faturas)|(?:państwa|wasz[aey]?|waszego|waszej|twój|twoja|twoje) (?:mark[aię]|firm[aiy]|klient\w*|sprzedaż\w*|opini\w*|reklam\w*|ofert\w*))\b/iu);
/**
 * The writer's clientele as a class: businesses in the plural ("small brands", "les entreprises", "marcas pequeñas",
 * "Händler", "webwinkels", "sklepy internetowe"), as one who sells to them describes their work. A customer names one shop.
 */
const BUSINESSES_PLURAL = unicodeWords(/\b(?:shops|stores|brands|businesses|companies|retailers|merchants|sellers|makers|boutiques|marques|entreprises|commerçants|marchands|e-commerçants|créat(?:eurs|rices)|tiendas|marcas|empresas|negocios|comercios|negozi|marchi|aziende|rivenditori|(?:online-?)?shops|marken|unternehmen|händler(?:n)?|firmen|(?:web)?winkels|merken|bedrijven|ondernemers|lojas|sklep(?:y|ów|ami)|mar(?:ki|ek)|firm(?:y|om|ami)?)\b/iu);
/**
 * An invitation to engage, asked of the reader as a prospect: are they open or interested, may the writer show or send
 * something of theirs ("Would you be open to…", "Seriez-vous partants", "¿Os puedo enseñar…?", "Vi andrebbe…",
 * "Hätten Sie Lust", "Czy byliby Państwo zainteresowani?"). Read in a sentence ending on a question mark.
 */
const PROSPECT_QUESTION = unicodeWords(/\b(?:would you be (?:open|interested|up for|keen|happy to (?:chat|talk|hop))|are you (?:open|interested) (?:to|in)|interested\?|(?:could|can|may) i (?:send|show|share|pass) (?:it|this|them|these|you|a few|some|my)|(?:seriez|êtes|seriez-vous|êtes-vous)[- ]?(?:vous )?(?:intéressée?s?|partante?s?|ouverte?s?|tentée?s?)|(?:os|le|les) (?:puedo|podría|podemos) (?:enseñar|mostrar|mandar|enviar|presentar)|(?:estaría|estarían|estaríais|están|estáis|está) (?:interesad[oa]s?|abiert[oa]s?)|(?:vi|le|ti) (?:andrebbe|interessa|piacerebbe)|(?:vi|le) posso (?:mostrare|mandare|inviare|presentare)|(?:sareste|sarebbe|sarebbero|siete) (?:interessat[ie]|apert[ie]|disponibil[ie])|hätten sie (?:lust|interesse|zeit)|(?:wären|sind) sie (?:interessiert|offen|bereit)|(?:kann|darf) ich ihnen [^?\n]{0,30}(?:zeigen|schicken|senden|vorstellen)|(?:zou|bent|heeft|hebt|staat) (?:u|jij|je|jullie) [^?\n]{0,20}(?:interesse|open|zin|geïnteresseerd)|(?:kan|mag) ik (?:u|jullie|je) [^?\n]{0,30}(?:laten zien|sturen|toesturen)|(?:teria|teriam|estaria|estariam|está|estão) (?:interesse|interessad[oa]s?|disponíve(?:l|is))|posso (?:mostrar|enviar|apresentar)-(?:lhe|vos)|czy (?:byliby|byłby|byłaby|są|jest) (?:państwo|pan|pani) (?:zainteresowan[iya]|otwar(?:ci|ty|ta))|czy mogę (?:przesłać|wysłać|pokazać))/iu);
/** Payment, login or verification asked for: a lure's or a notice's call to act ("pay the fee", "vérifier mon compte", "regularize o pagamento"). */
const PAY_OR_LOGIN = unicodeWords(/\b(?:pay|payment|fee|log ?in|sign ?in|verify|paiement|payer|réglez|régler|règlement|frais|taxe|vérifi\w+|connectez|identifi\w+|zahl\w*|gebühr\w*|anmeld\w*|bestätig\w*|pag(?:ar|o|ue|amento|are|hi)|tasa|taxa|tassa|tarifa|betaal\w*|betaling|inloggen|log in|bevestig\w*|verific\w*|opłat\w*|opłać|opłacić|zapłać|zapłacić|płatnoś\w*|zaloguj\w*|weryfik\w*|regularize|regulariz\w*)\b/iu);
/** A deadline counted in hours ("within 48 hours", "sous 24 h", "nas próximas 48 horas", "binnen 72 uur"): a lure's urgency. */
const HOURS_DEADLINE = /\b\d{1,3} ?(?:h\b|hrs?\b|hours?|heures?|stunden|horas|ore\b|uur|godzin\w*|timmar)/iu;
/** A promotion's code ("code CANDLE20", "mit dem Code GLUT15", "código NAVIDAD"): a capitalised token after the word for code. */
const PROMO_CODE = /\b(?:[Cc]ode|[Cc]odice|[Cc]ódigo|[Kk]od|[Kk]ode|[Gg]utschein(?:code)?|[Rr]abattcode|[Cc]oupon|[Cc]upón|[Cc]upom|[Kk]ortingscode|[Pp]romo(?:code)?|CODE|CODICE|CÓDIGO)\b[^\n]{0,25}?\b[A-Z][A-Z0-9]{3,19}\b/u;
/** Lines holding a price: a price list's or a statement's rows. */
const priceLines = (text: string): number => text.split('\n').filter((l) => /(?:€|£|\$) ?\d|\d(?:[.,]\d{2})? ?(?:€|eur\b|£)/i.test(l)).length;
/** What a buyer asks the shop to grant: a discount, a better or a trade price ("Would you be open to a discount?"). */
const BUYER_ASKS = unicodeWords(/\b(?:discount|reduction|better price|trade price|remise|réduction|rabatt|preisnachlass|descuento|rebaja|sconto|korting|desconto|rabat\w*|zniżk\w*)\b/iu);
const invitation = (sentence: string): boolean => (PROSPECT_QUESTION.test(sentence) || OFFER.test(sentence)) && !BUYER_OFFERS.test(sentence) && !BUYER_ASKS.test(sentence);
/** A question of the writer's that is neither an invitation to the reader as a prospect nor an offer of the writer's own service. */
const writersQuestion = (text: string): boolean => text.split(/(?<=[.!?\n])/).some((sentence) => /\?/.test(sentence) && !invitation(sentence));
/** The text without its invitations and offers ("Could I send it your way?" asks nothing of the shop). */
const withoutInvitations = (text: string): string => text.split(/(?<=[.!?\n])/).filter((sentence) => !invitation(sentence)).join('');
/** Sentences ending on a question that invite the reader as a prospect (PROSPECT_QUESTION). */
const prospectQuestion = (text: string): boolean =>
  text.split(/(?<=[.!?\n])/).some((sentence) => /\?\s*$/.test(sentence) && PROSPECT_QUESTION.test(sentence) && !BUYER_OFFERS.test(sentence) && !BUYER_ASKS.test(sentence));
const FOLD = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const PRICE = /(?:€|£|\$) ?\d+(?:[.,]\d{1,2})?|\b\d+(?:[.,]\d{1,2})? ?(?:€|eur\b|euros?\b|usd\b|gbp\b|£|\$)|\b\d+ ?%/gi;
const UNSUBSCRIBE = /\b(?:unsubscribe|opt[- ]out|manage (?:your )?preferences|se désinscrire|désinscri\w*|désabonne\w*|ne plus recevoir|view (?:it )?(?:in|on) (?:your|the) browser|voir (?:la )?version en ligne|you(?:['’]re| are) receiving this|vous recevez cet)\b/i;
const DATE = /\b\d{1,2}(?:er|st|nd|rd|th)?[ /.](?:\d{1,2}|jan\w*|f[eé]v\w*|feb\w*|mar\w*|avr\w*|apr\w*|mai|may|juin|june?|juil\w*|july?|ao[uû]t|aug\w*|sep\w*|oct\w*|nov\w*|d[eé]c\w*)\b|\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|june|july|august|september|october|november|december) \d{1,2}\b|\b(?:lundi|mardi|mercredi|jeudi|vendredi|monday|tuesday|wednesday|thursday|friday)\b/gi;
const BULLETS = /^[ \t]*(?:[-•*▪►✓]|\d{1,2}[.)])[ \t]+\S/gm;
const RETURNED_MESSAGE = /^[ \t>]*(?:-{2,} ?(?:original message|message d['’]origine|message original|forwarded message|message transféré)|(?:original message headers|en-têtes du message d['’]origine|message d['’]origine)\s*:?$|(?:subject|objet|to|à|from|de|date)\s*:[^\n]*\n[ \t>]*(?:subject|objet|to|à|from|de|date)\s*:)/im;
const SMTP_CODE = /\b[245]\d\d[ -][245]\.\d\.\d{1,3}\b|\b[245]\.\d\.\d{1,3}\b|\b(?:smtp|mx\d?|mta|host)\b[^\n]{0,40}\b(?:said|says|returned|rejected)\b/i;
const SIGN_OFF_COMPANY = /^[ \t]*(?:the |l['’]équipe |team )?[\p{L}&' -]{2,40}(?: team| équipe|\s(?:agency|studio|ltd|llc|inc|sas|sarl|gmbh|group|groupe|consulting))\s*$|^[ \t]*(?:head of|ceo|founder|fondat\w+|directeur|directrice|manager|consultant|responsable)\b/imu;
const MOBILE_FOOTER = /\b(?:sent from my (?:iphone|ipad|android|samsung|phone|mobile)|envoyé (?:de|depuis) mon (?:iphone|ipad|mobile|téléphone|smartphone))\b/i;
const ABSENCE_WORDS = /\b(?:absente?|congés?|vacances|leave|holiday|vacation|away|travell?ing|déplacement|out of (?:the )?office|hors du bureau|retour|return|back)\b/i;
const REPLY_SUBJECT = /^\s*(?:re|réf|aw|sv|antw|r|rif)\s*:/i;
const FORWARD_SUBJECT = /^\s*(?:fwd?|tr|fw|wg|rv)\s*:/i;

/** The reader's mail as a whole, as notices speak of it: "vos messages", "all emails", "my inbox", "ma messagerie". */
const GENERIC_MAIL = /\b(?:vos|tous les|toutes les|les|mes) (?:messages|e-?mails|mails|courriels|demandes)\b|\b(?:all|any|your|incoming|my) (?:e-?mails|messages|mail|inbox|mailbox)\b|\b(?:ma|notre) (?:messagerie|boîte (?:mail|de réception))\b|\bnachrichten\b|\bposteingang\b/i;
/** A notice's first words: thanks for a message received (customers thank for an answer, a parcel, help). */
const THANKS_FOR_MESSAGE = /^\s*(?:(?:bonjour|hello|hi)[ ,!]*\n?\s*)?(?:merci (?:beaucoup )?(?:de|pour) votre (?:message|e-?mail|mail|courriel)|thank you for your (?:e-?mail|message|note)|thanks for your (?:e-?mail|message|note)|many thanks for your (?:e-?mail|message)|vielen dank für ihre (?:nachricht|e-?mail)|grazie per (?:il suo|la sua|il tuo) (?:messaggio|e-?mail)|gracias por su (?:mensaje|correo))\b/i;
/** Words of automatic answers and absences in a subject, in several languages. */
const SUBJECT_AUTO = /\b(?:auto(?:matic|matique|matische|matica|mática)?|absen(?:ce|t|te|z)|abwesen\w*|out of (?:the )?office|ooo|away|congés?|vacances?|vacation|holiday|fermeture|closed|ferie|urlaub)\b/i;
/** A quote's attribution line ("On Wed, … John <john@…> wrote"): the address in it is the quoted writer's, not a referral. */
const ATTRIBUTION_LINE = /^[^\n]*\b(?:wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu)\b[^\n]*$/gim;
const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Short lines without a sentence's end: the headings of a bulletin or a brochure. */
const headingLines = (text: string): number => text.split('\n').filter((l) => { const t = l.trim(); return t.length >= 12 && t.length <= 80 && !/[.!?:,;]$/.test(t) && !/^(?:>|https?:)/.test(t) && /^\p{Lu}/u.test(t); }).length;

const OFFER = unicodeWords(OFFER_QUESTION);
/** What a buyer offers the shop: a photo or a video of what went wrong, or the goods sent back. */
const BUYER_OFFERS = unicodeWords(/\b(?:photos?|pictures?|pics?|images?|videos?|vid[eé]os?|fotos?|fotografias?|bilder?|back|return|retour|renvoy\w*|retourn\w*|zurück\w*|devolv\w*|devuelv\w*|restitu\w*|rimand\w*|terug\w*|retorn\w*)\b/iu);
/** The writer offers something of their own (material, a call, a service), not a buyer's photo or return. */
const offersOwnService = (text: string): boolean =>
  text.split(/(?<=[.!?\n])/).some((sentence) => OFFER.test(sentence) && !BUYER_OFFERS.test(sentence));

/**
 * Links that send the reader somewhere off the shop's domains: to a page (a path: "/noel", "/apply?ref=…") or to another
 * domain than the sender's. A firm's home page under a person's signature ("www.their-firm.example") is no such link.
 */
function offsiteLinks(text: string, shopDomains: readonly string[], senderDomain: string): number {
  const own = shopDomains.filter(Boolean).map((d) => d.toLowerCase().replace(/^www\./, ''));
  const sender = senderDomain.split('.').slice(-2).join('.');
  return (text.match(LINK) ?? []).filter((l) => {
    const host = (LINK_HOST.exec(l)?.[1] ?? '').toLowerCase();
    if (!host || own.some((d) => host === d || host.endsWith(`.${d}`))) return false;
    const page = /^[^/\s]+\/[^\s]*[\w?=]/.test(l.replace(/^https?:\/\//i, ''));
    return page || (sender !== '' && !host.endsWith(sender));
  }).length;
}

/**
 * The sender's own organisation named in the text as its subject ("Shipwell runs two warehouses", "Wohnwerk ist der
 * Marktplatz"): a part of a company domain (not a free-mail one) of five letters or more, as a word of the text. A
 * firm presents itself; a person writing from a firm's address tells what they need.
 */
function senderOrganisationInText(text: string, domain: string, freemail: boolean): boolean {
  if (!domain || freemail) return false;
  const labels = new Set(domain.split('.').slice(0, -1).flatMap((l) => [l.replace(/[-_]/g, ''), ...l.split(/[-_]/)]).filter((p) => p.length >= 5 && /^[a-z]+$/.test(p)));
  if (!labels.size) return false;
  // written as a name (capitalised), alone or as a run of up to three words ("Fattura Facile" → fatturafacile)
  const words = text.split(/[^\p{L}]+/u).filter(Boolean);
  return words.some((w, i) => /^\p{Lu}/u.test(w) && [1, 2, 3].some((n) => i + n <= words.length && labels.has(FOLD(words.slice(i, i + n).join('')))));
}

const log1 = (n: number): number => Math.log1p(n);
const count = (re: RegExp, text: string): number => text.match(re)?.length ?? 0;

/** The head's inputs by name (a missing name is 0). Reads the sender's own text and footers, not the quoted history. */
export function machineFeatures(input: MachineHeadInput): Record<string, number> {
  const { parsed, cleaned } = input;
  const own = (cleaned.clean || parsed.text.slice(0, 4000)).slice(0, 4000);
  const withFooters = cleaned.signature ? `${own}\n${cleaned.signature}` : own;
  const whole = parsed.text.slice(0, 6000);
  const from = parsed.from?.address ?? '';
  const [local = '', domain = ''] = from.toLowerCase().split('@');
  const name = (parsed.from?.name ?? '').trim();
  const nameWords = name.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 2);
  const shape = senderShape(parsed, input.shop ?? null);
  const phishing = phishingVerdict(`${parsed.subject}\n${withFooters}`, shape);
  const words = own.split(/\s+/).filter(Boolean).length;
  // the subject carries a document's reference as often as its text ("Facture n° FA-2026-0812")
  const transaction = transactionFamilies(`${parsed.subject}\n${withFooters}`, input.orderNumber ?? null);
  const ownWords = own.replace(REPORTED_OR_LINK, ' ').replace(LINK, ' ');
  const offsite = offsiteLinks(withFooters, input.shop?.domains ?? [], domain);
  const f: Record<string, number> = {
    role_local: ROLE_LOCAL.test(local) ? 1 : 0,
    freemail: FREEMAIL.test(domain) ? 1 : 0,
    // a person's name is in their address (marie.dupont@, mdupont@); a brand's or a service's is not
    name_in_address: nameWords.some((w) => local.replace(/[^a-z]/g, '').includes(w.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))) ? 1 : 0,
    no_display_name: name ? 0 : 1,
    display_name_not_person: name && !/^[\p{Lu}][\p{L}'-]+(?: [\p{Lu}][\p{L}'.-]*){1,2}$/u.test(name) ? 1 : 0,
    greeting: GREETING.test(own) ? 1 : 0,
    greeting_to_shop: SHOP_GREETING.test(own) ? 1 : 0,
    first_person: log1(firstPersonCount(own)),
    we_you: log1(count(WE_YOU, own)),
    // the writer's own question to the shop: not an invitation to engage or an offer to act for the reader (a pitch's close)
    question: writersQuestion(ownWords) ? 1 : 0,
    request_to_shop: REQUEST_TO_SHOP.test(withoutInvitations(own)) ? 1 : 0,
    customer_voice: customerVoice(`${parsed.subject}\n${own}`, { orderNumber: input.orderNumber ?? null } satisfies VoiceOptions) ? 1 : 0,
    // goods, a fault, money back, goods that never came, in the shop's languages (notice-structure.ts): a gate, like customer_voice
    customer_matter: customerMatter(own) ? 1 : 0,
    links: log1(count(LINK, withFooters)),
    // links leaving the shop's domains: where a promotion, a pitch or a lure sends the reader
    offsite_links: log1(offsite),
    rating_scale: RATING_SCALE.test(own) ? 1 : 0,
    relayed_quote: RELAYED_QUOTE.test(own) ? 1 : 0,
    goods_arrived: GOODS_ARRIVED.test(ownWords) ? 1 : 0,
    offer_question: offersOwnService(ownWords) ? 1 : 0,
    sender_org_in_text: senderOrganisationInText(own, domain, FREEMAIL.test(domain)) ? 1 : 0,
    // who is addressed: the reader as a business (a prospect, a seller with an account), not as the writer's seller
    reader_as_business: READER_AS_BUSINESS.test(ownWords) ? 1 : 0,
    businesses_plural: BUSINESSES_PLURAL.test(ownWords) ? 1 : 0,
    prospect_question: prospectQuestion(own.replace(REPORTED_OR_LINK, ' ')) ? 1 : 0,
    // a request to pay or log in somewhere else: the words of it with a link off the shop, and a deadline in hours
    pay_elsewhere: offsite > 0 && PAY_OR_LOGIN.test(withFooters) ? 1 : 0,
    hours_deadline: HOURS_DEADLINE.test(own) ? 1 : 0,
    promo_code: PROMO_CODE.test(withFooters) ? 1 : 0,
    price_lines: log1(priceLines(own)),
    foreign_links: log1(shape.foreignLinks),
    action_links: shape.actionLinks > 0 ? 1 : 0,
    lookalike_sender: shape.lookalikeOfShop || shape.lookalikeOfBrand || shape.claimsBrandName || shape.claimsShopName || shape.lookalikeLink ? 1 : 0,
    prices: log1(count(PRICE, withFooters)),
    unsubscribe: UNSUBSCRIBE.test(`${withFooters}\n${whole.slice(-1500)}`) ? 1 : 0,
    dates: log1(count(DATE, own)),
    absence_words: ABSENCE_WORDS.test(own) ? 1 : 0,
    // a notice's structure in the other languages (notice-structure.ts): a date, a phone number to turn to, the text calling itself automatic
    date_in_languages: dateInLanguages(own) ? 1 : 0,
    phone_in_text: phoneInText(own) ? 1 : 0,
    self_automatic: selfAutomatic(`${parsed.subject}\n${withFooters}`) ? 1 : 0,
    bullets: log1(count(BULLETS, own)),
    returned_message: RETURNED_MESSAGE.test(whole) ? 1 : 0,
    smtp_code: SMTP_CODE.test(whole) ? 1 : 0,
    company_sign_off: SIGN_OFF_COMPANY.test(withFooters) ? 1 : 0,
    mobile_footer: MOBILE_FOOTER.test(whole) ? 1 : 0,
    reply_subject: REPLY_SUBJECT.test(parsed.subject) ? 1 : 0,
    forward_subject: FORWARD_SUBJECT.test(parsed.subject) ? 1 : 0,
    in_reply_to: parsed.inReplyTo || parsed.references.length ? 1 : 0,
    short_text: words < 25 ? 1 : 0,
    long_text: words > 150 ? 1 : 0,
    generic_mail: GENERIC_MAIL.test(own) ? 1 : 0,
    thanks_for_message: THANKS_FOR_MESSAGE.test(own) ? 1 : 0,
    subject_auto: SUBJECT_AUTO.test(parsed.subject) ? 1 : 0,
    // an address in the text that is not the sender's: a notice or a pitch pointing elsewhere
    other_address: (withFooters.replace(ATTRIBUTION_LINE, ' ').match(EMAIL_ADDRESS) ?? []).some((a) => a.toLowerCase() !== from.toLowerCase() && !/maison-lumen/i.test(a)) ? 1 : 0,
    we_count: log1(count(/(?:^|[\s(])(?:we|we['’]re|we['’]ve|our|us|nous|notre|nos)(?=[\s,.!?)]|$)/giu, own)),
    heading_lines: log1(headingLines(own)),
    notice_families: noticeFamilies(own.replace(/’/g, "'")).length,
    pitch_families: pitchFamilies(parsed.subject, withFooters).length,
    bulk_families: bulkFamilies(withFooters, local, parsed.html).length,
    phishing_cues: phishing ? Math.min(phishing.reasons.length, 6) : 0,
    // layouts software writes: an event's fields, a document's reference and ledger (machine-layout.ts)
    calendar_layout: calendarLayout(parsed, whole) ? 1 : 0,
    ...Object.fromEntries(['ledger', 'document_ref', 'document_words'].map((k) => [k, transaction.includes(k) ? 1 : 0])),
  };
  return f;
}

export function machineProbability(features: Record<string, number>, head: MachineHeadWeights = MACHINE_HEAD): number {
  let z = head.bias;
  for (const [k, v] of Object.entries(features)) z += (head.weights[k] ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}

/** What kind of machine mail the head saw, from the family that shows most (a head's vote still needs a kind). */
export function machineKindOf(f: Record<string, number>): MachineKind {
  if (f.smtp_code || (f.returned_message && !f.first_person)) return 'bounce';
  const ranked: [MachineKind, number][] = [
    ['auto_reply', (f.notice_families ?? 0) + (f.absence_words ?? 0)],
    ['spam', (f.pitch_families ?? 0) + (f.phishing_cues ?? 0)],
    ['newsletter', (f.bulk_families ?? 0) + (f.unsubscribe ?? 0)],
  ];
  ranked.sort((a, b) => b[1] - a[1]);
  return ranked[0]![1] > 0 ? ranked[0]![0] : 'system';
}

/**
 * How much of a machine's own content the mail shows: families of absence, pitch, bulk and phishing cues, a server's
 * code, an unsubscribe footer. The head weighs who sends and who speaks, but never votes on the sender's shape alone:
 * a person at a firm's mailbox writes like one (no "I", no question) and is still a person.
 */
export function machineEvidence(f: Record<string, number>): number {
  return (f.notice_families ?? 0) + (f.pitch_families ?? 0) + (f.bulk_families ?? 0) + Math.min(f.phishing_cues ?? 0, 2) + 2 * (f.smtp_code ?? 0)
    + (f.unsubscribe ?? 0) + (f.thanks_for_message ?? 0) + (f.subject_auto ?? 0) + (f.other_address ?? 0) + (f.generic_mail ?? 0)
    + ((f.heading_lines ?? 0) >= Math.log1p(3) ? 1 : 0)
    + 2 * (f.calendar_layout ?? 0) + (f.ledger ?? 0) + (f.document_words && (f.document_ref || f.ledger) ? 1 : 0)
    + ((f.offsite_links ?? 0) > 0 ? 1 : 0) + 2 * (f.rating_scale ?? 0) + (f.relayed_quote ?? 0) + (f.offer_question ?? 0) + (f.sender_org_in_text ?? 0)
    + noticeStructure(f)
    + (f.reader_as_business ?? 0) + (f.businesses_plural ?? 0) + (f.prospect_question ?? 0) + (f.pay_elsewhere ?? 0) + (f.promo_code ?? 0) + ((f.price_lines ?? 0) >= Math.log1p(3) ? 1 : 0);
}

/**
 * A notice's structure where the writer asks nothing (no question, no request): a date (an absence's span, a receipt's
 * day), a contact to turn to instead (a phone number, when no other address already counts), the text calling itself
 * automatic. A customer who mentions an absence or an automatic reply asks or complains: none of it counts then.
 */
function noticeStructure(f: Record<string, number>): number {
  if (f.question || f.request_to_shop || f.customer_matter) return 0;
  return ((f.dates ?? 0) > 0 || f.date_in_languages ? 1 : 0) + (f.phone_in_text && !f.other_address ? 1 : 0) + (f.self_automatic ?? 0);
}

/**
 * Goods, a fault or money back (notice-structure.ts) with nothing of a seller's or a lure's content: a customer's text,
 * whatever notice it also resembles (an absence, a ticket, an automatic reply). Pitches and promotions speak of goods
 * too, but with their families, prices sent elsewhere, codes, offers and invitations.
 */
export function customersMatterAlone(f: Record<string, number>): boolean {
  if (!f.customer_matter) return false;
  const seller = (f.pitch_families ?? 0) + (f.bulk_families ?? 0) + (f.phishing_cues ?? 0) + (f.promo_code ?? 0) + (f.pay_elsewhere ?? 0) + (f.offer_question ?? 0)
    + (f.prospect_question ?? 0) + (f.reader_as_business ?? 0) + (f.businesses_plural ?? 0) + (f.unsubscribe ?? 0) + ((f.offsite_links ?? 0) > 0 ? 1 : 0);
  return seller === 0;
}

export interface MachineHeadVote { probability: number; kind: MachineKind; features: Record<string, number> }

/**
 * The head's vote on mail the rules let through, or null when it may not vote: the text reads as a customer's, the
 * sender is a customer on file, the mail is a forward (its text is someone else's). Suppression only at or above the
 * fitted threshold, and with two pieces of a machine's content at least (machineEvidence).
 */
export function machineHeadVote(input: MachineHeadInput & { senderIsCustomer?: boolean }, head: MachineHeadWeights = MACHINE_HEAD): MachineHeadVote | null {
  if (input.senderIsCustomer || FORWARD_SUBJECT.test(input.parsed.subject)) return null;
  // the customer's mark first (cheap), as machineFeatures reads it: most mail stops here
  const own = (input.cleaned.clean || input.parsed.text.slice(0, 4000)).slice(0, 4000);
  if (customerVoice(`${input.parsed.subject}\n${own}`, { orderNumber: input.orderNumber ?? null })) return null;
  const features = machineFeatures(input);
  if (features.customer_voice || customersMatterAlone(features) || machineEvidence(features) < 2) return null;
  const probability = machineProbability(features, head);
  return probability >= head.threshold ? { probability, kind: machineKindOf(features), features } : null;
}
