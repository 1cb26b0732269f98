import type { Message, RecordMetadata } from 'kafkajs';
import { groupCommitSender } from './email-producer';

/** A producer whose sends complete when the test says so; it records what each request carried. */
function heldProducer() {
  const requests: string[][] = [];
  const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  return {
    requests,
    async send({ messages }: { messages: Message[] }): Promise<RecordMetadata[]> {
      requests.push(messages.map((m) => String(m.value)));
      await new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
      return [];
    },
    complete: () => pending.shift()!.resolve(),
    fail: (error: Error) => pending.shift()!.reject(error),
  };
}

const msg = (value: string): Message => ({ key: 'k', value });
const tick = () => new Promise((r) => setImmediate(r));

test('a lone message is sent at once; messages published meanwhile go together in the next send, in order', async () => {
  const producer = heldProducer();
  const send = groupCommitSender(producer, 't');
  const first = send(msg('1'));
  await tick();
  expect(producer.requests).toEqual([['1']]);
  const rest = ['2', '3', '4'].map((v) => send(msg(v)));
  await tick();
  expect(producer.requests).toHaveLength(1); // waiting for the first acknowledgement

  let firstDone = false;
  void first.then(() => (firstDone = true));
  producer.complete();
  await tick();
  expect(firstDone).toBe(true);
  expect(producer.requests).toEqual([['1'], ['2', '3', '4']]);
  producer.complete();
  await expect(Promise.all(rest)).resolves.toBeDefined();
});

test('a failed send rejects the callers of that batch only; the next batch is still sent', async () => {
  const producer = heldProducer();
  const send = groupCommitSender(producer, 't');
  const a = send(msg('a'));
  await tick();
  const b = send(msg('b'));
  producer.fail(new Error('broker gone'));
  await expect(a).rejects.toThrow('broker gone');
  await tick();
  expect(producer.requests).toEqual([['a'], ['b']]);
  producer.complete();
  await expect(b).resolves.toBeUndefined();
});
