/**
 * Keeps a setting held in memory (the live policy, the live wording) in step with Postgres without a restart:
 *
 * - LISTEN on `channel`, on a client of its own (never one of the pool's): a save notifies at commit and `reload`
 *   runs at once (milliseconds);
 * - a poll every `pollMs` runs `reload` too, because a notification sent while the listening connection was down is
 *   lost for good: the poll bounds the delay of a change to one period, and the listener reconnects after one.
 *
 * `reload` asks "anything newer than what I hold?" (one indexed query). Runs are serialised, so a slow one never
 * replaces a newer one; a failed one leaves the setting in force as it is.
 */
import { Client } from 'pg';
import type { Logger } from '../../logger';

export interface NotifyWatcherOptions {
  databaseUrl: string;
  channel: string;
  /** Poll period, and the listener's reconnect delay. */
  pollMs: number;
  /** What is watched, for the logs and the connection's application name ("policy", "wording"). */
  name: string;
  log: Logger;
  reload: () => Promise<void>;
}

export class NotifyWatcher {
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: NotifyWatcherOptions) {}

  /** Listens (a version saved before it listened is found by the first reload) and starts the poll. */
  async start(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => void this.refresh(), this.options.pollMs);
    this.timer.unref();
  }

  /** Runs `reload` after any run in progress. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(async () => {
      if (this.closed) return;
      try {
        await this.options.reload();
      } catch (error) {
        this.options.log.warn({ err: error }, `${this.options.name} refresh failed; the version in force stays`);
      }
    });
    return this.refreshing;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.reconnect) clearTimeout(this.reconnect);
    await this.refreshing;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const { channel } = this.options;
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: `replique-${this.options.name}-listener` });
    client.on('notification', (message) => {
      if (message.channel === channel) void this.refresh();
    });
    client.on('error', (error) => this.listenerLost(client, error));
    client.on('end', () => this.listenerLost(client, null));
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (error) {
      this.listenerLost(client, error);
      return;
    }
    this.listener = client;
    // A version saved while no one listened: the refresh finds it now.
    void this.refresh();
  }

  private listenerLost(client: Client, error: unknown): void {
    if (this.closed || (this.listener !== null && this.listener !== client)) return;
    if (this.listener === client) this.listener = null;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    if (error) this.options.log.warn({ err: error }, `${this.options.name} listener lost; polling until it reconnects`);
    if (this.reconnect) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      if (!this.closed) void this.listen();
    }, this.options.pollMs);
    this.reconnect.unref();
  }
}
