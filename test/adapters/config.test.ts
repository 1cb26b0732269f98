/** Process configuration: .env.example lists every variable of every process schema; invalid env fails fast. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../services/src/config/parse-env';
import { IntakeEnvSchema, loadIntakeConfig } from '../../services/src/config/intake-config';
import { StarterEnvSchema } from '../../services/src/config/starter-config';
import { WorkerEnvSchema } from '../../services/src/config/worker-config';
import { ReviewEnvSchema } from '../../services/src/config/review-config';
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
