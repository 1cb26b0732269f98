import { assignVariant, stableUnit, type Experiment } from './ab-assignment';
import { createDraftReply, type DraftGenerator } from './draft-reply';
import { makeCase, replyDeps } from './test-support/fixture-shop';

const experiment: Experiment<DraftGenerator> = {
  id: 'draft-generator-2026-11',
  variants: [
    { name: 'control', weight: 50, value: { kind: 'template' } },
    { name: 'llm-1.1', weight: 50, value: { kind: 'llm', promptId: 'draft-reply', promptVersion: '1.1.0' } },
  ],
};

test('the same message id always gets the same variant', () => {
  for (let i = 0; i < 50; i++) {
    const id = `<msg-${i}@example.test>`;
    expect(assignVariant(experiment, id).name).toBe(assignVariant(experiment, id).name);
  }
  expect(stableUnit('x', 'abc')).toBe(stableUnit('x', 'abc'));
});

test('assignment follows the weights and depends on the experiment id', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `m${i}@example.test`);
  const control = ids.filter((id) => assignVariant(experiment, id).name === 'control').length;
  expect(control / ids.length).toBeGreaterThan(0.45);
  expect(control / ids.length).toBeLessThan(0.55);
  const skewed = { ...experiment, variants: [{ ...experiment.variants[0]!, weight: 9 }, { ...experiment.variants[1]!, weight: 1 }] };
  const skewedControl = ids.filter((id) => assignVariant(skewed, id).name === 'control').length;
  expect(skewedControl / ids.length).toBeGreaterThan(0.85);
  const other = { ...experiment, id: 'another-experiment' };
  expect(ids.filter((id) => assignVariant(other, id).name !== assignVariant(experiment, id).name).length).toBeGreaterThan(500);
});

test('the draft records the experiment and variant; without an LLM configured the LLM variant uses the template', async () => {
  const stage = createDraftReply({ experiment });
  const deps = replyDeps();
  const seen = new Map<string, string>();
  for (let i = 0; i < 20; i++) {
    const messageId = `ab-${i}@example.test`;
    const c = await stage(makeCase({ intent: 'thanks', lang: 'fr', customerId: 'C0021', messageId }), deps);
    expect(c.draft!.experiment).toEqual({ id: 'draft-generator-2026-11', variant: assignVariant(experiment, messageId).name });
    expect(c.draft!.generator).toBe('template');
    seen.set(c.draft!.experiment!.variant, messageId);
    const again = await stage(makeCase({ intent: 'thanks', lang: 'fr', customerId: 'C0021', messageId }), deps);
    expect(again.draft!.experiment).toEqual(c.draft!.experiment);
  }
  expect([...seen.keys()].sort()).toEqual(['control', 'llm-1.1']);
});
