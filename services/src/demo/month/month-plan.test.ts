import { readFileSync } from 'node:fs';
import type { ShopData } from '../../../../ml/inbox-generator';
import { DEMO_SHOP_FILE } from '../../cli/shop-source';
import { baselineCustomerIds, followUpEmail, planMonth } from './month-plan';

const shop = JSON.parse(readFileSync(DEMO_SHOP_FILE, 'utf8')) as ShopData;
const end = new Date('2026-12-06T00:00:00Z');

describe('planMonth', () => {
  const plan = planMonth(shop, { seed: 7, emails: 120, days: 30, end });

  it('spreads the emails over the month, in time order, all before its end', () => {
    expect(plan).toHaveLength(120);
    const times = plan.map((p) => p.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(end.getTime() - 30 * 86_400_000);
    expect(Math.max(...times)).toBeLessThan(end.getTime());
    expect(new Set(plan.map((p) => p.receivedAt.toISOString().slice(0, 10))).size).toBeGreaterThanOrEqual(28);
  });

  it('is the same for the same seed (same bytes, same decisions), and only the instants follow the end', () => {
    const again = planMonth(shop, { seed: 7, emails: 120, days: 30, end: new Date('2026-12-20T00:00:00Z') });
    expect(again.map((p) => [p.raw.toString('base64'), p.review, p.rating])).toEqual(plan.map((p) => [p.raw.toString('base64'), p.review, p.rating]));
    expect(again[0]!.receivedAt.getTime() - plan[0]!.receivedAt.getTime()).toBe(14 * 86_400_000);
  });

  it('leaves the baseline customers silent and plans ratings and reviews of every kind', () => {
    const silent = shop.customers.filter((c) => baselineCustomerIds(shop).has(c.id)).map((c) => c.email);
    expect(silent.length).toBeGreaterThan(5);
    for (const p of plan) for (const address of silent) expect(p.raw.toString()).not.toContain(`<${address}>`);
    expect(new Set(plan.map((p) => p.review.action))).toEqual(new Set(['approve', 'edit', 'reject']));
    const scores = plan.flatMap((p) => (p.rating ? [p.rating.score] : []));
    expect(scores.length).toBeGreaterThan(30);
    expect(new Set(scores).size).toBeGreaterThanOrEqual(4);
  });
});

describe('followUpEmail', () => {
  const original = planMonth(shop, { seed: 3, emails: 40, days: 10, end }).find((p) => p.kind === 'order_status')!;

  it('writes again in the thread of the reply, from the same sender, about the same request', () => {
    const raw = followUpEmail(original.raw, 'reply.1@shop.example', original.lang, 86_400_000).toString('utf8');
    const head = (name: string, text: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(text)?.[1];
    const before = original.raw.toString('utf8');
    expect(head('From', raw)).toBe(head('From', before));
    expect(head('In-Reply-To', raw)).toBe('<reply.1@shop.example>');
    expect(head('References', raw)).toBe(`${head('Message-ID', before)} <reply.1@shop.example>`);
    expect(head('Subject', raw)).toMatch(/^Re: /);
    expect(head('Message-ID', raw)).not.toBe(head('Message-ID', before));
    expect(Date.parse(head('Date', raw)!) - Date.parse(head('Date', before)!)).toBe(86_400_000);
    expect(raw).toContain(before.slice(before.indexOf('\r\n\r\n') + 4));
  });

  it('is the same bytes for the same inputs', () => {
    expect(followUpEmail(original.raw, '<r@x>', 'fr', 5).equals(followUpEmail(original.raw, 'r@x', 'fr', 5))).toBe(true);
  });
});
