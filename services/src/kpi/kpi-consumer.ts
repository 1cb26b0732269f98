/**
 * The KPI consumer: each event of `email.events` is stored once and its email's facts recomputed, in one Postgres
 * transaction, before its offset is committed. A crash between the two redelivers the event; its key makes the copy
 * a no-op (kpi-store.ts).
 */
import type { Kafka } from 'kafkajs';
import { consumeEvents, type EventConsumer } from '@replique/activities/adapters/kafka/event-consumer';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import { takeKpiEvent } from '@replique/activities/adapters/pg/kpi-store';
import { withTransaction } from '@replique/activities/adapters/pg/transaction';

export interface KpiConsumerOptions {
  db: Pool;
  kafka: Kafka;
  groupId: string;
  topic: string;
  /** Called after each event is taken (true) or found already taken (false): progress for logs and tests. */
  onTaken?: (taken: boolean) => void;
}

export function startKpiConsumer(options: KpiConsumerOptions): Promise<EventConsumer> {
  return consumeEvents(options.kafka, {
    groupId: options.groupId,
    topic: options.topic,
    handler: async (event) => {
      const taken = await withTransaction(options.db, (client) => takeKpiEvent(client, event));
      options.onTaken?.(taken);
    },
  });
}
