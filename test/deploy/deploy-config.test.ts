/**
 * The deployment files against the processes' own configuration schemas (services/src/config): for the image
 * (Dockerfile ENV), Compose (infra/compose/compose.yaml) and the Helm chart (infra/helm/replique, rendered by
 * `helm template` when helm is installed), each process gets every variable its schema requires, no variable its
 * schema does not know (a typo would be ignored silently), and an environment that parses; HTTP processes listen
 * on all interfaces, on the port their health check and Service use. No container is started here: Compose runs
 * for real in test/deploy/compose-stack.deploy.ts (`pnpm test:deploy`); see docs/deploy.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { IntakeEnvSchema, loadIntakeConfig } from '../../services/src/config/intake-config';
import { loadReviewConfig, ReviewEnvSchema } from '../../services/src/config/review-config';
import { loadStarterConfig, StarterEnvSchema } from '../../services/src/config/starter-config';
import { loadWorkerConfig, WorkerEnvSchema } from '../../services/src/config/worker-config';
import { KpiEnvSchema, loadKpiConfig } from '../../services/src/config/kpi-config';
import { stringify } from 'yaml';
import { workerDecisionSettings } from '../../services/src/worker/create-worker-deps';
import { repoRoot } from '../support/paths';

type Env = Record<string, string>;

const PROCESSES = {
  worker: { schema: WorkerEnvSchema, load: loadWorkerConfig },
  starter: { schema: StarterEnvSchema, load: loadStarterConfig },
  intake: { schema: IntakeEnvSchema, load: loadIntakeConfig },
  review: { schema: ReviewEnvSchema, load: loadReviewConfig },
  kpi: { schema: KpiEnvSchema, load: loadKpiConfig },
} as const;
type ProcessName = keyof typeof PROCESSES;
const processNames = Object.keys(PROCESSES) as ProcessName[];

interface Field {
  safeParse(value: unknown): { success: boolean };
}

function shapeOf(name: ProcessName): Record<string, Field> {
  return (PROCESSES[name].schema as unknown as { shape: Record<string, Field> }).shape;
}

/** Variables without a default that the schema refuses to leave unset. */
function requiredVariables(name: ProcessName): string[] {
  return Object.entries(shapeOf(name))
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key);
}

/** The image's WORKDIR /app is a copy of the repository's layout: map it back to check the paths exist. */
const fromImagePath = (value: string): string => (value.startsWith('/app/') ? path.join(repoRoot, value.slice(5)) : value);
/** A stand-in of the right shape for a key list secret (TEMPORAL_PAYLOAD_KEYS, DATA_KEKS): id:base64 of 32 bytes. */
const KEY_STAND_IN = `stand-in:${Buffer.alloc(32, 1).toString('base64')}`;
const KEY_LISTS = new Set(['TEMPORAL_PAYLOAD_KEYS', 'DATA_KEKS']);
const withRepoPaths = (env: Env): Env => Object.fromEntries(Object.entries(env).map(([key, value]) => [key, fromImagePath(value)]));

function dockerfile(): { env: Env; copies: string[]; sources: string[] } {
  const text = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const env: Env = {};
  const copies: string[] = [];
  const sources: string[] = [];
  for (const line of text.split('\n')) {
    const env_ = /^ENV\s+(.*)$/.exec(line);
    if (env_) for (const pair of env_[1]!.trim().split(/\s+/)) {
      const [key, ...value] = pair.split('=');
      env[key!] = value.join('=');
    }
    const copy = /^COPY\s+(?!--from)(.+)$/.exec(line);
    if (copy) {
      const parts = copy[1]!.trim().split(/\s+/);
      copies.push(parts[parts.length - 1]!);
      sources.push(...parts.slice(0, -1));
    }
  }
  return { env, copies, sources };
}

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, $$. */
function interpolate(value: string, vars: Env): string {
  return value.replace(/\$\$|\$\{([A-Z0-9_]+)(?:(:?)([-?])([^}]*))?\}/g, (match, name: string | undefined, colon, op, arg) => {
    if (match === '$$') return '$';
    const set = vars[name!];
    const missing = set === undefined || (colon === ':' && set === '');
    if (op === '?' && missing) throw new Error(`compose: ${name} is required (${arg})`);
    if (op === '-' && missing) return arg ?? '';
    return set ?? '';
  });
}

/** Every variable some process reads (shared blocks give a process others' variables too: harmless). */
const known = new Set(processNames.flatMap((name) => Object.keys(shapeOf(name))));

/** `env` (what the deployment gives the process) names no unknown variable, sets each required one, and parses. */
function expectEnvFits(name: ProcessName, env: Env): void {
  const unknown = Object.keys(env).filter((key) => !known.has(key));
  expect({ process: name, unknown }).toEqual({ process: name, unknown: [] });
  const full = { ...image.env, ...env };
  const missing = requiredVariables(name).filter((key) => full[key] === undefined || full[key] === '');
  expect({ process: name, missing }).toEqual({ process: name, missing: [] });
  expect(() => PROCESSES[name].load(withRepoPaths(full))).not.toThrow();
}

/** The port of the process's /metrics in that environment (image ENV + `env`). */
const metricsPortOf = (name: ProcessName, env: Env): number =>
  (shapeOf(name).METRICS_PORT as unknown as { parse(v: unknown): number }).parse({ ...image.env, ...env }.METRICS_PORT);

/** infra/monitoring/render-config.sh (the local stack's and the Compose image's renderer) with these variables. */
const renderMonitoring = (kind: 'prometheus' | 'alertmanager', env: Env): string =>
  execFileSync('bash', [path.join(repoRoot, 'infra', 'monitoring', 'render-config.sh'), kind], { encoding: 'utf8', env: { PATH: process.env.PATH!, ...env } });

/** The repository's rule files Prometheus loads (the promtool tests, *.test.yml, are not). */
const rulesDir = path.join(repoRoot, 'infra', 'monitoring', 'rules');
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.yml') && !f.endsWith('.test.yml')).sort();

/** promtool / amtool (Debian's prometheus packages, installed by the local stack), or null. */
const tool = (name: string): string | null => {
  try {
    execFileSync(name, ['--version'], { stdio: 'pipe' });
    return name;
  } catch {
    return null;
  }
};
const promtool = tool('promtool');
const amtool = tool('amtool');
if (!promtool || !amtool) console.warn('deploy-config: no promtool/amtool (pnpm stack up installs them): the monitoring configurations are not checked by them');

/**
 * `promtool check config` of a Prometheus configuration whose rule files are `rulesAt` + name, run on the repo's.
 * Debian's promtool is built without Kubernetes service discovery: a `kubernetes_sd_configs` (the chart's) is checked
 * as static targets; the relabelling and everything else as written.
 */
function expectPrometheusConfigValid(config: string, rulesAt: string): void {
  if (!promtool) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'replique-prom-'));
  try {
    const file = path.join(dir, 'prometheus.yml');
    const parsed = parse(config.split(rulesAt).join(`${rulesDir}/`)) as { scrape_configs: Array<Record<string, unknown>> };
    for (const job of parsed.scrape_configs) {
      if (!job.kubernetes_sd_configs) continue;
      delete job.kubernetes_sd_configs;
      job.static_configs = [{ targets: ['pod:9463'] }];
    }
    writeFileSync(file, stringify(parsed));
    expect(() => execFileSync(promtool, ['check', 'config', file], { stdio: 'pipe' })).not.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `amtool check-config` of an Alertmanager configuration (its token file replaced by one that exists). */
function expectAlertmanagerConfigValid(config: string, tokenFile: string): void {
  if (!amtool) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'replique-am-'));
  try {
    writeFileSync(path.join(dir, 'token'), 'webhook-token-0123456789');
    writeFileSync(path.join(dir, 'alertmanager.yml'), config.split(tokenFile).join(path.join(dir, 'token')));
    expect(() => execFileSync(amtool, ['check-config', path.join(dir, 'alertmanager.yml')], { stdio: 'pipe' })).not.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An Alertmanager configuration's route and receivers with the deployment's own addresses replaced by names. */
function alertRouting(config: string, local: Env): unknown {
  const parsed = parse(config) as { route: unknown; receivers: unknown };
  let text = JSON.stringify({ route: parsed.route, receivers: parsed.receivers });
  for (const [name, value] of Object.entries(local)) text = text.split(value).join(`<${name}>`);
  return JSON.parse(text);
}

const image = dockerfile();

describe('the image (Dockerfile)', () => {
  test('its paths exist in the repository and are copied into the image', () => {
    for (const key of ['REPLIQUE_MIGRATIONS_DIR', 'REPLIQUE_INTENT_MODEL_FILE']) {
      const value = image.env[key]!;
      expect(existsSync(fromImagePath(value))).toBe(true);
      const relative = value.slice('/app/'.length);
      expect(image.copies.some((destination) => relative.startsWith(destination))).toBe(true);
    }
    expect(image.env.INTAKE_HTTP_HOST).toBe('0.0.0.0');
    expect(image.env.REVIEW_HTTP_HOST).toBe('0.0.0.0');
  });

  test('everything it copies exists, and .dockerignore keeps none of it out', () => {
    expect(image.sources).toEqual(expect.arrayContaining(['package.json', 'services/src', 'infra/migrations', 'ml/models']));
    const ignored = readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    for (const source of image.sources) {
      expect({ source, exists: existsSync(path.join(repoRoot, source)) }).toEqual({ source, exists: true });
      const excluded = ignored.some((rule) => !rule.startsWith('!') && (source === rule || source.startsWith(`${rule.replace(/\/\*$/, '')}/`)));
      const reincluded = ignored.includes(`!${source}`);
      expect({ source, excluded: excluded && !reincluded }).toEqual({ source, excluded: false });
    }
  });

  test('the entrypoint runs each process by name', () => {
    const entrypoint = readFileSync(path.join(repoRoot, 'infra', 'docker', 'entrypoint.sh'), 'utf8');
    for (const name of processNames) {
      expect(entrypoint).toMatch(new RegExp(`\\b${name}\\b`));
      expect(existsSync(path.join(repoRoot, 'services', 'src', name, 'main.ts'))).toBe(true);
    }
  });
});

describe('Compose (infra/compose/compose.yaml)', () => {
  const compose = parse(readFileSync(path.join(repoRoot, 'infra', 'compose', 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, { command?: string[]; environment?: Record<string, string | number | boolean>; healthcheck?: { test: string[] }; ports?: string[]; volumes?: string[] }>;
  };
  const secrets: Env = {
    POSTGRES_PASSWORD: 'pg-password-from-env', INTAKE_TOKEN: 'intake-token-0123456789', REVIEW_TOKEN: 'review-token-0123456789',
    TEMPORAL_PAYLOAD_KEYS: KEY_STAND_IN, DATA_KEKS: KEY_STAND_IN, ALERTS_WEBHOOK_TOKEN: 'alerts-token-0123456789',
  };
  const serviceEnv = (name: string, vars: Env): Env =>
    Object.fromEntries(Object.entries(compose.services[name]!.environment ?? {}).map(([key, value]) => [key, interpolate(String(value), vars)]));

  test.each(processNames)('%s: its environment (image ENV + compose) fits its configuration schema', (name) => {
    expect(compose.services[name]?.command).toEqual([name]);
    expectEnvFits(name, serviceEnv(name, secrets));
  });

  test('the secrets are demanded from .env, never written in the file', () => {
    for (const name of ['intake', 'review', 'worker']) expect(() => serviceEnv(name, {})).toThrow(/POSTGRES_PASSWORD is required/);
    expect(() => serviceEnv('intake', { ...secrets, INTAKE_TOKEN: '' })).toThrow(/INTAKE_TOKEN is required/);
    expect(() => serviceEnv('review', { ...secrets, REVIEW_TOKEN: '' })).toThrow(/REVIEW_TOKEN is required/);
    for (const name of ['review', 'alertmanager']) expect(() => serviceEnv(name, { ...secrets, ALERTS_WEBHOOK_TOKEN: '' })).toThrow(/ALERTS_WEBHOOK_TOKEN is required/);
    // Encryption is on from the first start: no key, no process.
    for (const name of ['intake', 'review', 'worker', 'starter']) {
      expect(() => serviceEnv(name, { ...secrets, DATA_KEKS: '' })).toThrow(/DATA_KEKS is required/);
      expect(() => serviceEnv(name, { ...secrets, TEMPORAL_PAYLOAD_KEYS: '' })).toThrow(/TEMPORAL_PAYLOAD_KEYS is required/);
    }
  });

  test('intake and review listen on all interfaces, on the port their health check and port mapping use', () => {
    const intake = loadIntakeConfig(withRepoPaths({ ...image.env, ...serviceEnv('intake', secrets) }));
    const review = loadReviewConfig(withRepoPaths({ ...image.env, ...serviceEnv('review', secrets) }));
    for (const [name, host, port] of [['intake', intake.http!.host, intake.http!.port], ['review', review.REVIEW_HTTP_HOST, review.REVIEW_HTTP_PORT]] as const) {
      expect(host).toBe('0.0.0.0');
      expect(compose.services[name]!.healthcheck!.test.join(' ')).toContain(`127.0.0.1:${port}/healthz`);
      expect(compose.services[name]!.ports!.map((p) => interpolate(p, {}))).toContain(`127.0.0.1:${port}:${port}`);
    }
  });

  test('Prometheus scrapes every process on its /metrics port and loads the repository\'s rule files (mounted, not copied)', () => {
    const prometheus = compose.services.prometheus!;
    expect(prometheus.command).toEqual(['prometheus']);
    const env = serviceEnv('prometheus', secrets);
    const targets = env.REPLIQUE_METRICS_TARGETS!.split(',');
    expect(targets.sort()).toEqual(processNames.map((name) => `${name}:${metricsPortOf(name, serviceEnv(name, secrets))}`).sort());
    expect(image.env.METRICS_HOST).toBe('0.0.0.0');
    expect(prometheus.volumes).toContain('../monitoring/rules:/etc/replique/rules:ro');
    expect(env.ALERTMANAGER_TARGET).toBe('alertmanager:9093');
    // The image's entrypoint renders with the mounted folder; here with the folder it mounts.
    const config = renderMonitoring('prometheus', { ...env, MONITORING_RULES_DIR: rulesDir });
    expect((parse(config) as { rule_files: string[] }).rule_files).toEqual(ruleFiles.map((f) => `${rulesDir}/${f}`));
    expectPrometheusConfigValid(config, `${rulesDir}/`);
  });

  test('Alertmanager routes as on the local stack: the review service\'s notice board (its token) and a mail to the leads', () => {
    const env = serviceEnv('alertmanager', secrets);
    const review = loadReviewConfig(withRepoPaths({ ...image.env, ...serviceEnv('review', secrets) }));
    expect(env.ALERT_WEBHOOK_URL).toBe(`http://review:${review.REVIEW_HTTP_PORT}/hooks/alertmanager`);
    expect(env.ALERTS_WEBHOOK_TOKEN).toBe(review.ALERTS_WEBHOOK_TOKEN);
    expect(env.ALERT_SMARTHOST).toBe('mail-sink:1025');
    const config = renderMonitoring('alertmanager', { ...env, ALERTS_WEBHOOK_TOKEN_FILE: '/run/token' });
    expectAlertmanagerConfigValid(config, '/run/token');
  });

  test('TLS options reach every process: the folder they name is mounted, and set they parse (off by default)', () => {
    const pem = path.join(repoRoot, 'package.json');   // any existing file: the schema checks the paths exist
    const tls: Env = {
      ...secrets, DATABASE_URL_OPTIONS: `?sslmode=verify-full&sslrootcert=${pem}`,
      KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: pem, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'replique', KAFKA_SASL_PASSWORD: 'kafka-password',
      TEMPORAL_TLS: 'true', TEMPORAL_TLS_CA_FILE: pem, TEMPORAL_TLS_CERT_FILE: pem, TEMPORAL_TLS_KEY_FILE: pem,
      SMTP_REQUIRE_TLS: 'true', SMTP_TLS_CA_FILE: pem, IMAP_REQUIRE_TLS: 'true', IMAP_TLS_CA_FILE: pem,
    };
    for (const name of processNames) {
      expect(compose.services[name]!.volumes).toContain('${REPLIQUE_TLS_DIR:-./tls}:/etc/replique/tls:ro');
      const env = serviceEnv(name, tls);
      expectEnvFits(name, env);
      expect(env.DATABASE_URL).toMatch(/@postgres:5432\/replique\?sslmode=verify-full&sslrootcert=/);
    }
    expect(loadWorkerConfig(withRepoPaths({ ...image.env, ...serviceEnv('worker', tls) }))).toMatchObject({ KAFKA_SSL: true, TEMPORAL_TLS: true, SMTP_REQUIRE_TLS: true });
    expect(loadWorkerConfig(withRepoPaths({ ...image.env, ...serviceEnv('worker', secrets) }))).toMatchObject({ KAFKA_SSL: false, TEMPORAL_TLS: false, SMTP_REQUIRE_TLS: false });
    expect(existsSync(path.join(repoRoot, 'infra', 'compose', 'tls', 'README.md'))).toBe(true);
  });

  test('the search attributes the workflow sets are registered', () => {
    const contracts = readFileSync(path.join(repoRoot, 'workflows', 'src', 'contracts.ts'), 'utf8');
    const attributes = [...contracts.matchAll(/defineSearchAttributeKey\('(\w+)'/g)].map((m) => m[1]!);
    expect(attributes.length).toBeGreaterThan(0);
    const command = compose.services.temporal!.command!;
    for (const attribute of attributes) expect(command.join(' ')).toContain(`--search-attribute ${attribute}=Keyword`);
  });

  test('every published port is on 127.0.0.1', () => {
    const ports = Object.values(compose.services).flatMap((service) => service.ports ?? []);
    expect(ports.length).toBeGreaterThan(0);
    for (const mapping of ports) expect(interpolate(mapping, {})).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  test('written for podman-compose 1.0.3 too: no ${NAME:-} (left uninterpolated there), no CMD-form health check (mangled)', () => {
    const text = readFileSync(path.join(repoRoot, 'infra', 'compose', 'compose.yaml'), 'utf8').replace(/^\s*#.*$/gm, '');
    expect(text).not.toMatch(/\$\{[A-Z0-9_]+:?-\}/);
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.healthcheck) expect({ name, form: service.healthcheck.test[0] }).toEqual({ name, form: 'CMD-SHELL' });
    }
  });
});

/** helm from $HELM, infra/helm/install-helm.sh's cache, or the PATH; null when there is none. */
function findHelm(): string | null {
  const cache = process.env.REPLIQUE_CACHE ?? path.join(os.homedir(), '.cache', 'replique');
  const candidates = [process.env.HELM, path.join(cache, 'bin', 'helm'), 'helm'].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, ['version', '--short'], { stdio: 'pipe' });
      return candidate;
    } catch {
      // next
    }
  }
  return null;
}

const helm = findHelm();
const chart = path.join(repoRoot, 'infra', 'helm', 'replique');
if (!helm) console.warn('deploy-config: no helm ($HELM, $REPLIQUE_CACHE/bin, PATH): the chart is not rendered; bash infra/helm/install-helm.sh installs it');

interface K8sObject {
  kind: string;
  metadata: { name: string };
  data?: Env;
  spec: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function render(...set: string[]): K8sObject[] {
  const args = ['template', 'rq', chart, ...set.flatMap((s) => ['--set', s])];
  // stderr: helm notes that files/monitoring-rules is a link (to infra/monitoring/rules), which is the point.
  const out = execFileSync(helm!, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseAllDocuments(out)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

(helm ? describe : describe.skip)('Helm chart (infra/helm/replique, rendered by helm template)', () => {
  test('helm lint passes', () => {
    expect(() => execFileSync(helm!, ['lint', '--strict', chart], { stdio: 'pipe' })).not.toThrow();
  });

  const objects = helm ? render() : [];
  const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'rq-replique')!;
  const deployment = (name: string) => objects.find((o) => o.kind === 'Deployment' && o.metadata.name === `rq-replique-${name}`)!;

  test.each(processNames)('%s: image ENV + ConfigMap + env + Secret refs fit its configuration schema', (name) => {
    const container = deployment(name).spec.template.spec.containers[0];
    expect(container.args).toEqual([name]);
    expect(container.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }]);
    const env: Env = { ...configMap.data };
    for (const item of container.env as Array<{ name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }>) {
      if (item.valueFrom) {
        expect(item.valueFrom.secretKeyRef.name).toBe('replique');
        // A stand-in of the right shape for each secret the pod would read.
        env[item.name] = item.name === 'DATABASE_URL' ? 'postgres://replique:pw@postgres:5432/replique'
          : KEY_LISTS.has(item.name) ? KEY_STAND_IN : `${item.name.toLowerCase()}-0123456789abcdef`;
      } else env[item.name] = item.value!;
    }
    expectEnvFits(name, env);
  });

  test('intake and review are probed on their own /healthz, served on the port their Service targets', () => {
    for (const name of ['intake', 'review']) {
      const container = deployment(name).spec.template.spec.containers[0];
      const port = container.ports.find((p: { name: string }) => p.name === 'http').containerPort;
      const envPort = container.env.find((e: { name: string }) => e.name === `${name.toUpperCase()}_HTTP_PORT`).value;
      expect(String(port)).toBe(envPort);
      for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) expect(container[probe].httpGet).toEqual({ path: '/healthz', port: 'http' });
      const service = objects.find((o) => o.kind === 'Service' && o.metadata.name === `rq-replique-${name}`)!;
      expect(service.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
    }
    // The worker and the starter have no HTTP endpoint, so no probe (Kubernetes restarts a process that exits).
    for (const name of ['worker', 'starter', 'kpi']) expect(deployment(name).spec.template.spec.containers[0].livenessProbe).toBeUndefined();
  });

  test('autoscaling is off by default; on, an HPA scales the worker and the Deployment leaves replicas to it', () => {
    expect(objects.some((o) => o.kind === 'HorizontalPodAutoscaler')).toBe(false);
    const scaled = render('processes.worker.autoscaling.enabled=true');
    const hpa = scaled.find((o) => o.kind === 'HorizontalPodAutoscaler')!;
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'rq-replique-worker' });
    expect(scaled.find((o) => o.kind === 'Deployment' && o.metadata.name === 'rq-replique-worker')!.spec.replicas).toBeUndefined();
  });

  test('the worker takes the LLM intent vote and the embeddings from its values (off by default)', () => {
    const workerSettings = (rendered: K8sObject[]) => {
      const container = rendered.find((o) => o.kind === 'Deployment' && o.metadata.name === 'rq-replique-worker')!.spec.template.spec.containers[0];
      const env = Object.fromEntries((container.env as Array<{ name: string; value?: string }>)
        .filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
      return workerDecisionSettings(loadWorkerConfig(withRepoPaths({ ...image.env, ...configMap.data, ...env })));
    };
    expect(workerSettings(objects)).toMatchObject({ intentLlm: { baseURL: undefined, model: undefined }, reply: { embeddings: null, llm: null } });
    const on = workerSettings(render(
      'processes.worker.env.REPLIQUE_INTENT_LLM_BASE_URL=http://llm:8080/v1', 'processes.worker.env.REPLIQUE_INTENT_LLM_MODEL=small',
      'processes.worker.env.EMBEDDINGS_BASE_URL=http://embed:8080/v1', 'processes.worker.env.EMBEDDINGS_MODEL=e5-small',
      'processes.worker.env.EMBEDDINGS_DIMENSIONS=384',
    ));
    expect(on.intentLlm).toMatchObject({ baseURL: 'http://llm:8080/v1', model: 'small' });
    expect(on.reply.embeddings).toMatchObject({ baseURL: 'http://embed:8080/v1', model: 'e5-small', dimensions: 384 });
  });

  test('every process serves /metrics on a port named `metrics`, the one its METRICS_PORT says and Prometheus keeps', () => {
    for (const name of processNames) {
      const container = deployment(name).spec.template.spec.containers[0];
      const env = Object.fromEntries((container.env as Array<{ name: string; value?: string }>).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
      const port = (container.ports as Array<{ name: string; containerPort: number }>).find((p) => p.name === 'metrics')!.containerPort;
      expect({ name, port }).toEqual({ name, port: metricsPortOf(name, { ...configMap.data, ...env }) });
    }
    const config = parse(objects.find((o) => o.metadata.name === 'rq-replique-prometheus' && o.kind === 'ConfigMap')!.data!['prometheus.yml']!) as {
      scrape_configs: Array<{ job_name: string; relabel_configs: Array<{ regex?: string; action?: string }> }>;
    };
    const job = config.scrape_configs.find((c) => c.job_name === 'replique')!;
    expect(job.relabel_configs.find((r) => r.action === 'keep')!.regex).toBe('rq;replique;metrics');
  });

  test('Prometheus loads the repository\'s rule files, the same bytes, and its configuration is valid', () => {
    const promConfig = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'rq-replique-prometheus')!;
    for (const file of ruleFiles) expect(promConfig.data![file]).toBe(readFileSync(path.join(rulesDir, file), 'utf8'));
    expect(Object.keys(promConfig.data!).sort()).toEqual([...ruleFiles, 'prometheus.yml'].sort());
    const config = promConfig.data!['prometheus.yml']!;
    expect((parse(config) as { rule_files: string[] }).rule_files).toEqual(ruleFiles.map((f) => `/etc/prometheus/rules/${f}`));
    expect(config).toContain("targets: ['rq-replique-alertmanager:9093']");
    expectPrometheusConfigValid(config, '/etc/prometheus/rules/');
    const pod = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'rq-replique-prometheus')!.spec.template.spec;
    expect(pod.serviceAccountName).toBe('rq-replique-prometheus');
    const role = objects.find((o) => o.kind === 'Role' && o.metadata.name === 'rq-replique-prometheus') as unknown as { rules: unknown };
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }]);
  });

  test('Alertmanager routes as the local stack does (infra/monitoring/render-config.sh), to the review service with the Secret\'s token', () => {
    const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'rq-replique-alertmanager')!.data!['alertmanager.yml']!;
    const helmValues = {
      ALERT_WEBHOOK_URL: 'http://rq-replique-review:8082/hooks/alertmanager', ALERTS_WEBHOOK_TOKEN_FILE: '/etc/alertmanager/secrets/ALERTS_WEBHOOK_TOKEN',
      ALERT_MAIL_TO: 'leads@example.com',
    };
    const local = {
      ALERT_WEBHOOK_URL: 'http://127.0.0.1:8082/hooks/alertmanager', ALERTS_WEBHOOK_TOKEN_FILE: '/run/alerts-webhook.token',
      ALERT_MAIL_TO: 'leads@replique.local',
    };
    const rendered = renderMonitoring('alertmanager', { ...local, ALERT_SMARTHOST: '127.0.0.1:2525', ALERT_MAIL_FROM: 'alerts@replique.local' });
    expect(alertRouting(config, helmValues)).toEqual(alertRouting(rendered, local));
    expectAlertmanagerConfigValid(config, helmValues.ALERTS_WEBHOOK_TOKEN_FILE);
    const pod = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'rq-replique-alertmanager')!.spec.template.spec;
    expect(pod.volumes.find((v: { name: string }) => v.name === 'webhook-token').secret).toEqual({ secretName: 'replique', items: [{ key: 'ALERTS_WEBHOOK_TOKEN', path: 'ALERTS_WEBHOOK_TOKEN' }] });
    const review = deployment('review').spec.template.spec.containers[0].env as Array<{ name: string; valueFrom?: { secretKeyRef: { key: string } } }>;
    expect(review.find((e) => e.name === 'ALERTS_WEBHOOK_TOKEN')!.valueFrom!.secretKeyRef.key).toBe('ALERTS_WEBHOOK_TOKEN');
  });

  test('monitoring.enabled=false leaves Prometheus and Alertmanager out', () => {
    const names = render('monitoring.enabled=false').map((o) => o.metadata.name);
    expect(names.filter((n) => /prometheus|alertmanager/.test(n))).toEqual([]);
    expect(objects.filter((o) => /prometheus|alertmanager/.test(o.metadata.name)).map((o) => o.kind).sort())
      .toEqual(['ConfigMap', 'ConfigMap', 'Deployment', 'Deployment', 'Role', 'RoleBinding', 'Service', 'Service', 'ServiceAccount']);
  });

  test('tls.secretName mounts the Secret of certificates read-only at /etc/replique/tls in every process (none by default)', () => {
    for (const name of processNames) expect(deployment(name).spec.template.spec.volumes).toBeUndefined();
    const withTls = render('tls.secretName=replique-tls');
    for (const name of processNames) {
      const pod = withTls.find((o) => o.kind === 'Deployment' && o.metadata.name === `rq-replique-${name}`)!.spec.template.spec;
      expect(pod.volumes).toEqual([{ name: 'tls', secret: { secretName: 'replique-tls', defaultMode: 0o440 } }]);
      expect(pod.containers[0].volumeMounts).toEqual([{ name: 'tls', mountPath: '/etc/replique/tls', readOnly: true }]);
    }
  });

  test('no secret value in the rendered chart: only references to the Secret', () => {
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
    const text = JSON.stringify(objects);
    for (const key of ['DATABASE_URL', 'INTAKE_TOKEN', 'REVIEW_TOKEN']) expect(text).not.toMatch(new RegExp(`"name":"${key}","value"`));
  });
});
