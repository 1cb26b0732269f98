import { MockActivityEnvironment } from '@temporalio/testing';
import { heartbeatWhile } from '@replique/activities/heartbeat-while';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('inside an activity it heartbeats while the work runs, and stops when it ends', async () => {
  const env = new MockActivityEnvironment();
  let beats = 0;
  env.on('heartbeat', () => beats++);
  const result = await env.run(() => heartbeatWhile(async () => (await sleep(120), 'drafted'), 20));
  expect(result).toBe('drafted');
  expect(beats).toBeGreaterThanOrEqual(3);
  const after = beats;
  await sleep(80);
  expect(beats).toBe(after);
});

test('inside an activity a failing work still stops the heartbeats and its error is the result', async () => {
  const env = new MockActivityEnvironment();
  let beats = 0;
  env.on('heartbeat', () => beats++);
  await expect(env.run(() => heartbeatWhile(async () => { await sleep(50); throw new Error('model down'); }, 10))).rejects.toThrow('model down');
  const after = beats;
  await sleep(50);
  expect(beats).toBe(after);
});

test('outside an activity (the triage CLI) it only runs the work', async () => {
  await expect(heartbeatWhile(async () => 42)).resolves.toBe(42);
});
