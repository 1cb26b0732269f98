/**
 * One value a process keeps in memory and follows in Postgres without a restart: the policy in force
 * (live-policy.ts), the template and prompt versions (live-wording.ts), the meaning model (live-model.ts) and the
 * running draft experiments (live-draft-experiment.ts) are each one of these, with their own `load`.
 *
 * - `load(held)` reads what is newer than the value held (one indexed query, then its decoding and validation): null
 *   when nothing is newer; a load that throws leaves the value in force as it is (logged), the next run tries again.
 * - It runs at each notification on `channel` (milliseconds after a save commits) and every `pollMs`, because a
 *   notification sent while the listening connection was down is lost for good (notify-watcher.ts).
 * - Runs are serialised, so a slow one never replaces a newer one.
 * - `onChange` runs when a new value takes force (`changed(held, next)`: by default, another object).
 */
import type { Logger } from '../../logger';
import { NotifyWatcher } from './notify-watcher';

export interface LiveValueOptions<T> {
  /** What is followed, for the logs and the listening connection's name ("policy", "model"). */
  name: string;
  channel: string;
  databaseUrl: string;
  /** Poll period, and the listener's reconnect delay. */
  pollMs: number;
  log: Logger;
  /** The value in force at start, loaded by the caller (whose rules decide whether a start without one fails). */
  first: T;
  /** What is newer than `held` (validated), or null when nothing is. */
  load: (held: T) => Promise<T | null>;
  /** Whether a loaded value is a change (runs `onChange`); default: another object. */
  changed?: (held: T, next: T) => boolean;
  onChange?: (value: T) => void;
}

export class LiveValue<T> {
  private value: T;
  private readonly watcher: NotifyWatcher;

  /** Holds `first`; nothing is followed before `listen()`. */
  constructor(private readonly options: LiveValueOptions<T>) {
    this.value = options.first;
    this.watcher = new NotifyWatcher({
      databaseUrl: options.databaseUrl, channel: options.channel, pollMs: options.pollMs, name: options.name, log: options.log,
      reload: () => this.reload(),
    });
  }

  /** Listens (a value saved before it listened is found by the first load) and polls. */
  async listen(): Promise<this> {
    await this.watcher.start();
    return this;
  }

  current(): T {
    return this.value;
  }

  /** Loads now, after the load in progress if any. */
  refresh(): Promise<void> {
    return this.watcher.refresh();
  }

  close(): Promise<void> {
    return this.watcher.close();
  }

  private async reload(): Promise<void> {
    const held = this.value;
    const next = await this.options.load(held);
    if (next === null) return;
    this.value = next;
    if ((this.options.changed ?? ((a: T, b: T) => a !== b))(held, next)) this.options.onChange?.(next);
  }
}
