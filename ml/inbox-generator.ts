/**
 * A generated support inbox for the inbox map's demo, test and benchmark (`replique gen-inbox`): N raw .eml files,
 * deterministic for a seed, composed from the project's own hand-written phrase banks (data/intent-phrases*.ts,
 * data/risk-phrases.ts: never the labelled fixtures or third-party corpora) and the demo shop's customers, orders and
 * products (shared/fixtures/shop.json). Customer mail in FR and EN with realistic headers (Received, Message-ID,
 * encoded names and subjects, some replies in a thread with the quoted earlier message and signatures with a phone
 * number), plus machine mail (out-of-office replies, bounces, newsletters, carrier notifications).
 *
 * Generated at run time into a temporary or cache folder: the 5,000 files are never committed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CLOSINGS, DAYS, FILLERS, GREETINGS, type Lang } from './data/intent-phrases';
import { THREAD_SUBJECTS } from './data/intent-phrases-4';
import { mulberry32, type Rand } from './logreg';
import { INTENT_PHRASES } from './synthetic';

export interface ShopData {
  customers: { id: string; first_name: string; last_name: string; email: string; language: string }[];
  orders: { number: string; customer_id: string; status: string }[];
  products: { sku: string; name_fr: string; name_en: string }[];
  policies: { support_address: string; shop_name: string };
}

/** What a realistic shop inbox receives, in relative weights: routine questions first, then the rest. */
export const INBOX_MIX: ReadonlyArray<[string, number]> = [
  ['order_status', 20], ['delivery_delay', 11], ['return_request', 8], ['product_question', 8], ['refund_status', 6],
  ['refund_request', 5], ['invoice_request', 5], ['cancel_order', 4], ['damaged_item', 4], ['change_address', 3],
  ['missing_item', 3], ['payment_issue', 3], ['thanks', 3], ['complaint', 3], ['account_access', 1], ['gift_card', 1],
  ['other', 1], ['legal_threat', 0.5], ['fraud_report', 0.5], ['gdpr_request', 0.5], ['safety_incident', 0.5],
  ['machine:auto_reply', 4], ['machine:bounce', 2], ['machine:newsletter', 3], ['machine:carrier', 2],
];

/** The order statuses an intent is plausibly written about. */
const ORDER_STATUSES: Record<string, readonly string[]> = {
  order_status: ['shipped', 'processing'], delivery_delay: ['shipped'], cancel_order: ['processing'], change_address: ['processing'],
  refund_status: ['refunded', 'returned'], refund_request: ['delivered'], return_request: ['delivered'], damaged_item: ['delivered'],
  missing_item: ['delivered'], invoice_request: ['delivered', 'shipped'],
};

/** Short subjects a customer types for each intent (hand-written here; `{order}` is the order number). */
const SUBJECTS: Record<Lang, Record<string, string[]>> = {
  fr: {
    order_status: ['Commande {order}', 'Suivi de ma commande', 'Où en est ma commande ?'], delivery_delay: ['Retard de livraison', 'Colis non reçu {order}'],
    return_request: ['Retour produit', 'Retour {order}'], product_question: ['Question produit', 'Renseignement'], refund_status: ['Remboursement {order}', 'Mon remboursement'],
    refund_request: ['Demande de remboursement'], invoice_request: ['Facture {order}', 'Demande de facture'], cancel_order: ['Annulation commande {order}'],
    damaged_item: ['Article abîmé'], change_address: ["Changement d'adresse"], missing_item: ['Article manquant {order}'],
    payment_issue: ['Problème de paiement'], thanks: ['Merci !'], complaint: ['Réclamation'], account_access: ['Accès à mon compte'],
  },
  en: {
    order_status: ['Order {order}', 'Tracking my order', 'Where is my order?'], delivery_delay: ['Late delivery', 'Parcel not received {order}'],
    return_request: ['Return', 'Returning {order}'], product_question: ['Product question', 'Quick question'], refund_status: ['Refund {order}', 'My refund'],
    refund_request: ['Refund request'], invoice_request: ['Invoice {order}', 'Invoice please'], cancel_order: ['Cancel order {order}'],
    damaged_item: ['Damaged item'], change_address: ['Change of address'], missing_item: ['Missing item {order}'],
    payment_issue: ['Payment problem'], thanks: ['Thank you!'], complaint: ['Complaint'], account_access: ['Account access'],
  },
};

const FREE_MAIL = ['gmail.example', 'outlook.example', 'orange.example', 'laposte.example'];

function encodeWord(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

export interface GeneratedInboxEmail { file: string; kind: string; lang: Lang; raw: string }

/** The emails of a seeded inbox, in file order (`inbox-00001.eml`...). Same seed, same shop: same bytes. */
export function generateInbox(shop: ShopData, count: number, seed = 1): GeneratedInboxEmail[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const total = INBOX_MIX.reduce((s, [, w]) => s + w, 0);
  const kindOf = (): string => {
    let r = rand() * total;
    for (const [k, w] of INBOX_MIX) if ((r -= w) < 0) return k;
    return INBOX_MIX[0]![0];
  };
  const customers = new Map(shop.customers.map((c) => [c.id, c]));
  const support = shop.policies.support_address;
  const domain = support.split('@')[1]!;
  const out: GeneratedInboxEmail[] = [];
  for (let n = 1; n <= count; n++) {
    const file = `inbox-${String(n).padStart(5, '0')}.eml`;
    const date = new Date(Date.UTC(2026, 10, 2, 7, 0, 0) + n * 431_000 + Math.floor(rand() * 300_000)).toUTCString().replace('GMT', '+0000');
    const messageId = `<${seed}.${n}.${Math.floor(rand() * 1e12).toString(36)}@mail.example>`;
    const kind = kindOf();
    if (kind.startsWith('machine:')) {
      out.push({ file, kind, ...machineMail(kind.slice(8), { rand, pick, shop, support, domain, date, messageId }) });
      continue;
    }
    const statuses = ORDER_STATUSES[kind];
    const orders = statuses ? shop.orders.filter((o) => statuses.includes(o.status)) : shop.orders;
    const order = pick(orders.length ? orders : shop.orders);
    const known = rand() < 0.9;
    const customer = known ? customers.get(order.customer_id) ?? pick(shop.customers) : pick(shop.customers);
    const lang: Lang = customer.language === 'en' ? 'en' : 'fr';
    const product = pick(shop.products);
    const productName = lang === 'fr' ? `l'article « ${product.name_fr} »` : `the "${product.name_en}"`;
    const fill = (t: string): string => t
      .replace(/\{order\}/g, () => pick(lang === 'fr' ? [`la commande ${order.number}`, order.number] : [`order ${order.number}`, order.number]))
      .replace(/\{product\}/g, productName)
      .replace(/\{day\}/g, () => pick(DAYS[lang]))
      .replace(/\{n\}/g, () => String(2 + Math.floor(rand() * 12)))
      .replace(/\{amount\}/g, () => (lang === 'fr' ? `${10 + Math.floor(rand() * 200)},90 €` : `€${10 + Math.floor(rand() * 200)}.90`));
    const phrases = INTENT_PHRASES[kind]![lang];
    const parts: string[] = [];
    const greeting = pick(GREETINGS[lang]);
    if (greeting) parts.push(greeting);
    if (rand() < 0.25) parts.push(cap(pick(FILLERS[lang])));
    parts.push(cap(fill(pick(phrases))));
    if (rand() < 0.2) parts.push(cap(fill(pick(phrases))));
    const closing = pick(CLOSINGS[lang]);
    const signature = [closing, `${customer.first_name} ${customer.last_name}`, ...(rand() < 0.3 ? [lang === 'fr' ? `06 ${String(10 + Math.floor(rand() * 89))} 45 67 ${String(10 + Math.floor(rand() * 89))}` : `07700 900 ${100 + Math.floor(rand() * 899)}`] : [])]
      .filter(Boolean).join('\n');
    let body = `${parts.join('\n\n')}\n\n${signature}\n`;
    let subject = fill(pick(SUBJECTS[lang][kind] ?? [lang === 'fr' ? 'Question' : 'Question']).replace(/\{order\}/g, order.number));
    const headers: string[] = [];
    if (rand() < 0.2) {
      // an answer in a thread: the shop's earlier message is quoted below the new text
      const earlier = fill(pick(THREAD_SUBJECTS[lang]).replace(/\{order\}/g, order.number));
      subject = `${lang === 'fr' ? 'RE' : 'Re'}: ${earlier}`;
      const earlierId = `<${seed}.${n}.earlier.reply@${domain}>`;
      headers.push(`In-Reply-To: ${earlierId}`, `References: ${earlierId}`);
      body += lang === 'fr'
        ? `\nLe ${date}, ${shop.policies.shop_name} <${support}> a écrit :\n> Bonjour,\n> Merci pour votre message concernant ${order.number}.\n> L'équipe ${shop.policies.shop_name}\n`
        : `\nOn ${date}, ${shop.policies.shop_name} <${support}> wrote:\n> Hello,\n> Thank you for your message about ${order.number}.\n> The ${shop.policies.shop_name} team\n`;
    }
    const fromAddress = known ? customer.email : `${customer.first_name}.${customer.last_name}${Math.floor(rand() * 90)}@${pick(FREE_MAIL)}`.toLowerCase();
    out.push({ file, kind, lang, raw: message([
      `Received: from mail.example (mail.example [198.51.100.${1 + Math.floor(rand() * 250)}]) by mx.${domain} (Postfix) with ESMTPS; ${date}`,
      `From: ${encodeWord(`${customer.first_name} ${customer.last_name}`)} <${fromAddress}>`,
      `To: ${encodeWord(shop.policies.shop_name)} <${support}>`,
      `Subject: ${encodeWord(subject)}`,
      `Date: ${date}`,
      `Message-ID: ${messageId}`,
      ...headers,
    ], body) });
  }
  return out;
}

function message(headers: string[], body: string, contentType = 'text/plain; charset="utf-8"'): string {
  return `${[...headers, 'MIME-Version: 1.0', `Content-Type: ${contentType}`, 'Content-Transfer-Encoding: 8bit'].join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`;
}

interface MachineContext {
  rand: Rand; pick: <T>(xs: readonly T[]) => T; shop: ShopData; support: string; domain: string; date: string; messageId: string;
}

function machineMail(kind: string, m: MachineContext): { lang: Lang; raw: string } {
  const customer = m.pick(m.shop.customers);
  const fr = customer.language !== 'en';
  const base = [`Date: ${m.date}`, `Message-ID: ${m.messageId}`, `To: ${m.support}`];
  switch (kind) {
    case 'auto_reply':
      return { lang: fr ? 'fr' : 'en', raw: message([
        `From: ${encodeWord(`${customer.first_name} ${customer.last_name}`)} <${customer.email}>`, ...base,
        `Subject: ${encodeWord(fr ? 'Réponse automatique : absent(e) du bureau' : 'Automatic reply: Out of office')}`,
        'Auto-Submitted: auto-replied', 'X-Autoreply: yes',
      ], fr ? `Bonjour,\n\nJe suis absent(e) jusqu'au ${m.pick(DAYS.fr)} avec un accès limité à mes messages.\n\n${customer.first_name}\n`
        : `Hello,\n\nI am out of the office until ${m.pick(DAYS.en)} with limited access to email.\n\n${customer.first_name}\n`) };
    case 'bounce': {
      const boundary = `dsn-${Math.floor(m.rand() * 1e9).toString(36)}`;
      return { lang: 'en', raw: message([
        `From: Mail Delivery System <MAILER-DAEMON@mx.${m.domain}>`, ...base, 'Subject: Undelivered Mail Returned to Sender', 'Auto-Submitted: auto-replied',
      ], [`--${boundary}`, 'Content-Type: text/plain; charset=us-ascii', '',
        `This is the mail system at host mx.${m.domain}.`, 'Your message could not be delivered to one or more recipients.', '',
        `--${boundary}`, 'Content-Type: message/delivery-status', '', `Reporting-MTA: dns; mx.${m.domain}`, '',
        `Final-Recipient: rfc822; ${customer.email}`, 'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: smtp; 550 5.1.1 user unknown', '',
        `--${boundary}--`, ''].join('\n'), `multipart/report; report-type=delivery-status; boundary="${boundary}"`) };
    }
    case 'newsletter': {
      const sender = m.pick(['news@marketplace-weekly.example', 'offres@fournisseur-emballage.example', 'hello@saas-tools.example']);
      const frNews = sender.includes('emballage');
      return { lang: frNews ? 'fr' : 'en', raw: message([
        `From: ${frNews ? 'Fournisseur Emballage' : 'Weekly News'} <${sender}>`, ...base,
        `Subject: ${encodeWord(frNews ? 'Nos offres de la semaine' : 'This week: new features and offers')}`,
        `List-Unsubscribe: <https://${sender.split('@')[1]}/unsubscribe>`, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click', 'Precedence: bulk',
      ], frNews ? 'Découvrez nos cartons et papiers de soie à -20 % cette semaine.\n\nSe désabonner : lien ci-dessus.\n'
        : "Read about our new features and this week's offers.\n\nUnsubscribe: link above.\n") };
    }
    default: {
      const order = m.pick(m.shop.orders);
      return { lang: 'fr', raw: message([
        'From: Suivi Colis <noreply@tracking.carrier.example>', ...base,
        `Subject: ${encodeWord(`Votre colis ${order.number} est en cours de livraison`)}`, 'Auto-Submitted: auto-generated', 'Precedence: bulk',
      ], `Bonjour,\n\nVotre colis ${order.number} sera livré demain entre 9h et 13h.\n\nCeci est un message automatique, merci de ne pas y répondre.\n`) };
    }
  }
}

/** Writes the inbox into `dir` (created); returns the file count. */
export async function writeInbox(dir: string, shop: ShopData, count: number, seed = 1): Promise<number> {
  await mkdir(dir, { recursive: true });
  const emails = generateInbox(shop, count, seed);
  for (const e of emails) await writeFile(path.join(dir, e.file), e.raw);
  return emails.length;
}
