/**
 * smtp-sink helpers for tests.
 *
 * - readSinkMessages(dir): the messages smtp-sink stored as files (`-d DIR/...`), parsed into the sink's envelope
 *   records and the message's own headers and body, so tests can count replies per Message-ID / In-Reply-To.
 * - startSmtpSink({port, ...faults}): an extra smtp-sink for one test (e.g. one that answers 4xx or 5xx),
 *   started on a free port and stopped by the test.
 *
 * Dump format (man smtp-sink): X-Client-Addr, X-Client-Proto, X-Helo-Args, X-Mail-Args, X-Rcpt-Args… then a
 * three-line `Received:` header that ends the sink's records, then the message as received, then an empty line.
 * smtp-sink keeps a dump open while its transaction is in progress and writes it as it goes: a reader polling the
 * folder sees dumps being written (empty, or cut short). Those are left out until complete: for a sink this file
 * started, exactly (the files the process holds open, /proc/PID/fd); for another one (the stack's), by their shape.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface SinkMessage {
  file: string;
  /** Envelope as the sink recorded it. */
  mailFrom: string;
  rcptTo: string[];
  /** Headers of the message itself: lower-case name → values in order. */
  headers: Map<string, string[]>;
  /** First value of a header, unfolded (not MIME-decoded). */
  header(name: string): string | undefined;
  /** Message-ID without angle brackets. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  body: string;
  /** The message as received (headers and body), for a MIME parser. */
  raw: string;
}

function parseHeaderBlock(lines: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && out.length > 0) {
      const last = out[out.length - 1]!;
      last[1] = `${last[1]} ${line.trim()}`.trim();
    }
    else {
      const colon = line.indexOf(':');
      if (colon > 0) out.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  return out;
}

const ids = (value: string | undefined): string[] => [...(value ?? '').matchAll(/<([^<>]+)>/g)].map((m) => m[1]!);

export function parseSinkFile(file: string, text: string): SinkMessage {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  // The sink's records end with its Received header and the continuation lines that follow it.
  let i = lines.findIndex((line) => /^Received:/i.test(line));
  if (i < 0) throw new Error(`${file}: not an smtp-sink dump (no Received record)`);
  const sinkRecords = parseHeaderBlock(lines.slice(0, i));
  i++;
  while (i < lines.length && /^[ \t]/.test(lines[i]!)) i++;
  const blank = lines.indexOf('', i);
  const headerLines = lines.slice(i, blank < 0 ? lines.length : blank);
  const body = blank < 0 ? '' : lines.slice(blank + 1).join('\n');

  const headers = new Map<string, string[]>();
  for (const [name, value] of parseHeaderBlock(headerLines)) headers.set(name, [...(headers.get(name) ?? []), value]);
  const first = (name: string) => headers.get(name.toLowerCase())?.[0];
  const envelope = (name: string) => sinkRecords.filter(([n]) => n === name).map(([, v]) => v.replace(/^(FROM|TO):/i, '').trim());

  return {
    file,
    mailFrom: envelope('x-mail-args')[0] ?? '',
    rcptTo: envelope('x-rcpt-args'),
    headers,
    header: first,
    messageId: ids(first('message-id'))[0] ?? null,
    inReplyTo: ids(first('in-reply-to'))[0] ?? null,
    references: ids(first('references')),
    // smtp-sink appends one empty line after the message.
    body: body.replace(/\n$/, ''),
    raw: lines.slice(i).join('\n').replace(/\n$/, ''),
  };
}

/** The files process `pid` holds open (null when /proc does not tell). */
function filesOpenBy(pid: number): Set<string> | null {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return null;
  }
  const open = new Set<string>();
  for (const fd of fds) {
    try {
      open.add(readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      // closed meanwhile
    }
  }
  return open;
}

/** A finished dump by its shape: the sink's records, and the empty line it writes after the message. */
const looksFinished = (text: string): boolean => /^Received:/im.test(text) && /\n\r?\n$/.test(text);

/**
 * Every finished message in `dir` (recursively), oldest first. `writerPid`: the smtp-sink writing there, whose open
 * files are the transactions still in progress; without it, a dump is taken once it looks finished.
 */
export function readSinkMessages(dir: string, writerPid?: number): SinkMessage[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  walk(dir);
  // Listed after the folder: a file listed above and not open now is closed for good (smtp-sink never reopens one).
  const inProgress = writerPid === undefined ? null : filesOpenBy(writerPid);
  const finished: { file: string; text: string; mtimeMs: number }[] = [];
  for (const file of files) {
    if (inProgress?.has(path.resolve(file))) continue;
    const text = readFileSync(file, 'latin1');
    if (!inProgress && !looksFinished(text)) continue;
    finished.push({ file, text, mtimeMs: statSync(file).mtimeMs });
  }
  finished.sort((a, b) => a.mtimeMs - b.mtimeMs || a.file.localeCompare(b.file));
  return finished.map(({ file, text }) => parseSinkFile(file, text));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface SmtpSinkOptions {
  port?: number;
  /** Commands answered with a soft 4xx (`-r`), e.g. ['RCPT']. */
  softReject?: string[];
  /** Commands answered with a hard 5xx (`-f`). */
  hardReject?: string[];
  /** Commands answered with 421 and a disconnect (`-Q`). */
  disconnect421?: string[];
}

export interface RunningSmtpSink {
  port: number;
  dir: string;
  messages(): SinkMessage[];
  stop(): Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`smtp-sink exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`smtp-sink did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<RunningSmtpSink> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'replique-sink-'));
  const args = ['-d', `${dir}/%H%M%S.`];
  if (process.getuid?.() === 0) args.unshift('-u', 'root');
  if (options.softReject?.length) args.push('-r', options.softReject.join(','));
  if (options.hardReject?.length) args.push('-f', options.hardReject.join(','));
  if (options.disconnect421?.length) args.push('-Q', options.disconnect421.join(','));
  args.push(`127.0.0.1:${port}`, '10');
  const child = spawn('/usr/sbin/smtp-sink', args, { stdio: 'ignore' });
  await waitForPort(port, child);
  return {
    port,
    dir,
    messages: () => readSinkMessages(dir, child.pid),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
