import path from 'node:path';
import { buildPolicy, DEFAULT_POLICY_FILE, loadPolicy, parsePolicyFile, rolloutAdmits, rolloutBucket } from './policy';
import { SHOP_POLICIES } from './test-support/fixtures';

describe('routing policy', () => {
  it('loads policies/default.json and merges the shop policies', async () => {
    expect(path.basename(DEFAULT_POLICY_FILE)).toBe('default.json');
    const p = await loadPolicy(undefined, SHOP_POLICIES);
    expect(p.confidenceThreshold).toBe(0.85);
    expect(p.escalationKeywords.fr).toEqual(expect.arrayContaining(['litige', 'avocat', 'huissier']));
    expect(p.escalationKeywords.en).toEqual(expect.arrayContaining(['chargeback', 'solicitor']));
    expect(p.refundDoubleApprovalOver).toBe(100);
    expect(p.automatedIntents.has('order_status')).toBe(true);
    expect(p.automatedIntents.has('refund_request')).toBe(false);
    expect(p.defusingContexts.fr).toContain('procès-verbal');
  });

  it('lets the policy file override the shop refund threshold', () => {
    const file = parsePolicyFile(JSON.stringify({
      version: 't', automation: { enabled_intents: [] }, rollout: {}, auto_reply_limits: {},
      refund: { double_approval_over: 250 },
    }));
    expect(buildPolicy(file, SHOP_POLICIES).refundDoubleApprovalOver).toBe(250);
  });

  it('rejects an invalid policy with a readable message', () => {
    expect(() => parsePolicyFile(JSON.stringify({ version: 'x', confidence_threshold: 2, automation: { enabled_intents: ['teleport'] }, rollout: {}, auto_reply_limits: {} })))
      .toThrow(/confidence_threshold|enabled_intents/);
  });

  it('VIP care: the default policy gives a shorter review SLA and a human-touch line; without a vip section, none', async () => {
    const p = await loadPolicy(undefined, SHOP_POLICIES);
    expect(p.vipReviewSla).toEqual({ remindAfter: '30m', escalateAfter: '2h' });
    expect(p.vipHumanTouch?.templates).toEqual(expect.arrayContaining(['order-status', 'damaged-missing-item']));
    expect(p.vipHumanTouch?.templates).not.toContain('holding');
    const bare = buildPolicy(parsePolicyFile(JSON.stringify({ version: 'v', automation: {}, rollout: {}, auto_reply_limits: {} })));
    expect([bare.vipReviewSla, bare.vipHumanTouch]).toEqual([null, null]);
    expect(() => parsePolicyFile(JSON.stringify({
      version: 'v', automation: {}, rollout: {}, auto_reply_limits: {}, vip: { review_sla: { remind_after: 'soon', escalate_after: '2h' } },
    }))).toThrow(/a duration such as 30m/);
  });

  it('gates a rollout by a stable hash of the customer (the sender address): stable, nested, close to the target share', () => {
    const p = buildPolicy(parsePolicyFile(JSON.stringify({ version: 'r', automation: {}, rollout: { percentage: 30, salt: 's' }, auto_reply_limits: {} })));
    expect(rolloutBucket('abc@x', 's')).toBe(rolloutBucket('abc@x', 's'));
    expect(rolloutAdmits(p, 'Claire.M@Example.fr ')).toBe(rolloutAdmits(p, 'claire.m@example.fr'));
    const customers = Array.from({ length: 20_000 }, (_, i) => `customer${i}@example.com`);
    const share = (percentage: number) => customers.filter((a) => rolloutAdmits({ ...p, rolloutPercentage: percentage }, a));
    // Binomial standard deviation at n = 20,000: 0.07 points at 1 %, 0.15 at 5 %, 0.31 at 25 %: 4 sd of slack.
    for (const [percentage, slack] of [[1, 0.3], [5, 0.6], [25, 1.3], [30, 1.3]] as const) {
      expect(Math.abs((share(percentage).length / customers.length) * 100 - percentage)).toBeLessThan(slack);
    }
    // Nested: a customer in the 1 % cohort stays in at 5 % and 25 % (a promotion only adds customers).
    const one = new Set(share(1));
    const five = new Set(share(5));
    expect([...one].every((a) => five.has(a))).toBe(true);
    expect(share(25).filter((a) => five.has(a))).toHaveLength(five.size);
    // Another salt draws another cohort.
    expect(share(5).filter((a) => rolloutAdmits({ rolloutPercentage: 5, rolloutSalt: 'other' }, a)).length).toBeLessThan(five.size * 0.2);
    expect(rolloutAdmits(p, null)).toBe(false);
    expect(rolloutAdmits({ ...p, rolloutPercentage: 100 }, null)).toBe(true);
    expect(rolloutAdmits({ ...p, rolloutPercentage: 0 }, 'abc@x')).toBe(false);
  });

  it('rollout ladder and gate: defaults, and refused when the steps do not increase', () => {
    const file = parsePolicyFile(JSON.stringify({ version: 'r', automation: {}, rollout: {}, auto_reply_limits: {} }));
    expect(file.rollout).toMatchObject({ percentage: 100, steps: [1, 5, 25], gate: { min_automated: 200, max_reescalation_rate: 0.05 } });
    expect(() => parsePolicyFile(JSON.stringify({ version: 'r', automation: {}, rollout: { steps: [5, 1] }, auto_reply_limits: {} }))).toThrow(/steps must increase/);
  });
});
