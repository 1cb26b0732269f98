/**
 * kafkajs 2.2.4's request queue, as patched (patches/kafkajs@2.2.4.patch): once a connection had one response, its
 * queue rescheduled a check of its pending requests every millisecond forever, with nothing pending (kafkajs#1556,
 * #1704), in every process with a Kafka client: a connected producer, consumer and admin used 34 ms of CPU a second
 * doing nothing, 3 ms patched (docs/benchmarks/README.md). An upgrade that drops the patch without the fix fails here.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: Record<string, unknown>) => {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
};

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const queueOf = () => new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'test', broker: 'b:9092', logger: silent });

describe('kafkajs request queue (patched)', () => {
  it('schedules no check when nothing is pending and nothing is throttled', () => {
    const queue = queueOf();
    queue.checkPendingRequests(); // what a fulfilled request does
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('still sends a pending request once the broker throttling ends', async () => {
    const queue = queueOf();
    const sent = new Promise<void>((resolve) => {
      queue.pending.push({ correlationId: 1, expectResponse: true, send: () => resolve() });
    });
    queue.throttledUntil = Date.now() + 20;
    queue.checkPendingRequests();
    expect(queue.throttleCheckTimeoutId).not.toBeNull();
    await sent;
    expect(queue.pending).toHaveLength(0);
  });
});
