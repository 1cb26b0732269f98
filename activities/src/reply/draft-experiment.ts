/**
 * A stored experiment (migration 024) as the draft stage's A/B: each variant's version key `textId@version` names a
 * prompt of the registry (drafted by the model with that prompt version) or the current version of a code template
 * (drafted by template). Two variants that would draft the same way are refused: they could not differ in outcome.
 * Once a variant is promoted, every email gets it (one variant, still recorded on the draft). Pure.
 */
import type { AssignmentUnit, Experiment } from './ab-assignment';
import type { DraftGenerator } from './draft-reply';
import { getPrompt } from './prompts/registry';
import { TEMPLATES } from './templates/registry';

export interface StoredDraftExperiment {
  id: string;
  status: 'running' | 'promoted';
  promotedVariant: string | null;
  assignmentUnit: AssignmentUnit;
  variants: { name: string; versionKey: string; weight: number }[];
}

export class DraftExperimentError extends Error {
  override readonly name = 'DraftExperimentError';
}

export function generatorOf(versionKey: string): DraftGenerator {
  const at = versionKey.lastIndexOf('@');
  const [textId, version] = [versionKey.slice(0, at), versionKey.slice(at + 1)];
  try {
    const prompt = getPrompt(textId, version);
    return { kind: 'llm', promptId: prompt.id, promptVersion: prompt.version };
  } catch {
    // not a prompt: a template?
  }
  if (TEMPLATES.some((t) => t.id === textId && t.version === version)) return { kind: 'template' };
  throw new DraftExperimentError(`${versionKey} is neither a prompt of the registry nor the current version of a template`);
}

export function draftExperimentOf(stored: StoredDraftExperiment): Experiment<DraftGenerator> {
  const variants = stored.variants.map((v) => ({ name: v.name, weight: v.weight, value: generatorOf(v.versionKey) }));
  const ways = new Set(variants.map((v) => JSON.stringify(v.value)));
  if (ways.size !== variants.length) {
    throw new DraftExperimentError(`experiment ${stored.id}: two variants would draft the same way (${stored.variants.map((v) => v.versionKey).join(', ')})`);
  }
  const live = stored.status === 'promoted' ? variants.filter((v) => v.name === stored.promotedVariant) : variants;
  return { id: stored.id, unit: stored.assignmentUnit, variants: live };
}
