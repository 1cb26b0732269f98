import { Writable } from 'node:stream';
import { buildLogger } from '@replique/activities/logger';
import { sdkLoggerOver } from './sdk-logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: buildLogger(stream, 'trace') };
}

test('SDK log lines become JSON lines at the same level, with the metadata as fields', () => {
  const { lines, logger } = capture();
  const sdk = sdkLoggerOver(logger);
  sdk.warn('Activity failed', { activityType: 'readEmail', attempt: 2, [Symbol('x')]: 1 });
  sdk.log('DEBUG', 'Workflow started', { workflowId: 'email-00ab' });
  expect(lines).toEqual([
    expect.objectContaining({ level: 'warn', msg: 'Activity failed', activityType: 'readEmail', attempt: 2 }),
    expect.objectContaining({ level: 'debug', msg: 'Workflow started', workflowId: 'email-00ab' }),
  ]);
});

test("an activity failure's message and stack pass the redaction: no email address, no body field", () => {
  const { lines, logger } = capture();
  const error = new Error('could not send to jeanne.martin@example.org');
  sdkLoggerOver(logger).error('Activity failed', { error, body: 'Bonjour, ma commande…' });
  const text = JSON.stringify(lines);
  expect(text).not.toContain('jeanne.martin@example.org');
  expect(text).not.toContain('ma commande');
  expect(lines[0]).toMatchObject({ level: 'error', error: { type: 'Error', message: expect.stringMatching(/could not send to \[email:[0-9a-f]{8}\]/) } });
});
