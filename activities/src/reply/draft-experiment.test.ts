import { assignVariant } from './ab-assignment';
import { assignmentKey, createDraftReply } from './draft-reply';
import { DraftExperimentError, draftExperimentOf, generatorOf, type StoredDraftExperiment } from './draft-experiment';
import { makeCase, replyDeps } from './test-support/fixture-shop';

const stored: StoredDraftExperiment = {
  id: 'prompt-vs-template', status: 'running', promotedVariant: null, assignmentUnit: 'conversation',
  variants: [{ name: 'template', versionKey: 'order-status@1.1.0', weight: 1 }, { name: 'prompt-2', versionKey: 'draft-reply@2.0.0', weight: 1 }],
};

test('a version key names a prompt of the registry or the current version of a template; anything else is refused', () => {
  expect(generatorOf('draft-reply@1.1.0')).toEqual({ kind: 'llm', promptId: 'draft-reply', promptVersion: '1.1.0' });
  expect(generatorOf('order-status@1.1.0')).toEqual({ kind: 'template' });
  expect(() => generatorOf('order-status@0.9.0')).toThrow(DraftExperimentError);
  expect(() => generatorOf('nothing@1')).toThrow(DraftExperimentError);
  // Two variants that draft the same way could not differ: refused.
  expect(() => draftExperimentOf({ ...stored, variants: [stored.variants[0]!, { name: 'b', versionKey: 'delivery-delay@1.1.0', weight: 1 }] }))
    .toThrow(/draft the same way/);
});

test('a promoted experiment gives every email the promoted variant', () => {
  const promoted = draftExperimentOf({ ...stored, status: 'promoted', promotedVariant: 'prompt-2' });
  expect(promoted.variants.map((v) => v.name)).toEqual(['prompt-2']);
  for (let i = 0; i < 20; i++) expect(assignVariant(promoted, `m-${i}`).name).toBe('prompt-2');
});

test('by conversation: every email of a thread lands in its root message\'s variant; by customer: every email of a sender', async () => {
  const experiment = draftExperimentOf(stored);
  const stage = createDraftReply({ experiment: () => experiment });
  const deps = replyDeps();
  const seen = new Set<string>();
  for (let i = 0; i < 12; i++) {
    const root = makeCase({ intent: 'thanks', customerId: 'C0021', messageId: `root-${i}@example.test` });
    const reply = makeCase({ intent: 'thanks', customerId: 'C0021', messageId: `reply-${i}@example.test` });
    reply.parsed.references = [`root-${i}@example.test`, `mid-${i}@example.test`];
    reply.parsed.inReplyTo = `mid-${i}@example.test`;
    const [a, b] = [await stage(root, deps), await stage(reply, deps)];
    expect(b.draft!.experiment).toEqual(a.draft!.experiment);
    seen.add(a.draft!.experiment!.variant);
  }
  expect([...seen].sort()).toEqual(['prompt-2', 'template']);

  const byCustomer = { ...experiment, unit: 'customer' as const };
  const one = makeCase({ intent: 'thanks', from: 'Ana@Example.test', messageId: 'x1@example.test' });
  const other = makeCase({ intent: 'thanks', from: 'ana@example.test ', messageId: 'x2@example.test' });
  expect(assignmentKey(one, 'customer')).toBe(assignmentKey(other, 'customer'));
  expect(assignVariant(byCustomer, assignmentKey(one, 'customer')).name).toBe(assignVariant(byCustomer, assignmentKey(other, 'customer')).name);
  expect(assignmentKey(one)).toBe('x1@example.test');
});
