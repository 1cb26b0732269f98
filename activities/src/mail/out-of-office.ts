/**
 * Out-of-office wording in FR and EN (and a few neighbours), for auto-replies that carry no header.
 * Scored, not keyword-matched: a customer who writes "I'm away from the 28th, can you deliver before?" or
 * "I was on holiday when the parcel came" is not an auto-reply. Strong phrases (present tense, about the
 * writer's absence or the automatic nature of the reply) weigh 2, supporting phrases 1; questions and
 * order talk weigh against. Three points make an out-of-office.
 */

import { customerVoice, type VoiceOptions } from './customer-voice';
import { unicodeWords, unicodeWordsTest } from './word-boundary';

/** A wording test: the pattern with Unicode word boundaries, ruled out first by its cheaper form (word-boundary.ts). */
type Test = (text: string) => boolean;
const SUBJECT =
  unicodeWords(/^\s*(?:automatic reply|auto(?:matic)?[- ]?reply|auto(?:matic)? response|réponse automatique|reponse automatique|absence|absent|out of (?:the )?office|ooo\b|abwesenheit|automatische antwort|respuesta automática|risposta automatica|fuori sede|afwezig|autosvar|vacation|congés|auto:)/i);

/** Subject prefixes that only auto-responders write ("Automatic reply: Re: …"). */
const AUTO_SUBJECT_PREFIX =
  unicodeWords(/^\s*(?:automatic reply|auto[- ]?reply|autoreply|auto(?:matic)? response|réponse automatique|reponse automatique|out of (?:the )?office(?: reply)?|abwesenheitsnotiz|automatische antwort|respuesta automática|risposta automatica|autosvar)\s*:/i);

const STRONG: Test[] = [
  /\bout of (?:the )?office\b/i,
  /\b(?:automatic|auto-generated|automated) (?:reply|response|message)\b/i,
  /\bauto-?reply\b/i,
  /\bréponse automatique\b|\bmessage automatique\b|\bceci est un message automatique\b/i,
  /\bje suis (?:actuellement |en ce moment )?(?:absente?|en (?:congés?|vacances|déplacement|formation|arrêt)|hors du bureau)\b/i,
  /\bje serai (?:absente?|en (?:congés?|vacances|déplacement))\b/i,
  /\bhors du bureau\b/i,
  /\b(?:i am|i'm|i will be|i'll be) (?:currently )?(?:away|out|on (?:annual |parental |maternity |sick )?leave|on (?:holiday|vacation)|travell?ing|off)(?: (?:from|of) the office| until| till| and (?:will|won't|have)|,| with| on (?:annual |parental |maternity |sick )?(?:leave|holiday)| from \w+ \d| between|\.)/i,
  /\b(?:limited|no|without) (?:access to (?:my )?e-?mails?|e-?mail access)\b/i,
  /\b(?:accès (?:limité|restreint) à (?:mes |ma )?(?:e-?mails?|messagerie|courriels?)|sans accès à (?:mes |ma )?(?:e-?mails?|mails?|messagerie|courriels?))\b/i,
  /\ben (?:congé|conge) (?:maternité|paternité|parental|maladie|sabbatique)\b|\ben arrêt (?:maladie|de travail)\b/i,
  // the whole office closed: "nos bureaux sont fermés du 24 au 2", "our office is closed for the holidays"
  /\b(?:our (?:office|offices|team|store|shop|workshop) (?:is|are|will be) closed|closed for the (?:holidays?|holiday season|festive season)|(?:nos bureaux|nos locaux) (?:sont|seront) fermés|(?:notre|le) (?:service|bureau|magasin|atelier|entreprise|société) (?:est|sera) fermée?|fermeture annuelle)\b/i,
  /\bne (?:consulte|lis|lirai|consulterai|relève|relèverai|regarderai|ouvrirai) pas (?:mes|ma) (?:e-?mails?|messagerie|courriels?|mails|boîte(?: mail| aux lettres)?)\b/i,
  // being away said in the negative: "je ne serai pas au bureau avant le 12", "I won't be in the office until…"
  /\bje ne (?:serai|suis) pas (?:au bureau|joignable|disponible|présente?|de retour)\b[^.?!]{0,20}\b(?:avant|jusqu|d['’]ici|du|cette semaine|ces jours)|\bi (?:won['’]t|will not|am not|['’]m not) (?:be )?(?:in the office|at my desk|reachable|back)\b[^.?!]{0,20}\b(?:until|till|before|this week|from)\b/i,
  /\b(?:i will|i'll|i shall) (?:reply|respond|get back to you|answer|deal with|read)[^.]{0,40}\b(?:return|back|when i get back)\b/i,
  /\bje (?:vous )?(?:répondrai|traiterai|reviendrai vers vous|prendrai connaissance)[^.]{0,50}\b(?:retour|rentrée)\b/i,
  /\b(?:back in the office|return(?:ing)? to the office|de retour (?:au bureau )?(?:le|à partir du|lundi|mardi|mercredi|jeudi|vendredi))\b/i,
  /\bthank you for your (?:e-?mail|message)\. (?:i am|i'm|this is)/i,
  /\b(?:i am|i'm) (?:currently )?ooo\b|\bje suis (?:actuellement )?(?:en télétravail|en repos|indisponible)\b/i,
  /\b(?:i will|i'll|i shall|and will|but will) be back (?:on|in the office|at my desk|from)\b|\bi (?:will|shall) return (?:on|to the office)\b|\babsente? du bureau\b/i,
  // mailboxes that speak of themselves: no longer read, address changed, person gone
  /\b(?:this|cette|the) (?:e-?mail address|e-?mail account|mailbox|inbox|adresse (?:e-?mail|mail|électronique)|boîte (?:mail|aux lettres)|messagerie) (?:is no longer (?:monitored|active|in use|checked|read|valid|managed)|is not (?:monitored|checked|read)|n['’]est plus (?:consultée?|active?|utilisée?|valide|surveillée?|lue?|relevée?))\b/i,
  /\b(?:i have|i've) (?:left|moved on from) (?:the company|the firm|the organi[sz]ation|my (?:role|position))\b|\bj['’]ai quitté (?:la société|l['’]entreprise|mes fonctions|le cabinet)\b|\bne (?:fais|fait) plus partie (?:de la société|de l['’]entreprise|du cabinet|de l['’]équipe)\b/i,
  // acknowledgements of ticketing systems
  /\bwe have received your (?:message|e-?mail|request|enquiry|inquiry)\b|\bnous avons (?:bien )?reçu votre (?:message|demande|e-?mail|courriel)\b/i,
  /\b(?:your )?(?:ticket|case|request) (?:number|#|n°|id)\s*:?\s*[#\w-]*\d/i,
  /\b(?:your|votre) (?:request|ticket|case|demande|dossier|message)\s*(?:\(|#|n°|no\.?|number)?\s*[#\w-]*\d[\w-]*\)?\s*(?:has been|was|a (?:bien )?été) (?:received|logged|created|opened|registered|reçue?|enregistrée?|créée?|ouverte?)\b/i,
  /\b(?:please )?type your reply above this line\b|\b(?:répondez|veuillez répondre|merci de répondre) au-dessus de cette ligne\b/i,
  /\bwe(?:['’]ve| have) (?:got|received|logged|registered) your (?:message|e-?mail|request|enquiry|inquiry|ticket)\b|\b(?:votre|your) (?:demande|message|requête|request|ticket)[^.!?\n]{0,40}\b(?:enregistrée?|registered|logged) (?:sous|under|with)\b/i,
  // being away said in other words: where the writer is (travelling, at a conference, in court, off), a person or a
  // place named in the third person (the office, the practice, "Maître X est en audience"), as notices do
  /\b(?:i am|i'm|i will be|i'll be|we are|we're)\s+(?:currently\s+|now\s+)?(?:travell?ing|abroad|offline|off[- ]grid|on (?:a )?(?:break|sabbatical|secondment)|at (?:a|an|the) (?:conference|trade (?:fair|show)|offsite|off-site|seminar|training|event)|in (?:training|court|hearings?|surgery|meetings? all day)|away from (?:my|the) (?:desk|office|computer|keyboard|inbox)|(?:currently )?unavailable|not (?:available|in the office|at my desk))\b/i,
  /\b(?:gone|off) (?:fishing|skiing|travell?ing|hiking|sailing|on (?:holiday|vacation|leave))\b|\b(?:je suis|nous sommes|est|sont)\s+(?:actuellement\s+)?(?:en (?:audience|réunion toute la (?:journée|semaine)|séminaire|salon|voyage|mission|repos|convalescence)|à l['’]étranger|partie?s? en (?:vacances|congés?|voyage|week-end))\b|\bnous sommes (?:partis|absents|en (?:vacances|congés?))\b/i,
  // a business gone for good, its mailbox with it: "X is now permanently closed", "a fermé définitivement ses portes",
  // "this mailbox will be deleted at the end of January"
  /\b(?:is|are|has|have) (?:now )?(?:permanently|definitively|closed (?:for good|permanently|its doors))\b|\b(?:is|are) now (?:permanently )?closed\b|\bclosed (?:its|our|their) doors (?:for good|permanently)\b|\b(?:a|ont|avons) (?:définitivement )?(?:fermé|cessé) (?:définitivement|ses|nos|leurs|son|notre) ?(?:portes|activité)?\b|\b(?:est|sont) (?:désormais |maintenant )?(?:définitivement )?fermée?s? définitivement\b/i,
  /\b(?:this|cette|the) (?:mailbox|inbox|e-?mail address|account|boîte (?:mail|aux lettres)|adresse(?: e-?mail)?) (?:will be|sera) (?:deleted|closed|deactivated|removed|supprimée?|fermée?|désactivée?)\b/i,
  // a place closed, its owner named or not: "le cabinet du Dr X est fermé", "our Lyon studio is closed"
  /\b(?:the|our|le|la|l['’]|notre) ?(?:[\p{L}-]+ )?(?:office|clinic|practice|studio|workshop|shop|store|cabinet|agence|étude|boutique|magasin|atelier|bureau|clinique|restaurant|salon)s?(?: (?:du|de la|des|de|d['’]|of)\s?[^.!?\n,]{1,30})? (?:is|are|will be|est|sont|sera|seront) (?:closed|fermée?s?)\b/iu,
  // the writer's reading of mail, in the future: "won't be reading email", "I'll respond as soon as I can", "limited
  // connectivity"; any place closed for a while ("l'officine est fermée jusqu'au…"); a ticket system's receipt
  /\b(?:won['’]t|will not|can['’]t|cannot|am unable to|will be unable to) (?:be )?(?:reading|checking|answering|read|check|answer|access(?:ing)?) (?:my |any )?(?:e-?mails?|messages?|mail|inbox)\b|\b(?:taking|on) (?:some |a few days )?time off\b|\b(?:je suis|i am|i'm) (?:currently |actuellement )?(?:overseas|unreachable|injoignable|indisponible)\b/i,
  /\b(?:is|are|est|sont) (?:exceptionnellement |temporarily |temporairement |currently |actuellement )?(?:closed|fermée?s?) (?:jusqu['’]|until|till|du \d|from \d|for (?:the|a|two|three|\d)|pour (?:travaux|congés|inventaire|les fêtes)|pendant)/i,
  /\b(?:nous lirons|we will read|we['’]ll read|nous traiterons|we['’]ll (?:deal with|answer)|nous répondrons à) (?:vos|your|tous vos|all) (?:messages?|e-?mails?|mails?|demandes?|requests?)\b|\b(?:your )?(?:e-?mail|message|request) (?:has )?(?:landed|arrived|reached us)(?: safely)?\b/i,
  /\b(?:cette|this) (?:adresse|address) (?:n['’]est plus (?:utilisée|active|consultée|lue|relevée)|is no longer (?:used|in use|active|monitored|read))\b/i,
].map(unicodeWordsTest);

const SUPPORT: Test[] = [
  /\b(?:when i(?:'m| am)? (?:return|back)|upon my return|on my return|à mon retour|dès mon retour|à la réouverture|when we reopen|dès (?:la|notre) réouverture)\b/i,
  /\b(?:thanks?(?: you)? for (?:reaching out|getting in touch|contacting (?:me|us))|merci de m['’]avoir (?:écrit|contacté)|merci pour votre (?:mail|message|e-?mail|courriel))\b/i,
  /\b(?:until|till|through|jusqu'au|jusqu’au|jusqu'à|du \d{1,2} au \d{1,2})\b/i,
  /\b(?:en cas d'urgence|en cas d’urgence|pour toute (?:demande )?urgen|for (?:anything |any )?urgent|in case of (?:emergency|urgency)|if (?:it is|it's|your (?:matter|request) is) urgent|urgent matters)\b/i,
  /\b(?:merci de (?:contacter|vous adresser)|please contact|vous pouvez (?:me joindre|contacter|joindre))\b/i,
  /\b(?:please (?:resend|re-send|forward|redirect|direct|address|send) (?:(?:all |any )?(?:your |future )?(?:messages?|e-?mails?|requests?|enquiries|inquiries|correspondence)|it) to|(?:merci|veuillez) (?:de |d['’])?(?:renvoyer|transférer|adresser|écrire) (?:désormais |dorénavant |à l'avenir )?(?:(?:votre|vos) (?:messages?|demandes?|e-?mails?|courriers?) )?(?:à|au|a)(?=\s))|\b(?:new e-?mail address|nouvelle adresse (?:e-?mail|mail|électronique))\b/i,
  /\b(?:thank you for your (?:e-?mail|message)|merci (?:pour|de) votre (?:message|e-?mail|courriel))\b/i,
  /\b(?:limited|patchy|no|little|intermittent|very little) (?:connectivity|reception|signal|internet(?: access)?|wi-?fi|network)\b|\bwe aim to (?:answer|respond|reply|get back)\b|\bnous nous (?:efforçons|engageons) (?:de|à) (?:répondre|traiter)\b/i,
  /\b(?:will|shall|['’]ll) (?:respond|reply|get back to you|answer)[^.]{0,30}\b(?:within|shortly|as soon as|soon)\b|\b(?:vous répondrons|reviendrons vers vous)[^.]{0,30}\b(?:dans les|sous|rapidement|dès que)\b/i,
  // when the writer is back, said otherwise than "until" (above): "back 2 December", "when I land", "en rentrant"
  /\b(?:back|returning)\s+(?:on\s+)?(?:the\s+)?(?:\d{1,2}\b|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next)|\bwhen i (?:land|get back)\b|\b(?:avant le|à partir du|dès le|retour le)\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d{1,2}\b)|\ben rentrant\b|\bjusqu['’]à nouvel ordre\b|\buntil further notice\b/i,
  // what happens to the mail meanwhile: not read, not forwarded, slow, delayed, read later
  /\b(?:slow (?:replies|responses)|(?:replies|responses) (?:will be|may be) (?:delayed|slow)|(?:messages?|e-?mails?) (?:are not|aren['’]t|will not be|won['’]t be) (?:being )?(?:forwarded|read|monitored)|(?:checking|check) (?:my )?(?:e-?mails?|in) (?:only )?occasionally|pick up (?:my )?e-?mails?)\b|\b(?:pas de connexion|sans connexion|ne (?:sera|seront) pas (?:transférée?s?|lue?s?)|ne pourra pas prendre connaissance|(?:sera|seront) (?:lue?s?|traitée?s?) (?:à|dès) (?:mon|son|notre|la) (?:retour|réouverture)|(?:un conseiller|a member of (?:our|the) team) (?:vous répondra|will (?:be in touch|respond|reply|get back to you)))\b/i,
  /\b(?:your|votre) (?:reference|ticket|case|dossier|référence) (?:is|est|number is|numéro est)\s*:?\s*#?\w*\d/i,
  /\b(?:réouverture|reopening|we reopen|nous rouvrons|rouverture)\b[^.!?\n]{0,20}\b(?:le|on|the|à partir|from|dès|lundi|monday|\d{1,2})\b/i,
].map(unicodeWordsTest);

const AGAINST: Test[] = [
  /\?\s*$/m, // a question to us
  /\b(?:commande|order|colis|parcel|package|refund|rembourse|livr|deliver|ship|expédi|relais)\w*\b/i,
  // a request to us: auto-replies point elsewhere ("please contact …"), customers ask us to act
  /\b(?:please (?:deliver|send|ship|cancel|refund|change|(?:hold|keep) (?:my|the|it for|them for))|could you|can you|would you|pourriez-vous|pouvez-vous|merci de (?:me|bien vouloir|livrer)|je voudrais|j'aimerais|i would like|i'd like)\b/i,
].map(unicodeWordsTest);

/** What keeps the notice families off: a question, a request to us, the writer's own order or parcel ("in the order it arrives" is no order). */
const NOTICE_AGAINST: Test[] = [
  AGAINST[0]!,
  AGAINST[2]!,
  unicodeWordsTest(/\b(?:my|our|mon|ma|mes|notre|nos) (?:commandes?|orders?|colis|parcels?|packages?|refund|remboursement|livraisons?|delivery|achats?|purchase)\b/i),
];

/** A sentence that sends the reader to someone else: its order or refund words are not a customer's. */
const REFERRAL = unicodeWordsTest(
  /\b(?:contact(?:ez|er)?|joindre|adresse[rz]|écrire à|écrivez à|reach|write to|e-?mail|get in touch with|s'adresser|vous adresser)\b[^.!?\n]*(?:@|\b(?:collègue|colleague|service|team|équipe|standard|reception|accueil)\b)|\b(?:collègue|colleague|service|team|équipe)\b[^.!?\n]*@/i,
);

/**
 * The shape of an absence or receipt notice, read as families rather than sentences (each counted once): the writer
 * or the place is away (any reason: leave, travel, a show, a day off, gone from the firm, closed); a time bound
 * (until, back on, from… to…, within 48 hours); what happens to the mail meanwhile (read later, not checked, not
 * forwarded, answered within, taken into account); someone else to turn to (urgent matters, please call the desk,
 * write to … instead); a reference number. A notice shows three, one of them being the absence or the mail handling.
 */
const NOTICE_FAMILIES: { name: string; tests: Test[] }[] = [
  { name: 'away', res: [
    /\btaking (?:a |some )?(?:[\w-]+ ){0,2}(?:sabbatical|leave|break|holiday|vacation|time off)\b|\bprends? (?:un |une )?(?:congé sabbatique|année sabbatique|pause)\b/i,
    /(?:^|[.!:;,—–-]\s*|\b(?:i am|i['’]m|i will be|i['’]ll be|we are|we['’]re|currently|now)\s+)(?:out|away|off|offline|unavailable)\b(?! of (?:stock|order|date))/im,
    /\b(?:on (?:parental |maternity |paternity |sick |annual |study |medical )?leave|on (?:holiday|holidays|vacation|a (?:business )?trip|the road|a break)|travell?ing|attending (?:a|an|the)\b|away from (?:the|my) (?:office|desk|practice|studio|shop)|no longer (?:work|working|with|employed|at)\b|(?:have|has) left (?:the|our) (?:company|firm|team|business))\b/i,
    /\b(?:je suis|nous sommes|est|sont|serai|serons|sera|seront|actuellement)\s+(?:absente?s?|indisponibles?|en (?:congés?|vacances|déplacement|RTT|formation|réunion|séminaire|salon|arrêt|repos|voyage|télétravail|mission)|fermée?s?|hors (?:du bureau|ligne))\b|\b(?:absente?|absents?) (?:du|jusqu|à partir|cette|toute|le|les|pour)\b|\b(?:en |période de )?(?:fermeture|congés?) (?:annuelle|annuels|estivale|de fin d['’]année|exceptionnelle)\b|\bne (?:fais|fait|travaille) plus (?:partie|chez|pour|au sein)\b/i,
    /\b(?:closed|fermée?s?) (?:for|until|till|pour|jusqu|du|from|over|during|pendant)\b/i,
    /(?:^|[.!:]\s+|,\s*)(?:en (?:congés?|vacances|déplacement|RTT|formation|arrêt maladie|séminaire|voyage)|absente?|out of (?:the )?(?:office|country)|on (?:leave|holiday|vacation)|away)\b(?=[^.!?\n]{0,40}\b(?:jusqu|du \d|until|till|from|this|cette|toute|all)\b)/im,
    /\b(?:is|are|will be|est|sont|sera) (?:shut|closed|fermée?s?)\b|\bwe reopen\b|\b(?:nous )?rouvr(?:ons|irons)\b|\bne reprendrai (?:mon poste|le travail|mes fonctions)\b|\ben arrêt\b(?! de (?:la |mon )?(?:commande|livraison|abonnement))/i,
    /\bon (?:a |an |my |our )?(?:[\w-]+ ){0,2}(?:holiday|vacation|leave|trip|break|sabbatical|course|retreat)\b|\ben (?:[\w-]+ ){0,2}(?:congés?|vacances|voyage|déplacement)\b/i,
    /\b(?:je suis|i am|i['’]m)\s+(?:sur (?:chantier|le terrain|la route|un salon|site)|on (?:site|the road|jury service|a course|a training course|secondment)|out of the country)\b/i,
    // the neighbours' languages: IT, ES, DE, NL, PT ("chiuso per ferie", "de vacaciones", "im Urlaub", "op vakantie")
    /\b(?:chius[oaie] per (?:ferie|festività|inventario|lavori)|(?:sono|siamo) (?:in ferie|in vacanza|assenti?|fuori (?:ufficio|sede))|in (?:congedo|maternità|paternità)|(?:estoy|estamos) (?:de vacaciones|fuera de la oficina|ausentes?)|cerrad[oa]s? por (?:vacaciones|festivos|inventario)|de (?:baja|permiso) (?:por )?(?:maternidad|paternidad|médica)?|(?:bin|sind) (?:im urlaub|nicht im büro|abwesend|in elternzeit)|(?:ist|sind) (?:geschlossen|im urlaub)|betriebsferien|in elternzeit|(?:ben|zijn) (?:op vakantie|afwezig|niet op kantoor|met verlof)|(?:is|zijn) gesloten|met (?:ouderschaps|zwangerschaps)?verlof|(?:estou|estamos) (?:de férias|ausentes?|fora do escritório)|fechad[oa]s? para férias|de licença)\b/i,
  ] },
  { name: 'time_bound', res: [
    /\bjusqu['’]en (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|\d{4})\b|\b(?:until|till) (?:the )?(?:end of |mid-|early |late )?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i,
    /\b\d{1,2}(?:st|nd|rd|th)? of (?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i,
    /\bwithin (?:one|two|three|a|an|\d+) (?:working |business )?(?:days?|hours?)\b|\b(?:support|office|opening) hours\b|\b(?:heures|horaires) d['’](?:ouverture|accueil)\b/i,
    /\b(?:shortly|as soon as (?:possible|we can|i can)|dès que possible|dans les meilleurs délais|prochainement)\b/i,
    // any date: "on 6 January", "le 15 décembre", "January 6th", "15/12"
    /\b\d{1,2}(?:st|nd|rd|th|er)? (?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b|\b(?:january|february|march|april|june|july|august|september|october|november|december) \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}\/\d{1,2}\b/i,
    /\bdu \d{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) au\b/i,
    /\b(?:until|till|through|returning|back (?:on|at|in|from|next)|from (?:the )?\d{1,2}(?:st|nd|rd|th)? (?:to|until|till)|this week|all week|today and tomorrow|within \d+ ?(?:hours?|h|days?|business days|working days)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: the)? \d{1,2}(?:st|nd|rd|th)?)\b/i,
    /\b(?:dal \d{1,2} [\p{L}]+ al|fino al|(?:del|desde el) \d{1,2} (?:de )?[\p{L}]+ (?:al|hasta)|hasta el|vom \d{1,2}\.? [\p{L}]* ?bis|bis (?:zum|einschließlich)|van \d{1,2} [\p{L}]+ (?:tot|t\/m)|tot en met|até (?:ao|o dia)|de \d{1,2} de [\p{L}]+ a)\b/iu,
    /\b(?:jusqu['’]au|jusqu['’]à|du \d{1,2}(?:er)?(?:\/\d{1,2})? au|à partir du|dès le|de retour (?:le|lundi|mardi|mercredi|jeudi|vendredi)|cette semaine|toute la semaine|aujourd['’]hui et demain|sous \d+ ?(?:h|heures?|jours?)|dans les \d+ ?(?:h|heures?|jours?)|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?: \d{1,2})?)\b/i,
  ] },
  { name: 'mail_handling', res: [
    /\b(?:je ne suis pas|nous ne sommes pas) en mesure de (?:traiter|répondre|lire|suivre)\b|\b(?:i am|i['’]m|we are|we['’]re) (?:not able|unable) to (?:deal with|handle|answer|respond to|read|process) (?:e-?mails?|messages?|requests?|enquiries|inquiries|your (?:e-?mail|message|request))\b/i,
    /\b(?:e-?mails?|messages?|mail)\b[^.!?\n]{0,40}\b(?:will not|won['’]t|are not going to) be (?:read|forwarded|answered|checked|seen)\b/i,
    /\b(?:your|this) (?:e-?mail|message|request|enquiry|inquiry|note) (?:will be|has (?:not )?been|is being) (?:read|handled|answered|dealt with|forwarded|received|logged|passed)\b|\b(?:responses?|replies|answers) (?:will|may) be (?:delayed|slow|slower)\b|\b(?:e-?mails?|messages?|mail|this (?:mailbox|inbox|address)) (?:are|is|will) (?:not|n['’]t|not be) (?:being )?(?:checked|read|monitored|forwarded|answered)\b|\b(?:mailbox|inbox|address) (?:isn['’]t|is not|is no longer) (?:monitored|checked|read)\b/i,
    /\b(?:get|come back) to (?:your|all|every) (?:message|e-?mail|request|enquiry)s?\b|\b(?:will|shall|['’]ll) (?:follow up|be in touch) (?:shortly|soon|with you)\b|\b(?:has been|have been|was) assigned to your (?:ticket|case|request)\b|\bdo not (?:open|create|submit) a (?:new|second|another) (?:ticket|request|case)\b/i,
    /\b(?:we(?:['’]ve| have)|nous avons) (?:logged|registered|recorded|opened|créé|enregistré|ouvert)\b|\b(?:we|our team) (?:typically|usually|normally|aim to|try to) (?:reply|respond|answer|get back)\b|\b(?:je|nous|i|we)\b[^.!?\n]{0,30}\b(?:traiter\w*|lir\w*|répond\w*|reply|respond|read|answer|deal with|handle|get back)\b[^.!?\n]{0,40}\b(?:retour|return|back|réouverture|reopen|possible|as soon as|dès que)\b/i,
    /\b(?:no|without|limited|little|patchy) (?:phone )?(?:signal|reception|connectivity|internet|wi-?fi|network|access to (?:e-?mail|my (?:e-?mails?|inbox)))\b|\b(?:sans|pas de|peu de) (?:réseau|connexion|accès (?:à mes|aux) (?:mails|e-?mails|messages))\b|\b(?:your|votre) (?:e-?mail|message|enquiry|inquiry|request|demande|courriel) (?:has|a bien|est bien)? ?(?:reached|arrived at|landed in|been passed to|bien été transmise?|arrivée?)\b|\b(?:we|our team) (?:reply|respond|answer) to (?:every|all|each) (?:message|e-?mail|request|enquiry)\b|\bnous (?:répondons|traitons) (?:à )?(?:chaque|tous les|toutes les) (?:messages?|demandes?|e-?mails?)\b/i,
    /\bne (?:consulte|lis|relève|regarde|vérifie)\b[^.!?\n]{0,10}\b(?:mes|ma|mon) (?:e-?mails?|mails|messagerie|courriels?|boîte)\b|\b(?:checking|reading|check|read) (?:my |our )?(?:e-?mails?|messages?|inbox) (?:only )?(?:intermittently|occasionally|sporadically|rarely|once a day|in the evening|now and then|from time to time)\b/i,
    /\b(?:i['’]ll|i will|we['’]ll|we will|someone (?:from|in) [\w ]{0,20}will|our team will) (?:catch up|reply|respond|get back to you|be in touch|answer|read)\b|\bwe(?:['’]ve| have) (?:got|received) your (?:e-?mail|message|note|request)\b/i,
    /\b(?:rispond(?:eremo|erò)|responder(?:emos|é)|antworten? (?:ich|wir)|beantworten? (?:ich|wir)|(?:ik|we) (?:reageren|reageer|antwoorden|beantwoorden)|responderemos)\b[^.!?\n]{0,60}\b(?:rientro|ritorno|regreso|vuelta|rückkehr|terugkomst|terugkeer|retorno|regresso)\b|\b(?:al (?:nostro|mio) rientro|a (?:nuestro|mi) regreso|nach (?:meiner|unserer) rückkehr|(?:na|bij) (?:mijn|onze) terugkomst|no (?:meu|nosso) regresso)\b/i,
    /\b(?:votre|ce|cet) (?:message|e-?mail|courriel|demande|mail) (?:sera|a (?:bien )?été|est) (?:lue?|traitée?|transmise?|transférée?|prise? en compte|enregistrée?|reçue?)\b|\b(?:je|nous) (?:prendrai|prendrons) connaissance\b|\b(?:je vous répondrai|nous vous répondrons|un conseiller vous répondra|vous répondrons|(?:je|nous) reviendr(?:ai|ons) vers vous)\b|\b(?:messages?|e-?mails?|courriels?|mails?) ne (?:sont|seront) pas (?:relevés?|lus?|transférés?|consultés?)\b/i,
  ] },
  { name: 'someone_else', res: [
    /\b(?:mes|nos) (?:dossiers|clients|comptes|affaires|demandes) (?:sont|seront) (?:suivi|traité|repris|géré)e?s? par\b|\b(?:my|our) (?:files|clients|accounts|cases|projects|work) (?:are|is|will be) (?:being )?(?:handled|covered|looked after|followed up) by\b/i,
    /\b(?:for (?:anything |any )?urgent|for urgent matters|in (?:my|our) absence|in case of (?:emergency|urgency)|if (?:it is|it['’]s|your (?:matter|request) is) urgent|alternatively|instead\b)|\bplease (?:contact|call|ring|write to|e-?mail|get in touch with|reach out to)\s+(?!me\b|us\b)/i,
    /\b(?:anything|something|if) (?:urgent|pressing|time-sensitive)\b|\b(?:please )?(?:ring|call|phone|contact|e-?mail|write to) (?:the|my|our) (?:office|desk|front desk|reception|switchboard|colleague|assistant|team|help ?desk)\b|\b(?:mon|ma|notre) (?:assistante?|collègue|secrétariat|standard|accueil) (?:reste|est|sera|restera) (?:joignable|disponible|à votre disposition)\b|\bno need to (?:write|reply|respond|send|follow up|resend|chase)\b|\b(?:inutile|pas besoin) de (?:nous |me )?(?:relancer|réécrire|répondre|renvoyer)\b/i,
    /\b(?:en cas d['’]urgence|pour (?:les|toute) (?:demandes? )?urgen|en mon absence|en notre absence|(?:merci|veuillez) (?:d['’]appeler|de contacter|d['’]écrire à|de joindre|de vous adresser à)|vous pouvez (?:contacter|joindre|appeler|écrire à))\b/i,
  ] },
  { name: 'reference', res: [
    /\b(?:reference|ref|ticket|case|request|référence|dossier|demande)(?: number| id| n°| no\.?)?\s*(?:is|est)?\s*[:#(]?\s*#?[A-Z0-9]*-?\d{3,}/i,
  ] },
].map((f) => ({ name: f.name, tests: f.res.map(unicodeWordsTest) }));

/** Names of the notice families the text shows (see NOTICE_FAMILIES). */
export function noticeFamilies(text: string): string[] {
  return NOTICE_FAMILIES.filter((f) => f.tests.some((test) => test(text))).map((f) => f.name);
}

/**
 * Words in quotation marks are reported, not said: a customer telling that a colleague's responder wrote "je suis
 * absente jusqu'au 3" does not announce an absence. Quoted spans (up to a sentence) are dropped before scoring.
 */
const REPORTED_SPEECH = /"[^"\n]{3,200}"|“[^”\n]{3,200}”|«[^»\n]{3,200}»/g;

/** `voice`: the shop's order pattern; an auto-reply's own text never names one of the shop's orders. */
export function looksLikeOutOfOffice(subject: string, text: string, voice: Pick<VoiceOptions, 'orderNumber'> = {}): boolean {
  const body = text.slice(0, 3000).replace(/’/g, "'").replace(REPORTED_SPEECH, ' ');
  if (AUTO_SUBJECT_PREFIX.test(subject)) return true;
  // an auto-reply never tells what its writer bought or asks to buy
  if (customerVoice(body, voice)) return false;
  const subjectSays = SUBJECT.test(subject);
  const strong = STRONG.filter((test) => test(body)).length;
  let score = (subjectSays ? 2 : 0) + 2 * strong;
  for (const test of SUPPORT) if (test(body)) score += 1;
  // order words inside a referral ("pour le suivi des commandes, contactez Paul") are the robot pointing elsewhere
  const ownWords = body.split(/(?<=[.!?\n])/).filter((sentence) => !REFERRAL(sentence)).join('');
  for (const test of AGAINST) if (test(ownWords)) score -= 2;
  if ((strong > 0 || subjectSays) && score >= 3) return true;
  // the notice's shape, when no listed phrase says it: never with a question, a request or the writer's own order
  if (NOTICE_AGAINST.some((test) => test(ownWords))) return false;
  const families = noticeFamilies(body);
  return families.length >= 3 && (families.includes('away') || families.includes('mail_handling'));
}
