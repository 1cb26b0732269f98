import { rolloutGateSchema } from '../triage/policy';
import { decideRollout, type CohortCounts } from './rollout-gate';

const gate = rolloutGateSchema.parse({ min_days: 14, min_automated: 200, min_sample: 30 });
const steps = [1, 5, 25];
const healthy: CohortCounts = {
  emails: 400, automated: 250, reescalated: 5, reviewedSent: 100, edited: 20, drafted: 350, factCheckBlocked: 10, rated: 40, satisfied: 38,
};

describe('rollout gate', () => {
  it('proposes the next step when every KPI holds over the minimum sample and time', () => {
    const v = decideRollout({ percentage: 5, steps, gate, daysAtStep: 15 }, healthy);
    expect(v).toMatchObject({ action: 'propose', from: 5, to: 25 });
    expect(v.judgements.map((j) => j.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('holds before the minimum days or sample, saying what is missing', () => {
    expect(decideRollout({ percentage: 1, steps, gate, daysAtStep: 3 }, { ...healthy, automated: 40, reescalated: 0 }).reasons)
      .toEqual(['3.0 of 14 days at this step', '40 of 200 automatic replies to the cohort']);
    expect(decideRollout({ percentage: 25, steps, gate, daysAtStep: 30 }, healthy)).toMatchObject({ action: 'hold', to: null });
  });

  it('steps back one step at once on a regression, whatever the time at the step; below the first step is 0 %', () => {
    const regressed = { ...healthy, automated: 60, reescalated: 9 };
    expect(decideRollout({ percentage: 5, steps, gate, daysAtStep: 0.5 }, regressed)).toMatchObject({
      action: 'step_back', from: 5, to: 1, reasons: ['reescalation_rate 15.0 % > 5.0 % (n=60)'],
    });
    expect(decideRollout({ percentage: 1, steps, gate, daysAtStep: 1 }, { ...healthy, satisfied: 20 })).toMatchObject({ action: 'step_back', to: 0 });
  });

  it('does not judge a rate on too few emails: neither a step back nor a block', () => {
    const few = { ...healthy, automated: 210, reescalated: 0, rated: 5, satisfied: 0, reviewedSent: 10, edited: 10 };
    const v = decideRollout({ percentage: 1, steps, gate, daysAtStep: 20 }, few);
    expect(v.action).toBe('propose');
    expect(v.judgements.filter((j) => j.status === 'too_few').map((j) => j.kpi)).toEqual(['edit_rate', 'csat']);
  });

  it('only measures off the ladder (100 %, a hand-set value) and waits for a lead at 0 %', () => {
    expect(decideRollout({ percentage: 100, steps, gate, daysAtStep: 99 }, { ...healthy, reescalated: 100 }).action).toBe('manual');
    expect(decideRollout({ percentage: 0, steps, gate, daysAtStep: 0 }, healthy)).toMatchObject({ action: 'stopped', to: 1 });
  });
});
