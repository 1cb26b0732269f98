/**
 * A latch the IMAP poller sleeps on: `wait(ms)` returns when `notify()` was called (before or during the wait)
 * or when `ms` elapsed. A notify that comes while nobody waits is kept, so new mail is never missed.
 */
export class WakeSignal {
  private pending = false;
  private release: (() => void) | null = null;

  notify(): void {
    this.pending = true;
    this.release?.();
  }

  async wait(ms: number): Promise<void> {
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        const self = this;
        function done() {
          clearTimeout(timer);
          self.release = null;
          resolve();
        }
        this.release = done;
      });
    }
    this.pending = false;
  }
}
