import type { Database, DbOrTx } from '../../../db/database.ts';
import { processCache } from '../../../lib/process-caches.ts';
import { similarityRepository as repo } from './similarity.repository.ts';
import { SimilarityIndex, type IndexRow } from './similarity.ts';

/** The newest items an index holds: near-duplicates look back 90 days, and theme centres need no more. */
const INDEX_ROWS = 10_000;
/** A changed workspace rebuilds its index at most this often; items logged through this process join it at once. */
const REBUILD_AFTER_MS = 30_000;
/**
 * From this size on, a stale index keeps answering while its successor is built after the request: building
 * 10,000 items takes about a second, which the quick-log panel's near-duplicate check (300 ms) cannot wait for.
 */
const BUILD_LATER_FROM = 2_000;

const cache = processCache(new Map<string, { stamp: string; builtAt: number; index: SimilarityIndex }>());
const building = new Set<string>();

async function build(db: DbOrTx, workspaceId: string, stamp: string) {
  const rows = await repo.indexRows(db, workspaceId, INDEX_ROWS);
  const index = SimilarityIndex.build(rows.reverse());
  cache.set(workspaceId, { stamp, builtAt: Date.now(), index });
  return index;
}

/**
 * The workspace's similarity index, rebuilt when its feedback or themes changed (and the copy is 30 s old). With
 * `database`, a large stale index answers at once and is rebuilt in the background (one build per workspace).
 */
export async function similarityIndex(db: DbOrTx, workspaceId: string, database?: Database): Promise<SimilarityIndex> {
  const stamp = await repo.indexStamp(db, workspaceId);
  const hit = cache.get(workspaceId);
  if (hit && (hit.stamp === stamp || Date.now() - hit.builtAt < REBUILD_AFTER_MS)) return hit.index;
  if (hit && database && hit.index.size >= BUILD_LATER_FROM) {
    if (!building.has(workspaceId)) {
      building.add(workspaceId);
      setImmediate(() => {
        database
          .readTenant(workspaceId, (tx) => build(tx, workspaceId, stamp))
          .catch(() => cache.delete(workspaceId)) // the next request builds it in line
          .finally(() => building.delete(workspaceId));
      });
    }
    return hit.index;
  }
  return build(db, workspaceId, stamp);
}

/** Adds items this process just committed to a cached index, so the next check sees them without a rebuild. */
export function indexAdded(workspaceId: string, rows: IndexRow[]) {
  const hit = cache.get(workspaceId);
  if (hit) for (const r of rows) hit.index.add(r);
}

/**
 * Themes moved, merged or split: centres changed. The next request rebuilds the index — after answering from this
 * copy when the index is large (see BUILD_LATER_FROM), in line otherwise.
 */
export function indexChanged(workspaceId: string) {
  const hit = cache.get(workspaceId);
  if (hit) cache.set(workspaceId, { ...hit, stamp: '', builtAt: 0 });
}

/** Forgets a workspace's index: the next request builds one in line (benchmarks that need every build to count). */
export function forgetIndex(workspaceId: string) {
  cache.delete(workspaceId);
}
