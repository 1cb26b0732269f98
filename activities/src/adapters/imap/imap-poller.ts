/**
 * Reads new mail from one IMAP folder and hands each message's raw bytes to `accept` (the intake core).
 *
 * - Where it stopped is a checkpoint in Postgres: (UIDVALIDITY, last UID). A different UIDVALIDITY means the
 *   server renumbered the folder: read it again from the start; the intake's dedup makes that safe.
 * - Per message, in UID order: accept → flag \Seen → save the checkpoint. A crash between two steps re-reads
 *   the message on the next start; accept is idempotent. A flag the server did not set ends the session, so the
 *   checkpoint never passes an unflagged message.
 * - A message `accept` refuses for good (an error with `retryable: false`, e.g. too large) is flagged
 *   `$RepliqueRejected`, left unread for a person, and skipped. Any other error ends the session.
 * - New mail is noticed through IDLE (EXISTS), with a poll every `pollIntervalMs` as a backstop (and as the only
 *   way when the server has no IDLE: imapflow then sends NOOPs).
 * - A lost connection (server restart) is re-opened with exponential backoff and jitter.
 */
import type { ConnectionOptions } from 'node:tls';
import { ImapFlow } from 'imapflow';
import { createLogger } from '../../logger';
import type { Queryable } from '../pg/pool';
import { getCheckpoint, saveCheckpoint } from '../pg/imap-checkpoints';
import { WakeSignal } from './wake-signal';

const log = createLogger('adapter.imap.poller');

export const REJECTED_KEYWORD = '$RepliqueRejected';

export interface ImapConnectionSettings {
  host: string;
  port: number;
  /** TLS from the first byte (993). */
  secure: boolean;
  /** On a plain port: STARTTLS or no login (when false, STARTTLS is not tried). */
  requireTLS?: boolean;
  /** node:tls options (a private CA: `{ ca }`). */
  tls?: ConnectionOptions;
  user: string;
  password: string;
}

export interface ImapPollerOptions {
  connection: ImapConnectionSettings;
  /** The IMAP folder to read. Default INBOX. */
  folder?: string;
  /** The checkpoint row's key. Default `<user>@<host>:<port>/<folder>`. */
  checkpointKey?: string;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Messages larger than this are not downloaded: flagged and skipped. */
  maxMessageBytes?: number;
  /** Bodies are downloaded in groups of at most this many bytes (one message may exceed it alone). */
  maxBatchBytes?: number;
  backoff?: { initialMs: number; maxMs: number };
}

export interface ImapPollerDeps {
  db: Queryable;
  /** Stores and publishes one raw message; idempotent. Throws `{retryable: false}` errors for refusals. */
  accept: (raw: Buffer) => Promise<{ duplicate: boolean }>;
}

export interface ImapPollerStats {
  connected: boolean;
  sessions: number;
  /** Sessions that ended in an error (connection refused, dropped mid-fetch…). */
  failures: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  lastUid: number;
  lastError: string | null;
}

export interface ImapPoller {
  start(): void;
  /** Finishes the message in hand, logs out, stops reconnecting. */
  stop(): Promise<void>;
  stats(): ImapPollerStats;
}

interface Checkpoint {
  uidvalidity: number; // 32-bit unsigned per RFC 3501
  lastUid: number;
}

/** Consecutive groups of UIDs whose sizes add up to at most `limit` (a single larger message is its own group). */
function groupBySize(uids: number[], sizeOf: Map<number, number>, limit: number): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const uid of uids) {
    const size = sizeOf.get(uid) ?? 0;
    if (current.length > 0 && bytes + size > limit) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(uid);
    bytes += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

const isPermanent = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === false;

export function createImapPoller(deps: ImapPollerDeps, options: ImapPollerOptions): ImapPoller {
  const folder = options.folder ?? 'INBOX';
  const { host, port, user } = options.connection;
  const checkpointKey = options.checkpointKey ?? `${user}@${host}:${port}/${folder}`;
  const batchSize = options.batchSize ?? 25;
  const pollIntervalMs = options.pollIntervalMs ?? 30_000;
  const maxMessageBytes = options.maxMessageBytes ?? 40 * 1024 * 1024;
  const maxBatchBytes = options.maxBatchBytes ?? 64 * 1024 * 1024;
  const backoff = options.backoff ?? { initialMs: 1_000, maxMs: 60_000 };

  /** New mail, a dropped connection or stop(): ends the wait between two drains of a session. */
  const wake = new WakeSignal();
  /** Only stop() ends a backoff wait: a 'close' latched by the failed attempt must not cut it short. */
  let stopSignal = new WakeSignal();
  const stats: ImapPollerStats = {
    connected: false, sessions: 0, failures: 0, accepted: 0, duplicates: 0, rejected: 0, lastUid: 0, lastError: null,
  };
  let stopping = false;
  let client: ImapFlow | null = null;
  let loop: Promise<void> | null = null;

  async function readCheckpoint(uidvalidity: number): Promise<Checkpoint> {
    const saved = await getCheckpoint(deps.db, checkpointKey);
    if (saved && saved.uidvalidity === uidvalidity) return { uidvalidity, lastUid: saved.lastUid };
    if (saved) log.warn({ folder, checkpointKey }, 'UIDVALIDITY changed: reading the folder again from the start');
    return { uidvalidity, lastUid: 0 };
  }

  async function markDone(c: ImapFlow, checkpoint: Checkpoint, uid: number, flag: string): Promise<void> {
    // imapflow answers a failed STORE (connection lost, server said NO, flag not permitted) with `false`, not an
    // error: the checkpoint must not move past a message that was not flagged. Ending the session re-reads it.
    if (!(await c.messageFlagsAdd(String(uid), [flag], { uid: true }))) {
      throw new Error(`could not flag UID ${uid} ${flag}${c.usable ? '' : ' (connection lost)'}`);
    }
    await saveCheckpoint(deps.db, { mailbox: checkpointKey, uidvalidity: checkpoint.uidvalidity, lastUid: uid });
    checkpoint.lastUid = uid;
    stats.lastUid = uid;
  }

  async function handleBatch(c: ImapFlow, checkpoint: Checkpoint, uids: number[]): Promise<void> {
    // fetchAll may also return unsolicited FETCH responses (flag changes) without the asked-for items: skip them.
    const sizes = await c.fetchAll(uids.join(','), { uid: true, size: true }, { uid: true });
    const sizeOf = new Map(sizes.filter((m) => m.uid && m.size !== undefined).map((m) => [m.uid, m.size!]));
    const small = uids.filter((uid) => sizeOf.has(uid) && sizeOf.get(uid)! <= maxMessageBytes);
    const sourceOf = new Map<number, Buffer>();
    // Bodies are fetched in groups of at most maxBatchBytes, so a batch of large messages does not fill memory.
    for (const group of groupBySize(small, sizeOf, maxBatchBytes)) {
      const sources = await c.fetchAll(group.join(','), { uid: true, source: true }, { uid: true });
      for (const m of sources) if (m.uid && m.source) sourceOf.set(m.uid, m.source);
    }

    for (const uid of uids) {
      if (stopping) return;
      const raw = sourceOf.get(uid);
      if (!raw) {
        // Too large, or expunged between the two fetches.
        if (sizeOf.has(uid)) {
          log.error({ uid, size: sizeOf.get(uid), limit: maxMessageBytes }, 'message too large; flagged and skipped');
          stats.rejected++;
          await markDone(c, checkpoint, uid, REJECTED_KEYWORD);
        } else {
          log.warn({ uid }, 'message gone before it could be read (expunged)');
        }
        continue;
      }
      try {
        const { duplicate } = await deps.accept(raw);
        if (duplicate) stats.duplicates++;
        else stats.accepted++;
        await markDone(c, checkpoint, uid, '\\Seen');
      } catch (error) {
        if (!isPermanent(error)) throw error;
        log.error({ err: error, uid }, 'message refused by intake; flagged and skipped');
        stats.rejected++;
        await markDone(c, checkpoint, uid, REJECTED_KEYWORD);
      }
    }
  }

  /** Everything with a UID above the checkpoint, in batches. */
  async function drain(c: ImapFlow): Promise<void> {
    const mailbox = c.mailbox;
    if (!mailbox) throw new Error('no mailbox selected');
    const checkpoint = await readCheckpoint(Number(mailbox.uidValidity));
    stats.lastUid = checkpoint.lastUid;
    if (mailbox.exists === 0) return;
    // `N:*` always matches the highest UID, even below N: filter.
    const found = (await c.search({ uid: `${checkpoint.lastUid + 1}:*` }, { uid: true })) || [];
    const uids = found.filter((uid) => uid > checkpoint.lastUid).sort((a, b) => a - b);
    for (let i = 0; i < uids.length && !stopping; i += batchSize) {
      await handleBatch(c, checkpoint, uids.slice(i, i + batchSize));
    }
    if (uids.length > 0) log.info({ folder, count: uids.length, lastUid: checkpoint.lastUid }, 'folder drained');
  }

  async function session(): Promise<void> {
    const c = new ImapFlow({
      host,
      port,
      secure: options.connection.secure,
      auth: { user, pass: options.connection.password },
      logger: false,
      emitLogs: false,
      // Locally there is no TLS; STARTTLS is tried only when required (then a server without it is refused).
      ...(options.connection.secure ? {} : { doSTARTTLS: options.connection.requireTLS === true }),
      ...(options.connection.tls ? { tls: options.connection.tls } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      // IDLE is broken and restarted this often (servers drop IDLE sessions after ~30 min).
      maxIdleTime: 5 * 60_000,
    });
    client = c;
    // Without an 'error' listener a dropped socket would crash the process; 'close' ends the session.
    c.on('error', (error: unknown) => log.warn({ err: error }, 'IMAP connection error'));
    c.on('close', () => wake.notify());
    c.on('exists', () => wake.notify());

    try {
      await c.connect();
      stats.connected = true;
      stats.sessions++;
      log.info({ folder, session: stats.sessions }, 'IMAP connected');
      const lock = await c.getMailboxLock(folder);
      try {
        while (!stopping && c.usable) {
          await drain(c);
          if (stopping || !c.usable) break;
          // IDLE inside our own lock; the next command (after a wake) ends it.
          c.idle().catch(() => undefined);
          await wake.wait(pollIntervalMs);
        }
      } finally {
        lock.release();
      }
    } finally {
      stats.connected = false;
      if (c.usable) await c.logout().catch(() => c.close());
      else c.close();
      client = null;
    }
  }

  async function run(): Promise<void> {
    let delay = backoff.initialMs;
    while (!stopping) {
      const sessionsBefore = stats.sessions;
      try {
        await session();
      } catch (error) {
        if (stopping) break;
        stats.failures++;
        stats.lastError = error instanceof Error ? error.message : String(error);
        log.warn({ err: error, retryInMs: delay }, 'IMAP session failed; reconnecting');
      }
      if (stopping) break;
      if (stats.sessions > sessionsBefore) delay = backoff.initialMs; // it had connected: start the backoff over
      await stopSignal.wait(delay / 2 + Math.random() * (delay / 2));
      delay = Math.min(delay * 2, backoff.maxMs);
    }
  }

  return {
    start() {
      if (loop) return;
      stopping = false;
      stopSignal = new WakeSignal();
      loop = run();
    },
    async stop() {
      stopping = true;
      wake.notify();
      stopSignal.notify();
      const current = loop;
      if (!current) return;
      // A server that does not answer must not hold the stop forever.
      const timer = setTimeout(() => client?.close(), 10_000);
      try {
        await current;
      } finally {
        clearTimeout(timer);
        loop = null;
      }
    },
    stats: () => ({ ...stats }),
  };
}
