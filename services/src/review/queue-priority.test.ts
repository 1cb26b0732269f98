import { byPriority, queuePriority, type PriorityInput, type Prioritised } from './queue-priority';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const inMinutes = (m: number) => new Date(NOW + m * 60_000);
const base: PriorityInput = { level: 1, dueAt: inMinutes(8 * 60), urgency: 'low', sentiment: 'neutral', vip: false };
const score = (over: Partial<PriorityInput>) => queuePriority({ ...base, ...over }, NOW).score;

describe('queuePriority: the documented parts', () => {
  test('SLA risk bands by time left before escalation', () => {
    expect([8 * 60, 241, 240, 121, 120, 31, 30, 1, 0, -5].map((m) => score({ dueAt: inMinutes(m) })))
      .toEqual([0, 0, 10, 10, 20, 20, 30, 30, 40, 40]);
    expect(score({ dueAt: null })).toBe(0);
    expect(score({ level: 2, dueAt: inMinutes(-60) })).toBe(10); // level 2: no SLA runs, the level counts instead
  });

  test('urgency, VIP, negative tone and level 2 each add their points', () => {
    expect(score({ urgency: 'normal' })).toBe(10);
    expect(score({ urgency: 'high' })).toBe(20);
    expect(score({ urgency: null })).toBe(0);
    expect(score({ vip: true })).toBe(15);
    expect(score({ sentiment: 'negative' })).toBe(10);
    expect(score({ sentiment: 'positive' })).toBe(0);
    expect(score({ level: 2 })).toBe(10);
  });

  test('the parts say why, largest first, and add up to the score', () => {
    const p = queuePriority({ level: 1, dueAt: inMinutes(25), urgency: 'high', sentiment: 'negative', vip: true }, NOW);
    expect(p).toEqual({
      score: 75,
      parts: [
        { factor: 'sla', points: 30, label: 'SLA in 25m' },
        { factor: 'urgency', points: 20, label: 'urgency high' },
        { factor: 'vip', points: 15, label: 'VIP' },
        { factor: 'tone', points: 10, label: 'negative tone' },
      ],
    });
    expect(queuePriority({ ...base, dueAt: inMinutes(-1) }, NOW).parts).toEqual([{ factor: 'sla', points: 40, label: 'SLA overdue' }]);
    expect(queuePriority({ ...base, dueAt: inMinutes(150) }, NOW).parts[0]!.label).toBe('SLA in 2h 30m');
  });

  test('a new VIP email (2 h SLA) goes above new non-VIP mail, below an overdue urgent one', () => {
    const newVip = score({ vip: true, urgency: 'normal', dueAt: inMinutes(120) });
    const newUrgentNegative = score({ urgency: 'high', sentiment: 'negative' });
    const overdueUrgent = score({ urgency: 'high', dueAt: inMinutes(-1) });
    expect(newVip).toBe(45);
    expect(newVip).toBeGreaterThan(newUrgentNegative);
    expect(overdueUrgent).toBeGreaterThan(newVip);
  });
});

describe('byPriority: the queue order', () => {
  const row = (emailKey: string, input: Partial<PriorityInput>, waitedMinutes: number): Prioritised => {
    const full = { ...base, ...input };
    return { emailKey, priority: queuePriority(full, NOW), dueAt: full.dueAt, waitingSince: inMinutes(-waitedMinutes) };
  };

  test('higher score first; ties by nearer deadline, then longer wait, then key', () => {
    const rows = [
      row('e-low', {}, 50),
      row('e-tie-later-due', { urgency: 'normal', dueAt: inMinutes(400) }, 10),
      row('e-tie-sooner-due', { urgency: 'normal', dueAt: inMinutes(300) }, 5),
      row('e-tie-no-due-b', { urgency: 'normal', dueAt: null }, 5),
      row('e-tie-no-due-older', { urgency: 'normal', dueAt: null }, 30),
      row('e-tie-no-due-a', { urgency: 'normal', dueAt: null }, 5),
      row('e-vip', { vip: true, dueAt: inMinutes(100) }, 1),
      row('e-level2', { level: 2, dueAt: null, urgency: 'high', sentiment: 'negative' }, 2),
    ];
    expect(rows.sort(byPriority).map((r) => r.emailKey)).toEqual([
      'e-level2', 'e-vip', 'e-tie-sooner-due', 'e-tie-later-due', 'e-tie-no-due-older', 'e-tie-no-due-a', 'e-tie-no-due-b', 'e-low',
    ]);
  });
});
