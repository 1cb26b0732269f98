/**
 * Kafka adapter against the local broker: publish → consume round trip, offsets committed after the handlers (once
 * per fetched batch), redelivery of an uncommitted message to the next consumer of the group, retry after a handler
 * error, a member rebuilt after a crash kafkajs does not restart from, poison messages skipped.
 * Each test uses its own topics and group. (Events of `email.events`: event-outbox.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import { Partitioners, type Kafka } from 'kafkajs';
import { createKafka, ensureTopics } from '../../activities/src/adapters/kafka/kafka-client';
import { createEmailProducer, type EmailProducer } from '../../activities/src/adapters/kafka/email-producer';
import { consumeInbound, type InboundConsumer } from '../../activities/src/adapters/kafka/inbound-consumer';
import type { InboundRef } from '../../activities/src/domain/inbound-ref';
import { deleteTopics, stack, waitFor } from './stack-env';

jest.setTimeout(60_000);

let kafka: Kafka;
const consumers: InboundConsumer[] = [];
const producers: EmailProducer[] = [];
const createdTopics: string[] = [];

function names() {
  const id = randomUUID().slice(0, 8);
  return { inbound: `test.email.inbound.${id}`, events: `test.email.events.${id}`, group: `test-starter-${id}` };
}

async function producerFor(topics: { inbound: string; events: string }): Promise<EmailProducer> {
  await ensureTopics(kafka, [topics.inbound, topics.events], { numPartitions: 1 });
  createdTopics.push(topics.inbound, topics.events);
  const producer = createEmailProducer(kafka, topics);
  await producer.connect();
  producers.push(producer);
  return producer;
}

const ref = (n: number): InboundRef => ({
  emailKey: `${n}`.padStart(64, 'a'),
  rawId: String(n),
  mailbox: 'support',
  source: 'http',
  receivedAt: new Date().toISOString(),
});

async function committedOffset(group: string, topic: string): Promise<string | undefined> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [entry] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    return entry?.partitions[0]?.offset;
  } finally {
    await admin.disconnect();
  }
}

beforeAll(() => {
  kafka = createKafka(stack.kafkaBrokers, 'replique-adapter-tests');
});

afterEach(async () => {
  await Promise.all(consumers.splice(0).map((c) => c.stop()));
});

afterAll(async () => {
  await Promise.all(producers.map((p) => p.disconnect()));
  await deleteTopics(kafka, createdTopics);
});

test('published references are consumed in order and committed after the handler', async () => {
  const topics = names();
  const producer = await producerFor(topics);
  for (const n of [1, 2, 3]) await producer.publishInbound(ref(n));

  const seen: InboundRef[] = [];
  consumers.push(
    await consumeInbound(kafka, {
      groupId: topics.group,
      topic: topics.inbound,
      handler: async (r) => {
        seen.push(r);
      },
    }),
  );
  await waitFor('three messages', () => seen.length >= 3);
  expect(seen.map((r) => r.rawId)).toEqual(['1', '2', '3']);
  const { receivedAt: _at, ...first } = ref(1);
  expect(seen[0]).toMatchObject(first);
  await waitFor('the commit', async () => (await committedOffset(topics.group, topics.inbound)) === '3');
});

test('messages fetched together are committed together: one OffsetCommit request for a batch, after its last handler', async () => {
  const topics = names();
  const producer = await producerFor(topics);
  for (const n of [1, 2, 3, 4, 5, 6]) await producer.publishInbound(ref(n));
  // The consumer's own Kafka requests, counted by API (kafkajs's instrumentation).
  const requests = new Map<string, number>();
  const counted = Object.create(kafka) as Kafka;
  counted.consumer = (config) => {
    const consumer = kafka.consumer(config);
    consumer.on(consumer.events.REQUEST, ({ payload }) => requests.set(payload.apiName, (requests.get(payload.apiName) ?? 0) + 1));
    return consumer;
  };
  const seen: string[] = [];
  consumers.push(
    await consumeInbound(counted, {
      groupId: topics.group,
      topic: topics.inbound,
      handler: async (r) => {
        seen.push(r.rawId);
      },
    }),
  );
  await waitFor('the commit of all six', async () => (await committedOffset(topics.group, topics.inbound)) === '6');
  expect(seen).toEqual(['1', '2', '3', '4', '5', '6']);
  // Six messages published before the consumer joined arrive in one fetch (two at most): one commit each.
  expect(requests.get('OffsetCommit')).toBeLessThanOrEqual(2);
});

test('a message whose handler did not finish is redelivered to the next consumer; committed ones are not', async () => {
  const topics = names();
  const producer = await producerFor(topics);
  await producer.publishInbound(ref(1));

  const first: string[] = [];
  let inFlight = false;
  const consumerA = await consumeInbound(kafka, {
    groupId: topics.group,
    topic: topics.inbound,
    handler: async (r, { signal }) => {
      first.push(r.rawId);
      if (r.rawId === '1') return;
      // Message 2: the "process" dies before finishing — it gives up when the consumer stops.
      inFlight = true;
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      throw new Error('stopped before the work was done');
    },
  });
  await waitFor('message 1 handled and committed', async () => (await committedOffset(topics.group, topics.inbound)) === '1');
  await producer.publishInbound(ref(2));
  await waitFor('message 2 in flight', () => inFlight);
  await consumerA.stop();
  expect(first).toEqual(['1', '2']);
  expect(await committedOffset(topics.group, topics.inbound)).toBe('1');

  const second: string[] = [];
  consumers.push(
    await consumeInbound(kafka, {
      groupId: topics.group,
      topic: topics.inbound,
      handler: async (r) => {
        second.push(r.rawId);
      },
    }),
  );
  await waitFor('message 2 redelivered', () => second.includes('2'));
  await waitFor('the commit', async () => (await committedOffset(topics.group, topics.inbound)) === '2');
  expect(second).toEqual(['2']);
});

test('a failing handler is retried by the same consumer until it succeeds', async () => {
  const topics = names();
  const producer = await producerFor(topics);
  await producer.publishInbound(ref(7));
  let attempts = 0;
  consumers.push(
    await consumeInbound(kafka, {
      groupId: topics.group,
      topic: topics.inbound,
      handler: async () => {
        attempts++;
        if (attempts < 3) throw new Error('temporal unavailable');
      },
    }),
  );
  await waitFor('the commit after the third attempt', async () => (await committedOffset(topics.group, topics.inbound)) === '1', 30_000);
  expect(attempts).toBe(3);
});

test('a crash kafkajs does not restart from (a handler bug: TypeError) does not end consumption: the member is rebuilt and the message redelivered', async () => {
  const topics = names();
  const producer = await producerFor(topics);
  await producer.publishInbound(ref(9));
  await producer.publishInbound(ref(10));
  const handled: string[] = [];
  let bugs = 0;
  consumers.push(
    await consumeInbound(kafka, {
      groupId: topics.group,
      topic: topics.inbound,
      handler: async (r) => {
        if (r.rawId === '9' && bugs === 0) {
          bugs++;
          // kafkajs counts a TypeError as unrecoverable: it stops this consumer for good.
          throw new TypeError("Cannot read properties of undefined (reading 'x')");
        }
        handled.push(r.rawId);
      },
    }),
  );
  await waitFor('both messages handled after the rebuild', () => handled.length === 2, 45_000);
  await waitFor('both committed', async () => (await committedOffset(topics.group, topics.inbound)) === '2', 30_000);
  expect(bugs).toBe(1);
  expect(handled).toEqual(['9', '10']);
});

test('an invalid message is skipped and committed, the next one is handled', async () => {
  const topics = names();
  const producer = await producerFor(topics);
  const raw = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await raw.connect();
  await raw.send({ topic: topics.inbound, messages: [{ key: 'x', value: '{"not":"a ref"}' }] });
  await raw.disconnect();
  await producer.publishInbound(ref(8));

  const seen: string[] = [];
  consumers.push(
    await consumeInbound(kafka, {
      groupId: topics.group,
      topic: topics.inbound,
      handler: async (r) => {
        seen.push(r.rawId);
      },
    }),
  );
  await waitFor('the valid message', () => seen.length === 1);
  await waitFor('both committed', async () => (await committedOffset(topics.group, topics.inbound)) === '2');
  expect(seen).toEqual(['8']);
});

test('publishInbound refuses a reference that is not valid (no body, no unknown fields)', async () => {
  const topics = names();
  const producer = await producerFor(topics);
  await expect(producer.publishInbound({ ...ref(1), body: 'Hello' } as InboundRef)).rejects.toThrow();
});
