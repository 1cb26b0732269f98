/**
 * The ordered stage list of triage: the CLI runs it in a row, the workflow runs the same functions one activity at a
 * time. parse (raw bytes → case) comes first and is not a CaseStage; see triage.ts.
 */
import type { EmailCase, ParsedEmail } from '../domain/types';
import { cleanBody } from '../mail/clean-body';
import { orderNumberPattern } from '../mail/customer-voice';
import { detectMachineMail } from '../mail/machine-mail';
import { isOwnReplyMessageId } from '../mail/own-message-id';
import { checkDraft } from '../reply/check-draft';
import { draftReply } from '../reply/draft-reply';
import { withdrawUnlessAuto } from '../reply/upsell';
import { retrieveContext } from '../reply/retrieve-context';
import { classifyEmail } from './classify';
import { enrichEmail } from './enrich';
import { findPii } from './pii';
import { fullNameCandidates } from './pii-names';
import type { CaseStage } from './pipeline';
import { routeEmail } from './route';

export const cleanStage: CaseStage = async (c) => ({ ...c, cleaned: cleanBody(c.parsed) });

/**
 * A bounce returning one of our replies' Message-IDs (`….reply@<support domain>`) is marked bounce_of_shop_reply.
 * The shop's domains and name (look-alike senders), whether the sender is a customer on file and the shape of the
 * shop's order numbers let the text-only rules tell unsolicited mail from a customer's.
 */
export const machineStage: CaseStage = async (c, deps) => {
  const policies = await deps.shop.policies();
  const isOwnMessageId = isOwnReplyMessageId(policies.support_address);
  const sender = c.parsed.from?.address ?? null;
  const senderIsCustomer = sender ? (await deps.shop.customerByEmail(sender)) !== null : false;
  const format = await deps.shop.orderNumberFormat();
  const website = /^(?:https?:\/\/)?([^/:]+)/i.exec(policies.website ?? '')?.[1] ?? '';
  const shop = { domains: [policies.support_address.split('@')[1] ?? '', website], name: policies.shop_name };
  return {
    ...c,
    machine: detectMachineMail(c.parsed, c.cleaned, {
      isOwnMessageId, shop, senderIsCustomer, orderNumber: orderNumberPattern(format.prefix, format.digits),
    }),
  };
};

/** What the PII stage looks through: subject, text and hidden text (the worker reads its names ahead from the same). */
export function piiScanText(parsed: ParsedEmail): string {
  return [parsed.subject, parsed.text, parsed.hiddenHtmlText].filter(Boolean).join('\n');
}

/**
 * PII over everything the decoded email holds: subject and text (quotes and signature included), and the text
 * hidden from its reader (hidden HTML, plain-part lines the HTML does not show), which a reply must not echo either.
 * The shop's customer records help both ways: the writer's own record names the writer (never a third party), and
 * any other customer written in full is a third party.
 */
export const piiStage: CaseStage = async (c, deps) => {
  const policies = await deps.shop.policies();
  const text = piiScanText(c.parsed);
  const senderAddress = c.parsed.from?.address ?? null;
  const writer = senderAddress ? await deps.shop.customerByEmail(senderAddress) : null;
  const writerName = writer ? `${writer.first_name} ${writer.last_name}` : null;
  const knownPeople: string[] = [];
  for (const { first, last } of fullNameCandidates(text)) {
    const found = await deps.shop.customersByName(first, last);
    if (found.length > 0 && !found.some((k) => k.id === writer?.id)) knownPeople.push(`${first} ${last}`);
  }
  const pii = findPii(text, {
    senderAddress,
    shopAddress: policies.support_address,
    senderName: c.parsed.from?.name ?? null,
    ownNames: [policies.shop_name, ...(writerName ? [writerName] : [])],
    knownPeople,
  });
  return { ...c, pii };
};

declare module './pipeline' {
  interface TriageDeps {
    /** The draft stage a process configured (reply-setup.ts: LLM drafter, A/B experiment); absent: templates. */
    draftReply?: CaseStage;
  }
}

export interface NamedStage {
  name: string;
  run: CaseStage;
  /**
   * The stage verifies against the shop as it is now, never an earlier stage's read of it: an order relabelled or a
   * customer opted out while the draft was being written must be seen (the worker's EmailScopedShops).
   */
  readsShopNow?: true;
}

export const TRIAGE_STAGES: readonly NamedStage[] = [
  { name: 'clean', run: cleanStage },
  { name: 'machine', run: machineStage },
  { name: 'pii', run: piiStage },
  { name: 'enrich', run: enrichEmail },
  { name: 'classify', run: classifyEmail },
  { name: 'retrieve', run: retrieveContext },
  { name: 'draft', run: (c, deps) => (deps.draftReply ?? draftReply)(c, deps) },
  { name: 'check', run: checkDraft, readsShopNow: true },
  // A complementary-product suggestion stays only in a reply sent automatically (reply/upsell.ts).
  { name: 'route', run: async (c, deps) => withdrawUnlessAuto(await routeEmail(c, deps)), readsShopNow: true },
];

/**
 * The worker's split of the list: `readEmail` runs READ_STAGES right after parsing (and records a bounce of one of our
 * replies), then one activity per DECISION_STAGES entry. The CLI follows the same split (triage.ts decideRaw).
 */
export const READ_STAGES: readonly NamedStage[] = TRIAGE_STAGES.filter((s) => ['clean', 'machine', 'pii'].includes(s.name));
export const DECISION_STAGES: readonly NamedStage[] = TRIAGE_STAGES.filter((s) => !READ_STAGES.includes(s));

/** A case with only the parse done: the input of the first stage. */
export function newCase(parsed: ParsedEmail): EmailCase {
  return {
    parsed,
    cleaned: { clean: '', quoted: '', signature: '' },
    machine: { isMachine: false, kind: null, reasons: [] },
    pii: [],
    enrichment: null,
    classification: null,
    context: [],
    draft: null,
    guardrails: null,
    decision: null,
  };
}
