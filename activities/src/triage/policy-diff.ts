/**
 * What changed between two policy documents, as a short list of leaf paths (`automation.enabled_intents`,
 * `rollout.percentage`): lists of words say which were added and removed, other values their old and new value.
 * Stored with each policy version (who, when, this diff) and shown in the review tool's history.
 */
export interface PolicyChange {
  path: string;
  from?: unknown;
  to?: unknown;
  added?: unknown[];
  removed?: unknown[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function policyDiff(before: unknown, after: unknown, path = ''): PolicyChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => policyDiff(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (same(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const added = after.filter((x) => !before.some((y) => same(x, y)));
    const removed = before.filter((x) => !after.some((y) => same(x, y)));
    // Same members in another order: the order is the change.
    return added.length || removed.length ? [{ path, added, removed }] : [{ path, from: before, to: after }];
  }
  return [{ path, ...(before === undefined ? {} : { from: before }), ...(after === undefined ? {} : { to: after }) }];
}

/** One change as a line: `rollout.percentage: 100 → 5`, `automation.enabled_intents: +"thanks" -"order_status"`. */
export function describePolicyChange(change: PolicyChange): string {
  if (change.added || change.removed) {
    const words = [...(change.added ?? []).map((x) => `+${JSON.stringify(x)}`), ...(change.removed ?? []).map((x) => `-${JSON.stringify(x)}`)];
    return `${change.path}: ${words.join(' ')}`;
  }
  return `${change.path}: ${JSON.stringify(change.from) ?? '(none)'} → ${JSON.stringify(change.to) ?? '(none)'}`;
}
