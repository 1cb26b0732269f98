/**
 * The template and prompt versions in force, kept in memory by each worker and refreshed without a restart, as the
 * live policy is (notify-watcher.ts): LISTEN `replique_wording` reloads at once when a version is activated or rolled
 * back, and a poll every `pollMs` (one indexed query) bounds the delay when a notification is lost.
 */
import { createLogger } from '../../logger';
import type { WordingSnapshot, TemplateWording } from '../../reply/wording/phrase-catalogue';
import { draftPromptOf, promptBodySchema } from '../../reply/wording/prompt-schema';
import { readStoredTemplateWording } from '../../reply/wording/template-wording-schema';
import type { DraftPrompt } from '../../reply/prompts/registry';
import { NotifyWatcher } from './notify-watcher';
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

interface Loaded {
  activationId: number;
  templates: WordingSnapshot;
  prompt: PromptSnapshot;
}

/** The snapshots of a templates version and a prompts version (their stored bodies, validated). */
function wordingSnapshotOf(t: { version: number; body: unknown }, p: { version: number; body: unknown }): Omit<Loaded, 'activationId'> {
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

export class LiveWording implements WordingSource {
  private readonly watcher: NotifyWatcher;

  private constructor(
    private readonly options: { db: Queryable; databaseUrl: string; pollMs: number },
    private loaded: Record<WordingKind, { activationId: number; version: number; body: unknown }>,
  ) {
    this.watcher = new NotifyWatcher({
      databaseUrl: options.databaseUrl, channel: WORDING_CHANNEL, pollMs: options.pollMs, name: 'wording', log, reload: () => this.reload(),
    });
  }

  /** Loads the versions in force (seed them first: seedWordingVersions), then listens and polls. */
  static async start(options: { db: Queryable; databaseUrl: string; pollMs?: number }): Promise<LiveWording> {
    const first = {} as Record<WordingKind, { activationId: number; version: number; body: unknown }>;
    for (const kind of ['templates', 'prompts'] as const) {
      const active = await activeWordingVersion(options.db, kind);
      if (!active) throw new Error(`no ${kind} version in force: seed the shipped wording first (seedWordingVersions)`);
      first[kind] = { activationId: active.activation.id, version: active.row.version, body: active.row.body };
    }
    const live = new LiveWording({ pollMs: 1000, ...options }, first);
    live.snapshot = live.build();
    await live.watcher.start();
    return live;
  }

  private snapshot!: Omit<Loaded, 'activationId'>;
  private readonly saved = new Map<string, Promise<WordingSnapshot | PromptSnapshot>>();

  templatesAt(version: number): Promise<WordingSnapshot> {
    if (version === this.snapshot.templates.version) return Promise.resolve(this.snapshot.templates);
    return this.savedVersion('templates', version) as Promise<WordingSnapshot>;
  }

  promptAt(version: number): Promise<PromptSnapshot> {
    if (version === this.snapshot.prompt.version) return Promise.resolve(this.snapshot.prompt);
    return this.savedVersion('prompts', version) as Promise<PromptSnapshot>;
  }

  private savedVersion(kind: WordingKind, version: number): Promise<WordingSnapshot | PromptSnapshot> {
    const key = `${kind}@${version}`;
    let loaded = this.saved.get(key);
    if (!loaded) {
      loaded = getWordingVersion(this.options.db, kind, version).then((row) => {
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

  templates(): WordingSnapshot {
    return this.snapshot.templates;
  }

  prompt(): PromptSnapshot {
    return this.snapshot.prompt;
  }

  private build(): Omit<Loaded, 'activationId'> {
    return wordingSnapshotOf(this.loaded.templates, this.loaded.prompts);
  }

  /** Loads newer activations if there are any (serialised: a slow refresh never replaces a newer one). */
  refresh(): Promise<void> {
    return this.watcher.refresh();
  }

  close(): Promise<void> {
    return this.watcher.close();
  }

  private async reload(): Promise<void> {
    let changed = false;
    // One statement for both kinds (the poll runs every second in every worker).
    const newerOf = await wordingActivationsNewerThan(this.options.db, {
      templates: this.loaded.templates.activationId, prompts: this.loaded.prompts.activationId,
    });
    for (const kind of ['templates', 'prompts'] as const) {
      const newer: WordingActivationRow | undefined = newerOf[kind];
      if (!newer) continue;
      const row = await getWordingVersion(this.options.db, kind, newer.version);
      if (!row) continue;
      this.loaded = { ...this.loaded, [kind]: { activationId: newer.id, version: row.version, body: row.body } };
      changed = true;
      log.info({ kind, version: row.version, action: newer.action }, 'wording version in force');
    }
    if (changed) this.snapshot = this.build();
  }
}
