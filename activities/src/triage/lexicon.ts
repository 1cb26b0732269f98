/**
 * FR + EN cue lexicons for the rule classifier: weighted patterns per intent and per routing signal.
 * General phrasings of customer-support mail, written from the taxonomy — never from particular emails.
 * Patterns run on accent-folded, lower-cased text (see fold()), so write them without accents.
 */
import type { Intent } from '../domain/types';

export const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`]/g, "'").replace(/[\u00a0\u202f]/g, ' ');

export interface Cue { re: RegExp; w: number }
const cue = (w: number, ...res: RegExp[]): Cue[] => res.map((re) => ({ re, w }));

/**
 * A charge the customer says is wrong by its count or its moment (folded): taken twice, a second debit, a duplicate,
 * still taken after a cancellation. What has happened is money going out: a payment problem, not a refund's progress.
 */
export const DOUBLE_CHARGE: RegExp[] = [
  /\b(?:charged|billed|debited|taken) (?:me )?(?:twice|two times|double|a second time|again)\b/, /\bdouble[- ](?:charged?|billed|payment|debit)\b/,
  /\b(?:two|2|duplicate|double|a second|another) (?:charges|debits|payments|transactions|withdrawals|charge|debit|payment|transaction)\b.{0,40}\b(?:for|of|on|from)\b/,
  /\b(?:deux|2) (?:prelevements|debits|paiements|transactions)\b/, /\b(?:un |le )?doublon\b/, /\b(?:en double|une deuxieme fois|une seconde fois|a nouveau preleve|preleve a nouveau|debite a nouveau)\b/,
  /\b(?:debite|debitee|preleve|prelevee|facture|facturee)s? (?:deux fois|2 fois|en double)\b/,
  // still charged after the order was cancelled
  /\b(?:cancel(?:led|ed)?|annule)\b.{0,80}\b(?:still|toujours|quand meme|pourtant)\b.{0,40}\b(?:charged|debit|debited|debite|preleve|prelevement|taken|shows? the)\b/,
  /\b(?:charged|debited|debite|preleve|billed)\b.{0,40}\b(?:after|despite|malgre|apres)\b.{0,30}\b(?:cancel|annul)/,
];

/** ES, IT, DE, PT, NL: the account's password changed, or its e-mail or address someone else's (a takeover's first cue). */
export const ACCOUNT_CHANGED_LANGS = /\b(?:contrasena|password|passwort|kennwort|senha|wachtwoord)\b[^.?!]{0,40}\b(?:cambiad[ao]|cambiat[ao]|geandert|alterad[ao]|mudad[ao]|gewijzigd|veranderd)\b|\b(?:e-?mail-?adresse|lieferadresse|direccion de correo|indirizzo (?:e-?)?mail|endereco de e-?mail|e-?mailadres)\b[^.?!]{0,40}\b(?:nicht (?:meine|mir)|fremde|no es (?:la )?mia|non e (?:la )?mia|nao e (?:o )?meu|nao e a minha|niet van mij|niet de mijne)\b/;
/** ES, IT, DE, PT, NL: the writer disowns what was done ("ich war das nicht", "no fui yo"): a takeover's second cue. */
export const ACCOUNT_DISOWNED_LANGS = /\b(?:ich war (?:das|es) nicht|das war(?:en)? nicht ich|yo no (?:he sido|fui)|no fui yo|non sono stat[oa] io|nao fui eu|ik was het niet|dat was ik niet)\b/;

/** Intents a rule can recognise from the text. Machine intents come from the machine-mail verdict. */
export const INTENT_CUES: Partial<Record<Intent, Cue[]>> = {
  order_status: [
    ...cue(2,
      /\bwhere(?:'s| is) (?:my|the) (?:order|parcel|package)/, /\bou en est (?:ma|la|mon|le)\b/, /\bou en est[- ]elle\b/,
      /\b(?:when|quand)\b.{0,50}\b(?:arrive|arriver|deliver|delivered|ship|shipped|dispatch|dispatched|turn up|livre|livree|expedie|expediee|recevoir|parti|partie)\b/,
      /\bou (?:elle|il) en est\b/, /\bwhere (?:it|my order|the order|the parcel|my parcel) is\b/,
      /\bwhere(?:'s| is| are)\b.{0,30}\b(?:order|parcel|package|delivery|items?)\b/, /\bou (?:en )?(?:est|sont)\b.{0,30}\b(?:commande|colis|articles?|livraison)\b/,
      /\bwill (?:my|the|it|they|this|order)\b.{0,40}\b(?:arrive|be delivered|be here|get here|ship|be shipped|be dispatched)\b/,
      /\b(?:arrivera|arriveront|sera livree?|seront livree?s|sera expediee?|partira)\b/,
      /\b(?:on track|checking in on|just checking|chasing (?:up )?(?:my|the|order))\b/,
      /\b(?:etat|statut|avancement|suivi) de (?:ma|la|mon|le) (?:commande|colis|livraison|envoi)\b/, /\b(?:resend|renvoyer|renvoyez)\b.{0,20}\b(?:tracking|suivi)\b/,
      /\b(?:has|have) (?:it|my order|the order|the parcel) (?:shipped|been shipped|been dispatched|left)/,
      /\b(?:est-il|est-elle|a-t-il|a-t-elle) (?:deja )?(?:parti|partie|expedie|expediee)/,
      /\b(?:delivery date|date de livraison|tracking (?:number|link|info)|numero de suivi|lien de suivi)\b/,
      /\b(?:shipping|dispatch) confirmation\b/, /\bmail d'expedition\b/, /\bconfirm when\b/, /\blikely to (?:turn up|arrive)\b/,
      /\b(?:order|commande) status\b/, /\bstatut de (?:ma|la) commande\b/, /\bsuivi (?:de )?(?:ma )?commande\b/,
      /\bespere?r? la recevoir\b/, /\bchase (?:it|my order|the order)\b/, /\bverifier\b.{0,30}\b(?:commande|s'il vous plait)/,
      /\b(?:any|an) update on (?:my|the) order\b/, /\bpas encore recu de (?:mail|e-mail|confirmation)\b/,
      /\b(?:dispatched|shipped|sent out|sent yet|posted|expediee?|envoyee?|partie?)\b[^.?!]{0,25}\?/,
      /\b(?:any news|any update|heard anything|no news|des nouvelles|aucune nouvelle|pas de nouvelles)\b/,
      /\b(?:has|have) (?:it|they|my order|my parcel) (?:been|already been) (?:dispatched|shipped|sent|posted)\b/,
      /\b(?:has|have|is|was)\b.{0,30}\b(?:dispatched|shipped|sent|posted|handed (?:over )?to|left (?:the|your) warehouse|picked up|collected)\b[^.?!]{0,30}\?/,
      /\b(?:a-t-elle|a-t-il|ont-elles|ont-ils) (?:bien |deja )?ete (?:expediee?s?|envoyee?s?|livree?s?|remise?s?|prise?s? en charge)\b/,
      /\b(?:remise?|confiee?) (?:au|a un) (?:transporteur|livreur)\b/,
      /\b(?:ou|where) (?:est|is|se trouve) (?:ma commande|mon colis|my order|my parcel|my package)\b/),
    ...cue(1.5, /\b(?:tracking|suivi)\b.{0,30}\b(?:says|shows|said|indique|affiche|dit)\b/, /\b(?:out for delivery|en cours de livraison|en livraison)\b/),
    ...cue(1, /\b(?:tracking|suivi|expedi|shipped|dispatch|livraison|delivery)\b/, /\bcolis\b/, /\bparcel\b/),
  ],
  delivery_delay: [
    ...cue(2.5,
      /\b(?:was|were) (?:supposed|meant|due|expected) (?:to arrive|to be delivered|to be here|on|by)\b/, /\bwas due\b/,
      /\bshould have (?:been (?:here|delivered)|arrived|come)\b/, /\b(?:still )?(?:hasn't|has not|haven't) (?:shown up|turned up|been delivered)\b/,
      /\baurai(?:t|ent) du (?:etre livree?s?|arriver)\b/, /\btoujours pas (?:recu|arrivee?|livree?)\b/,
      /\b(?:devait|devaient|aurait du|censee?s? (?:arriver|etre livree?)|etait (?:annoncee?|prevue?) (?:pour|le))\b/,
      /\b(?:still|toujours) (?:nothing|not (?:arrived|here|received|delivered)|no sign|rien|pas (?:la|arrivee?|recu|livree?))\b(?! (?:my|the|a|any|mon|le) (?:refund|remboursement))/,
      /\b(?:hasn't|has not|haven't|have not|still hasn't) (?:arrived|been delivered|turned up|come)\b/,
      /\b(?:days?|week|semaines?|jours?) (?:late|overdue|de retard)\b/, /\ben retard\b/, /\bretard de livraison\b/,
      /\b(?:late|delayed) (?:order|delivery|parcel)\b/, /\b(?:more than|over) a week late\b/, /\bn'est toujours pas arrive/,
      /\btoujours rien recu\b/, /\bn'ai toujours (?:rien|pas) recu\b/, /\bhas it been lost\b/, /\bperdu\b.{0,20}\?/,
      /\bn'a pas bouge\b/, /\bhasn't moved\b/, /\bstill (?:shows?|says?) (?:it as )?(?:in transit|en transit)\b/),
    ...cue(1, /\bretard\b/, /\blate\b/, /\bdelay(?:ed)?\b/, /\bin transit\b/, /\ben cours d'acheminement\b/),
  ],
  missing_item: [
    ...cue(3,
      /\b(?:missing|manquant|manquante|manque|manquait|il manque)\b/, /\bisn't in the (?:box|parcel|package)\b/,
      /\bwasn't in the (?:box|parcel|package)\b/, /\bnot (?:in|included in) the (?:box|parcel|package)\b/,
      /\b(?:pas|n'etait pas|ne figurait pas) dans le (?:colis|carton|paquet)\b/, /\bonly received (?:one|part)\b/,
      /\bmissed when packing\b/, /\bcolis incomplet\b/, /\bincomplete (?:order|parcel)\b/,
      /\bthere (?:was|were) no \w+/, /\b(?:didn't|did not) come with\b/, /\bforgot(?:ten)? to (?:include|pack|send)\b/,
      /\bil n'y avait (?:pas|aucun|aucune|que)\b/, /\bn'y (?:etait|etaient) pas\b/,
      /\bonly (?:\w+ )?(?:of|out of) the \w+ (?:came|arrived|turned up|were in)\b/, /\bnowhere to be (?:found|seen)\b/, /\b(?:oublie|oubliee) (?:dans|de mettre)\b/),
  ],
  damaged_item: [
    ...cue(3,
      /\b(?:damaged|broken|cracked|chipped|dented|shattered|smashed|scratched)\b/,
      /\b(?:abime|abimee|casse|cassee|ebreche|ebrechee|fissure|fissuree|fele|felee|endommage|endommagee|raye|rayee|bosse|bossee|tordu|tordue|dechire|dechiree|fuit)\b/,
      /\b(?:stained|(?:est|sont|etait|etaient|arrivee?s?|un peu|toute?s?|completement) tachee?s?)\b/,
      /\b(?:dent|bent|torn|leaking|leaks|scratch(?:es)?|(?:handle|lid|base) (?:is |was )?(?:loose|wobbly|missing a screw)|in pieces)\b/,
      // a fault that shows in use: a coating that flakes or peels, rust, a part that works loose ("la poignée bouge déjà
      // et le revêtement s'écaille", "the coating is already peeling", "le manche se dévisse")
      /\b(?:s'ecaill\w*|ecaille(?:e|s|es)?|se decoll\w*|rouill\w*|flak(?:ing|es|ed)|peel(?:ing|s|ed)(?! off the (?:label|sticker|film))|rust(?:y|ed|ing)?|(?:coating|finish|paint|enamel|non-stick) (?:is |has )?(?:coming|came|come) off)\b/,
      /\b(?:poignee|manche|couvercle|anse|pied|base|bouton|charniere|handle|knob|hinge) (?:\w+ ){0,3}?(?:bouge|branle|se devisse|ne tient (?:plus|pas)|tient mal|wobbles|is coming off|came off|fell off|has come loose|is loose)\b/,
    ),
    ...cue(2.5, /(?<!\b(?:suivi|lien|link|tracking|site|website|code|page|compte|account|app|application|login|password|mot de passe)\b.{0,15})\b(?:defective|faulty|doesn't work|does not work|stopped working|defectueux|defectueuse|ne fonctionne (?:pas|plus)|en panne|ne (?:chauffe|marche|s'allume) (?:pas|plus))\b/),
  ],
  return_request: [
    ...cue(2.5,
      // "renvoyer" to the customer ("me renvoyer la facture") or a document resent is sending again, not a return
      /\b(?:return|(?<!\b(?:me|nous)(?: la| le| les)? |\b(?:m'|me l'|nous l'))renvoyer(?! (?:la |le |l'|une |un |votre |vos |de nouveau )?(?:facture|mail|e-?mail|lien|code|confirmation|document|copie|justificatif|recu))|retourner|send (?:it|them|this|the \w+) back|echanger|exchange)\b/,
      /\b(?:return (?:policy|window|label|period)|droit de retour|delai de retour|politique de retour)\b/,
      /\bjusqu'a quand\b/, /\bhow long (?:do i have|have i got) to return\b/,
      /\bsend (?:\w+ ){1,3}back\b/, /\b(?:until|by) when\b/, /\bavant quelle date\b/),
    ...cue(1, /\bretour\b/, /\bswap\b/),
  ],
  refund_request: [
    ...cue(3,
      /\b(?:i'd like|i would like|i want|i wish|please|could you|can you|can i get|je souhaite|je voudrais|je veux|merci de|pourriez-vous|pouvez-vous|je demande)\b.{0,60}\b(?:refund|rembours)/,
      /\b(?:refund (?:me|it|this|my)|be refunded|etre rembourse)/, /\bfor a refund\b/, /\bremboursement (?:de|du|des|par)\b/,
      /\bmoney back\b/),
  ],
  refund_status: [
    ...cue(3,
      /\b(?:refund|remboursement)\b.{0,60}\b(?:processed|issued|been made|effectue|traite|valide|done)\b/,
      // a refund gone through, come through, done, to show up on a card or an account
      /\b(?:refund|remboursement|rembourse)\b.{0,60}\b(?:gone through|went through|go through|come through|came through|c'est fait|est fait|bien passe|credited|credite|showed up|shown up|landed)\b/,
      /\b(?:show|shows|showing|turn|turns) up on (?:my|the) (?:card|account|statement|bank)\b/, /\bapparai\w* sur (?:mon|ma) (?:compte|releve|carte)\b/,
      /\b(?:toujours pas|pas encore|jamais) (?:ete )?rembourse/, /\bpas vu un centime\b/, /\bstill (?:waiting for|no) (?:my|the|a)? ?refund\b/,
      /\bwhere is my refund\b/, /\b(?:nothing|no money) (?:has )?(?:shown up|appeared|arrived)\b/, /\bmoney to (?:appear|arrive|show)\b/,
      /\b(?:received|recu) (?:my|ma|mon|the|le|la) .{0,30}(?:en retour|back|return)\b/, /\bremboursement\b.{0,40}\b(?:toujours|pas recu|attends)\b/,
      /\b(?:haven't|have not|still haven't|still not|not yet|never) (?:yet )?(?:got|received|seen) (?:my|the|a|any) refund\b/,
      /\b(?:when|quand)\b.{0,40}\b(?:my refund|mon remboursement|be refunded|etre rembourse)/,
      /\b(?:sent|posted|returned|renvoye|retourne|renvoyee|retournee)\b.{0,50}\b(?:ago|il y a|depuis)\b/,
      /\bhow long\b.{0,40}\b(?:refund|money (?:is|to be) back|reimburs)/, /\bcombien de temps\b.{0,40}\brembours/),
  ],
  cancel_order: [
    ...cue(3, /\b(?:cancel|cancelling|canceling|cancellation|annuler|annulation|annulez|annulee?)\b/),
  ],
  change_address: [
    ...cue(3,
      /\b(?:change|changer|modifier|update|correct|corriger)\b.{0,40}\b(?:address|adresse)\b/, /\bnouvelle adresse\b/,
      /\bnew (?:delivery )?address\b/, /\blivrer plutot\b/, /\bdeliver (?:it )?(?:to .{0,40})?instead\b/, /\bdemenag/,
      /\b(?:i(?:'ve| have)? moved|moving house)\b/, /\bwrong address\b/, /\bmauvaise adresse\b/, /\bancienne adresse\b/,
      /\bold (?:office|address)\b/, /\baddress instead\b/, /\b(?:work|other|different|another) address\b/,
      /\b(?:trompee?|erreur|error|mistake|typo)\b.{0,20}\b(?:d'adresse|adresse|address)\b/, /\badresse de livraison\b.{0,40}\b(?:modifier|changer|corriger)\b/,
      /\b(?:modifier|changer|corriger)\b.{0,40}\badresse de livraison\b/),
  ],
  invoice_request: [
    ...cue(3, /\b(?:facture|invoice|vat receipt|receipt for my order|justificatif d'achat|note de frais|receipt with vat)\b/),
    ...cue(2, /\breceipt\b/, /\bvat\b/, /\btva\b/),
  ],
  product_question: [
    ...cue(2.5,
      /\bdo you (?:sell|have|stock|deliver|ship)\b/, /\b(?:vendez|proposez|livrez)-vous\b/, /\best-(?:il|elle) (?:prevue?|compatible|adapte)/,
      /\b(?:compatible|fits?|go(?:es)? with|aille dessus|convient a)\b/, /\bquel est (?:son|le) prix\b/, /\bhow much (?:is|would|does)\b/,
      /\bcombien (?:coute|coutent)\b/, /\bwhich .{0,30} should i (?:use|buy)\b/, /\b(?:in stock|en stock|back in stock)\b/,
      /\b(?:livraison gratuite|free (?:delivery|shipping)|delivery (?:be )?free)\b/, /\bje cherche un\b/, /\bi'm looking for\b/,
      /\b(?:dimensions|capacity|capacite|material|matiere|dishwasher|lave-vaisselle|induction)\b/,
      /\b(?:if|whether) you (?:ship|deliver|sell|have|stock|make)\b/,
      /\bcan (?:the|it|this|they|these|i use|i put)\b.{0,40}\b(?:go (?:on|in|into)|be used|be put|work (?:on|with)|fit|be washed|on (?:a |an )?(?:gas|induction|electric|ceramic))\b/,
      /\b(?:peut-on|peut-elle|peut-il|puis-je|peut-on la|peut-on le)\b.{0,40}\b(?:utiliser|mettre|passer|laver|aller)\b/,
      /\b(?:passe|va|convient|fonctionne)(?:-t-(?:elle|il))? (?:au|sur|avec|en) (?:four|gaz|induction|lave-vaisselle|vitroceramique|micro-ondes)\b/, /\b(?:livrez|expediez|envoyez)(?:-vous)? (?:en|au|aux|a l'etranger|hors de)\b/,
      /\bcombien (?:ca|cela) (?:coute|coutera|couterait)\b/, /\bexiste-t-(?:il|elle)\b/, /\b(?:exists?|comes?|available) in (?:a |another )?(?:bigger|smaller|larger|other|different|black|white|red|blue|green|grey|gray|size|colou?r)\b/,
      /\b(?:disponible|existe) en (?:plus (?:grand|petit)|noir|blanc|rouge|bleu|vert|gris|d'autres?|une autre)\b/, /\bdo you (?:have|make) (?:it|this|that|one|them) in\b/,
      // the price of a product, asked in everyday words
      /\b(?:the )?(?:price|cost|prices) (?:of|for) (?:the|your|a|an|these|those|both)\b/, /\b(?:le |les )?(?:prix|tarifs?) (?:de|du|des|d')\b/,
      /\bhow much (?:it|they|do they|does it|do these|are they|for (?:the|both|two|a|an))\b.{0,20}\b(?:cost|costs|go for|come to|is|are)?\b/,
      /\b(?:coute|coutent|ca fait|ca coute)[- ]?(?:t-(?:il|elle|ils|elles) )?combien\b/, /\bcombien (?:pour|fait|font|le|la|les)\b/,
      /\b(?:qualify|eligible) for free (?:delivery|shipping)\b/, /\b(?:above|over|from) (?:what|which) (?:amount|price|total)\b/,
      /\ba partir de (?:quel|combien)\b/, /\b(?:frais de port|livraison) (?:offerts?|gratuite?s?)\b/,
      /\bwhat(?:'s| is) the (?:capacity|size|weight|price|warranty)\b/, /\bquelle est (?:la|sa) (?:capacite|taille|contenance|garantie)\b/, /\bhow much (?:does|do|would|will) (?:it|they|shipping|delivery|postage)\b/),
  ],
  payment_issue: [
    ...cue(3,
      /\b(?:charged|overcharged|double charged|debite|debitee|preleve|prelevee|prelevements?|statement|releve (?:de compte|bancaire))\b/,
      /\b(?:payment|paiement) (?:failed|declined|refuse|issue|problem|probleme)\b/,
      /\b(?:refund|rembourser) (?:the|la) (?:difference|difference)\b/, /\b(?:overcharged|charged twice|debite deux fois|preleve deux fois)\b/,
      /\bcarte (?:refusee|declinee)\b/, /\bcard (?:was )?declined\b/, ...DOUBLE_CHARGE,
      /\b(?:expected|expecting|supposed) to pay\b/, /\bonly expect(?:ed|ing) (?:[€£$] ?)?\d/, /\bje m'attendais a payer\b/,
      /\b(?:price|amount|total) (?:is|was) (?:wrong|incorrect|different)\b/, /\b(?:montant|prix|total) (?:est )?(?:incorrect|errone|faux|different)\b/),
    ...cue(2, /\bshould (?:only )?have (?:been|cost|paid) (?:[€£$] ?)?\d/, /\bau lieu de (?:[€£$] ?)?\d/, /\btrop (?:paye|facture)\b/,
      /\b(?:charged|debitee?|prelevee?) (?:twice|two times|deux fois|en double)\b/),
  ],
  account_access: [
    ...cue(3,
      /\b(?:lost access|can't log ?in|cannot log ?in|unable to log ?in|locked out|reset (?:my )?password|forgot(?:ten)? (?:my )?password)\b/,
      /\b(?:mot de passe|me connecter|connexion a mon compte|acces a mon compte|compte bloque)\b/,
      /\b(?:update|change|changer|modifier) (?:the|l')?(?:e-?mail|adresse e-?mail|adresse mail)\b.{0,30}\b(?:account|compte)\b/,
      /\b(?:e-?mail|adresse) (?:on|of|de) (?:my|mon) (?:account|compte)\b/),
  ],
  complaint: [
    ...cue(2,
      /\b(?:not happy|unhappy|disappointed|unacceptable|disgraceful|appalling|terrible service|poor quality|worst)\b/,
      /\b(?:decu|decue|inadmissible|scandaleux|inacceptable|lamentable|deplorable|mauvaise qualite|pas satisfait|pas satisfaite|reclamation)\b/,
      /\bnobody (?:has )?(?:answered|replied)\b/, /\bpersonne ne (?:m'a )?(?:repond|rappel)/, /\bsecond time asking\b/, /\bje relance\b/),
  ],
  gift_card: [
    ...cue(4,
      /\b(?:gift card|carte cadeau|e-carte|gift voucher|cheque cadeau)\b.{0,40}\b(?:code|balance|solde|use|utiliser|redeem|activate|activer|valid|valable|expire|marche pas|doesn't work|not working)\b/,
      /\b(?:code|balance|solde)\b.{0,30}\b(?:gift card|carte cadeau)\b/),
    // buying one: whether the shop sells them, in which amounts, at what delivery cost
    ...cue(2.5,
      /\b(?:vendez|proposez|faites|avez)[- ]vous (?:aussi |encore )?des (?:cartes?[- ]cadeaux?|bons? (?:cadeaux?|d'achat)|cheques? cadeaux?|e-cartes?)\b/,
      /\bvous (?:vendez|proposez|faites|avez) (?:aussi |encore )?des (?:cartes?[- ]cadeaux?|bons? (?:cadeaux?|d'achat)|cheques? cadeaux?|e-cartes?)\b/,
      /\b(?:do|can) you (?:also )?(?:sell|do|offer|have|provide) (?:any )?(?:e-?)?gift (?:cards?|vouchers?|certificates?)\b/,
      /\b(?:montants?|valeurs?|prix|combien)\b.{0,40}\b(?:cartes?[- ]cadeaux?|bons? cadeaux?|cheques? cadeaux?)\b/,
      /\b(?:cartes?[- ]cadeaux?|bons? cadeaux?|cheques? cadeaux?)\b.{0,40}\b(?:montants?|valeurs?|prix|combien|coute\w*)\b/,
      /\b(?:amounts?|values?|denominations?|price|how much|cost)\b.{0,40}\bgift (?:cards?|vouchers?|certificates?)\b/,
      /\bgift (?:cards?|vouchers?|certificates?)\b.{0,40}\b(?:amounts?|values?|denominations?|how much|cost|go for|priced)\b/,
      /\b(?:offrir|acheter|commander|buy|order|give|get) (?:une?|deux|trois|a|an|two|three|some|des) (?:\w+ )?(?:cartes?[- ]cadeaux?|bons? cadeaux?|gift (?:cards?|vouchers?))\b/),
  ],
  thanks: [
    ...cue(2.5,
      /\b(?:just wanted to (?:say )?thank|thank you so much|thanks so much|many thanks for|thank you for (?:the|your))\b/,
      /\bmerci (?:beaucoup |infiniment |mille fois )?pour (?:votre|la|le|vos)\b/,
      /\b(?:brilliant|wonderful|fantastic|love it|loved it|delighted|gorgeous|beautiful|lovely|amazing|perfect|very happy|so happy|really pleased|superbe|magnifiques?|ravie?|parfaite?s?|tres contente?|enchantee?|impeccable|nickel|je reviendrai|i'll be back)\b/,
      /\bbien (?:arrive|recu)\b/, /\b(?:quick note|petit mot) (?:to say|pour (?:vous )?dire)\b/,
      /\b(?:spot on|cheers team|thanks team|got everything|arrived safely|all good|great job|well done|tout est (?:bien )?arrive|bravo|au top|top qualite)\b/),
    ...cue(1.5, /\b(?:thanks a lot|thanks again|many thanks|merci encore|merci beaucoup|un grand merci)\b/),
    // thanks for something done (a reply, a refund, a delivery), said in everyday words
    ...cue(2,
      /\b(?:thanks|thank you|cheers|merci|thx)(?: (?:so much|very much|a million|a lot|again|beaucoup|infiniment|encore))? (?:for|pour|de) (?:the|your|getting|sorting|sending|fixing|helping|looking|replying|all|everything|la|le|les|l'|votre|vos|ce|cette|m'avoir|nous avoir|avoir|tout)\b/,
      /\b(?:much appreciated|really appreciate(?:d)?|je vous remercie|merci a (?:vous|toute l'equipe|l'equipe)|thank you (?:all|team|everyone)|vous etes (?:top|geniaux|formidables|au top))\b/,
      /\b(?:arrived|came|got here|delivered|received it|recu|arrivee?s?|livree?s?) (?:safely|safe and sound|in (?:good|perfect|great) (?:order|condition|shape)|en (?:parfait|bon) etat|intacte?s?|sans encombre)\b/,
      /\b(?:that's|that is|it's|c'est|tout est) (?:all )?(?:clear|clair|sorted|regle|parfait|perfect|resolved|resolu)(?: now| maintenant)?\b/),
  ],
  legal_threat: [
    ...cue(3,
      /\b(?:avocat|tribunal|mise? en demeure|mets en demeure|dgccrf|proces|huissier|injonction de payer|action en justice|poursuites? judiciaires?|procedure judiciaire|conciliateur|mediateur de la consommation)\b/,
      /\b(?:lawyer|solicitor|attorney|legal action|small claims|(?:in|to) court|court action|county court|sue you|suing|trading standards|ombudsman|legal proceedings|letter before action)\b/,
      /\b(?:report you to|reporting you to|signaler (?:votre (?:site|societe|entreprise|boutique)|vous) (?:a|aux|au)|porter l'affaire devant|contact(?:er)? les autorites|involve the authorities)\b/,
      /\b(?:ufc[- ]que choisir|60 millions de consommateurs|association de consommateurs|signal ?conso|repression des fraudes|protection des consommateurs|consumer protection|citizens advice|consumer rights act|advertising standards)\b/),
  ],
  fraud_report: [
    ...cue(3,
      /\b(?:fraude|frauduleux|frauduleuse|fraud|fraudulent|escroquerie|arnaque|scam)\b/,
      /\b(?:jamais passe|never (?:placed|made|ordered)|n'ai pas (?:passe|commande)|didn't (?:place|make|order)|did not (?:place|make|order))\b/,
      /\b(?:unrecogni[sz]ed|unauthori[sz]ed|non autorise|que je ne reconnais pas|don't recognise|don't recognize)\b/,
      /\b(?:sans mon (?:accord|autorisation|consentement)|without my (?:consent|permission|authori[sz]ation|knowledge)|a mon insu)\b/,
      /\b(?:pirate|piratage|hacked|compromised|usurpation|identity theft)\b/,
      /\b(?:someone|somebody) (?:has )?used my (?:card|account|details)\b/, /\bquelqu'un a utilise (?:ma carte|mon compte|mes coordonnees)\b/,
      /\b(?:i didn't order|i did not order|je n'ai rien commande|je n'ai jamais commande)\b/, /\b(?:phishing|hameconnage|fake (?:website|site|email)|faux (?:site|mail|e-mail))\b/),
    // an account someone else changed: its password, e-mail or address changed (one cue), disowned by the writer (another)
    ...cue(2.5,
      /\b(?:change|modifie|reinitialise|changed|modified|reset|altered|updated)\w*\b.{0,40}\b(?:mot de passe|password|adresse (?:mail|e-?mail) du compte|e-?mail (?:address )?(?:on|of) (?:my|the) account|identifiants|login details)\b|\b(?:mot de passe|password|identifiants)\b.{0,30}\b(?:a ete|was|has been|were) (?:change|modifie|reinitialise|changed|modified|reset)\b/,
      ACCOUNT_CHANGED_LANGS),
    ...cue(2,
      /\b(?:ce n'(?:est|etait) pas moi|c'est pas moi|je n'y suis pour rien|pas de mon fait|(?:it )?wasn't me|(?:it )?was not me|not me\b|i (?:didn't|did not|never) (?:do|ask|request|change|make) (?:it|that|this|for it|for that|them)|n'ai (?:rien|jamais) (?:demande|change|touche|modifie))/,
      ACCOUNT_DISOWNED_LANGS),
  ],
  gdpr_request: [
    ...cue(3.5,
      /\b(?:rgpd|gdpr|cnil|donnees personnelles|personal data|protection des donnees|data protection)\b/,
      /\b(?:droit d'acces|droit a l'oubli|right to be forgotten|subject access request|right of access|effacement|erasure)\b/,
      /\b(?:supprimer|effacer|delete|erase) (?:toutes )?(?:mes|my|all my) (?:donnees|data|personal)\b/,
      /\b(?:delete|erase|remove|close and delete) (?:my|all my) (?:account|information|info|details|email address|personal information)\b/,
      /\b(?:stop (?:processing|using|selling) my (?:data|information|details)|droit d'opposition|opposition au traitement|droit de rectification|portabilite)\b/, /\b(?:supprimer|supprimez|effacer|effacez) (?:mon compte|mes informations|toutes mes informations)\b/,
      /\b(?:what|which) (?:personal )?(?:data|information) (?:do )?you (?:hold|have|keep|store)\b/, /\bquelles donnees\b.{0,30}\b(?:detenez|conservez|avez)\b/),
  ],
  safety_incident: [
    ...cue(3.5,
      /\b(?:burnt|burned|burns|burning smell|smell of burning|scalded|electric shock|electrocuted|caught fire|on fire|exploded|explosion|injured|injury|hospital|a&e|cut (?:myself|himself|herself|my)|glass (?:shards|splinters)|allergic reaction|food poisoning|choking|choked)\b/,
      /\b(?:odeur de brule|coupee?s? (?:au|a la|le doigt)|eclats de verre|reaction allergique|intoxication|intoxique|etouffe|s'est coupee?)\b/,
      /\b(?:brule|brulee|brulure|brulures|electrocute|decharge electrique|pris feu|a explose|blesse|blessee|blessure|hopital|urgences)\b/,
      /\b(?:warped|deformed|deforme|deformee|got (?:really |very )?hot|a chauffe anormalement|too hot to touch|brulant)\b.{0,40}\b(?:plastic|plastique|handle|poignee|cable|cord|plug|prise|base|socle)\b/,
      /\b(?:smoking|smoke|melted|spark(?:s|ed|ing)?|overheat(?:ed|ing|s)?|fumee|fondu|etincelles?|surchauffe|a fondu|pris feu|flammes?|flames?)\b/,
      /\b(?:dangerous|unsafe|hazard|dangereux|dangereuse)\b/),
  ],
};

/** Intents that may appear together without making an email "multi-question" (thanks goes with anything). */
export const COMPATIBLE: Intent[][] = [
  ['order_status', 'delivery_delay'],
  ['return_request', 'refund_request', 'refund_status'],
  ['damaged_item', 'missing_item', 'return_request', 'refund_request', 'complaint'],
  ['delivery_delay', 'complaint'],
  ['payment_issue', 'refund_request'],
  ['product_question', 'order_status'],
  ['product_question', 'gift_card'],
  ['cancel_order', 'refund_request', 'refund_status'],
  ['change_address', 'order_status', 'account_access'],
];

// ---------------- routing signals ----------------

export const INJECTION: RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|prompts?|rules|guidelines|guardrails|safety checks)\b/,
  /\b(?:ignorez|ignore|oubliez|oublie|ne tenez pas compte)\b.{0,30}\b(?:consignes|instructions|regles|directives)\b/,
  /\b(?:ai|a\.i\.|llm|gpt|chatbot|bot|language model|assistant|assistant de reponse|intelligence artificielle|ia)\s*[:,-]\s*(?:ignore|you|tu|vous|please|reply|respond|reponds|repondez|list|send|give)/,
  /\b(?:instruction interne|internal instruction|note to the (?:ai|assistant)|message (?:pour|a) l'(?:ia|assistant)|to the (?:ai|assistant|model) reading this|si tu es une ia|if you are an? (?:ai|language model|assistant))\b/,
  /\b(?:you are now|tu es maintenant|vous etes maintenant|maintenance mode|mode maintenance|developer mode|mode developpeur|jailbreak|dan mode)\b/,
  /(?:^|\n)\s*(?:system|assistant|systeme)\s*:/, /(?:###\s*instruction|<\|im_start\|>|\[inst\]|<\/?system>|begin (?:new )?instructions|nouvelles? instructions?\s*:)/,
  /\b(?:from now on,? you|a partir de maintenant,? (?:tu|vous) (?:dois|devez)|tu dois desormais|vous devez desormais|repeat (?:the|all) (?:text|instructions) above|repetez le texte ci-dessus)\b/,
  /\b(?:system prompt|prompt systeme|your (?:instructions|prompt|configuration)|tes instructions|vos instructions internes)\b/,
  /\b(?:reveal|print|show|list|output|affiche|revele|liste)\b.{0,40}\b(?:your (?:policy|policies|rules|prompt)|internal (?:policy|policies|rules|notes)|politique interne|regles internes)\b/,
  /\b(?:address|e-?mail|phone(?: number)?|details|full name|name|order history) of (?:the |another |other |a )?(?:customer|client|buyer|person who (?:ordered|bought))s?\b/,
  /\b(?:adresse|coordonnees|nom|telephone|e-?mail|historique) (?:de|du|d'un|d'une) (?:l'autre |autre |un autre )?(?:client|cliente|acheteur|acheteuse)s?\b/,
  /\b(?:list|liste|export|send me|envoyez-moi|give me|donnez-moi)\b.{0,40}\b(?:(?:all|other|every|tous les|toutes les|les autres) (?:customers?|clients?)|customer (?:e-?mail )?(?:addresses|emails|list|data|database)|adresses? (?:e-?mail )?des clients|fichier client|base (?:de donnees )?clients)\b/,
  /\b(?:confirmez|confirm|accordez|grant|apply|appliquez)\b.{0,50}\b(?:sans (?:demander de )?validation|without (?:asking for )?(?:approval|validation|checking)|100 ?% discount|remise de 100)/,
  /\b(?:discount|promo|bon d'achat|code) .{0,20}(?:100 ?%|100 ?€|\d{3,} ?€)/,
];

/** The new text asks us to act on quoted/forwarded text ("apply what is written below"). */
export const APPLY_QUOTED: RegExp[] = [
  /\b(?:merci d'|veuillez |pouvez-vous )?appliquer ce qui (?:y )?est (?:indique|ecrit)\b/,
  /\b(?:please )?(?:apply|do) (?:what|as) (?:is )?(?:written|stated|said) (?:below|above)\b/,
];

export const ABUSE: RegExp[] = [
  /\b(?:incapables?|voleurs?|escrocs?|connards?|connasses?|encules?|salauds?|abrutis?|cretins?|idiots?|bouffons?|guignols?|minables|pourris)\b/,
  /\b(?:vous vous foutez|foutez-vous|foutre|merde|putain|bordel|ta gueule|fermez-la|nuls? a chier|bons? a rien|menteurs?)\b/,
  /\b(?:idiots?|morons?|imbeciles?|incompetent (?:idiots|morons|clowns)|thieves|crooks|clowns|bastards?|scumbags?|useless (?:idiots|lot|bunch)|liars|menteurs|arnaqueurs?|arnaqueuses?|escrocs?|bande de (?:nuls|rigolos|branquignols|voleurs|\w+eurs))\b/,
  /\b(?:fuck\w*|shit\w*|crap|bullshit|wtf|screw you|damn you|bloody useless)\b/,
];

export const PUBLIC_SHAMING: RegExp[] = [
  /\b(?:pub monstre|tous les reseaux|reseaux sociaux|avis negatifs? partout|je vais vous faire une (?:mauvaise )?pub|balancer sur|faire une (?:sale )?reputation|avis google|mauvais avis)\b/,
  /\b(?:social media|post (?:about )?(?:this|you) everywhere|bad reviews? everywhere|tell everyone|name and shame|go viral|trustpilot)\b/,
];

export const THREAT: RegExp[] = [
  /\b(?:je vais venir|je sais ou vous|vous allez le regretter|vous allez payer|je vais vous (?:tuer|detruire|retrouver))\b/,
  /\b(?:you(?:'ll| will) regret|i know where you|i will (?:come|find|hurt|destroy)|kill you|watch your back|burn (?:your|the) (?:shop|warehouse|office) down)\b/,
  /\b(?:je vais (?:tout )?casser|vous (?:tuer|buter|crever)|ca va mal finir|gare a vous)\b/,
];

/**
 * Threats said as idioms (a bat brought along, an ambulance home, a visit that is no courtesy) and, in ES, IT, DE, PT,
 * NL, "you will pay for this / regret it", "I know where you are": whole phrases, a floor the risk head never defuses
 * (classify.ts phraseFloorSignals), unlike THREAT's words that a joke can carry.
 */
export const THREAT_SAID: RegExp[] = [
  /\b(?:(?:go|goes|going|went|head|heading|come|comes|coming|came|turn up|turning up|show up|showing up|pop|popping|drive|driving|walk|walking|round|over|down)(?: \w+){0,4} with|bring(?:ing)?) (?:a |my |the |his |her )?(?:cricket|baseball|rounders) bat\b/, /\bpick(?:ing)? (?:his|her|your|their) teeth (?:up )?(?:off|out of|from)\b/, /\b(?:he|she|you|they)(?:'ll| will) (?:be )?(?:leaving|going home|leave|go home|end up)(?: \w+)? in an? (?:ambulance|body bag)\b/,
  /\b(?:better not|won't want to|wouldn't) show (?:his|her|their|your) faces? (?:on|round|around|near|at|in) my\b/,
  /\b(?:won't|will not|wont|isn't going to|is not going to) be (?:a )?(?:social|courtesy|friendly|polite) (?:call|visit)\b/, /\bce ne sera pas une visite de (?:courtoisie|politesse)\b/,
  /\b(?:repartira|repartirait|ressortira|ressortirait|rentrera|rentrerait) (?:pas |plus )?sur ses (?:deux )?(?:jambes|pieds)\b/, /\bne (?:plus )?(?:jamais )?remettre les pieds (?:dans ma rue|chez moi|devant chez moi)\b/,
  // ES, IT, DE, PT, NL: a visit that will be no courtesy, "you will pay for this / regret it", "I know where you are"
  /\b(?:no (?:sera|va a ser) una visita de cortesia|me las (?:vais|van) a pagar|me la (?:vais|van) a pagar|os vais a enterar|os voy a partir|le voy a partir la cara|se van a arrepentir|os arrepentireis|se (?:donde|que donde) (?:estais|vivis|viven|estan)\b)/,
  /\b(?:non sara una visita di cortesia|ve la faccio pagare|me la pagherete|vi spacco|gli spacco|ve ne pentirete|so dove (?:abitate|state|siete|abita))\b/,
  /\b(?:kein (?:hoflichkeitsbesuch|freundschaftsbesuch)|das werde[nt] (?:sie|ihr) (?:noch )?bereuen|ich wei(?:ss|ß) wo (?:sie|ihr) (?:wohnen|wohnt|sitzen|sitzt|arbeiten))\b/,
  /\b(?:nao (?:vai )?ser uma visita de cortesia|(?:voces )?vao se arrepender|vao pagar caro|sei onde (?:voces )?(?:moram|ficam|estao))\b/,
  /\b(?:geen (?:beleefdheidsbezoek|vriendschappelijk bezoek)|(?:gaan|zullen) jullie spijt van krijgen|ik weet waar (?:jullie|u) (?:wonen|woont|zitten|zit))\b/,
];

export const DISTRESS: RegExp[] = [
  /\b(?:desespere|desesperee|a bout|n'en peux plus|je craque|en larmes|je pleure|detresse)\b/,
  /\b(?:desperate|devastated|in tears|crying|can't cope|breaking down|wits' end|end of my tether|panic attack)\b/,
];

/**
 * Thoughts of ending one's life or of self-harm, said plainly or in the usual euphemisms (folded; EN, FR, DE, ES, IT,
 * PT): a floor no model reading defuses, because a chatty status question can carry one sentence of it and the
 * automatic reply would answer the status. Whole phrases of the act or the wish, never a word that has an everyday
 * sense ("to die for", "ça me tue", "dying to try it" do not match).
 */
export const SELF_HARM: RegExp[] = [
  // EN: ending one's life, the wish not to live or not to wake, being gone, others better off
  /\b(?:kill(?:ing)? myself|end(?:ing)? (?:my (?:own )?life|it all)|take my (?:own )?life|hurt(?:ing)? myself|harm(?:ing)? myself|self[- ]harm\w*|suicid\w*)\b/,
  /\b(?:(?:not|never) wake up (?:again|in the morning|tomorrow)|go to sleep and (?:not|never) wake up|wish i (?:was|were) dead|better off dead|better off without me)\b/,
  /\b(?:don't|do not|no longer) want to (?:be alive|live|go on living|exist|be here)(?: any ?more)?\b/, /\bi (?:just )?want to die\b(?! of\b| laughing)/,
  /\bif i (?:just )?(?:wasn't|weren't|was not|were not) (?:around|here) any ?more\b/,
  /\bno (?:reason|point) (?:in )?(?:living|to live|going on|to go on)\b/, /\b(?:can't|cannot|can not) go on any ?more\b/,
  // FR: ne plus se réveiller, en finir, mettre fin à ses jours, mieux sans moi
  /\b(?:ne (?:plus|pas) me reveiller|jamais me reveiller|en finir avec (?:la vie|moi|mes jours|tout\b(?! (?:ca|cela|ce|ces)\b))|envie d'en finir\b(?! avec)|mettre fin a mes jours|me suicider|me foutre en l'air|me faire du mal)\b/,
  /\b(?:(?:je veux|envie de) mourir|(?:seraient|serait|seront) mieux sans moi|a quoi bon vivre|disparaitre pour de bon)\b/,
  // "je n'ai plus envie de vivre", "je ne veux plus vivre", "plus la force de vivre"
  /\b(?:plus (?:envie|la force|le gout) de vivre|(?:veux|voulais|voudrais) plus vivre)\b/,
  // DE, ES, IT, PT
  /\b(?:nicht mehr aufwachen|will nicht mehr leben|mir das leben nehmen|lebensmude|sterben will)\b/,
  /\b(?:no despertar(?:me)? (?:mas|nunca)|quitarme la vida|no quiero (?:seguir )?vivir|ganas de morir|no tengo ganas de vivir|desaparecer para siempre)\b/,
  /\b(?:non svegliarmi piu|togliermi la vita|farla finita\b(?! con)|non (?:voglio|ho) piu (?:voglia di )?vivere|voglia di morire)\b/,
  /\b(?:nao acordar mais|tirar a minha (?:propria )?vida|nao quero mais viver|vontade de morrer|nao tenho vontade de viver)\b/,
  /\b(?:zelfmoord|selbstmord|(?:een )?einde (?:aan|maken aan) mijn leven|wil niet meer leven|niet meer wakker (?:worden|te worden)|mich umbringen|quiero matarme|voglio (?:uccidermi|ammazzarmi))\b/,
  // warning signs said as a farewell: affairs put in order, goodbye letters, goodbyes said, no longer a burden, things
  // not needed much longer (EN, FR, ES, IT, DE, PT, NL; whole phrases: "put my affairs" alone or "giving things away"
  // before a move do not match)
  /\b(?:putting|put|tidying(?: up)?|tidied(?: up)?|sorting(?: out)?|sorted(?: out)?|settling|settled|getting|got) (?:all )?my affairs in order\b/, /\bi(?:'ve| have) (?:already )?said (?:all )?my goodbyes\b/,
  /\b(?:goodbye|farewell) (?:letters?|notes?)\b/, /\b(?:written|wrote|left|leaving|writing) (?:letters|notes) for (?:my|the) (?:kids|children|family|wife|husband|sons?|daughters?|partner)\b/,
  /\b(?:won't|will not|wont) be (?:needing|using) (?:it|them|this|that|anything|the \w+|any of (?:it|this|them)) (?:for )?(?:much|very) longer\b/,
  /\b(?:won't|will not|wont) be (?:a (?:burden|bother)(?: to anyone)?|bothering anyone|troubling anyone|in anyone's way) (?:for )?(?:much longer|any ?more|for long|soon)\b/,
  /\b(?:mes affaires en ordre|lettres? d'adieu|(?:fait|dit) mes adieux|ne (?:derangerai|embeterai|generai) plus personne|ne serai plus (?:un fardeau|un poids|une charge) pour personne)\b/,
  /\b(?:cartas? (?:de despedida|para mis hijos|para mi familia)|ya no (?:tendre|voy a tener) que molestar a nadie|no (?:molestare|sere una carga) (?:mas )?(?:a|para) nadie|(?:he regalado|regale) (?:a )?mi (?:perro|gato|mascota)|mis cosas en orden|me he despedido de todos)\b/,
  /\b(?:lettere? (?:di addio|per i miei figli)|non (?:daro|saro) piu (?:fastidio|un peso) (?:a|per) nessuno|(?:ho messo|sto mettendo) in ordine le mie cose|ho regalato il mio (?:cane|gatto)|mi sono (?:gia )?congedat[oa] da tutti)\b/,
  /\b(?:abschiedsbriefe?|niemandem mehr zur last|meine angelegenheiten (?:geregelt|geordnet|in ordnung gebracht)|meine sachen verschenkt|mich von allen verabschiedet)\b/,
  /\b(?:cartas? de despedida|cartas? para (?:os )?meus filhos|nao vou (?:mais )?incomodar ninguem|nao (?:serei|vou ser) (?:mais )?um peso para ninguem|(?:dei|doei) o meu (?:cao|gato)|(?:pus|coloquei) as minhas coisas em ordem|ja me despedi de todos)\b/,
  /\b(?:afscheidsbrie(?:f|ven)|niemand (?:meer )?tot last|(?:mijn|m'n) zaken (?:geregeld|op orde gebracht)|(?:afscheid genomen van iedereen|van iedereen afscheid genomen)|mijn (?:hond|kat) weggegeven)\b/,
];

/** A gift card spoken of in use (folded): its code, balance, PIN, expiry; refused, spent, lost or stolen. */
export const GIFT_CARD_IN_USE: RegExp[] = [
  /\b(?:codes?|pin|balance|solde|montant restant|credit restant|invalid\w*|expir\w*|spent|depense\w*|used|utilis\w*|redeem\w*|activ\w*|refus\w*|declined|rejected|stolen|volee?s?|perdue?s?|lost|doesn'?t work|does not work|not working|won'?t work|marche pas|fonctionne pas|ne passe pas)\b/,
];

/**
 * The customer asks, in the mail, not to be answered by a machine ("I don't want an automated answer", "real human
 * only", "pas de réponse automatique", "sin respuestas automáticas"): the same wish as the `ai_opt_out` a customer's
 * record holds (ROUTING.md: a person handles their mail). Folded text. A wish to talk to someone, without refusing
 * the machine, is a contact question (questions.ts), not this.
 */
export const NO_MACHINE_REPLY: RegExp[] = [
  /\b(?:(?:do not|don't|dont|do not) want|no more|stop sending(?: me)?|without|no) (?:an? |any )?(?:ai|bot|robot|chatbot|automated|automatic|computer|machine)[- ]?(?:generated |written )?(?:reply|replies|answer|answers|response|responses|e-?mails?|messages?)\b/,
  /\b(?:a |an )?(?:real |actual )?(?:human|person|human being) only\b/, /\b(?:only|just) (?:a |an )?(?:real|actual) (?:human|person)\b/,
  /\bnot (?:another|an|one more) (?:automated|automatic) (?:reply|answer|response)\b/,
  /\b(?:pas|plus|aucune?) (?:de |d')?(?:reponses?|messages?|mails?|e-mails?|courriels?) (?:automatiques?|automatisees?|generees? (?:par|automatiquement))\b/,
  /\b(?:pas|plus) (?:de |d')?(?:robot|bot|chatbot|ia|intelligence artificielle)\b(?! (?:pat|cuiseur|menager|culinaire|mixeur))/,
  /\b(?:un|une) (?:vrai|vraie|veritable) (?:humain|personne|etre humain) (?:uniquement|seulement|svp|s'il vous plait|merci)\b/, /\b(?:uniquement|seulement) (?:un|une|des) (?:vrai |vraie |vrais |vraies )?(?:humains?|personnes? (?:reelles?|humaines?))\b/,
  /\bsans (?:ia|robot|chatbot|intelligence artificielle|reponse automatique)\b/,
  /\b(?:sin|no (?:quiero )?|ninguna) respuestas? automaticas?\b/, /\bkeine (?:automatischen? (?:antworten?|e-?mails?)|ki-?antworten?|bots?)\b/,
  /\b(?:nessuna|niente|senza) rispost[ae] automatic[ha]e?\b/, /\b(?:sem|nenhuma) respostas? automaticas?\b/,
];

export const CHARGEBACK: RegExp[] = [
  /\b(?:chargeback|charge back|retrofacturation|opposition (?:bancaire|sur (?:ma|la) carte|aupres de ma banque))\b/,
  /\b(?:ask|asked|asking|contact|contacted|tell|told|telling|get|have|had) (?:my|the) (?:bank|card (?:provider|company|issuer))\b.{0,40}\b(?:chargeback|reverse|refund|dispute|back|cancel|block|stop|undo)\b/,
  // the bank asked to undo the payment, said before the verb: "je demanderai à ma banque d'annuler le paiement"
  /\b(?:demander|demanderai|demande|vais demander|dire|dirai) a (?:ma|la) banque\b.{0,20}\b(?:annuler|rejeter|bloquer|contester|recuperer|stopper)\b/, /\bdispute (?:the|this) (?:charge|payment|transaction)\b/,
  /\b(?:faire|ferai|vais faire) (?:une )?opposition\b/, /\bcontester (?:le|la|ce) (?:paiement|prelevement|debit|transaction)\b/,
  /\b(?:claw(?:ing)? back|reverse|reversing|reversal of|recall|block) (?:the |my |this )?(?:payment|charge|transaction|money)\b/,
  /\b(?:recuperer|bloquer|annuler) (?:le|mon|ce) (?:paiement|prelevement|debit)\b.{0,30}\b(?:banque|carte)\b/,
  /\b(?:paypal|credit card company|card (?:provider|company)|card issuer|section 75|banque)\b.{0,40}\b(?:claim|dispute|reclamation|contester|rembourser|refund me)\b/,
  /\b(?:open(?:ed)?|fil(?:e|ed)|rais(?:e|ed)|start(?:ed)?) an? (?:claim|case|dispute) (?:with|on|through) (?:paypal|my bank|my card|the bank)\b/,
  /\b(?:ouvert|ouvrir|deposer|depose) (?:une|un) (?:reclamation|litige|dossier) (?:aupres de|avec|chez|sur) (?:paypal|ma banque)\b/,
  /\b(?:ma banque|my bank)\b.{0,40}\b(?:rembourser|reverse|recuperer mon argent|get my money back)\b/,
  // a claim with the card scheme; the bank (or its adviser) taking the money back (EN, FR)
  /\b(?:claim|dispute|chargeback|complaint) (?:with|through|via) (?:visa|mastercard|amex|american express|my card (?:company|provider|issuer))\b/,
  /\breclamation (?:aupres de|chez|a) (?:visa|mastercard|american express|amex|ma banque|ma carte)\b/,
  /\b(?:conseill(?:er|ere) (?:bancaire|a l'agence|a la banque|de (?:ma|la) banque)|ma banque|mon agence)\b[^.?!]{0,80}\b(?:recupere|recuperer|recuperera|reprend|reprendre|reprendra)\b(?=[^.?!]{0,40}\b(?:argent|paiement|montant|somme|fonds|prelevement|debit|euros?)\b)|\b(?:argent|paiement|montant|somme|prelevement)\b[^.?!]{0,40}\b(?:ma banque|mon agence)\b[^.?!]{0,40}\b(?:recupere|recuperer|recuperera|reprend|reprendre|reprendra)\b/,
  // the bank asked to reverse the payment (ES, IT, DE, PT, NL): the bank and the act in one sentence
  /\b(?:banco|paypal)\b[^.?!]{0,60}\b(?:anul\w+|retroced\w+|revert\w+|devolver|devuelva|bloque\w+|reclam\w+|disput\w+|rechaz\w+) (?:el|este|ese|la|esta|esa) (?:cargo|cobro|pago|compra|transaccion|importe)\b/, /\b(?:contracargo|retrocesion del (?:cargo|pago))\b/,
  /\b(?:banca|paypal)\b[^.?!]{0,60}\b(?:storn\w+|disconosc\w+|contest\w+|blocc\w+|annull\w+|recuper\w+) (?:il |l'|questo |quel )?(?:pagamento|addebito|transazione|acquisto|importo|soldi)\b/, /\b(?:chiesto|chiedero|chiedo) alla (?:mia )?banca di (?:storn|annull|blocc|recuper|contest)/,
  /\b(?:bank|kreditkartenfirma|paypal)\b[^.?!]{0,50}\b(?:zuruck ?(?:buchen|holen|zubuchen|zuholen|fordern)|widersprechen)\b/, /\b(?:die|meine|unsere) bank (?:holt|bucht|fordert) (?:sich )?(?:das|mein|unser) geld\b[^.?!]{0,20}\bzuruck\b/, /\b(?:widerspruch gegen (?:die|diese) (?:lastschrift|abbuchung|zahlung)|lastschrift (?:zuruckgeben|zuruckgehen lassen|widerrufen))\b/,
  /\b(?:banco|paypal)\b[^.?!]{0,60}\b(?:estorn\w+|contest\w+|cancel\w+|bloque\w+) (?:a|o|esta|este|essa|esse) (?:compra|pagamento|cobranca|transacao|debito)\b/,
  /\b(?:bank|creditcard|paypal)\b[^.?!]{0,50}\b(?:terugboek\w*|terug (?:te )?(?:laten )?boeken|storneren|terug (?:te )?halen|terugvorderen)\b/,
];

/**
 * Charges, orders or an account the writer disowns, told as what happened rather than named ("orders I didn't place",
 * "chez nous personne n'a commandé", "cobros que no hice", "Abbuchungen, die ich nicht getätigt habe"): EN, FR, ES, IT,
 * DE, PT, NL. Whole phrases of the act disowned, never a lone "fraude" (a brother's opinion of online shopping).
 */
export const FRAUD_TOLD: RegExp[] = [
  /\b(?:orders?|charges?|payments?|purchases?|debits?|transactions?)\b(?:[^.?!]{0,40}\b(?:that|which))? (?:i|we) (?:didn't|did not|never|don't|do not) (?:place|placed|make|made|authori[sz]e|authori[sz]ed|recogni[sz]e)\b/,
  /\bnobody (?:else )?(?:here|at home|in (?:the|my|our) (?:house|household|family)) (?:has )?(?:ordered|bought|placed|made)\b/,
  /\b(?:someone|somebody)(?: else)? (?:has )?(?:been )?(?:used|using|shopping (?:with|on)|spending on) my (?:card|account|details|bank card)\b/,
  /\b(?:chez (?:nous|moi)|a la maison),? personne n'a (?:rien )?(?:commande|achete)\b/, /\bpersonne (?:chez (?:nous|moi)|a la maison) n'a (?:rien )?(?:commande|achete)\b/,
  /\b(?:debits?|prelevements?|paiements?|achats?|commandes?)\b(?:[^.?!]{0,40}\bque)? (?:je n'ai|nous n'avons) (?:jamais |pas )?(?:fait|faits|effectues?|passees?|autorises?)\b/,
  /\b(?:cobros?|cargos?|pagos?|compras?|pedidos?)\b(?:[^.?!]{0,40}\bque)? (?:yo )?no (?:hice|hicimos|he hecho|he realizado|he autorizado|reconozco)\b/, /\bno reconozco (?:estos |esos |los |este |ese |el )?(?:cobros?|cargos?|pagos?|compras?)\b/,
  /\bnadie (?:en (?:mi )?casa|de mi familia) (?:ha )?(?:comprado|pedido)\b/,
  /\b(?:addebiti?|pagamenti?|acquisti|ordini)\b(?:[^.?!]{0,40}\bche)? (?:io )?non (?:ho )?(?:mai )?(?:fatto|fatti|effettuat[oi]|autorizzat[oi]|riconosco)\b/, /\bnessuno (?:in casa|in famiglia) (?:ha )?(?:ordinato|comprato)\b/,
  /\b(?:abbuchungen?|belastungen?|zahlungen?|bestellungen?|kaufe)\b[^.?!]{0,30}\b(?:die|welche) (?:ich|wir) nicht (?:getatigt|gemacht|aufgegeben|autorisiert|veranlasst)\b/, /\bniemand (?:bei uns|von uns|zu hause) hat\b[^.?!]{0,30}\b(?:bestellt|gekauft)\b/,
  /\b(?:compras?|cobrancas?|debitos?|pagamentos?|encomendas?)\b(?:[^.?!]{0,40}\bque)? (?:eu )?nao (?:fiz|fizemos|reconheco|autorizei)\b/, /\bninguem (?:la )?em casa\b[^.?!]{0,30}\b(?:comprou|encomendou)\b/,
  /\b(?:afschrijvingen?|betalingen?|bestellingen?|aankopen)\b[^.?!]{0,40}\bdie (?:ik|wij|we) niet (?:heb |hebben )?(?:gedaan|geplaatst|herken(?:nen)?|gemaakt)\b/, /\bniemand (?:hier|thuis|in huis) heeft\b[^.?!]{0,30}\b(?:besteld|gekocht|gebruikt)\b/,
  // a card or an account nobody else uses ("nadie en casa usa esa tarjeta"): an item nobody used is a return, not fraud
  /\bnobody (?:else )?(?:here |at home |in (?:the|my|our) (?:house|household|family) )?(?:has )?(?:used|uses) (?:my|the|this|that|our) (?:card|account|bank card|details)\b/,
  /\bpersonne (?:d'autre )?(?:chez (?:nous|moi) |a la maison )?n'(?:a|utilise) (?:jamais )?(?:utilise )?(?:ma|la|cette|notre) (?:carte|compte)\b/,
  /\bnadie (?:mas )?(?:en (?:mi )?casa |de mi familia )?(?:ha )?(?:usado|usa|uso) (?:esa|la|mi|esta|nuestra) (?:tarjeta|cuenta)\b/,
  /\bnessuno (?:in casa |in famiglia )?(?:ha )?(?:usato|usa) (?:la|mia|la mia|questa|quella) (?:carta|conto|account)\b/,
  /\bniemand (?:bei uns |von uns |zu hause )?(?:hat|benutzt|nutzt)\b[^.?!]{0,30}\b(?:karte|konto)\b/,
  /\bninguem (?:la )?(?:em casa )?(?:usou|usa) (?:o|a|meu|minha|esse|essa|este|esta) (?:cartao|conta)\b/,
];

/** Erasure of the account or of the data held, asked in ES, IT, DE, PT, NL (the FR/EN forms are gdpr_request cues). */
export const ERASURE_ASKED: RegExp[] = [
  /\b(?:borr\w+|elimin\w+|supr\w+)\b[^.?!]{0,30}\b(?:mis datos|mi cuenta|toda (?:la|mi) informacion)\b/,
  /\b(?:cancell\w+|elimin\w+|rimuov\w+)\b[^.?!]{0,30}\b(?:i miei dati|il mio account|il mio profilo|tutti i (?:miei )?dati)\b/,
  /\b(?:losch\w+|entfern\w+)\b[^.?!]{0,30}\b(?:meine (?:personlichen )?daten|mein (?:kunden)?konto|alle (?:meine )?daten)\b/, /\b(?:meine (?:personlichen )?daten|mein (?:kunden)?konto)\b[^.?!]{0,30}\b(?:losch\w+|entfern\w+)\b/, /\bdsgvo\b/,
  /\b(?:apag\w+|elimin\w+|exclu\w+|remov\w+)\b[^.?!]{0,30}\b(?:(?:a )?minha conta|(?:os )?meus dados|(?:todas )?as (?:minhas )?informacoes)\b/,
  /\b(?:verwijder\w*|wis)\b[^.?!]{0,30}\b(?:mijn (?:persoons)?gegevens|mijn account|al mijn gegevens)\b/, /\bmijn (?:persoons)?gegevens\b[^.?!]{0,30}\b(?:verwijder\w*|wissen)\b/,
];

/** A product that caught fire, smoked, melted, shocked or burnt someone, told in ES, IT, DE, PT, NL (FR/EN: safety cues). */
export const HARM_TOLD: RegExp[] = [
  /\b(?:(?:se )?(?:prendio|ha prendido|empezo a echar|echa|echaba) (?:fuego|humo)|salia humo|sale humo|se (?:derritio|ha derretido)|chispas|descarga electrica|me (?:queme|he quemado)|quemaduras?)\b/,
  /\b(?:(?:ha )?preso fuoco|(?:uscire|uscivano|usciva|escono|esce) (?:le |delle )?fiamme|in fiamme|(?:fare|fa|faceva|usciva|esce) fumo|si e sciolt[ao]|scintille|(?:preso la )?scossa|ustionat[oa]|mi sono (?:bruciat[oa]|ustionat[oa]))\b/,
  /\b(?:feuer gefangen|fing feuer|in flammen|qualmte|gequalmt|rauch (?:kam|stieg)|(?:ist|sind) geschmolzen|stromschlag|(?:mich|sich) verbrannt|verbrennungen|verbruht)\b/,
  /\b(?:pegou fogo|(?:a )?deitar fumo|saiu (?:fumo|fumaca)|soltou fumaca|derreteu|faiscas|choque eletrico|levei um choque|me queimei|queimou a mao|queimaduras?)\b/,
  /\b(?:vlam gevat|vatte vlam|(?:staat|stond|vloog|is|was|ging) in brand|in brand (?:gevlogen|geraakt|gestoken)|rook (?:kwam|uit)|begon te roken|gesmolten|vonken|schok gekregen|stroomschok|(?:mijn hand|me) verbrand|brandwond\w*)\b/,
];

export const URGENT: RegExp[] = [
  /\b(?:urgent|urgence|asap|as soon as possible|immediately|right away|au plus vite|immediatement|rapidement|today|aujourd'hui|tout de suite|des que possible)\b/,
  /\b(?:before (?:it )?ship|avant (?:l'|son )expedition|avant qu'elle (?:ne )?parte|must not go|ne doit pas partir)\b/,
];

export const NEGATIVE: RegExp[] = [
  /\b(?:still nothing|toujours rien|toujours pas|not (?:happy|acceptable)|disappointed|decu|decue|unacceptable|inadmissible|nobody|personne|ridiculous|ridicule|angry|furieux|furieuse|en colere|fed up|marre|for nothing|pour rien)\b/,
  /!{2,}|\?{2,}/, /\b(?:lost|perdu)\?/, /\bsecond time\b/, /\bnot something i want\b/,
];

export const POSITIVE: RegExp[] = [
  /\b(?:love it|loved|lovely|brilliant|wonderful|fantastic|great|delighted|thank you so much|superbe|magnifiques?|ravie?|parfaite?s?|genial|excellent|je reviendrai)\b/,
];

/**
 * The customer disputes a refund the shop has made: too little, part of it, the rest or the difference, the fees not
 * refunded, a further refund. About an order recorded as refunded, that is a remedy to decide (a person), not a
 * question the refund's data answers. Folded text (lower case, no accents).
 */
export const REFUND_DISPUTE: RegExp[] = [
  /\b(?:only|just) (?:got|received|been refunded|refunded|credited|paid back)\b/, /\b(?:partial|incomplete|short) refund\b/,
  /\brefund(?:ed)? (?:was|is|seems|looks) (?:short|incomplete|wrong|incorrect|less|too low|not right)\b/,
  /\b(?:wrong|incorrect|different) (?:amount|sum|figure)\b/, /\bnot the (?:full|whole|right|correct|entire) (?:amount|sum|price|refund)\b/,
  /\b(?:the rest|the remainder|the difference|the balance|what is missing|what's missing|missing (?:amount|money|part|sum))\b/,
  /\b(?:less than|short by)\b/, /\b(?:deducted|withheld|kept back)\b/,
  /\b(?:shipping|delivery|postage|return) (?:cost|costs|fee|fees|charges?)\b.{0,50}\b(?:refund|back|reimburs)/,
  /\brefund\b.{0,50}\b(?:shipping|delivery|postage|return) (?:cost|costs|fee|fees|charges?)\b/,
  /\b(?:another|a second|a further|an extra|an additional) refund\b/, /\brefund (?:me )?(?:also|as well|too)\b/,
  /\bne m'a (?:ete )?rembourse que\b/, /\bn'ai (?:ete )?rembourse(?:e)? que\b/, /\b(?:seulement|uniquement|partiellement) rembourse/,
  /\bremboursement (?:partiel|incomplet|errone|incorrect|insuffisant)\b/, /\b(?:pas le bon|mauvais) montant\b/,
  /\bmontant (?:errone|incorrect|inexact|faux|insuffisant)\b/, /\b(?:il (?:me )?manque|manquant|la difference|le reste|le solde|reste du)\b/,
  /\bfrais (?:de port|de livraison|de retour|d'envoi)\b.{0,50}\brembours/, /\brembours.{0,50}\bfrais (?:de port|de livraison|de retour|d'envoi)\b/,
  /\b(?:deduit|deduite|retenu|retenue|deduction)\b/, /\b(?:moins que|inferieur (?:a|au))\b/,
  /\b(?:autre|second|deuxieme|nouveau) remboursement\b/, /\brembourser (?:aussi|egalement|en plus)\b/,
];

/**
 * The customer says the goods have not come (never came, not received, nothing here). About an order recorded as
 * delivered: a dispute of the delivery, for a person; about one the shop shows still on its way: what its status says.
 */
export const GOODS_NOT_COME: RegExp[] = [
  /\b(?:never|not|didn't|did not|haven't|have not|hasn't|has not) (?:actually |yet |even )?(?:arrived|came|come|turned up|shown up|showed up|received|got|gotten|reached me|been received)\b/,
  /\b(?:no|any) (?:sign|trace) of (?:it|the (?:parcel|package|box|order))\b/, /\bnothing (?:came|arrived|was delivered|here)\b/,
  /\b(?:jamais|pas|rien|toujours pas|toujours rien) (?:ete )?(?:recue?s?|arrivee?s?|livree?s?|vu (?:le|la|de) (?:colis|paquet|livreur))\b/,
  /\bn'(?:est|a) (?:jamais|pas) (?:ete )?(?:arrivee?|recue?|livree?)\b/, /\bne l'ai (?:jamais|pas) (?:recue?|eue?|vue?)\b/,
  /\b(?:aucun|pas de) (?:colis|paquet|avis de passage)\b/, /\b(?:no|not a) (?:parcel|package|delivery note|card through the door)\b/,
];

/**
 * The customer says the parcel went somewhere else or to someone else (delivered to the wrong address, left with a
 * stranger, stolen, signed for by another): a dispute of the delivery whatever the order's status.
 */
export const DELIVERED_ELSEWHERE: RegExp[] = [
  /\b(?:delivered|left|dropped) (?:to|at|with) (?:the wrong|another|a different|someone else|a neighbour i don't)\b/,
  /\b(?:livree?|depose|laisse) (?:a|chez) (?:une autre adresse|la mauvaise adresse|quelqu'un d'autre|un voisin que je ne connais pas)\b/,
  /\b(?:stolen|vole|volee)\b/, /\b(?:someone else|quelqu'un d'autre) (?:signed|a signe)\b/,
  // handed to someone the writer cannot find: "the driver handed it to a neighbour but nobody has it"
  /\b(?:handed|gave|given|passed) (?:it |them |the parcel |the package )?(?:to|over to) (?:a|my|the|some|another) (?:neighbou?r|someone|somebody|person|shop|stranger)\b/,
  /\b(?:remis|donne|confie) (?:a|au|chez) (?:un|une|mon|ma|le|la) (?:voisine?|inconnue?|personne|commerce|gardien(?:ne)?)\b/,
  // the carrier's record says delivered (an order we still show on its way): the writer disputes the carrier's word
  /\b(?:says|said|shows|showed|marked|marque|indique|affiche|dit)\b(?: [\w']+){0,3}? (?:(?:was|were|as|has been|had been|a ete|est|comme) )?(?<!\b(?:be|etre|sera|seront|serait|soit|will|would) )(?:delivered|livree?s?)\b/,
];

/**
 * A message not received (folded text): the mail, the confirmation, the tracking number, the answer — "je n'ai pas reçu
 * le mail de confirmation", "I never got the dispatch email", "toujours pas reçu de numéro de suivi". What did not come
 * is a message, not the goods: no dispute of a delivery. Not when the goods follow in the same breath ("pas reçu de mail
 * ni le colis", "no email and no parcel"): `classify` keeps the span then.
 */
export const MESSAGE_NOT_RECEIVED = /\b(?:jamais|pas|rien|toujours pas|never|not|didn't|did not|haven't|have not|hasn't|has not) (?:actually |yet |even |encore |ete )?(?:recue?s?|received|got|gotten|had) (?:(?:le|la|les|l'|un|une|de|d'|du|des|aucun|aucune|votre|vos|mon|ma|mes|the|a|an|any|your|my|a single) ?)?(?:(?:\w+ ){0,2})?(?:mails?|e-?mails?|courriels?|courrier electronique|messages?|sms|textos?|notifications?|confirmations?|accuse de reception|reponses?|replies|reply|answer|numeros? de suivi|tracking (?:numbers?|links?|codes?|details)|liens? de suivi|factures?|invoices?|receipts?)\b(?:(?: \w+){0,3}? (?:de confirmation|confirmation|de suivi|d'expedition|dispatch|shipping))?/g;

/** Goods (or more messages) named right after a message not received: "…ni le colis", "…or the parcel". */
export const AND_THE_GOODS = /^\s*(?:,\s*)?(?:ni|nor|or|ou|et|and|neither|either|no|pas)\b/;

/**
 * A return not made yet, asked about beforehand (folded text): "avant de le renvoyer", "si je le retourne", "je pense
 * le rendre", "une fois l'article reçu", "before I send it back", "if I return it", "I'm thinking of returning",
 * "once you receive it back". Its refund question is a question about the policy (the window, the delay).
 */
export const RETURN_NOT_YET: RegExp[] = [
  /\bavant de (?:vous )?(?:le |la |les |l')?(?:renvoyer|retourner|rendre|reexpedier|faire (?:un|le|mon|ce) retour|proceder au retour|lancer (?:le|un) retour)\b/,
  /\bsi (?:je|on|nous) (?:vous )?(?:le |la |les |l')?(?:renvoie|renvoyons|retourne|retournons|rends|renvoyais|retournais|decide de (?:vous )?(?:le |la |les |l')?(?:renvoyer|retourner|rendre))\b/,
  /\b(?:je pense|j'envisage de|je compte|je songe a|j'hesite a|je vais peut-etre|je voudrais peut-etre|nous pensons|nous envisageons de) (?:vous )?(?:le |la |les |l')?(?:renvoyer|retourner|rendre|faire un retour)\b/,
  /\bune fois (?:que vous (?:l'|les )?aurez (?:recue?s?|receptionnee?s?)|(?:le colis|l'article|le produit|le retour|l'objet|la commande) (?:recue?|receptionnee?|arrivee? chez vous|de retour chez vous))\b/,
  /\bbefore (?:i|we) (?:send|return|post|ship|do)\b/,
  /\bif (?:i|we) (?:decide to |do )?(?:send|return|post|ship)\b/,
  /\b(?:i'm|i am|we're|we are) (?:thinking of|thinking about|considering|planning to|planning on|going to|likely to) (?:return|returning|send(?:ing)? (?:it|them|the [a-z ]{1,30}) back)\b/,
  /\bonce (?:you(?:'ve| have)? (?:receive[ds]?|get|got|have) (?:it|them|the [a-z ]{1,30}) back|(?:it|they)(?:'s| is| are| has| have)? (?:back with you|been received|received))\b/,
  /\bwhen you (?:get|receive) (?:it|them|the [a-z ]{1,30}) back\b/,
];

/**
 * Money said to have come back to the customer (folded): a credit on the statement, the refund seen, received,
 * arrived. About an order the shop refunded, that is the refund made.
 */
export const MONEY_CAME_BACK: RegExp[] = [
  /\b(?:a|the|un|le) credit (?:from|of|for|by|de|du|d'un|d'une)\b/, /\b(?:shows?|showing|see|saw|seen|there is|there's) (?:a |the )?(?:credit|refund|reimbursement)\b/,
  /\b(?:credited|recredited|re-credited|(?:re)?credite|(?:re)?creditee)\b/, /\b(?:refund|remboursement)\b.{0,30}\b(?:arrived|came in|came through|showed up|appeared|est arrive|est apparu|apparait|visible)\b/,
  /\b(?:got|received|recu|touche) (?:the|my|a|le|mon|un) (?:money|refund|remboursement|virement|argent)\b/, /\b(?:money|argent) (?:came|is|has come) back\b/,
  /\b(?:un )?virement (?:de|recu|arrive)\b/,
];

/**
 * Where refunded money shows (folded): an account, a bank, a card, a statement. "Toujours rien sur mon compte", "still
 * nothing on my card": about an order already refunded, the wait is the refund's, not a parcel's.
 */
export const MONEY_PLACE = /\b(?:compte|banque|carte|releve|virement|account|bank|card|statement|conto|cuenta|konto|tarjeta|carta|cartao)\b/;
/** Words of goods on their way (folded): a parcel, a delivery, a carrier, a tracking. */
export const PARCEL_WORD = /\b(?:colis|paquet|livraison|livre|livree|transporteur|suivi|parcel|package|delivery|delivered|courier|carrier|tracking|pacco|paquete|paket|encomenda|pedido|spedizione|envio)\b/;

/** A contrast after a thank-you: "par contre", "mais", "seul souci", "but", "however", "only thing"… */
const CONTRAST = String.raw`\b(?:par contre|cela dit|ceci dit|that said|having said that|mais|cependant|toutefois|en revanche|sauf que|seul (?:bemol|souci|hic|probleme)|petit (?:bemol|souci|hic)|but|however|though|although|except|only (?:thing|problem|issue|snag)|one (?:thing|problem|issue|snag))\b[^?!]{0,90}?`;

/**
 * A thank-you that turns to something wrong (folded): a contrast followed, in the same or the next sentence, by a report
 * of damage, a defect or a lack — a cue of the damaged_item or missing_item lexicon ("par contre la lampe est
 * fissurée", "seul souci : il manque la notice", "but the lid wasn't in the box"). Such a mail reports something: no
 * thank-you note answers it. A contrast to anything else ("mais pas besoin de réponse, tout va bien") is not one.
 */
export const THANKS_RESERVATION: RegExp[] = [...(INTENT_CUES.damaged_item ?? []), ...(INTENT_CUES.missing_item ?? [])]
  .map(({ re }) => new RegExp(CONTRAST + `(?:${re.source})`))
  // or by a complaint about how it went ("par contre le livreur l'a laissée sous la pluie, ce n'est pas normal", "that
  // said, the courier threw the box over the gate, it isn't acceptable"): a complaint beside the thanks
  .concat(new RegExp(CONTRAST + String.raw`\b(?:pas normal|anormal|pas acceptable|inacceptable|inadmissible|unacceptable|not acceptable|isn't acceptable|is not acceptable|not ok|not okay|not happy|pas contente?s?|decue?s?|disappointed|disappointing|pas terrible|not great|trempee?s?|soaked|soggy|sous la pluie|in the rain|threw|thrown|chucked|jetee?s?|lancee?s?|rude|impolie?s?|desagreable|second time|deuxieme fois)\b`));

/**
 * Goods received that are not the ones ordered (folded): "the toaster you sent me was the wrong model", "not what I
 * ordered", "le détartrant n'était pas le bon", "un mauvais coloris". Whatever else the mail asks, it reports an error
 * a person must put right: no informative reply answers it.
 */
export const WRONG_ITEM: RegExp[] = [
  /\bwrong (?:one|ones|model|colou?r|size|item|items|product|products|article|version|variant|thing|things|kind|type)\b/,
  /\bnot (?:what|the (?:one|model|colou?r|size|item|product)) (?:i|we) (?:ordered|bought|paid for|asked for|chose)\b/,
  /\b(?:sent|received|got|delivered) (?:me |us )?(?:a|an|the) (?:different|other) (?:model|colou?r|size|item|product|one)\b/,
  /\b(?:pas le bon|pas la bonne|pas les bons|pas les bonnes|mauvais|mauvaise) (?:modele|article|produit|coloris|couleur|taille|reference|version|objet)\b/,
  /\b(?:n'est|n'etait|ne sont|n'etaient|c'est|ce n'est) pas (?:le bon|la bonne|les bons|les bonnes)\b(?! (?:moment|jour|endroit|adresse|numero|mot))/,
  /\bpas (?:ce que|celui que|celle que|ceux que) (?:j'ai|nous avons|on a) commande\b/,
];

/** A return already made (folded): "j'ai renvoyé", "le colis retour est parti", "I sent it back", "we returned them". */
export const RETURN_DONE: RegExp[] = [
  /\b(?:j'ai|nous avons|on a) (?:deja |bien )?(?:renvoye|retourne|rendu|reexpedie|depose le (?:colis|retour)|poste le (?:colis|retour))\b/,
  /\b(?:le |mon |notre )?(?:colis (?:de )?retour|retour) (?:est |a ete )?(?:deja |bien )?(?:parti|envoye|expedie|depose|poste)\b/,
  /\b(?:i|we) (?:have |'ve )?(?:already )?(?:sent|posted|returned|shipped|mailed|dropped off) (?:it|them|the [a-z ]{1,30}|my [a-z ]{1,30})? ?back\b|\b(?:i|we) (?:have |'ve )?(?:already )?returned\b/,
];

