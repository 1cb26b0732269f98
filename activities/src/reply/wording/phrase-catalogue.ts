/**
 * The wording of the reply templates as data: named phrases with FR/EN texts and `{variables}`. The code keeps the
 * logic (which phrase, when, which facts are recorded first); a template version (wording_versions, kind
 * `templates`) only changes the words. Each phrase may use only the variables listed for it here: the verified facts
 * its template has recorded on the fact sheet (or verified CRM / shop data) at the point it is said. The texts below
 * are the shipped wording, version 1 of the data (seeded by the worker, the review tool and the CLI).
 */

/** Where a variable's value comes from: a fact of the draft's fact sheet, or verified customer / shop data. */
export type VariableSource =
  | { fact: string; show?: 'status_word' }
  | { context: 'customer_first_name' | 'shop_name' | 'support_address' };

/** Every variable a phrase may use. Seed names ({prenom}, {datecommande}, {statutexpedition}, …). */
export const VARIABLES = {
  prenom: { context: 'customer_first_name' },
  boutique: { context: 'shop_name' },
  adressesupport: { context: 'support_address' },
  numerocommande: { fact: 'order_number' },
  datecommande: { fact: 'ordered_at' },
  montant: { fact: 'total' },
  statutexpedition: { fact: 'status', show: 'status_word' },
  transporteur: { fact: 'carrier' },
  numerosuivi: { fact: 'tracking_number' },
  datelivraison: { fact: 'delivered_at' },
  datelivraisonestimee: { fact: 'estimated_delivery' },
  montantrembourse: { fact: 'refunded_amount' },
} as const satisfies Record<string, VariableSource>;

export type VariableName = keyof typeof VARIABLES;

export interface PhraseText {
  fr: string;
  en: string;
}

interface PhraseDefinition extends PhraseText {
  /** What the phrase says, for the editor. */
  about: string;
  /** The variables bound to verified facts when the phrase is said; any other variable is refused at save. */
  vars: readonly VariableName[];
}

const ORDER_ISSUE = 'the order facts cannot be given';

export const PHRASES = {
  'greeting.named': { about: 'greeting of a verified customer', vars: ['prenom'], fr: 'Bonjour {prenom},', en: 'Hello {prenom},' },
  'greeting.anonymous': { about: 'greeting when the customer is not verified', vars: [], fr: 'Bonjour,', en: 'Hello,' },
  'signature': {
    about: 'closing and signature', vars: ['boutique', 'adressesupport'],
    fr: 'Bien cordialement,\n\nLe service client {boutique}\n{adressesupport}',
    en: 'Kind regards,\n\nThe {boutique} customer service team\n{adressesupport}',
  },
  'holding.subject': { about: 'subject of the holding reply', vars: ['boutique'], fr: 'Votre message à {boutique}', en: 'Your message to {boutique}' },
  'holding.received': {
    about: 'holding reply: a person answers', vars: [],
    fr: 'Nous avons bien reçu votre message. Un membre de notre équipe l\'examine personnellement et vous répond dans les meilleurs délais.',
    en: 'We have received your message. A member of our team is looking at it personally and will reply as soon as possible.',
  },
  'holding.safety': {
    about: 'holding reply to a safety incident', vars: [],
    fr: 'Par précaution, nous vous demandons de ne plus utiliser l\'article et de le laisser débranché en attendant notre réponse.',
    en: 'As a precaution, please do not use the item and keep it unplugged until you hear from us.',
  },
  'holding.ask_details': {
    about: 'holding reply to an unclear request without an order', vars: [],
    fr: 'Pour nous aider à vous répondre, pourriez-vous nous préciser le numéro de la commande concernée et le problème rencontré ?',
    en: 'To help us answer, could you tell us the number of the order concerned and what the problem is?',
  },
  'thanks.subject': { about: 'subject of the thank-you reply', vars: [], fr: 'Merci pour votre message', en: 'Thank you for your message' },
  'thanks.opening': {
    about: 'thank-you reply: opening', vars: ['boutique'],
    fr: 'Merci beaucoup pour votre message, qui fait très plaisir à toute l\'équipe {boutique}.',
    en: 'Thank you very much for your kind message: it means a lot to the whole {boutique} team.',
  },
  'thanks.delivered': {
    about: 'thank-you reply: a delivered order', vars: ['numerocommande', 'statutexpedition', 'datelivraison'],
    fr: 'Nous sommes ravis que votre commande {numerocommande}, livrée le {datelivraison}, vous plaise.',
    en: 'We are delighted that you are happy with your order {numerocommande}, delivered on {datelivraison}.',
  },
  'thanks.on_its_way': {
    about: 'thank-you reply: an order on its way, on time',
    vars: ['numerocommande', 'statutexpedition', 'transporteur', 'numerosuivi', 'datelivraisonestimee'],
    fr: 'Votre commande {numerocommande} est en route avec {transporteur} (numéro de suivi {numerosuivi}) ; le transporteur estime la livraison au {datelivraisonestimee}.',
    en: 'Your order {numerocommande} is on its way with {transporteur} (tracking number {numerosuivi}); the carrier\'s estimated delivery date is {datelivraisonestimee}.',
  },
  'thanks.refunded': {
    about: 'thank-you reply: a refunded order', vars: ['numerocommande', 'statutexpedition', 'montantrembourse'],
    fr: 'Nous sommes heureux que tout soit en ordre pour le remboursement de {montantrembourse} de votre commande {numerocommande}.',
    en: 'We are glad that everything is in order with the {montantrembourse} refund for your order {numerocommande}.',
  },
  'thanks.closing': { about: 'thank-you reply: closing line', vars: [], fr: 'Au plaisir de vous retrouver bientôt !', en: 'We look forward to seeing you again soon!' },
  'order_status.no_order': {
    about: 'order status without a verified order', vars: [],
    fr: 'Merci pour votre message au sujet de votre commande.', en: 'Thank you for your message about your order.',
  },
  'order_status.delay_offer_intro': {
    about: 'introduces the apology voucher of a late order', vars: ['numerocommande', 'statutexpedition'],
    fr: 'Pour nous excuser de ce retard, nous vous offrons :', en: 'To apologise for the delay, we would like to offer you:',
  },
  'order_issue.no_order_number': {
    about: `${ORDER_ISSUE}: no order number`, vars: [],
    fr: 'Pour que nous puissions vérifier votre commande, pourriez-vous nous indiquer son numéro ? Il figure dans l\'e-mail de confirmation de commande.',
    en: 'So that we can check your order, could you send us its number? You will find it in your order confirmation email.',
  },
  'order_issue.unknown_order': {
    about: `${ORDER_ISSUE}: unknown number`, vars: [],
    fr: 'Nous ne retrouvons pas le numéro de commande indiqué dans votre message. Pourriez-vous le vérifier dans votre e-mail de confirmation de commande ? Un conseiller examine votre demande en parallèle.',
    en: 'We cannot find the order number given in your message. Could you check it against your order confirmation email? One of our advisers is looking into your request in the meantime.',
  },
  'order_issue.not_owned': {
    about: `${ORDER_ISSUE}: not the sender's order`, vars: [],
    fr: 'Nous ne pouvons pas rattacher le numéro de commande indiqué à votre compte client. Pour protéger les données de nos clients, un conseiller vérifie votre demande et revient vers vous ; pourriez-vous nous confirmer le numéro qui figure dans votre e-mail de confirmation de commande ?',
    en: 'We cannot match the order number given to your customer account. To protect our customers\' data, one of our advisers is checking your request and will get back to you; could you confirm the number shown in your order confirmation email?',
  },
  'order.processing': {
    about: 'an order being prepared', vars: ['numerocommande', 'statutexpedition', 'datecommande', 'montant'],
    fr: 'Votre commande {numerocommande}, passée le {datecommande} pour un montant de {montant}, est en cours de préparation. Elle n\'a pas encore été confiée au transporteur : dès son expédition, vous recevrez un e-mail avec le numéro et le lien de suivi.',
    en: 'Your order {numerocommande}, placed on {datecommande} for a total of {montant}, is being prepared. It has not been handed to the carrier yet: as soon as it ships, you will receive an email with the tracking number and link.',
  },
  'order.on_time_estimate': {
    about: 'a shipped order on time: the carrier\'s estimate', vars: ['numerocommande', 'statutexpedition', 'datelivraisonestimee'],
    fr: 'Le transporteur estime la livraison au {datelivraisonestimee}. Le suivi ci-dessus vous indique l\'avancement du colis.',
    en: 'The carrier\'s estimated delivery date is {datelivraisonestimee}. The tracking page above shows your parcel\'s progress.',
  },
  'order.cancelled': {
    about: 'a cancelled order', vars: ['numerocommande', 'statutexpedition', 'datecommande'],
    fr: 'Votre commande {numerocommande}, passée le {datecommande}, est annulée.',
    en: 'Your order {numerocommande}, placed on {datecommande}, is cancelled.',
  },
  'order.other_status': {
    about: 'an order in any other status', vars: ['numerocommande', 'statutexpedition'],
    fr: 'Votre commande {numerocommande} est {statutexpedition}.', en: 'Your order {numerocommande} is {statutexpedition}.',
  },
} as const satisfies Record<string, PhraseDefinition>;

export type PhraseKey = keyof typeof PHRASES;
export const PHRASE_KEYS = Object.keys(PHRASES) as PhraseKey[];

/** The data of one template version: every phrase's FR and EN text. */
export interface TemplateWording {
  phrases: Record<PhraseKey, PhraseText>;
}

/** The shipped wording: version 1. */
export const BUILTIN_TEMPLATE_WORDING: TemplateWording = {
  phrases: Object.fromEntries(PHRASE_KEYS.map((k) => [k, { fr: PHRASES[k].fr, en: PHRASES[k].en }])) as Record<PhraseKey, PhraseText>,
};

/** The wording a draft is written with, and its version (null: the shipped wording, no database). */
export interface WordingSnapshot {
  version: number | null;
  wording: TemplateWording;
}

export const BUILTIN_WORDING: WordingSnapshot = { version: null, wording: BUILTIN_TEMPLATE_WORDING };
