import { assignVariant } from './ab-assignment';
import { assignmentKey, createDraftReply } from './draft-reply';
import { appliesTo, DraftExperimentError, draftExperimentOf, generatorOf, savedWordingOf, textsOf, type StoredDraftExperiment } from './draft-experiment';
import { checkDraft } from './check-draft';
import { makeCase, replyDeps } from './test-support/fixture-shop';
import { BUILTIN_TEMPLATE_WORDING, type WordingSnapshot } from './wording/phrase-catalogue';

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

test('saved versions: templates@N keeps the usual way of drafting with version N\'s words, prompts@N is a model\'s prompt', () => {
  expect(generatorOf('templates@2')).toEqual({ kind: 'wording', templatesVersion: 2 });
  expect(generatorOf('prompts@3')).toEqual({ kind: 'llm', promptId: 'draft-reply', storedPromptVersion: 3 });
  expect(savedWordingOf('templates@12')).toEqual({ kind: 'templates', version: 12 });
  expect(savedWordingOf('draft-reply@2.0.0')).toBeNull();
  expect(() => generatorOf('templates@v2')).toThrow(/whole number/);
  expect(() => draftExperimentOf({ ...stored, variants: [{ name: 'a', versionKey: 'templates@1', weight: 1 }, { name: 'b', versionKey: 'templates@1', weight: 1 }] }))
    .toThrow(/draft the same way/);
  expect(textsOf([{ versionKey: 'templates@1' }, { versionKey: 'templates@2' }])).toEqual(['templates']);
  expect(textsOf(stored.variants)).toEqual(['draft-reply', 'order-status']);
  // A prompt experiment applies only where a model drafts; a template one everywhere.
  const prompts = draftExperimentOf({ ...stored, variants: [{ name: 'a', versionKey: 'prompts@1', weight: 1 }, { name: 'b', versionKey: 'prompts@2', weight: 1 }] });
  const templates = draftExperimentOf({ ...stored, variants: [{ name: 'a', versionKey: 'templates@1', weight: 1 }, { name: 'b', versionKey: 'templates@2', weight: 1 }] });
  expect(appliesTo(prompts, { kind: 'template' })).toBe(false);
  expect(appliesTo(prompts, { kind: 'llm', promptId: 'draft-reply' })).toBe(true);
  expect(appliesTo(templates, { kind: 'template' })).toBe(true);
  expect(appliesTo(draftExperimentOf(stored), { kind: 'template' })).toBe(true);
});

test('a templates@N variant drafts with version N\'s words and records it; the check reads the draft with the same version', async () => {
  const warmer = structuredClone(BUILTIN_TEMPLATE_WORDING);
  warmer.phrases.signature.en = warmer.phrases.signature.en.replace('Kind regards,', 'With our warmest regards,');
  warmer.phrases.signature.fr = warmer.phrases.signature.fr.replace('Bien cordialement,', 'Bien chaleureusement,');
  const versions: Record<number, WordingSnapshot> = { 1: { version: 1, wording: BUILTIN_TEMPLATE_WORDING }, 2: { version: 2, wording: warmer } };
  const asked: number[] = [];
  const deps = { ...replyDeps(), wording: versions[1], wordingAt: async (v: number) => (asked.push(v), versions[v]!) };
  const experiment = draftExperimentOf({ ...stored, variants: [{ name: 'shipped', versionKey: 'templates@1', weight: 1 }, { name: 'warmer', versionKey: 'templates@2', weight: 1 }] });
  const stage = createDraftReply({ experiment: () => experiment });
  const seen = new Set<string>();
  for (let i = 0; i < 10; i++) {
    const drafted = await stage(makeCase({ intent: 'thanks', customerId: 'C0021', messageId: `w-${i}@example.test` }), deps);
    const d = drafted.draft!;
    seen.add(d.experiment!.variant);
    expect(d.wordingVersion).toBe(d.experiment!.variant === 'warmer' ? 2 : 1);
    const warm = /warmest regards|chaleureusement/.test(d.body);
    expect(warm).toBe(d.experiment!.variant === 'warmer');
    // The check stage reads the draft with its own version's words (asked for version 2 when the warmer one drafted).
    const before = asked.length;
    const checked = await checkDraft(drafted, deps);
    expect(asked.slice(before)).toEqual(d.wordingVersion === 2 ? [2] : []);
    expect(checked.guardrails!.fired).toEqual([]);
  }
  expect([...seen].sort()).toEqual(['shipped', 'warmer']);
  expect(asked).toContain(2);
});
