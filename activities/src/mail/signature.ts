/**
 * Finds where the writer's own text ends in a reply with the history already removed: the signature
 * delimiter ("-- "), mobile footers ("Sent from my iPhone", "Envoyé de mon iPhone"), legal and "think before
 * printing" disclaimers, and the name / title / phone / address block after a closing formula ("Kind
 * regards,", "Cordialement,"). The closing formula itself stays in the text; the writer's name does not.
 */

export interface SignatureSplit {
  body: string[];
  signature: string[];
  /**
   * Where the signed text ends: after the writer's sign-off (closing formula, name, contact block), before a
   * "-- " block, a mobile footer, a disclaimer or a bulk-mail link footer. `lines.slice(0, signedEnd)`.
   */
  signedEnd: number;
  /**
   * The text up to the writer's name when the writer wrote on below it (a postscript or an afterthought under the name:
   * "Cordialement,\nMarc\n\nP.S. …"): `body` keeps that text for the checks that read what the customer said; the
   * labelled clean body stops before the name (emails-dev README). Absent when nothing follows the name.
   */
  beforeName?: string[];
  /**
   * What a closing line carried after its formula when it was cut as the name but is not only the writer's own name
   * ("Thanks, Lawyer Copied", "… ? Thanks – Hannah, Trading Standards"): the writer's words, which the risk floors read
   * (CleanedBody.ownTextSetAside). Absent when the cut words are the writer's own name words.
   */
  closingTail?: string;
}

const DELIMITER = /^[ \t]*(?:--|-- |—)[ \t]*$/;
/** Rules drawn by hand above a signature: only when what follows is short and signature-like. */
const WEAK_DELIMITER = /^[ \t]*(?:_{2,}|-{3,}|={3,}|\*{3,})[ \t]*$/;

const MOBILE_FOOTER = new RegExp(
  '^[ \\t]*(?:' +
    [
      'sent (?:from|with|via|using) (?:my |the |mobile |)?[\\p{L}\\p{N} .,&\'-]{0,60}',
      'sent on the go', 'sent from outlook', 'get [\\p{L}\\p{N} .-]{1,30} for (?:ios|android|iphone|ipad|mac|windows)', 'envoyé (?:de|depuis|à partir de|à partir d[\'’]|avec|via) ?[\\p{L}\\p{N} .,&\'-]{0,60}',
      'envoye (?:de|depuis) [\\p{L}\\p{N} .,&\'-]{0,60}', 'télécharge[zr] outlook pour (?:ios|android)', 'obten(?:ez|ir) outlook pour (?:ios|android)',
      'gesendet (?:von|mit|vom|über|via) [\\p{L}\\p{N} .,&\'-]{0,60}', 'von meinem [\\p{L}\\p{N} .-]{0,40} gesendet', 'inviato (?:da|dal|dallo|dalla|con|tramite|via) [\\p{L}\\p{N} .,&\'-]{0,60}',
      'enviad[oa] (?:desde|de|do|da|con|com|pelo|pela|via|vía) [\\p{L}\\p{N} .,&\'-]{0,60}', 'verzonden (?:vanaf|met|van) [\\p{L}\\p{N} .,&\'-]{0,60}', 'verstuurd (?:vanaf|met|via|van) [\\p{L}\\p{N} .,&\'-]{0,60}',
      'wysłane z [\\p{L}\\p{N} .,&\'-]{0,60}', 'skickat från [\\p{L}\\p{N} .,&\'-]{0,60}', 'sendt fra [\\p{L}\\p{N} .,&\'-]{0,60}', 'lähetetty [\\p{L}\\p{N} .,&\'-]{0,60}',
      'отправлено (?:с|из) [\\p{L}\\p{N} .,&\'-]{0,60}', 'надіслано з [\\p{L}\\p{N} .,&\'-]{0,60}', 'odesláno z [\\p{L}\\p{N} .,&\'-]{0,60}',
      'odoslané z [\\p{L}\\p{N} .,&\'-]{0,60}', 'poslano (?:iz|z|s) [\\p{L}\\p{N} .,&\'-]{0,60}', 'trimis de pe [\\p{L}\\p{N} .,&\'-]{0,60}',
      '[\\p{L}\\p{N} .\'-]{1,40} gönderildi', '[\\p{L}\\p{N} .-]{1,40}から送信', '(?:从|從)我的 ?[\\p{L}\\p{N} .-]{1,40}(?:发送|發送)',
      '(?:通过|透過) ?[\\p{L}\\p{N} .-]{1,40}(?:发送|傳送|發送)',
    ].join('|') +
    ')[ \\t]*(?:<[^>]*>)?[ \\t.!]*$',
  'iu',
);

/** Devices and mail apps named in footers ("Sent from my desk, …" is a sentence, not a footer). */
const DEVICE =
  /iphone|ipad|ipod|android|mobile|phone|smartphone|cell|galaxy|samsung|blackberry|huawei|xiaomi|pixel|nokia|htc|motorola|oneplus|tablet|device|outlook|gmail|yahoo|mail|airmail|sparrow|windows|aol|proton|spark|k-9|bluemail|edison|mailbox|zoho|yandex|orange|sfr|laposte|appareil|téléphone|portable|handy|telefon|móvil|cellulare|telefoon|tel[eé]fono|dispositivo|dispositif|gerät|toestel|apparaat|tablette/i;

/** "Sent from my Wiko RIDGE FAB 4G": a device we do not list, named in capitals and digits after "my" / "mon". */
const NAMED_DEVICE = /^[ \t]*(?:sent from my|envoyé (?:de|depuis) mon|gesendet von meinem|inviato dal mio|inviato dal mio dispositivo|enviado desde mi|enviado do meu|verzonden (?:vanaf|met) mijn|verstuurd vanaf mijn)[ \t]+(.+?)[ \t.!]*$/iu;

function isMobileFooter(line: string): boolean {
  if (!MOBILE_FOOTER.test(line)) return false;
  const firstSegment = line.split(/[,;]|\.\s/)[0] ?? line;
  if (DEVICE.test(firstSegment) || line.trim().split(/\s+/).length <= 5) return true;
  const device = line.match(NAMED_DEVICE)?.[1]?.split(/\s+/) ?? [];
  return device.length > 0 && device.length <= 5 && device.every((w) => /^[\p{Lu}\p{N}][\p{L}\p{N}+-]*$/u.test(w));
}

const DISCLAIMER =
  /\b(?:confidential(?:ity)?|intended (?:solely |only )?for the (?:use of the )?(?:addressee|recipient|individual)|if you (?:have received|are not the intended)|received this (?:e-?mail|message|communication) in error|disclaimer|legally privileged|registered in england|registered office|company registration|strictement confidentiel|confidentiel(?:le)?s?\b|à l['’]intention exclusive|destinataire(?:s)? (?:exclusif|désigné)|si vous (?:avez reçu|n['’]êtes pas le destinataire)|reçu (?:ce|cet) (?:message|e-?mail|courriel) par erreur|pensez à l['’]environnement|before printing|avant d['’]imprimer|respectez l['’]environnement|vertraulich|riservat[oa]|confidencial|(?:to|click here to|you can|you may) unsubscribe|unsubscribe (?:here|from (?:this|these|our)|at any time)|se désinscrire\s*:|pour (?:vous )?(?:désinscrire|désabonner)|you (?:are receiving|received) this|vous recevez (?:cet|ce) (?:e-?mail|message|courriel)|mailing list (?:--|for|of)\b)/i;

/** Footers short enough to be recognised by their wording alone. */
const SHORT_FOOTER = /pensez à l['’]environnement|before printing|avant d['’]imprimer|respectez l['’]environnement|^\W*(?:confidentiality notice|disclaimer)\b/i;

/** The word alone ("confidential"), without the boilerplate around it ("intended for the addressee", "received in error"). */
const CONFIDENTIAL_WORD = /\b(?:confidential(?:ity)?|confidentiel(?:le)?s?|strictement confidentiel|vertraulich|riservat[oa]|confidencial)\b/gi;

/** The writer speaking for themself: "I", "my", "je", "j'", "mon"… Legal boilerplate is impersonal. */
const FIRST_PERSON = /(?<![\p{L}])I(?:['’](?:m|ll|ve|d))?(?![\p{L}])|(?<![\p{L}])(?:my|me|je|j['’]|moi|mon|ma)(?![\p{L}])/u;
const FIRST_PERSON_ANY_CASE = /(?<![\p{L}])(?:my|me|je|j['’]|moi|mon|ma)(?![\p{L}])/iu;

function speaksInFirstPerson(text: string): boolean {
  return FIRST_PERSON.test(text) || FIRST_PERSON_ANY_CASE.test(text);
}

/**
 * Boilerplate, not a customer's sentence: "This is confidential, keep it between us." is not a disclaimer, nor is
 * "I need this done today, it's urgent and confidential": the bare word counts only in impersonal text.
 */
/**
 * What antivirus programs and mail gateways append: "Garanti sans virus. www.avast.com", "Cet e-mail a été vérifié
 * par le logiciel antivirus d'Avast.", "This email has been scanned by the Symantec Email Security.cloud service."
 */
const ANTIVIRUS_FOOTER =
  /\bvirus[- ]free\b|garanti sans virus|\bwww\.(?:avast|avg)\.com\b|absence de virus|\b(?:checked|scanned|vérifié|vérifiée|analysé|analysée|contrôlé|geprüft|comprobado|controllato)\b[^.\n]{0,80}(?:\bvirus|viren\b|antivirus|anti-virus|malware|dangerous content|email security)/i;
const MAX_ANTIVIRUS_WORDS = 40;
/** A footer speaks to no one: a question, or a "you" / "we" in it, is someone writing about their antivirus. */
const ADDRESSES_SOMEONE = /\?|(?<![\p{L}])(?:you|your|we|our|us|vous|votre|vos|nous|notre|nos|tu|ton|ta|tes)(?![\p{L}])/iu;

/**
 * A legal notice worded without the listed phrases, known by its shape: it speaks of the message itself in the third
 * person ("This e-mail and any files…", "ce courriel et ses pièces jointes", "diese E-Mail") and of who may use, copy
 * or keep it, in two or more such words, impersonally and without a question.
 */
const MESSAGE_ITSELF =
  /(?<![\p{L}])(?:this (?:e-?mail|message|communication|transmission)|(?:ce|cet|le présent) (?:message|e-?mail|courriel|mail)|diese (?:e-?mail|nachricht)|(?:questo|il presente) messaggio|(?:este|el presente) (?:mensaje|correo))(?![\p{L}])/iu;
const USE_OF_MESSAGE =
  /(?<![\p{L}])(?:use|disclos\p{L}*|copy|copying|distribut\p{L}*|disseminat\p{L}*|prohibited|unauthori[sz]ed|addressee\p{L}*|recipients?|liability|utilisation|diffusion|divulgation|copie|interdite?s?|destinataires?|expéditeur|détruire|supprimer|responsabilité|weitergabe|kopieren|adressat\p{L}*|empfänger|absender|vernichten|löschen|destinatari[oa]?|mittente|divulgazione|vietat[oa]|destinatario|remitente|prohibid[oa])(?![\p{L}])/giu;
const MIN_NOTICE_WORDS = 20;

/** A writer speaking for their company ("we", "our", "nous"): a customer's text, not a notice's third person. */
const FIRST_PERSON_PLURAL = /(?<![\p{L}])(?:[Ww]e|[Oo]urs?|[Nn]ous|[Nn]otre|[Nn]os|us)(?![\p{L}])/u; // "us", not "US"

function isLegalNotice(paragraph: string): boolean {
  if (paragraph.trim().split(/\s+/).length < MIN_NOTICE_WORDS || /\?/.test(paragraph) || !MESSAGE_ITSELF.test(paragraph)) return false;
  const uses = new Set((paragraph.match(USE_OF_MESSAGE) ?? []).map((w) => w.toLowerCase()));
  return uses.size >= 2 && !speaksInFirstPerson(paragraph) && !FIRST_PERSON_PLURAL.test(paragraph);
}

/** Disclaimer wording in a line or paragraph: the listed phrases, or a legal notice's shape. */
function hasDisclaimerWording(text: string): boolean {
  return DISCLAIMER.test(text) || isLegalNotice(text);
}

function isDisclaimer(paragraph: string): boolean {
  if (isLegalNotice(paragraph)) return true;
  if (
    ANTIVIRUS_FOOTER.test(paragraph) &&
    paragraph.trim().split(/\s+/).length <= MAX_ANTIVIRUS_WORDS &&
    !speaksInFirstPerson(paragraph) &&
    !ADDRESSES_SOMEONE.test(paragraph)
  ) {
    return true;
  }
  if (!DISCLAIMER.test(paragraph) || (paragraph.trim().split(/\s+/).length < 14 && !SHORT_FOOTER.test(paragraph))) return false;
  return DISCLAIMER.test(paragraph.replace(CONFIDENTIAL_WORD, ' ')) || !speaksInFirstPerson(paragraph);
}

/**
 * The notices that close automated and bulk mail: "please do not reply", "this is an automated message", "you are
 * receiving this because…", "Unsubscribe: …", "Pour ne plus recevoir cette lettre…", "Ceci est un message
 * automatique". Never in the writer's own voice: "Please unsubscribe me" and "je ne veux plus recevoir vos
 * offres" are requests, and stay.
 */
/** "… à ce message", "… directement", or nothing more ("Merci de ne pas répondre avec un modèle" is a customer's). */
const FR_TO_THIS_MESSAGE = "(?: directement)?(?: (?:à|a) (?:ce|cet|cette) (?:e-?mail|message|courriel|mail|adresse|notification))?[ \\t]*(?:[.,;)–-]|$)";

const AUTOMATED_NOTICE = new RegExp(
  '(?:' +
    [
      // do not reply / not monitored
      // "do not reply" to this message, or nothing more: "Don't reply with a template" is a customer's demand
      "(?:do not|don['’]t) (?:reply|respond)(?: directly)?(?: to (?:this|the|these) (?:e-?mails?|messages?|address(?:es)?|notifications?|notices?))?[ \\t]*(?:[.,;)–-]|$)",
      '(?:replies|responses) (?:to (?:this|these) (?:e-?mails?|messages?|address(?:es)?) )?(?:are|will) not (?:be )?(?:monitored|read|answered|seen)',
      '(?:this|the) (?:mailbox|address|inbox|e-?mail address) is (?:not|un)monitored',
      '(?:this|it) is an? (?:automated|automatic|auto-?generated|automatically generated|system[- ]generated|unattended) (?:message|e-?mail|notification|notice|reply|response|mailbox)',
      '(?:this|the) (?:message|e-?mail|notification|notice) (?:was|has been|is) (?:sent|generated|created) automatically',
      '(?:sent|generated) automatically by',
      `(?:(?:merci de|veuillez|prière de|nous vous remercions de) ne (?:pas|jamais) (?:y )?répondre|ne (?:y )?répondez pas|^[ \\t]*ne pas (?:y )?répondre)${FR_TO_THIS_MESSAGE}`,
      '(?:notification-only|send-only|no-?reply|unattended) (?:e-?mail )?address',
      '(?:cannot|can[\'’]t|does not|doesn[\'’]t) (?:accept|receive) (?:incoming )?(?:e-?mails?|replies|messages|responses)',
      'ne (?:peut|pouvant) (?:pas )?recevoir de (?:réponses?|messages?|courriels?|e-?mails?)',
      '(?:ceci|ce message|cet e-?mail|ce courriel|ce mail|cette notification) (?:est|a été) (?:un (?:message|e-?mail|courriel|mail) )?(?:automatique|généré automatiquement|envoyé automatiquement|envoyée automatiquement)',
      "(?:cette adresse|cette boîte)(?: e-?mail| de messagerie)? n['’]est (?:ni )?pas (?:surveillée|consultée|lue)",
      '(?:les )?réponses (?:à (?:ce|cet) (?:message|e-?mail|courriel) )?ne sont pas (?:lues|traitées|surveillées|consultées)',
      // why you receive it
      "you(?:['’]re| are) receiving (?:this|these)",
      'you (?:have )?(?:received|receive|got|get) this (?:e-?mail|message|newsletter|notification|notice|mailing) (?:because|as|since)',
      'this (?:e-?mail|message|newsletter) (?:is|was) sent to you (?:because|as|since)',
      '(?:this|the) (?:e-?mail|message|newsletter) was sent to \\S+@',
      '(?:vous recevez|vous avez reçu) (?:cet|ce|cette|la présente) (?:e-?mail|message|courriel|lettre|newsletter|mail|notification)',
      // opting out
      'unsubscribe[ \\t]*(?::|$|here|from (?:this|these|our|the)|at any time)',
      '(?:to|click here to|you (?:can|may)) unsubscribe',
      '(?:manage|update|change) (?:your )?(?:e-?mail |notification |subscription |communication )?(?:preferences|subscriptions?)',
      '(?:to )?stop receiving (?:these|this|our|such)',
      '(?:se (?:désinscrire|désabonner)|désinscription|désabonnement)[ \\t]*(?:[:/|]|$)',
      'pour (?:vous )?(?:désinscrire|désabonner)',
      '(?:pour|si vous (?:ne )?(?:souhaitez|voulez|désirez)) (?:ne )?plus recevoir (?:nos|ces|cette|cet|ce|les|de)',
      'répondez stop',
      '(?:gérer|modifier) (?:mes|vos) (?:préférences|abonnements)',
    ].join('|') +
    ')',
  'iu',
);

/** A line of an automated notice (short, no question, no exclamation: a notice is not a letter). */
function isAutomatedNotice(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 300 && !/[?!]/.test(t) && AUTOMATED_NOTICE.test(t) && !speaksInFirstPerson(t);
}

/** Above a notice in its paragraph: the sender's name, team or postal line ("Payments Security Team", "Acme Ltd - Unit 4"). */
function isNoticeByline(line: string): boolean {
  const t = line.trim();
  if (!t || CLOSING_LINE.test(t) || /[?:]$/.test(t) || t.split(/\s+/).length > 12) return false;
  return !(/[.!]$/.test(t) && t.split(/\s+/).length >= 6);
}

/** Closing formulas (FR, EN and a few neighbours). */
const CLOSING_FORMULA =
  '(?:' +
    [
      // French
      "merci(?: (?:beaucoup|bcp|ben gros|bien|encore|infiniment|mille fois|d['’]avance|par avance|à vous|à toi|de votre (?:aide|réponse|retour|compréhension)|pour (?:votre|ta|vos) (?:aide|réponse|retour|compréhension|attention|réactivité)(?: rapide)?))*(?: et (?:bonne|belle) (?:journée|soirée|fin de journée|fin de semaine|semaine|continuation|week-end))?",
      '(?:bien |très |trés |)cordialement', "bien à (?:vous|toi)", 'respectueusement',
      "(?:bonne|belle) (?:journée|soirée|fin de journée|fin de semaine|semaine|continuation|week-end)(?: à (?:vous|toi|tous|toute l['’]équipe))?",
      'au plaisir(?: de vous (?:lire|revoir))?', '(?:avec )?(?:mes|tous mes|nos|tous nos) remerciements',
      '(?:sincères |meilleures |)salutations(?: distinguées)?', 'à (?:très )?bientôt', '(?:bien |très )?amicalement', 'amitiés', 'bises', 'bisous',
      'cdlt', 'cdt', 'bàv', 'bav', 'a\\+', 'à \\+',
      "(?:je vous remercie|en vous remerciant)(?: (?:d['’]avance|par avance|de votre (?:aide|compréhension)|pour votre (?:aide|réponse|compréhension)))?",
      'dans l[\'’]attente de (?:votre|vous) (?:réponse|retour|lire)',
      // English
      '(?:(?:many|kind|kindest|best|warm|warmest|with|with kind|with best|friendly|sincere|thanks and|thanks &|thank you and) )?(?:thanks|thank you|thankyou|thx|regards|wishes|rgds)(?: (?:again|in advance|so much|very much|a lot|for your help|for your time|for your patience|for your assistance|for (?:the|your) (?:quick |fast |prompt )?(?:reply|response|help)))*',
      'thanking you', 'thanks (?:a million|ever so much)', '(?:lots of )?love', 'tia', 'best', 'cheers', 'sincerely', 'yours(?: (?:sincerely|faithfully|truly))?', 'all the best', 'ta', 'take care', 'talk soon', 'respectfully', 'br',
      'have a (?:nice|good|great) (?:day|evening|weekend)', 'speak soon', 'looking forward to (?:hearing from you|your reply)',
      // German, Spanish, Italian, Dutch, Portuguese (short forms)
      '(?:danke (?:und|&) |(?:viele|beste|besten|liebe|freundliche|herzliche|schöne|sonnige) )?(?:grü(?:ß|ss)e|gru(?:ß|ss))', 'mit (?:freundlichen|besten|herzlichen|lieben) grü(?:ß|ss)en',
      'mfg', 'lg', 'vg', 'vielen dank(?: im voraus)?', 'danke(?: schön| sehr| im voraus)?', 'bis bald', 'saludos(?: cordiales)?', 'un (?:saludo|abrazo)(?: cordial)?', 'atentamente', '(?:muchas )?gracias',
      '(?:cordiali|distinti) saluti', 'un saluto', 'a presto', 'grazie(?: mille)?', 'saluti', 'met vriendelijke groet(?:en)?', '(?:hartelijke )?groet(?:en|jes)?', 'mvg', 'bedankt',
      'obrigad[oa]', 'atenciosamente', 'abraços', '(?:com os )?(?:melhores )?cumprimentos', 'pozdrawiam', 'pozdrowienia', 'z poważaniem', 'dziękuję',
      '(?:med )?(?:vänliga|venlig|vennlig|venlige) (?:hälsningar|hilsen)', 'hälsningar', 'mvh', 'hilsen',
    ].join('|') +
    ')';

/** A closing formula as a whole line ("Kind regards,", "Merci d'avance !"). */
export const CLOSING_LINE = new RegExp(
  `^[ \\t]*${CLOSING_FORMULA}[ \\t]*[,.!…]*(?:[ \\t]*[/|–-][ \\t]*${CLOSING_FORMULA}[ \\t]*[,.!…]*)?[ \\t]*(?:[:;]-?[)D])?[ \\t]*$`,
  'i',
); // also bilingual: "Cordialement / Best regards,"
/** A closing formula and the writer's name on one line ("Thanks, Liam"). */
const CLOSING_THEN_NAME = new RegExp(`^([ \\t]*${CLOSING_FORMULA}[ \\t]*[,.!…]+)[ \\t]+(\\S.{0,40})$`, 'i');
/** A sentence, then a closing formula and a name on the same line ("… est-elle partie ? Merci beaucoup, Élodie"). */
const SENTENCE_THEN_CLOSING_NAME = new RegExp(`^(.*[.!?…][ \\t]+${CLOSING_FORMULA}[ \\t]*[,.!…]+)[ \\t]+(\\S.{0,40})$`, 'i');
/** The same two shapes with a dash before the name instead of a comma ("Thanks – Liam", "… commande ? Merci d'avance - Paul"). */
const CLOSING_DASH_NAME = new RegExp(`^([ \\t]*${CLOSING_FORMULA}[ \\t]*[,.!…]*)[ \\t]+[-–—][ \\t]*(\\S.{0,40})$`, 'i');
const SENTENCE_THEN_CLOSING_DASH_NAME = new RegExp(`^(.*[.!?…][ \\t]+${CLOSING_FORMULA}[ \\t]*[,.!…]*)[ \\t]+[-–—][ \\t]*(\\S.{0,40})$`, 'i');
/** One to three capitalised words or initials: "Bob", "Marie-Claire D.", "J. Smith", also signed with a dash ("-Abhishek Kona"). */
const BARE_NAME = /^[ \t]*(?:[-–—~][ \t]?)?(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)(?:[ \t]+(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)){0,2}[ \t]*$/u;

const TEAM_SIGNOFF = /^[ \t]*(?:l['’]équipe\b|l['’]equipe\b|le service\b|la rédaction$|die redaktion$|la redacción$|la redazione$|de redactie$|the editors$|the [\w&'’ .-]{1,40} team$|team [\w&'’ .-]{1,30}$|[\w&'’ .-]{1,40} team$|customer (?:service|care|support)\b|service client\b)/i;
const NOT_A_NAME = /^[ \t]*(?:urgent|merci|thanks|thank you|bonjour|hello|hi|svp|stp|please|help|ok|okay|voilà|voila|cordialement|regards|PS|P\.S\.|oui|non|yes|no|yep|nope|sure|done|parfait|super|exact|exactement|d['’]accord|entendu|noté|bien reçu|great|perfect|correct)[ \t.!]*$|^[ \t]*\p{L}{2,}[.!]+[ \t]*$/iu; // also one word ending a sentence ("Oui.", "Done!"): an answer, not a signature
/** Link texts alone on the last lines of bulk mail: "Unsubscribe", "Se désinscrire", "Manage preferences". */
const LINK_FOOTER =
  /^[ \t]*(?:unsubscribe|unsubscribe here|manage (?:your )?(?:preferences|subscription)|update (?:your )?preferences|view (?:this email )?in (?:your )?browser|se désinscrire|se désabonner|désinscription|désabonnement|gérer (?:mes|vos) (?:préférences|abonnements)|voir (?:la version|cet e-?mail) (?:en ligne|dans (?:votre|le) navigateur)|mentions légales|privacy policy|politique de confidentialité)(?:[ \t]*[|·•-][ \t]*(?:unsubscribe|se désinscrire|se désabonner|mentions légales|privacy policy|politique de confidentialité|manage preferences|gérer (?:mes|vos) préférences))*[ \t.!]*$/i;
const PLACEHOLDER = /^[ \t]*\[(?:cid:|image:|image\]|inline image|attachment)[^\]]*\]?[ \t]*$/i;
const MAX_SIGNATURE_LINES = 14;
const MAX_SIGNATURE_LINE = 110;

/**
 * `quotesAbove[i]`: how many folded quotes sit above line i. A mobile footer ends what was typed above it: the lines
 * under it are not the writer's (a client's unmarked copy of the message replied to), unless a quote lies between
 * (answers written inline, under the quoted questions).
 */
export function splitSignature(lines: string[], senderTokens: Set<string>, quotesAbove: number[] = [], readTextAfterSignOff = true): SignatureSplit {
  let end = trimEnd(lines, lines.length);
  const cut = (at: number): void => {
    if (at < end) end = at;
    end = trimEnd(lines, end);
  };

  // 1. the signature delimiter, when there is text above it
  for (let i = 0; i < end; i++) {
    if (DELIMITER.test(lines[i]!) && hasContent(lines, 0, i) && fewLines(lines, i + 1, end, 40)) {
      cut(i);
      break;
    }
    if (WEAK_DELIMITER.test(lines[i]!) && hasContent(lines, 0, i) && (signatureLike(lines, i + 1, end, 6) || isContactCard(lines, i + 1, end)) && startsLikeSignature(lines, i + 1, end, senderTokens)) {
      cut(i);
      break;
    }
  }
  // 2. mobile footers: the phone's app writes them under the typed text; what follows is not the writer's (an answer
  // written below a quote aside), nor, in any case, a signature-like block of footers and device names
  for (let i = 0; i < end; i++) {
    if (!isMobileFooter(lines[i]!) || !hasContent(lines, 0, i)) continue;
    const answerBelow = lines.slice(i + 1, end).some((l, k) => l.trim() !== '' && (quotesAbove[i + 1 + k] ?? 0) > (quotesAbove[i] ?? 0));
    if ((!answerBelow && standsApart(lines, i)) || signatureLike(lines, i + 1, end, 40, (l) => isMobileFooter(l) || DEVICE.test(l))) {
      cut(i);
      break;
    }
  }
  // 3. disclaimers: a paragraph with disclaimer wording, and only signature-like text or more disclaimers after it
  for (let i = 0; i < end; i++) {
    if (i > 0 && lines[i - 1]!.trim() && !hasDisclaimerWording(lines[i - 1]!)) continue; // paragraph starts only
    const para = paragraphEnd(lines, i, end);
    const text = lines.slice(i, para).join(' ');
    if (isDisclaimer(text) && hasContent(lines, 0, i) && restIsDisclaimerOrSignature(lines, para, end)) {
      cut(i);
      break;
    }
  }
  while (end > 0 && (PLACEHOLDER.test(lines[end - 1]!) || LINK_FOOTER.test(lines[end - 1]!))) cut(end - 1);
  // 3b. automated notices closing the text, with the byline of their paragraph
  for (let guard = 0; guard < 8 && end > 0 && isAutomatedNotice(lines[end - 1]!) && hasContent(lines, 0, end - 1); guard++) {
    let k = end - 1;
    while (k > 0 && isAutomatedNotice(lines[k - 1]!)) k--;
    while (k > 0 && lines[k - 1]!.trim() && isNoticeByline(lines[k - 1]!) && hasContent(lines, 0, k - 1)) k--;
    if (!hasContent(lines, 0, k)) break;
    cut(k);
    while (end > 0 && (PLACEHOLDER.test(lines[end - 1]!) || LINK_FOOTER.test(lines[end - 1]!))) cut(end - 1);
  }
  const signedEnd = end;

  // 3c. a postscript or an afterthought below the sign-off ("Kind regards,\nRachel\n\nP.S. …", "Cordialement,\nAlain\n\n
  // J'oubliais : …"): the writer's text, kept (later stages read only the clean text for questions and escalation
  // words); the name and contact lines between the sign-off and it go
  const after = readTextAfterSignOff ? textAfterSignOff(lines, end, senderTokens, quotesAbove) : null;
  if (after) return { body: after.body, signature: [...after.signature, ...lines.slice(end)], signedEnd, beforeName: after.beforeName };

  // 4. the last closing formula followed only by a signature block
  for (let i = end - 1; i >= 0; i--) {
    if (!CLOSING_LINE.test(lines[i]!)) continue;
    if (i + 1 < end && signatureLike(lines, i + 1, end)) cut(i + 1);
    break;
  }
  // 4b. "Thanks, Liam", "Thanks – Liam": keep the formula, drop the name (unless that line is the whole message: "Thanks, Dan")
  if (end > 1 && hasContent(lines, 0, end - 1)) {
    // after a dash, only the writer's own name ("Thanks – Chargeback Filed" is said, not signed)
    const comma = lines[end - 1]!.match(CLOSING_THEN_NAME);
    const dash = comma ? null : lines[end - 1]!.match(CLOSING_DASH_NAME);
    const m = comma && (isNameLine(comma[2]!, senderTokens) || BARE_NAME.test(comma[2]!)) ? comma
      : dash && isNameLine(dash[2]!, senderTokens) ? dash : null;
    if (m) {
      const body = lines.slice(0, end - 1).concat(m[1]!.trimEnd());
      return { body, signature: [m[2]!.trim(), ...lines.slice(end)], signedEnd, ...tailSetAside(m[2]!, senderTokens) };
    }
  }
  // 4c. a one-line message, or a last line, that ends with its sign-off and the writer's own name ("… est-elle partie ?
  // Merci beaucoup, Élodie", "… any news? Thanks, Liam", "… ? Merci d'avance - Paul"): the name goes, the formula stays. Only the sender's own name:
  // a capitalised word after "merci," may be anyone ("Thanks, Amazon").
  if (end > 0) {
    const m = lines[end - 1]!.match(SENTENCE_THEN_CLOSING_NAME) ?? lines[end - 1]!.match(SENTENCE_THEN_CLOSING_DASH_NAME);
    if (m && isNameLine(m[2]!, senderTokens)) {
      const body = lines.slice(0, end - 1).concat(m[1]!.trimEnd());
      return { body, signature: [m[2]!.trim(), ...lines.slice(end)], signedEnd, ...tailSetAside(m[2]!, senderTokens) };
    }
  }
  // 5. no closing formula: a final name block ("Lucas", "Amelia Wright\n+44 …", "L'équipe du Salon")
  for (let guard = 0; guard < 2; guard++) {
    const start = lastParagraphStart(lines, end);
    if (start > 0 && isNameLine(lines[start]!, senderTokens) && signatureLike(lines, start, end, 8) && !introducesBlock(lines, start)) {
      cut(start);
      continue;
    }
    if (start > 0 && isContactBlock(lines.slice(start, end)) && !introducesBlock(lines, start)) {
      cut(start);
      continue;
    }
    // the sender's name right under the last sentence or sign-off of the paragraph, a contact block below it
    // ("…salutations distinguées.\nNathan Simon\n3 allée des Tilleuls", "Merci de vérifier,\nAntoine Vincent\nGérant…")
    const signOff = senderNameBelowSignOff(lines, start, end, senderTokens);
    if (signOff > 0) {
      cut(signOff);
      continue;
    }
    const last = end - 1;
    if (last > 0 && isNameLine(lines[last]!, senderTokens) && hasContent(lines, 0, last)) {
      cut(last);
      continue;
    }
    // a lone capitalised name below a finished sentence or a sign-off, however many blank lines apart ("…faire ?\n\nBob",
    // "…merci.\nJeanne D.", "Bises from London,\nCamille", "… sera livrée. Merci\nManon", "… so much x\n\n\nIsla")
    if (last > 0 && BARE_NAME.test(lines[last]!) && !CLOSING_LINE.test(lines[last]!) && !NOT_A_NAME.test(lines[last]!)) {
      let above = last - 1;
      while (above >= 0 && !lines[above]!.trim()) above--;
      const blankBefore = above < last - 1;
      const words = lines[last]!.trim().split(/\s+/).length;
      // a single first name set apart by a blank line signs even under a line left without punctuation ("…not here yet\n\nLiam")
      if (
        above >= 0 &&
        ((endsASentenceOrSignOff(lines[above]!) && (blankBefore || words <= 2)) ||
          (blankBefore && words === 1 && !/[:;]$/.test(lines[above]!.trim())) ||
          (!blankBefore && words === 1 && isShortSignOffParagraph(lines, above)))
      ) {
        cut(last);
        continue;
      }
    }
    // a name and its contact block under the last sentence or sign-off, in the same paragraph, whoever the sender is
    // ("…salutations distinguées.\nNathan Simon\n3 allée des Tilleuls\n69300 Caluire", "Merci de vérifier,\nAntoine Vincent\nGérant…\n02 …")
    const card = contactBlockBelowSignOff(lines, start, end);
    if (card > 0) {
      cut(card);
      continue;
    }
    break;
  }
  return { body: lines.slice(0, end), signature: lines.slice(end), signedEnd };
}

/**
 * A sign-off of a few words in any language, left without punctuation, opening the last paragraph ("…?\n\nGrazie
 * mille\nGiulia", "….\n\nA presto\nChiara", "… 😍\n\nMerci encore 🙏\nLéa"): at most three words, no digit, no colon,
 * no question, under a paragraph that ends a sentence. The name line under it is then the signature.
 */
function isShortSignOffParagraph(lines: string[], i: number): boolean {
  const line = lines[i]!.trim();
  if (i < 2 || lines[i - 1]!.trim() || !hasContent(lines, 0, i - 1)) return false;
  let k = i - 1;
  while (k >= 0 && !lines[k]!.trim()) k--;
  // the paragraph above ends a sentence (or with an emoji), it announces nothing ("My order:\n\nStand mixer\nRed")
  const ended = /[.!?…)»"]$|[^\p{L}\p{N}\s:;,]$/u.test(lines[k]!.trim());
  return ended && line.split(/\s+/).length <= 3 && !/\d|[:;?]/.test(line) && /^\p{L}/u.test(line);
}

/**
 * A line set apart as a footer is: a blank line or a signature delimiter above it, a blank line or nothing below. A
 * hard-wrapped sentence that happens to have a line reading "sent from the warehouse" has text right above and below.
 */
function standsApart(lines: string[], i: number): boolean {
  const above = lines[i - 1];
  const below = lines[i + 1];
  return (above === undefined || !above.trim() || DELIMITER.test(above)) && (below === undefined || !below.trim());
}

/** A line that ends a sentence ("…?", "….") or is, or ends with, a sign-off ("Bises from London,", "… livrée. Merci", "Thanks so much x"). */
function endsASentenceOrSignOff(line: string): boolean {
  const t = line.trim();
  if (/[.!?…)]$/.test(t)) return true;
  if (/,$/.test(t) && t.split(/\s+/).length <= 16 && !/\?/.test(t)) return true;
  return ENDS_WITH_CLOSING.test(t);
}
const ENDS_WITH_CLOSING = new RegExp(`(?:^|[.!?…,][ \\t]+)${CLOSING_FORMULA}(?:[ \\t]*[,.!…]+)?(?:[ \\t]+x{1,3})?$`, 'i');

/** Index of a bare name line inside the last paragraph, under a sentence or sign-off, with only contact lines below it; or -1. */
function contactBlockBelowSignOff(lines: string[], start: number, end: number): number {
  for (let k = Math.max(start, 1); k < end - 1; k++) {
    const above = lines[k - 1]!.trim();
    if (!above || !/[,.!…]$/.test(above) || !hasContent(lines, 0, k - 1)) continue;
    if (!BARE_NAME.test(lines[k]!) || NOT_A_NAME.test(lines[k]!) || CLOSING_LINE.test(lines[k]!)) continue;
    if (isContactBlock(lines.slice(k, end))) return k;
  }
  return -1;
}

/** Index of a sender-name line inside the last paragraph, under a line that ends a sentence or a sign-off; or -1. */
function senderNameBelowSignOff(lines: string[], start: number, end: number, senderTokens: Set<string>): number {
  if (senderTokens.size === 0) return -1;
  for (let k = Math.max(start, 1) + (start > 0 ? 1 : 0); k < end; k++) {
    const above = lines[k - 1]!.trim();
    if (!/[,.!…]$/.test(above) || !hasContent(lines, 0, k - 1)) continue;
    if (!isNameLine(lines[k]!, senderTokens) || TEAM_SIGNOFF.test(lines[k]!)) continue;
    if (signatureLike(lines, k, end, 8)) return k;
  }
  return -1;
}

/** Display-name and address words that identify the sender in a sign-off. */
export function senderNameTokens(name: string | null | undefined, address: string | null | undefined): Set<string> {
  const tokens = new Set<string>();
  const add = (word: string): void => {
    const w = fold(word);
    if (w.length >= 2 && !GENERIC_WORDS.has(w)) tokens.add(w);
  };
  for (const word of (name ?? '').split(/[\s,;"'()|/<>]+/)) add(word.replace(/[.]+$/, ''));
  const local = (address ?? '').split('@')[0] ?? '';
  for (const word of local.split(/[._+-]+/)) if (!/\d/.test(word)) add(word);
  return tokens;
}

const GENERIC_WORDS = new Set([
  'info', 'contact', 'support', 'service', 'team', 'the', 'and', 'no', 'reply', 'noreply', 'donotreply', 'mail', 'email',
  'hello', 'bonjour', 'sales', 'admin', 'news', 'newsletter', 'notification', 'notifications', 'le', 'la', 'les', 'de', 'du',
  'des', 'et', 'mr', 'mrs', 'ms', 'mme', 'm', 'dr',
]);

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The words cut after a closing formula, kept for the risk floors unless each is the writer's own name word or an initial. */
function tailSetAside(cut: string, senderTokens: Set<string>): Pick<SignatureSplit, 'closingTail'> {
  const words = cut.replace(/^[-–—~*]+\s*/, '').split(/[\s,|/·•–—]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const own = words.every((w) => /^\p{Lu}\.?$/u.test(w) || senderTokens.has(fold(w.replace(/[.,!]+$/, ''))));
  return own ? {} : { closingTail: cut.trim() };
}

function isNameLine(line: string, senderTokens: Set<string>): boolean {
  const t = line.trim();
  if (!t || t.length > 60 || /[?:]$/.test(t)) return false;
  if (TEAM_SIGNOFF.test(t) && t.split(/\s+/).length <= 6) return true;
  // emoji and kisses beside the name are neither name nor sentence ("xx Dani 💛", "Léa 🌸")
  const words = t.replace(/^[-–—~*]+\s*/, '').split(/[\s,|/·•–—-]+/).filter((w) => /[\p{L}\p{N}]/u.test(w) && !/^(?:xo|ox|x){1,3}o?$/i.test(w));
  if (words.length === 0 || words.length > 6) return false;
  if (/[.!]$/.test(t) && words.length > 3) return false;
  const isToken = (w: string): boolean => senderTokens.has(fold(w.replace(/[.,]+$/, '')));
  if (!words.some(isToken)) return false;
  // mostly name-like words: "Emily Smith | Office Manager", not "Jean will pick it up"
  const nameLike = words.filter((w) => isToken(w) || /^[\p{Lu}\d&+@(]/u.test(w)).length;
  return nameLike / words.length >= 0.6;
}

const CONTACT_LINE =
  /(?:\+?\d[\d .()-]{7,}\d)|[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/|www\.|\b\d{4,5}\s+\p{Lu}|\b(?:t[ée]l|tel|phone|mob(?:ile)?|portable|fax)\b\.?\s*:?|\b\d{1,4},?\s+(?:rue|avenue|av\.|boulevard|bd|allée|impasse|place|chemin|route|road|street|st\.|lane|avenue)\b/iu;

/** "Jean Dupont\n12 rue des Lilas\n75011 Paris\nTél. : …": a name line, then contact lines only. */
function isContactBlock(block: string[]): boolean {
  const lines = block.map((l) => l.trim()).filter(Boolean);
  if (lines.length < 2 || lines.length > 8 || !BARE_NAME.test(lines[0]!) || NOT_A_NAME.test(lines[0]!)) return false;
  const rest = lines.slice(1);
  return rest.some((l) => CONTACT_LINE.test(l)) && rest.every((l) => l.length <= MAX_SIGNATURE_LINE && (CONTACT_LINE.test(l) || !/[.!?]$/.test(l)) && !/\?\s*$/.test(l));
}

/**
 * A longer card under a rule, as an HTML signature comes out in plain text (a line per cell, often a blank line
 * between): a short heading line (a name, a logo's alt text), two or more contact lines (phone, address, e-mail, web),
 * nothing that reads as a sentence or a question, no field announced by a colon at the end of a line, no second rule or
 * closing formula below it, and not announced by the text above the rule.
 */
function isContactCard(lines: string[], from: number, to: number): boolean {
  const block = lines.slice(from, to).map((l) => l.trim()).filter(Boolean);
  const first = block[0];
  if (first === undefined || first.length > 40 || /[.!?:]$/.test(first)) return false;
  // a rule or a closing formula inside: the writer's own text goes on (an address drawn between rules, then "Merci,")
  if (block.some((l) => /:$/.test(l) || WEAK_DELIMITER.test(l) || CLOSING_LINE.test(l))) return false;
  if (introducesBlock(lines, from - 1)) return false; // announced ("merci de livrer à :"): content
  return block.filter((l) => CONTACT_LINE.test(l)).length >= 2 && signatureLike(lines, from, to, MAX_SIGNATURE_LINES);
}

const POSTSCRIPT = /^[ \t]*(?:[Pp]\.?-?[ \t]?[Ss]\.?|N\.B\.|NB)(?![\p{L}\p{N}])/u; // P.S., PS, ps, P.-S. (French), N.B.

/**
 * The writer's text below their own sign-off, with the name block between taken out; or null. The text below starts at a
 * paragraph (a blank line above it) with no closing formula after it, and is either a postscript ("P.S.", "PS :",
 * "P.-S.", "N.B.") or reads as text, not as a card (a sentence or a question); above it, the cleaning of the lines
 * before finds a signature, under a closing formula unless the text below is a marked postscript.
 */
function textAfterSignOff(
  lines: string[], end: number, senderTokens: Set<string>, quotesAbove: number[],
): { body: string[]; signature: string[]; beforeName?: string[] } | null {
  let signOff = -1; // the last closing formula: what follows it is the only place such text can start
  for (let i = end - 1; i >= 0 && signOff < 0; i--) if (CLOSING_LINE.test(lines[i]!)) signOff = i;
  for (let k = Math.max(1, signOff + 2); k < end; k++) {
    if (lines[k - 1]!.trim() || !lines[k]!.trim() || !hasContent(lines, 0, k)) continue;
    const postscript = POSTSCRIPT.test(lines[k]!);
    // written under a quote the sign-off is above: answers inline in the message replied to, however short (not the
    // writer's name or card repeated under the quote)
    const answer =
      (quotesAbove[k] ?? 0) > (quotesAbove[Math.max(signOff, 0)] ?? 0) && !isNameLine(lines[k]!, senderTokens) && !isContactBlock(lines.slice(k, end));
    if (!postscript && !answer && (signOff < 0 || signatureLike(lines, k, end))) continue; // a card, a footer: the signature's own
    // the first such paragraph only (one more pass over the lines above, never one per paragraph)
    const above = splitSignature(lines.slice(0, k), senderTokens, quotesAbove.slice(0, k), false);
    const lastKept = [...above.body].reverse().find((l) => l.trim()) ?? '';
    if (!above.signature.some((l) => l.trim()) || (!postscript && !answer && !CLOSING_LINE.test(lastKept))) return null;
    // answers are the message's content, not an afterthought: the labelled clean body keeps them
    return { body: [...above.body, '', ...lines.slice(k, end)], signature: above.signature, ...(answer ? {} : { beforeName: above.body }) };
  }
  return null;
}

/**
 * A letterhead above the text: the sender's own name or brand as the first paragraph, with text below it. Either a title
 * line ("PayLume Merchant Services", "HOMEWARES TRADE WEEKLY - issue 212", "Colis Express — Suivi de vos envois") or a
 * name and contact block (a formal letter's "Julien Moreau\n8 allée des Peupliers\n44300 Nantes\nTél. …"). Only when its
 * first line names the sender (a word of the From name or address, four letters or more), reads as a title (mostly
 * capitalised words, no sentence, question, greeting or trailing colon, no number of four digits or more: an order named
 * in a subject line the writer typed stays), is not a publication's numbered masthead, and stands alone. Returns the
 * index after it, or 0. (Folds 0–3 label the brand lines of notices out, t134 and t143; their authors disagree on a
 * newsletter's numbered masthead, t228 out and t304 in, so it is kept as the notice's title.)
 */
export function letterheadEnd(lines: string[], senderTokens: Set<string>): number {
  let first = 0;
  while (first < lines.length && !lines[first]!.trim()) first++;
  if (first >= lines.length || senderTokens.size === 0) return 0;
  const end = paragraphEnd(lines, first, lines.length);
  if (!hasContent(lines, end, lines.length)) return 0;
  const head = lines[first]!.trim();
  if (!isTitleLine(head) || !namesSender(head, senderTokens) || ISSUE_NUMBER.test(head)) return 0;
  if (end - first === 1) return end;
  return isContactBlock(lines.slice(first, end)) ? end : 0;
}

/** A publication's masthead names what the text is, not who sends it ("La Lettre du Commerce — n°212", "issue 212"): kept. */
const ISSUE_NUMBER = /(?:n[°º]|no\.|nr\.?|issue|numéro|ausgabe|número|numero|#)\s*\d/i;

const GREETING = /^(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|dear|cher|chère|madame|monsieur|hallo|hola|buongiorno|ciao|beste|geachte|olá)\b/i;

function isTitleLine(t: string): boolean {
  if (t.length > 80 || /[.?!:,;]$/.test(t) || t.includes('?') || GREETING.test(t) || /\d{4,}/.test(t)) return false;
  const words = t.split(/[\s|/·•–—-]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 10) return false;
  const long = words.filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 4);
  const judged = long.length ? long : words;
  return judged.filter((w) => /^[\p{Lu}\d&]/u.test(w)).length / judged.length >= 0.6;
}

function namesSender(t: string, senderTokens: Set<string>): boolean {
  return t.split(/[^\p{L}\p{N}]+/u).some((w) => w.length >= 4 && senderTokens.has(fold(w)));
}

/** Under a hand-drawn rule: a name, or a block with contact details (not "Item: kettle"). */
function startsLikeSignature(lines: string[], from: number, to: number, senderTokens: Set<string>): boolean {
  let k = from;
  while (k < to && !lines[k]!.trim()) k++;
  if (k >= to) return true;
  const line = lines[k]!;
  if (isNameLine(line, senderTokens) || BARE_NAME.test(line) || TEAM_SIGNOFF.test(line)) return true;
  return lines.slice(k, to).some((l) => CONTACT_LINE.test(l)); // a list footer, a card: an address, a phone, a link
}

/** The text above announces the block ("Pourriez-vous livrer à :", "My new address is:"): it is content. */
function introducesBlock(lines: string[], start: number): boolean {
  let k = start - 1;
  while (k >= 0 && !lines[k]!.trim()) k--;
  return k >= 0 && /:\s*$/.test(lines[k]!);
}

/** Lines from..to look like a signature: few, short, no question, no long sentence. */
function signatureLike(lines: string[], from: number, to: number, maxLines = MAX_SIGNATURE_LINES, alsoFine?: (line: string) => boolean): boolean {
  let count = 0;
  for (let i = from; i < to; i++) {
    const l = lines[i]!.trim();
    if (!l) continue;
    count++;
    if (count > maxLines) return false;
    if (alsoFine?.(l) && l.length <= MAX_SIGNATURE_LINE) continue;
    if (l.length > MAX_SIGNATURE_LINE && !hasDisclaimerWording(l)) return false;
    if (/\?\s*$/.test(l) && !/https?:|www\./i.test(l)) return false;
    if (l.split(/\s+/).length > 16 && !hasDisclaimerWording(l)) return false;
    if (/^(?:p\.?\s?s\.?|n\.?b\.?)\b/i.test(l)) return false; // a postscript is the writer's text
    if (/[.!]$/.test(l) && l.split(/\s+/).length >= 6 && !hasDisclaimerWording(l) && !CONTACT_LINE.test(l)) return false; // a sentence
  }
  return true;
}

function fewLines(lines: string[], from: number, to: number, max: number): boolean {
  let count = 0;
  for (let i = from; i < to; i++) if (lines[i]!.trim()) count++;
  return count <= max;
}

function restIsDisclaimerOrSignature(lines: string[], from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    while (i < to && !lines[i]!.trim()) i++;
    if (i >= to) return true;
    const para = paragraphEnd(lines, i, to);
    if (!isDisclaimer(lines.slice(i, para).join(' ')) && !signatureLike(lines, i, para, 6)) return false;
    i = para;
  }
  return true;
}

function paragraphEnd(lines: string[], from: number, to: number): number {
  let i = from;
  while (i < to && lines[i]!.trim()) i++;
  return i;
}

function lastParagraphStart(lines: string[], end: number): number {
  let i = end;
  while (i > 0 && lines[i - 1]!.trim()) i--;
  return i;
}

function hasContent(lines: string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (lines[i]!.trim()) return true;
  return false;
}

function trimEnd(lines: string[], end: number): number {
  let e = end;
  while (e > 0 && !lines[e - 1]!.trim()) e--;
  return e;
}
