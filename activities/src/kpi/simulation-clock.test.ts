import { simulatedTime } from './simulation-clock';

describe('simulatedTime', () => {
  const day = 86_400_000;
  const anchors = [
    { realAt: 1_000_000, simAt: 10 * day },
    { realAt: 1_060_000, simAt: 10 * day + 5 * 3_600_000 },
  ];

  it('is the identity for an email without clock events', () => {
    expect(simulatedTime(1234, [])).toBe(1234);
  });

  it('keeps the real delay after the latest anchor at or before the event', () => {
    expect(simulatedTime(1_000_000, anchors)).toBe(10 * day);
    expect(simulatedTime(1_004_000, anchors)).toBe(10 * day + 4_000);
    expect(simulatedTime(1_061_500, anchors)).toBe(10 * day + 5 * 3_600_000 + 1_500);
  });

  it('reads an event before every anchor through the earliest one, whatever order the anchors come in', () => {
    expect(simulatedTime(999_000, [...anchors].reverse())).toBe(10 * day - 1_000);
  });
});
