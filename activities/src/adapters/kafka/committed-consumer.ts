/**
 * A consumer group whose offsets move only past handled messages, the one way this project reads a topic: a message's
 * offset is resolved only after the handler took it, and the resolved offsets are committed once per fetched batch
 * (kafkajs's commit at a batch's end, on a handler error before it throws, on a rebalance and at stop; within a long
 * batch every COMMIT_EVERY messages or COMMIT_AFTER_MS), not one OffsetCommit request per message. So a crash or a
 * failing handler means redelivery from the last committed offset, at most the rest of one batch handled again
 * (at-least-once; handlers are idempotent). Messages of one partition (so of one email, as messages are keyed by
 * email) are handled one at a time, in order. A message `parse` refuses cannot succeed on retry: it is logged (no
 * content) and skipped. `stop()` aborts the `signal` given to in-flight handlers, then leaves the group. A crash
 * kafkajs does not recover from is not the end of consumption: the group member is rebuilt (consumeCommitted).
 */
import type { Consumer, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { createLogger } from '../../logger';

export interface MessageMeta {
  topic: string;
  partition: number;
  offset: string;
  /** The message's headers (e.g. its trace context: trace-context.ts). */
  headers?: IHeaders | undefined;
  /** Aborted when the consumer is stopping. */
  signal: AbortSignal;
}

export interface CommittedConsumerOptions<T> {
  /** Names the consumer in logs, e.g. `inbound`. */
  name: string;
  topic: string;
  groupId: string;
  /** Where a group without committed offsets starts (default true: nothing published before the first start is lost). */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  parse(message: KafkaMessage): T | null;
  handle(item: T, meta: MessageMeta): Promise<void>;
  /** The email a message is about, for logs. */
  emailKeyOf(item: T): string;
}

export interface CommittedConsumer {
  /** Stops fetching, aborts in-flight handlers, leaves the group. */
  stop(): Promise<void>;
}

/** Within one long batch (a backlog after an outage), the handled messages' offsets are committed this often. */
const COMMIT_EVERY = 100;
const COMMIT_AFTER_MS = 5_000;

/** The first rebuild after a crash kafkajs gives up on waits this long; each failed rebuild doubles it, up to the max. */
const REBUILD_FIRST_MS = 1_000;
const REBUILD_MAX_MS = 30_000;

/**
 * kafkajs restarts its consumer after a crash it deems retriable. After any other (a non-retriable protocol error
 * such as a group coordinator not found, or a handler that threw a TypeError) it stops for good while the process
 * lives on, and nothing is consumed again. So such a crash is logged and the group member rebuilt (a new kafkajs
 * consumer, same group), with a growing delay while rebuilds keep crashing; a handled message resets the delay.
 */
export async function consumeCommitted<T>(kafka: Kafka, options: CommittedConsumerOptions<T>): Promise<CommittedConsumer> {
  const log = createLogger(`adapter.kafka.${options.name}-consumer`);
  const stopping = new AbortController();
  let rebuildDelay = REBUILD_FIRST_MS;
  let rebuildTimer: NodeJS.Timeout | undefined;
  let rebuilding: Promise<void> | undefined;
  let member: Consumer;

  const rebuildLater = () => {
    if (stopping.signal.aborted || rebuildTimer) return;
    log.error({ groupId: options.groupId, inMs: rebuildDelay }, `${options.name} consumer stopped by kafkajs; rebuilding it`);
    rebuildTimer = setTimeout(() => {
      rebuildTimer = undefined;
      if (stopping.signal.aborted) return;
      rebuildDelay = Math.min(rebuildDelay * 2, REBUILD_MAX_MS);
      rebuilding = joinGroup(kafka, options, hooks)
        .then(async (rebuilt) => {
          if (stopping.signal.aborted) await rebuilt.disconnect();
          else member = rebuilt;
        })
        .catch((err: unknown) => {
          log.error({ err, groupId: options.groupId }, `${options.name} consumer could not be rebuilt; trying again`);
          rebuildLater();
        });
    }, rebuildDelay);
  };

  const hooks: MemberHooks = { signal: stopping.signal, onFatalCrash: rebuildLater, onHandled: () => (rebuildDelay = REBUILD_FIRST_MS) };
  member = await joinGroup(kafka, options, hooks);

  return {
    async stop() {
      stopping.abort();
      clearTimeout(rebuildTimer);
      await rebuilding;
      await member.disconnect();
    },
  };
}

interface MemberHooks {
  signal: AbortSignal;
  /** kafkajs crashed and will not restart this consumer. */
  onFatalCrash(): void;
  onHandled(): void;
}

/** One kafkajs consumer in the group, running: offsets committed per batch after the handlers, crashes logged. */
async function joinGroup<T>(kafka: Kafka, options: CommittedConsumerOptions<T>, hooks: MemberHooks): Promise<Consumer> {
  const { name, topic } = options;
  const log = createLogger(`adapter.kafka.${name}-consumer`);
  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 30_000,
    heartbeatInterval: 3_000,
    // After a handler error, kafkajs retries in place; when its retries run out the consumer restarts.
    retry: { initialRetryTime: 500, retries: 5 },
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    log.error({ err: payload.error, groupId: options.groupId, restart: payload.restart }, `${name} consumer crashed`);
    if (!payload.restart) hooks.onFatalCrash();
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
  } catch (err) {
    await consumer.disconnect().catch(() => undefined);
    throw err;
  }
  await consumer.run({
    // kafkajs resolves a message's offset when this handler returns, and commits the resolved offsets at the batch's
    // end (or on an error, a rebalance, a stop; or at the threshold or interval below): a handler that throws leaves
    // its message uncommitted.
    autoCommit: true,
    autoCommitThreshold: COMMIT_EVERY,
    autoCommitInterval: COMMIT_AFTER_MS,
    eachMessage: async ({ partition, message }) => {
      const item = options.parse(message);
      if (item === null) {
        log.error({ topic, partition, offset: message.offset }, `invalid ${name} message skipped`);
        return;
      }
      try {
        await options.handle(item, { topic, partition, offset: message.offset, headers: message.headers, signal: hooks.signal });
      } catch (err) {
        log.warn({ err, emailKey: options.emailKeyOf(item), partition, offset: message.offset },
          `${name} handler failed; message not committed, it will be redelivered`);
        throw err;
      }
      hooks.onHandled();
    },
  });
  return consumer;
}
