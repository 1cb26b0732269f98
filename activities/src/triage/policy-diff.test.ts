import { describePolicyChange, policyDiff } from './policy-diff';

describe('policyDiff', () => {
  it('lists changed leaves by path, with added and removed list members', () => {
    const before = { version: 'a', rollout: { percentage: 100, salt: 's' }, automation: { enabled_intents: ['order_status', 'thanks'] } };
    const after = { version: 'a', rollout: { percentage: 5, salt: 's' }, automation: { enabled_intents: ['thanks', 'invoice_request'] } };
    expect(policyDiff(before, after)).toEqual([
      { path: 'automation.enabled_intents', added: ['invoice_request'], removed: ['order_status'] },
      { path: 'rollout.percentage', from: 100, to: 5 },
    ]);
  });

  it('says nothing for equal documents, and names keys that appear or vanish', () => {
    expect(policyDiff({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
    expect(policyDiff({ a: 1 }, { b: 2 })).toEqual([{ path: 'a', from: 1 }, { path: 'b', to: 2 }]);
    expect(policyDiff({ l: [1, 2] }, { l: [2, 1] })).toEqual([{ path: 'l', from: [1, 2], to: [2, 1] }]);
  });
});

test('describePolicyChange: one readable line per change', () => {
  expect(describePolicyChange({ path: 'rollout.percentage', from: 100, to: 5 })).toBe('rollout.percentage: 100 → 5');
  expect(describePolicyChange({ path: 'automation.enabled_intents', added: ['thanks'], removed: ['order_status'] }))
    .toBe('automation.enabled_intents: +"thanks" -"order_status"');
  expect(describePolicyChange({ path: 'kill_switch', to: true })).toBe('kill_switch: (none) → true');
});
