/** The CLI's projection of a case: one JSON object per email (the scorer reads it). */
import type { EmailCase } from '../domain/types';
import { labelledCleanBody } from '../mail/clean-body';

export interface TriageLine {
  file: string;
  message_id: string | null;
  from: string | null;
  subject: string;
  lang: string | null;
  intent: string | null;
  sentiment: string | null;
  urgency: string | null;
  criticality: string | null;
  route: string;
  route_reasons: string[];
  approvals_required: number;
  confidence: number;
  /** The classifier's probability for `intent` (before routing caps such as multi-question). */
  intent_confidence: number | null;
  /** The meaning model that classified (its file's `version`); null: rules only. */
  model_version: string | null;
  customer_id: string | null;
  order_number: string | null;
  flags: string[];
  signals: string[];
  /** The trained risk head's reading (family and masked sentence, or a defusal), when it spoke. */
  evidence?: string[];
  machine: string | null;
  clean_body: string;
  pii: { type: string; value: string }[];
  /** `attachments`: the file names of the documents the reply carries (an invoice PDF), when it carries any. */
  draft: { subject: string; body: string; attachments?: string[] } | null;
  guardrails: string[];
}

export function toTriageLine(file: string, c: EmailCase): TriageLine {
  const cls = c.classification;
  return {
    file,
    message_id: c.parsed.messageId,
    from: c.parsed.from?.address ?? null,
    subject: c.parsed.subject,
    lang: cls?.lang ?? null,
    intent: cls?.intent ?? null,
    sentiment: cls?.sentiment ?? null,
    urgency: cls?.urgency ?? null,
    criticality: cls?.criticality ?? null,
    route: c.decision?.route ?? 'review',
    route_reasons: c.decision?.reasons ?? ['no_decision'],
    approvals_required: c.decision?.approvalsRequired ?? 1,
    confidence: c.decision?.confidence ?? 0,
    intent_confidence: cls?.intentConfidence ?? null,
    model_version: cls?.modelVersion ?? null,
    customer_id: c.enrichment?.customerId ?? null,
    order_number: c.enrichment?.orderNumber ?? null,
    flags: c.enrichment?.flags ?? [],
    signals: cls?.signals ?? [],
    ...(cls?.evidence?.length ? { evidence: cls.evidence } : {}),
    machine: c.machine.isMachine ? c.machine.kind : null,
    clean_body: labelledCleanBody(c.cleaned),
    pii: c.pii.map((p) => ({ type: p.type, value: p.value })),
    draft: c.draft
      ? { subject: c.draft.subject, body: c.draft.body, ...(c.draft.attachments?.length ? { attachments: c.draft.attachments.map((a) => a.filename) } : {}) }
      : null,
    guardrails: c.guardrails?.fired ?? [],
  };
}

/** The line for bytes that could not be parsed as an email: never skipped, always a person's look. */
export function quarantineLine(file: string, reason: string): Record<string, unknown> {
  return {
    file, message_id: null, lang: null, intent: null, sentiment: null, urgency: null, criticality: null,
    route: 'review', route_reasons: ['quarantined', reason], quarantined: reason, confidence: 0,
    customer_id: null, order_number: null, clean_body: '', pii: [], draft: null, guardrails: [],
  };
}
