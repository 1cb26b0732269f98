/**
 * Every intent's template, in French and English, over orders of the demo shop ("today" is 2026-11-24): what a
 * correct reply must state, what it must never say, and that its own check passes.
 */
import type { EmailCase, Intent, Lang } from '../../domain/types';
import { draftAndCheck, fixtureShop, makeCase, readShopFile, replyDeps } from '../test-support/fixture-shop';

async function reply(intent: Intent, lang: Lang, customerId: string | null, orderNumber: string | null, text = ''): Promise<EmailCase> {
  return draftAndCheck(makeCase({ intent, lang, customerId, orderNumber, text }));
}

function body(c: EmailCase): string {
  return `${c.draft!.subject}\n${c.draft!.body}`;
}

/** Phrases no routine reply may contain, in any intent. */
const NEVER = [
  /garanti/i, /guarantee/i, /dédommagement/i, /compensation/i, /definitely/i, /colis perdu/i, /parcel is lost/i,
  /remise/i, /discount/i, /code promo/i,
];

/**
 * Nothing forbidden, every fact verified. A draft for review is reported by the check only for what makes it one:
 * a promised human follow-up (`human_follow_up`), an offer a person must grant (`offer_needs_approval`).
 */
function expectClean(c: EmailCase, forReview = false) {
  for (const re of NEVER) expect(body(c)).not.toMatch(re);
  if (!forReview) {
    expect(c.guardrails).toEqual({ passed: true, fired: [], details: [] });
    return;
  }
  const expected = c.draft!.offers.length ? ['offer_needs_approval', 'human_follow_up'] : ['human_follow_up'];
  expect(c.guardrails!.fired).toEqual(expected);
}

describe('order_status', () => {
  test('shipped within estimate (fr): status, carrier, tracking number and link, shipped and estimated dates', async () => {
    const c = await reply('order_status', 'fr', 'C0025', 'CMD-10603');
    const b = body(c);
    expect(b).toContain('Bonjour Manon,');
    expect(b).toContain('CMD-10603 a été expédiée le 21 novembre 2026 avec UPS');
    expect(b).toContain('Numéro de suivi : 1Z367277779');
    expect(b).toContain('https://www.ups.com/track?tracknum=1Z367277779');
    expect(b).toContain('estime la livraison au 24 novembre 2026');
    expect(b).toMatch(/Le service client Maison Lumen\nsupport@maison-lumen\.example$/);
    expect(c.draft).toMatchObject({ lang: 'fr', templateId: 'order-status', version: '1.1.0', generator: 'template', offers: [] });
    expect(c.draft!.facts).toMatchObject({ status: 'shipped', carrier: 'UPS', tracking_number: '1Z367277779', estimated_delivery: '2026-11-24', shipped_at: '2026-11-21' });
    expectClean(c);
  });

  test('shipped within estimate (en)', async () => {
    const c = await reply('order_status', 'en', 'C0039', 'CMD-10839');
    const b = body(c);
    expect(b).toContain('Hello Hannah,');
    expect(b).toContain('Your order CMD-10839 was shipped on 22 November 2026 with Colissimo.');
    expect(b).toContain('Tracking number: 6A123231891');
    expect(b).toContain("The carrier's estimated delivery date is 27 November 2026.");
    expect(b).toContain('The Maison Lumen customer service team');
    expectClean(c);
  });

  test('still in preparation: order date and total, no tracking number, no shipping claim, no promise (fr and en)', async () => {
    // No fact or policy says an email with a tracking number follows the shipping: the reply promises none.
    const fr = await reply('order_status', 'fr', 'C0020', 'CMD-10510', 'Bonjour, où en est ma commande CMD-10510 ?');
    expect(body(fr)).toContain('Votre commande CMD-10510, passée le 22 novembre 2026 pour un montant de 16,80 €, est en cours de préparation. Elle n\'a pas encore été confiée au transporteur.\n');
    expect(fr.draft!.facts).toMatchObject({ ordered_at: '2026-11-22', total: 16.8 });
    expect(body(fr)).not.toMatch(/a été expédiée|numéro de suivi|vous recevrez|e-mail|dès son expédition/i);
    expectClean(fr);
    const en = await reply('order_status', 'en', 'C0020', 'CMD-10510', 'Hi, where is my order CMD-10510?');
    expect(body(en)).toContain('Your order CMD-10510, placed on 22 November 2026 for a total of €16.80, is being prepared. It has not been handed to the carrier yet.\n');
    expect(body(en)).not.toMatch(/tracking number|you will receive|email|as soon as it ships/i);
    expectClean(en);
  });

  test('slightly late (2 days): apology, days late, tracking — no offer', async () => {
    const c = await reply('order_status', 'fr', 'C0022', 'CMD-10543');
    expect(body(c)).toContain('Nous sommes désolés : votre commande CMD-10543 devait être livrée le 22 novembre 2026 et elle a aujourd\'hui 2 jours de retard.');
    expect(body(c)).toContain('XY855608291');
    expect(c.draft!.offers).toEqual([]);
    expect(c.draft!.facts.days_late).toBe(2);
    expectClean(c);
  });

  test('delivered order: delivery date, carrier and tracking number', async () => {
    const c = await reply('order_status', 'en', 'C0021', 'CMD-10527');
    expect(body(c)).toMatch(/Your order CMD-10527 was delivered on 17 November 2026 by \w+ \(tracking number 6A889839229\)\./);
    expectClean(c);
    const fr = await reply('order_status', 'fr', 'C0021', 'CMD-10527');
    expect(body(fr)).toMatch(/Votre commande CMD-10527 a été livrée le 17 novembre 2026 par \w+ \(numéro de suivi 6A889839229\)\./);
    expectClean(fr);
  });

  test('cancelled order: the order date, and nothing about shipping or money (fr and en)', async () => {
    const fr = await reply('order_status', 'fr', 'C0002', 'CMD-10267');
    expect(body(fr)).toContain('Votre commande CMD-10267, passée le 8 septembre 2026, est annulée.');
    expect(body(fr)).not.toMatch(/rembours|expédiée|€/);
    const en = await reply('order_status', 'en', 'C0002', 'CMD-10267');
    expect(body(en)).toContain('Your order CMD-10267, placed on 8 September 2026, is cancelled.');
    expect(en.draft!.facts).toMatchObject({ status: 'cancelled', ordered_at: '2026-09-08' });
    for (const c of [fr, en]) for (const re of NEVER) expect(body(c)).not.toMatch(re);
  });

  test('unknown order number: asks for the number and states no order fact or number', async () => {
    const c = await reply('order_status', 'en', 'C0036', 'CMD-10977');
    expect(body(c)).toContain('We cannot find the order number given in your message.');
    expect(body(c)).not.toContain('CMD-10977');
    expect(c.draft!.facts).toEqual({});
    expectClean(c, true);
  });

  test("someone else's order: nothing about it is disclosed (fr)", async () => {
    const c = await reply('order_status', 'fr', 'C0009', 'CMD-10389');
    expect(body(c)).toContain('Nous ne pouvons pas rattacher le numéro de commande indiqué à votre compte client.');
    expect(body(c)).not.toMatch(/CMD-10389|1Z275931675|UPS|Emma Thomas/);
    expectClean(c, true);
  });
});

describe('delivery_delay', () => {
  test('5 days late (en): still the apology band — tracking, no voucher, no promise', async () => {
    const c = await reply('delivery_delay', 'en', 'C0035', 'CMD-10773');
    const b = body(c);
    expect(b).toContain('was due on 19 November 2026 and is now 5 days late');
    expect(b).toContain('https://www.ups.com/track?tracknum=1Z457890127');
    expect(b).not.toMatch(/GESTE10|voucher/);
    expectClean(c);
  });

  test('10 days late (fr): GESTE10 offered with its approved wording, follow-up with the carrier', async () => {
    const c = await reply('delivery_delay', 'fr', 'C0001', 'CMD-10234');
    const b = body(c);
    expect(b).toContain('10 jours de retard');
    expect(b).toContain('Un conseiller examine la situation de votre colis et revient vers vous');
    expect(b).not.toMatch(/nous contactons|UPS pour/i);
    expect(b).toContain("Bon d'achat de 10 % sur la prochaine commande (code GESTE10)");
    expect(c.draft!.offers).toEqual(['GESTE10']);
    expectClean(c, true);
  });

  test('9 days late (en): GESTE10 in English', async () => {
    const c = await reply('delivery_delay', 'en', 'C0027', 'CMD-10634');
    expect(body(c)).toContain('is now 9 days late');
    expect(body(c)).toContain('10% voucher on next order (code GESTE10)');
    expectClean(c, true);
  });
});

describe('GESTE10 and delivered orders', () => {
  test('a late parcel that has since arrived: no voucher on a status question, offered (for review) on a delay complaint', async () => {
    const data = readShopFile();
    Object.assign(data.orders.find((o) => o.number === 'CMD-10234')!, { status: 'delivered', delivered_at: '2026-11-22' }); // 8 days late
    const deps = replyDeps(fixtureShop(data));
    const spec = { lang: 'fr' as const, customerId: 'C0001', orderNumber: 'CMD-10234' };
    const status = await draftAndCheck(makeCase({ ...spec, intent: 'order_status' }, data), deps);
    expect(status.draft!.offers).toEqual([]);
    expect(body(status)).toContain('a été livrée le 22 novembre 2026 par UPS');
    expectClean(status);
    const delay = await draftAndCheck(makeCase({ ...spec, intent: 'delivery_delay' }, data), deps);
    expect(delay.draft!.offers).toEqual(['GESTE10']);
    expect(delay.guardrails!.fired).toContain('offer_needs_approval');
  });
});

describe('returns and refunds', () => {
  test('return policy question (fr): window, deadline = delivery + 30 days, refund delay, no free label', async () => {
    const c = await reply('return_request', 'fr', 'C0014', 'CMD-10445', "J'ai reçu ma théière en fonte, jusqu'à quand puis-je la renvoyer ?");
    const b = body(c);
    expect(b).toContain("l'article « Théière en fonte 0,8 L » dans les 30 jours suivant la livraison");
    expect(b).toContain('livrée le 19 novembre 2026');
    expect(b).toContain("jusqu'au 19 décembre 2026");
    expect(b).toContain('5 à 7 jours ouvrés');
    expect(b).not.toMatch(/prépayée|RETOUR-GRATUIT/);
    expect(c.draft!.facts.return_deadline).toBe('2026-12-19');
    expectClean(c);
  });

  test('return window already closed: says so with the dates, for a reviewer', async () => {
    const c = await reply('return_request', 'fr', 'C0001', 'CMD-10247');
    expect(body(c)).toContain('Le délai de retour de 30 jours suivant la livraison du 2 septembre 2026 a pris fin le 2 octobre 2026.');
    expectClean(c, true);
  });

  test('return policy question (en)', async () => {
    const c = await reply('return_request', 'en', 'C0014', 'CMD-10445');
    expect(body(c)).toContain('you have until 19 December 2026 to return it');
    expect(body(c)).toContain('5-7 business days');
    expectClean(c);
  });

  test('refund status, refunded (en): amount and processing days, no date promised', async () => {
    const c = await reply('refund_status', 'en', 'C0033', 'CMD-10733');
    expect(body(c)).toContain('The refund of €156.90 for your order CMD-10733 has been processed on our side.');
    expect(body(c)).toContain('5-7 business days');
    expectClean(c);
  });

  test('refund status, return received but not refunded (fr): never says the refund was made; overdue noted', async () => {
    const c = await reply('refund_status', 'fr', 'C0024', 'CMD-10570');
    const b = body(c);
    expect(b).toContain('Nous avons bien reçu le retour de votre commande CMD-10570 le 24 octobre 2026.');
    expect(b).not.toMatch(/remboursement a été effectué/);
    expect(c.draft!.facts.refund_overdue).toBe(true);
    expectClean(c, true);
  });

  test('refund request (fr): only the item the customer returns, its amount, the deadline — no free label', async () => {
    const text = 'La balance me convient très bien, mais le blender est beaucoup trop bruyant : je souhaite le retourner et être remboursé.';
    const c = await reply('refund_request', 'fr', 'C0023', 'CMD-10551', text);
    const b = body(c);
    expect(b).toContain('« Blender haute puissance 2 L »');
    expect(b).toContain("jusqu'au 17 décembre 2026");
    expect(b).toContain('remboursement de 189,00 € sous 5 à 7 jours ouvrés');
    expect(b).not.toMatch(/intégral|sans retour|prépayée/);
    expect(c.draft!.facts.refund_amount).toBe(189);
    // The return instructions come from a person (no policy says they are emailed): the check sees the follow-up.
    expect(b).toContain('Un conseiller vous indique la marche à suivre pour le retour.');
    expect(b).not.toMatch(/par e-mail/);
    expectClean(c, true);
  });

  test('refund request (en)', async () => {
    const text = "The teapot is lovely, but I already have the same knife sharpener, so I'd like to send the sharpener back for a refund.";
    const c = await reply('refund_request', 'en', 'C0033', 'CMD-10737', text);
    expect(body(c)).toContain('You can send the Knife sharpener back to us within 30 days of delivery');
    expect(body(c)).toContain('refund of €29.00 within 5-7 business days');
    expect(body(c)).not.toMatch(/prepaid|without return/i);
    expect(body(c)).toContain('One of our advisers will tell you how to make the return.');
    expectClean(c, true);
  });
});

describe('damaged and missing items (drafts for review)', () => {
  test('damaged (fr): the damaged product, express re-shipment and prepaid return label only', async () => {
    const text = 'Les deux poêles sont parfaites, mais la théière en fonte est arrivée avec le bec ébréché.';
    const c = await reply('damaged_item', 'fr', 'C0008', 'CMD-10362', text);
    const b = body(c);
    expect(b).toContain("l'article « Théière en fonte 0,8 L » de votre commande CMD-10362, livrée le 14 novembre 2026, est arrivé endommagé");
    expect(b).toContain('- Réexpédition express sans frais');
    expect(b).toContain('- Étiquette de retour prépayée');
    expect(b).not.toMatch(/GESTE10|rembours/);
    expect(c.draft!.offers).toEqual(['RENVOI-EXPRESS', 'RETOUR-GRATUIT']);
    expect(b).toContain('pourriez-vous nous envoyer une photo'); // no photo attached to this case
    expectClean(c, true);
  });

  test('missing (en): express re-shipment only', async () => {
    const text = "The replacement whisk isn't in the box. The casserole and the descaler were there.";
    const c = await reply('missing_item', 'en', 'C0029', 'CMD-10663', text);
    expect(body(c)).toContain('We are sorry that the Replacement whisk for stand mixer was missing from your order CMD-10663');
    expect(body(c)).toContain('- Free express re-shipment');
    expect(c.draft!.offers).toEqual(['RENVOI-EXPRESS']);
    expectClean(c, true);
  });
});

describe('invoice, catalogue, thanks', () => {
  test('invoice for a delivered order (fr): the PDF invoice attached, with the order, its order and delivery dates and total', async () => {
    const c = await reply('invoice_request', 'fr', 'C0006', 'CMD-10329');
    expect(body(c)).toContain('Veuillez trouver ci-joint la facture (PDF) de votre commande CMD-10329, passée le 6 novembre 2026 et livrée le 11 novembre 2026, d\'un montant total de 141,90 €.');
    expect(c.draft!.facts).toMatchObject({ order_number: 'CMD-10329', ordered_at: '2026-11-06', total: 141.9, currency: 'EUR', attachment: 'facture-CMD-10329.pdf' });
    expect(c.draft).toMatchObject({ templateId: 'invoice-copy', version: '1.3.0' });
    const [doc] = c.draft!.attachments!;
    expect(doc).toMatchObject({ kind: 'invoice', filename: 'facture-CMD-10329.pdf', orderNumber: 'CMD-10329', total: 141.9 });
    expect(doc!.lines).toEqual(expect.arrayContaining(['Facture n° CMD-10329', 'Date de livraison: 11 novembre 2026', 'Total payé: 141,90 €']));
    expectClean(c);
  });

  test('invoice (en)', async () => {
    const c = await reply('invoice_request', 'en', 'C0032', 'CMD-10724');
    expect(body(c)).toContain('Please find attached the invoice (PDF) for your order CMD-10724, placed on 28 October 2026 and delivered on 3 November 2026, for a total of €658.00.');
    expect(c.draft!.attachments!.map((a) => a.filename)).toEqual(['invoice-CMD-10724.pdf']);
    expectClean(c);
  });

  test('invoice for an order not delivered yet: no invoice exists, nothing attached, for a person', async () => {
    const shop = readShopFile();
    const shipped = shop.orders.find((o) => o.status === 'shipped')!;
    const c = await reply('invoice_request', 'en', shipped.customer_id, shipped.number);
    expect(c.draft!.attachments).toBeUndefined();
    expect(c.draft!.facts).toMatchObject({ no_invoice_reason: 'not_delivered_yet' });
    expect(body(c)).toContain('Your order has not been delivered yet: one of our advisers is looking at your invoice request');
    expect(body(c)).not.toMatch(/issued once|as soon as it is available/i);
    expect(body(c)).not.toMatch(/attached/i);
    expectClean(c, true);
  });

  test('product question (en): complementary products with prices; basket reaches free shipping', async () => {
    const text = "I've had the compact espresso machine for a week. Which descaler should I use with it? Do you sell a grinder that goes with it? If I order both, would delivery be free?";
    const c = await reply('product_question', 'en', 'C0037', null, text);
    const b = body(c);
    expect(b).toContain('- Manual coffee grinder: €54.00');
    expect(b).toContain('- Descaler 2 x 250 ml: €11.90');
    expect(b).toContain('Together, the two items you are asking about come to €65.90, which reaches that threshold, so delivery would be free.');
    expect(b).not.toContain('€249.00'); // the machine they have is not priced
    expectClean(c);
  });

  test('product question (fr): complement of the pan, price, and what is missing for free shipping', async () => {
    const text = "J'ai une poêle anti-adhésive de 28 cm. Votre couvercle en verre 28 cm va-t-il dessus, et quel est son prix ? Si j'ajoute un thé vert sencha, est-ce que j'atteins la livraison gratuite ?";
    const c = await reply('product_question', 'fr', 'C0015', null, text);
    const b = body(c);
    expect(b).toContain('Pour votre poêle anti-adhésive 28 cm, nous proposons le produit complémentaire suivant :\n- Couvercle verre 28 cm : 12,90 €');
    expect(b).toContain('- Thé vert sencha 100 g : 9,90 €');
    expect(b).toContain('Ensemble, les deux articles qui vous intéressent font 22,80 € : il manque 37,20 € pour atteindre ce seuil.');
    expect(b).not.toContain('34,90 €'); // the pan they have is not priced
    expect(b).not.toContain('livraison gratuite pour cette commande');
    expectClean(c);
  });

  test('product question weighing a product and its complement, owning neither (en): both priced, both in the basket', async () => {
    // C0037 bought this machine before; what the customer writes now (thinking of getting one) decides.
    const text = 'Thinking of getting the compact espresso machine. How much is it, and is there a descaler that fits it? Would shipping be free for the two together?';
    const c = await reply('product_question', 'en', 'C0037', null, text);
    const b = body(c);
    expect(b).toContain('The Compact espresso machine costs €249.00.');
    expect(b).toContain('Descaler 2 x 250 ml: €11.90');
    expect(b).toContain('Together, the two items you are asking about come to €260.90, which reaches that threshold, so delivery would be free.');
    expectClean(c);
  });

  test('product question asking whether two products go together (fr, en): the catalogue relation is stated', async () => {
    const fr = await reply('product_question', 'fr', 'C0015', null, 'La poêle anti-adhésive 28 cm et le couvercle verre 28 cm, ils vont ensemble ? Le couvercle est-il adapté ?');
    expect(body(fr)).toContain('Le produit « Couvercle verre 28 cm » fait partie des produits complémentaires de « Poêle anti-adhésive 28 cm ».');
    expect(fr.draft!.facts.complementary_to).toBe('SKU-1008');
    expectClean(fr);
    const en = await reply('product_question', 'en', 'C0037', null, 'Does the manual coffee grinder go with the French press 8 cups? What would both cost?');
    expect(body(en)).toContain('The Manual coffee grinder is one of the complementary products for the French press 8 cups.');
    expectClean(en);
  });

  test('product question naming one product and asking what goes with it (fr): its price, its complements with prices', async () => {
    const c = await reply('product_question', 'fr', 'C0015', null, 'Quels accessoires me conseillez-vous pour la bouilloire électrique ?');
    const b = body(c);
    expect(b).toContain('Le produit « Bouilloire électrique inox 1,7 L » est au prix de 49,90 €. Pour l\'accompagner, nous proposons les produits complémentaires suivants :');
    expect(b).toContain('- Théière en fonte 0,8 L : 39,00 €');
    expect(b).toContain('- Thé vert sencha 100 g : 9,90 €');
    expectClean(c);
  });

  test('product question about nothing in the catalogue: a holding answer, reported so it is never auto-sent', async () => {
    const c = await reply('product_question', 'en', 'C0037', null, 'Do you ship to Ireland?');
    expect(body(c)).toContain('One of our advisers will answer it in detail shortly.');
    expectClean(c, true);
  });

  test('thanks (fr and en): warm, the delivered order, nothing offered', async () => {
    const fr = await reply('thanks', 'fr', 'C0021', 'CMD-10527');
    expect(body(fr)).toContain('Nous sommes ravis que votre commande CMD-10527, livrée le 17 novembre 2026, vous plaise.');
    expect(body(fr)).not.toMatch(/bon d'achat|GESTE10/);
    expectClean(fr);
    const en = await reply('thanks', 'en', 'C0030', null);
    expect(body(en)).toContain('Thank you very much for your kind message');
    expect(en.draft!.offers).toEqual([]);
    expectClean(en);
  });
});

describe('actions on an order (drafts for review)', () => {
  test('cancel a processing order (fr): acknowledged, total and refund delay, no refund claimed as done', async () => {
    const c = await reply('cancel_order', 'fr', 'C0026', 'CMD-10614');
    const b = body(c);
    expect(b).toContain("Nous avons bien reçu votre demande d'annulation de la commande CMD-10614, passée le 24 novembre 2026, d'un montant de 282,80 €.");
    expect(b).toContain("un conseiller vérifie si l'annulation est possible et revient vers vous");
    expect(b).not.toMatch(/par e-mail/);
    expect(b).not.toMatch(/remboursement a été effectué|immédiat/);
    expect(c.draft!.facts.refund_amount).toBe(282.8);
    expectClean(c, true);
  });

  test('cancel (en)', async () => {
    const c = await reply('cancel_order', 'en', 'C0026', 'CMD-10614');
    expect(body(c)).toContain('We have received your request to cancel order CMD-10614, placed on 24 November 2026, for a total of €282.80.');
    expectClean(c, true);
  });

  test('change address (fr and en): acknowledged for review, the new address never repeated', async () => {
    const text = 'Pourriez-vous la faire livrer plutôt à : 27 avenue Jean Jaurès, 69007 Lyon';
    const fr = await reply('change_address', 'fr', 'C0017', 'CMD-10469', text);
    expect(body(fr)).toContain('demande de modification de l\'adresse de livraison de votre commande CMD-10469');
    expect(body(fr)).not.toMatch(/Jaurès|69007/);
    expectClean(fr, true);
    const en = await reply('change_address', 'en', 'C0017', 'CMD-10469');
    expect(body(en)).toContain('We have received your request to change the delivery address of your order CMD-10469.');
    expectClean(en, true);
  });
});

describe('multi-question mail', () => {
  test('a section per secondary request on the other order, with its facts keyed by order', async () => {
    const c0 = makeCase({
      intent: 'delivery_delay', lang: 'fr', customerId: 'C0001', orderNumber: 'CMD-10234',
      text: 'La commande CMD-10234 est en retard. Dans ma commande CMD-10253, le blender ne me convient pas, puis-je le renvoyer ? Et pouvez-vous m\'envoyer la facture ?',
    });
    const c = await draftAndCheck({
      ...c0,
      enrichment: { ...c0.enrichment!, orderNumbersMentioned: ['CMD-10234', 'CMD-10253'] },
      classification: { ...c0.classification!, secondaryIntents: ['return_request', 'invoice_request'] },
    });
    const b = body(c);
    expect(b).toContain('10 jours de retard');
    expect(b.match(/Concernant votre commande CMD-10253 :/g)).toHaveLength(1);
    expect(b).toContain("Vous pouvez nous retourner l'article « Blender haute puissance 2 L »");
    expect(b).toContain("jusqu'au 14 décembre 2026");
    expect(b).toContain('Veuillez trouver ci-joint la facture (PDF) de votre commande CMD-10253, passée le 10 novembre 2026');
    expect(c.draft!.attachments!.map((a) => a.orderNumber)).toEqual(['CMD-10253']);
    expect(c.draft!.facts).toMatchObject({ 'CMD-10253.return_deadline': '2026-12-14', 'CMD-10253.total': expect.any(Number), order_number: 'CMD-10234' });
    expectClean(c, true);
  });
});

describe('holding replies', () => {
  test('other (en, mixed customer): asks which order and what the problem is', async () => {
    const c = await reply('other', 'en', 'C0030', null);
    expect(body(c)).toContain('could you tell us the number of the order concerned and what the problem is?');
    expect(c.draft!.templateId).toBe('holding');
    expectClean(c, true);
  });

  test('safety incident (fr): stop using the item, no reassurance, no fact', async () => {
    const c = await reply('safety_incident', 'fr', 'C0028', 'CMD-10653');
    expect(body(c)).toContain('ne plus utiliser l\'article');
    expect(c.draft!.facts).toEqual({});
    expectClean(c, true);
  });

  test('mixed language follows the customer record (en customer → en, fr customer → fr)', async () => {
    expect((await reply('order_status', 'mixed', 'C0038', 'CMD-10818')).draft!.lang).toBe('en');
    expect((await reply('order_status', 'mixed', 'C0001', 'CMD-10234')).draft!.lang).toBe('fr');
  });

  test('machine mail gets no draft', async () => {
    const c = makeCase({ intent: 'auto_reply', customerId: 'C0019' });
    const out = await draftAndCheck({ ...c, machine: { isMachine: true, kind: 'auto_reply', reasons: ['auto_submitted_header'] } });
    expect(out.draft).toBeNull();
  });
});

describe('the facts each routine reply states', () => {
  test('refund question on a delivered order not sent back (en): no refund claimed, the return deadline and the refund delay', async () => {
    const c = await reply('refund_status', 'en', 'C0037', 'CMD-10797', 'How long would a refund take if I send the espresso machine back, and until when can I do that?');
    const b = body(c);
    expect(b).toContain('No refund has been recorded for your order CMD-10797 so far');
    expect(b).toContain('you have until 7 December 2026');
    expect(b).toContain('5-7 business days');
    expect(b).not.toMatch(/has been (refunded|processed|issued)/);
    expect(c.draft).toMatchObject({ templateId: 'refund-status', version: '1.1.0' });
    expectClean(c, true);
  });

  test('thanks for a refund that arrived (fr): the refunded amount, nothing offered', async () => {
    const c = await reply('thanks', 'fr', 'C0001', 'CMD-10241', 'Merci, le virement est bien arrivé sur mon compte !');
    expect(body(c)).toContain('le remboursement de 176,80 € de votre commande CMD-10241');
    expect(body(c)).not.toMatch(/bon d'achat|GESTE10/);
    expectClean(c);
  });

  test('thanks while the parcel is on its way, on time (en): carrier, tracking number and estimate in one line', async () => {
    const c = await reply('thanks', 'en', 'C0038', 'CMD-10818', 'Cheers for the quick dispatch!');
    expect(body(c)).toContain('Your order CMD-10818 is on its way with DHL (tracking number JD685811865); the carrier\'s estimated delivery date is 25 November 2026.');
    expect(c.draft).toMatchObject({ templateId: 'thanks', version: '1.1.0', offers: [] });
    expectClean(c);
  });

  test('catalogue (en): a product the customer says is theirs is neither priced nor counted; its complement is', async () => {
    const c = await reply('product_question', 'en', null, null, 'Which accessories would you suggest for my stand mixer? Would a spare bowl get me free delivery?');
    const b = body(c);
    expect(b).toContain('For your stand mixer 5 L, we offer these complementary products:');
    expect(b).not.toContain('€329.00');
    expect(b).toContain('This item comes to €44.90, which is €15.10 short of that threshold.');
    expectClean(c);
  });

  test('catalogue (en): a product considered with its complement is priced and counted', async () => {
    const c = await reply('product_question', 'en', null, null, 'Thinking of getting the cast-iron teapot with some sencha tea. How much for both?');
    const b = body(c);
    expect(b).toContain('The Cast-iron teapot 0.8 L costs €39.00. To go with it, we offer this complementary product:\n- Sencha green tea 100 g: €9.90');
    expect(b).toContain('Together, the two items you are asking about come to €48.90, which is €11.10 short of that threshold.');
    expect(c.draft).toMatchObject({ templateId: 'product-info', version: '1.1.0' });
    expectClean(c);
  });

  test('catalogue (fr): a product the customer says they have is not priced', async () => {
    const c = await reply('product_question', 'fr', null, null, "Nous avons la poêle anti-adhésive de 28 cm depuis l'an dernier : le couvercle en verre lui va-t-il, et combien coûte-t-il ?");
    const b = body(c);
    expect(b).toContain('Pour votre poêle anti-adhésive 28 cm, nous proposons le produit complémentaire suivant :\n- Couvercle verre 28 cm : 12,90 €');
    expect(b).not.toContain('34,90 €');
    expectClean(c);
  });

  test("catalogue (fr): two products listed as each other's complements are priced once each, with their sum", async () => {
    const c = await reply('product_question', 'fr', null, null, 'Combien coûtent le moulin à café manuel et la cafetière à piston 8 tasses ? Je voudrais offrir les deux ensemble.');
    const b = body(c);
    expect(b.match(/54,00 €/g)).toHaveLength(1);
    expect(b.match(/29,90 €/g)).toHaveLength(1);
    expect(b).toContain('Ensemble, les deux articles qui vous intéressent font 83,90 € : vous atteignez ce seuil');
    expectClean(c);
  });

  test('catalogue (en): several of one product — the unit price and the threshold, no guessed sum', async () => {
    const c = await reply('product_question', 'en', null, null, 'I would like three insulated bottles for the kids, is delivery free?');
    const b = body(c);
    expect(b).toContain('€24.90');
    expect(b).toContain('delivery is free on orders from €60.00');
    expect(b).not.toMatch(/comes? to|short of/);
    expectClean(c);
  });

  test('gift cards: buying one is a catalogue answer (fr); a problem with a card is for a person, one on its way an order status (en)', async () => {
    const buy = await reply('gift_card', 'fr', null, null, 'Proposez-vous des cartes cadeaux ? Ce serait pour un anniversaire.');
    expect(body(buy)).toContain('Le produit « Carte cadeau 50 € » est au prix de 50,00 €.');
    expect(buy.draft).toMatchObject({ templateId: 'gift-card', version: '1.0.0' });
    expectClean(buy);
    const problem = await reply('gift_card', 'en', 'C0037', null, 'The gift card my brother gave me says the code has expired, can you help?');
    expect(body(problem)).toContain('A member of our team is looking at it personally');
    expect(body(problem)).not.toContain('€50.00');
    expectClean(problem, true);
    const ordered = await reply('gift_card', 'en', 'C0038', 'CMD-10818', 'Has the gift card I ordered for my cousin been sent yet?');
    expect(body(ordered)).toContain('Tracking number: JD685811865');
    expectClean(ordered);
  });

  test('return question before buying (en): the policy, with the price of the product considered', async () => {
    const c = await reply('return_request', 'en', null, null, 'If I buy the digital kitchen scale and it is not right, how long do I have to send it back?');
    expect(body(c)).toContain('You have 30 days after delivery to return an item to us, the Digital kitchen scale (€22.90) included.');
    expect(c.draft).toMatchObject({ templateId: 'return-policy', version: '1.1.0' });
    expectClean(c);
  });
});
