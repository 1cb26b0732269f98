/**
 * The Compose stack for real (infra/compose/compose.yaml, run by `pnpm test:deploy`, which first runs
 * infra/containers/setup.sh and build-images.sh): podman-compose brings up PostgreSQL, Temporal, Kafka, the SMTP
 * peer and the four Réplique processes from the images built on this machine; the shop's CRM data is imported with
 * `replique shop import` run in the app image; a routine email delivered to the intake's published port is answered
 * automatically (the reply is read where the SMTP peer stored it), another goes to review and is approved through
 * the review API (its reply lands too); Prometheus scrapes the five processes (every target up) with the repository's
 * rules loaded, and an alert given to Alertmanager reaches the review tool's notice board (a row of alert_notices)
 * and the leads' mailbox (the SMTP peer); then `down -v` removes every container and volume of the project.
 *
 * Its own project name, a fresh folder for the SMTP peer's files and free ports on 127.0.0.1: it runs beside the
 * shared local stack and beside another run of itself.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, shopFixture } from '../support/paths';
import { readSinkMessages, type SinkMessage } from '../support/smtp-sink';
import { freshDevEmail } from '../support/dev-email-copy';

const run = promisify(execFile);
jest.setTimeout(15 * 60_000);

const composeDir = path.join(repoRoot, 'infra', 'compose');
const project = process.env.REPLIQUE_DEPLOY_PROJECT ?? `rqdeploy${process.pid}`;
const mailDir = mkdtempSync(path.join(os.tmpdir(), `replique-compose-mail-${project}-`));   // remove-project.sh knows it
/**
 * The host's environment without the service settings compose.yaml reads: under `pnpm test` the local stack's are
 * exported (SMTP_HOST=127.0.0.1, SMTP_PORT=2525, IMAP_*…) and would otherwise configure the containers. The
 * harness's own `REPLIQUE_*` knobs (the image test-deploy.sh built, REPLIQUE_IMAGE) pass through.
 */
const composeVariables = new Set(
  [...readFileSync(path.join(composeDir, 'compose.yaml'), 'utf8').matchAll(/\$\{([A-Za-z0-9_]+)/g)].map((m) => m[1]!),
);
const hostEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name.startsWith('REPLIQUE_') || !composeVariables.has(name)),
);
const intakeToken = randomBytes(24).toString('hex');
const reviewToken = randomBytes(24).toString('hex');
let prometheusUrl = '';
let alertmanagerUrl = '';
let env: NodeJS.ProcessEnv = {};
let intakeUrl = '';
let reviewUrl = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** podman-compose with this project's name and variables; its (chatty) output is returned, and shown on failure. */
async function compose(args: string[], stdinFile?: string): Promise<string> {
  const full = ['-p', project, ...args];
  if (!stdinFile) {
    try {
      const { stdout, stderr } = await run('podman-compose', full, { cwd: composeDir, env, maxBuffer: 64 << 20 });
      return stdout + stderr;
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`podman-compose ${args.join(' ')} failed: ${e.message}\n${(e.stdout ?? '').slice(-3000)}\n${(e.stderr ?? '').slice(-3000)}`);
    }
  }
  return new Promise((resolve, reject) => {
    const child = spawn('podman-compose', full, { cwd: composeDir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.stdin.end(readFileSync(stdinFile));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`podman-compose ${args.join(' ')} exited ${code}\n${out.slice(-4000)}`))));
  });
}

async function podman(...args: string[]): Promise<string> {
  return (await run('podman', args, { maxBuffer: 16 << 20 })).stdout;
}

const container = (service: string) => `${project}_${service}_1`;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** podman runs a container's health check when asked (no systemd timer here): healthy → exit 0. */
const healthy = (service: string) => waitFor(`${service} healthy`, async () => {
  await podman('healthcheck', 'run', container(service));
  return true;
});

const httpOk = (url: string) => waitFor(url, async () => ((await fetch(url)).ok ? true : undefined));

async function deliver(raw: Buffer): Promise<string> {
  const res = await fetch(`${intakeUrl}/intake/raw`, {
    method: 'POST', headers: { authorization: `Bearer ${intakeToken}`, 'content-type': 'message/rfc822' }, body: raw,
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { emailKey: string }).emailKey;
}

async function reviewApi(pathname: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${reviewUrl}${pathname}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${reviewToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const repliesTo = (messageId: string): SinkMessage[] => readSinkMessages(mailDir).filter((m) => m.inReplyTo === messageId);

const waitForReply = (messageId: string) => waitFor(`the reply to ${messageId} at the SMTP peer`, async () => {
  const replies = repliesTo(messageId);
  return replies.length > 0 ? replies : undefined;
}, 120_000);

beforeAll(async () => {
  const [intakePort, reviewPort, temporalPort, temporalUiPort, prometheusPort, alertmanagerPort] =
    await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
  env = {
    ...hostEnv,
    POSTGRES_PASSWORD: randomBytes(18).toString('hex'),
    INTAKE_TOKEN: intakeToken,
    /** Encryption on, as compose.yaml demands: Temporal payloads and customer text at rest. */
    TEMPORAL_PAYLOAD_KEYS: `deploy-1:${randomBytes(32).toString('base64')}`,
    DATA_KEKS: `deploy-kek-1:${randomBytes(32).toString('base64')}`,
    REVIEW_TOKEN: reviewToken,
    INTAKE_PORT: String(intakePort),
    REVIEW_PORT: String(reviewPort),
    TEMPORAL_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(temporalUiPort),
    MAIL_SINK_DIR: mailDir,
    ALERTS_WEBHOOK_TOKEN: randomBytes(24).toString('hex'),
    PROMETHEUS_PORT: String(prometheusPort),
    ALERTMANAGER_PORT: String(alertmanagerPort),
    // Fast enough for a test: targets seen up within seconds, an alert sent on at once.
    PROMETHEUS_SCRAPE_INTERVAL: '2s',
    PROMETHEUS_EVAL_INTERVAL: '2s',
    ALERT_GROUP_WAIT: '1s',
  };
  prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
  alertmanagerUrl = `http://127.0.0.1:${alertmanagerPort}`;
  intakeUrl = `http://127.0.0.1:${intakePort}`;
  reviewUrl = `http://127.0.0.1:${reviewPort}`;

  // The servers first; the shop's data goes in before the worker's first start (it stops on an unseeded shop).
  await compose(['up', '-d', 'postgres', 'temporal', 'kafka', 'mail-sink']);
  await Promise.all(['postgres', 'temporal', 'kafka'].map(healthy));
  const imported = await compose(['run', '--rm', '-T', 'worker', 'replique', 'shop', 'import', '-'], shopFixture);
  expect(imported).toMatch(/imported \d+ customers, \d+ products, \d+ orders, the policies/);

  await compose(['up', '-d']);
  // Every published server answering, monitoring too: Alertmanager renders its configuration before it listens, and a
  // test that posted to it at once met a refused connection once.
  await Promise.all([httpOk(`${intakeUrl}/healthz`), httpOk(`${reviewUrl}/healthz`), httpOk(`${prometheusUrl}/-/ready`), httpOk(`${alertmanagerUrl}/-/ready`)]);
  await waitFor('the worker polling its task queue', async () => {
    const { stdout, stderr } = await run('podman', ['logs', container('worker')], { maxBuffer: 64 << 20 });
    return /worker started/.test(stdout + stderr) ? true : undefined;
  });
});

afterAll(async () => {
  // After the last test's `down -v`, or after a failure: whatever of the project is left (and the network that
  // podman-compose 1.0.3 leaves behind).
  await run('bash', [path.join(repoRoot, 'infra', 'containers', 'remove-project.sh'), project]).catch(() => undefined);
  rmSync(mailDir, { recursive: true, force: true });
});

const leftovers = async () => ({
  containers: (await podman('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`)).trim(),
  volumes: (await podman('volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`)).trim(),
});

test('every service runs, and the published ports listen on 127.0.0.1 only', async () => {
  const names = (await podman('ps', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}')).split('\n').filter(Boolean);
  expect(names.sort()).toEqual(['alertmanager', 'intake', 'kafka', 'kpi', 'mail-sink', 'postgres', 'prometheus', 'review', 'starter', 'temporal', 'worker']
    .map(container).sort());
  for (const service of ['intake', 'review', 'temporal', 'prometheus', 'alertmanager']) {
    const ports = (await podman('port', container(service))).split('\n').filter(Boolean);
    expect(ports.length).toBeGreaterThan(0);
    for (const line of ports) expect(line).toMatch(/-> 127\.0\.0\.1:\d+$/);
  }
});

test('a routine email is answered automatically: the reply reaches the SMTP peer, threaded', async () => {
  const { raw, messageId } = freshDevEmail('d005.eml');
  const emailKey = await deliver(raw);
  const [reply] = await waitForReply(messageId);
  expect(reply!.header('auto-submitted')).toBe('auto-replied');
  expect(reply!.references).toContain(messageId);
  // The peer has the reply a moment before the workflow records it as sent.
  await waitFor('the workflow to record the send', async () => ((await reviewApi(`/api/emails/${emailKey}`)).json.state === 'sent' ? true : undefined), 60_000);
  expect((await reviewApi(`/api/emails/${emailKey}`)).json).toMatchObject({ route: 'auto', state: 'sent' });
});

test('an email held for review is approved through the review API, and its reply is sent once', async () => {
  const { raw, messageId } = freshDevEmail('d007.eml');
  const emailKey = await deliver(raw);
  await waitFor('the email waiting for review', async () => {
    const view = await reviewApi(`/api/emails/${emailKey}`);
    return view.json.state === 'waiting_review' ? true : undefined;
  });
  const queue = await reviewApi('/api/reviews');
  expect((queue.json.reviews as Array<{ emailKey: string }>).map((r) => r.emailKey)).toContain(emailKey);
  expect(repliesTo(messageId)).toHaveLength(0);

  const decision = await reviewApi(`/api/emails/${emailKey}/decision`, { action: 'approve', reviewer: 'compose-test' });
  expect(decision.status).toBe(200);
  expect(decision.json).toMatchObject({ status: 'applied' });
  const replies = await waitForReply(messageId);
  expect(replies).toHaveLength(1);
  expect(replies[0]!.header('auto-submitted')).toBeUndefined();
  await waitFor('the workflow to record the send', async () => ((await reviewApi(`/api/emails/${emailKey}`)).json.state === 'sent' ? true : undefined), 60_000);
});

test('Prometheus scrapes every process (targets up) with the repository\'s rules; an alert reaches the notice board and the leads', async () => {
  // Rules and routes: docs/monitoring.md; the configuration comes from infra/monitoring/render-config.sh.
  const getJson = async (url: string) => (await (await fetch(url)).json()) as { data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const up = await waitFor('the five processes scraped, every target up', async () => {
    const targets = (await getJson(`${prometheusUrl}/api/v1/targets?state=active`)).data.activeTargets as Array<{ labels: { job: string; instance: string }; health: string }>;
    const replique = targets.filter((t) => t.labels.job === 'replique');
    return replique.length === 5 && replique.every((t) => t.health === 'up') ? replique.map((t) => t.labels.instance).sort() : undefined;
  }, 120_000);
  expect(up).toEqual(['intake:9461', 'kpi:9465', 'review:9464', 'starter:9462', 'worker:9463']);
  const processes = (await getJson(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent('count by (process) (process_cpu_seconds_total{job="replique"})')}`)).data.result;
  expect(processes.map((r: { metric: { process: string } }) => r.metric.process).sort()).toEqual(['intake', 'kpi', 'review', 'starter', 'worker']);
  const groups = (await getJson(`${prometheusUrl}/api/v1/rules`)).data.groups as Array<{ name: string; rules: Array<{ name: string }> }>;
  expect(groups.flatMap((g) => g.rules.map((r) => r.name))).toEqual(expect.arrayContaining(['EscalationSpike', 'RepliqueProcessDown', 'OutboxLag']));
  const alertmanagers = (await getJson(`${prometheusUrl}/api/v1/alertmanagers`)).data.activeAlertmanagers as Array<{ url: string }>;
  expect(alertmanagers.map((a) => a.url)).toEqual(['http://alertmanager:9093/api/v2/alerts']);

  // Alertmanager's route: given an alert, it posts to the review service's webhook (its token) and mails the leads.
  const alertname = `ComposeDeployCheck${process.pid}`;
  const posted = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ labels: { alertname, severity: 'ticket' }, annotations: { summary: 'compose deploy test' } }]),
  });
  expect(posted.status).toBe(200);
  const row = await waitFor('the alert on the notice board', async () => {
    const out = await podman('exec', container('postgres'), 'psql', '-U', 'replique', '-d', 'replique', '-tAc',
      `select status || ' ' || severity || ' ' || summary from alert_notices where alertname = '${alertname}'`);
    return out.trim() || undefined;
  }, 60_000);
  expect(row).toBe('firing ticket compose deploy test');
  const mail = await waitFor('the alert mailed to the leads', async () =>
    readSinkMessages(mailDir).find((m) => m.rcptTo.some((to) => to.includes('leads@replique.local')) && (m.header('subject') ?? '').includes(alertname)), 60_000);
  expect(mail.mailFrom).toContain('alerts@replique.local');
});

test('down -v removes every container and volume of the project', async () => {
  expect((await leftovers()).volumes).not.toBe('');
  await compose(['down', '-v']);
  expect(await leftovers()).toEqual({ containers: '', volumes: '' });
});
