/**
 * A faulty SMTP peer for fault-injection tests: one smtp-sink at a time on a FIXED port, restartable with other
 * options (4xx, 5xx, slow accept, drop without reply after the final dot...), every instance dumping into the same
 * folder — so the worker keeps its SMTP_PORT and the test counts every message the peer ever received.
 *
 *   const peer = await startFaultSmtpPeer();       // healthy
 *   await peer.switchTo(['-q', '.']);              // drops the connection after the message, without a reply
 *   peer.messages()                                 // complete dumps only (a file being written is skipped)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, parseSinkFile, type SinkMessage } from './smtp-sink';

export interface FaultSmtpPeer {
  port: number;
  dir: string;
  /** Options now in force ([] = healthy). */
  options: string[];
  /** Restarts smtp-sink on the same port and folder with `options` (e.g. ['-r', 'RCPT'], ['-f', 'RCPT'], ['-w', '5'], ['-q', '.']). */
  switchTo(options: string[]): Promise<void>;
  /** Stops it (the port refuses connections) until the next switchTo. */
  pause(): Promise<void>;
  messages(): SinkMessage[];
  stop(): Promise<void>;
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export async function startFaultSmtpPeer(initial: string[] = []): Promise<FaultSmtpPeer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'replique-fault-sink-'));
  let child: ChildProcess | null = null;
  let options = initial;

  const stopChild = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGKILL');
    await exited;
    for (let i = 0; i < 100 && (await listening(port)); i++) await new Promise((r) => setTimeout(r, 20));
  };

  const startChild = async () => {
    const args = ['-d', `${dir}/%H%M%S.`, ...options];
    if (process.getuid?.() === 0) args.unshift('-u', 'root');
    args.push(`127.0.0.1:${port}`, '64');
    const started = spawn('/usr/sbin/smtp-sink', args, { stdio: 'ignore' });
    child = started;
    const deadline = Date.now() + 5_000;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`smtp-sink ${options.join(' ')} exited with ${started.exitCode}`);
      if (await listening(port)) return;
      if (Date.now() > deadline) throw new Error(`smtp-sink did not listen on ${port}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  await startChild();
  return {
    port,
    dir,
    get options() {
      return options;
    },
    async switchTo(next) {
      await stopChild();
      options = next;
      await startChild();
    },
    pause: stopChild,
    messages() {
      const out: SinkMessage[] = [];
      for (const name of readdirSync(dir).sort()) {
        try {
          out.push(parseSinkFile(path.join(dir, name), readFileSync(path.join(dir, name), 'latin1')));
        } catch {
          // a dump still being written, or one cut short by a dropped connection before the headers
        }
      }
      return out;
    },
    stop: stopChild,
  };
}
