/**
 * Whole messages for the intent head only (never the risk or routine heads), written by the "intent2" helper of session
 * 13 (7 Dec 2026) in voices of its own, after reading the author-grouped intent confusions of folds 0–3 (their kinds,
 * not their texts): none is copied or adapted from a labelled corpus (emails-train, emails-dev), a held-out set or a
 * blind challenge set (situations, products and places differ from the mails of the same kind there). Each teaches the labels' conventions where new writers' mail is confused:
 * - two requests: the remedy (a defect, a charge wrong, an order to cancel) is the intent, an invoice copy or a
 *   product aside beside it is not; a story before the request is not the request;
 * - services and facts the shop data does not hold (delivery abroad, collection in person, gift wrapping, a shop to
 *   visit, a job) are `other`, not a product question;
 * - anything about buying or using a gift card is `gift_card`;
 * - a charge (twice, after a cancellation, more than the order) is `payment_issue`, an invoice copy `invoice_request`;
 * - a parcel that came but late or badly packed, told as a grievance with nothing asked, is a `complaint`.
 * `{order}` is an order number slot (ml/supplement.ts fills it).
 */
import type { Intent } from '../../activities/src/domain/types';

export interface SupplementMessage { intent: Intent; subject: string; body: string }

export const INTENT_SUPPLEMENT: SupplementMessage[] = [
  // two requests: the remedy decides
  { intent: 'damaged_item', subject: 'Toaster {order}', body: "Hi, the toaster from {order} only heats on one side since day two. What are my options? Oh and can you email me the invoice too, I can't find it.\nThanks" },
  { intent: 'damaged_item', subject: 'Problème cafetière', body: "Bonjour,\nLe piston de la cafetière ({order}) s'est tordu à la deuxième utilisation, on ne peut plus appuyer. Comment on règle ça ? Au passage, pouvez-vous me renvoyer la facture, je l'ai perdue.\nMerci" },
  { intent: 'payment_issue', subject: 'Facture et montant', body: "Bonjour, deux choses : j'aurais besoin de la facture de {order}, et surtout le montant prélevé n'est pas celui de la confirmation de commande. Pouvez-vous vérifier ?" },
  { intent: 'payment_issue', subject: 'charged more than the total', body: "hello, invoice for {order} please when you can. also the amount taken from my card is 12 euros more than the total on the confirmation, why??" },
  { intent: 'cancel_order', subject: '{order}', body: "Hello,\nLong story short, my partner ordered the same kettle from another shop the same evening, so we have two on the way. Could you cancel {order} before it ships? And is the descaler still available on its own?\nCheers" },
  { intent: 'cancel_order', subject: 'annuler svp', body: "slt, vous pouvez annuler {order} ? erreur de ma part. et sinon vous avez la bouilloire en noir ?" },
  { intent: 'missing_item', subject: 'Colis incomplet', body: "Bonjour,\nJ'ai reçu {order} hier, merci pour l'emballage soigné. Par contre le couvercle n'était pas dans le carton. Vous pouvez me l'envoyer ? Et j'aurais aussi besoin de la facture pour mon comité d'entreprise.\nCordialement" },
  { intent: 'refund_request', subject: 'Re: Votre commande {order}', body: "Bonjour, finalement le blender ne me convient pas. Je vous le renvoie dès demain et je souhaite être remboursé. Merci de m'envoyer aussi une facture rectifiée." },
  { intent: 'change_address', subject: 'Delivery address {order}', body: "Dear Sir or Madam,\nI am moving house on Friday. I should be grateful if you would deliver {order} to my new address instead, which I shall send you on request. I should also like to know whether the teapot is dishwasher safe.\nYours faithfully" },
  { intent: 'damaged_item', subject: 'grinder', body: "the handle of the coffee grinder snapped off after a week. what now? also need a receipt for work." },
  // a story before the request: the request decides
  { intent: 'invoice_request', subject: 'Invoice', body: "Hi! So my flatmate and I split everything, which is great until someone has to prove who paid for what, haha. She's convinced the casserole was more than I said. Could you send me the invoice for {order} so I can settle this once and for all?\nThanks!" },
  { intent: 'order_status', subject: 'Petite question', body: "Bonjour,\nC'est la première fois que je commande chez vous, une amie m'a parlé de vos théières et je n'ai pas résisté. J'ai passé commande samedi ({order}). Est-ce qu'elle est déjà partie ?\nBelle journée" },
  { intent: 'return_request', subject: 'Returning a gift', body: "Hello,\nMy aunt sent me your stand mixer for my birthday, which was lovely of her, but I already own one (don't tell her). She gave me the order number, {order}. Is it still possible to send it back, and how?\nBest" },
  { intent: 'refund_status', subject: 'remboursement ?', body: "Bonjour, j'ai renvoyé la poêle il y a trois semaines, vous l'avez reçue d'après le suivi. Je n'ai toujours rien vu sur mon compte. Il en est où ce remboursement ?" },
  { intent: 'delivery_delay', subject: 'Still waiting', body: "Hi,\nI was hoping to use the new knives for my dinner party on Saturday, I had it all planned, a whole menu. The parcel ({order}) was meant to come on Tuesday and it's Friday now. Is it actually coming?\nRegards" },
  // services and facts the shop data does not hold: other
  { intent: 'other', subject: 'Luxembourg', body: "Bonjour, vous livrez au Luxembourg ? Merci" },
  { intent: 'other', subject: 'Canada', body: "Hi there, do you ship to Canada at all? Thanks" },
  { intent: 'other', subject: 'Point relais', body: "Bonjour,\nProposez-vous la livraison en point relais ou un click & collect du côté de Lille ?\nMerci d'avance" },
  { intent: 'other', subject: 'Sending to my sister', body: "Hello, if I send an order straight to my sister, can you leave the prices out of the parcel?" },
  { intent: 'other', subject: 'Boutique', body: "Vous avez un magasin physique quelque part ? J'aimerais voir les cocottes avant d'acheter." },
  { intent: 'other', subject: 'Job', body: "Good morning, I wondered whether you take on extra staff for the Christmas period, in the warehouse or in customer service. I would be happy to send my CV.\nKind regards" },
  { intent: 'other', subject: 'question', body: "hi do u deliver to norway n how much" },
  { intent: 'other', subject: 'Horaires', body: "Bonjour, je voudrais vous appeler plutôt qu'écrire, à quelles heures quelqu'un répond au téléphone ?" },
  { intent: 'other', subject: 'Livraison le samedi', body: "Bonjour, est-ce qu'on peut choisir une livraison le samedi ou un créneau horaire ? Je ne suis jamais chez moi en semaine." },
  { intent: 'other', subject: 'Partnership', body: "Hello, I write a small cooking blog and would love to feature your cast-iron range. Is there someone I could talk to about that?" },
  // gift cards: gift_card
  { intent: 'gift_card', subject: 'Carte cadeau par mail', body: "Bonjour, on peut acheter une carte cadeau en ligne et la recevoir par mail pour l'imprimer ?" },
  { intent: 'gift_card', subject: 'voucher', body: "do you sell e-vouchers or only the card? and how much is one" },
  { intent: 'gift_card', subject: 'Gift card balance', body: "Hello, my gift card shows a balance of zero although I have never used it. Could you check it for me?" },
  { intent: 'gift_card', subject: 'Carte cadeau', body: "Bonjour,\nLa carte cadeau que j'ai reçue à Noël dernier est-elle encore valable ? Je ne trouve pas de date dessus.\nMerci" },
  { intent: 'gift_card', subject: 'Montant carte cadeau', body: "Bonjour, peut-on offrir une carte cadeau d'un autre montant que 50 € ?" },
  { intent: 'gift_card', subject: 'gift card + teapot', body: "Hi, can I pay for a teapot partly with a gift card and the rest by card?" },
  // charges vs invoices
  { intent: 'payment_issue', subject: 'Débit après annulation', body: "Bonjour, j'avais annulé {order} le jour même et j'ai eu la confirmation, mais le montant a quand même été prélevé. Que se passe-t-il ?" },
  { intent: 'payment_issue', subject: 'Payment pending', body: "Hi, my bank flagged the payment for {order} and I had to approve it in the app; since then it just says pending. Did the money go through on your side?" },
  { intent: 'payment_issue', subject: 'Amount', body: "Good afternoon,\nThe amount debited for {order} is higher than the total on my confirmation e-mail. Could you look into this?\nRegards" },
  { intent: 'payment_issue', subject: 'paiement', body: "bjr j'ai payé 2 fois la commande {order}, c'est sur mon relevé, vous pouvez rembourser un des deux ?" },
  { intent: 'invoice_request', subject: 'Facture au nom de la société', body: "Bonjour, pourriez-vous m'envoyer la facture de {order} ? J'en ai besoin pour ma note de frais.\nCordialement" },
  { intent: 'invoice_request', subject: 'receipt', body: "hiya, need a proper receipt for {order} for my expenses, the confirmation email isnt enough apparently. ta" },
  { intent: 'invoice_request', subject: 'Duplicate invoice', body: "Dear team,\nI would be obliged if you could forward a duplicate invoice for {order}; the original has been mislaid.\nKind regards" },
  // a parcel that came: a grievance is a complaint; what did not come is a missing item
  { intent: 'complaint', subject: 'Livraison', body: "Bonjour,\nLe colis {order} est bien arrivé, mais le livreur l'a laissé chez un voisin sans prévenir et j'ai mis deux jours à le retrouver. Tout va bien, mais ce n'est pas sérieux. Je voulais que vous le sachiez.\nCordialement" },
  { intent: 'complaint', subject: 'Packaging', body: "Hi, the parcel arrived, but the box looked like someone had sat on it. Contents fine, luckily. Not impressed, that's all." },
  { intent: 'complaint', subject: 'Service client', body: "J'ai écrit trois fois la semaine dernière sans la moindre réponse. C'est réglé maintenant, mais ce silence n'est pas normal." },
  { intent: 'missing_item', subject: 'Point relais', body: "Bonjour, le suivi indique que {order} a été déposé en point relais hier, mais le point relais dit ne rien avoir reçu. Pouvez-vous voir avec le transporteur ?" },
  { intent: 'missing_item', subject: 'safe place??', body: "tracking for {order} says left in a safe place. there is no safe place here and no parcel. what do I do" },
  { intent: 'missing_item', subject: 'Lid missing', body: "Hello, the frying pan arrived but the glass lid I ordered with it wasn't in the box. Could you send it out?" },
  // status vs product
  { intent: 'product_question', subject: 'Knives', body: "Hello, I ordered the knife set ({order}), it's not arrived yet, no rush. Quick question in the meantime: can the knives go in the dishwasher?" },
  { intent: 'order_status', subject: 'Cocotte', body: "Bonjour, la cocotte de {order}, elle a été expédiée ? Je voudrais savoir quel jour elle arrive. Merci" },
  { intent: 'product_question', subject: 'Théière', body: "Bonjour, la théière en fonte, elle fait combien de tasses ? Et elle existe en plus grand ? Merci" },
  { intent: 'order_status', subject: 'where is it', body: "hi, my order {order} — has it left yet? want to make sure someone's in. thx" },
  // account
  { intent: 'account_access', subject: 'Mot de passe', body: "Bonjour, je n'arrive pas à changer mon mot de passe, le lien du mail me renvoie vers une page d'erreur. Pouvez-vous m'aider ?" },
  { intent: 'account_access', subject: 'Account', body: "Hello, I would like to remove the card saved on my account and change the e-mail address I log in with. How do I do that?" },
];
