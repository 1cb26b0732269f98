/**
 * The deployment files against the processes' own configuration schemas (services/src/config): for the image
 * (Dockerfile ENV), Compose (infra/compose/compose.yaml) and the Helm chart (infra/helm/replique, rendered by
 * `helm template` when helm is installed), each process gets every variable its schema requires, no variable its
 * schema does not know (a typo would be ignored silently), and an environment that parses; HTTP processes listen
 * on all interfaces, on the port their health check and Service use. No container is started here: Compose runs
 * for real in test/deploy/compose-stack.deploy.ts (`pnpm test:deploy`); see docs/deploy.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { IntakeEnvSchema, loadIntakeConfig } from '../../services/src/config/intake-config';
import { loadReviewConfig, ReviewEnvSchema } from '../../services/src/config/review-config';
import { loadStarterConfig, StarterEnvSchema } from '../../services/src/config/starter-config';
import { loadWorkerConfig, WorkerEnvSchema } from '../../services/src/config/worker-config';
import { workerDecisionSettings } from '../../services/src/worker/create-worker-deps';
import { repoRoot } from '../support/paths';

type Env = Record<string, string>;

const PROCESSES = {
  worker: { schema: WorkerEnvSchema, load: loadWorkerConfig },
  starter: { schema: StarterEnvSchema, load: loadStarterConfig },
  intake: { schema: IntakeEnvSchema, load: loadIntakeConfig },
  review: { schema: ReviewEnvSchema, load: loadReviewConfig },
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
    services: Record<string, { command?: string[]; environment?: Record<string, string | number | boolean>; healthcheck?: { test: string[] }; ports?: string[] }>;
  };
  const secrets: Env = {
    POSTGRES_PASSWORD: 'pg-password-from-env', INTAKE_TOKEN: 'intake-token-0123456789', REVIEW_TOKEN: 'review-token-0123456789',
    TEMPORAL_PAYLOAD_KEYS: KEY_STAND_IN, DATA_KEKS: KEY_STAND_IN,
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
  const out = execFileSync(helm!, args, { encoding: 'utf8' });
  return parseAllDocuments(out)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

(helm ? describe : describe.skip)('Helm chart (infra/helm/replique, rendered by helm template)', () => {
  test('helm lint passes', () => {
    expect(() => execFileSync(helm!, ['lint', '--strict', chart], { stdio: 'pipe' })).not.toThrow();
  });

  const objects = helm ? render() : [];
  const configMap = objects.find((o) => o.kind === 'ConfigMap')!;
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
    for (const name of ['worker', 'starter']) expect(deployment(name).spec.template.spec.containers[0].livenessProbe).toBeUndefined();
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

  test('no secret value in the rendered chart: only references to the Secret', () => {
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
    const text = JSON.stringify(objects);
    for (const key of ['DATABASE_URL', 'INTAKE_TOKEN', 'REVIEW_TOKEN']) expect(text).not.toMatch(new RegExp(`"name":"${key}","value"`));
  });
});
