/**
 * An email's search attributes as Temporal holds them, and the values staged for the next state record: the workflow
 * upserts once per state it records, with only the values that changed (each upsert is a history event and a write
 * to the server's visibility store). Pure: no I/O, safe in the workflow sandbox.
 */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { stateSearchAttribute } from './contracts';

/** A keyword attribute's key (Route, Intent, EmailState are all keywords). */
export type KeywordKey = typeof stateSearchAttribute;

export class SearchAttributeLedger {
  private readonly held = new Map<string, string>();
  private readonly staged = new Map<string, { key: KeywordKey; value: string }>();

  /** `initial`: the values the workflow started with (the starter sets the state at start). */
  constructor(initial: ReadonlyArray<{ key: KeywordKey; value: string | undefined }> = []) {
    for (const { key, value } of initial) if (value !== undefined) this.held.set(key.name, value);
  }

  /** A value for the next upsert; a later stage of the same key wins. */
  stage(key: KeywordKey, value: string): void {
    this.staged.set(key.name, { key, value });
  }

  /** The staged values that differ from what Temporal holds (in staging order), now taken as held. */
  takeChanges(): SearchAttributeUpdatePair[] {
    const changes: SearchAttributeUpdatePair[] = [];
    for (const [name, { key, value }] of this.staged) {
      if (this.held.get(name) === value) continue;
      this.held.set(name, value);
      changes.push({ key, value });
    }
    this.staged.clear();
    return changes;
  }
}
