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
    this.store(own(key), own(value));
  }

  /** Stores key and value as they are: for callers whose strings are copies already. */
  protected store(key: K, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
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

// Cells outlive the document version they were read from (a re-check reuses unchanged tables),
// so a cell's text must not be a slice of that version. Short strings are copies already; longer
// ones are mostly the template's labels, repeated in every table, so one copy of each is shared.
class TextCopies extends BoundedCache<string, string> {
  copyOf(s: string): string {
    let copy = this.get(s);
    if (copy === undefined) {
      copy = ownString(s);
      this.store(copy, copy);
    }
    return copy;
  }
}
const textCopies = new TextCopies(50000);

/** `s`, or an equal string that does not share a document's memory. */
export function ownedText(s: string): string {
  return s.length < 13 ? s : textCopies.copyOf(s);
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
