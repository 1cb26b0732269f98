/**
 * Instructions to an AI, wherever a message carries them (see mail/carriers.ts). What a reviewer needs to know is
 * that someone tried to steer the machine, and where: `findInjection` returns the cue family that fired and the
 * carrier that held it, so the decision reads `prompt_injection` + `injection_in_signature`.
 *
 * The cues are about meaning, in FR and EN (accent-folded text):
 * - override: "ignore / disregard / forget … the instructions, rules, consignes" (not "my earlier instructions");
 * - role: a new persona or mode ("you are now", "from now on you", "developer mode"), role markers and prompt tags
 *   ("system:", "[INST]", "<system>", "### instruction", "nouvelles consignes :");
 * - addressed_to_ai: a note or message for an AI / assistant / automated system ("note to the assistant",
 *   "automated assistants processing this message", "si tu es une IA", "AI: reply…");
 * - pipeline_directive: what only a machine in the loop is told: "do not forward this to a human", "without checking
 *   with a colleague", "confirm … without validation", "do not mention this note";
 * - prompt_probe: "reveal your system prompt / internal rules";
 * - data_exfiltration: another customer's details, the customer list.
 * Where the sender does not speak to the shop (a signature, a display name, a file name, an HTML comment, hidden text)
 * three more readings hold, since nobody there has a reason to give orders:
 * - grant_directive: an order to grant or confirm a refund, a code, a discount or a gesture;
 * - privileged_sender: "this customer is a priority / pre-approved / has an agreement";
 * - reply_directive: an order about the reply itself ("translate / encode / add a sentence to your response").
 */
import type { Carrier, CarrierSegment } from '../mail/carriers';
import { fold } from './lexicon';

export type InjectionCue =
  | 'override' | 'role' | 'addressed_to_ai' | 'pipeline_directive' | 'prompt_probe' | 'data_exfiltration'
  | 'grant_directive' | 'privileged_sender' | 'reply_directive';

export interface InjectionHit {
  carrier: Carrier;
  cue: InjectionCue;
}

/** Carriers where the sender does not address the shop: any order given there is aimed at whoever processes the mail. */
const UNSPOKEN: ReadonlySet<Carrier> = new Set(['signature', 'display_name', 'attachment_name', 'html_comment', 'hidden_html']);

/** Who an instruction to a machine is addressed to (folded). */
const AI =
  '(?:ai|a\\.i\\.|ia|i\\.a\\.|llm|gpt|chat ?gpt|chatbot|bot|(?:large )?language models?|modeles? de langage|(?:ai|ia) models?|modeles? d\'ia|' +
  'assistants?(?: (?:ia|ai|virtuels?|automatiques?|de reponse))?|(?:ia|ai|reply|response|virtual|digital|automated|automatic|support) assistants?|' +
  'agents? (?:ia|ai|virtuels?|automatiques?|conversationnels?)|(?:ai|virtual|automated) agents?|copilot|' +
  'systemes? (?:automatises?|automatiques?|d\'ia)|automated (?:systems?|tools?|responders?|repl(?:y|ies)|processing)|' +
  'automatic (?:repl(?:y|ies)|responders?)|intelligence artificielle|artificial intelligence|repondeur automatique|' +
  'auto-?responders?|traitement automatique|processing (?:system|pipeline))';
/** Up to two words between a preposition and the AI, none of them "my" (a note for my assistant is not for ours). */
const FILLER = "(?:(?!my |mon |ma |mes |our |notre |nos )\\w+ ){0,2}";
/** What the processing AI is said to be reading: this message, the file, ce courriel… */
const THIS_MAIL =
  '(?:this|these|the|ce|cet|cette|ces|le|les) (?:\\w+ )?(?:messages?|e-?mails?|mails?|courriels?|files?|fichiers?|documents?|notes?|requests?|demandes?|texte?s?|conversations?|tickets?|threads?|inbox|boite)';
const OVERRIDE = [
  /\b(?:ignore|ignores|ignorez|ignorer|disregard|forget|oublie|oubliez|oublier|override|bypass|contourne|contournez|ne (?:tiens|tenez) (?:pas|plus) compte d\w*|faites abstraction d\w*|fais abstraction d\w*)\b(.{0,50}?)\b(?:instructions?|prompts?|rules?|guidelines?|guardrails?|safety (?:rules|checks|filters)|consignes?|regles?|directives?|restrictions?|limitations?|programming|programmation|system message)\b/,
];
/** "ignore my previous instructions about the delivery": the sender taking back their own words. */
const OWN_WORDS = /\b(?:my|mes|mon|ma|our|nos|notre)\b/;

const ROLE = [
  /\b(?:you are now|you're now|you are no longer|from now on,? (?:you|act|respond|reply|answer)|tu es (?:maintenant|desormais|a present)|vous etes (?:maintenant|desormais|a present)|(?:a partir de maintenant|des maintenant|desormais),? (?:tu|vous) (?:es|etes|dois|devez|vas|allez|reponds|repondez)|tu dois desormais|vous devez desormais)\b/,
  /\b(?:developer mode|mode developpeur|maintenance mode|mode maintenance|debug mode|mode debug|admin(?:istrator)? mode|mode admin\w*|god mode|jailbreak\w*|dan mode|do anything now|unrestricted mode|mode sans restriction)\b/,
  /\b(?:act|behave|respond|reply) as (?:if you were |though you were )?(?:an?|the|my) (?:unrestricted |unfiltered |different |new )?(?:ai|assistant|agent|bot|system|admin\w*|developer|manager|supervisor)\b/,
  /\b(?:pretend|imagine) (?:to be|you are|that you are|you're)\b|\b(?:fais|faites) semblant d'etre\b|\b(?:joue|jouez) le role d\w*\b/,
  /(?:^|\n)\s*(?:system|systeme|developer)\s*:\s*\S/,
  // "Assistant: …" at the head of a line, then spoken to ("tu", "your"): not a signature's "Assistant: Jane Doe"
  /(?:^|\n)\s*(?:assistant|assistante|ai|ia|bot|chatbot)\s*:[^\n]{0,300}?\b(?:you|your|tu|ta|ton|tes|toi|vous|votre|vos)\b/,
  /<\|(?:im_start|im_end|system|user|assistant|endoftext)\|>|\[\/?inst\]|<<\/?sys>>|<\/?(?:system|instructions?|prompt|admin)>|###\s*(?:instructions?|system|new|nouvelles?)\b/,
  /\b(?:begin|start|end) (?:of )?(?:new |the )?(?:instructions?|system prompt|user input|customer (?:input|message|email))\b/,
  /\b(?:nouvelles?|new|updated|revised|real|vraies?) (?:instructions?|consignes?|rules?|regles?|directives?|task|tache)\s*:/,
];

const ADDRESSED = [
  // "note to the AI assistant", "note à l'intention des assistants IA", "message pour l'IA", "instructions for the model"
  new RegExp(`\\b(?:note|notes|message|instructions?|memo|reminder|rappel|consignes?|directives?|avis|attention|p\\.?s\\.?|nb)(?: (?:interne|internal|importante?|speciale?|privee?))?\\s*(?:[:(-]\\s*)?(?:to|for|pour|a|aux|au|addressed to|intended for|a l'intention d(?:e|u|es)|a l'attention d(?:e|u|es)|destinee?s? (?:a|aux|au))\\s+(?:the |any |all |every |l'|les |le |la |un |une |tout |toute |tous |toutes )?${FILLER}${AI}\\b`),
  // "automated assistants processing this message", "l'assistant IA qui traite ce message", "AI reading this file"
  new RegExp(`(?<!['\\w])${AI}\\s+(?:\\w+ ){0,2}(?:processing|reading|handling|parsing|analy[sz]ing|answering|that (?:process|read|handle|parse|answer)s?|who (?:process|read|handle|answer)s?|qui (?:traite|traitent|lit|lisent|gere|gerent|analyse|analysent|repond a|repondent a)|lisant|traitant|analysant) ${THIS_MAIL}\\b`),
  // "if you are an AI", "si tu es une IA", "to any AI reading"
  new RegExp(`\\b(?:if|si|when|quand|in case) (?:you are|you're|tu es|vous etes|this (?:is|email is) (?:read|processed) by) (?:an? |une? |the |l')?(?:\\w+ )?${AI}\\b`),
  // vocative: "AI: …", "Dear assistant, ignore…", "Hey bot, reply…"
  new RegExp(`(?:^|\\n|[.!?]\\s)\\s*(?:dear |hey |hi |hello |cher |chere |bonjour |to the |to |a l')?${AI}\\s*[:,-]\\s*(?:please |merci de |s'il te plait |stp )?(?:ignore|you|tu|vous|reply|respond|answer|reponds|repondez|list|send|give|confirm|apply|grant|add|include|write|translate|tell|forget|do|fais|faites|confirme|confirmez|applique|appliquez|accorde|accordez|ajoute|ajoutez|envoie|envoyez|donne|donnez|ecris|ecrivez|oublie|oubliez)\\b`),
];

const PIPELINE = [
  // "do not forward this message to a human agent", "ne transmets pas à un conseiller"
  /\b(?:do not|don't|dont|never|no need to|without)\b.{0,25}\b(?:forward\w*|transfer\w*|escalat\w*|pass\w*|send\w*|show\w*|hand\w*|rout\w*|refer\w*|involv\w*|flag\w*)\b.{0,40}\b(?:to|with) (?:a |any |the |an )?(?:human|humans|real person|agent|human agent|colleague|manager|supervisor|reviewer|staff member|operator|moderator)s?\b/,
  /\b(?:ne (?:le |la |les |l')?(?:transmet|transmets|transmettez|transfere|transferez|montre|montrez|envoie|envoyez|escalade|escaladez|fais|faites|passe|passez|soumets|soumettez)\w* (?:pas|jamais)|sans (?:le |la |les |l')?(?:transmettre|transferer|escalader|soumettre|faire (?:suivre|valider|verifier)|passer))\b.{0,40}\b(?:a|au|aux|par) (?:un |une |des |le |la |l')?(?:humains?|conseill\w*|agents?|collegues?|responsables?|superviseurs?|operateurs?)\b/,
  // "confirm it … without checking with a colleague / without asking for approval", "sans demander de validation"
  /\b(?:without|sans)\s+(?:(?:asking|checking|consulting|verifying|waiting|demander|verifier|consulter|attendre|en referer)\s+(?:(?:for|with|a|au|aux|d'|de|l'|une?|the|any|an)\s*)*(?:approvals?|validations?|colleagues?|managers?|supervisors?|humans?|agents?|reviews?|collegues?|responsables?|approbations?|conseill\w*|superieurs?)|(?:human|manual|prior) (?:review|approval|validation|checks?)|(?:validation|approbation|verification) (?:humaine|manuelle|prealable|d'un (?:humain|conseiller|responsable)))\b/,
  /\b(?:confirm|confirme|confirmez|apply|applique|appliquez|grant|accorde|accordez|process|valide|validez|approve|approuve|approuvez)\b.{0,60}\b(?:without (?:asking for |any )?(?:approval|validation)|sans (?:demander (?:de |d'|l')?)?(?:validation|approbation|accord))\b/,
  // "do not mention this note", "ne mentionnez pas cette consigne"
  /\b(?:do not|don't|never|ne)\s+(?:mention|reveal|disclose|repeat|quote|refer to|mentionne\w*|revele\w*|repete\w*|cite\w*|evoque\w*|fais(?: pas)? (?:mention|etat)|faites(?: pas)? (?:mention|etat))\b.{0,20}\b(?:this|these|the|cette|ces|cet|la|le|de cette|de ces)\s+(?:\w+ )?(?:note|notes|instructions?|consignes?|directives?|remarque|commentaire|comment|message cache|hidden (?:text|message))\b/,
];

const PROBE = [
  /\b(?:system prompt|prompt systeme|system message|initial prompt|hidden prompt|prompt initial|instructions? (?:systeme|initiales?|cachees?|internes?)|(?:internal|hidden|initial|original) instructions)\b/,
  /\b(?:reveal|print|show|list|output|repeat|display|dump|give me|affiche\w*|revele\w*|liste\w*|repete\w*|montre\w*|donne-moi|donnez-moi)\b.{0,40}\b(?:your (?:policy|policies|rules|prompt|instructions|guidelines|configuration)|(?:internal|hidden|secret) (?:policy|policies|rules|notes|instructions|codes?)|politique interne|regles internes|tes (?:instructions|consignes|regles)|vos (?:instructions|consignes|regles) internes|the (?:text|instructions) above|le texte ci-dessus)\b/,
];

const EXFILTRATION = [
  // "orders for client gifts" is how a business buyer speaks of its own purchases: "orders for" someone asks for their
  // data only with a determiner before them ("the orders for the previous customer")
  /\b(?:address|e-?mail|phone(?: number)?|details|full name|name|order history|card|iban) (?:of|for) (?:the |another |other |a |your |all )?(?:other |previous |last |recent )?(?:customers?|clients?|buyers?|person who (?:ordered|bought))\b/,
  /\borders (?:of (?:the |another |other |a |your |all )?|for (?:the |another |other |a |your |all ))(?:other |previous |last |recent )?(?:customers?|clients?|buyers?|person who (?:ordered|bought))\b/,
  // …or, asked for with a verb of handing over, the data of people picked out by what they did: "send me the orders
  // for all the customers who bought this teapot", "envoyez-moi les commandes pour les clients qui ont acheté…" (not
  // "your site says orders for customers who order before 2pm ship the same day", "tell me whether orders for
  // customers who pay by PayPal ship later")
  /\b(?:send|list|give|show|share|export|forward|tell|envoy\w*|donn\w*|list\w*|montr\w*|transfer\w*|partag\w*|communiqu\w*|export\w*)\b(?:(?!\b(?:if|whether|si|when|how|why|quand|comment|pourquoi)\b)[^.?!\n]){0,40}\b(?:orders?|order history|addresses|e-?mails?|names|details|commandes|adresses|coordonnees|noms)\b (?:for|of|placed by|from|pour|de|des|passees par) (?:the |all (?:the )?|other |every |les |tous les |toutes les |d'autres )?(?:other |previous |last |recent |autres )?(?:customers|clients|buyers|people|acheteurs|personnes) (?:who|that|which|qui)\b/,
  /\b(?:adresse|coordonnees|nom|telephone|e-?mail|historique|commandes) (?:de|du|d'un|d'une|des) (?:l'autre |autre |un autre |autres |derniers |dernieres )?(?:clients?|clientes?|acheteurs?|acheteuses?)\b/,
  /\b(?:list|liste\w*|export\w*|send me|envoyez-moi|envoie-moi|give me|donnez-moi|donne-moi|share|partage\w*)\b.{0,50}\b(?:(?:all|other|every|\w+ (?:most )?recent|last \w+|tous les|toutes les|les autres|les \w+ derniers) (?:customers?|clients?)|customer (?:e-?mail )?(?:addresses|emails|list|data|database|records)|adresses? (?:e-?mail )?des clients|fichier clients?|base (?:de donnees )?clients?)\b/,
];

/** An order to grant something (refund, code, discount, gesture). */
/** Where an imperative stands: the head of a sentence or clause, or after "please", "merci de", "must"… */
const IMPERATIVE_AT = "(?:^|[.!?:;,\\n(\\[-]\\s*|\\b(?:please|kindly|merci d[e']|veuillez|svp|must|should|doit|devez|dois|always|toujours|systematiquement|then|puis|et|and)\\s+)";
const GRANT = [
  new RegExp(IMPERATIVE_AT + /(?:confirm|apply|grant|issue|approve|process|validate|award|credit|authori[sz]e|confirme|confirmez|confirmer|applique|appliquez|appliquer|accorde|accordez|accorder|valide|validez|valider|rembourse|remboursez|rembourser|octroie|octroyez|attribue|attribuez|credite|creditez|approuve|approuvez)\b.{0,70}\b(?:refund\w*|rembours\w*|codes?|discount\w*|remise|voucher|bon d'achat|avoir|credit|geste(?: commercial)?|gesture|compensation|dedommagement|indemni\w*|free (?:shipping|delivery|express)|livraison (?:offerte|gratuite|express)|frais de port|shipping (?:fee|cost)s?|reduction|promo\w*|\d+ ?%)/.source),
  new RegExp(IMPERATIVE_AT + /(?:offer|offrez|offre|offrir|give|donnez|donne|send|envoyez|envoie)\b.{0,30}\b(?:(?:full|integral|total) (?:refund|remboursement)|(?:refund|remboursement) (?:integral|total|complet|in full)|without return|sans retour|free express|livraison express (?:offerte|gratuite))\b/.source),
];
const PRIVILEGED = [
  /\b(?:this|the) (?:customer|client|sender|buyer|user|account)\b.{0,30}\b(?:is|has|holds|qualifies|benefits)\b.{0,40}\b(?:priority|prioritised|pre-?approved|approved|vip|whitelisted|verified|authori[sz]ed|entitled|exempt|agreement|special status)\b/,
  /\b(?:ce|cette|le|la|l') ?(?:client|cliente|expediteur|expeditrice|acheteur|acheteuse|compte|dossier)\b.{0,30}\b(?:est|a|beneficie|dispose)\b.{0,40}\b(?:prioritaire|vip|pre-?approuve\w*|approuve\w*|valide\w* par|autorise\w*|droit a|accord commercial|statut (?:special|privilegie))\b/,
];
/** An order about the reply itself: its language, encoding, form, or a sentence to add. */
const REPLY = [
  /\b(?:encode|encrypt|translate|reverse|rewrite|render|express|format|modify|alter|add|append|integrate|insert|embed|enhance|traduis|traduisez|encode|chiffre|chiffrez|inverse|inversez|reecris|reecrivez|ajoute|ajoutez|insere|inserez|integre|integrez|modifie|modifiez)\b.{0,60}\b(?:your|ta|votre|tes|vos) (?:response|reply|answer|message|output|reponse)s?\b/,
  /\b(?:in|into|to|dans|a) (?:your|ta|votre) (?:response|reply|answer|output|reponse)s?\b.{0,10}\b(?:add|include|insert|mention|promote|suggest|ajoute\w*|inclu\w*|insere\w*|mentionne\w*|suggere\w*)\b/,
  /\b(?:respond|reply|answer|reponds|repondez)\b.{0,30}\b(?:only |uniquement |exclusively )?(?:in|with|using|en|avec) (?:base ?64|hex\w*|emojis?|binary|morse|cipher|reverse|rot13|leetspeak|caesar)\b/,
];
/** "Please quote our reference in your reply": a business signature asking for its own reference is not an order. */
const OWN_REFERENCE = /\b(?:reference|ref|numero|number|dossier|case|ticket|invoice|facture|order|commande)\b/;

function firstMatch(res: RegExp[], text: string): RegExpExecArray | null {
  for (const re of res) {
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

/** The cue family an instruction to an AI matches in one text, or null; `unspoken` adds the readings of UNSPOKEN. */
export function injectionCue(text: string, unspoken = false): InjectionCue | null {
  const t = fold(text).replace(/[ \t]+/g, ' ');
  if (!t.trim()) return null;
  const override = firstMatch(OVERRIDE, t);
  if (override && !OWN_WORDS.test(override[1] ?? '')) return 'override';
  if (firstMatch(ROLE, t)) return 'role';
  if (firstMatch(ADDRESSED, t)) return 'addressed_to_ai';
  if (firstMatch(PIPELINE, t)) return 'pipeline_directive';
  if (firstMatch(PROBE, t)) return 'prompt_probe';
  if (firstMatch(EXFILTRATION, t)) return 'data_exfiltration';
  if (!unspoken) return null;
  if (firstMatch(GRANT, t)) return 'grant_directive';
  if (firstMatch(PRIVILEGED, t)) return 'privileged_sender';
  const reply = firstMatch(REPLY, t);
  if (reply && !OWN_REFERENCE.test(reply[0])) return 'reply_directive';
  return null;
}

/** The first instruction to an AI found in each carrier of the message (one hit per carrier). */
export function findInjection(segments: CarrierSegment[]): InjectionHit[] {
  const hits: InjectionHit[] = [];
  for (const s of segments) {
    if (hits.some((h) => h.carrier === s.carrier)) continue;
    const cue = injectionCue(s.text, UNSPOKEN.has(s.carrier));
    if (cue) hits.push({ carrier: s.carrier, cue });
  }
  return hits;
}
