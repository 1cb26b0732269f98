/**
 * The policy in force, kept in memory by each worker and refreshed without a restart:
 *
 * - LISTEN `replique_policy`: a save notifies at commit, the worker reloads at once (milliseconds);
 * - a poll every `pollMs` (one indexed query asking "anything newer than N?"), because a notification sent while
 *   the listening connection was down is lost for good: the poll bounds the delay of a change to one period, and
 *   the listener reconnects after one.
 *
 * So reading the policy (and the kill switch, at each send) costs no database round trip per email.
 */
import { Client } from 'pg';
import { buildPolicy, type RoutingPolicy } from '../../triage/policy';
import type { ShopPolicies } from '../../domain/types';
import { createLogger } from '../../logger';
import type { Queryable } from './pool';
import { latestPolicyVersion, policyVersionNewerThan, POLICY_CHANNEL, type PolicyVersionRow } from './policy-versions';

const log = createLogger('adapter.live-policy');

export interface PolicySnapshot {
  /** policy_versions.version: what a decision records. */
  version: number;
  routing: RoutingPolicy;
  /** True: no automatic send; emails routed `auto` go to review. */
  killSwitch: boolean;
}

/** What the activities read: the policy in force now. */
export interface PolicySource {
  current(): PolicySnapshot;
}

export interface LivePolicyOptions {
  db: Queryable;
  /** For the listening connection (a client of its own, so it never holds one of the pool's). */
  databaseUrl: string;
  /** The shop's own policies, merged into each version (escalation keywords, refund threshold, return window). */
  shopPolicies: () => Promise<ShopPolicies | undefined>;
  /** Poll period, and the listener's reconnect delay. */
  pollMs?: number;
  onChange?: (snapshot: PolicySnapshot) => void;
}

export class LivePolicy implements PolicySource {
  private snapshot: PolicySnapshot;
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(private readonly options: LivePolicyOptions & { pollMs: number }, first: PolicySnapshot) {
    this.snapshot = first;
  }

  /** Loads the latest version (one must exist: seed it first), then listens and polls. */
  static async start(options: LivePolicyOptions): Promise<LivePolicy> {
    const row = await latestPolicyVersion(options.db);
    if (!row) throw new Error('no policy version in policy_versions: seed one from the policy file first');
    const live = new LivePolicy({ pollMs: 1000, ...options }, await snapshotOf(row, options.shopPolicies));
    await live.listen();
    live.timer = setInterval(() => void live.refresh(), live.options.pollMs);
    live.timer.unref();
    return live;
  }

  current(): PolicySnapshot {
    return this.snapshot;
  }

  /** Loads a newer version if there is one. Serialised: a slow refresh never replaces a newer one. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(async () => {
      if (this.closed) return;
      try {
        const row = await policyVersionNewerThan(this.options.db, this.snapshot.version);
        if (!row) return;
        this.snapshot = await snapshotOf(row, this.options.shopPolicies);
        log.info({ version: row.version, killSwitch: row.killSwitch }, 'policy version in force');
        this.options.onChange?.(this.snapshot);
      } catch (error) {
        log.warn({ err: error }, 'policy refresh failed; the current version stays in force');
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
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: 'replique-policy-listener' });
    client.on('notification', (message) => {
      if (message.channel === POLICY_CHANNEL) void this.refresh();
    });
    client.on('error', (error) => this.listenerLost(client, error));
    client.on('end', () => this.listenerLost(client, null));
    try {
      await client.connect();
      await client.query(`listen ${POLICY_CHANNEL}`);
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
    if (error) log.warn({ err: error }, 'policy listener lost; polling until it reconnects');
    if (this.reconnect) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      if (!this.closed) void this.listen();
    }, this.options.pollMs);
    this.reconnect.unref();
  }
}

async function snapshotOf(row: PolicyVersionRow, shopPolicies: () => Promise<ShopPolicies | undefined>): Promise<PolicySnapshot> {
  return { version: row.version, routing: buildPolicy(row.body, await shopPolicies()), killSwitch: row.killSwitch };
}
