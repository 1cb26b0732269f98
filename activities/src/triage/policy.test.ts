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

    it('gates a rollout by a stable hash of the message id', () => {
    const p = buildPolicy(parsePolicyFile(JSON.stringify({ version: 'r', automation: {}, rollout: { percentage: 30, salt: 's' }, auto_reply_limits: {} })));
    expect(rolloutBucket('abc@x', 's')).toBe(rolloutBucket('abc@x', 's'));
    const ids = Array.from({ length: 2000 }, (_, i) => `m${i}@example`);
    const admitted = ids.filter((id) => rolloutAdmits(p, id)).length / ids.length;
    expect(admitted).toBeGreaterThan(0.25);
    expect(admitted).toBeLessThan(0.35);
    expect(rolloutAdmits(p, null)).toBe(false);
    expect(rolloutAdmits({ ...p, rolloutPercentage: 100 }, null)).toBe(true);
  });
});
