/**
 * What the outbox relay of `email.events` costs per event, by poll interval (`EVENT_RELAY_POLL_MS`): a steady stream
 * of audited appends with their events (50 a second: ~4.5 emails/s of ~11 events), relayed to a topic of its own on the
 * local stack. CPU time per event of this process (the relay and the appends, the same for every interval), of the
 * relay's Postgres backend, and of the Kafka broker (shared: other work on the stack blurs it), from /proc; the
 * intervals alternate, median of the passes.
 *
 *   eval "$(bash infra/local/stack.sh env)"; pnpm exec tsx test/bench/relay-poll.ts [seconds=10] [passes=4] [intervals=100,250,500]
 */
import { randomBytes } from 'node:crypto';
import { setLogLevel } from '@replique/activities/logger';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { createKafka, ensureTopics } from '@replique/activities/adapters/kafka/kafka-client';
import { startEventRelay } from '@replique/activities/adapters/kafka/event-relay';
import { withTestDatabase } from '../support/pg';
import { registerTestEmail } from '../pg/email-fixture';
import { deleteTopics } from '../adapters/stack-env';
import { percentile, sleep } from './bench-util';
import { cpuSecondsByComponent, processCpuSeconds } from './proc-stats';

const seconds = Number(process.argv[2] ?? 10);
const passes = Number(process.argv[3] ?? 4);
const intervals = (process.argv[4] ?? '100,250,500').split(',').map(Number);
const EVENTS_PER_SECOND = 50;

interface PerEvent { client: number; relayBackend: number; kafka: number }

async function main(): Promise<void> {
  setLogLevel('error');
  const db = await withTestDatabase();
  const kafka = createKafka(process.env.KAFKA_BROKERS!.split(','), 'bench-relay-poll');
  const topic = `email.events.bench-relay-${randomBytes(4).toString('hex')}`;
  await ensureTopics(kafka, [topic]);
  const emails: string[] = [];
  for (let i = 0; i < 40; i++) emails.push((await registerTestEmail(db.pool)).emailKey);
  const results = new Map<number, PerEvent[]>();
  try {
    for (let pass = 0; pass < passes; pass++) {
      for (const pollMs of pass % 2 ? [...intervals].reverse() : intervals) {
        const relay = startEventRelay({ databaseUrl: db.databaseUrl, kafka, topic, pollMs });
        while (!relay.leader) await sleep(50);
        const { rows } = await db.pool.query<{ pid: number }>(
          `select pid from pg_stat_activity where application_name = 'replique-event-relay' and datname = current_database()`);
        const backend = rows[0]!.pid;
        await sleep(500);
        const published0 = relay.published;
        const backend0 = processCpuSeconds(backend);
        const kafka0 = cpuSecondsByComponent().kafka;
        const client0 = process.cpuUsage();
        let appended = 0;
        const t0 = performance.now();
        while (performance.now() - t0 < seconds * 1000) {
          const due = Math.floor(((performance.now() - t0) / 1000) * EVENTS_PER_SECOND);
          for (; appended < due; appended++) {
            const emailKey = emails[appended % emails.length]!;
            await appendAudit(db.pool, { emailKey, stage: 'bench', event: 'step', data: { i: appended }, auditKey: `${emailKey}:${pollMs}:${pass}:${appended}`, publish: true });
          }
          await sleep(5);
        }
        while (relay.published - published0 < appended) await sleep(20);
        const client = process.cpuUsage(client0);
        const perEvent = {
          client: (client.user + client.system) / 1000 / appended,
          relayBackend: ((processCpuSeconds(backend) - backend0) * 1000) / appended,
          kafka: ((cpuSecondsByComponent().kafka - kafka0) * 1000) / appended,
        };
        await relay.stop();
        if (pass > 0) results.set(pollMs, [...(results.get(pollMs) ?? []), perEvent]); // pass 0 warms up
        console.log(`pass ${pass + 1}${pass === 0 ? ' (warm-up)' : ''}, poll ${pollMs} ms, ${appended} events: this process ${perEvent.client.toFixed(3)}, relay's backend ${perEvent.relayBackend.toFixed(3)}, Kafka ${perEvent.kafka.toFixed(3)} ms of CPU per event`);
      }
    }
  } finally {
    await deleteTopics(kafka, [topic]).catch(() => undefined);
    await db.close();
  }
  console.log(`median of ${passes - 1} passes, ms of CPU per event: poll | this process | relay's Postgres backend | Kafka broker`);
  for (const [pollMs, list] of results) {
    const median = (f: (x: PerEvent) => number) => percentile(list.map(f), 50).toFixed(3);
    console.log(`  ${String(pollMs).padStart(5)} ms | ${median((x) => x.client)} | ${median((x) => x.relayBackend)} | ${median((x) => x.kafka)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
