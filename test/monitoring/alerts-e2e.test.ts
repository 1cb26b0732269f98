/**
 * Alerts end to end, on real parts: the stack's own Prometheus and Alertmanager (started by infra/local/stack.sh in a
 * private REPLIQUE_HOME on free ports, with the repo's rule files), a process's real `/metrics` endpoint, the review
 * service on a test database, an SMTP peer of its own and Debian's chromium.
 *
 * Prometheus gets a normal day first: the history of `replique:escalations:rate5m` (about one escalation in 5 min) is
 * backfilled with `promtool tsdb create-blocks-from openmetrics`, so EscalationSpike has a normal range to compare
 * with. Then the worker's own metric path (countActivity, what its activity interceptor calls after routeEmail) counts
 * 25 escalations at once. Within a minute the alert fires in Prometheus, Alertmanager posts it to the review tool's
 * notice board (webhook, bearer token) and mails it to the leads; a reviewer sees it on /notices in the browser
 * (screenshot docs/screenshots/alert-notices.png). Short intervals here (scrape and evaluation 1 s, group wait 1 s);
 * the stack's defaults are 15 s and 30 s.
 */
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { listAlertNotices } from '@replique/activities/adapters/pg/alert-notices';
import { setLogLevel } from '@replique/activities/logger';
import { ReviewEnvSchema } from '@replique/services/config/review-config';
import { startReviewService } from '@replique/services/review/main';
import { startMetricsServer, type MetricsEndpoint } from '@replique/services/metrics/metrics-server';
import { emailsRouted } from '@replique/services/metrics/replique-metrics';
import { countActivity } from '@replique/services/worker/activity-metrics';
import { waitFor } from '../adapters/stack-env';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { repoRoot } from '../support/paths';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { freePort, startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';
import { TEST_TEMPORAL_PAYLOAD_KEYS } from '../support/temporal-payload-keys';
import { addReviewer } from '../review/review-client';

jest.setTimeout(240_000);

const STACK = path.join(repoRoot, 'infra', 'local', 'stack.sh');
const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'alert-notices.png');
const WEBHOOK_TOKEN = 'test-alerts-webhook-token-0123456789';
const LEADS = 'leads@shop.test';
const INTENT = 'product_defect';

const installed = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const haveMonitoring = installed('prometheus') && installed('prometheus-alertmanager') && installed('promtool');
if (!haveMonitoring) {
  if (process.env.CI) throw new Error('prometheus/alertmanager missing under CI: `pnpm test` installs them (infra/local/stack.sh up)');
  console.warn('SKIPPED test/monitoring/alerts-e2e.test.ts: prometheus, prometheus-alertmanager or promtool not installed (pnpm stack up)');
}
const withMonitoring = haveMonitoring ? describe : describe.skip;

let home: string;
let stackEnv: NodeJS.ProcessEnv;
let prometheusUrl: string;
let db: TestDatabase;
let sink: RunningSmtpSink;
let metrics: MetricsEndpoint;
let review: Awaited<ReturnType<typeof startReviewService>>;
let reviewUrl: string;
let browser: HeadlessChromium | undefined;

/** One sample every 30 s for the 3 hours up to 6 min ago: about one escalation in 5 min, a little noise. */
function normalDay(nowSeconds: number): string {
  const lines = ['# TYPE replique:escalations:rate5m gauge'];
  for (let t = nowSeconds - 3 * 3600; t <= nowSeconds - 360; t += 30) {
    const perSecond = (1 + Math.sin(t / 600) * 0.5) / 300;
    lines.push(`replique:escalations:rate5m ${perSecond.toFixed(6)} ${t}`);
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

async function stack(command: string): Promise<void> {
  await promisify(execFile)('bash', [STACK, command, 'monitoring'], { env: stackEnv, timeout: 180_000 });
}

interface PromAlert { labels: Record<string, string>; state: string }
async function promAlerts(): Promise<PromAlert[]> {
  const body = (await (await fetch(`${prometheusUrl}/api/v1/alerts`)).json()) as { data: { alerts: PromAlert[] } };
  return body.data.alerts;
}
async function promQuery(query: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const body = (await (await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`)).json()) as {
    data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  return body.data.result;
}

withMonitoring('alerts end to end (Prometheus, Alertmanager, notice board, mail)', () => {
  beforeAll(async () => {
    setLogLevel('warn');
    home = mkdtempSync('/tmp/rq-alerts-');
    chmodSync(home, 0o755);
    db = await withTestDatabase();
    sink = await startSmtpSink();
    metrics = await startMetricsServer('worker', { host: '127.0.0.1', port: 0 });
    emailsRouted.inc({ route: 'escalate', intent: INTENT }, 0); // the series exists (at 0) before the spike

    const reviewPort = await freePort();
    review = await startReviewService(ReviewEnvSchema.parse({
      DATABASE_URL: db.databaseUrl,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
      TEMPORAL_PAYLOAD_KEYS: TEST_TEMPORAL_PAYLOAD_KEYS,
      REVIEW_HTTP_PORT: String(reviewPort),
      REVIEW_TOKEN: 'test-token-0123456789abcdef',
      ALERTS_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
      LOG_LEVEL: 'warn',
    }));
    reviewUrl = `http://127.0.0.1:${review.port}`;

    // The stack keeps an existing token file: Alertmanager sends the token this review service checks.
    mkdirSync(path.join(home, 'run'), { recursive: true });
    writeFileSync(path.join(home, 'run', 'alerts-webhook.token'), WEBHOOK_TOKEN, { mode: 0o600 });
    mkdirSync(path.join(home, 'data', 'prometheus'), { recursive: true });
    const history = path.join(home, 'normal-day.om');
    writeFileSync(history, normalDay(Math.floor(Date.now() / 1000)));
    await promisify(execFile)('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', history, path.join(home, 'data', 'prometheus')]);

    const [promPort, amPort] = [await freePort(), await freePort()];
    stackEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      REPLIQUE_HOME: home,
      PROMETHEUS_PORT: String(promPort),
      ALERTMANAGER_PORT: String(amPort),
      SMTP_PORT: String(sink.port),
      REPLIQUE_METRICS_TARGETS: `127.0.0.1:${metrics.port}`,
      ALERT_WEBHOOK_URL: `${reviewUrl}/hooks/alertmanager`,
      ALERT_MAIL_TO: LEADS,
      PROMETHEUS_SCRAPE_INTERVAL: '1s',
      PROMETHEUS_EVAL_INTERVAL: '1s',
      ALERT_GROUP_WAIT: '1s',
      ALERT_GROUP_INTERVAL: '5s',
    };
    await stack('up');
    prometheusUrl = `http://127.0.0.1:${promPort}`;
  });

  afterAll(async () => {
    await browser?.close();
    if (stackEnv) await stack('down').catch((error: unknown) => console.error('stack down failed', error));
    await review?.stop();
    await metrics?.stop();
    await sink?.stop();
    await db?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  test('the webhook takes alerts only with its token and a valid notification; the board needs a session', async () => {
    const post = (body: unknown, token?: string) => fetch(`${reviewUrl}/hooks/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const alert = { status: 'firing', labels: { alertname: 'Probe' }, annotations: {}, startsAt: new Date().toISOString(), fingerprint: 'abc123' };
    expect((await post({ version: '4', alerts: [alert] })).status).toBe(401);
    expect((await post({ version: '4', alerts: [alert] }, 'test-token-0123456789abcdef')).status).toBe(401); // the API's token is not this one
    expect((await post({ version: '4', alerts: [{ ...alert, labels: {} }] }, WEBHOOK_TOKEN)).status).toBe(400);
    expect(await listAlertNotices(db.pool)).toEqual([]);

    // A repeat counts on the same notice; the resolution closes it (one row per occurrence).
    for (const status of ['firing', 'firing', 'resolved']) {
      const endsAt = status === 'resolved' ? new Date().toISOString() : '0001-01-01T00:00:00Z';
      expect((await post({ version: '4', alerts: [{ ...alert, status, endsAt }] }, WEBHOOK_TOKEN)).status).toBe(200);
    }
    expect(await listAlertNotices(db.pool)).toEqual([
      expect.objectContaining({ alertname: 'Probe', status: 'resolved', notifications: 3, endsAt: expect.any(Date) }),
    ]);
    await db.pool.query('delete from alert_notices');
    // The board itself needs a session, like every page of the tool.
    const anonymous = await fetch(`${reviewUrl}/notices`, { redirect: 'manual' });
    expect([anonymous.status, anonymous.headers.get('location')?.startsWith('/login')]).toEqual([303, true]);
    expect((await fetch(`${reviewUrl}/notices.json`, { headers: { accept: 'application/json' } })).status).toBe(401);
  });

  test('an escalation spike fires EscalationSpike, which reaches the notice board and the leads\' mailbox within a minute', async () => {
    // Prometheus scrapes the process and has the escalation series at 0; nothing fires on a normal day.
    await waitFor('Prometheus to scrape the escalation series twice', async () => {
      const rows = await promQuery(`count_over_time(replique_emails_routed_total{route="escalate",intent="${INTENT}"}[1m])`);
      return rows.length === 1 && Number(rows[0]!.value[1]) >= 2;
    }, 60_000);
    const normal = await promQuery('avg_over_time(replique:escalations:rate5m[1d] offset 5m) * 300');
    expect(Number(normal[0]?.value[1])).toBeGreaterThan(0.5); // the backfilled day: about one escalation in 5 min
    expect((await promAlerts()).filter((a) => a.labels.alertname === 'EscalationSpike')).toEqual([]);

    const spikeAt = Date.now();
    for (let i = 0; i < 25; i++) countActivity('routeEmail', [], 'ok', { route: 'escalate', intent: INTENT });

    const firedMs = await waitFor('EscalationSpike to fire in Prometheus', async () =>
      (await promAlerts()).some((a) => a.labels.alertname === 'EscalationSpike' && a.state === 'firing') && Date.now() - spikeAt, 60_000);
    const notice = await waitFor('the notice on the board', async () =>
      (await listAlertNotices(db.pool)).find((n) => n.alertname === 'EscalationSpike'), 60_000);
    const boardMs = Date.now() - spikeAt;
    const mail = await waitFor('the mail to the leads', () =>
      sink.messages().find((m) => m.rcptTo.some((r) => r.includes(LEADS)) && /EscalationSpike/.test(m.header('subject') ?? '')), 60_000);
    const mailMs = Date.now() - spikeAt;

    expect(notice).toMatchObject({ status: 'firing', severity: 'page', runbook: 'docs/monitoring.md#escalationspike' });
    expect(notice.summary).toMatch(/^Escalations spiking: (2[5-9]|[3-9]\d) in 5 min, above the last day's normal range$/);
    expect(mail.header('subject')).toMatch(/FIRING.*EscalationSpike/);
    expect(Math.max(boardMs, mailMs)).toBeLessThan(60_000);
    process.stdout.write(`alerts e2e: EscalationSpike firing in Prometheus ${firedMs} ms after the spike, on the notice board at ${boardMs} ms, mail at the leads' SMTP peer at ${mailMs} ms\n`);

    // A reviewer sees it in the tool.
    const password = await addReviewer(db.pool, 'rita', 'reviewer');
    browser = await openChromium({ width: 1280, height: 640 });
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${reviewUrl}/login`);
    await page.fill('input[name=name]', 'rita');
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
    await Promise.all([page.waitForURL('**/notices'), page.click('header a[href="/notices"]')]);
    await expect(page.locator('#alerts-firing').textContent()).resolves.toBe('1 alert firing');
    const row = page.locator('tr.notice[data-alert="EscalationSpike"]');
    await expect(row.textContent()).resolves.toMatch(/firing.*EscalationSpike.*page.*Escalations spiking/s);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});
