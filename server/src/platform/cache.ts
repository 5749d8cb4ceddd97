import type { Db } from './db/database.js';

/**
 * Reference data that changes a few times a year but that many requests read (indicator catalogues,
 * rule sets): kept per database and key for a few seconds, so other instances' edits show within
 * `ttlMs`, and dropped at once by this instance's own writes (`forget`). Nothing is kept inside a
 * transaction (its reads may see its own uncommitted writes), nor after a failed load.
 */
export function shortLived<T>(ttlMs: number) {
  const entries = new WeakMap<object, Map<string, { at: number; value: Promise<T> }>>();
  return {
    get(db: Db, key: string, load: () => Promise<T>): Promise<T> {
      if (db.isTransaction) return load();
      let byKey = entries.get(db);
      if (!byKey) {
        byKey = new Map();
        entries.set(db, byKey);
      }
      const cached = byKey.get(key);
      if (cached && Date.now() - cached.at < ttlMs) return cached.value;
      const value = load();
      const kept = byKey;
      kept.set(key, { at: Date.now(), value });
      value.catch(() => kept.delete(key));
      return value;
    },
    forget(db: Db) {
      entries.delete(db);
    },
  };
}
