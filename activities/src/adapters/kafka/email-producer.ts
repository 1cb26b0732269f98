/**
 * Idempotent producer for the two email topics. Messages are keyed by emailKey, so every message about one
 * email lands on one partition, in order. acks=all and the idempotent producer: a retried send is not duplicated
 * by the broker. (A retry by the caller after an error can still publish twice: consumers are idempotent.)
 */
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { InboundRefSchema, type InboundRef } from '../../domain/inbound-ref';
import { redactPii } from '../../logger';
import { EmailEventSchema, type EmailEvent, type EmailEventInput } from './email-event';
import { EMAIL_TOPICS, type EmailTopics } from './topics';

export interface EmailPublisher {
  publishInbound(ref: InboundRef): Promise<void>;
  publishEvent(event: EmailEventInput): Promise<void>;
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

  async function send(topic: string, key: string, value: unknown, schema: string): Promise<void> {
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key, value: JSON.stringify(value), headers: { 'content-type': 'application/json', schema } }],
    });
  }

  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),

    async publishInbound(ref) {
      const valid = InboundRefSchema.parse(ref);
      await send(topics.inbound, valid.emailKey, valid, 'inbound-ref/1');
    },

    async publishEvent(input) {
      const event: EmailEvent = EmailEventSchema.parse(input);
      const safe = { ...event, data: redactPii(event.data) as EmailEvent['data'] };
      await send(topics.events, event.emailKey, safe, 'email-event/1');
    },
  };
}
