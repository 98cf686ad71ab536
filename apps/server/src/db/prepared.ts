import type { Db } from './database.ts';

/**
 * Named prepared statements for the queries every request runs (session and
 * token lookups, workspace membership). PostgreSQL then plans them once per
 * connection instead of at every call — planning the token lookup's joins cost
 * more than running it. Built lazily per database handle.
 */
export function preparedPerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let p = cache.get(db);
    if (!p) {
      p = build(db);
      cache.set(db, p);
    }
    return p;
  };
}
