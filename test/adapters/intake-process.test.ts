/**
 * The intake process as main.ts wires it (config → Postgres, Kafka, HTTP, IMAP), on a fresh database, its own
 * topics, a port the system picks and its own IMAP folder: mail from both doors lands on email.inbound; stop() is clean.
 */
import { randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import type { Kafka } from 'kafkajs';
import { createKafka } from '../../activities/src/adapters/kafka/kafka-client';
import { loadIntakeConfig } from '../../services/src/config/intake-config';
import { startIntake, type RunningIntake } from '../../services/src/intake/main';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { captureInbound, type InboundCapture } from './inbound-capture';
import { deleteTopics, stack, waitFor } from './stack-env';

jest.setTimeout(90_000);

const runId = randomUUID().slice(0, 8);
const folder = `ReplIntake-${runId}`;
const TOKEN = `intake-token-${runId}-0123456789`;

let db: TestDatabase;
let kafka: Kafka;
let capture: InboundCapture;
let imap: ImapFlow;
let intake: RunningIntake | undefined;

beforeAll(async () => {
  db = await withTestDatabase({ migrate: false }); // the process migrates at start
  imap = new ImapFlow({ ...stack.imap, auth: { user: stack.imap.user, pass: stack.imap.password }, logger: false, doSTARTTLS: false });
  imap.on('error', () => undefined);
  await imap.connect();
  await imap.mailboxCreate(folder);
});

afterAll(async () => {
  await intake?.stop();
  await capture?.stop();
  if (kafka) await deleteTopics(kafka, [`test.email.inbound.process.${runId}`, `test.email.events.process.${runId}`]);
  if (imap?.usable) {
    await imap.mailboxDelete(folder).catch(() => undefined);
    await imap.logout();
  }
  await db?.close();
});

test('HTTP and IMAP intake run in one process and publish to email.inbound', async () => {
  // A retry starts from a clean slate: the first attempt's process (left running when it failed) is stopped first.
  await intake?.stop();
  intake = undefined;
  await capture?.stop();
  const config = loadIntakeConfig({
    DATABASE_URL: db.databaseUrl,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    KAFKA_TOPIC_INBOUND: `test.email.inbound.process.${runId}`,
    KAFKA_TOPIC_EVENTS: `test.email.events.process.${runId}`,
    INTAKE_HTTP_PORT: '0', // the system picks the port, the process reports it: no port picked ahead and bound later
    INTAKE_TOKEN: TOKEN,
    INTAKE_IMAP_ENABLED: 'true',
    IMAP_HOST: stack.imap.host,
    IMAP_PORT: String(stack.imap.port),
    IMAP_USER: stack.imap.user,
    IMAP_PASSWORD: stack.imap.password,
    IMAP_FOLDER: folder,
    IMAP_POLL_INTERVAL_MS: '60000',
  });
  intake = await startIntake(config);
  const port = intake.httpPort!;
  expect(port).toBeGreaterThan(0);
  kafka = createKafka(stack.kafkaBrokers, 'replique-intake-process-test');
  capture = await captureInbound(kafka, config.kafka.inboundTopic, `test-intake-process-${runId}`);

  const viaHttp = Buffer.from(`Message-ID: <${randomUUID()}@customer.test>\r\nSubject: http\r\n\r\nvia HTTP\r\n`);
  const response = await fetch(`http://127.0.0.1:${port}/intake/raw`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
    body: viaHttp,
  });
  expect(response.status).toBe(202);
  const { emailKey } = (await response.json()) as { emailKey: string };

  await waitFor('the IMAP poller connected', () => intake!.imap?.stats().connected);
  await imap.append(folder, Buffer.from(`Message-ID: <${randomUUID()}@customer.test>\r\nSubject: imap\r\n\r\nvia IMAP\r\n`));

  await waitFor('both refs', () => capture.refs.length === 2);
  expect(capture.refs.find((r) => r.source === 'http')?.emailKey).toBe(emailKey);
  expect(capture.refs.find((r) => r.source === 'imap')).toBeDefined();

  await intake.stop();
  intake = undefined;
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
});
