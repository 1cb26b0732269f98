/**
 * Idempotent producer of `email.inbound` (the events of `email.events` go through the outbox: event-relay.ts).
 * Messages are keyed by emailKey, so every message about one email lands on one partition, in order. acks=all and the idempotent producer: a retried send is not duplicated
 * by the broker. (A retry by the caller after an error can still publish twice: consumers are idempotent.)
 *
 * The idempotent producer has one request in flight at a time, so concurrent callers (50 activities of a worker,
 * the HTTP intake's requests) would each wait for every send queued before theirs. Instead, messages published
 * while a send is in flight go together in the next one (a group commit): each caller still returns only once
 * the broker has acknowledged its message, a lone message is sent at once, and per-key order is kept.
 */
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { InboundRefSchema, type InboundRef } from '../../domain/inbound-ref';
import { EMAIL_TOPICS, type EmailTopics } from './topics';
import { traceHeaders } from './trace-context';

export interface EmailPublisher {
  publishInbound(ref: InboundRef): Promise<void>;
}

export interface EmailProducer extends EmailPublisher {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

export function createEmailProducer(kafka: Kafka, topics: EmailTopics = EMAIL_TOPICS): EmailProducer {
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });

  const senders = new Map<string, (message: Message) => Promise<void>>();
  function send(topic: string, key: string, value: unknown, schema: string): Promise<void> {
    let sender = senders.get(topic);
    if (!sender) senders.set(topic, (sender = groupCommitSender(producer, topic)));
    return sender({ key, value: JSON.stringify(value), headers: { 'content-type': 'application/json', schema, ...traceHeaders() } });
  }

  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),

    async publishInbound(ref) {
      const valid = InboundRefSchema.parse(ref);
      await send(topics.inbound, valid.emailKey, valid, 'inbound-ref/1');
    },
  };
}

/** Most messages in one produce request. */
const MAX_BATCH = 500;

/**
 * Sends to one topic: a message published while an earlier send is in flight waits for it and goes with the others
 * in the next send. Each promise settles with its own batch (acknowledged, or that batch's error).
 */
export function groupCommitSender(producer: Pick<Producer, 'send'>, topic: string): (message: Message) => Promise<void> {
  const queue: Array<{ message: Message; resolve: () => void; reject: (error: unknown) => void }> = [];
  let sending = false;
  const drain = async () => {
    sending = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        await producer.send({ topic, acks: -1, messages: batch.map((b) => b.message) });
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    sending = false;
  };
  return (message) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ message, resolve, reject });
      if (!sending) void drain();
    });
}
