import { register } from 'prom-client';
import { startMetricsServer, type MetricsEndpoint } from './metrics-server';
import { countActivity } from '../worker/activity-metrics';
import { intakeEmails } from './replique-metrics';

describe('the /metrics endpoint', () => {
  let endpoint: MetricsEndpoint;
  beforeAll(async () => {
    endpoint = await startMetricsServer('worker', { host: '127.0.0.1', port: 0 });
  });
  afterAll(() => endpoint.stop());
  beforeEach(() => register.resetMetrics());

  const scrape = async () => (await fetch(`http://127.0.0.1:${endpoint.port}/metrics`)).text();

  it('serves the Réplique metrics and Node defaults, every series labelled with the process', async () => {
    countActivity('routeEmail', [{ emailKey: 'a'.repeat(64) }], 'ok', { route: 'review', intent: 'refund_request', reasons: [], confidence: 0.4 });
    intakeEmails.inc({ source: 'http', outcome: 'duplicate' });
    const text = await scrape();
    expect(text).toContain('replique_emails_routed_total{route="review",intent="refund_request",process="worker"} 1');
    expect(text).toContain('replique_intake_emails_total{source="http",outcome="duplicate",process="worker"} 1');
    expect(text).toMatch(/^process_cpu_seconds_total\{process="worker"\} /m);
  });

  it('counts guardrail blocks, sends and their failures, states and SLA breaches from the activities', async () => {
    countActivity('checkDraft', [{ emailKey: 'k' }], 'ok', { stage: 'check', notes: ['missing_fact', 'offer_not_allowed'] });
    countActivity('checkDraft', [{ emailKey: 'k' }], 'ok', { stage: 'check', notes: ['pii_echo'] });
    countActivity('checkDraft', [{ emailKey: 'k' }], 'ok', { stage: 'check', notes: [] });
    countActivity('sendReply', [{ emailKey: 'k', mode: 'automatic', approvedBy: [], edited: null }], 'error', undefined);
    countActivity('sendReply', [{ emailKey: 'k', mode: 'reviewed', approvedBy: ['alice'], edited: null }], 'ok', { messageId: 'm', sentNow: true });
    countActivity('recordState', [{ emailKey: 'k', state: 'escalated', reason: 'review_sla_expired' }], 'ok', undefined);
    countActivity('recordState', [{ emailKey: 'k', state: 'escalated', reason: 'taken_over' }], 'ok', undefined);
    const text = await scrape();
    expect(text).toContain('replique_draft_checks_total{outcome="fact_check_failed",process="worker"} 1');
    expect(text).toContain('replique_draft_checks_total{outcome="blocked",process="worker"} 1');
    expect(text).toContain('replique_draft_checks_total{outcome="passed",process="worker"} 1');
    expect(text).toContain('replique_guardrail_blocks_total{check="missing_fact",process="worker"} 1');
    expect(text).toContain('replique_send_failures_total{mode="automatic",process="worker"} 1');
    expect(text).toContain('replique_replies_sent_total{mode="reviewed",process="worker"} 1');
    expect(text).toContain('replique_email_states_total{state="escalated",process="worker"} 2');
    expect(text).toContain('replique_review_sla_breaches_total{process="worker"} 1');
  });

  it('never puts an email key or a reviewer in a label', async () => {
    countActivity('recordReviewDecision', [{ emailKey: 'b'.repeat(64), reviewer: 'alice@example.com', action: 'approve' }], 'ok', undefined);
    countActivity('sendReply', [{ emailKey: 'b'.repeat(64), mode: 'reviewed', approvedBy: ['alice@example.com'], edited: null }], 'ok', { messageId: '<x@y>', sentNow: true });
    const text = await scrape();
    expect(text).not.toContain('b'.repeat(64));
    expect(text).not.toContain('alice');
    expect(text).not.toContain('<x@y>');
  });

  it('answers 404 off /metrics', async () => {
    expect((await fetch(`http://127.0.0.1:${endpoint.port}/`)).status).toBe(404);
  });
});
