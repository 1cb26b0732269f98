/**
 * Every Réplique metric, in one place: the names here are the contract with the alert rules
 * (infra/monitoring/rules/*.yml). Labels are PII-free and bounded: routes, intents, states, stages, check names,
 * activity types, scores. Never an email key, an address, a subject or a reviewer's name.
 *
 * The metrics live in prom-client's default registry; each process fills the ones it owns and serves them all
 * (startMetricsServer). A labelled metric a process never touches exports nothing there.
 */
import { Counter, Gauge, Histogram, register } from 'prom-client';

const registers = [register];

// --- intake and starter ---------------------------------------------------------------------------------------
export const intakeEmails = new Counter({
  name: 'replique_intake_emails_total',
  help: 'Raw emails taken in, by source (http, imap) and outcome (accepted, duplicate).',
  labelNames: ['source', 'outcome'] as const,
  registers,
});

export const workflowStarts = new Counter({
  name: 'replique_workflow_starts_total',
  help: 'References on email.inbound handled by the starter, by outcome (started, duplicate, threaded).',
  labelNames: ['outcome'] as const,
  registers,
});

// --- worker ---------------------------------------------------------------------------------------------------
export const activityDuration = new Histogram({
  name: 'replique_activity_duration_seconds',
  help: 'Duration of each activity attempt, by activity type and outcome (ok, error).',
  labelNames: ['activity', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers,
});

export const emailsRouted = new Counter({
  name: 'replique_emails_routed_total',
  help: 'Routing decisions, by route (auto, review, escalate, suppress) and intent.',
  labelNames: ['route', 'intent'] as const,
  registers,
});

export const draftChecks = new Counter({
  name: 'replique_draft_checks_total',
  help: 'Drafts checked, by outcome: passed, fact_check_failed (a fact-check fired, maybe with others), blocked (other guardrails only).',
  labelNames: ['outcome'] as const,
  registers,
});

export const guardrailBlocks = new Counter({
  name: 'replique_guardrail_blocks_total',
  help: 'Guardrail checks that fired on a draft, by check (fact_mismatch, missing_fact, offer_not_allowed, …).',
  labelNames: ['check'] as const,
  registers,
});

export const repliesSent = new Counter({
  name: 'replique_replies_sent_total',
  help: 'Replies accepted by the SMTP server, by mode (automatic, reviewed).',
  labelNames: ['mode'] as const,
  registers,
});

export const sendFailures = new Counter({
  name: 'replique_send_failures_total',
  help: 'Failed send attempts, by mode (automatic, reviewed). A retried attempt that fails counts again.',
  labelNames: ['mode'] as const,
  registers,
});

export const emailStates = new Counter({
  name: 'replique_email_states_total',
  help: 'State changes recorded by email workflows, by new state (sent, send_failed, escalated, waiting_review, …).',
  labelNames: ['state'] as const,
  registers,
});

export const reviewSlaBreaches = new Counter({
  name: 'replique_review_sla_breaches_total',
  help: 'Reviews escalated because nobody decided within the review SLA.',
  registers,
});

export const rolloutStepBacks = new Counter({
  name: 'replique_rollout_step_backs_total',
  help: 'Automatic step backs of the gated rollout on a KPI regression of its cohort (alert RolloutSteppedBack).',
  registers,
});

export const rolloutPercentage = new Gauge({
  name: 'replique_rollout_percentage',
  help: 'The rollout percentage in force, as the last evaluation of the gated rollout found or left it.',
  registers,
});

export const rolloutEvaluations = new Counter({
  name: 'replique_rollout_evaluations_total',
  help: 'Evaluations of the gated rollout, by action (step_back, propose, hold, manual, stopped, none).',
  labelNames: ['action'] as const,
  registers,
});

let countStuck: (() => Promise<number>) | null = null;
/** Read at each scrape from the source the worker gives (services/src/worker/stuck-emails.ts). */
export const emailsStuck = new Gauge({
  name: 'replique_emails_stuck',
  help: 'Emails whose workflow has been in progress (received or processing) for longer than the stuck threshold.',
  registers,
  async collect() {
    if (countStuck) this.set(await countStuck());
  },
});
/** Where replique_emails_stuck reads its value; null: the gauge stays as it is. */
export function countStuckEmailsWith(source: (() => Promise<number>) | null): void {
  countStuck = source;
}

// --- review service -------------------------------------------------------------------------------------------
export const reviewDecisions = new Counter({
  name: 'replique_review_decisions_total',
  help: 'Reviewer decisions taken through the review tool or API, by action and result (applied, duplicate, blocked, refused).',
  labelNames: ['action', 'result'] as const,
  registers,
});

export const csatRatings = new Counter({
  name: 'replique_csat_ratings_total',
  help: 'Customer ratings of replies, by score (1-5). A changed vote counts again with its new score.',
  labelNames: ['score'] as const,
  registers,
});

// --- kpi ------------------------------------------------------------------------------------------------------
export const kpiEvents = new Counter({
  name: 'replique_kpi_events_total',
  help: 'Events of email.events handled by the KPI consumer, by outcome (taken, or copy: already taken).',
  labelNames: ['outcome'] as const,
  registers,
});

// --- outbox relay (in the worker) ---------------------------------------------------------------------------------
/** The gauge's name, as the alert rule OutboxLag uses it. */
export const OUTBOX_LAG_METRIC = 'replique_outbox_lag_seconds';
let measureOutboxLag: (() => Promise<number>) | null = null;
/** Age in seconds of the oldest event written to the outbox and not yet published to Kafka (0 when empty). */
export const outboxLag = new Gauge({
  name: OUTBOX_LAG_METRIC,
  help: 'Age in seconds of the oldest email.events event in the outbox not yet published to Kafka (0 when the outbox is empty).',
  registers,
  async collect() {
    if (measureOutboxLag) this.set(await measureOutboxLag());
  },
});
/** Where replique_outbox_lag_seconds reads its value at each scrape (the worker that runs the relay); null: none. */
export function measureOutboxLagWith(source: (() => Promise<number>) | null): void {
  measureOutboxLag = source;
}
