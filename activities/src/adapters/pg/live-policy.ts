/**
 * The policy in force, kept in memory by each worker and refreshed without a restart (notify-watcher.ts: LISTEN
 * `replique_policy` reloads at once when a version is saved, a poll every `pollMs` bounds the delay when a
 * notification is lost). So reading the policy (and the kill switch, at each send) costs no database round trip per
 * email.
 */
import { buildPolicy, type RoutingPolicy } from '../../triage/policy';
import type { ShopPolicies } from '../../domain/types';
import { createLogger } from '../../logger';
import { NotifyWatcher } from './notify-watcher';
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
  private readonly watcher: NotifyWatcher;

  private constructor(private readonly options: LivePolicyOptions & { pollMs: number }, first: PolicySnapshot) {
    this.snapshot = first;
    this.watcher = new NotifyWatcher({
      databaseUrl: options.databaseUrl, channel: POLICY_CHANNEL, pollMs: options.pollMs, name: 'policy', log, reload: () => this.reload(),
    });
  }

  /** Loads the latest version (one must exist: seed it first), then listens and polls. */
  static async start(options: LivePolicyOptions): Promise<LivePolicy> {
    const row = await latestPolicyVersion(options.db);
    if (!row) throw new Error('no policy version in policy_versions: seed one from the policy file first');
    const live = new LivePolicy({ pollMs: 1000, ...options }, await snapshotOf(row, options.shopPolicies));
    await live.watcher.start();
    return live;
  }

  current(): PolicySnapshot {
    return this.snapshot;
  }

  /** Loads a newer version if there is one (serialised: a slow refresh never replaces a newer one). */
  refresh(): Promise<void> {
    return this.watcher.refresh();
  }

  close(): Promise<void> {
    return this.watcher.close();
  }

  private async reload(): Promise<void> {
    const row = await policyVersionNewerThan(this.options.db, this.snapshot.version);
    if (!row) return;
    this.snapshot = await snapshotOf(row, this.options.shopPolicies);
    log.info({ version: row.version, killSwitch: row.killSwitch }, 'policy version in force');
    this.options.onChange?.(this.snapshot);
  }
}

async function snapshotOf(row: PolicyVersionRow, shopPolicies: () => Promise<ShopPolicies | undefined>): Promise<PolicySnapshot> {
  return { version: row.version, routing: buildPolicy(row.body, await shopPolicies()), killSwitch: row.killSwitch };
}
