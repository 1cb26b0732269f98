/**
 * The wording of the reply templates as data: named phrases with FR/EN texts and `{variables}`. The code keeps the
 * logic (which phrase, when, which facts are recorded first); a template version (wording_versions, kind
 * `templates`) only changes the words. Each phrase may use only the variables listed for it here: the verified facts
 * its template has recorded on the fact sheet (or verified CRM / shop data) at the point it is said. The texts below
 * are the shipped wording (seeded by the worker, the review tool and the CLI: version 1 of an empty database; a later
 * edition is saved as a new version beside the earlier ones, see seedWordingVersions).
 *
 * A phrase says only what the verified facts and the shop's written policies back: no promise of an email, a call, a
 * date or an action by the shop or the carrier that no fact or policy states. Where a person will act, the reply is
 * routed to review (ROUTING.md) and says that a person is looking at it, nothing more specific.
 */

/** Where a variable's value comes from: a fact of the draft's fact sheet, or verified customer / shop data. */
export type VariableSource =
  | { fact: string; show?: 'status_word' | 'day_count' }
  | { context: 'customer_first_name' | 'shop_name' | 'support_address' }
  /** A value the template gives where it says the phrase (a catalogue name or price, another phrase it has said). */
  | { given: string };

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
  dateexpedition: { fact: 'shipped_at' },
  joursretard: { fact: 'days_late', show: 'day_count' },
  joursretour: { fact: 'return_window_days' },
  datelimiteretour: { fact: 'return_deadline' },
  datereceptionretour: { fact: 'return_received_at' },
  delairemboursement: { fact: 'refund_processing_days' },
  montantremboursement: { fact: 'refund_amount' },
  liensuivi: { fact: 'tracking_url' },
  seuillivraison: { fact: 'free_shipping_threshold' },
  soustotal: { fact: 'items_subtotal' },
  fraislivraison: { fact: 'shipping_fee' },
  totalpanier: { fact: 'basket_total' },
  manquant: { fact: 'missing_for_free_shipping' },
  produit: { given: 'a product\'s catalogue name, recorded on the fact sheet where the reply states it' },
  produitprincipal: { given: 'the catalogue name of the product another one goes with' },
  prix: { given: 'a product\'s catalogue price' },
  nombrearticles: { given: 'how many items, in words (deux, trois / two, three)' },
  article: { given: 'the item a sentence is about, as the phrases item.named, item.unnamed or returns.items_of_order say it' },
  panier: { given: 'the basket sentence, as product.basket_one or product.basket_several says it' },
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
const ORDER = ['numerocommande', 'statutexpedition'] as const;
const ADVISER_FR = 'Un conseiller examine votre demande et revient vers vous.';
const ADVISER_EN = 'One of our advisers is looking at your request and will get back to you.';

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
    fr: 'Votre commande {numerocommande}, passée le {datecommande} pour un montant de {montant}, est en cours de préparation. Elle n\'a pas encore été confiée au transporteur.',
    en: 'Your order {numerocommande}, placed on {datecommande} for a total of {montant}, is being prepared. It has not been handed to the carrier yet.',
  },
  'order.on_time_estimate': {
    about: 'a shipped order on time: the carrier\'s estimate', vars: ['numerocommande', 'statutexpedition', 'datelivraisonestimee'],
    fr: 'Le transporteur estime la livraison au {datelivraisonestimee}.',
    en: 'The carrier\'s estimated delivery date is {datelivraisonestimee}.',
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
  'order.subject': { about: 'subject of a reply about a verified order', vars: ['numerocommande'], fr: 'Votre commande {numerocommande}', en: 'Your order {numerocommande}' },
  'order.subject_no_order': { about: 'subject of an order reply without a verified order', vars: [], fr: 'Votre commande', en: 'Your order' },
  'order.tracking_number': { about: 'tracking number line', vars: ['numerosuivi'], fr: 'Numéro de suivi : {numerosuivi}', en: 'Tracking number: {numerosuivi}' },
  'order.tracking_link': { about: 'tracking page line', vars: ['liensuivi'], fr: 'Suivi du colis : {liensuivi}', en: 'Track your parcel: {liensuivi}' },
  'order.shipped_on_time': {
    about: 'a shipped order on time', vars: [...ORDER, 'dateexpedition', 'transporteur'],
    fr: 'Votre commande {numerocommande} a été expédiée[ le {dateexpedition}][ avec {transporteur}].',
    en: 'Your order {numerocommande} was shipped[ on {dateexpedition}][ with {transporteur}].',
  },
  'order.shipped_late': {
    about: 'a shipped order past its estimated delivery: apology', vars: [...ORDER, 'datelivraisonestimee', 'joursretard', 'dateexpedition', 'transporteur'],
    fr: 'Nous sommes désolés : votre commande {numerocommande} devait être livrée le {datelivraisonestimee} et elle a aujourd\'hui {joursretard} de retard. Elle a été expédiée[ le {dateexpedition}][ avec {transporteur}] et le colis est toujours en cours d\'acheminement.',
    en: 'We are sorry: your order {numerocommande} was due on {datelivraisonestimee} and is now {joursretard} late. It was shipped[ on {dateexpedition}][ with {transporteur}] and the parcel is still in transit.',
  },
  'order.carrier_unnamed': { about: 'the carrier, when the order names none ({transporteur} elsewhere)', vars: [], fr: 'le transporteur', en: 'the carrier' },
  'order.late_reply_if_not_arrived': {
    about: 'a slightly late order (5 days or less): what the customer can do', vars: [...ORDER, 'joursretard', 'transporteur'],
    fr: 'Si le colis n\'est toujours pas arrivé dans les prochains jours, répondez simplement à ce message pour nous le signaler.',
    en: 'If the parcel has still not arrived in the next few days, simply reply to this message to let us know.',
  },
  'order.late_contacting_carrier': {
    about: 'a late order (more than 5 days): a person looks into it', vars: [...ORDER, 'joursretard', 'transporteur'],
    fr: 'Un conseiller examine la situation de votre colis et revient vers vous dès que possible.',
    en: 'One of our advisers is looking into where your parcel is and will get back to you as soon as possible.',
  },
  'order.delivered': {
    about: 'a delivered order', vars: [...ORDER, 'datelivraison', 'transporteur', 'numerosuivi'],
    fr: 'Votre commande {numerocommande} a été livrée[ le {datelivraison}][ par {transporteur}][ (numéro de suivi {numerosuivi})].',
    en: 'Your order {numerocommande} was delivered[ on {datelivraison}][ by {transporteur}][ (tracking number {numerosuivi})].',
  },
  'order.refunded': {
    about: 'a refunded order', vars: [...ORDER, 'montantrembourse'],
    fr: 'Votre commande {numerocommande} a été remboursée[, pour un montant de {montantrembourse}].',
    en: 'Your order {numerocommande} has been refunded[, for an amount of {montantrembourse}].',
  },
  'order.return_received': {
    about: 'a returned order, with the date the return arrived', vars: [...ORDER, 'datereceptionretour'],
    fr: 'Nous avons bien reçu le retour de votre commande {numerocommande} le {datereceptionretour}.',
    en: 'We received the return of your order {numerocommande} on {datereceptionretour}.',
  },
  'order.returned': {
    about: 'a returned order, no date known', vars: [...ORDER],
    fr: 'Votre commande {numerocommande} nous a été retournée.', en: 'Your order {numerocommande} has been returned to us.',
  },
  'order_status.not_received_check': {
    about: 'a delivery-delay question about a delivered order', vars: [...ORDER, 'transporteur'],
    fr: 'Si vous n\'avez pas reçu le colis, répondez simplement à ce message : un conseiller vérifiera la livraison avec {transporteur}.',
    en: 'If you have not received the parcel, simply reply to this message: one of our advisers will check the delivery with {transporteur}.',
  },
  'sections.about_order': {
    about: 'introduces the section on another order of the sender', vars: ['numerocommande'],
    fr: 'Concernant votre commande {numerocommande} :', en: 'About your order {numerocommande}:',
  },
  'item.named': { about: 'one item of the order, named', vars: ['produit'], fr: 'l\'article « {produit} »', en: 'the {produit}' },
  'item.unnamed': { about: 'one item of the order, not named', vars: [], fr: 'un article', en: 'an item' },
  'returns.items_of_order': { about: 'the items of the order, to return', vars: [], fr: 'les articles de votre commande', en: 'the items from your order' },
  'returns.subject': { about: 'subject of a return question without a verified order', vars: [], fr: 'Votre question sur les retours', en: 'Your question about returns' },
  'returns.general_window': {
    about: 'the return window in general (no delivered order); a product considered, with its price',
    vars: ['joursretour', 'produit', 'prix'],
    fr: 'Vous disposez de {joursretour} jours après la livraison pour nous retourner un article[, y compris « {produit} » ({prix})].',
    en: 'You have {joursretour} days after delivery to return an item to us[, the {produit} ({prix}) included].',
  },
  'returns.window_open': {
    about: 'a delivered order still within the return window', vars: ['article', 'joursretour', 'datelivraison', 'datelimiteretour'],
    fr: 'Vous pouvez nous retourner {article} dans les {joursretour} jours suivant la livraison : votre commande ayant été livrée le {datelivraison}, vous avez jusqu\'au {datelimiteretour} pour effectuer le retour.',
    en: 'You can send {article} back to us within {joursretour} days of delivery: as your order was delivered on {datelivraison}, you have until {datelimiteretour} to return it.',
  },
  'returns.window_ended': {
    about: 'a delivered order past the return window', vars: ['joursretour', 'datelivraison', 'datelimiteretour'],
    fr: 'Le délai de retour de {joursretour} jours suivant la livraison du {datelivraison} a pris fin le {datelimiteretour}. Un conseiller examine votre demande et revient vers vous.',
    en: 'The {joursretour}-day return period after delivery on {datelivraison} ended on {datelimiteretour}. One of our advisers is looking at your request and will get back to you.',
  },
  'returns.refund_delay': {
    about: 'how long a refund takes once the item is back', vars: ['montantremboursement', 'delairemboursement'],
    fr: 'Une fois l\'article reçu et vérifié, nous procédons au remboursement[ de {montantremboursement}] sous {delairemboursement}.',
    en: 'Once we have received and checked the item, we process the refund[ of {montantremboursement}] within {delairemboursement}.',
  },
  'returns.how_to_proceed': {
    about: 'a return question about a delivered order: next step', vars: [],
    fr: 'Si vous décidez de nous retourner l\'article, répondez simplement à ce message pour nous le signaler.',
    en: 'If you decide to send it back, simply reply to this message to let us know.',
  },
  'refund_request.subject': { about: 'subject of a refund request without a verified order', vars: [], fr: 'Votre demande de remboursement', en: 'Your refund request' },
  'refund_request.received': {
    about: 'a refund request without a verified order', vars: [],
    fr: 'Nous avons bien reçu votre demande de remboursement.', en: 'We have received your refund request.',
  },
  'refund_request.received_for_order': {
    about: 'a refund request about a delivered order', vars: [...ORDER],
    fr: 'Nous avons bien reçu votre demande de remboursement pour votre commande {numerocommande}.',
    en: 'We have received your refund request for your order {numerocommande}.',
  },
  'refund_request.return_instructions': {
    about: 'a refund request about a delivered order: the return instructions follow', vars: [],
    fr: 'Un conseiller vous indique la marche à suivre pour le retour.', en: 'One of our advisers will tell you how to make the return.',
  },
  'refund_request.adviser': {
    about: 'a refund request about an order not delivered: a person answers', vars: [],
    fr: 'Un conseiller examine votre demande de remboursement et revient vers vous.',
    en: 'One of our advisers is looking at your refund request and will get back to you.',
  },
  'refund_status.subject': { about: 'subject of a refund question without a verified order', vars: [], fr: 'Votre remboursement', en: 'Your refund' },
  'refund_status.no_order': {
    about: 'a refund question without a verified order', vars: [],
    fr: 'Merci pour votre message au sujet de votre remboursement.', en: 'Thank you for your message about your refund.',
  },
  'refund_status.refunded': {
    about: 'a refund done', vars: [...ORDER, 'montantrembourse'],
    fr: 'Le remboursement de votre commande {numerocommande}, d\'un montant de {montantrembourse}, a bien été effectué de notre côté.',
    en: 'The refund of {montantrembourse} for your order {numerocommande} has been processed on our side.',
  },
  'refund_status.bank_delay': {
    about: 'a refund done: the bank\'s delay', vars: [...ORDER, 'montantrembourse', 'delairemboursement'],
    fr: 'Il faut compter {delairemboursement} pour que le montant apparaisse sur votre compte, selon les délais de votre banque.',
    en: 'Refunds usually take {delairemboursement} to appear on your account, depending on your bank.',
  },
  'refund_status.return_received': {
    about: 'a return received, refund pending', vars: [...ORDER, 'datereceptionretour', 'delairemboursement'],
    fr: 'Nous avons bien reçu le retour de votre commande {numerocommande} le {datereceptionretour}. Le remboursement est traité sous {delairemboursement} après la réception du retour.',
    en: 'We received the return of your order {numerocommande} on {datereceptionretour}. Refunds are processed within {delairemboursement} of receiving the return.',
  },
  'refund_status.overdue': {
    about: 'a return received longer ago than the refund delay', vars: [],
    fr: 'Ce délai est dépassé : nous vérifions le traitement de votre remboursement et revenons vers vous au plus vite. Veuillez nous excuser pour cette attente.',
    en: 'This period has passed: we are checking your refund and will get back to you as soon as possible. We apologise for the wait.',
  },
  'refund_status.no_return_yet': {
    about: 'a refund question about a delivered order never sent back', vars: [...ORDER],
    fr: 'Aucun remboursement n\'est enregistré à ce jour pour votre commande {numerocommande} : nous n\'en avons pas reçu de retour.',
    en: 'No refund has been recorded for your order {numerocommande} so far: we have not received a return for it.',
  },
  'refund_status.already_sent_back': {
    about: 'a refund question about a delivered order: if it was sent back', vars: [],
    fr: 'Si vous nous avez déjà renvoyé un article, répondez simplement à ce message : un conseiller vérifiera sa réception et reviendra vers vous.',
    en: 'If you have already sent an item back, simply reply to this message: one of our advisers will check that we received it and get back to you.',
  },
  'refund_status.none_recorded': {
    about: 'a refund question about an order in another status', vars: [],
    fr: 'Aucun remboursement n\'est enregistré à ce jour pour cette commande ; un conseiller vérifie votre demande et revient vers vous.',
    en: 'No refund has been recorded for this order so far; one of our advisers is checking your request and will get back to you.',
  },
  'remedy.damaged_no_order': {
    about: 'a damaged item without a verified order', vars: [],
    fr: 'Nous sommes désolés que votre article soit arrivé endommagé.', en: 'We are sorry that your item arrived damaged.',
  },
  'remedy.missing_no_order': {
    about: 'a missing item without a verified order', vars: [],
    fr: 'Nous sommes désolés qu\'il manque un article dans votre colis.', en: 'We are sorry that an item is missing from your parcel.',
  },
  'remedy.damaged': {
    about: 'a damaged item of a verified order', vars: ['article', ...ORDER, 'datelivraison'],
    fr: 'Nous sommes désolés : {article} de votre commande {numerocommande}[, livrée le {datelivraison}], est arrivé endommagé.',
    en: 'We are sorry that {article} from your order {numerocommande}[, delivered on {datelivraison}], arrived damaged.',
  },
  'remedy.missing': {
    about: 'a missing item of a verified order', vars: ['article', ...ORDER, 'datelivraison'],
    fr: 'Nous sommes désolés : {article} manquait dans votre commande {numerocommande}[, livrée le {datelivraison}].',
    en: 'We are sorry that {article} was missing from your order {numerocommande}[, delivered on {datelivraison}].',
  },
  'remedy.offer_intro': { about: 'introduces the approved remedies', vars: [], fr: 'Voici ce que nous vous proposons :', en: 'Here is what we can offer you:' },
  'remedy.ask_photo': {
    about: 'a damaged item with no photo attached', vars: [],
    fr: 'Pour nous aider, pourriez-vous nous envoyer une photo de l\'article endommagé en réponse à ce message ?',
    en: 'To help us, could you reply with a photo of the damaged item?',
  },
  'remedy.confirm': {
    about: 'a person confirms the remedy', vars: [],
    fr: 'Un conseiller confirme la solution avec vous très rapidement.', en: 'One of our advisers will confirm the solution with you very shortly.',
  },
  'remedy.confirm_in_writing': {
    about: 'a person confirms the remedy, in writing (the customer asked not to be phoned)', vars: [],
    fr: 'Un conseiller vous confirme la solution par écrit très rapidement.', en: 'One of our advisers will confirm the solution to you in writing very shortly.',
  },
  'contact.no_phone': {
    about: 'the customer asked not to be phoned', vars: [],
    fr: 'Comme vous nous l\'avez demandé, nous vous répondrons uniquement par écrit, sans vous appeler.',
    en: 'As you asked, we will answer you in writing only, without calling you.',
  },
  'contact.call_evening': {
    about: 'the customer prefers a call in the evening', vars: [],
    fr: 'Vous nous avez indiqué préférer être appelé en soirée : c\'est noté pour notre équipe.',
    en: 'You told us you prefer a call in the evening: our team has noted it.',
  },
  'invoice.subject': { about: 'subject of an invoice request without a verified order', vars: [], fr: 'Votre facture', en: 'Your invoice' },
  'invoice.no_order': { about: 'an invoice request without a verified order', vars: [], fr: 'Merci pour votre demande de facture.', en: 'Thank you for your invoice request.' },
  'invoice.attached': {
    about: 'the invoice of a delivered order, attached as a PDF', vars: [...ORDER, 'datecommande', 'datelivraison', 'montant'],
    fr: 'Veuillez trouver ci-joint la facture (PDF) de votre commande {numerocommande}, passée le {datecommande} et livrée le {datelivraison}, d\'un montant total de {montant}.',
    en: 'Please find attached the invoice (PDF) for your order {numerocommande}, placed on {datecommande} and delivered on {datelivraison}, for a total of {montant}.',
  },
  'invoice.not_delivered_yet': {
    about: 'no invoice before delivery', vars: [],
    fr: 'Votre commande n\'est pas encore livrée : un conseiller examine votre demande de facture et revient vers vous.',
    en: 'Your order has not been delivered yet: one of our advisers is looking at your invoice request and will get back to you.',
  },
  'invoice.credit_note_needed': {
    about: 'a cancelled, refunded or returned order: invoice and credit note by a person', vars: [],
    fr: 'Pour cette commande, un conseiller examine votre demande de facture et revient vers vous.',
    en: 'For this order, one of our advisers is looking at your invoice request and will get back to you.',
  },
  'invoice.by_adviser': {
    about: 'an invoice a person sends (totals that do not add up, an unknown product)', vars: [],
    fr: 'Un conseiller vous transmet la facture de cette commande dans les meilleurs délais.',
    en: 'One of our advisers will send you the invoice for this order shortly.',
  },
  'order_action.adviser': { about: 'an order action a person handles', vars: [], fr: ADVISER_FR, en: ADVISER_EN },
  'cancel.subject': { about: 'subject of a cancellation without a verified order', vars: [], fr: 'Votre demande d\'annulation', en: 'Your cancellation request' },
  'cancel.received': {
    about: 'a cancellation without a verified order', vars: [],
    fr: 'Nous avons bien reçu votre demande d\'annulation.', en: 'We have received your cancellation request.',
  },
  'cancel.received_for_order': {
    about: 'a cancellation of an order being prepared', vars: [...ORDER, 'datecommande', 'montant'],
    fr: 'Nous avons bien reçu votre demande d\'annulation de la commande {numerocommande}, passée le {datecommande}, d\'un montant de {montant}.',
    en: 'We have received your request to cancel order {numerocommande}, placed on {datecommande}, for a total of {montant}.',
  },
  'cancel.still_processing': {
    about: 'a cancellation of an order being prepared: a person confirms, then the refund', vars: [...ORDER, 'datecommande', 'montant', 'montantremboursement', 'delairemboursement'],
    fr: 'Elle est encore en cours de préparation : un conseiller vérifie si l\'annulation est possible et revient vers vous. Si elle est confirmée, le remboursement de {montant} est traité sous {delairemboursement}.',
    en: 'It is still being prepared: one of our advisers is checking whether it can be cancelled and will get back to you. If the cancellation is confirmed, the refund of {montant} is processed within {delairemboursement}.',
  },
  'cancel.already_shipped': {
    about: 'a cancellation of a shipped order', vars: [...ORDER, 'joursretour'],
    fr: 'La commande étant déjà expédiée, un conseiller examine votre demande et revient vers vous. Après la livraison, vous pourrez aussi nous retourner les articles dans les {joursretour} jours.',
    en: 'As the order has already shipped, one of our advisers is looking at your request and will get back to you. After delivery, you can also return the items within {joursretour} days.',
  },
  'cancel.already_delivered': {
    about: 'a cancellation of a delivered order: the return deadline', vars: [...ORDER, 'joursretour', 'datelimiteretour'],
    fr: 'La commande étant déjà livrée, elle ne peut plus être annulée, mais vous pouvez nous retourner les articles jusqu\'au {datelimiteretour}. Un conseiller revient vers vous.',
    en: 'As the order has already been delivered, it can no longer be cancelled, but you can return the items until {datelimiteretour}. One of our advisers will get back to you.',
  },
  'address.subject': { about: 'subject of an address change without a verified order', vars: [], fr: 'Votre changement d\'adresse', en: 'Your change of address' },
  'address.received': {
    about: 'an address change without a verified order', vars: [],
    fr: 'Nous avons bien reçu votre demande de changement d\'adresse.', en: 'We have received your change of address request.',
  },
  'address.processing': {
    about: 'an address change for an order being prepared', vars: [...ORDER],
    fr: 'Nous avons bien reçu votre demande de modification de l\'adresse de livraison de votre commande {numerocommande}. Elle est encore en cours de préparation : un conseiller vérifie si la modification est possible et revient vers vous.',
    en: 'We have received your request to change the delivery address of your order {numerocommande}. It is still being prepared: one of our advisers is checking whether the change is possible and will get back to you.',
  },
  'address.shipped': {
    about: 'an address change for a shipped order', vars: [...ORDER, 'transporteur'],
    fr: 'Votre commande {numerocommande} a déjà été confiée à {transporteur}. Un conseiller examine ce qui est possible et revient vers vous.',
    en: 'Your order {numerocommande} has already been handed to {transporteur}. One of our advisers is looking at what can be done and will get back to you.',
  },
  'payment.subject': { about: 'subject of a payment question without a verified order', vars: [], fr: 'Votre paiement', en: 'Your payment' },
  'payment.opening': {
    about: 'a payment question: opening', vars: [],
    fr: 'Merci pour votre message au sujet de votre paiement.', en: 'Thank you for your message about your payment.',
  },
  'payment.breakdown': {
    about: 'what the order was charged', vars: ['numerocommande', 'soustotal', 'fraislivraison', 'montant'],
    fr: 'Voici le détail de votre commande {numerocommande} : articles {soustotal}, frais de livraison {fraislivraison}, soit un total de {montant}.',
    en: 'Here is the breakdown of your order {numerocommande}: items {soustotal}, delivery {fraislivraison}, making a total of {montant}.',
  },
  'payment.free_shipping': {
    about: 'the free delivery threshold, after the breakdown', vars: ['numerocommande', 'soustotal', 'fraislivraison', 'montant', 'seuillivraison'],
    fr: 'La livraison est offerte dès {seuillivraison} d\'achat.', en: 'Delivery is free on orders from {seuillivraison}.',
  },
  'payment.adviser': {
    about: 'a payment question: a person checks', vars: [],
    fr: 'Un conseiller vérifie votre paiement et revient vers vous.', en: 'One of our advisers is checking your payment and will get back to you.',
  },
  'product.subject': { about: 'subject of a product question', vars: [], fr: 'Votre question sur nos produits', en: 'Your question about our products' },
  'product.no_product': {
    about: 'a product question about no catalogue product', vars: [],
    fr: 'Merci pour votre question. Un conseiller vous répond en détail dans les meilleurs délais.',
    en: 'Thank you for your question. One of our advisers will answer it in detail shortly.',
  },
  'product.price': {
    about: 'the price of a product asked about', vars: ['produit', 'prix'],
    fr: 'Le produit « {produit} » est au prix de {prix}.', en: 'The {produit} costs {prix}.',
  },
  'product.line': { about: 'a product and its price, in a list', vars: ['produit', 'prix'], fr: '- {produit} : {prix}', en: '- {produit}: {prix}' },
  'product.prices_intro': {
    about: 'introduces the prices of several products', vars: [],
    fr: 'Voici les prix des articles qui vous intéressent :', en: 'Here are the prices of the items you asked about:',
  },
  'product.for_yours_one': {
    about: 'introduces the complement of a product the customer has', vars: ['produit'],
    fr: 'Pour votre {produit}, nous proposons le produit complémentaire suivant :', en: 'For your {produit}, we offer this complementary product:',
  },
  'product.for_yours_several': {
    about: 'introduces the complements of a product the customer has', vars: ['produit'],
    fr: 'Pour votre {produit}, nous proposons les produits complémentaires suivants :', en: 'For your {produit}, we offer these complementary products:',
  },
  'product.to_go_with_one': {
    about: 'introduces the complement of a product considered (after its price)', vars: [],
    fr: 'Pour l\'accompagner, nous proposons le produit complémentaire suivant :', en: 'To go with it, we offer this complementary product:',
  },
  'product.to_go_with_several': {
    about: 'introduces the complements of a product considered (after its price)', vars: [],
    fr: 'Pour l\'accompagner, nous proposons les produits complémentaires suivants :', en: 'To go with it, we offer these complementary products:',
  },
  'product.complement_of': {
    about: 'one product named is a complement of another', vars: ['produit', 'produitprincipal'],
    fr: 'Le produit « {produit} » fait partie des produits complémentaires de « {produitprincipal} ».',
    en: 'The {produit} is one of the complementary products for the {produitprincipal}.',
  },
  'product.basket_one': { about: 'the basket of one item (inside a free-delivery sentence)', vars: ['totalpanier'], fr: 'Cet article coûte {totalpanier}', en: 'This item comes to {totalpanier}' },
  'product.basket_several': {
    about: 'the basket of several items (inside a free-delivery sentence)', vars: ['nombrearticles', 'totalpanier'],
    fr: 'Ensemble, les {nombrearticles} articles qui vous intéressent font {totalpanier}',
    en: 'Together, the {nombrearticles} items you are asking about come to {totalpanier}',
  },
  'product.free_shipping_reached': {
    about: 'the basket reaches the free delivery threshold', vars: ['seuillivraison', 'totalpanier', 'panier'],
    fr: 'La livraison est offerte dès {seuillivraison} d\'achat. {panier} : vous atteignez ce seuil, la livraison vous serait donc offerte.',
    en: 'Delivery is free on orders from {seuillivraison}. {panier}, which reaches that threshold, so delivery would be free.',
  },
  'product.free_shipping_short': {
    about: 'the basket is short of the free delivery threshold', vars: ['seuillivraison', 'totalpanier', 'panier', 'manquant'],
    fr: 'La livraison est offerte dès {seuillivraison} d\'achat. {panier} : il manque {manquant} pour atteindre ce seuil.',
    en: 'Delivery is free on orders from {seuillivraison}. {panier}, which is {manquant} short of that threshold.',
  },
  'product.free_shipping_info': {
    about: 'the free delivery threshold, for information', vars: ['seuillivraison'],
    fr: 'Pour information, la livraison est offerte dès {seuillivraison} d\'achat.', en: 'For your information, delivery is free on orders from {seuillivraison}.',
  },
  'upsell.suggestion': {
    about: 'the discreet upsell: one complementary product of an ordered one', vars: ['produitprincipal', 'produit', 'prix'],
    fr: 'Pour accompagner votre article « {produitprincipal} », notre « {produit} » ({prix}) pourrait vous plaire.',
    en: 'To go with your {produitprincipal}, you might also like our {produit} ({prix}).',
  },
} as const satisfies Record<string, PhraseDefinition>;

export type PhraseKey = keyof typeof PHRASES;
export const PHRASE_KEYS = Object.keys(PHRASES) as PhraseKey[];

/** The data of one template version: every phrase's FR and EN text. */
export interface TemplateWording {
  phrases: Record<PhraseKey, PhraseText>;
}

/**
 * The edition of the shipped wording, and what it changed: a database whose in-force version is an earlier shipped
 * wording gets this one as a new version (the earlier one kept for audit and replay).
 * 1: the first catalogue.
 * 2: promises no fact or policy backs are taken out (an email with the tracking number once a processing order ships,
 *    "the tracking page above" where there may be none, "we will take it up with the carrier", "we will tell you how
 *    to proceed", "we will email you the instructions", the invoice "issued at delivery", a credit note, confirmations
 *    "by email", "we are contacting the carrier").
 */
export const SHIPPED_WORDING_EDITION = 2;

/** The shipped wording (edition SHIPPED_WORDING_EDITION). */
export const BUILTIN_TEMPLATE_WORDING: TemplateWording = {
  phrases: Object.fromEntries(PHRASE_KEYS.map((k) => [k, { fr: PHRASES[k].fr, en: PHRASES[k].en }])) as Record<PhraseKey, PhraseText>,
};

/** The wording a draft is written with, and its version (null: the shipped wording, no database). */
export interface WordingSnapshot {
  version: number | null;
  wording: TemplateWording;
}

export const BUILTIN_WORDING: WordingSnapshot = { version: null, wording: BUILTIN_TEMPLATE_WORDING };
