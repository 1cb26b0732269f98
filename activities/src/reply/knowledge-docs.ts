/**
 * Documents of the knowledge base, built from shop data: one per policy topic (written in both languages, so a French
 * or English question finds it) and one per product. Kept in step with the shop by `shop-knowledge.ts`.
 */
import type { ProductRecord, ShopPolicies } from '../domain/types';
import type { ContextDoc } from './context-store';
import { formatAmount } from './shop-format';

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

/** Everything the knowledge base holds for a shop. */
export function knowledgeDocs(policies: ShopPolicies, products: ProductRecord[]): ContextDoc[] {
  return [...policyDocs(policies), ...productDocs(products)];
}
