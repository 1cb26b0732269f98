/**
 * Reading an smtp-sink folder while a transaction is in progress (the race behind "not an smtp-sink dump"): the
 * sink holds the dump open and writes it as it goes; the reader leaves it out until the transaction ends, then
 * reads the whole message. Driven by hand over a real SMTP connection to a real smtp-sink.
 */
import net from 'node:net';
import { readdirSync } from 'node:fs';
import { readSinkMessages, startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';
import { waitFor } from './stack-env';

let sink: RunningSmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.stop();
});

/** A line-by-line SMTP client: each command waits for the server's reply code. */
async function smtp(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let buffer = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => void (buffer += chunk));
  const reply = async (): Promise<string> => {
    const line = await waitFor('an SMTP reply', () => /^\d{3} [^\n]*\n/m.exec(buffer)?.[0]);
    buffer = buffer.slice(buffer.indexOf(line) + line.length);
    return line.slice(0, 3);
  };
  await reply();
  return {
    async send(line: string): Promise<string> {
      socket.write(`${line}\r\n`);
      return reply();
    },
    write: (text: string) => socket.write(text),
    close: () => socket.end(),
  };
}

test('a dump still being written is left out; once the transaction ends the message is read whole', async () => {
  const client = await smtp(sink.port);
  expect(await client.send('EHLO reader.test')).toBe('250');
  expect(await client.send('MAIL FROM:<alerts@replique.test>')).toBe('250');
  expect(await client.send('RCPT TO:<leads@replique.test>')).toBe('250');
  expect(await client.send('DATA')).toBe('354');
  client.write('Subject: EscalationSpike\r\nMessage-ID: <reader-1@replique.test>\r\n\r\nfirst half of the body\r\n');
  await waitFor('the dump file', () => readdirSync(sink.dir).length > 0);
  expect(sink.messages()).toEqual([]); // in progress: no throw, nothing half-read
  expect(readSinkMessages(sink.dir)).toEqual([]); // the same without knowing the writer (by the dump's shape)

  expect(await client.send('second half\r\n.')).toBe('250');
  const [message] = await waitFor('the finished message', () => (sink.messages().length > 0 ? sink.messages() : null));
  expect(message).toMatchObject({ messageId: 'reader-1@replique.test', rcptTo: ['<leads@replique.test>'], body: 'first half of the body\nsecond half\n' });
  expect(readSinkMessages(sink.dir)).toHaveLength(1);
  expect(await client.send('QUIT')).toBe('221');
  client.close();
});
