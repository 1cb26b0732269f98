/**
 * The template and prompt versions in force, kept in memory by each worker and refreshed without a restart, as the
 * live policy is (a LiveValue, live-value.ts): LISTEN `replique_wording` reloads at once when a version is activated or rolled
 * back, and a poll every `pollMs` (one indexed query) bounds the delay when a notification is lost.
 */
import { createLogger } from '../../logger';
import type { WordingSnapshot, TemplateWording } from '../../reply/wording/phrase-catalogue';
import { draftPromptOf, promptBodySchema } from '../../reply/wording/prompt-schema';
import { readStoredTemplateWording } from '../../reply/wording/template-wording-schema';
import type { DraftPrompt } from '../../reply/prompts/registry';
import type { NotifyListener } from './notify-listener';
import { LiveValue, type LiveValueOptions } from './live-value';
import type { Queryable } from './pool';
import {
  activeWordingVersion, getWordingVersion, WORDING_CHANNEL, wordingActivationsNewerThan, type WordingActivationRow, type WordingKind,
} from './wording-versions';

const log = createLogger('adapter.live-wording');

/** The prompt in force and its version (wording_versions, kind `prompts`). */
export interface PromptSnapshot {
  version: number;
  prompt: DraftPrompt;
}

/** What the draft stage reads: the versions in force now. */
export interface WordingSource {
  templates(): WordingSnapshot;
  prompt(): PromptSnapshot;
  /** Any saved version (an experiment's variant, a draft's own version): read once, kept (versions never change). */
  templatesAt(version: number): Promise<WordingSnapshot>;
  promptAt(version: number): Promise<PromptSnapshot>;
}

/** The activation followed of each kind, and the version it put in force. */
type Activations = Record<WordingKind, { activationId: number; version: number; body: unknown }>;

/** What a LiveWording holds: the activations it followed and the snapshots of their versions. */
export interface WordingInForce {
  activations: Activations;
  templates: WordingSnapshot;
  prompt: PromptSnapshot;
}

/** The snapshots of a templates version and a prompts version (their stored bodies, validated). */
function wordingSnapshotOf(t: { version: number; body: unknown }, p: { version: number; body: unknown }): Omit<WordingInForce, 'activations'> {
  return {
    templates: { version: t.version, wording: readStoredTemplateWording(t.body) },
    prompt: { version: p.version, prompt: draftPromptOf(promptBodySchema.parse(p.body), p.version) },
  };
}

/**
 * The versions in force now, read once: `replique triage` / `eval` on a database decide with the wording the worker
 * drafts with. Null when none is seeded (the shipped wording, as the worker's first start seeds it).
 */
export async function wordingInForce(db: Queryable): Promise<{ templates: WordingSnapshot; prompt: PromptSnapshot } | null> {
  const t = await activeWordingVersion(db, 'templates');
  const p = await activeWordingVersion(db, 'prompts');
  return t && p ? wordingSnapshotOf(t.row, p.row) : null;
}

export class LiveWording extends LiveValue<WordingInForce> implements WordingSource {
  /** Loads the versions in force (seed them first: seedWordingVersions), then listens and polls. */
  static async start(options: { db: Queryable; listener: NotifyListener; pollMs?: number }): Promise<LiveWording> {
    const first = {} as Activations;
    for (const kind of ['templates', 'prompts'] as const) {
      const active = await activeWordingVersion(options.db, kind);
      if (!active) throw new Error(`no ${kind} version in force: seed the shipped wording first (seedWordingVersions)`);
      first[kind] = { activationId: active.activation.id, version: active.row.version, body: active.row.body };
    }
    return new LiveWording(options.db, {
      name: 'wording', channel: WORDING_CHANNEL, listener: options.listener, pollMs: options.pollMs ?? 1000, log,
      first: inForce(first),
      load: (held) => loadNewerActivations(options.db, held),
    }).listen();
  }

  private readonly saved = new Map<string, Promise<WordingSnapshot | PromptSnapshot>>();

  private constructor(private readonly db: Queryable, options: LiveValueOptions<WordingInForce>) {
    super(options);
  }

  templates(): WordingSnapshot {
    return this.current().templates;
  }

  prompt(): PromptSnapshot {
    return this.current().prompt;
  }

  templatesAt(version: number): Promise<WordingSnapshot> {
    const held = this.templates();
    if (version === held.version) return Promise.resolve(held);
    return this.savedVersion('templates', version) as Promise<WordingSnapshot>;
  }

  promptAt(version: number): Promise<PromptSnapshot> {
    const held = this.prompt();
    if (version === held.version) return Promise.resolve(held);
    return this.savedVersion('prompts', version) as Promise<PromptSnapshot>;
  }

  private savedVersion(kind: WordingKind, version: number): Promise<WordingSnapshot | PromptSnapshot> {
    const key = `${kind}@${version}`;
    let loaded = this.saved.get(key);
    if (!loaded) {
      loaded = getWordingVersion(this.db, kind, version).then((row) => {
        if (!row) throw new Error(`no ${kind} version ${version} in the database`);
        return kind === 'templates'
          ? { version, wording: readStoredTemplateWording(row.body) }
          : { version, prompt: draftPromptOf(promptBodySchema.parse(row.body), version) };
      });
      loaded.catch(() => this.saved.delete(key)); // a failed read is tried again next time
      this.saved.set(key, loaded);
    }
    return loaded;
  }
}

function inForce(activations: Activations): WordingInForce {
  return { activations, ...wordingSnapshotOf(activations.templates, activations.prompts) };
}

/** The versions of activations newer than those held, or null when there is none. */
async function loadNewerActivations(db: Queryable, held: WordingInForce): Promise<WordingInForce | null> {
  let activations = held.activations;
  // One statement for both kinds (the poll runs every second in every worker).
  const newerOf = await wordingActivationsNewerThan(db, {
    templates: activations.templates.activationId, prompts: activations.prompts.activationId,
  });
  for (const kind of ['templates', 'prompts'] as const) {
    const newer: WordingActivationRow | undefined = newerOf[kind];
    if (!newer) continue;
    const row = await getWordingVersion(db, kind, newer.version);
    if (!row) continue;
    activations = { ...activations, [kind]: { activationId: newer.id, version: row.version, body: row.body } };
    log.info({ kind, version: row.version, action: newer.action }, 'wording version in force');
  }
  return activations === held.activations ? null : inForce(activations);
}
