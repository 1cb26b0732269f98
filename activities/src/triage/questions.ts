/**
 * unansweredQuestions: the customer's questions (customer-asks.ts) that the draft does not answer with a verified fact.
 * Each ask is read for the kind of information it wants. Kinds the shop data holds (order status and delivery, the
 * return window, refund timing, an invoice copy, a catalogue product's price, name, size-in-name and complements, the
 * free-shipping threshold, business hours) are answered when the draft states the matching fact. Kinds the shop data
 * does not hold (specifications, delivery abroad, customs, services such as gift wrap, changes to an order, stock,
 * discounts, payment means, accounts, gift-card terms, return costs, warranties…) are never answered by an automatic
 * reply, nor is an ask to send a document or deliver a parcel to someone other than the writer (recipient-asks.ts)
 * or an ask for any other action the reply does not perform (requested-actions.ts: a call-back, a change to an order,
 * an invoice made out differently, a gesture, a hand-over to a team, another document, a contact person),
 * and neither is a question whose kind cannot be told: a person answers it rather than the system guessing.
 */
import type { Draft, EmailCase } from '../domain/types';
import { fold } from '../reply/text-fold';
import { customerAsks, type CustomerAsk } from './customer-asks';
import { recipientKinds, type RecipientKind } from './recipient-asks';
import { requestedActions, type ActionKind } from './requested-actions';

/** Kinds of information the shop data holds: answered when the draft states the fact. */
export type AnswerableTopic =
  | 'order_status' | 'return_policy' | 'refund' | 'invoice' | 'price' | 'shipping_cost' | 'catalogue' | 'product_fit'
  | 'product_size' | 'business_hours';
/** Kinds of information the shop data does not hold, and questions whose kind cannot be told. */
export type UnanswerableTopic =
  | 'product_specification' | 'warranty' | 'delivery_area' | 'customs' | 'delivery_guarantee' | 'delivery_time_slot' | 'delivery_option'
  | 'delivery_handover' | 'parcel_contents'
  | 'extra_service' | 'pickup_or_store' | 'contact_channel' | 'order_change' | 'order_action' | 'invoice_details' | 'return_costs' | 'stock'
  | 'discount' | 'payment' | 'refund_destination' | 'account' | 'gift_card_terms' | RecipientKind | ActionKind | 'unclassified';
export type QuestionTopic = AnswerableTopic | UnanswerableTopic;

interface TopicRule {
  topic: QuestionTopic | null; // null: words consumed without a topic ("combien de temps" is no price question)
  /**
   * strong: names what is asked. background: words that also describe the circumstances ("le colis reçu", "the items I
   * returned"); they name the question only when no strong cue does. weak: the bare subject ("ma commande", "quand").
   */
  strength?: 'strong' | 'background' | 'weak';
  pattern: RegExp;
}

const COUNTRIES = String.raw`suisse|switzerland|belgique|belgium|luxembourg|allemagne|germany|italie|italy|espagne|spain|portugal|pays[- ]bas|netherlands|holland|autriche|austria|irlande|ireland|royaume[- ]uni|uk|united kingdom|great britain|angleterre|england|ecosse|scotland|pays de galles|wales|danemark|denmark|suede|sweden|norvege|norway|finlande|finland|pologne|poland|grece|greece|canada|quebec|etats[- ]unis|usa|united states|monaco|andorre|andorra|maroc|morocco|tunisie|tunisia|algerie|algeria|japon|japan|australie|australia|guadeloupe|martinique|la reunion|guyane|mayotte|nouvelle[- ]caledonie|polynesie`;
const DELIVER = String.raw`livr\w*|deliver\w*|ship\w*|expedi\w*|envoy\w*|send\w*|sent|post(ed|ing)?`;
/** How long something takes, with no subject of its own ("ça prend combien de jours ?", "is it normal it takes this long?"). */
const HOW_LONG = String.raw`combien de (temps|jours|semaines)|how (long|much time|many days)|autant de temps|aussi longtemps|si longtemps|(so|this|that) long`;
const ASKS_HOW_LONG = new RegExp(String.raw`\b(${HOW_LONG})\b`);
/**
 * What takes or is awaited: a duration asked of it is a wait ("how long does it take", "how many days before my bank
 * shows it", "combien de jours avant de le voir"), not a size ("how long is the cord").
 */
const WAITING = /\b(takes?|taking|took|prend\w*|faut|compter|wait\w*|attend\w*|delais?|normal|before|until|till|avant|d'ici)\b/;
/** An estimate asked with nothing named ("vous auriez une estimation ?"): of what the sentences before named. */
const ASKS_ESTIMATE = /\b(estimations?|estimates?|estimated)\b/;
/**
 * Whether to worry, asked with nothing named ("Je dois m'inquiéter ?", "Il faut que je m'inquiète ?", "should I be
 * worried?", "is that normal?"): about what the sentences before named (a parcel not come, a refund not seen).
 */
const ASKS_WORRY = /\b(inquiet\w*|m'inquiet\w*|s'inquiet\w*|worr(y|ied|ying)|concerned|panique\w*|panic\w*|normal|(is|everything) (that |this |it )?(ok|okay|alright|all right)|tout va bien)\b/;
/**
 * A remark that asks for agreement ("Je suppose que c'est la période qui veut ça, non ?", "busy time of year, right?"):
 * when it names nothing, it asks the shop nothing.
 */
const TAG_QUESTION = /(,|\s)\s*(non|hein|pas vrai|n'est-ce pas|right|no|isn't it|aren't you|don't you think|i guess|i suppose|je suppose|j'imagine)\s*$/;
/**
 * A tag that asks the shop to do or give something is no remark: "I assume you'll give me something for the trouble,
 * right?", "vous allez me rembourser, non ?" (an ask no status answers).
 */
const TAG_ASKS_SOMETHING = /\b(you'?ll|you will|you are going to|you're going to|vous allez|vous me ferez|vous m'offrez|vous pourr\w*|can you|could you|will you|would you|compensat\w*|free|something for|geste|dedommag\w*|rembours\w*|refund\w*|replace\w*|remplac\w*|another one|un autre|offert|gratuit\w*|discount|remise|reduction|voucher|bon d'achat|send (me )?(a )?new)\b/;
/**
 * "when"/"quand" opens a question, ends one ("il arrive quand ?"), or follows a verb of asking ("tell me when", "savoir
 * quand"); in the middle of a question about something else it joins a clause ("est-ce qu'elle s'arrête toute seule
 * quand l'eau bout ?", "does it switch off when it boils?"): no question about an order's timing.
 */
const WHEN_WORD = /^(when|quand|qd)$/;
const ASKING_VERB = /^(know|tell|me|us|dire|savoir|indiquer|preciser|confirmer|confirm|wonder|wondering|idea|ask|asking|demande|demander|sais|sait|exactly|roughly|approximately|environ|precisement|just|juste|please|svp)$/;
function withoutJoiningWhen(part: string): string {
  const words = part.split(' ');
  return words.map((w, i) => (WHEN_WORD.test(w) && i > 2 && i < words.length - 3 && !ASKING_VERB.test(words[i - 1] ?? '')
    ? '' : w)).join(' ');
}
const GIFT_CARD = String.raw`cartes? cadeaux?|gift ?cards?|bons? cadeaux?|gift vouchers?|cheques? cadeaux?`;

/**
 * Read in order; each match is blanked out so later, more general rules do not read the same words again
 * ("frais de port" is a shipping-cost question, not a delivery-status one).
 */
const RULES: readonly TopicRule[] = [
  // ---- what the shop data does not hold
  { topic: 'customs', pattern: /\b(douanes?|customs|dedouan\w*|import (duty|duties|tax\w*|fees?|vat)|droits? (de douane|d'importation)|taxes? d'importation|duty fees?|duties)\b/g },
  { topic: 'delivery_area', pattern: new RegExp(String.raw`\b(${DELIVER})\b[^.?!]{0,40}\b(a l'etranger|abroad|overseas|internationa\w*|outre[- ]mer|dom[- ]tom|hors (de )?(france|l'ue|ue|europe|metropole)|outside (of )?(france|the eu|europe|the uk)|${COUNTRIES})\b|\b(do|can|will|would) you (deliver|ship|post)( \w+){0,3} (to|in|outside)\b|\b(livrez|expediez)[- ]vous\b|\bvous (livrez|expediez)( \w+){0,3} (en|au|aux|a|vers|dans|hors)\b|\b(zones?|pays) de livraison\b|\bdelivery (zones?|areas?|countries)\b|\b(pays|countries) (livres|desservis|you (deliver|ship) to)\b`, 'g') },
  { topic: 'delivery_guarantee', pattern: /\b(garanti\w*|guarantee\w*|promett\w*|promise\w*|promis)\b[^.?!]{0,60}\b(livr\w*|deliver\w*|arriv\w*|recev\w*|receive\w*|get there|get here|be there|in time|a temps|avant|before|by the)\b|\b(livr\w*|deliver\w*|arriv\w*)\b[^.?!]{0,40}\b(garanti\w*|guaranteed)\b/g },
  { topic: 'warranty', pattern: /\b(garantie|garanti|warrant\w*|guarantee|sav|service apres[- ]vente|after[- ]sales?)\b/g },
  // a delivery service the shop data does not hold: express, next-day, a weekend day ("Next-day possible?", "livraison
  // samedi ?"); a day the writer reports ("elle devait arriver samedi") is no delivery option asked
  { topic: 'delivery_option', pattern: /\b((en|in|by|par|for|livraison|delivery|shipping|envoi|option|service) express|express (delivery|shipping|livraison|service|option)|next[- ]day|same[- ]day|overnight|en 24 ?h(eures)?|in 24 ?h(ours|rs)?|(livraison|delivery|shipping) (rapide|express|le lendemain|accelere\w*|prioritaire|faster|quicker|quick|priority|(le |on (a )?)?(samedi|dimanche|saturday|sunday|week-?end))|(samedi|dimanche|saturday|sunday|week-?end) (delivery|deliveries|livraison))\b/g },
  // how the parcel is handed over (a signature, where it may be left, who may take it in): the shop data holds no
  // carrier's delivery terms ("will someone need to sign for it, or can it be left in the porch?", "le livreur peut-il
  // le laisser chez la gardienne ?"); "I'll ask my neighbour to look" asks nothing of it
  { topic: 'delivery_handover', pattern: /\b(sign(ed|ing)? for( it| them| the \w+)?|(contre|avec|sans|with|without) signature|signature (required|needed|necessaire|obligatoire|requise)|(need|needs|have) to sign|faut[- ]il (que je )?signer|(dois|devrai|devrais)[- ]je (etre la pour )?signer|remis\w* en mains? propres?|safe ?place|(leave|left|drop(ped)?( off)?|laisser|laisse\w*|deposer|depose\w*|mettre|mis) (it |them |the parcel |the package |le colis |le paquet |-le |-la )?(with|at|in|on|outside|by|chez|dans|devant|a cote de|au|a la) (the |my |a |mon |ma |la |le |l')?(neighbou?rs?|next door|voisins?|voisine|gardien\w*|concierge|porch|doorstep|front door|back door|door|porte|mailbox|letterbox|post ?box|boite aux lettres|shed|garage|garden|jardin|reception|accueil|pas de porte))\b/g },
  // which parcel an item travels in, or whether the items come together or apart ("et la bouilloire, elle est dans le
  // même colis ?", "will they arrive separately?"): the shop data holds an order's items, not its parcels; "is the lid
  // sold separately?" is a catalogue question
  { topic: 'parcel_contents', pattern: /\b(meme (colis|paquet|carton|envoi|livraison)|same (parcel|package|box|shipment|delivery)|(colis|paquets|envois|livraisons) (separe|distinct)\w*|(separate|different) (parcels|packages|boxes|shipments|deliveries)|(arriv\w*|come|comes|coming|ship|ships|shipped|shipping|sent|dispatched|livre\w*|envoye\w*|expedie\w*|partent|partir|viennent|venir) (\w+ ){0,3}?(separately|separement|a part|in (one|two|several|separate) (parcels?|packages?|boxes|goes|deliveries))|(une seule|one single|a single|one) (livraison|delivery|colis|parcel|envoi|shipment) ou|(plusieurs|deux|2) (colis|paquets|envois|livraisons)|(two|2|several|multiple) (parcels|packages|boxes|deliveries|shipments)|(est|sont|is|are|was|were|sera|seront)[- ](\w+[- ]){0,5}?(dans|in|inside) (le|la|the|ce|cette|this|mon|ma|my|that) (colis|paquet|carton|envoi|parcel|package|box|shipment)( avec| with|\s*\?))\b/g },
  { topic: 'delivery_time_slot', pattern: /\b(a quelle heure|what time|quelle heure|creneau\w*|time slots?|heure de (livraison|passage)|le matin ou l'apres[- ]midi|morning or (the )?afternoon|rendez[- ]vous|appointment)\b/g },
  // a card's or voucher's balance asked without naming it ("how much is on it?", "combien il reste dessus ?"): the
  // shop data holds no balance
  { topic: 'gift_card_terms', pattern: new RegExp(String.raw`\b(${GIFT_CARD})\b[^.?!]{0,60}\b(valid\w*|valable\w*|expir\w*|utilis\w*|use[ds]?|using|codes?|en ligne|online|in store|en magasin|solde|balance|rembours\w*|refund\w*|perdu\w*|lost|cumul\w*|partiel\w*)\b|\b(codes?|validite|expiry|expiration|balance|solde)\b[^.?!]{0,40}\b(${GIFT_CARD})\b|\bhow much (money |credit )?(is |'s |do i have |have i got |remains )?(still |left |remaining )*on (it|them|the card|my card|this card|the voucher|my voucher)\b|\bcombien (il )?(reste|y a)[- ]?(t[- ]?il )?(encore )?(dessus|sur (la|ma|cette) carte|sur (le|mon|ce) bon)\b|\b(credit|solde) (restant|disponible)\b|\b(remaining|available) (credit|balance)\b`, 'g') },
  { topic: 'invoice_details', pattern: /\b(au nom de|a l'ordre de|made out to|made to|addressed to|in the name of|nom de (la|ma|notre) (societe|entreprise)|company name|raison sociale|numero de tva|tva intra\w*|vat (number|no|id)|siret|siren|(rediger|reediter|reedit\w*|re-?issue\w*|refaire|corriger|correct|amend\w*|modifier|change) (la |the |my |ma |une |an |this |cette )?(facture|invoice))\b/g },
  { topic: 'return_costs', pattern: /\b(etiquettes?|labels?|bon de retour|bordereau|pre-?payee?s?|prepaid|frais de (retour|renvoi)|retours? (gratuit|offert|payant)\w*|a (mes|vos) frais|a ma charge|return (shipping|postage|costs?|fees?)|free returns?|who pays|qui (paie|paye)|at (my|your) (own )?(cost|expense))\b/g },
  { topic: 'order_change', pattern: /\b(ajout\w*|rajout\w*|add|adding)\b[^.?!]{0,50}\b(commande|order|colis|parcel|package|envoi|shipment)\b|\b(modifier|modifiez|modify|changer|changez|change|amend)\b[^.?!]{0,30}\b(commande|order|quantit\w*|adresse|address|article|item|modele|model)\b|\b(annuler|annulez|cancel)\b|\b(remplacer|remplacez|remplacement (de|du) (ma|mon|la|le|l')|echanger|echangez|echange (contre|pour)|exchange (it|them|this|one|for)|swap|replace (it|them|this|my|the))\b|\b(ajouter|rajouter|ajoutez|rajoutez)\b|\b(regroup\w*|combin\w*|merge|fusionn\w*|en un seul (colis|envoi|carton)|in one (parcel|shipment|package|box|go)|(send|ship|post|envoy\w*|expedi\w*) (\w+ ){0,5}?(together|ensemble))\b|\b(autre adresse|another address|different address|new address|nouvelle adresse|a mon bureau|au bureau|to my (office|work|workplace)|a mon travail)\b|\b(retenir|bloquer|decaler|reporter|postpone|hold)\b[^.?!]{0,30}\b(commande|order|colis|parcel|envoi|shipment|livraison|delivery)\b/g },
  { topic: 'order_action', pattern: /\b(arrange|organi[sz]e|process|initiate|start|proceed with|set up|organiser|lancer|effectuer|proceder (a|au)|traiter|declencher) (the |a |my |le |la |mon |ma |un |une |ce |cette |l')?(return|refund|retour|remboursement|exchange|echange|collection|enlevement)\b|\b(refund|rembourser|remboursez)[- ](it|them|me|this one|moi|le|la|les)\b|\b(please|could you|can you|would you|pourriez[- ]vous|pouvez[- ]vous|merci de) (me |m')?(refund|rembourser)\b/g },
  { topic: 'extra_service', pattern: /\b(emballages? cadeaux?|paquets? cadeaux?|papier cadeau|gift[- ]?wrap\w*|wrapping|emball\w* (pour|en) cadeau|carte manuscrite|mot manuscrit|hand[- ]?written|petit mot|message (card|personnalise)|carte (de voeux|avec un message)|include a (card|note|message)|joindre un (mot|message|carte)|grav(er|ure|e)|engrav\w*|personnalis\w*|personalis\w*|monogram\w*|install(er|ation|ed)?|montage|assembl\w*|mise en service|demonstration|trade[- ]in|reprise de (mon|l'|votre)|take back (my|the|our) old)\b/g },
  { topic: 'pickup_or_store', pattern: /\b(retrait|retirer|pick[- ]?up|click (and|&|et) collect|collect (it |them )?(in store|from you|at your)|can i collect|(puis|pourrais)[- ]je (venir )?(le |la |les )?(chercher|recuperer|retirer)|venir (le |la |les )?(chercher|recuperer)|magasins?|boutiques? physiques?|showroom|points? (relais|de retrait)|relay point|lockers?|en personne|in person|sur place|parcel (shops?|points?)|collection points?|pick-?up points?|points? (de collecte|colis)|relais colis|mondial relay|inpost|consignes?)\b/g },
  { topic: 'business_hours', pattern: /\b((horaires?|heures?) (d'ouverture|de bureau|du service|de votre service)|horaires|joignables?|(etes[- ]vous|vous etes|are you) (ouverts?|open)|open(ing)? (hours|times)|business hours|office hours|when are you open)\b/g },
  { topic: 'contact_channel', pattern: /\b(par telephone|by phone|over the phone|phone number|numero de (tel\w*|portable)|appel(er|ez|le|lez)|rappel(er|ez|le|lez)|call (me|us|back)|ring me|whatsapp|visio|video call|parler a (quelqu'un|une personne|un conseiller)|speak to (someone|a person|a human|an agent)|de vive voix)\b/g },
  { topic: 'stock', pattern: /\b((en|in|out of|du|de|le|the|of|plus de|no|any) stock|stock (level|dispo\w*)|rupture|reassort\w*|restock\w*|back in(?! (the )?(summer|spring|winter|autumn|fall|day|days|time|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december|\d))|available again|de nouveau disponibles?|encore disponibles?|still available|toujours disponibles?|(toujours|encore|de nouveau|plus|pas) dispos?|disponibilite|availability|quantite disponible|disponibles? (avant|pour noel|d'ici|a temps)|available (before|by|in time)|epuisee?s?|sold out|en (recevoir|ravoir|reavoir|reprendre)|(get|getting|have|having) (some |any |more )+(in|back)( in)?)\b/g },
  { topic: 'discount', pattern: /\b(promo\w*|code (promo|reduc\w*|de reduction)|coupons?|discount\w*|reductions?|remises? (commerciale|de fidelite|de \d+|sur (le|la|les|votre|vos|ma|mon|mes) (prix|commande|achat)\w*)|rabais|soldes|on sale|black friday|cyber monday|prix (de gros|degressif|pro|professionnel|special)|tarifs? (pro|degressifs?|de groupe|professionnels?|preferentiels?)|volume (discount|pricing|price)|(remise|tarif|prix) (sur|de) volume|bulk|wholesale|geste commercial|baisse\w*|price drop|cheaper|moins cher|price match)\b/g },
  // where a refund goes (which card or account, one or another, a different one): the shop data holds no refund's
  // destination; "when will the refund show on my card?" is a refund delay, answered
  { topic: 'refund_destination', pattern: /\b(rembours\w*|refund\w*|money back|l'argent)\b[^.?!]{0,50}\b(cartes?|cards?|comptes?|accounts?)\b[^.?!]{0,30}\b(ou|or)\b|\b(rembours\w*|refund\w*)\b[^.?!]{0,50}\b(autre|another|different|other|nouvelle|new|la meme|the same)\b[^.?!]{0,10}\b(cartes?|cards?|comptes?|accounts?|iban)\b|\b(quelle|quel|which|laquelle|lequel)\b[^.?!]{0,15}\b(cartes?|cards?|comptes?|accounts?)\b[^.?!]{0,40}\b(rembours\w*|refund\w*)\b|\b(rembours\w*|refund\w*)\b[^.?!]{0,40}\b(sur|to|onto|into) (quelle|quel|which)\b/g },
  { topic: 'payment', pattern: /\b(virement|bank transfer|wire transfer|paypal|apple ?pay|google ?pay|cheques?\b(?! cadeau)|especes|cash|(payer|paiement|regler|reglement) en (plusieurs|\d+) fois|installments?|instalments?|en \d+ fois sans frais|klarna|payer (par|en|avec|autrement)|pay (by|with|in)\b|another way to pay|autre moyen de paiement|moyens? de paiement|payment (methods?|options?)|cartes? (refusee|bloquee|declinee)s?|cards? (declined|refused|rejected)|paiement refuse|payment (failed|declined|refused)|debit\w*|charged|prelev\w*|(taken|come|comes|coming|go|goes|going) (out )?(from|off|of) (my|the|our) (account|card|bank)|(pris|retire)e?s? (sur|de) (mon|ma|notre) (compte|carte)|authori[sz]ations?|pre-?autori\w*|foreign cards?|cartes? etrangeres?)\b/g },
  { topic: 'account', pattern: /\b(mot de passe|password|identifiants?|log ?in|se connecter|connexion|espace client|compte client|customer account|creer un compte|create an account|reset|reinitialis\w*|newsletters?|desabonn\w*|desinscri\w*|unsubscribe|donnees personnelles|personal data)\b/g },
  { topic: 'product_specification', pattern: /\b(induction|vitro\w*|plaques? (a |de )?(induction|gaz|cuisson|electriques?|vitro\w*)|gaz|gas (hob|stove|cooker)s?|hobs?|lave[- ]vaisselle|dishwasher\w*|micro[- ]?ondes?|microwave\w*|(au|dans le|dans un|en) four|(in|into|inside) (the |an |a )?oven|oven[- ]?(safe|proof)|ovenproof|\d+ ?(°|degres|degrees)|temperatures?|matieres?|materiaux|materiau|materials?|made (of|from|in)|fabrique(e|es|s)? (en|a|au|dans)|manufactured (in|by)|(is|are) (it|they) made|origine|origin|provenance|bpa|pfoa|pfas|teflon|revetement|coating|enamel\w*|emaille\w*|couleurs?|colou?rs?|coloris|poids|weigh\w*|puissance|watt\w*|voltage|volts?|plugs?|prise (anglaise|uk|europeenne|electrique)|bruit|bruyant|noise|noisy|silencieu\w*|user manual|instruction manual|manuel d'utilisation|mode d'emploi|la notice|une notice|entretien|nettoy\w*|cleaning|recolte|harvest|bio|organic|vegan|allerg\w*|cafeine|theine|caffeine|sans fil|cordless|minuteur|timer|thermostat|dimensions?|hauteur|height|largeur|width|longueur|length|profondeur|depth|diametre|diameter|epaisseur|thickness|lame|blade)\b|\bemail\b(?=[^.?!]*\b(interieur|inside|noir|black|creme|cream|blanc|white)\b)|\b(existe\w*|exist|exists|come|comes|do you (do|have|make) (it|them|one)|available|disponibles?|dispo|fait|faites|se fait) (\w+ ){0,2}?(en|in) (blanc|noir|rouge|bleu|vert|gris|jaune|rose|beige|creme|orange|violet|marron|white|black|red|blue|green|grey|gray|yellow|pink|cream|purple|brown|(une |an? |other |autre |plus |more |another |d'autres )?(bigger |smaller |larger |plus grande? |plus petite? )?(tailles?|sizes?|colou?rs?|couleurs?|finish\w*|finitions?)|\d+([.,]\d+)? ?(cm|mm|l|litres?|liters?))\b/g },
  // ---- what the shop data holds
  { topic: 'return_policy', pattern: /\b(combien de (temps|jours)|how (long|many days)) (do i have|have i got|ai[- ]je|j'ai|je dispose|dispose[- ]t[- ]on|avons[- ]nous|do we have)\b/g },
  { topic: null, pattern: new RegExp(String.raw`\b(${HOW_LONG}|a partir d(e|')|from what)\b`, 'g') },
  { topic: 'shipping_cost', pattern: /\b(frais de port|frais (d'envoi|de livraison|d'expedition)|port (offert|gratuit|paye)|postage|threshold|seuil|minimum (order|amount|spend|purchase)|montant minimum|get over the line|qualify for free \w+)\b|\b(livraison|delivery|shipping|port|expedition|envoi)\b[^.?!]{0,40}\b(gratuite?s?|free|offerte?s?|frais|costs?|fees?|charges?|prix|price|combien|how much|minimum|inclus\w*|compris\w*|payante?s?)\b|\b(gratuite?s?|free|offerte?s?|frais|costs?|fees?|charges?|combien|how much|minimum)\b[^.?!]{0,25}\b(livraison|delivery|shipping|postage|expedition|envoi)\b/g },
  { topic: 'invoice', pattern: /\b(factur\w*|invoices?|receipts?|justificatifs?|proof of purchase|preuve d'achat|duplicata|note de frais)\b/g },
  { topic: 'refund', pattern: /\b(rembour\w*|refund\w*|money back|the money|my money|l'argent|mon argent|appear(s|ed)?|apparait|(re-?)?credit(e|ee|ees|es|ed)|show up on|apparai\w*|on my (account|card|statement)|sur mon (compte|releve)|sur ma carte)\b/g },
  { topic: 'return_policy', pattern: /\b(jusqu'a quand|until when|deadline|date limite|derniere date|last day|avant quelle date|by when|retractation|cooling[- ]off|(politique|conditions?|delai) de retour|returns? (policy|window|period)|(puis|peux|pourrais|pourrait|peut)[- ](je|on|il|elle)? ?(le |la |les |l')?(retourner|renvoyer|rendre)|(can|could|may) (i|we) (still )?(return|send)|possible de (le |la |les |l'|vous le |vous la |vous les )?(retourner|renvoyer|rendre)|(retourner|renvoyer|rendre)[^.?!]{0,30}\b(possible|encore temps)|proced\w*|proceed|go about it|marche a suivre|how (do|can|should) i (return|send))\b/g },
  { topic: 'return_policy', strength: 'background', pattern: /\b(retours?|retourn\w*|(?<!\b(me|m'|nous|me (le|la|les)|nous (le|la|les)) )renvo\w*|rendre|send\b[^.?!]{0,25}\bback|sent back|sending\b[^.?!]{0,15}\bback|returns?|returning|returnable|returned)\b/g },
  { topic: 'product_size', pattern: /\b(contenance|capacit\w*|volume|quelle taille|how big|how large|combien de (tasses|litres|personnes)|how many (cups|litres|liters|people)|what size|which size|quelle dimension|how many (litres|liters|cups))\b/g },
  { topic: 'product_fit', pattern: /\b(fits?|fitting|go(es)? (well )?(with|together)|going (well )?together|compatib\w*|adaptee?s?|prevue? pour|va avec|vont avec|aller avec|irai(t|ent) avec|match\w*|suitable for (the|my|your|a|this)|(use|used|using) (it )?with|utiliser avec|servir avec)\b/g },
  { topic: 'price', pattern: /\b(prix|prices?|priced|pricing|coute|coutent|coutait|couterai\w*|couts?|costs?|combien|how much|tarifs?|montants?|amounts?|total|go for)\b/g },
  // "any word on my parcel?" asks a status only with an order, a parcel or a delivery in its clause: "any word from
  // your manager on the exception I asked for?" asks a decision a person takes
  { topic: 'order_status', pattern: /\b(where|wheres|ou (est|en est|sont|en sont|ca en est)|ou (il|elle|ils|elles) (est|sont)|ou (il|elle|ils|elles|ca) en (est|sont)|ce qu'il en est|qu'en est[- ]il|what's happening|what is happening|what's going on|ce qui se passe|suivi|track\w*|transit|(en cours d'|en )acheminement|expedi\w*|shipped|dispatch\w*|sent (off|out)|partie?s?|gone out|on (its|the) way|en route|en chemin|news|nouvelles|updates?|(any|no) word (yet |at all )?(on|about|regarding|re|of) [^.?!;]{0,30}?\b(orders?|commandes?|parcels?|packages?|colis|deliver\w*|livraison|shipments?|envoi|[a-z]{2,5}(-\d+|\d{3,}))|status|statut|etat|en preparation|processing|eta|date (prevue|estimee)|(expected|estimated) (date|delivery|arrival)|estimations? (de|du|d') ?(la )?(date|livraison|arrivee|delai)|enregistr\w*|went through|gone through|go through|annulee?s?|cancell?ed|in time|a temps|today|tomorrow|aujourd'hui|demain)\b/g },
  { topic: 'order_status', strength: 'background', pattern: /\b(ship|(?<!\b(replacement|exchange|new one|refund|remplacement|echange)\b.{0,20})(been|was|were|got) (sent|posted)(?= *(yet|already|out|off|today|yesterday|on [a-z]+|\?|,|\.|$))|envoyee?s?|partir|left|arriv\w*|turn(ed)? up|show(ed)? up|get here|get there|be there|be with (me|us)|reach(ed|es)? (me|us)|annoncee?s? pour|prevue?s? pour|devai(t|ent) (arriver|etre livree?s?)|(supposed|meant|due) to (arrive|come|be here|be delivered)|livr\w*|deliver\w*|recu|recevoir|recoi[st]|recevrai\w*|receive\w*|delai\w*|retard\w*|late|delay\w*|lost|perdu\w*|bloquee?s?|stuck|moved|moving|bouge\w*|prepar\w*|validee?s?)\b/g },
  { topic: 'catalogue', pattern: /\b(vend(s|ez|ent|ons|re|u|ue|us|ues)|sell(s|ing)?|propos(ez|ent|ons|er|ee?s?)|do you (do|carry)|(faites[- ]vous|vous faites|faites[- ]vous aussi|vous faites aussi) (des|de la|du|d')|existe\w*|exists?|recommand\w*|recommend\w*|conseill\w*|suggest\w*|gammes?|range|which one|lequel|laquelle|other (sizes|models|amounts))\b/g },
  { topic: 'catalogue', strength: 'weak', pattern: /\b(do you have|have you got|avez[- ]vous|vous avez|est[- ]ce que vous avez)\b/g },
  { topic: 'order_status', strength: 'weak', pattern: /\b(commandes?|orders?|colis|parcels?|packages?|envoi|shipment|when|quand|qd|confirm\w*|normal|souci|probleme|problem|wrong|coming|come)\b/g },
];

const ANSWERABLE: ReadonlySet<QuestionTopic> = new Set<AnswerableTopic>([
  'order_status', 'return_policy', 'refund', 'invoice', 'price', 'shipping_cost', 'catalogue', 'product_fit',
  'product_size', 'business_hours',
]);

/** The topics a folded text names, by cue strength. */
function cues(folded: string): Record<'strong' | 'background' | 'weak', Set<QuestionTopic>> {
  let text = folded;
  const found = { strong: new Set<QuestionTopic>(), background: new Set<QuestionTopic>(), weak: new Set<QuestionTopic>() };
  for (const rule of RULES) {
    text = text.replace(rule.pattern, (m) => {
      if (rule.topic) found[rule.strength ?? 'strong'].add(rule.topic);
      return ' '.repeat(m.length);
    });
  }
  return found;
}

/**
 * Words of a request that says nothing of its own subject ("could you send it to me by e-mail?", "has it been
 * processed?", "pouvez-vous vérifier ?"): such an ask is about what the sentence before it named.
 */
const CONTENTLESS = new Set(`
  i me my we us our you u your it its they them this that these those one he she him her his there here a an the to
  for of on in at by as with from and or so again please pls just also still now yet already then all
  can could would will may might shall should do does did is are was were be been being am has have had get got
  send resend email e-mail mail pdf copy check tell let know confirm give possible processed done sorted gone through
  je j m' me moi mon ma mes nous vous votre vos il elle ils elles on le la les l' lui leur un une des de du d' ce c'
  ca cela qui que qu' est sont a ai as ont etre ete fait faite effectue effectuee traite traitee bien encore deja
  pouvez pourriez pourrais peux pouvons possible envoyer renvoyer transmettre verifier regarder dire confirmer
  svp stp merci par en y s il plait ce l m j d c qu n t
  look into see sort help over across side end part cote mine asap soon quickly once more normally usually actually
  really kindly aider voir jeter oeil coup rapidement vite plus possible
`.trim().split(/\s+/));

function contentless(folded: string): boolean {
  return folded.split(/[^a-z0-9]+/).filter((w) => w && !CONTENTLESS.has(w)).length === 0;
}

/**
 * Where one sentence joins a second question to the first: a coordinator (and, et, or, ou, also, plus, a comma) followed
 * by a question word or an inverted verb ("…, and when will it arrive?", "… et est-ce que je peux le renvoyer ?",
 * "how much is it, and do you ship to Spain?"). Each part is read for its own kind of information.
 */
const SECOND_QUESTION = new RegExp(String.raw`(?:,\s*|\s)(?:(?:and|et|or|ou|also|aussi|plus|puis|&)\s+)(?:(?:also|aussi|then|surtout|enfin|if so|si oui|si c'est le cas),?\s+)?(?=(?:when|where|what|which|how|why|who|whether|is|are|can|could|do|does|did|will|would|should|may|has|have|quand|qd|ou|quel\w*|comment|combien|pourquoi|est-ce|est-il|est-elle|y a-t-il|pouvez|pourriez|puis-je|peut-on|peut-il|avez-vous|faut-il|dois-je|jusqu'a quand|until when|a partir de quand|d'ici quand)\b)`, 'g');

/** The parts of a folded ask that each carry a question of their own (one part for most asks). */
export function questionParts(folded: string): string[] {
  return folded.split(SECOND_QUESTION).map((p) => p.trim()).filter((p) => /[a-z]{2}/.test(p));
}

/**
 * A part that asks a detail of the question before it through a demonstrative ("…, and does that count from the
 * delivery?", "et ça court à partir de quand ?"): it has no kind of its own unless it names one outright (a strong cue).
 */
const FOLLOW_UP = /^(\w+(-\w+)? ){0,2}(that|this|ca|cela|ceci|celui-ci|celle-ci)\b/;

/** The kinds of one question part: its strong cues', else its background cues', else its weak cues'; none: []. */
function partTopics(part: string, followsUp: boolean): QuestionTopic[] {
  const own = cues(withoutJoiningWhen(part));
  for (const level of followsUp ? (['strong'] as const) : (['strong', 'background', 'weak'] as const)) {
    if (own[level].size) return [...own[level]];
  }
  return [];
}

/**
 * The kinds of information one ask wants, each question of it read apart (questionParts): a part's strong cues', else
 * its background cues', else its weak cues'; a later part with no cue ("…, and how?"), or one that asks a detail of the
 * part before it through a demonstrative with no strong cue ("…, and does that count from delivery?"), goes on with it.
 * An ask of how long something takes that names nothing itself (no strong or background cue) takes the strong, else
 * background, cues of the sentences before it. An ask with no cue and no words of its own ("could you send it?") takes
 * the strong cues of the sentence before it;
 * else `unclassified`.
 */
export function topicsOf(ask: Pick<CustomerAsk, 'folded'> & Partial<Pick<CustomerAsk, 'before'>>): QuestionTopic[] {
  const parts = questionParts(ask.folded);
  const found = new Set<QuestionTopic>();
  let previous: QuestionTopic[] = [];
  for (const part of parts.length ? parts : [ask.folded]) {
    const own = partTopics(part, previous.length > 0 && FOLLOW_UP.test(part));
    const kinds = own.length ? own : previous;
    kinds.forEach((t) => found.add(t));
    previous = kinds;
  }
  // "Ça prend combien de jours d'habitude ?", "is it normal it takes this long?", "vous auriez une estimation ?" after
  // "le remboursement est fait, je ne le vois pas": how long the thing the sentences before named takes (their strong
  // cues, the nearest first; else their background cues), when the ask names nothing itself but weak words ("normal",
  // "when"). An estimate of something named ("an estimate for repairing the lid") is about that thing.
  // (a worry or a remark with a word of its own, "is that normal?", "c'est normal, non ?", keeps its own reading)
  const remark = TAG_QUESTION.test(ask.folded.replace(/[?!.\s]+$/, '')) && !found.size && !TAG_ASKS_SOMETHING.test(ask.folded);
  const worry = ASKS_WORRY.test(ask.folded) && !found.size;
  if ((ASKS_HOW_LONG.test(ask.folded) && WAITING.test(ask.folded)) || ASKS_ESTIMATE.test(ask.folded) || worry || remark) {
    const own = cues(ask.folded);
    const context = own.strong.size || own.background.size ? [] : (ask.before ?? []).map(cues);
    const named = context.find((c) => c.strong.size)?.strong ?? context.find((c) => c.background.size)?.background;
    if (named) return [...named];
    // a remark asking for agreement that names nothing, with nothing named before it, asks the shop nothing
    if (remark) return [];
  }
  if (found.size) return [...found];
  if (contentless(ask.folded)) {
    for (const previousSentence of ask.before ?? []) {
      const context = cues(previousSentence);
      const named = context.strong.size ? context.strong : context.background;
      if (named.size) return [...named];
    }
  }
  return ['unclassified'];
}

const MEASURE_IN_NAME = /\d+([.,]\d+)?\s?(l|ml|cl|cm|mm|g|kg|tasses|cups)\b/i;

/** Draft fact keys, without the `<order number>.` prefix of a secondary order's section. */
function factKeys(draft: Draft): string[] {
  return Object.keys(draft.facts).map((k) => k.replace(/^[^.]+\.(?=[a-z_]+$)/, ''));
}

/** Whether the draft states the verified fact that answers this kind of question. */
export function draftAnswers(topic: QuestionTopic, draft: Draft): boolean {
  if (!ANSWERABLE.has(topic)) return false;
  const keys = factKeys(draft);
  const has = (...names: string[]) => keys.some((k) => names.includes(k) || names.some((n) => n.endsWith('_') && k.startsWith(n)));
  switch (topic as AnswerableTopic) {
    case 'order_status': return has('status', 'estimated_delivery', 'delivered_at', 'shipped_at', 'tracking_number');
    case 'return_policy': return has('return_window_days', 'return_deadline');
    case 'refund': return has('refund_processing_days', 'refunded_amount', 'refund_amount', 'return_received_at');
    case 'invoice': return (draft.attachments ?? []).some((a) => a.kind === 'invoice');
    case 'price': return has('price', 'price_', 'basket_total', 'total', 'refunded_amount', 'refund_amount', 'shipping_fee');
    case 'shipping_cost': return has('free_shipping_threshold', 'shipping_fee');
    case 'catalogue': return has('product', 'product_', 'price', 'price_', 'complementary_to');
    case 'product_fit': return has('complementary_to');
    case 'product_size':
      return Object.entries(draft.facts).some(([k, v]) => /(^|\.)product(_|$)/.test(k) && typeof v === 'string' && MEASURE_IN_NAME.test(v));
    case 'business_hours': return has('business_hours');
  }
}

/**
 * What a "do you sell…" ask names as the thing sought ("vous vendez des cartouches filtrantes pour la bouilloire ?",
 * "do you sell a grinder that goes with it?"): the words after the selling verb and its article, up to a purpose, a
 * relative clause or the end. A reply that prices another product (the kettle the cartridges are for) does not answer it.
 */
const SOUGHT = /\b(?:vend(?:ez|ent|s)|proposez|sell|carry|stock|do you (?:do|have)|have you got|avez[- ]vous|vous avez|faites[- ]vous|vous faites)(?: aussi| also| encore| still| par hasard| by any chance| egalement)*(?: (?:des|de la|du|de|les|la|le|un|une|a|an|any|some|the)\b| d'| l')? ?([a-z' -]+?)(?= pour\b| for\b| to\b| that\b| which\b| qui\b| que\b| avec\b| with\b| in\b| en\b| dans\b|[?,;.!]|$)/;
/** Words that name no particular product ("vous vendez d'autres accessoires ?"): the catalogue answer lists what there is. */
const GENERIC = /^(vous|nous|tu|you|autres?|other|others|accessoires?|accessor\w*|produits?|products?|articles?|items?|choses?|things?|something|quelque|chose|modeles?|models?|tailles?|sizes?|couleurs?|colou?rs?|versions?|ones?|it|them|ca|cela|ceux|celles?|those|these|more|plus|similar|pareil\w*|same|meme|kind|sorte|genre|type|complement\w*)$/;

/** Whether the draft's product facts name what a "do you sell…" ask seeks (true when the ask names nothing particular). */
function namesSought(ask: Pick<CustomerAsk, 'folded'>, draft: Draft): boolean {
  const sought = SOUGHT.exec(ask.folded)?.[1];
  const words = (sought ?? '').split(/[\s'-]+/).filter((w) => w.length >= 4 && !GENERIC.test(w));
  if (!words.length) return true;
  const products = Object.entries(draft.facts)
    .filter(([k, v]) => /(^|\.)product(_|$)/.test(k) && typeof v === 'string').map(([, v]) => fold(String(v)));
  const stem = (w: string) => w.replace(/ves$/, 'f').replace(/(es|s|x)$/, '');
  return words.some((w) => products.some((p) => p.includes(stem(w))));
}

export interface UnansweredQuestion {
  /** The customer's sentence (for tests and tools; never logged, never put in a reason). */
  text: string;
  /** The kinds of information it asks that the draft does not state. */
  topics: QuestionTopic[];
}

/** A subject that is the mail's own (not a reply's or a forward's) can carry the question. */
const REPLY_SUBJECT = /^\s*(re|tr|fwd?|aw|wg|rv|sv|ref)\s*(\[\d+\])?\s*:/i;

/** The customer's asks (new text, and the subject of a new thread) with the kinds of information each wants. */
function asksWithTopics(c: EmailCase): { ask: CustomerAsk; topics: QuestionTopic[] }[] {
  // a subject is often a label ("Commande CMD-1 ?"): it counts only for what it names
  const subject = REPLY_SUBJECT.test(c.parsed.subject ?? '') ? [] : customerAsks(c.parsed.subject ?? '')
    .map((ask) => ({ ask, topics: topicsOf(ask) })).filter((q) => !q.topics.includes('unclassified'));
  // an ask to send or deliver to someone other than the writer, or for any action the reply does not perform
  // (requested-actions.ts), is an action a person does, whatever else it asks
  const own = [c.parsed.from, c.parsed.replyTo, ...(c.parsed.to ?? [])].flatMap((a) => (a?.address ? [a.address] : []));
  const body = customerAsks(c.cleaned.clean)
    .map((ask) => ({ ask, topics: [...new Set<QuestionTopic>([...recipientKinds(ask, own), ...requestedActions(ask.folded), ...topicsOf(ask)])] }));
  return [...subject, ...body];
}

/**
 * The kinds of information the writer's questions name outright (a strong or background cue of a question part, never
 * a bare "when" or "my order"): a reading of the words by rules, apart from the intent model (classify.ts).
 */
export function namedAskTopics(text: string): Set<QuestionTopic> {
  const named = new Set<QuestionTopic>();
  for (const ask of customerAsks(text)) {
    for (const part of questionParts(ask.folded)) {
      const own = cues(withoutJoiningWhen(part));
      for (const t of [...own.strong, ...own.background]) named.add(t);
    }
  }
  return named;
}

/** Whether the new text (or a new thread's subject) asks anything at all, answered or not. */
export function customerAsksAnything(c: EmailCase): boolean {
  return asksWithTopics(c).length > 0;
}

/** The customer's asks (new text, and the subject of a new thread) the draft does not answer with a verified fact. */
export function unansweredQuestions(c: EmailCase): UnansweredQuestion[] {
  const draft = c.draft;
  const out: UnansweredQuestion[] = [];
  for (const { ask, topics } of asksWithTopics(c)) {
    const missing = topics.filter((t) => !draft || !draftAnswers(t, draft) || (t === 'catalogue' && !namesSought(ask, draft)));
    if (missing.length) out.push({ text: ask.text, topics: missing });
  }
  return out;
}

/**
 * The kinds of information the customer asks for, when the draft answers every ask with a verified fact; null when
 * nothing is asked, or something asked is left unanswered (an action, a remedy, a kind the shop data does not hold).
 */
export function answeredTopics(c: EmailCase): QuestionTopic[] | null {
  const asked = asksWithTopics(c);
  if (!asked.length || !c.draft || unansweredQuestions(c).length) return null;
  return [...new Set(asked.flatMap((q) => q.topics))];
}

/**
 * Review reasons for the questions an automatic reply would leave unanswered: `unanswered_question`, and one
 * `unanswered_question:<kind>` per kind asked (the reviewer sees which question; no customer text in a reason, since
 * reasons reach the audit log and the event stream).
 */
export function unansweredQuestionReasons(c: EmailCase): string[] {
  const open = unansweredQuestions(c);
  if (!open.length) return [];
  return ['unanswered_question', ...new Set(open.flatMap((q) => q.topics.map((t) => `unanswered_question:${t}`)))];
}
