/**
 * Test support for reply/: the shared demo shop (../shared/fixtures/shop.json) through the JSON adapter, and an
 * EmailCase builder. Tests may patch the loaded data (e.g. record an offer already granted) before building the shop.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JsonShopData, shopFileSchema } from '../../adapters/shop-json';
import type { TriageDeps } from '../../triage/pipeline';
import { checkDraft } from '../check-draft';
import { draftReply } from '../draft-reply';
import { EmbeddedContextStore } from '../embedded-context-store';
import type {
  Classification, CustomerRecord, EmailCase, Enrichment, Intent, Lang, OrderRecord, ProductRecord, ShopData, ShopPolicies,
} from '../../domain/types';

export const SHOP_FILE = path.resolve(__dirname, '../../../../../shared/fixtures/shop.json');

export interface ShopFile {
  policies: ShopPolicies;
  products: ProductRecord[];
  customers: CustomerRecord[];
  orders: OrderRecord[];
  today: string;
}

export function readShopFile(): ShopFile {
  return JSON.parse(readFileSync(SHOP_FILE, 'utf8')) as ShopFile;
}

/** The shop through the real JSON adapter (validated), over possibly patched data. */
export function fixtureShop(data: ShopFile = readShopFile()): ShopData {
  return new JsonShopData(shopFileSchema.parse(data));
}

export interface CaseSpec {
  text?: string;
  intent?: Intent;
  lang?: Lang;
  customerId?: string | null;
  orderNumber?: string | null;
  customerMatch?: Enrichment['customerMatch'];
  from?: string;
  messageId?: string;
  signals?: string[];
  quoted?: string;
  hidden?: string;
}

/** An EmailCase after enrich and classify, as the reply stages receive it. */
export function makeCase(spec: CaseSpec, data: ShopFile = readShopFile()): EmailCase {
  const customer = spec.customerId ? data.customers.find((c) => c.id === spec.customerId) ?? null : null;
  const order = spec.orderNumber ? data.orders.find((o) => o.number === spec.orderNumber) ?? null : null;
  const classification: Classification = {
    lang: spec.lang ?? 'fr',
    intent: spec.intent ?? 'other',
    intentConfidence: 0.9,
    secondaryIntents: [],
    sentiment: 'neutral',
    urgency: 'normal',
    criticality: 'routine',
    signals: spec.signals ?? [],
    confidence: 0.9,
  };
  return {
    parsed: {
      messageId: spec.messageId ?? `test-${spec.intent ?? 'other'}-${spec.orderNumber ?? 'none'}@example.test`,
      from: { address: spec.from ?? customer?.email ?? 'someone@example.test', name: customer ? `${customer.first_name} ${customer.last_name}` : '' },
      replyTo: null,
      to: [{ address: data.policies.support_address, name: '' }],
      subject: 'Question',
      date: `${data.today}T09:00:00Z`,
      inReplyTo: null,
      references: [],
      headers: {},
      contentType: 'text/plain',
      text: spec.text ?? '',
      html: null,
      hiddenHtmlText: spec.hidden ?? '',
      attachments: [],
      problems: [],
    } as EmailCase['parsed'],
    cleaned: { clean: spec.text ?? '', quoted: spec.quoted ?? '', signature: '' },
    machine: { isMachine: false, kind: null, reasons: [] },
    pii: [],
    enrichment: {
      customerId: customer?.id ?? null,
      customerMatch: spec.customerMatch ?? (customer ? 'sender' : 'none'),
      orderNumber: spec.orderNumber ?? null,
      orderNumbersMentioned: spec.orderNumber ? [spec.orderNumber] : [],
      orderFound: order !== null,
      orderOwnedBySender: order && customer ? order.customer_id === customer.id : null,
      lookalikeOf: null,
      vip: customer?.vip ?? false,
      aiOptOut: customer?.ai_opt_out ?? false,
      flags: [],
    } as Enrichment,
    classification,
    context: [],
    draft: null,
    guardrails: null,
    decision: null,
  };
}

/** Dependencies for the reply stages: the fixture shop, an empty in-memory context store, no routing policy needed. */
export function replyDeps(shop: ShopData = fixtureShop()): TriageDeps {
  return { shop, policy: {} as TriageDeps['policy'], context: new EmbeddedContextStore() };
}

/** Draft then check one case, as the pipeline does. */
export async function draftAndCheck(c: EmailCase, deps: TriageDeps = replyDeps()): Promise<EmailCase> {
  return checkDraft(await draftReply(c, deps), deps);
}
