/**
 * Slows password guessing: after `maxFailures` failed logins for one name within `windowMs`, that name is refused
 * (429) until the window has passed since its first failure; a successful login clears it. In memory, per process
 * (one review process; several would each count their own, which still bounds guessing).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  blocked(name: string): boolean {
    const entry = this.current(name);
    return entry !== null && entry.count >= this.maxFailures;
  }

  failed(name: string): void {
    const entry = this.current(name) ?? { count: 0, since: this.now() };
    entry.count++;
    this.failures.set(name, entry);
    if (this.failures.size > 10_000) this.sweep();
  }

  succeeded(name: string): void {
    this.failures.delete(name);
  }

  private current(name: string): { count: number; since: number } | null {
    const entry = this.failures.get(name);
    if (!entry) return null;
    if (this.now() - entry.since >= this.windowMs) {
      this.failures.delete(name);
      return null;
    }
    return entry;
  }

  private sweep(): void {
    for (const name of [...this.failures.keys()]) this.current(name);
  }
}
