import type { Db } from '../../db/database.ts';
import type { Random } from '../../lib/random.ts';

/** The library's part of the demo story (filled in by the demo feature). */
export async function seedLibraryDemo(db: Db, workspaceId: string, rnd: Random, scale: number, now = new Date()) {
  void db;
  void workspaceId;
  void rnd;
  void scale;
  void now;
  return { assets: 0 };
}
