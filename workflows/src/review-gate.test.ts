import { ReviewGate } from './review-gate';
import { reviewTimeline } from './review-timeline';
import type { ReviewDecision } from './contracts';

let n = 0;
const decision = (action: ReviewDecision['action'], reviewer: string, extra: Partial<ReviewDecision> = {}): ReviewDecision => ({
  decisionId: `d${++n}`,
  action,
  reviewer,
  ...extra,
});

describe('ReviewGate', () => {
  test('one approval sends the draft as is', () => {
    const gate = new ReviewGate('review', 1);
    const outcome = gate.apply(decision('approve', 'alice'));
    expect(outcome).toMatchObject({ status: 'applied', state: 'sending', approvals: ['alice'] });
    expect(gate.verdict).toEqual({ kind: 'send', approvedBy: ['alice'], edited: null, overridden: null });
  });

  test('two approvals needed: the same reviewer cannot approve twice', () => {
    const gate = new ReviewGate('review', 2);
    expect(gate.apply(decision('approve', 'alice'))).toMatchObject({ state: 'waiting_review', approvals: ['alice'] });
    expect(() => gate.validate(decision('approve', 'alice'))).toThrow(/different reviewer/);
    expect(gate.verdict).toBeNull();
    gate.apply(decision('approve', 'bob'));
    expect(gate.verdict).toEqual({ kind: 'send', approvedBy: ['alice', 'bob'], edited: null, overridden: null });
  });

  test('an edit replaces earlier approvals: the new text needs its own second approver', () => {
    const gate = new ReviewGate('review', 2);
    gate.apply(decision('approve', 'alice'));
    gate.apply(decision('edit', 'bob', { body: 'Bonjour, voici…' }));
    expect(gate.verdict).toBeNull();
    expect(gate.view().approvals).toEqual(['bob']);
    gate.apply(decision('approve', 'alice'));
    expect(gate.verdict).toEqual({ kind: 'send', approvedBy: ['bob', 'alice'], edited: { body: 'Bonjour, voici…' }, overridden: null });
  });

  test('an edit blocked by its checks changes nothing but what the review shows', () => {
    const gate = new ReviewGate('review', 1);
    const failed = [{ check: 'fact_mismatch', message: 'shipped on 20 November 2026, the order says 22 November 2026' }];
    const blocked = decision('edit', 'alice', { body: 'Bonjour…' });
    expect(gate.editBlocked(blocked, failed)).toEqual({ status: 'blocked', state: 'waiting_review', failed });
    expect(gate.verdict).toBeNull();
    expect(gate.view()).toMatchObject({ approvals: [], decisions: [], blockedEdit: { decisionId: blocked.decisionId, reviewer: 'alice', failed } });
    expect(gate.hasTaken(blocked)).toBe(false);
  });

  test('sending anyway: an edit taken over failed checks carries who, which and why into the verdict', () => {
    const gate = new ReviewGate('review', 1);
    gate.editBlocked(decision('edit', 'alice', { body: 'x' }), [{ check: 'fact_mismatch', message: 'm' }]);
    const override = { checks: ['fact_mismatch'], reason: ' date agreed with the carrier by phone ' };
    gate.apply(decision('edit', 'alice', { body: 'Bonjour…', override }), { overridden: ['fact_mismatch'] });
    expect(gate.verdict).toEqual({
      kind: 'send', approvedBy: ['alice'], edited: { body: 'Bonjour…' },
      overridden: { by: 'alice', checks: ['fact_mismatch'], reason: 'date agreed with the carrier by phone' },
    });
    expect(gate.view().blockedEdit).toBeUndefined();
    expect(gate.view().overriddenChecks).toEqual({ by: 'alice', checks: ['fact_mismatch'], reason: 'date agreed with the carrier by phone' });
  });

  test('an override needs an edit, the checks it overrides and a reason', () => {
    const gate = new ReviewGate('review', 1);
    expect(() => gate.validate(decision('approve', 'alice', { override: { checks: ['fact_mismatch'], reason: 'r' } }))).toThrow(/only an edit/);
    expect(() => gate.validate(decision('edit', 'alice', { body: 'b', override: { checks: [], reason: 'r' } }))).toThrow(/names the failed checks/);
    expect(() => gate.validate(decision('edit', 'alice', { body: 'b', override: { checks: ['fact_mismatch'], reason: ' ' } }))).toThrow(/reason/);
  });

  test('a takeover moves the email to level 2, owned by that person; they reply by editing', () => {
    const gate = new ReviewGate('review', 1);
    expect(gate.apply(decision('takeover', 'sam'))).toMatchObject({ state: 'escalated' });
    expect(gate.view().owner).toBe('sam');
    expect(() => gate.validate(decision('takeover', 'sam'))).toThrow(/already yours/);
    gate.apply(decision('takeover', 'tess'));
    expect(gate.view().owner).toBe('tess');
    gate.apply(decision('edit', 'tess', { body: 'Bonjour…' }));
    expect(gate.verdict).toEqual({ kind: 'send', approvedBy: ['tess'], edited: { body: 'Bonjour…' }, overridden: null });
  });

  test('the same click delivered twice is applied once', () => {
    const gate = new ReviewGate('review', 2);
    const click = decision('approve', 'alice');
    gate.apply(click);
    expect(gate.apply(click)).toEqual({ status: 'duplicate', state: 'waiting_review' });
    expect(gate.view().decisions).toHaveLength(1);
  });

  test('a second reviewer sees that the email was already handled', () => {
    const gate = new ReviewGate('review', 1);
    gate.apply(decision('reject', 'alice', { note: 'spam' }));
    expect(gate.verdict).toEqual({ kind: 'reject', by: 'alice', note: 'spam' });
    expect(() => gate.validate(decision('approve', 'bob'))).toThrow(/already handled/);
  });

  test('escalation moves the email to level 2 and keeps waiting', () => {
    const gate = new ReviewGate('review', 1);
    const outcome = gate.apply(decision('escalate', 'alice'));
    expect(outcome).toMatchObject({ state: 'escalated' });
    expect(gate.level).toBe('escalated');
    expect(gate.verdict).toBeNull();
    expect(() => gate.validate(decision('escalate', 'bob'))).toThrow(/already escalated/);
  });

  test('bad decisions are refused with a readable reason', () => {
    const gate = new ReviewGate('review', 1);
    expect(() => gate.validate(decision('edit', 'alice', { body: '  ' }))).toThrow(/needs the text/);
    expect(() => gate.validate(decision('approve', ''))).toThrow(/reviewer/);
    expect(() => gate.validate({ ...decision('approve', 'a'), action: 'delete' as never })).toThrow(/unknown action/);
  });

  test('a decision carrying a NUL character (Postgres refuses it in text and jsonb) is refused, whatever field', () => {
    const gate = new ReviewGate('review', 1);
    expect(() => gate.validate(decision('edit', 'alice', { body: 'Bonjour\u0000' }))).toThrow(/NUL character/);
    expect(() => gate.validate(decision('edit', 'alice', { body: 'ok', subject: 'Re\u0000' }))).toThrow(/NUL character/);
    expect(() => gate.validate(decision('reject', 'alice', { note: '\u0000' }))).toThrow(/NUL character/);
    expect(() => gate.validate(decision('edit', 'alice', { body: 'ok', override: { checks: ['x\u0000'], reason: 'r' } }))).toThrow(/NUL character/);
    expect(() => gate.validate(decision('approve', 'ali\u0000ce'))).toThrow(/NUL character/);
    gate.validate(decision('edit', 'alice', { body: 'Bonjour' }));
  });
});

describe('reviewTimeline', () => {
  const sla = { remindAfter: '2h', escalateAfter: '8h' };
  const hour = 3_600_000;

  test('reminds first, then escalates, then nothing', () => {
    const timeline = reviewTimeline(sla, 0);
    const gate = new ReviewGate('review', 1);
    expect(timeline.nextDeadline(gate, 0)).toEqual({ kind: 'remind', inMs: 2 * hour });
    gate.markReminded('t');
    expect(timeline.nextDeadline(gate, 3 * hour)).toEqual({ kind: 'escalate', inMs: 5 * hour });
    gate.escalateForSla();
    expect(timeline.nextDeadline(gate, 9 * hour)).toBeNull();
  });

  test('a deadline already past is due now', () => {
    const gate = new ReviewGate('review', 1);
    expect(reviewTimeline(sla, 0).nextDeadline(gate, 5 * hour)).toEqual({ kind: 'remind', inMs: 0 });
  });
});

describe('ReviewGate and the customer\'s follow-ups', () => {
  const read = { route: 'review' as const, intent: 'order_status', reasons: [] };

  test('a follow-up resets approvals given before it and blocks approving until it is read', () => {
    const gate = new ReviewGate('review', 2);
    gate.apply(decision('approve', 'alice'));
    expect(gate.followUpArrived('f1')).toBe(true);
    expect(gate.view().approvals).toEqual([]);
    expect(() => gate.validate(decision('approve', 'bob'))).toThrow(/wrote again/);
    expect(() => gate.validate(decision('edit', 'bob', { body: 'x' }))).toThrow(/wrote again/);
    gate.validate(decision('reject', 'bob'));
    gate.followUpRead('f1', read);
    gate.apply(decision('approve', 'alice'));
    gate.apply(decision('approve', 'bob'));
    expect(gate.verdict).toEqual({ kind: 'send', approvedBy: ['alice', 'bob'], edited: null, overridden: null });
    expect(gate.view().followUps).toEqual([{ emailKey: 'f1', status: 'read', ...read }]);
  });

  test('an edited text stays after a follow-up, but must be approved again', () => {
    const gate = new ReviewGate('review', 2);
    gate.apply(decision('edit', 'alice', { body: 'Bonjour…' }));
    gate.followUpArrived('f1');
    gate.followUpRead('f1', read);
    gate.apply(decision('approve', 'bob'));
    expect(gate.verdict).toBeNull();
    gate.apply(decision('approve', 'carol'));
    expect(gate.verdict).toEqual({ kind: 'send', approvedBy: ['bob', 'carol'], edited: { body: 'Bonjour…' }, overridden: null });
  });

  test('the same follow-up twice counts once', () => {
    const gate = new ReviewGate('review', 1);
    gate.followUpArrived('f1');
    const version = gate.version;
    expect(gate.followUpArrived('f1')).toBe(true);
    expect(gate.version).toBe(version);
    expect(gate.view().followUps).toHaveLength(1);
  });

  test('a follow-up that alone would be escalated escalates the review', () => {
    const gate = new ReviewGate('review', 1);
    gate.followUpArrived('f1');
    gate.followUpRead('f1', { route: 'escalate', intent: 'legal_threat', reasons: ['escalation_keyword'] });
    expect(gate.level).toBe('escalated');
    expect(gate.followUpEscalated).toBe(true);
  });

  test('after the verdict, a follow-up is not taken (it must be answered on its own)', () => {
    const gate = new ReviewGate('review', 1);
    gate.apply(decision('approve', 'alice'));
    expect(gate.followUpArrived('f1')).toBe(false);
    expect(gate.hasFollowUp('f1')).toBe(false);
    expect(gate.view().followUps).toBeUndefined();
  });
});
