/**
 * The policy in force, kept in memory by each worker and refreshed without a restart (a LiveValue, live-value.ts: LISTEN
 * `replique_policy` reloads at once when a version is saved, a poll every `pollMs` bounds the delay when a
 * notification is lost). So reading the policy (and the kill switch, at each send) costs no database round trip per
 * email.
 */
import { buildPolicy, type RoutingPolicy } from '../../triage/policy';
import type { ShopPolicies } from '../../domain/types';
import { createLogger } from '../../logger';
import type { NotifyListener } from './notify-listener';
import { LiveValue } from './live-value';
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
  /** The process's listening connection (notify-listener.ts). */
  listener: NotifyListener;
  /** The shop's own policies, merged into each version (escalation keywords, refund threshold, return window). */
  shopPolicies: () => Promise<ShopPolicies | undefined>;
  /** Poll period: the longest a change waits when its notification was lost. */
  pollMs?: number;
  onChange?: (snapshot: PolicySnapshot) => void;
}

export class LivePolicy extends LiveValue<PolicySnapshot> implements PolicySource {
  /** Loads the latest version (one must exist: seed it first), then listens and polls. */
  static async start(options: LivePolicyOptions): Promise<LivePolicy> {
    const row = await latestPolicyVersion(options.db);
    if (!row) throw new Error('no policy version in policy_versions: seed one from the policy file first');
    return new LivePolicy({
      name: 'policy', channel: POLICY_CHANNEL, listener: options.listener, pollMs: options.pollMs ?? 1000, log,
      first: await snapshotOf(row, options.shopPolicies),
      load: async (held) => {
        const newer = await policyVersionNewerThan(options.db, held.version);
        if (!newer) return null;
        const next = await snapshotOf(newer, options.shopPolicies);
        log.info({ version: newer.version, killSwitch: newer.killSwitch }, 'policy version in force');
        return next;
      },
      onChange: options.onChange,
    }).listen();
  }
}

async function snapshotOf(row: PolicyVersionRow, shopPolicies: () => Promise<ShopPolicies | undefined>): Promise<PolicySnapshot> {
  return { version: row.version, routing: buildPolicy(row.body, await shopPolicies()), killSwitch: row.killSwitch };
}
