/**
 * A Dovecot of a test's own (infra/local/imap-instance.sh: the stack's config, another folder and port), for tests
 * that stop or kill their IMAP server: the stack's Dovecot is shared by every test and engineer.
 *
 *   const dovecot = await startImapInstance();   // dovecot.port, user support / secret
 *   await dovecot.kill(); await dovecot.start(); // a crash and a restart, mail and UIDs kept
 *   await dovecot.remove();                      // stop and delete its folder
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths';
import { freePort } from './smtp-sink';

const run = promisify(execFile);
const script = path.join(repoRoot, 'infra', 'local', 'imap-instance.sh');

export interface ImapInstance {
  home: string;
  port: number;
  connection: { host: string; port: number; secure: false; user: string; password: string };
  /** Starts it again on the same port, with the same mail. */
  start(): Promise<void>;
  /** A clean stop (TERM to the master). */
  stop(): Promise<void>;
  /** A crash: KILL to the master and every process it forked; open sessions drop at once. */
  kill(): Promise<void>;
  running(): Promise<boolean>;
  /** Stops it and deletes its folder. */
  remove(): Promise<void>;
}

/** TLS for the instance: its certificate and key (PEM); STARTTLS is then offered, and `imapsPort` speaks TLS at once. */
export interface ImapInstanceTls {
  certFile: string;
  keyFile: string;
  imapsPort?: number;
}

async function instance(command: 'start' | 'stop' | 'kill', home: string, port?: number, tls?: ImapInstanceTls): Promise<void> {
  const args = [script, command, home, ...(port === undefined ? [] : [String(port)])];
  const env = tls
    ? { ...process.env, DOVECOT_SSL_CERT: tls.certFile, DOVECOT_SSL_KEY: tls.keyFile, DOVECOT_IMAPS_PORT: String(tls.imapsPort ?? 0) }
    : process.env;
  try {
    await run('bash', args, { timeout: 60_000, env });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`imap-instance.sh ${command} failed: ${stderr.trim() || String(error)}`);
  }
}

export async function startImapInstance(tls?: ImapInstanceTls): Promise<ImapInstance> {
  // Short (Unix socket paths) and reachable by the vmail user that owns the mail.
  const home = mkdtempSync('/tmp/rq-imap-');
  chmodSync(home, 0o755);
  const port = await freePort();
  await instance('start', home, port, tls);
  return {
    home,
    port,
    connection: { host: '127.0.0.1', port, secure: false, user: 'support', password: 'secret' },
    start: () => instance('start', home, port, tls),
    stop: () => instance('stop', home),
    kill: () => instance('kill', home),
    running: () => run('bash', [script, 'pid', home]).then(() => true, () => false),
    async remove() {
      await instance('stop', home);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
