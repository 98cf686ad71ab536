import type { DbOrTx } from '../../../db/database.ts';
import { similarityRepository as repo } from './similarity.repository.ts';
import { SimilarityIndex, type IndexRow } from './similarity.ts';

/** The newest items an index holds: near-duplicates look back 90 days, and theme centres need no more. */
const INDEX_ROWS = 10_000;
/** A changed workspace rebuilds its index at most this often; items logged through this process join it at once. */
const REBUILD_AFTER_MS = 30_000;

const cache = new Map<string, { stamp: string; builtAt: number; index: SimilarityIndex }>();

/** The workspace's similarity index, rebuilt when its feedback or themes changed (and the copy is 30 s old). */
export async function similarityIndex(db: DbOrTx, workspaceId: string): Promise<SimilarityIndex> {
  const stamp = await repo.indexStamp(db, workspaceId);
  const hit = cache.get(workspaceId);
  if (hit && (hit.stamp === stamp || Date.now() - hit.builtAt < REBUILD_AFTER_MS)) return hit.index;
  const rows = await repo.indexRows(db, workspaceId, INDEX_ROWS);
  const index = SimilarityIndex.build(rows.reverse());
  cache.set(workspaceId, { stamp, builtAt: Date.now(), index });
  return index;
}

/** Adds items this process just committed to a cached index, so the next check sees them without a rebuild. */
export function indexAdded(workspaceId: string, rows: IndexRow[]) {
  const hit = cache.get(workspaceId);
  if (hit) for (const r of rows) hit.index.add(r);
}

/** Drops a workspace's index (themes moved, merged or split: centres changed). */
export function indexChanged(workspaceId: string) {
  cache.delete(workspaceId);
}
