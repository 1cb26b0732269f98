/**
 * The vocabulary of one email's case file, shared by the pure decision code, the activities, the CLI and tests.
 * Workflows import these as types only.
 */
import type { OrderFormat } from './order-format';

export const ROUTES = ['auto', 'review', 'escalate', 'suppress'] as const;
export type Route = (typeof ROUTES)[number];

export const LANGS = ['fr', 'en', 'mixed'] as const;
export type Lang = (typeof LANGS)[number];

export const INTENTS = [
  'order_status', 'delivery_delay', 'missing_item', 'damaged_item', 'return_request', 'refund_request',
  'refund_status', 'cancel_order', 'change_address', 'invoice_request', 'product_question', 'payment_issue',
  'account_access', 'complaint', 'gift_card', 'thanks', 'legal_threat', 'fraud_report', 'gdpr_request',
  'safety_incident', 'prompt_injection', 'auto_reply', 'bounce', 'newsletter', 'spam', 'other',
] as const;
export type Intent = (typeof INTENTS)[number];

export type Sentiment = 'positive' | 'neutral' | 'negative';
export type Urgency = 'low' | 'normal' | 'high';
export type Criticality = 'routine' | 'critical';

export interface Address {
  address: string; // lower-cased
  name: string;
}

export interface AttachmentInfo {
  filename: string | null;
  contentType: string;
  size: number;
  sha256: string;
  inline: boolean;
  /** The text of a small text attachment (.txt, .csv, .md, .html…), cut at 64 KB; scanned for injection only. */
  text?: string;
}

/** What the MIME parser makes of raw bytes. Raw bytes stay in storage; everything here is derived. */
export interface ParsedEmail {
  messageId: string | null; // without angle brackets
  from: Address | null;
  replyTo: Address | null;
  to: Address[];
  subject: string;
  date: string | null; // ISO 8601
  inReplyTo: string | null;
  references: string[];
  /** Selected headers, lower-case names, decoded values (first occurrence). */
  headers: Record<string, string>;
  contentType: string; // top-level MIME type, e.g. multipart/report
  text: string; // the text/plain body, or the HTML rendered as text; \n line ends
  html: string | null;
  /** Text present in the HTML but hidden from a reader (display:none, zero size, white on white...). */
  hiddenHtmlText: string;
  attachments: AttachmentInfo[];
  /** Defects the parser noticed; the email still parsed. */
  problems: string[];
  /** The machine-readable side of a report (bounce DSN, read receipt, abuse report), when there is one. */
  report?: EmailReport | null;
}

/** RFC 3464 delivery-status / RFC 8098 disposition-notification / RFC 5965 feedback-report, as parsed. */
export interface EmailReport {
  reportType: string | null; // report-type parameter of multipart/report, lower-case
  partTypes: string[]; // content types of the report parts found
  fields: Record<string, string>; // lower-case field name -> first value (action, status, feedback-type...)
  recipients: string[]; // failed / final recipients, lower-case
  originalMessageId: string | null; // the message the report is about, without angle brackets
  /** The returned message's Subject, decoded, when the report quotes it (a bounce of one of our replies). */
  originalSubject?: string | null;
}

export interface CleanedBody {
  clean: string; // the sender's new text only
  quoted: string; // quoted or forwarded history
  signature: string; // signature, mobile footer, disclaimer
  /**
   * The clean body as labelled (emails-dev README: it stops before the writer's name), when the writer wrote on below
   * their name (a P.S., an afterthought): `clean` keeps that text, since the questions check and the escalation words
   * read `clean`; the exported `clean_body` is this. Absent when the two are the same.
   */
  beforeName?: string;
  /**
   * What the sender wrote that the cleaner took out of `clean` though it is theirs: a letterhead above the text (a title
   * naming them), and, when their note is written below a forwarded or copied thread, the forwarded message's own
   * text. Not what they ask (so not `clean`), but a risk said there is said to the shop: the risk floors read it
   * (classify.ts). Absent when there is none.
   */
  ownTextSetAside?: string;
}

export type MachineKind = 'auto_reply' | 'bounce' | 'newsletter' | 'spam' | 'system' | 'receipt' | 'abuse_report';

export interface MachineVerdict {
  isMachine: boolean;
  kind: MachineKind | null;
  reasons: string[]; // snake_case, e.g. auto_submitted_header, delivery_status_report
  /** For bounces: the Message-ID of our message that bounced, when found. */
  bouncedMessageId?: string | null;
  bouncedRecipient?: string | null;
}

export type PiiType = 'phone' | 'email' | 'address' | 'iban' | 'card' | 'nir' | 'dob' | 'name';
export interface PiiFinding {
  type: PiiType;
  value: string; // exactly as in the text
}

export interface CustomerRecord {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  language: string;
  vip: boolean;
  ai_opt_out: boolean;
  created_at: string;
  notes: string;
}

export interface OrderItem {
  sku: string;
  qty: number;
  unit_price: number;
}

export interface OrderRecord {
  number: string;
  customer_id: string;
  ordered_at: string;
  status: string;
  items: OrderItem[];
  total: number;
  currency: string;
  shipping_fee: number;
  carrier?: string | null;
  tracking_number?: string | null;
  shipped_at?: string | null;
  estimated_delivery?: string | null;
  delivered_at?: string | null;
  refunded_amount?: number | null;
  return_received_at?: string | null;
  [key: string]: unknown;
}

export interface ProductRecord {
  sku: string;
  name_fr: string;
  name_en: string;
  price: number;
  complementary: string[];
  [key: string]: unknown;
}

export interface ApprovedOffer {
  code: string;
  description_fr: string;
  description_en: string;
  when: string;
  /** Only for VIP customers (the CRM's `vip`, on a sender-verified customer); never offered to anyone else. */
  vip_only?: boolean;
  /** The intents the offer is for: the executable form of `when`, for offers without a rule of their own. */
  intents?: Intent[];
}

export interface ShopPolicies {
  shop_name: string;
  support_address: string;
  website: string;
  return_window_days: number;
  refund_processing_days: string;
  free_shipping_threshold: number;
  refund_double_approval_over: number;
  approved_offers: ApprovedOffer[];
  forbidden_commitments: string[];
  escalation_keywords_fr: string[];
  escalation_keywords_en: string[];
  [key: string]: unknown;
}

/** Read access to the shop's CRM. Implemented over Postgres (production) and over a shop JSON file (CLI, tests). */
export interface CustomerWithOrders {
  customer: CustomerRecord;
  orders: OrderRecord[];
}

/** A first and last name, as customersByName takes them. */
export interface FullName {
  first: string;
  last: string;
}

export interface ShopData {
  policies(): Promise<ShopPolicies>;
  /** The shop's "today" (ISO date). The demo shop pins it; production uses the real date. */
  today(): Promise<string>;
  customerByEmail(email: string): Promise<CustomerRecord | null>;
  customerById(id: string): Promise<CustomerRecord | null>;
  customersByName(firstName: string, lastName: string): Promise<CustomerRecord[]>;
  order(number: string): Promise<OrderRecord | null>;
  ordersOfCustomer(customerId: string): Promise<OrderRecord[]>;
  /** The order whose tracking number this is (case-insensitive), or null. */
  orderByTracking(trackingNumber: string): Promise<OrderRecord | null>;
  /**
   * Optional: a customer (by address, as customerByEmail, or by id) and their orders (as ordersOfCustomer) in one read;
   * null when there is no such customer. RunScopedShop uses it so that a stage needing both reads once.
   */
  customerWithOrders?(by: { email: string } | { id: string }): Promise<CustomerWithOrders | null>;
  /**
   * Optional: customerWithOrders({ email }) and customersByName for each name, in one read (the read stages ask for
   * both: the sender's record, then each full name the text holds). `named[i]` answers `names[i]`.
   */
  senderAndNamed?(email: string, names: readonly FullName[]): Promise<{ sender: CustomerWithOrders | null; named: CustomerRecord[][] }>;
  /** The shape of the shop's order numbers (orderFormatOf over all of them). */
  orderNumberFormat(): Promise<OrderFormat>;
  /** Every order number, upper case, in source order (seeding the knowledge base; not for per-email work). */
  allOrderNumbers(): Promise<string[]>;
  products(): Promise<ProductRecord[]>;
}

/** How an order the mail names without a number was singled out (triage/order-evidence.ts). */
export type OrderEvidence = 'tracking_number' | 'products' | 'amount' | 'order_date' | 'only_open_order' | 'written_without_prefix'
  | 'order_state' | 'latest_order' | 'delivery_date' | 'subject_products' | 'other_format_digits';

export interface Enrichment {
  customerId: string | null;
  /**
   * How the customer was found: by sender address, by an identity the sender claims in the text, or as the owner of
   * the order a third party writes about and names them (on_behalf: the sender stays unverified).
   */
  customerMatch: 'sender' | 'claimed' | 'on_behalf' | 'none';
  /**
   * The order the mail is about: as written by the sender (normalised to upper case), or, when the sender names it
   * only by tracking number, products, amount or as their only open order, that order's number (`orderFoundBy`).
   */
  orderNumber: string | null;
  /** The orders the mail names, as written; in the new text also the sender's own orders by their digits alone. */
  orderNumbersMentioned: string[];
  /** How orderNumber was found: written, or the evidence of order-evidence.ts. */
  orderFoundBy?: 'written' | OrderEvidence;
  /** Orders that fit the mail equally well when nothing chose between them (orderNumber null, flag order_ambiguous). */
  orderCandidates?: string[];
  orderFound: boolean;
  orderOwnedBySender: boolean | null;
  /** A written number one character away from a real order; never silently corrected. */
  lookalikeOf: string | null;
  vip: boolean;
  aiOptOut: boolean;
  flags: string[]; // e.g. unknown_order_number, order_belongs_to_other_customer, sender_not_customer_address
  /** Money amounts written in the new text, e.g. { text: '27,80 €', value: 27.8, currency: 'EUR' }. */
  amountsMentioned?: { text: string; value: number; currency: string | null }[];
  /** Calendar dates written in the new text (ISO). */
  datesMentioned?: string[];
  /** SKUs of the catalogue products the new text refers to as products (reply/product-mentions.ts). */
  productsMentioned?: string[];
}

export interface Classification {
  lang: Lang;
  intent: Intent;
  intentConfidence: number;
  secondaryIntents: Intent[];
  sentiment: Sentiment;
  urgency: Urgency;
  criticality: Criticality;
  /** Signals used by routing, e.g. escalation_keyword, escalation_keyword_defused, prompt_injection, abusive_language. */
  signals: string[];
  /** What a trained head read, for the reviewer: the family and the (masked) sentence that carried it, or a defusal. */
  evidence?: string[];
  confidence: number;
  /**
   * P(the mail wants nothing but information the shop data holds): the calibrated probability pooled over the intents
   * whose automatic reply only informs or thanks (classify.ts INFORMING_INTENTS). Routing reads it instead of
   * `confidence` only when the draft answers every ask with a verified fact. Absent without a calibrated model.
   */
  informConfidence?: number;
  /** The meaning model that classified (its file's `version`); null: rules only. Absent in cases decided before it was recorded. */
  modelVersion?: string | null;
}

export interface ContextSnippet {
  id: string;
  kind: 'policy' | 'product' | 'history';
  text: string;
  score: number;
}

export interface Draft {
  subject: string;
  body: string;
  lang: 'fr' | 'en';
  templateId: string; // or prompt id
  version: string; // template/prompt version
  generator: 'template' | 'llm';
  model?: string | null;
  /** Facts the draft states, with where each came from (for the fact-check and the reviewer). */
  facts: Record<string, string | number | boolean | null>;
  offers: string[];
  /** A/B assignment when a draft experiment runs: chosen by a stable hash of the Message-ID. */
  experiment?: { id: string; variant: string } | null;
  /** How a model call went, when the LLM path was tried (also when it fell back to the template). */
  generation?: DraftGeneration | null;
  /** Documents sent with the reply (an invoice copy), as the text they show; rendered to PDF when sent. */
  attachments?: DraftAttachment[];
  /** The template version (wording_versions, kind `templates`) whose words the draft uses; null: the shipped wording. */
  wordingVersion?: number | null;
  /**
   * Why that version's words could not be used (a phrase variable with no verified value): the draft then carries the
   * shipped wording and the check stage sends it to review (`template_missing_fact`).
   */
  wordingProblem?: string;
  /** The one complementary product the reply names (reply/upsell.ts), and the sentence that names it. */
  upsell?: { sku: string; text: string } | null;
  /** A suggestion the route stage took out because the email is not answered automatically (its SKU). */
  upsellWithdrawn?: string | null;
}

/** A document a reply carries, built from verified shop data (reply/invoice-document.ts). */
export interface DraftAttachment {
  kind: 'invoice';
  filename: string;
  orderNumber: string;
  title: string;
  /** The text the document shows, line by line: fact-checked like the reply, and all the PDF draws. */
  lines: string[];
  total: number;
}

/** One model call behind a draft: prompt, model, tokens and latency, for audit and KPIs. */
export interface DraftGeneration {
  promptId: string;
  promptVersion: string;
  model: string;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
  /** Why the template was used instead (timeout, invalid output…); null when the model's draft was used. */
  fallbackReason: string | null;
}

export interface GuardrailReport {
  passed: boolean;
  fired: string[]; // names of the checks that fired
  details: { check: string; message: string }[];
}

export interface Decision {
  route: Route;
  reasons: string[];
  confidence: number;
  /** Review needs two different approvers (refund above the shop threshold). */
  approvalsRequired: number;
}

/** Everything known about one email after triage. The CLI prints a projection of it. */
export interface EmailCase {
  parsed: ParsedEmail;
  cleaned: CleanedBody;
  machine: MachineVerdict;
  pii: PiiFinding[];
  enrichment: Enrichment | null;
  classification: Classification | null;
  context: ContextSnippet[];
  draft: Draft | null;
  guardrails: GuardrailReport | null;
  decision: Decision | null;
  /** What the shop remembers of this (sender-verified) customer, as the retrieve stage read it (memory/). */
  memory?: CustomerMemory | null;
}

/** Kinds of customer-memory entries (activities/src/memory/README.md). */
export const MEMORY_KINDS = ['summary', 'offer_made', 'offer_refused', 'preference', 'reviewer_note', 'upsell'] as const;
export type MemoryKind = (typeof MEMORY_KINDS)[number];

/** One remembered fact about a customer, PII-masked, as read back from the memory store. */
export interface RememberedEntry {
  id: string;
  kind: MemoryKind;
  lang: 'fr' | 'en';
  /** Masked text: a summary, a note, or the words of a preference/refusal. */
  text: string;
  /** Offer code (offer_made / offer_refused; '*' for offers in general), preference key, or SKU (upsell). */
  code: string | null;
  emailKey: string;
  at: string;
}

/** The customer's memory as the draft uses it and the reviewer sees it. */
export interface CustomerMemory {
  /** Newest first. */
  entries: RememberedEntry[];
  /** Stated preferences, e.g. `no_phone`, `call_evening`. */
  preferences: string[];
  /** Offer codes the customer refused; '*' for offers in general. */
  refusedOffers: string[];
  /** When a complementary product was last suggested to them (ISO), or null. */
  lastUpsellAt: string | null;
}

/** Where an email stands. The workflow owns it; Postgres mirrors it for the review tool and the CLI. */
export const EMAIL_STATES = [
  'received', 'analysing', 'quarantined', 'suppressed', 'waiting_review', 'escalated', 'sending', 'sent', 'rejected',
  'send_failed', 'threaded',
] as const;
export type EmailState = (typeof EMAIL_STATES)[number];
/**
 * States that end the email's handling. `threaded`: a customer's follow-up handed to the open workflow of the
 * email it answers (emails.followup_of); it has no workflow of its own.
 */
export const FINAL_EMAIL_STATES: readonly EmailState[] = ['quarantined', 'suppressed', 'sent', 'rejected', 'send_failed', 'threaded'];
/** States that wait for a person. */
export const WAITING_EMAIL_STATES: readonly EmailState[] = ['waiting_review', 'escalated'];
