import { aboveLevel, linesReliability } from './calibration-command';

describe('calibration of out-of-fold lines', () => {
  const labels = new Map([['a.eml', { intent: 'thanks' }], ['b.eml', { intent: 'order_status' }], ['c.eml', { intent: 'invoice_request' }], ['d.eml', { intent: 'spam' }]]);
  const lines = [
    { file: 'a.eml', intent: 'thanks', intent_confidence: 0.95, machine: null },
    { file: 'b.eml', intent: 'delivery_delay', intent_confidence: 0.9, machine: null },
    { file: 'c.eml', intent: 'invoice_request', intent_confidence: 0.5, machine: null },
    { file: 'd.eml', intent: 'spam', intent_confidence: 0.99, machine: 'spam' },
  ];

  it('scores confidence against the labels, machine mail left out', () => {
    const r = linesReliability(labels, lines);
    expect(r.n).toBe(3);
    expect(r.accuracy).toBeCloseTo(2 / 3, 3);
  });

  it('counts how often the intent is right above a level', () => {
    expect(aboveLevel(labels, lines, 0.85)).toEqual({ n: 2, right: 1 });
    expect(aboveLevel(labels, lines, 0.4)).toEqual({ n: 3, right: 2 });
  });
});
