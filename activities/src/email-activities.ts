/**
 * The activities of emailWorkflow, built over injected adapters. Each is one retryable, idempotent step:
 * load the case file from Postgres, run one pure stage (the same function the `triage` CLI runs), save it,
 * and leave a trace: an audit row that is also an event of `email.events`, queued in the outbox by the same statement
 * (the relay publishes it: adapters/kafka/event-relay.ts), so no activity waits on Kafka. Business outcomes are
 * results, not errors. Data Postgres refuses fails the activity at once, without retries (data-error-failures.ts).
 */
import { ApplicationFailure } from '@temporalio/activity';
import type {
  EmailActivities,
  EmailRef,
  FollowUpSummary,
  ReadOutcome,
  RememberResult,
  RouteSummary,
  SendRequest,
  SendResult,
  StageSummary,
} from './activity-contracts';
import type { EmailCase } from './domain/types';
import { QuarantineError } from './mail/quarantine';
import { parseEmail } from './mail/parse-email';
import { newCase, piiScanText, READ_STAGES, TRIAGE_STAGES, type NamedStage } from './triage/stages';
import { runStages } from './triage/triage';
import type { TriageDeps } from './triage/pipeline';
import type { Pool } from './adapters/pg/pool';
import { loadRawEmail } from './adapters/pg/raw-emails';
import { loadCase, markThreaded, saveCase, setEmailState } from './adapters/pg/emails';
import { CaseFiles } from './adapters/pg/case-files';
import { EmailScopedShops, RunScopedShop } from './adapters/run-scoped-shop';
import { appendAudit, type AuditOfChange, type ChangeRider } from './adapters/pg/audit-log';
import type { EmailEventInput } from './adapters/kafka/email-event';
import { decisionRider } from './adapters/pg/decisions';
import { sealDraftRider } from './adapters/pg/drafts';
import { recordReviewerAction, reviewerActionsOf } from './adapters/pg/reviewer-actions';
import { memoryOfClosedEmail } from './memory/email-memory';
import { sendReply, SendOutcomeUnknownError } from './adapters/smtp/smtp-sender';
import { SmtpSendError } from './adapters/smtp/smtp-errors';
import type { SmtpTransport } from './adapters/smtp/smtp-transport';
import { composeReply, UnsafeReplyError } from './outbound/compose-reply';
import type { ReplyLinkSettings } from './outbound/reply-links';
import { checkEditedText, judgeEdit } from './reply/check-edit';
import { renderAttachment } from './outbound/render-attachment';
import { storeReplyAttachment } from './adapters/pg/reply-attachments';
import { ErasedFieldError, type FieldVault } from './adapters/vault/field-vault';
import { openTextsIn, sealText } from './adapters/vault/sealed-text';
import { createLogger } from './logger';
import { failFastOnDataErrors } from './data-error-failures';
import { isVerifiedVip } from './domain/vip';
import { PgBounceLog, recordShopReplyBounce } from './adapters/pg/bounces';
import { shopReplyBounceOf } from './mail/own-message-id';
import type { PolicySource } from './adapters/pg/live-policy';
import type { WordingSource } from './adapters/pg/live-wording';
import type { ModelSource } from './adapters/pg/live-model';
import { getSend } from './adapters/pg/sent-mail';
import { readRouteMemory } from './adapters/pg/route-memory';
import { PgAutoReplyLog } from './adapters/pg/auto-reply-log';
import { routeQuestionsOf } from './triage/route';
import { fullNameCandidates } from './triage/pii-names';
import { kpiDimensionsOf } from './kpi/kpi-dimensions';
import { rolloutAdmits } from './triage/rollout-cohort';
import { distance } from 'fastest-levenshtein';

const log = createLogger('activities.email');

/** What a trace says: IDs, verdicts, reasons, hashes; never a body, a subject or an address. */
type EventData = NonNullable<EmailEventInput['data']>;
/** An audit row whose data can also go on `email.events`. */
type TraceOf = AuditOfChange & { data: EventData };

export interface EmailActivityDeps {
  db: Pool;
  /** Seals the customer text the activities store (case files, drafts, reviewer edits, reply documents). */
  vault: FieldVault;
  triage: TriageDeps;
  smtp: SmtpTransport;
  /** The signed links every reply carries (rating, a person next time); null: replies go out without them. */
  replyLinks: ReplyLinkSettings | null;
  /**
   * The live policy (policy_versions, refreshed by LISTEN/NOTIFY and a short poll): each stage runs with the version
   * in force when it starts, the route records it, and its kill switch holds automatic sends. Without it, the
   * policy of `triage` is used throughout and nothing is held.
   */
  policy?: PolicySource;
  /**
   * The template and prompt versions in force (wording_versions, refreshed like the policy): the draft stage writes
   * with them and the draft records which. Without it, the shipped wording.
   */
  wording?: WordingSource;
  /**
   * The meaning model in force (model_versions, refreshed like the policy): the classify stage reads with it and the
   * classification records which. Without it, the model of `triage`.
   */
  model?: ModelSource | null;
}

/**
 * A follow-up is triaged to be shown and weighed (is it risky?), not answered: no draft (which may be a slow model
 * call) and no draft check, so its route says what the text alone calls for.
 */
const FOLLOW_UP_STAGES = TRIAGE_STAGES.filter((s) => s.name !== 'draft' && s.name !== 'check');

export function createEmailActivities(givenDeps: EmailActivityDeps): EmailActivities {
  // Routing checks addresses that hard-bounced our replies (recipient_bouncing), unless the caller brought its own log.
  const deps = { ...givenDeps, triage: { bounces: new PgBounceLog(givenDeps.db), ...givenDeps.triage } };
  // Every step leaves a trace: an audit row queued as an event of `email.events` (the outbox). Where the step changes
  // the email's row, the audit row is written by the same statement (one round trip: the stage's save and its trace).
  const auditOf = (emailKey: string, stage: string, event: string, data: EventData = {}): TraceOf =>
    ({ stage, event, data, auditKey: `${emailKey}:${stage}:${event}`, publish: true });
  const trace = async (emailKey: string, stage: string, event: string, data: EventData = {}) => {
    await appendAudit(deps.db, { emailKey, ...auditOf(emailKey, stage, event, data) });
  };

  // The case files of the emails being analysed, kept between this worker's stages (checked at each save).
  const caseFiles = new CaseFiles(deps.db, deps.vault);

  // The shop's customers and orders read once per email's analysis, shared by its stages (run-scoped-shop.ts), except by
  // the stages that read the shop as it is now (`readsShopNow`: the fact-check and the route).
  // An erasure anywhere drops them with the vault's keys (customer records are the erased customer's data too).
  const emailShops = new EmailScopedShops(deps.triage.shop);
  deps.vault.whenKeysForgotten(() => emailShops.forget());
  const shopReadFor = (stage: NamedStage, emailKey: string): string | undefined => (stage.readsShopNow ? undefined : emailKey);

  /**
   * The triage deps for one activity run: the policy in force now, and its version (null without a live policy); the
   * shop's customers and orders as this email's analysis read them (`emailKey`), or read once for this run.
   */
  const triageNow = (emailKey?: string): { triage: TriageDeps; policyVersion: number | null } => {
    const live = deps.policy?.current();
    const source = deps.wording;
    const wording = source
      ? { wording: source.templates(), prompt: source.prompt(), wordingAt: (v: number) => source.templatesAt(v), promptAt: (v: number) => source.promptAt(v) }
      : {};
    const shop = emailKey ? emailShops.of(emailKey) : new RunScopedShop(deps.triage.shop);
    const triage = { ...deps.triage, shop, ...wording, ...deps.model?.current().deps };
    return live ? { triage: { ...triage, policy: live.routing }, policyVersion: live.version } : { triage, policyVersion: null };
  };

  const openDecisionTexts = <T>(request: T): Promise<T> => openTexts(deps.vault, request);
  const requireCase = async (emailKey: string): Promise<EmailCase> => {
    const emailCase = await loadCase(deps.db, deps.vault, emailKey);
    if (!emailCase) throw ApplicationFailure.nonRetryable(`no case file for email ${emailKey}`, 'CaseMissing');
    return emailCase;
  };

  const editDistanceFromDraft = async (emailKey: string, body: string): Promise<number | null> => {
    const draft = (await loadCase(deps.db, deps.vault, emailKey))?.draft;
    return draft ? distance(draft.body, body) : null;
  };

  /**
   * One CaseStage: load, run, save, trace. Re-running it gives the same case (stages are pure): it starts from the case
   * file this worker saved last when that is still the stored one, else from Postgres (case-files.ts).
   */
  // The caller gets the updated case too, so it never reads it back from Postgres.
  // `riders`: rows the stage's save writes too, in its statement (the draft's row).
  const runStage = async (
    stage: NamedStage, emailKey: string, notes: (c: EmailCase) => string[], riders?: (updated: EmailCase) => Promise<ChangeRider[]>,
  ) => {
    const { triage } = triageNow(shopReadFor(stage, emailKey));
    const ran = await caseFiles.runOnCase(emailKey, async (emailCase) => {
      const updated = await stage.run(emailCase, triage);
      const summary: StageSummary = { stage: stage.name, notes: notes(updated) };
      return { summary, updated, riders: riders ? await riders(updated) : [] };
    }, ({ summary, riders }) => ({ audit: auditOf(emailKey, stage.name, 'done', { notes: summary.notes }), riders }));
    if (!ran) throw ApplicationFailure.nonRetryable(`no case file for email ${emailKey}`, 'CaseMissing');
    return ran;
  };
  const stageActivity = (name: string, notes: (c: EmailCase) => string[] = () => []) => {
    const stage = stageNamed(name);
    return async ({ emailKey }: EmailRef): Promise<StageSummary> => (await runStage(stage, emailKey, notes)).summary;
  };
  /**
   * The kill switch, checked at each attempt of an automatic send (in memory: the live policy): the reply is held
   * and the workflow hands the email to a person. An earlier attempt that reached the SMTP server is not held: the
   * send path below returns its result, or says its outcome is unknown, so nothing is sent twice.
   */
  const holdForKillSwitch = async (request: SendRequest): Promise<SendResult | null> => {
    if (request.mode !== 'automatic' || !deps.policy?.current().killSwitch) return null;
    const earlier = await getSend(deps.db, `${request.emailKey}:reply`);
    if (earlier && earlier.status !== 'failed') return null;
    await trace(request.emailKey, 'send', 'held', { reason: 'automation_paused', policyVersion: deps.policy.current().version });
    return { held: 'automation_paused' };
  };
  /**
   * The read stages' shop reads in one statement: the sender's record (machine, pii stages) and the customers of each
   * full name in the text the pii stage looks through (triage/stages.ts piiScanText), which it
   * asks one name at a time. A name it asks that is not read here is read then, as before.
   */
  const readSenderAndNames = async (emailKey: string, parsed: EmailCase['parsed']): Promise<void> => {
    const sender = parsed.from?.address;
    if (!sender) return;
    await emailShops.of(emailKey).readSenderAndNames(sender, fullNameCandidates(piiScanText(parsed)));
  };

  /**
   * The route's reads of Postgres in one statement: its conversation, and the answers of the auto-reply and bounce
   * logs when they are Postgres's own (the questions the route stage asks: triage/route.ts; another question, or
   * another log, is asked as before).
   */
  const routeMemoryOf = async (emailKey: string, emailCase: EmailCase, triage: TriageDeps) => {
    const ask = { emailKey, ...routeQuestionsOf(emailCase.parsed) };
    const { autoReplies, bounces } = triage;
    const memory = await readRouteMemory(deps.db, ask, { autoReplies: autoReplies ?? new PgAutoReplyLog(deps.db), bounces: bounces ?? new PgBounceLog(deps.db) });
    const routeDeps: TriageDeps = {
      ...triage,
      ...(autoReplies instanceof PgAutoReplyLog ? { autoReplies: memory.autoReplies } : {}),
      ...(bounces instanceof PgBounceLog ? { bounces: memory.bounces } : {}),
    };
    return { conversation: memory.conversationId, routeDeps };
  };
  const draftStage = stageNamed('draft');
  const routeStage = stageNamed('route');

  // Postgres refusing an email's data ends the email at once (the workflow quarantines or escalates it) instead of
  // retrying the same refusal; the bookkeeping steps keep retrying (data-error-failures.ts).
  return failFastOnDataErrors<EmailActivities>({
    async readEmail({ emailKey, rawId }): Promise<ReadOutcome> {
      const raw = await loadRawEmail(deps.db, deps.vault, rawId, emailKey);
      let parsed;
      try {
        parsed = await parseEmail(raw);
      } catch (error) {
        if (!(error instanceof QuarantineError)) throw error;
        await trace(emailKey, 'read', 'quarantined', { reason: error.reason });
        return { status: 'quarantined', reason: error.reason };
      }
      await readSenderAndNames(emailKey, parsed);
      const emailCase = await runStages(newCase(parsed), triageNow(emailKey).triage, READ_STAGES);
      const bounce = shopReplyBounceOf(emailKey, emailCase); // a bounce of one of our replies: link it back, mark the address
      if (bounce) await recordShopReplyBounce(deps.db, bounce);
      const { isMachine, reasons } = emailCase.machine;
      const done = auditOf(emailKey, 'read', 'done', { machine: isMachine, reasons, problems: parsed.problems });
      await caseFiles.save(emailKey, emailCase, done);
      return { status: 'read', machine: isMachine, machineReasons: reasons };
    },

    enrichEmail: stageActivity('enrich', (c) => c.enrichment?.flags ?? []),
    classifyEmail: stageActivity('classify', (c) => (c.classification ? [c.classification.intent, c.classification.lang] : [])),
    retrieveContext: stageActivity('retrieve', (c) => c.context.map((s) => s.id)),

    async draftReply({ emailKey }) {
      // The draft's row goes with the case file's save (one statement).
      const { summary } = await runStage(
        draftStage, emailKey, (c) => (c.draft ? [c.draft.templateId, c.draft.version, `templates@${c.draft.wordingVersion ?? 'shipped'}`] : ['no_draft']),
        async (c) => (c.draft ? [await sealDraftRider(deps.vault, { draftKey: `${emailKey}:draft`, emailKey, draft: c.draft })] : []),
      );
      return summary;
    },

    checkDraft: stageActivity('check', (c) => c.guardrails?.fired ?? []),

    async routeEmail({ emailKey }): Promise<RouteSummary> {
      const { triage, policyVersion } = triageNow(shopReadFor(routeStage, emailKey));
      // The case file, its route and intent, the stage's trace, the route's event and the decision's row: one statement
      // (case-files.ts).
      const ran = await caseFiles.runOnCase(emailKey, async (before) => {
        // The email's conversation, auto-reply counts and bounce: one read (route-memory.ts).
        const { conversation, routeDeps } = await routeMemoryOf(emailKey, before, triage);
        const updated = await routeStage.run(before, routeDeps);
        const decision = updated.decision;
        if (!decision) throw ApplicationFailure.nonRetryable('the route stage left no decision', 'NoDecision');
        // The route event also carries the KPI dimensions (kpi/kpi-dimensions.ts): the KPI consumer needs no other read.
        const catalogue = updated.draft?.facts?.complementary_to ? await deps.triage.shop.products() : [];
        // A product suggestion the route took out (not an automatic reply): the draft a person sees is the one without it.
        const withdrawn = updated.draft?.upsellWithdrawn
          ? [await sealDraftRider(deps.vault, { draftKey: `${emailKey}:draft:routed`, emailKey, draft: updated.draft })] : [];
        return { updated, decision, dimensions: kpiDimensionsOf(updated, conversation, catalogue), withdrawn };
      }, ({ updated, decision, dimensions, withdrawn }) => {
        const upsell: EventData = updated.draft?.upsell ? { upsellSku: updated.draft.upsell.sku } : {};
        // `rollout`: is the customer in the rollout cohort (rollout-cohort.ts)? The evaluator measures the cohort's KPIs.
        const rollout = rolloutAdmits(triage.policy, updated.parsed.from?.address) ? 'in' : 'out';
        const done = auditOf(emailKey, 'route', 'done', { notes: [] });
        // The model that classified this email (a rollback between classify and route does not change what it was).
        const modelVersion = updated.classification?.modelVersion ?? null;
        const routed = auditOf(emailKey, 'route', decision.route, { reasons: decision.reasons, confidence: decision.confidence, policyVersion, modelVersion, rollout, ...dimensions, ...upsell });
        const decided = decisionRider({ decisionKey: `${emailKey}:route`, emailKey, decision, policyVersion, modelVersion });
        return { audit: [done, routed], routed: { route: decision.route, intent: updated.classification?.intent ?? null }, riders: [...withdrawn, decided] };
      });
      if (!ran) throw ApplicationFailure.nonRetryable(`no case file for email ${emailKey}`, 'CaseMissing');
      const { updated: emailCase, decision } = ran;
      const sla = isVerifiedVip(emailCase) ? deps.triage.policy.vipReviewSla : null;
      return { ...decision, intent: emailCase.classification?.intent ?? null, hasDraft: emailCase.draft !== null, ...(sla ? { sla } : {}) };
    },

    async recordState({ emailKey, state, reason, route, reviewDueAt }) {
      const changed = auditOf(emailKey, 'state', state, { reason: reason ?? null });
      await setEmailState(deps.db, emailKey, state, reason ?? null, route ?? null, changed, reviewDueAt ?? null);
    },

    async recordReviewDecision(sealed) {
      const { emailKey, decisionId, action, reviewer, edited, note, override } = await openDecisionTexts(sealed);
      await recordReviewerAction(deps.db, deps.vault, {
        idempotencyKey: decisionId,
        emailKey,
        reviewer,
        action: action as Parameters<typeof recordReviewerAction>[2]['action'],
        payload: { edited: edited ?? null, note: note ?? null, ...(override ? { override } : {}) },
      });
      // An edit's size (Levenshtein distance from the draft, in characters) feeds the reviewer-edit KPIs.
      const editDistance = edited ? await editDistanceFromDraft(emailKey, edited.body) : null;
      await trace(emailKey, 'review', action, {
        reviewer, ...(override ? { overriddenChecks: override.checks } : {}), ...(editDistance === null ? {} : { editDistance }),
      });
    },

    async checkEditedReply(sealed) {
      const { emailKey, decisionId, reviewer, edited, override } = await openDecisionTexts(sealed);
      const report = await checkEditedText(await requireCase(emailKey), deps.triage.shop, edited);
      const judged = judgeEdit(report, override);
      // A check's message may quote the edited text: it goes back to the workflow sealed with the customer's key.
      const result = { ...judged, failed: await Promise.all(judged.failed.map(async (f) => ({ ...f, message: await sealText(deps.vault, { emailKey }, f.message) }))) };
      // Who, when (the row's time), which checks failed and which were overridden; the reason is kept with the
      // reviewer's action (free text stays out of the audit log and the event stream).
      const event = { passed: 'edit_checks_passed', blocked: 'edit_blocked', overridden: 'edit_checks_overridden' }[result.verdict];
      const data = { decisionId, reviewer, failed: report.fired, overridden: result.overridden };
      const audit = { ...auditOf(emailKey, 'review', event, data), auditKey: `${emailKey}:review:edit_check:${decisionId}` };
      await appendAudit(deps.db, { emailKey, ...audit });
      return result;
    },

    async rememberEmail({ emailKey, state }): Promise<RememberResult> {
      const memory = deps.triage.memory;
      const emailCase = memory ? await loadCase(deps.db, deps.vault, emailKey) : null;
      if (!memory || !emailCase) return { remembered: 0 };
      const actions = await reviewerActionsOf(deps.db, deps.vault, emailKey);
      const edits = actions.filter((a) => a.action === 'edit' && a.payload.edited);
      const lastEdit = edits.length ? (edits[edits.length - 1]!.payload.edited as { body?: string }).body ?? null : null;
      const notes = actions.map((a) => a.payload.note).filter((n): n is string => typeof n === 'string' && n.trim() !== '');
      const entries = memoryOfClosedEmail({
        emailKey, emailCase, state, at: new Date().toISOString(),
        sentBody: state === 'sent' ? lastEdit ?? emailCase.draft?.body ?? null : null, edited: lastEdit !== null, notes,
      }, await deps.triage.shop.policies());
      await memory.remember(entries);
      if (entries.length) await trace(emailKey, 'memory', 'remembered', { kinds: [...new Set(entries.map((e) => e.kind))], entries: entries.length });
      return { remembered: entries.length };
    },

    async remindReviewers({ emailKey }) {
      // The review tool shows the reminder from this event; mail/chat notifications plug in here.
      await trace(emailKey, 'review', 'reminder', {});
    },

    async readFollowUp({ emailKey, followUp }): Promise<FollowUpSummary> {
      const raw = await loadRawEmail(deps.db, deps.vault, followUp.rawId);
      let summary: FollowUpSummary;
      try {
        const followUpCase = await runStages(newCase(await parseEmail(raw)), triageNow().triage, FOLLOW_UP_STAGES);
        await saveCase(deps.db, deps.vault, followUp.emailKey, followUpCase);
        summary = {
          route: followUpCase.decision?.route ?? null,
          intent: followUpCase.classification?.intent ?? null,
          reasons: (followUpCase.decision?.reasons ?? []).filter((r) => r !== 'no_draft'),
        };
      } catch (error) {
        if (!(error instanceof QuarantineError)) throw error;
        summary = { route: null, intent: null, reasons: [`unreadable_${error.reason}`] };
      }
      await markThreaded(deps.db, { emailKey: followUp.emailKey, parentKey: emailKey, onlyIfReceived: false });
      const data = { followUpKey: followUp.emailKey, route: summary.route, intent: summary.intent, reasons: summary.reasons };
      await appendAudit(deps.db, { emailKey, stage: 'follow_up', event: 'read', data, auditKey: `${emailKey}:follow_up:${followUp.emailKey}`, publish: true });
      return summary;
    },

    async sendReply(sealed: SendRequest): Promise<SendResult> {
      const request = await openDecisionTexts(sealed);
      const held = await holdForKillSwitch(request);
      if (held) return held;
      const emailCase = await requireCase(request.emailKey);
      const policies = await deps.triage.shop.policies();
      let reply;
      try {
        reply = composeReply(emailCase, policies, request, deps.replyLinks);
      } catch (error) {
        if (!(error instanceof UnsafeReplyError)) throw error;
        await trace(request.emailKey, 'send', 'refused', { reason: error.message });
        throw ApplicationFailure.nonRetryable(error.message, 'UnsafeReply');
      }
      const sendKey = `${request.emailKey}:reply`;
      const { documents, ...message } = reply;
      // Each document is rendered from its checked lines and stored (bytes + SHA-256) before the SMTP call.
      const attachments = [];
      for (const [i, doc] of documents.entries()) {
        const file = await renderAttachment(doc);
        await storeReplyAttachment(deps.db, deps.vault, { sendKey, emailKey: request.emailKey, ...file });
        await trace(request.emailKey, 'send', `attachment_${i + 1}`, { kind: doc.kind, sha256: file.sha256, bytes: file.content.length });
        attachments.push(file);
      }
      try {
        const result = await sendReply({ db: deps.db, transport: deps.smtp }, {
          sendKey,
          emailKey: request.emailKey,
          ...message,
          attachments,
        });
        // The product a suggestion named, when the text sent still carries it (the conversion KPI attributes orders to it).
        const upsell: EventData = emailCase.draft?.upsell && message.text.includes(emailCase.draft.upsell.text) ? { upsellSku: emailCase.draft.upsell.sku } : {};
        await trace(request.emailKey, 'send', result.sentNow ? 'accepted' : 'already_accepted', { mode: request.mode, ...upsell });
        return { messageId: result.messageId, sentNow: result.sentNow };
      } catch (error) {
        if (error instanceof SendOutcomeUnknownError) {
          // The server may have the reply: never sent twice; a person checks the outgoing server for the Message-ID.
          await trace(request.emailKey, 'send', 'outcome_unknown', { mode: request.mode });
          throw ApplicationFailure.nonRetryable(error.message, 'SendOutcomeUnknown');
        }
        if (error instanceof SmtpSendError && !error.retryable) {
          log.warn({ emailKey: request.emailKey, code: error.responseCode }, 'reply refused for good by the SMTP server');
          throw ApplicationFailure.nonRetryable(error.message, 'PermanentSmtpError');
        }
        throw error;
      }
    },
  }, ['recordState', 'recordReviewDecision', 'remindReviewers']);
}

/**
 * A request with the reviewer's texts opened (they travel through Temporal as sealed text tokens, sealed-text.ts).
 * An erased customer's text cannot be opened: the activity fails for good instead of retrying.
 */
async function openTexts<T>(vault: FieldVault, request: T): Promise<T> {
  try {
    return await openTextsIn(vault, request);
  } catch (error) {
    if (error instanceof ErasedFieldError) throw ApplicationFailure.nonRetryable(error.message, 'CustomerErased');
    throw error;
  }
}

function stageNamed(name: string): NamedStage {
  const stage = TRIAGE_STAGES.find((s) => s.name === name);
  if (!stage) throw new Error(`no triage stage named ${name}`);
  return stage;
}
