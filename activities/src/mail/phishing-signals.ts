/**
 * Phishing and payment scams sent to the shop: a carrier's "parcel held, pay the fee", a payment provider's
 * "account restricted, verify now", the boss's "buy gift cards, confidential", a look-alike supplier's "bank details
 * changed", a directory's unpaid "invoice". Scored over independent cues: what the text asks for (money, credentials),
 * who seems to send it (look-alike domain, the shop's name over a foreign address, a Reply-To elsewhere), where its
 * links go (action links, foreign hosts), and pressure (deadline, threat, secrecy). A request alone is not enough.
 */
import { unicodeWords } from './word-boundary';
import { firstPersonCount } from './customer-voice';
import type { SenderShape } from './sender-shape';

/** The reader is asked to pay: a fee, an invoice, a transfer, gift cards. (Refunds are the customer's side: see below.) */
const MONEY_ASK: RegExp[] = [
  /\b(?:please |kindly )?(?:settle|pay|wire|transfer)\b[^.!?\n]{0,40}\b(?:invoice|fee|fees|amount|balance|payment|charges?|duties|today|now|the sum|below|link)\b/i,
  /\b(?:outstanding|unpaid|overdue) (?:invoice|balance|amount|fee|fees|payment)s?\b|\b(?:remains|is still) (?:unpaid|outstanding)\b/i,
  /\b(?:réglez|payez|veuillez (?:régler|payer|procéder au (?:paiement|règlement))|merci de (?:régler|payer|procéder au (?:paiement|règlement)))\b/i,
  /\b(?:à régler|à payer|payable|to be paid)\b[^.!?\n]{0,30}\b(?:sous|avant|par|within|by|before)\b/i,
  /\b(?:reste|restent|demeure) impayée?s?\b|\b(?:frais|facture|montant|somme)s? [^.!?\n]{0,40}\bimpayée?s?\b/i,
  /\b(?:buy|purchase|get)\b[^.!?\n]{0,30}\bgift ?cards?\b|\b(?:acheter|achète|achetez)\b[^.!?\n]{0,30}\bcartes? cadeaux?\b|\b(?:scratch|gratte[rz]?)\b[^.!?\n]{0,30}\bcodes?\b/i,
  /\b(?:fees?|duties|charges?|amount|balance|invoice|frais|droits|montant|facture|somme)\b[^.!?\n]{0,40}\b(?:must be paid|need to be paid|has to be paid|is due|are due|doivent être (?:réglés|payés)|doit être (?:réglée?|payée?))\b/i,
  // a fee said to be unpaid, or a payment to complete: "a £2.99 fee was not paid", "frais d'affranchissement manquants"
  /\b(?:fee|fees|frais|duties|duty|droits|charges?|postage|affranchissement|shipping cost|montant|amount|balance)\b[^.!?\n]{0,40}\b(?:(?:was|were|has|have|is|are) (?:not|n['’]t) (?:been )?paid|unpaid|outstanding|manquants?|impayée?s?|non (?:réglée?s?|payée?s?|acquittée?s?)|en attente de (?:paiement|règlement))\b/i,
  /\bn['’](?:ont|a) pas été (?:réglée?s?|payée?s?|acquittée?s?)\b|\b(?:régularise[rz]|settle) (?:votre|your) (?:situation|account|compte|balance|dossier)\b/i,
  /\b(?:complete|finali[sz]e|make|proceed (?:with|to)) (?:the |your |a )?payment\b|\b(?:finaliser|effectuer|compléter|procéder au) (?:le |votre |au )?(?:paiement|règlement)\b/i,
  /\b(?:click|cliquez|tap|appuyez)\b[^.!?\n]{0,30}\b(?:to pay|pour (?:payer|régler))\b|\b(?:pay now|payer maintenant|régler maintenant)\b/i,
  /\b(?:frais|fees?|droits de douane|customs (?:duties|fees?|charges?)|duties)\b[^.!?\n]{0,30}\d+[,.]\d{2} ?(?:€|eur|euros?|\$|£|usd|gbp)/i,
  // a small sum to pay, in any words: "payer 0,99 € pour reprogrammer", "pay £1,45 to release your parcel"
  /\b(?:pay|paying|payer|régler|s['’]acquitter de|verser)\b[^.!?\n]{0,20}(?:€|£|\$) ?\d+[,.]\d{2}\b|\b(?:pay|paying|payer|régler|s['’]acquitter de|verser)\b[^.!?\n]{0,20}\b\d+[,.]\d{2} ?(?:€|eur|euros?|\$|£|usd|gbp)/i,
].map(unicodeWords);
/** The reader is asked to hand over access: verify, confirm, log in, validate; or told the account is restricted. */
const CREDENTIAL_ASK: RegExp[] = [
  /\b(?:verify|confirm|validate|update|re-?activate|restore)\b[^.!?\n]{0,30}\byour (?:account|identity|business details|details|bank (?:account|details)|password|credentials|information|payment (?:method|details)|mailbox|profile)\b/i,
  /\b(?:vérifiez|confirmez|validez|mettez à jour|réactivez|restaurez|vérifier|confirmer|valider|mettre à jour|réactiver|restaurer)\b[^.!?\n]{0,30}\b(?:votre|vos) (?:compte|identité|informations|coordonnées|mot de passe|identifiants|boîte|profil|données|adresse(?: de livraison)?)\b/i,
  /\b(?:your|votre) (?:merchant |seller |business )?(?:account|compte|mailbox|boîte)\b[^.!?\n]{0,30}\b(?:restricted|suspended|locked|limited|disabled|on hold|deactivated|restreint|suspendu|bloqué|limité|désactivé|fermé)\b/i,
  /\b(?:update|mettez à jour|mettre à jour|changez|modifiez)\b[^.!?\n]{0,20}\b(?:your |votre |vos )?(?:payment method|moyen de paiement|card details|carte bancaire|billing (?:details|information)|informations de (?:paiement|facturation))\b|\b(?:payment|paiement|prélèvement)\b[^.!?\n]{0,40}\b(?:failed|declined|was declined|a échoué|refusée?|rejetée?)\b/i,
  /\b(?:unusual|suspicious) (?:activity|sign-?in|login)|\bactivité (?:inhabituelle|suspecte)\b/i,
  /\b(?:mailbox|boîte aux lettres|boîte mail|messagerie)\b[^.!?\n]{0,40}\b(?:full|quota|capacity|storage (?:limit|space)|pleine|capacité|saturée|limite de stockage|espace de stockage)\b/i,
  /\b(?:sign|log) ?in\b[^.!?\n]{0,20}\b(?:to (?:release|restore|recover|unlock|keep|receive|confirm|avoid)|and (?:confirm|verify|release))\b|\bconnectez-vous\b[^.!?\n]{0,20}\bpour (?:débloquer|récupérer|restaurer|confirmer|recevoir|éviter)\b/i,
  /\b(?:payouts?|versements?|virements?)\b[^.!?\n]{0,30}\b(?:paused|held|suspended|on hold|suspendus?|bloqués?|en attente)\b/i,
].map(unicodeWords);
/** A payee announcing new bank details: the mark of supplier fraud. */
const BANK_CHANGE = unicodeWords(
  /\b(?:(?:our|new|updated) (?:bank|banking) (?:details|account)|bank details (?:have|has) (?:changed|been updated)|(?:nos |nouvelles? )?coordonnées bancaires (?:ont|a) (?:changé|été modifiées?)|nouveau (?:rib|compte bancaire)|(?:notre|nos) (?:rib|coordonnées bancaires) (?:a|ont) changé|changement de (?:rib|coordonnées bancaires))\b/i,
);
/** Deadlines and threats: "within 24 hours", "otherwise your parcel will be returned", "today", "sous 48 heures". */
const PRESSURE: RegExp[] = [
  /\b(?:within|in the next) \d+ ?(?:hours?|h|days?)\b|\bsous \d+ ?(?:heures?|h|jours?)\b|\bdans les \d+ ?(?:heures?|h)\b/i,
  /\b(?:otherwise|or else|failing (?:this|which)|sinon|à défaut)\b/i,
  /\bwill be (?:returned|held|suspended|closed|deleted|rejected|cancelled|canceled|destroyed|lost)\b|\bsera (?:retourné|renvoyé|suspendu|supprimé|bloqué|fermé|détruit|annulé)e?\b|\bseront (?:rejetés|supprimés|perdus|bloqués)\b/i,
  /\bto avoid (?:suspension|closure|termination|deactivation|losing|a hold|any (?:interruption|delay))|\bpour éviter (?:la suspension|la fermeture|le blocage|la désactivation|toute (?:interruption|suspension))|\b(?:act|update|verify|confirm|pay) now\b/i,
  /\b(?:returned to (?:the )?sender|retourné à l['’]expéditeur|renvoyé à l['’]expéditeur|expir(?:es|ed|ation|e|era|é)|loss of|perte de|permanent(?:ly)?|définitive(?:ment)?)\b/i,
  /\b(?:urgent|urgently|immediately|today|asap|right away|immédiatement|aujourd['’]hui|sans délai|final notice|dernier (?:avis|rappel)|relance)\b/i,
].map(unicodeWords);
/** Secrecy and unreachability, the marks of a fake boss or supplier. */
const SECRECY =
  unicodeWords(/\b(?:confidential|confidentiel(?:le)?|keep (?:this|it) (?:between us|quiet)|discreet|discrétion|don['’]t call|do not call|ne m['’]appelez pas|can['’]t talk|cannot talk|in (?:a )?meetings?|en réunion|injoignable)\b/i);
/** A carrier's held or undeliverable parcel pending a fee, in the shop's own inbox. */
const HELD_PARCEL =
  unicodeWords(/\b(?:parcel|package|shipment|delivery|colis|envoi|livraison)\b[^.!?\n]{0,60}\b(?:held|on hold|pending|waiting|could not be delivered|couldn['’]t be delivered|en attente|bloqué|retenu|n['’]a pas pu être (?:livré|distribué))\b|\b(?:unable to deliver|(?:could|can)(?:not|n['’]t) (?:be )?deliver(?:ed)?|ne peut (?:pas )?être (?:livré|distribué)e?|bloquée? (?:au|en) (?:centre|entrepôt|dépôt|douane))\b|\b(?:attempted to deliver|delivery attempt|missed delivery|reschedule (?:your |the )?delivery|tenté de (?:vous )?livrer|tentative de livraison|reprogrammer (?:la|votre) livraison|livraison impossible|nouvelle livraison)\b/i);
/** Greetings of mass mail that does not know who it writes to. */
const IMPERSONAL_GREETING =
  unicodeWords(/^\s*(?:(?:dear|hello|hi) (?:customer|user|client|merchant|seller|member|account ?holder|valued customer)|(?:cher|chère) (?:client|cliente|utilisateur|utilisatrice|membre|marchand|commerçant|vendeur))(?: [\w.+-]+@[\w.-]+)?\s*[,!:]?\s*$/im);
/** A sum of money ("£0.95", "3,40 €", "$12.00"), after sentenceSafe turned decimal points into commas. */
const SMALL_SUM = /(?:€|£|\$) ?\d{1,4},\d{2}\b|\b\d{1,4},\d{2} ?(?:€|eur\b|euros?\b|£|\$)/i;
/** The customer's own money: a refund, money back, "remboursez-moi". */
const CUSTOMERS_MONEY = unicodeWords(/\b(?:refund|reimburse|money back|pay (?:me )?back|rembours|restitu|un avoir|bon d['’]achat|mon argent|my money|trop[- ]perçu|overpa|overcharg|charged (?:me )?twice|facturée? deux fois|prélevée? deux fois|double (?:charge|débit|prélèvement))\w*/i);
/** Written to the shop as a business ("votre société", "your company"), as directories and fake suppliers do. */
const TO_A_BUSINESS = unicodeWords(/\b(?:votre (?:société|entreprise|établissement|enseigne|commerce|boutique|raison sociale)|your (?:company|business|firm|store|shop|organi[sz]ation))\b/i);

export interface PhishingVerdict {
  reasons: string[]; // 'phishing' plus the cues, or 'unsolicited_payment_demand'
  phishing: boolean; // impersonation or credential theft: criticality critical
}

/**
 * The cues read a sentence at a time ("[^.!?]" windows): a price's decimal point ("£1.45") and a link's dots are not
 * sentence ends, so amounts become "1,45" and links a placeholder (where links lead is the sender shape's business).
 */
const sentenceSafe = (text: string): string => text.replace(/\bhttps?:\/\/\S+/gi, 'LINK').replace(/(\d)\.(\d)/g, '$1,$2');

/**
 * Money offered rather than asked: "you are eligible for a refund", "vous avez droit à un remboursement", "claim your
 * prize". From a sender dressed as a brand with a link to claim it, a lure (a customer's refund comes from the shop).
 */
const MONEY_OFFERED = unicodeWords(/\b(?:(?:you are|you['’]re|you have been) (?:eligible|entitled|selected|approved)\b[^.!?\n]{0,40}\b(?:refund|rebate|repayment|compensation|reimbursement|prize|reward|payment|grant)|claim (?:your|the) (?:refund|rebate|prize|reward|money|payment|compensation)|(?:vous (?:êtes|etes) (?:éligible|eligible|bénéficiaire)|vous avez droit)\b[^.!?\n]{0,40}\b(?:rembours\w*|indemnisation|prime|aide|gain|lot|versement)|(?:réclamez|récupérez|percevez) (?:votre|vos) (?:rembours\w*|gain|lot|prime|indemnisation|trop[- ]perçu))\b/i);

export function phishingVerdict(rawText: string, shape: SenderShape): PhishingVerdict | null {
  const text = sentenceSafe(rawText);
  const dressedSender = shape.lookalikeOfBrand || shape.claimsBrandName || shape.lookalikeOfShop || shape.claimsShopName;
  if (dressedSender && shape.links > 0 && MONEY_OFFERED.test(text)) {
    return { phishing: true, reasons: ['phishing', 'money_offered_lure', ...(shape.lookalikeOfBrand ? ['brand_lookalike_domain'] : []), ...(shape.lookalikeOfShop ? ['lookalike_domain'] : [])] };
  }
  const bankChange = BANK_CHANGE.test(text);
  const money = (MONEY_ASK.some((re) => re.test(text)) || bankChange) && !CUSTOMERS_MONEY.test(text);
  const credentials = CREDENTIAL_ASK.some((re) => re.test(text));
  // a sum named by a sender dressed as a brand (or as the shop), with a link to act on: a fee, whatever the verb
  const dressed = shape.lookalikeOfBrand || shape.claimsBrandName || shape.lookalikeOfShop;
  const feeByDisguise = !money && dressed && shape.links > 0 && SMALL_SUM.test(text) && !CUSTOMERS_MONEY.test(text);
  if (!money && !credentials && !feeByDisguise) return null;

  const cues: string[] = [];
  if (shape.lookalikeOfShop || shape.lookalikeLink) cues.push('lookalike_domain');
  if (shape.lookalikeOfBrand) cues.push('brand_lookalike_domain');
  if (shape.claimsShopName) cues.push('impersonation');
  if (shape.claimsBrandName) cues.push('brand_display_name');
  if (shape.replyToElsewhere) cues.push('reply_to_elsewhere');
  if (shape.actionLinks > 0) cues.push('action_link');
  else if (shape.foreignLinks > 0) cues.push('foreign_link');
  const pressure = PRESSURE.filter((re) => re.test(text)).length;
  if (pressure) cues.push('pressure');
  if (SECRECY.test(text)) cues.push('secrecy');
  if (HELD_PARCEL.test(text)) cues.push('held_parcel_fee');
  if (IMPERSONAL_GREETING.test(text)) cues.push('impersonal_greeting');
  if (money && credentials) cues.push('money_and_credentials');
  if (bankChange) cues.push('bank_details_changed');

  const senderOrLink = cues.some((c) => ['lookalike_domain', 'brand_lookalike_domain', 'impersonation', 'brand_display_name', 'reply_to_elsewhere', 'action_link', 'bank_details_changed'].includes(c));
  const ask = money || feeByDisguise ? 'payment_request' : 'credential_request';
  // a link to another domain is common in honest mail too: as the only sender/link cue, it needs two more cues
  const foreignOnly = !senderOrLink && cues.includes('foreign_link');
  if ((cues.length >= 2 && (senderOrLink || credentials)) || (foreignOnly && cues.length >= 3)) {
    return { phishing: true, reasons: ['phishing', ask, ...cues] };
  }
  // a payment demand in a company's voice, addressed to the shop as a business, under a deadline: a fake invoice
  const firstPerson = firstPersonCount(text);
  if (money && pressure && firstPerson === 0 && TO_A_BUSINESS.test(text)) return { phishing: false, reasons: ['unsolicited_payment_demand'] };
  return null;
}
