/**
 * Kafka over TLS and SASL_SSL, for real: a private Kafka (the stack's, its own home and ports) with an SSL listener
 * and a SASL_SSL listener (PLAIN), its certificate for `localhost` signed by a CA made here with openssl. The
 * clients the processes build — createKafka with kafkaSecurityOf(config) from the schema's KAFKA_SSL_* and
 * KAFKA_SASL_* — produce and read a message over each; with another CA, or a wrong SASL password, they do not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createKafka, ensureTopics } from '../../activities/src/adapters/kafka/kafka-client';
import { loadKpiConfig } from '../../services/src/config/kpi-config';
import { kafkaSecurityOf } from '../../services/src/config/tls-env';
import { privateKafka, type PrivateKafka } from '../support/private-kafka';
import { createTestCa, type TestCa } from '../support/test-ca';
import { freePort } from '../support/smtp-sink';

jest.setTimeout(240_000);

let ca: TestCa;
let wrongCa: TestCa;
let kafka: PrivateKafka;
let tlsPort = 0;
let saslPort = 0;
const saslPassword = randomUUID();

beforeAll(async () => {
  ca = createTestCa('kafka');
  wrongCa = createTestCa('kafka-wrong');
  const server = ca.issue('server', { cn: 'localhost', altNames: ['DNS:localhost'] });
  const keystoreFile = path.join(ca.dir, 'keystore.pem');
  writeFileSync(keystoreFile, readFileSync(server.keyFile, 'utf8') + readFileSync(server.certFile, 'utf8'));
  tlsPort = await freePort();
  saslPort = await freePort();
  kafka = await privateKafka('tls', { keystoreFile, tlsPort, saslPort, saslPassword });
  await kafka.start();
});

afterAll(async () => {
  await kafka?.destroy();
  ca?.remove();
  wrongCa?.remove();
});

/** A client built as the processes build theirs, from these variables. */
const clientOf = (brokers: string, env: Record<string, string>) => {
  const config = loadKpiConfig({ KAFKA_BROKERS: brokers, ...env });
  return createKafka(config.KAFKA_BROKERS, `tls-test-${randomUUID().slice(0, 8)}`, kafkaSecurityOf(config));
};

async function roundTrip(brokers: string, env: Record<string, string>): Promise<string> {
  const client = clientOf(brokers, env);
  const topic = `test.tls.${randomUUID().slice(0, 8)}`;
  await ensureTopics(client, [topic], { numPartitions: 1 });
  const producer = client.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value: 'over TLS' }] });
  await producer.disconnect();
  const consumer = client.consumer({ groupId: `tls-test-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const value = await new Promise<string>((resolve) => {
    void consumer.run({ eachMessage: async ({ message }) => resolve(message.value!.toString()) });
  });
  await consumer.disconnect();
  return value;
}

test('KAFKA_SSL with the CA: a message produced and read over the SSL listener', async () => {
  expect(await roundTrip(`localhost:${tlsPort}`, { KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: ca.caFile })).toBe('over TLS');
});

test('SASL PLAIN over TLS: a message produced and read over the SASL_SSL listener', async () => {
  expect(await roundTrip(`localhost:${saslPort}`, {
    KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: ca.caFile, KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'replique', KAFKA_SASL_PASSWORD: saslPassword,
  })).toBe('over TLS');
});

test('another CA, or a wrong SASL password: no connection; the schema wants the pieces together', async () => {
  const admin = (brokers: string, env: Record<string, string>) => clientOf(brokers, env).admin({ retry: { retries: 0 } });
  await expect(admin(`localhost:${tlsPort}`, { KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: wrongCa.caFile }).connect()).rejects.toThrow();
  await expect(admin(`localhost:${saslPort}`, {
    KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: ca.caFile, KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'replique', KAFKA_SASL_PASSWORD: 'wrong',
  }).connect()).rejects.toThrow(/SASL|Authentication/i);
  expect(() => loadKpiConfig({ KAFKA_SASL_MECHANISM: 'plain' })).toThrow(/needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/);
  expect(() => loadKpiConfig({ KAFKA_SSL_CA_FILE: ca.caFile })).toThrow(/needs KAFKA_SSL=true/);
});
