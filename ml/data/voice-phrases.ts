/**
 * Hand-written material for the voiced training messages (ml/voices.ts): subject lines per intent, more ways to say
 * the routine requests and the escalation families, and the pieces of the voices (formal letters, SMS shorthand, a
 * non-native writer's slips, mixed French and English). Written from the taxonomy and the policy (design/ROUTING.md),
 * never from a labelled email. Slots as in intent-phrases.ts, plus {tracking} a tracking number, {date} a date, {name}
 * a customer's name (the shop's customers: shop-slots below).
 */
import type { Lang, Phrases } from './intent-phrases';
import type { RiskPhrases } from './risk-phrases';

/** Subject lines a writer gives a new message of each intent (the rest use GENERIC_SUBJECTS or none). */
export const SUBJECTS: Phrases = {
  order_status: {
    fr: ['Suivi de ma commande', 'Commande {order}', 'Où en est mon colis ?', 'Livraison', 'Question sur ma commande', 'Expédition {order} ?', 'suivi colis', 'Ma commande du {date}'],
    en: ['Order status', 'Order {order}', 'Where is my parcel?', 'Delivery', 'Tracking', 'Question about my order', 'shipping update?', 'My order from {date}'],
  },
  delivery_delay: {
    fr: ['Colis en retard', 'Retard de livraison {order}', 'Toujours rien reçu', 'Livraison non reçue', 'Commande {order} pas arrivée', 'Délai dépassé'],
    en: ['Late delivery', 'Parcel overdue', 'Still not arrived', 'Order {order} delayed', 'Delivery date passed', 'Where is it?'],
  },
  missing_item: {
    fr: ['Article manquant', 'Colis incomplet', 'Il manque un produit', 'Commande {order} incomplète'],
    en: ['Missing item', 'Incomplete order', 'Something missing from {order}', 'Item not in the box'],
  },
  damaged_item: {
    fr: ['Produit cassé', 'Article abîmé', 'Colis endommagé', 'Produit défectueux', 'Problème avec {product}'],
    en: ['Broken item', 'Damaged on arrival', 'Faulty product', 'Problem with {product}', 'Arrived damaged'],
  },
  return_request: {
    fr: ['Retour', 'Demande de retour', 'Retourner un article', 'Renvoi {order}', 'Échange ?', 'Question retours'],
    en: ['Return', 'Returns question', 'Sending something back', 'Return request {order}', 'Exchange?', 'How do returns work'],
  },
  refund_request: {
    fr: ['Demande de remboursement', 'Remboursement {order}', 'Rembourser ma commande', 'Remboursement svp'],
    en: ['Refund request', 'Refund please', 'Refund for {order}', 'Money back'],
  },
  refund_status: {
    fr: ['Remboursement pas reçu', 'Suivi remboursement', 'Mon remboursement', 'Remboursement {order} ?', 'Avoir'],
    en: ['Refund not received', 'Refund status', 'Where is my refund?', 'Refund {order}?', 'Refund update'],
  },
  cancel_order: {
    fr: ['Annulation', 'Annuler ma commande', 'Annulation commande {order}', 'Erreur de commande'],
    en: ['Cancel order', 'Cancellation {order}', 'Please cancel', 'Ordered by mistake'],
  },
  change_address: {
    fr: ["Changement d'adresse", 'Adresse de livraison', 'Nouvelle adresse {order}', 'Erreur adresse'],
    en: ['Change of address', 'Delivery address', 'Wrong address on {order}', 'New address'],
  },
  invoice_request: {
    fr: ['Facture', 'Demande de facture', 'Facture {order}', 'Justificatif', 'Facture pour ma société'],
    en: ['Invoice', 'Invoice request', 'Receipt for {order}', 'VAT invoice', 'Copy of invoice'],
  },
  product_question: {
    fr: ['Question produit', 'Renseignement', '{product}', 'Question sur {product}', 'Compatibilité ?', 'Dimensions', 'Avant achat'],
    en: ['Product question', 'Quick question', '{product}', 'Question about {product}', 'Compatible?', 'Sizes', 'Before I buy'],
  },
  payment_issue: {
    fr: ['Problème de paiement', 'Paiement refusé', 'Double prélèvement', 'Carte débitée deux fois'],
    en: ['Payment problem', 'Payment declined', 'Charged twice', 'Payment issue {order}'],
  },
  account_access: {
    fr: ['Connexion impossible', 'Mot de passe', 'Mon compte', 'Accès compte'],
    en: ["Can't log in", 'Password reset', 'My account', 'Account access'],
  },
  complaint: {
    fr: ['Réclamation', 'Mécontente', 'Très déçu', 'Service client', 'Inadmissible'],
    en: ['Complaint', 'Very disappointed', 'Unhappy', 'Poor service', 'Not good enough'],
  },
  gift_card: {
    fr: ['Carte cadeau', 'Code cadeau', 'Bon cadeau'],
    en: ['Gift card', 'Gift voucher', 'Gift code'],
  },
  thanks: {
    fr: ['Merci !', 'Merci', 'Bien reçu', 'Re: merci', 'Super', 'Un grand merci', 'Colis reçu'],
    en: ['Thank you!', 'Thanks', 'Received', 'Many thanks', 'Great', 'All good', 'Parcel arrived'],
  },
  legal_threat: {
    fr: ['Dernier avertissement', 'Mise en garde', 'Suite à donner', 'Ma réclamation {order}', 'Recours'],
    en: ['Final warning', 'Next steps', 'Formal notice', 'My claim {order}', 'Before I take this further'],
  },
  fraud_report: {
    fr: ['Commande inconnue', 'Prélèvement inconnu', 'Compte piraté ?', 'Ce n’est pas moi', 'Mail suspect'],
    en: ['Order I did not place', 'Unknown charge', 'Account hacked?', 'Not me', 'Suspicious email'],
  },
  gdpr_request: {
    fr: ['Mes données', 'Données personnelles', 'Suppression compte', 'Demande d’accès'],
    en: ['My data', 'Personal data', 'Delete my account', 'Data request'],
  },
  safety_incident: {
    fr: ['Danger', 'Accident', 'Produit dangereux', 'Urgent sécurité'],
    en: ['Dangerous product', 'Accident', 'Safety issue', 'Urgent - safety'],
  },
  other: {
    fr: ['Question', 'Renseignement', 'Proposition', 'Info', 'Demande'],
    en: ['Question', 'Enquiry', 'Proposal', 'Info', 'Request'],
  },
};

/** Subjects that say nothing of the request (or about an old topic). */
export const GENERIC_SUBJECTS: Record<Lang, string[]> = {
  fr: ['Bonjour', 'Question', 'Demande', 'Ma commande', 'Commande {order}', 'Service client', 'Petite question', 'urgent', 'Info', '{order}'],
  en: ['Hello', 'Question', 'Query', 'My order', 'Order {order}', 'Customer service', 'Quick one', 'urgent', 'Hi', '{order}'],
};

/** More ways to ask, per intent: plain everyday sentences in other turns of phrase than the earlier lists. */
export const VOICE_PHRASES: Phrases = {
  order_status: {
    fr: [
      'je voulais savoir si ma commande {order} avait été envoyée.', 'vous pouvez me dire où elle en est ?', 'elle part quand, ma commande ?',
      "petite question : {product} est-il déjà en route ?", "je n'ai reçu aucun mail d'expédition, c'est normal ?",
      'le colis arrive quand à peu près ?', "auriez-vous l'amabilité de me dire où en est l'envoi ?",
      'je guette le facteur tous les jours, vous avez une idée de la date ?', 'il y a moyen de savoir quand ça arrive ?',
      "j'ai besoin de {product} pour {day}, ça va le faire ?", 'le numéro de suivi {tracking} ne donne rien, il est bon ?',
      "est-ce que c'est parti ?", 'je pars en vacances {day}, le colis arrivera-t-il avant ?',
    ],
    en: [
      'just wondering if my order {order} has gone out yet.', 'can you tell me where it is at?', 'when does my order ship?',
      'quick one: is {product} on its way yet?', "I haven't had a dispatch email, is that normal?",
      'roughly when will the parcel turn up?', 'would you be so kind as to let me know the status of my order?',
      "I'm waiting in for the courier, any idea which day?", 'any way to know when it will get here?',
      'I need {product} by {day}, will it make it?', 'the tracking number {tracking} shows nothing, is it right?',
      'has it left yet?', "I'm away from {day}, will the parcel arrive before then?",
    ],
  },
  delivery_delay: {
    fr: [
      "ça fait plus d'une semaine que j'attends, la date prévue est passée.", "on m'avait dit {day}, on est bien après et toujours rien.",
      "le suivi n'a pas bougé depuis {n} jours.", "il devait être là depuis longtemps, je commence à m'inquiéter.",
      'toujours pas de colis, la date annoncée est largement dépassée.', "le livreur n'est jamais passé alors que c'était prévu {day}.",
      "ma commande a pris du retard, vous savez ce qui se passe ?", 'le colis est coincé au dépôt depuis des jours.',
    ],
    en: [
      "it's been over a week and the expected date has passed.", 'I was told {day}, that was ages ago and still nothing.',
      "tracking hasn't moved for {n} days.", "it should have been here long ago, I'm getting worried.",
      'still no parcel and the promised date is well behind us.', 'the courier never came although it was due {day}.',
      'my order seems to be running late, do you know what happened?', 'the parcel has been sitting at the depot for days.',
    ],
  },
  return_request: {
    fr: [
      'vous acceptez les retours combien de temps après la livraison ?', "si {product} ne convient pas, je peux le renvoyer ?",
      'comment ça marche pour renvoyer un article ?', 'le retour est à mes frais ou pas ?', 'je peux encore retourner {product} reçu il y a {n} jours ?',
      "c'est quoi votre politique de retour ?", "j'hésite à garder {product}, j'ai combien de temps pour changer d'avis ?",
      "il faut l'emballage d'origine pour un retour ?",
    ],
    en: [
      'how long after delivery do you accept returns?', "if {product} doesn't fit my kitchen, can I send it back?",
      'how does sending an item back work?', 'do I pay for the return postage?', 'can I still return {product}, it came {n} days ago?',
      "what's your returns policy?", "I'm not sure I'll keep {product}, how long do I have to change my mind?",
      'do I need the original box to return it?',
    ],
  },
  refund_status: {
    fr: [
      "vous m'avez confirmé le remboursement mais je ne vois rien sur mon compte.", 'le remboursement a été fait à quelle date ?',
      "c'est normal que l'argent ne soit pas encore revenu ?", 'vous pouvez vérifier que le remboursement est bien parti ?',
      'combien de jours pour voir le remboursement sur ma carte ?', "j'ai renvoyé le colis il y a {n} jours, où en est mon remboursement ?",
      "le remboursement de {amount} est passé ?",
    ],
    en: [
      "you confirmed the refund but I can't see it on my statement.", 'what date did the refund go through?',
      "is it normal that the money isn't back yet?", 'can you check the refund was actually sent?',
      'how many days until the refund shows on my card?', 'I sent the parcel back {n} days ago, where is my refund?',
      'has the {amount} refund been processed?',
    ],
  },
  invoice_request: {
    fr: [
      "il me faudrait la facture de {order} pour ma comptabilité.", 'vous pouvez me renvoyer la facture ? je ne la trouve plus.',
      "j'ai besoin d'un justificatif d'achat pour la garantie.", 'est-il possible d’avoir une facture au format PDF ?',
      'pourriez-vous me transmettre la facture de ma dernière commande ?', "la facture n'était pas dans le colis, vous pouvez me l'envoyer ?",
      'mon employeur me demande la facture pour me rembourser.',
    ],
    en: [
      'I need the invoice for {order} for my accounts.', "could you resend the invoice? I can't find it anymore.",
      'I need a proof of purchase for the warranty.', 'is it possible to get the invoice as a PDF?',
      'could you forward the invoice for my last order?', "there was no invoice in the box, could you email it?",
      'my employer needs the invoice to reimburse me.',
    ],
  },
  product_question: {
    fr: [
      "{product} passe-t-il au lave-vaisselle ?", 'est-ce que {product} fonctionne sur une plaque à induction ?',
      'quelles sont les dimensions exactes de {product} ?', "{product} est en quelle matière ?", 'vous avez {product} en stock ?',
      "{product} est garanti combien de temps ?", 'quelle est la différence entre vos deux modèles ?', "{product} est-il livré avec une notice en français ?",
      'le fouet de rechange va-t-il sur le robot 5 L ?', 'combien pèse {product} ?', 'il fait combien de tasses, {product} ?',
      "je me demandais si {product} était adapté pour un usage quotidien.",
    ],
    en: [
      'is {product} dishwasher safe?', 'does {product} work on an induction hob?', 'what are the exact dimensions of {product}?',
      'what material is {product} made of?', 'do you have {product} in stock?', 'how long is the warranty on {product}?',
      "what's the difference between your two models?", 'does {product} come with instructions in English?',
      'will the replacement whisk fit the 5 L mixer?', 'how heavy is {product}?', 'how many cups does {product} make?',
      'I was wondering whether {product} is fine for everyday use.',
    ],
  },
  thanks: {
    fr: [
      'bien reçu, merci !', 'tout est arrivé en parfait état, merci à vous.', 'merci pour le suivi, c’est réglé de mon côté.',
      "c'est parfait, je n'ai besoin de rien d'autre.", 'un grand merci pour votre gentillesse.', 'merci, le remboursement est bien arrivé.',
      'top, merci beaucoup !', 'je voulais juste vous dire que {product} est super.', 'merci pour la réponse, ça répond à ma question.',
      'ok parfait, merci.', 'rien à signaler, tout est ok. merci !', 'merci encore pour votre aide la semaine dernière.',
    ],
    en: [
      'got it, thanks!', 'everything arrived in perfect condition, thank you.', "thanks for following up, it's all sorted on my end.",
      "that's perfect, I don't need anything else.", 'thank you so much for being so kind.', 'thanks, the refund has come through.',
      'brilliant, thanks a lot!', 'just wanted to say {product} is great.', 'thanks for the answer, that covers it.',
      'ok perfect, thanks.', 'all fine, nothing else needed. thank you!', 'thanks again for your help last week.',
    ],
  },
  cancel_order: {
    fr: ["j'ai commandé deux fois par erreur, vous pouvez annuler la deuxième ?", "finalement je n'en ai plus besoin, vous pouvez annuler ?", 'merci de ne pas expédier {order}, je voudrais annuler.'],
    en: ['I ordered twice by mistake, can you cancel the second one?', "turns out I don't need it anymore, can you cancel?", "please don't ship {order}, I'd like to cancel."],
  },
  change_address: {
    fr: ["je me suis trompée d'adresse, pouvez-vous livrer ailleurs ?", 'je déménage, il faudrait changer l’adresse de livraison.', "le code postal est faux sur ma commande."],
    en: ['I put the wrong address, can you deliver elsewhere?', "I'm moving, the delivery address needs changing.", 'the postcode on my order is wrong.'],
  },
  damaged_item: {
    fr: ['{product} est arrivé fendu.', "il ne chauffe plus depuis {day}.", 'la boîte était trempée et {product} rouillé.'],
    en: ['{product} arrived with a crack in it.', "it stopped heating on {day}.", 'the box was soaked and {product} is rusty.'],
  },
  missing_item: {
    fr: ["il n'y avait que {product} dans le carton, le reste manque.", 'le colis est arrivé vide.'],
    en: ['only {product} was in the box, the rest is missing.', 'the parcel arrived empty.'],
  },
  refund_request: {
    fr: ['je préfère être remboursée que recevoir un autre.', 'remboursez-moi la différence de prix, svp.'],
    en: ["I'd rather have my money back than a replacement.", 'please refund me the price difference.'],
  },
  payment_issue: {
    fr: ['mon paiement a été refusé alors que la carte marche.', "j'ai été débité deux fois pour la même commande."],
    en: ['my payment was declined but the card works fine.', 'I was charged twice for the same order.'],
  },
  complaint: {
    fr: ["franchement je suis déçue, ce n'est pas le service que j'attendais.", "ça fait trois fois que j'écris sans réponse."],
    en: ["honestly I'm disappointed, this isn't the service I expected.", "this is the third time I've written with no answer."],
  },
};

/** More ways to say the escalation families (and innocent uses of their words), in everyday and veiled turns. */
export const VOICE_RISK: RiskPhrases = {
  legal_threat: {
    fr: [
      "je vais voir ce qu'en pense un professionnel du droit.", 'la suite se réglera devant quelqu’un de compétent.',
      "j'ai déjà pris conseil, et on m'a dit que j'étais dans mon droit.", "si je n'ai rien d'ici vendredi, je lance la procédure.",
    ],
    en: [
      "I'll see what someone who knows the law makes of this.", 'the next step will be in front of someone with authority.',
      "I've taken advice and I'm told I'm within my rights.", "if I hear nothing by Friday I'm starting the process.",
    ],
  },
  chargeback_hint: {
    fr: ["ma banque va s'en occuper si vous ne faites rien.", "j'ai demandé à ma carte de contester le paiement.", 'je vais faire opposition sur ce prélèvement.'],
    en: ["my bank will sort this out if you don't.", "I've asked my card provider to reverse the payment.", "I'm going to dispute the charge with my card company."],
  },
  fraud_report: {
    fr: ["quelqu'un a passé une commande avec mon compte, ce n'est pas moi.", 'je vois un paiement chez vous que je ne reconnais pas.', "on a changé mon mot de passe sans que je le demande."],
    en: ["someone placed an order on my account, it wasn't me.", "there's a payment to you I don't recognise.", 'my password was changed without me asking.'],
  },
  gdpr_request: {
    fr: ['effacez tout ce que vous savez sur moi.', "je veux savoir quelles informations vous gardez sur moi.", "d'où tenez-vous mon adresse mail ?"],
    en: ['wipe everything you hold about me.', 'I want to know what information you keep on me.', 'where did you get my email address from?'],
  },
  safety_incident: {
    fr: ['{product} a pris feu sur le plan de travail.', "mon fils s'est brûlé avec, la poignée est devenue brûlante.", 'des étincelles sont sorties de la prise.'],
    en: ['{product} caught fire on the worktop.', 'my son got burnt, the handle became scalding hot.', 'sparks came out of the plug.'],
  },
  threat: {
    fr: ['vous allez le regretter, je sais où vous trouver.', "je passerai à l'entrepôt régler ça moi-même."],
    en: ["you'll regret this, I know where to find you.", "I'll come to the warehouse and sort it out myself."],
  },
  distress: {
    fr: ["je n'en peux plus, tout va de travers en ce moment.", "je ne sais plus vers qui me tourner."],
    en: ["I can't cope anymore, everything is going wrong.", "I don't know who else to turn to."],
  },
  none: {
    fr: [
      "ce n'est pas une réclamation, juste une question.", "pas de litige, tout va bien, c'est simplement pour savoir.",
      'mon avocat de mari adore {product} !', "aucune menace de pluie pour la livraison, j'espère.", "je n'ai pas l'intention de faire d'histoires.",
    ],
    en: [
      "this isn't a complaint, just a question.", 'no dispute at all, everything is fine, I only want to know.',
      'my husband, a lawyer, loves {product}!', "I'm not threatening anything, just asking.", "I don't want to make a fuss.",
    ],
  },
};

/** The formal letter's pieces. */
export const FORMAL: Record<'open' | 'lead' | 'close', Record<Lang, string[]>> = {
  open: {
    fr: ['Madame, Monsieur,', 'Madame, Monsieur, bonjour,', 'À l’attention du service client,'],
    en: ['Dear Sir or Madam,', 'Dear Customer Services,', 'To whom it may concern,'],
  },
  lead: {
    fr: ['Je me permets de vous contacter au sujet de ma commande {order}, passée le {date}.', 'Je reviens vers vous concernant la commande {order}.', 'Cliente de longue date, je vous écris à propos de {order}.'],
    en: ['I am writing with regard to my order {order}, placed on {date}.', 'I am contacting you about order {order}.', 'As a long-standing customer, I write concerning {order}.'],
  },
  close: {
    fr: ["Dans l'attente de votre retour, je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.", 'Je vous remercie par avance de votre diligence.', 'Veuillez recevoir mes sincères salutations.'],
    en: ['I look forward to hearing from you.\nYours faithfully,', 'Thank you in advance for your attention to this matter.', 'Yours sincerely,'],
  },
};

/** SMS shorthand: [pattern, replacements] applied word-wise on a lower-case, accent-less message. */
export const SMS: Record<Lang, [RegExp, string[]][]> = {
  fr: [
    [/\bbonjour\b/g, ['bjr', 'slt', 'bonjour']], [/\bs'il vous plait\b/g, ['svp', 'stp']], [/\bpourquoi\b/g, ['pk', 'pq']], [/\bquand\b/g, ['qd', 'quand']],
    [/\bcommande\b/g, ['cmd', 'commande']], [/\bbeaucoup\b/g, ['bcp']], [/\baujourd'hui\b/g, ['auj']], [/\btoujours\b/g, ['tjr', 'tjrs']],
    [/\bquelque chose\b/g, ['qqch']], [/\bvous\b/g, ['vs', 'vous']], [/\bje ne\b/g, ['je']], [/\bn'(ai|est|a)\b/g, ['$1']], [/\bc'est\b/g, ['c', "c'est"]],
    [/\bmerci\b/g, ['mrc', 'merci', 'mci']], [/\bparce que\b/g, ['pcq', 'psk']], [/\best-ce que\b/g, ['est ce que', '']], [/\bd'accord\b/g, ['dac', 'ok']],
  ],
  en: [
    [/\byou\b/g, ['u', 'you']], [/\bare\b/g, ['r', 'are']], [/\bplease\b/g, ['pls', 'plz']], [/\bthanks\b|\bthank you\b/g, ['thx', 'ty', 'thanks']],
    [/\bbecause\b/g, ['bc', 'cos']], [/\bi am\b|\bi'm\b/g, ['im', 'i am']], [/\bdon't\b/g, ['dont']], [/\bcan't\b/g, ['cant']], [/\bdidn't\b/g, ['didnt']],
    [/\bhaven't\b/g, ['havent']], [/\bisn't\b/g, ['isnt']], [/\bwon't\b/g, ['wont']], [/\btomorrow\b/g, ['tmrw']], [/\bmessage\b/g, ['msg']],
    [/\bas soon as possible\b/g, ['asap']], [/\bto be honest\b/g, ['tbh']], [/\bwhat\b/g, ['wat', 'what']], [/\bhello\b|\bhi\b/g, ['hey', 'hi', 'yo']],
  ],
};

/** A non-native writer's slips: [pattern, replacement] applied each with some probability. */
export const NON_NATIVE: Record<Lang, [RegExp, string][]> = {
  // English written by a French speaker
  en: [
    [/\border\b/g, 'command'], [/\bI have not received\b/gi, 'I have not receive'], [/\bhas not\b/g, 'is not'], [/\bthe /g, ''],
    [/\bfor (\w+) days\b/g, 'since $1 days'], [/\binformation\b/g, 'informations'], [/\bcould you\b/gi, 'can you please to'],
    [/\bI am waiting\b/g, 'I wait'], [/\barrived\b/g, 'arrive'], [/\bparcel\b/g, 'colis'], [/\bdelivered\b/g, 'delivred'], [/\bwhen\b/g, 'when is it that'],
  ],
  // French written by an English speaker
  fr: [
    [/\bla commande\b/g, 'le commande'], [/\bma commande\b/g, 'mon commande'], [/é/g, 'e'], [/è/g, 'e'], [/\bje n'ai pas reçu\b/g, "je n'ai pas recevu"],
    [/\bpouvez-vous\b/g, 'est-ce que vous pouvez'], [/\bdepuis\b/g, 'pour'], [/\ble colis\b/g, 'la colis'], [/\bje voudrais\b/g, 'je veux'],
    [/\bremboursement\b/g, 'refund'], [/\bfacture\b/g, 'invoice (facture)'],
  ],
};

/** Everyday short names of the shop's products (shop.json), besides the earlier lists. */
export const SHOP_PRODUCTS: Record<Lang, string[]> = {
  fr: ['la bouilloire inox', 'la théière en fonte', 'la cafetière à piston', 'le moulin à café', 'le robot pâtissier', 'le fouet de rechange',
    'le bol inox', 'la poêle 28 cm', 'le couvercle en verre', 'le thé sencha', 'le blender', 'la gourde isotherme', 'le set de couteaux',
    "l'aiguiseur", 'la machine à expresso', 'le détartrant', 'la cocotte en fonte', 'la balance de cuisine', 'le grille-pain', 'la carte cadeau'],
  en: ['the stainless kettle', 'the cast-iron teapot', 'the French press', 'the coffee grinder', 'the stand mixer', 'the replacement whisk',
    'the mixer bowl', 'the 28 cm pan', 'the glass lid', 'the sencha tea', 'the blender', 'the insulated bottle', 'the knife set',
    'the sharpener', 'the espresso machine', 'the descaler', 'the cast-iron casserole', 'the kitchen scale', 'the toaster', 'the gift card'],
};

/** The shop's customers' names (shop.json), for signatures. */
export const SHOP_NAMES: Record<Lang, string[]> = {
  fr: ['Camille Martin', 'Léa Durand', 'Hugo Garcia', 'Lucas Bernard', 'Manon Leroy', 'Chloé David', 'Louis Dubois', 'Inès Moreau',
    'Jules Bertrand', 'Emma Thomas', 'Nathan Simon', 'Sarah Roux', 'Théo Robert', 'Julie Laurent', 'Antoine Vincent', 'Clara Richard',
    'Mathis Lefèvre', 'Zoé Fournier', 'Paul Petit', 'Élodie Michel'],
  en: ['Liam Taylor', 'Amelia Wright', 'Noah Jones', 'Isla Patel', 'Emily Smith', 'James Davies', 'Olivia Clarke', 'Daniel Johnson',
    'Sophie Hall', 'Michael Wilson', 'Grace Green', 'Ryan Williams', 'Hannah Evans', 'Ethan Brown'],
};

/** Carriers' tracking number shapes (shop.json): a prefix and digits. */
export const TRACKING_PREFIXES = ['1Z', '6A', 'JD', 'XY'];

/** Words a writer of the other language slips in (mixed messages). */
export const MIXED_TAGS: Record<Lang, string[]> = {
  fr: ['Sorry for my English, je préfère écrire en français.', 'Merci in advance!', 'Thanks, bonne journée.'],
  en: ["Désolé, I'll write in English.", 'Bonjour! hope you are well.', 'Merci beaucoup, cheers.'],
};
