/**
 * The invoice of an order, from the shop's verified data only: what the PDF attached to an invoice-copy reply shows,
 * line by line. The lines are the exact text drawn in the PDF, so the check stage fact-checks them like a reply's
 * text and the sender renders nothing else.
 *
 * Shop policy: an order has an invoice once it is delivered (the same rule that lets an invoice request be answered
 * automatically, triage/route.ts). Before that (being prepared, shipped) there is no invoice yet; a cancelled,
 * refunded or returned order needs a credit note, which a person issues. An order whose lines, shipping fee and
 * total do not add up gets no invoice either: a person looks at it.
 */
import type { CustomerRecord, DraftAttachment, OrderRecord, ProductRecord, ShopPolicies } from '../domain/types';
import { formatAmount, formatDate, itemsSubtotal, roundCents, type ReplyLang } from './shop-format';

export type NoInvoiceReason = 'not_delivered_yet' | 'credit_note_needed' | 'totals_do_not_add_up' | 'unknown_product';

export type InvoiceResult = { ok: true; attachment: DraftAttachment } | { ok: false; reason: NoInvoiceReason };

const STATUSES_WITH_INVOICE = new Set(['delivered']);
const STATUSES_NEEDING_CREDIT_NOTE = new Set(['cancelled', 'refunded', 'returned']);

const LABELS = {
  fr: {
    title: 'Facture', number: 'Facture n°', order: 'Commande', ordered: 'Date de commande', delivered: 'Date de livraison',
    customer: 'Client', item: (qty: number, unit: string, total: string) => `${qty} x ${unit} = ${total}`,
    subtotal: 'Sous-total articles', shipping: 'Frais de livraison', total: 'Total payé', file: 'facture',
  },
  en: {
    title: 'Invoice', number: 'Invoice no.', order: 'Order', ordered: 'Order date', delivered: 'Delivery date',
    customer: 'Customer', item: (qty: number, unit: string, total: string) => `${qty} x ${unit} = ${total}`,
    subtotal: 'Items subtotal', shipping: 'Shipping', total: 'Total paid', file: 'invoice',
  },
} as const;

/** Characters the PDF's standard font (WinAnsi) cannot draw, made plain; applied before the text is checked. */
export function pdfSafe(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\x20-\x7e\u00a0-\u00ff€]/g, '?');
}

/** The invoice attachment for `order`, or why there is none. */
export function invoiceFor(
  order: OrderRecord, customer: CustomerRecord, catalogue: ProductRecord[], policies: ShopPolicies, lang: ReplyLang,
): InvoiceResult {
  if (STATUSES_NEEDING_CREDIT_NOTE.has(order.status)) return { ok: false, reason: 'credit_note_needed' };
  if (!STATUSES_WITH_INVOICE.has(order.status) || !order.delivered_at) return { ok: false, reason: 'not_delivered_yet' };
  if (!near(roundCents(itemsSubtotal(order) + order.shipping_fee), order.total)) return { ok: false, reason: 'totals_do_not_add_up' };
  const bySku = new Map(catalogue.map((p) => [p.sku, p]));
  if (order.items.some((it) => !bySku.has(it.sku))) return { ok: false, reason: 'unknown_product' };

  const l = LABELS[lang];
  const money = (v: number) => formatAmount(v, lang, order.currency);
  const lines = [
    policies.shop_name,
    [policies.support_address, policies.website].filter(Boolean).join(' - '),
    '',
    `${l.number} ${order.number}`,
    `${l.order} ${order.number}`,
    `${l.ordered}: ${formatDate(order.ordered_at, lang)}`,
    `${l.delivered}: ${formatDate(order.delivered_at, lang)}`,
    `${l.customer}: ${customer.first_name} ${customer.last_name}`,
    '',
    ...order.items.map((it) => {
      const p = bySku.get(it.sku)!;
      return `${lang === 'fr' ? p.name_fr : p.name_en} (${it.sku}): ${l.item(it.qty, money(it.unit_price), money(roundCents(it.unit_price * it.qty)))}`;
    }),
    '',
    `${l.subtotal}: ${money(itemsSubtotal(order))}`,
    `${l.shipping}: ${money(order.shipping_fee)}`,
    `${l.total}: ${money(order.total)}`,
  ].map(pdfSafe);
  return {
    ok: true,
    attachment: {
      kind: 'invoice',
      filename: `${l.file}-${order.number}.pdf`,
      orderNumber: order.number,
      title: `${l.title} ${order.number}`,
      lines,
      total: order.total,
    },
  };
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}
