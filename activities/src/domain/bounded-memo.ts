/**
 * A process-wide cache of a pure function's results for inputs that repeat from one email to the next (a policy's
 * keywords, a catalogue's names): each computed once, and all forgotten at once when `limit` are held, so endless or
 * hostile inputs cannot grow it without bound.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit = 10_000) {}

  get(key: string, compute: () => V): V {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    if (this.values.size >= this.limit) this.values.clear();
    const value = compute();
    this.values.set(key, value);
    return value;
  }
}
