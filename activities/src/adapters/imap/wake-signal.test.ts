import { WakeSignal } from './wake-signal';

test('wait returns after the timeout when nobody notifies', async () => {
  const signal = new WakeSignal();
  const started = Date.now();
  await signal.wait(50);
  expect(Date.now() - started).toBeGreaterThanOrEqual(45);
});

test('notify during a wait releases it at once', async () => {
  const signal = new WakeSignal();
  const started = Date.now();
  setTimeout(() => signal.notify(), 10);
  await signal.wait(5_000);
  expect(Date.now() - started).toBeLessThan(1_000);
});

test('a notify before the wait is kept (new mail during a drain is not missed), once', async () => {
  const signal = new WakeSignal();
  signal.notify();
  signal.notify();
  const started = Date.now();
  await signal.wait(5_000);
  expect(Date.now() - started).toBeLessThan(100);
  await signal.wait(30); // consumed: this one times out
  expect(Date.now() - started).toBeGreaterThanOrEqual(25);
});
