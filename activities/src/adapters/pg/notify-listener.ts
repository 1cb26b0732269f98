/**
 * The one LISTEN connection of a process: every value it follows in Postgres (live-value.ts: the policy, the wording,
 * the model, the experiments) and every cache it must drop (erasure) subscribes to its channel here, so a worker
 * holds one listening connection, not one per channel. A client of its own, never one of the pool's.
 *
 * When the connection is lost (a Postgres restart, a network cut, pg_terminate_backend) it reconnects by itself after
 * `reconnectMs`, doubled after each failed attempt up to `maxReconnectMs`, and listens again on every channel. A
 * notification sent while it was down is lost for good: so each subscriber is called once after every (re)connection
 * (it reloads what it holds), and each keeps its own poll as the bound on a missed change.
 */
import { Client } from 'pg';
import { createLogger } from '../../logger';

const log = createLogger('adapter.notify-listener');

export interface NotifyListenerOptions {
  /** For the logs and the connection's application name (`replique-<name>-listener`). */
  name: string;
  /** First reconnect delay; doubled after each failed attempt. */
  reconnectMs?: number;
  maxReconnectMs?: number;
}

interface Subscriber {
  channel: string;
  onNotify: () => void;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

export class NotifyListener {
  private client: Client | null = null;
  /** The channels `client` listens on. */
  private listening = new Set<string>();
  private connecting: Promise<void> | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private readonly subscribers = new Set<Subscriber>();
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private delayMs: number;
  private closed = false;

  constructor(private readonly databaseUrl: string, private readonly options: NotifyListenerOptions) {
    this.firstDelayMs = options.reconnectMs ?? 1000;
    this.maxDelayMs = options.maxReconnectMs ?? 30_000;
    this.delayMs = this.firstDelayMs;
  }

  /**
   * Calls `onNotify` at each notification on `channel` and after each reconnection. Resolves once the connection
   * listens on it, or once an attempt failed (the reconnection and the subscriber's poll cover the gap). Returns the
   * unsubscribe function.
   */
  async subscribe(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
    if (this.closed) throw new Error('the notify listener is closed');
    const subscriber = { channel, onNotify };
    this.subscribers.add(subscriber);
    await this.listenOn(channel);
    return () => this.unsubscribe(subscriber);
  }

  /** Whether the connection is up and listening (for tests and health). */
  get connected(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    await this.connecting;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async listenOn(channel: string): Promise<void> {
    if (!this.client) await (this.connecting ??= this.open());
    const client = this.client;
    if (!client || this.listening.has(channel)) return;
    this.listening.add(channel);
    try {
      await client.query(`listen ${channel}`);
    } catch (error) {
      this.lost(client, error);
    }
  }

  private async unsubscribe(subscriber: Subscriber): Promise<void> {
    this.subscribers.delete(subscriber);
    const { channel } = subscriber;
    if ([...this.subscribers].some((s) => s.channel === channel) || !this.client || !this.listening.has(channel)) return;
    this.listening.delete(channel);
    await this.client.query(`unlisten ${channel}`).catch(() => undefined);
  }

  /** Connects and listens on every subscribed channel; then each subscriber reloads (what no one heard while down). */
  private async open(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: `replique-${this.options.name}-listener` });
    client.on('notification', (message) => {
      for (const s of this.subscribers) if (s.channel === message.channel) s.onNotify();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    const channels = new Set([...this.subscribers].map((s) => s.channel));
    try {
      await client.connect();
      if (channels.size > 0) await client.query([...channels].map((c) => `listen ${c}`).join('; '));
    } catch (error) {
      this.lost(client, error);
      return;
    } finally {
      this.connecting = null;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.listening = channels;
    this.delayMs = this.firstDelayMs;
    for (const s of this.subscribers) s.onNotify();
  }

  private lost(client: Client, error: unknown): void {
    if (this.closed || (this.client !== null && this.client !== client)) return;
    if (this.client === client) {
      this.client = null;
      this.listening = new Set();
    }
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    if (this.reconnect) return;
    if (error) log.warn({ err: error, listener: this.options.name, retryMs: this.delayMs }, 'listening connection lost; polling until it reconnects');
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      if (!this.closed && !this.client && !this.connecting) this.connecting = this.open();
    }, this.delayMs);
    this.reconnect.unref();
    this.delayMs = Math.min(this.delayMs * 2, this.maxDelayMs);
  }
}
