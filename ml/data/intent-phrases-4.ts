/**
 * Fourth pass of hand-written sentences, for the confusions the inner cross-validation showed between kinds of
 * request: questions the shop's data cannot answer (shipping abroad, gift wrapping, a shop to visit) that are not
 * catalogue questions; a return asked *for the money back* (a refund to issue, not a return-policy question); thanks
 * that mention what was sorted out (a refund, a reply) without asking anything; an order check after the bank asked
 * the customer to approve the payment (not a payment problem).
 */
import type { Phrases } from './intent-phrases';

export const FOURTH_PHRASES: Phrases = {
  other: {
    fr: [
      'livrez-vous en Suisse, et combien coûteraient les frais de douane ?', 'proposez-vous un emballage cadeau avec un petit mot manuscrit ?',
      'peut-on venir voir les produits quelque part avant d’acheter ?', 'est-il possible de faire graver un prénom sur {product} ?',
      'faites-vous des prix pour un restaurant qui commande en quantité ?', 'puis-je retirer ma commande dans un point relais en Belgique ?',
      'pouvez-vous garantir une livraison avant Noël en Italie ?', 'avez-vous un programme de fidélité ou une carte de membre ?',
      'réparez-vous les appareils qui ne sont plus sous garantie ?', 'est-ce que vous livrez dans les DOM-TOM ?',
      'pouvez-vous envoyer le colis directement à ma grand-mère avec une carte de ma part ?', 'vendez-vous aussi aux professionnels, avec facture au nom de la société ?',
    ],
    en: [
      'do you ship to Switzerland, and what would customs cost?', 'do you offer gift wrapping with a handwritten card?',
      'is there anywhere I can see the products before buying?', 'can you engrave a name on {product}?',
      'do you do trade prices for a café ordering in bulk?', 'can I collect my order from a pickup point in Belgium?',
      'can you guarantee delivery to Italy before Christmas?', 'do you have a loyalty scheme or membership card?',
      'do you repair appliances that are out of warranty?', 'do you deliver to the Channel Islands?',
      'could you send the parcel straight to my grandmother with a note from me?', 'do you sell to businesses with an invoice in the company name?',
    ],
  },
  refund_request: {
    fr: [
      'je souhaite le renvoyer et être remboursée.', 'puis-je vous retourner {product} contre remboursement ?',
      'je vous renvoie {product}, merci de me rembourser sur ma carte.', "l'un des deux est en trop : pouvez-vous organiser le retour et me le rembourser ?",
      'je le rends, il est neuf dans sa boîte, et je voudrais récupérer mon argent.',
    ],
    en: [
      'I would like to send it back and get a refund.', 'could I return {product} for my money back?',
      "I'm sending {product} back, please refund it to my card.", "we only need one: can you arrange the return of the other and refund it?",
      "it's unused in its box, I'd like to return it and be refunded.",
    ],
  },
  thanks: {
    fr: [
      'merci pour le remboursement, il est bien arrivé sur mon compte ce matin.', 'super, merci pour la réponse rapide, je le renverrai cette semaine.',
      'merci pour vos explications, je vais ajouter un article pour atteindre la livraison gratuite.', "c'est réglé, merci d'avoir fait le nécessaire.",
      'bien reçu, vous êtes au top, merci !',
    ],
    en: [
      'thanks for sorting the refund, it reached my account this morning.', "great, thanks for the quick answer, I'll send it back this week.",
      "thanks for explaining, I'll add another item to get free delivery.", 'all sorted, thank you for taking care of it.',
      'got it, you are brilliant, thanks!',
    ],
  },
  order_status: {
    fr: [
      'ma banque m’a demandé de valider le paiement, pouvez-vous me confirmer que la commande est bien enregistrée ?',
      "je n'ai pas reçu le mail de confirmation, la commande est-elle bien passée ?",
    ],
    en: [
      'my bank asked me to approve the payment, can you confirm the order went through?',
      "I never got the confirmation email, did my order go through?",
    ],
  },
};

/**
 * Subjects of a thread a customer replies in (the shop's earlier message, the customer's first request): in a reply
 * they name the thread's old topic, not necessarily what the new text asks.
 */
export const THREAD_SUBJECTS: Record<'fr' | 'en', string[]> = {
  fr: [
    'Votre commande {order}', 'Votre commande {order} a été expédiée', 'Retour {order}', 'Remboursement {order}', 'Suivi de commande',
    'Votre demande', 'Question sur {product}', 'Retard de livraison {order}', 'Facture {order}', 'Confirmation de commande {order}',
  ],
  en: [
    'Your order {order}', 'Your order {order} has shipped', 'Return {order}', 'Refund for order {order}', 'Order tracking',
    'Your request', 'Question about {product}', 'Late delivery {order}', 'Invoice {order}', 'Order confirmation {order}',
  ],
};

/** Subjects of a message a customer forwards because it looks suspicious (it uses the shop's name). */
export const SUSPICIOUS_SUBJECTS: Record<'fr' | 'en', string[]> = {
  fr: ['Votre colis est en attente', 'Action requise : mettez à jour votre paiement', 'Frais de livraison impayés', 'Votre compte sera suspendu', 'Confirmation de commande {order}'],
  en: ['Your parcel is on hold', 'Action required: update your payment details', 'Unpaid delivery fee', 'Your account will be suspended', 'Order confirmation {order}'],
};
