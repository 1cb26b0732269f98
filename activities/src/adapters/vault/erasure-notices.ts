/**
 * An erasure in any process (`replique gdpr erase`: data keys destroyed, migration 033 notifies `replique_erasure` at
 * its commit) drops the caches of customer text of this one within milliseconds: the vault's unwrapped data keys and,
 * with them, the case files kept over them (case-files.ts). Without it an erased customer's text would stay readable
 * here until those caches expire (5 minutes for keys, 1 minute for case files): that expiry stays the bound when a
 * notification is lost, and the listener's reconnection drops them too (an erasure may have come while it was down).
 */
import type { NotifyListener } from '../pg/notify-listener';
import type { FieldVault } from './field-vault';

export const ERASURE_CHANNEL = 'replique_erasure';

/** Drops `vault`'s caches at each erasure; returns the unsubscribe function. */
export function dropCachesOnErasure(listener: NotifyListener, vault: FieldVault): Promise<() => Promise<void>> {
  return listener.subscribe(ERASURE_CHANNEL, () => vault.forgetKeys());
}
