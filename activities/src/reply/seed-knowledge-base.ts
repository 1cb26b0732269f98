/**
 * Documents for the context store, built from shop data: one per policy topic (written in both languages, so a French
 * or English question finds it), one per product, and the customer history (one per order, tagged with its owner).
 */
import type { ProductRecord, ShopData, ShopPolicies } from '../domain/types';
import type { ContextDoc, ContextStore } from './context-store';
import { formatAmount, formatDate } from './shop-format';

export function policyDocs(p: ShopPolicies): ContextDoc[] {
  const eurFr = (x: number) => formatAmount(x, 'fr');
  const eurEn = (x: number) => formatAmount(x, 'en');
  const docs: ContextDoc[] = [
    {
      id: 'policy:returns',
      kind: 'policy',
      text:
        `Retours : vous pouvez retourner ou renvoyer un article dans les ${p.return_window_days} jours suivant la livraison. ` +
        `Délai de retour, date limite pour renvoyer un article, jusqu'à quand retourner, rétractation, échange. ` +
        `Returns: you can return or send back an item within ${p.return_window_days} days of delivery. Return window, return deadline, exchange.`,
    },
    {
      id: 'policy:refunds',
      kind: 'policy',
      text:
        `Remboursements : une fois le retour reçu, le remboursement est effectué sous ${p.refund_processing_days}. ` +
        `Délai de remboursement : combien de temps pour être remboursé. ` +
        `Refunds: once the return is received, the refund is processed within ${p.refund_processing_days}. How long does a refund take, when will I be refunded.`,
    },
    {
      id: 'policy:shipping',
      kind: 'policy',
      text:
        `Livraison : la livraison est gratuite (frais de port offerts) dès ${eurFr(p.free_shipping_threshold)} d'achat. ` +
        `Shipping: delivery is free on orders from ${eurEn(p.free_shipping_threshold)}. Free shipping threshold, delivery costs, postage.`,
    },
    {
      id: 'policy:commitments',
      kind: 'policy',
      text: `Engagements interdits / forbidden commitments: ${p.forbidden_commitments.join('; ')}.`,
    },
    {
      id: 'policy:contact',
      kind: 'policy',
      text: `Service client ${p.shop_name} : ${p.support_address}, ${p.website}` +
        (typeof p['business_hours'] === 'string' ? `, horaires / opening hours ${p['business_hours']}` : '') + '.',
    },
  ];
  for (const o of p.approved_offers) {
    docs.push({
      id: `policy:offer:${o.code}`,
      kind: 'policy',
      text: `Offre approuvée ${o.code} : ${o.description_fr}. Approved offer ${o.code}: ${o.description_en}. Conditions / when: ${o.when}.`,
    });
  }
  return docs;
}

export function productDocs(products: ProductRecord[]): ContextDoc[] {
  const byId = new Map(products.map((p) => [p.sku, p]));
  return products.map((p) => {
    const comps = p.complementary.map((s) => byId.get(s)).filter((x): x is ProductRecord => x !== undefined);
    const compText = comps.length
      ? ` Produits complémentaires / complementary products: ${comps.map((c) => `${c.name_fr} / ${c.name_en} (${c.sku})`).join(', ')}.`
      : '';
    return {
      id: `product:${p.sku}`,
      kind: 'product' as const,
      text: `${p.name_fr} / ${p.name_en} (${p.sku}) : ${formatAmount(p.price, 'fr')} / ${formatAmount(p.price, 'en')}.${compText}`,
    };
  });
}

/** One history doc per order: what was bought, when, its status. Only ever searched for its owner. */
export async function historyDocs(shop: ShopData): Promise<ContextDoc[]> {
  const [numbers, products] = await Promise.all([shop.allOrderNumbers(), shop.products()]);
  const names = new Map(products.map((p) => [p.sku, p.name_fr]));
  const docs: ContextDoc[] = [];
  for (const number of numbers) {
    const o = await shop.order(number);
    if (!o) continue;
    const items = o.items.map((it) => `${it.qty} × ${names.get(it.sku) ?? it.sku}`).join(', ');
    docs.push({
      id: `history:order:${o.number}`,
      kind: 'history',
      customerId: o.customer_id,
      text: `Commande ${o.number} du ${formatDate(o.ordered_at, 'fr')} : ${items} ; total ${formatAmount(o.total, 'fr')} ; statut ${o.status}` +
        (o.carrier ? ` ; ${o.carrier}` : '') + '.',
    });
  }
  return docs;
}

/** Loads the knowledge base (policies and products) into a store. Idempotent: doc ids are stable. */
export async function seedKnowledgeBase(store: ContextStore, shop: ShopData): Promise<number> {
  const [policies, products] = await Promise.all([shop.policies(), shop.products()]);
  const docs = [...policyDocs(policies), ...productDocs(products)];
  await store.upsert(docs);
  return docs.length;
}

/** Loads every customer's order history into a store. */
export async function seedCustomerHistory(store: ContextStore, shop: ShopData): Promise<number> {
  const docs = await historyDocs(shop);
  await store.upsert(docs);
  return docs.length;
}
