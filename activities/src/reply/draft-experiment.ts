/**
 * A stored experiment (migration 024) as the draft stage's A/B. Each variant's version key `textId@version` names:
 * - `templates@N`: template version N of the saved wording (wording_versions): drafted as usual, with its words;
 * - `prompts@N`: prompt version N of the saved wording: drafted by the model with that prompt;
 * - a prompt of the code registry (`draft-reply@2.0.0`, drafted by the model with it) or the current version of a
 *   code template (`order-status@1.1.0`, drafted by template).
 * Two variants that would draft the same way are refused: they could not differ in outcome. Pure: whether a saved
 * version exists is the store's question (experiment-store.ts).
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

/** The saved wording kinds a version key can name (wording_versions.kind). */
export type SavedWordingKind = 'templates' | 'prompts';

export function splitVersionKey(versionKey: string): { textId: string; version: string } {
  const at = versionKey.lastIndexOf('@');
  return { textId: versionKey.slice(0, at), version: versionKey.slice(at + 1) };
}

/** `templates@3` → {kind: templates, version: 3}; a key of the code registry → null. */
export function savedWordingOf(versionKey: string): { kind: SavedWordingKind; version: number } | null {
  const { textId, version } = splitVersionKey(versionKey);
  if (textId !== 'templates' && textId !== 'prompts') return null;
  if (!/^[1-9]\d{0,8}$/.test(version)) throw new DraftExperimentError(`${versionKey}: a saved ${textId} version is a whole number (${textId}@2)`);
  return { kind: textId, version: Number(version) };
}

export function generatorOf(versionKey: string): DraftGenerator {
  const saved = savedWordingOf(versionKey);
  if (saved?.kind === 'templates') return { kind: 'wording', templatesVersion: saved.version };
  if (saved?.kind === 'prompts') return { kind: 'llm', promptId: 'draft-reply', storedPromptVersion: saved.version };
  const { textId, version } = splitVersionKey(versionKey);
  try {
    const prompt = getPrompt(textId, version);
    return { kind: 'llm', promptId: prompt.id, promptVersion: prompt.version };
  } catch {
    // not a prompt: a template?
  }
  if (TEMPLATES.some((t) => t.id === textId && t.version === version)) return { kind: 'template' };
  throw new DraftExperimentError(`${versionKey} is neither a saved version (templates@N, prompts@N), a prompt of the registry nor the current version of a template`);
}

/** The texts an experiment varies (the textIds of its version keys): one running experiment per text at a time. */
export function textsOf(variants: { versionKey: string }[]): string[] {
  return [...new Set(variants.map((v) => splitVersionKey(v.versionKey).textId))].sort();
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

/**
 * Whether an experiment can assign an email whose draft would otherwise be written by `usual`: a prompt experiment
 * (every variant a model's prompt) only where a model drafts; any other everywhere.
 */
export function appliesTo(experiment: Experiment<DraftGenerator>, usual: DraftGenerator): boolean {
  return usual.kind === 'llm' || !experiment.variants.every((v) => v.value.kind === 'llm');
}
