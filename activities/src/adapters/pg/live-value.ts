/**
 * One value a process keeps in memory and follows in Postgres without a restart: the policy in force
 * (live-policy.ts), the template and prompt versions (live-wording.ts), the meaning model (live-model.ts) and the
 * running draft experiments (live-draft-experiment.ts) are each one of these, with their own `load`.
 *
 * - `load(held)` reads what is newer than the value held (one indexed query, then its decoding and validation): null
 *   when nothing is newer; a load that throws leaves the value in force as it is (logged), the next run tries again.
 * - It runs at each notification on `channel`, heard by the process's one listening connection (notify-listener.ts;
 *   milliseconds after a save commits), after that connection comes back, and every `pollMs`: a notification sent
 *   while the connection was down is lost for good, so the poll bounds the delay of a change to one period.
 * - Runs are serialised, so a slow one never replaces a newer one.
 * - `onChange` runs when a new value takes force (`changed(held, next)`: by default, another object).
 */
import type { Logger } from '../../logger';
import type { NotifyListener } from './notify-listener';

export interface LiveValueOptions<T> {
  /** What is followed, for the logs ("policy", "model"). */
  name: string;
  channel: string;
  /** The process's listening connection (shared by all it follows). */
  listener: NotifyListener;
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
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;
  private loading: Promise<void> = Promise.resolve();
  private closed = false;

  /** Holds `first`; nothing is followed before `listen()`. */
  constructor(private readonly options: LiveValueOptions<T>) {
    this.value = options.first;
  }

  /** Listens on its channel (a value saved before it listened is found by a first load) and polls. */
  async listen(): Promise<this> {
    this.unsubscribe = await this.options.listener.subscribe(this.options.channel, () => void this.refresh());
    this.timer = setInterval(() => void this.refresh(), this.options.pollMs);
    this.timer.unref();
    void this.refresh();
    return this;
  }

  current(): T {
    return this.value;
  }

  /** Loads now, after the load in progress if any. */
  refresh(): Promise<void> {
    this.loading = this.loading.then(async () => {
      if (this.closed) return;
      try {
        await this.reload();
      } catch (error) {
        this.options.log.warn({ err: error }, `${this.options.name} refresh failed; the version in force stays`);
      }
    });
    return this.loading;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.unsubscribe?.();
    await this.loading;
  }

  private async reload(): Promise<void> {
    const held = this.value;
    const next = await this.options.load(held);
    if (next === null) return;
    this.value = next;
    if ((this.options.changed ?? ((a: T, b: T) => a !== b))(held, next)) this.options.onChange?.(next);
  }
}
