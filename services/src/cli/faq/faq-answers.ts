/**
 * An FAQ answer is the reply Réplique would send automatically to the question: the question is triaged as an email
 * from an unknown visitor (the same stages as `replique triage`), and kept only when the triage routes it `auto`
 * with no guardrail fired (its facts verified against the shop's data). The answer is the draft's text without its
 * greeting and signature (and without any product suggestion), with the facts it states. Never free text.
 */
import { buildReplyContext } from '@replique/activities/reply/reply-context';
import { greeting, signature } from '@replique/activities/reply/templates/template-kit';
import type { TriageDeps } from '@replique/activities/triage/pipeline';
import { decideRaw } from '@replique/activities/triage/triage';
import { freshMemory } from '../triage-command';
import type { FaqQuestion } from './faq-questions';

export interface FaqEntry extends FaqQuestion {
  /** The answer's paragraphs, as the reply template words them. */
  answer: string[];
  /** The shop values the answer states (the draft's facts), by key. */
  facts: Record<string, string | number | boolean | null>;
  templateId: string;
  templateVersion: string;
}

export type FaqVerdict = { ok: true; entry: FaqEntry } | { ok: false; question: FaqQuestion; reason: string };

function questionEmail(q: FaqQuestion, supportAddress: string, n: number): Buffer {
  const subject = q.lang === 'fr' ? 'Question' : 'Question';
  return Buffer.from([
    `From: Visitor <faq-visitor-${n}@faq.invalid>`, `To: ${supportAddress}`, `Subject: ${subject}`,
    `Message-ID: <faq-${n}@faq.invalid>`, 'Date: Sun, 06 Dec 2026 09:00:00 +0000', 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: 8bit', '', q.question, '',
  ].join('\r\n'), 'utf8');
}

export async function answerQuestion(q: FaqQuestion, deps: TriageDeps, n: number): Promise<FaqVerdict> {
  const policies = await deps.shop.policies();
  // decided as `replique triage` decides, with a memory of its own: each question is a visitor's first message
  const memory = freshMemory();
  const c = await decideRaw(questionEmail(q, policies.support_address, n), { ...deps, ...memory }, memory.decisionLog);
  const fired = c.guardrails?.fired ?? [];
  if (c.decision?.route !== 'auto' || !c.draft || fired.length) {
    return { ok: false, question: q, reason: `${c.decision?.route ?? 'no decision'}: ${[...(c.decision?.reasons ?? []), ...fired].join(', ')}` };
  }
  if (c.draft.lang !== q.lang) return { ok: false, question: q, reason: `answered in ${c.draft.lang}` };
  const ctx = await buildReplyContext(c, deps.shop);
  const head = `${greeting(ctx)}\n\n`;
  const tail = `\n\n${signature(ctx)}`;
  let body = c.draft.body;
  if (!body.startsWith(head) || !body.endsWith(tail)) return { ok: false, question: q, reason: 'draft without the shipped greeting and signature' };
  body = body.slice(head.length, body.length - tail.length);
  if (c.draft.upsell?.text) body = body.replace(c.draft.upsell.text, '');
  const answer = body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  return { ok: true, entry: { ...q, answer, facts: c.draft.facts, templateId: c.draft.templateId, templateVersion: c.draft.version } };
}
