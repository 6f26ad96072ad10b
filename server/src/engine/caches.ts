// Memo tables keyed by content (label text, prose chunk, table region). A language server keeps
// them for the whole session, so each is bounded: when full it is emptied at once, which costs
// only recomputation; and each owns its strings, so no entry pins an old version of a document.
// clearCaches() gives benchmarks and tests a cold engine.
const all: Array<BoundedCache<unknown, unknown>> = [];

export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {
    all.push(this as BoundedCache<unknown, unknown>);
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Stores string keys and values as copies: a slice of a document would keep that whole version alive. */
  set(key: K, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(own(key), own(value));
  }

  /** The cached value for `key`, computed and stored on a miss. */
  memo(key: K, compute: (key: K) => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      value = compute(key);
      this.set(key, value);
    }
    return value;
  }

  clear(): void {
    this.map.clear();
  }
}

const own = <T>(x: T): T => (typeof x === 'string' ? ownString(x) as T : x);

/** Empties every engine cache: the next check starts cold. */
export function clearCaches(): void {
  for (const cache of all) cache.clear();
}

/**
 * A copy of `s` that does not share the document's memory. A slice of a document (a cell, a
 * segment) keeps the whole document alive, so a cache keyed or valued by slices would hold one
 * stale version of the document per edit.
 */
export function ownString(s: string): string {
  // V8 copies slices shorter than 13 characters anyway.
  return s.length < 13 ? s : structuredClone(s);
}
