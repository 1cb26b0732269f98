/**
 * The outbox relay of `email.events`: publishes the events queued in Postgres (event_outbox, written with their audit
 * rows) to Kafka, in id order, keyed by email, then deletes them. Nothing is lost: a row stays until Kafka has
 * acknowledged it, and a row that commits late is simply found by a later round. Nothing is doubled:
 *
 * - One relay at a time per topic and database: it holds a Postgres advisory lock (the lease) on a connection of
 *   its own, and does all its Postgres work on that connection, so a relay that lost its lease cannot confirm
 *   anything. Other relays (other worker processes) wait and take over when the holder's connection closes.
 * - When it cannot know whether its last send arrived (it just took over, or a send failed), it first reads the
 *   topic back from the offsets saved with the last confirmed round (published-event-ids.ts) and drops the pending
 *   events already there. Every message carries the event id (the audit row's id), so consumers can de-duplicate too.
 *
 * Per email, events reach Kafka in the order their transactions committed (one workflow's activities run one after
 * the other), which is id order.
 */
import { Client } from 'pg';
import { Partitioners, type Kafka, type Producer, type RecordMetadata } from 'kafkajs';
import { createLogger } from '../../logger';
import { confirmPublished, pendingEvents, relayOffsets, type PendingEvent, type RelayOffsets } from '../pg/event-outbox';
import { eventMessage } from './email-event';
import { publishedEventIds, topicEnds } from './published-event-ids';

const log = createLogger('adapter.kafka.event-relay');

export interface EventRelayOptions {
  databaseUrl: string;
  kafka: Kafka;
  topic: string;
  /** Most events per Kafka request. Default 500. */
  batchSize?: number;
  /**
   * Wait when the outbox is empty, and after a round that did not fill a batch: the events of the next 500 ms go in
   * one Kafka request and one confirmation instead of a round each (at 4 emails/s, ~20 events a round instead of 1).
   * Default 500 ms: the longest an event waits for Kafka (KPIs and alerts work in minutes).
   */
  pollMs?: number;
  /** Wait of a relay that does not hold the lease before it tries again; also the wait after an error. Default 2 s. */
  retryMs?: number;
}

export interface EventRelay {
  /** Ends the current round, releases the lease, disconnects. */
  stop(): Promise<void>;
  /** Whether this relay holds the lease now. */
  readonly leader: boolean;
  /** Events this relay published (skipped ones excluded) since it started. */
  readonly published: number;
}

export function startEventRelay(options: EventRelayOptions): EventRelay {
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 500;
  const retryMs = options.retryMs ?? 2_000;
  let stopping = false;
  let wake: () => void = () => undefined;
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => { clearTimeout(timer); resolve(); };
  });
  const state = { leader: false, published: 0 };

  /** One lease: connect, lock, relay until stopped or an error; the connection's end releases the lock. */
  async function holdLease(): Promise<void> {
    const db = new Client({ connectionString: options.databaseUrl, application_name: 'replique-event-relay' });
    db.on('error', (err) => log.warn({ err }, 'relay connection lost'));
    let producer: Producer | null = null;
    try {
      await db.connect();
      const tryLock = async () => (await db.query<{ locked: boolean }>(
        'select pg_try_advisory_lock(hashtext($1)) as locked', [`replique.event-relay:${options.topic}`])).rows[0]!.locked;
      while (!(await tryLock())) {
        if (stopping) return;
        await pause(retryMs); // standing by: another relay holds the lease
      }
      if (stopping) return;
      state.leader = true;
      log.info({ topic: options.topic }, 'event relay holds the lease');
      let offsets = await relayOffsets(db, options.topic, () => endOffsets(options.kafka, options.topic));
      let inDoubt = true; // the previous holder may have died between a send and its confirmation
      while (!stopping) {
        const pending = await pendingEvents(db, batchSize);
        if (pending.length === 0) {
          await pause(pollMs);
          continue;
        }
        producer ??= await connectedProducer(options.kafka);
        let toSend = pending;
        try {
          if (inDoubt) {
            const already = await publishedEventIds(options.kafka, options.topic, offsets, new Set(pending.map((e) => e.eventId)));
            if (already.size > 0) log.info({ events: already.size }, 'events already in Kafka are not sent again');
            toSend = pending.filter((e) => !already.has(e.eventId));
            inDoubt = false;
          }
          const sent = toSend.length > 0 ? await producer.send({ topic: options.topic, acks: -1, messages: toSend.map(toMessage) }) : [];
          offsets = advanced(offsets, sent);
        } catch (err) {
          inDoubt = true;
          await producer.disconnect().catch(() => undefined); // a fresh producer after a failure; its sequence state is unknown
          producer = null;
          throw err;
        }
        await confirmPublished(db, options.topic, pending.map((e) => e.eventId), offsets);
        state.published += toSend.length;
        if (pending.length < batchSize) await pause(pollMs); // a full batch means more are waiting: go on at once
      }
    } finally {
      state.leader = false;
      await producer?.disconnect().catch(() => undefined);
      await db.end().catch(() => undefined);
    }
  }

  const running = (async () => {
    while (!stopping) {
      try {
        await holdLease();
      } catch (err) {
        if (stopping) break;
        log.warn({ err, topic: options.topic }, 'event relay round failed; it retries');
        await pause(retryMs);
      }
    }
  })();

  return {
    get leader() { return state.leader; },
    get published() { return state.published; },
    async stop() {
      stopping = true;
      wake();
      await running;
    },
  };
}

function toMessage(e: PendingEvent) {
  return eventMessage({ eventId: e.eventId, emailKey: e.emailKey, stage: e.stage, event: e.event, at: e.at.toISOString(), data: e.data as never });
}

async function connectedProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  return producer;
}

async function endOffsets(kafka: Kafka, topic: string): Promise<RelayOffsets> {
  return Object.fromEntries((await topicEnds(kafka, topic)).map(({ partition, high }) => [String(partition), high]));
}

/** After a send: each partition it wrote to is confirmed up to the start of what it wrote there. */
function advanced(offsets: RelayOffsets, sent: RecordMetadata[]): RelayOffsets {
  const next = { ...offsets };
  for (const m of sent) {
    const base = m.baseOffset ?? m.offset;
    if (base !== undefined) next[String(m.partition)] = base;
  }
  return next;
}
