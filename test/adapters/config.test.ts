/** Process configuration: .env.example lists every variable of every process schema; invalid env fails fast. */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../services/src/config/parse-env';
import { IntakeEnvSchema, loadIntakeConfig } from '../../services/src/config/intake-config';
import { StarterEnvSchema } from '../../services/src/config/starter-config';
import { loadWorkerConfig, WorkerEnvSchema } from '../../services/src/config/worker-config';
import { loadStarterConfig } from '../../services/src/config/starter-config';
import { createWorkerDeps } from '../../services/src/worker/create-worker-deps';
import { startIntake } from '../../services/src/intake/main';
import { withTestDatabase } from '../support/pg';
import { deleteTopics, stack } from './stack-env';
import { createKafka } from '../../activities/src/adapters/kafka/kafka-client';
import { ReviewEnvSchema } from '../../services/src/config/review-config';
import { CodecServerEnvSchema } from '../../services/src/config/codec-server-config';
import { KpiEnvSchema } from '../../services/src/config/kpi-config';
import { repoRoot } from '../support/paths';

function exampleEnv(): Map<string, string> {
  const text = readFileSync(path.join(repoRoot, '.env.example'), 'utf8');
  const entries = text
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!] as [string, string]);
  return new Map(entries);
}

const schemas: Record<string, { shape: Record<string, unknown> }> = {
  intake: IntakeEnvSchema,
  starter: StarterEnvSchema,
  worker: WorkerEnvSchema,
  review: ReviewEnvSchema,
  'codec-server': CodecServerEnvSchema,
  kpi: KpiEnvSchema,
};

test.each(Object.keys(schemas))('.env.example lists every variable of the %s schema', (name) => {
  const listed = exampleEnv();
  const missing = Object.keys(schemas[name]!.shape).filter((key) => !listed.has(key));
  expect(missing).toEqual([]);
});

test('.env.example parses as a valid intake configuration with the local stack defaults', () => {
  const config = loadIntakeConfig(Object.fromEntries(exampleEnv()));
  expect(config).toMatchObject({
    databaseUrl: 'postgres://postgres@127.0.0.1:5433/replique',
    kafka: { brokers: ['127.0.0.1:9092'], clientId: 'replique-intake', inboundTopic: 'email.inbound' },
    mailbox: 'support',
    maxRawBytes: 40 * 1024 * 1024,
    http: { host: '127.0.0.1', port: 8081 },
    imap: null,
  });
});

test('an invalid intake environment fails with every problem named, and no secret value echoed', () => {
  const attempt = () =>
    loadIntakeConfig({ INTAKE_HTTP_PORT: 'eighty', INTAKE_TOKEN: 'short-secret', KAFKA_BROKERS: ' , ', INTAKE_IMAP_ENABLED: 'maybe' });
  expect(attempt).toThrow(ConfigError);
  const message = (() => {
    try {
      attempt();
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  })();
  expect(message).toContain('invalid configuration for intake');
  for (const name of ['INTAKE_HTTP_PORT', 'INTAKE_TOKEN', 'KAFKA_BROKERS', 'INTAKE_IMAP_ENABLED']) expect(message).toContain(name);
  expect(message).not.toContain('short-secret');
});

test('HTTP intake needs a token; turning both intakes off is refused', () => {
  expect(() => loadIntakeConfig({})).toThrow(/INTAKE_TOKEN: required when INTAKE_HTTP_ENABLED/);
  expect(() => loadIntakeConfig({ INTAKE_HTTP_ENABLED: 'false' })).toThrow(/both off/);
  expect(loadIntakeConfig({ INTAKE_HTTP_ENABLED: 'false', INTAKE_IMAP_ENABLED: 'true' }).imap).toMatchObject({
    host: '127.0.0.1', port: 1143, user: 'support', folder: 'INBOX',
  });
});

describe('files the processes read: the migrations and the intent model', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'replique-config-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('by default, the source tree\'s own (they exist)', () => {
    const worker = loadWorkerConfig({});
    expect(worker.REPLIQUE_MIGRATIONS_DIR).toBe(path.join(repoRoot, 'infra', 'migrations'));
    expect(worker.REPLIQUE_INTENT_MODEL_FILE).toBe(path.join(repoRoot, 'ml', 'models', 'intent-model.json'));
    expect(loadIntakeConfig({ INTAKE_TOKEN: 'x'.repeat(16) }).migrationsDir).toBe(worker.REPLIQUE_MIGRATIONS_DIR);
  });

  test('a path that does not exist stops the start, naming the variable', () => {
    const missing = path.join(tmp, 'nowhere');
    expect(() => loadWorkerConfig({ REPLIQUE_MIGRATIONS_DIR: missing, REPLIQUE_INTENT_MODEL_FILE: missing })).toThrow(
      /REPLIQUE_MIGRATIONS_DIR: must name an existing directory[\s\S]*REPLIQUE_INTENT_MODEL_FILE: must name an existing file/,
    );
    expect(() => loadStarterConfig({ REPLIQUE_MIGRATIONS_DIR: path.join(repoRoot, 'package.json') })).toThrow(/existing directory/);
  });

  test('a process applies the migrations of REPLIQUE_MIGRATIONS_DIR (a copy outside the source tree)', async () => {
    const dir = path.join(tmp, 'migrations');
    cpSync(path.join(repoRoot, 'infra', 'migrations'), dir, { recursive: true });
    const kept = readdirSync(dir).sort().slice(0, 3);
    for (const file of readdirSync(dir)) if (!kept.includes(file)) rmSync(path.join(dir, file));
    const db = await withTestDatabase({ migrate: false });
    const topics = [`test.email.inbound.config.${path.basename(tmp)}`, `test.email.events.config.${path.basename(tmp)}`];
    try {
      const intake = await startIntake(
        loadIntakeConfig({
          DATABASE_URL: db.databaseUrl, REPLIQUE_MIGRATIONS_DIR: dir, KAFKA_BROKERS: stack.kafkaBrokers.join(','),
          KAFKA_TOPIC_INBOUND: topics[0], KAFKA_TOPIC_EVENTS: topics[1], INTAKE_HTTP_PORT: '0', INTAKE_TOKEN: 'x'.repeat(16),
        }),
      );
      await intake.stop();
      const { rows } = await db.pool.query<{ name: string }>('select name from schema_migrations order by id');
      expect(rows.map((r) => r.name)).toEqual(kept);
    } finally {
      await deleteTopics(createKafka(stack.kafkaBrokers, 'replique-config-test'), topics);
      await db.close();
    }
  });

  test('the worker reads REPLIQUE_INTENT_MODEL_FILE, before it opens any connection', async () => {
    const broken = path.join(tmp, 'intent-model.json');
    writeFileSync(broken, JSON.stringify({ kind: 'hashed-ngram-logreg', version: 'broken' }));
    // Unreachable servers: the start must fail on the model, not on a connection.
    const config = loadWorkerConfig({ REPLIQUE_INTENT_MODEL_FILE: broken, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    await expect(createWorkerDeps(config)).rejects.toThrow(`invalid ${broken}`);
  });
});
