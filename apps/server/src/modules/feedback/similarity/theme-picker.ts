import type { Database, DbOrTx } from '../../../db/database.ts';
import { themesRepository } from '../themes/themes.repository.ts';
import { similarityIndex } from './similarity-cache.ts';
import { confidentEnough } from './similarity.ts';

/**
 * Where new feedback goes without a person: the closest theme when the engine is confident, else triage. The live
 * themes and the similarity index are read once; the picker then answers any number of texts (an import asks for
 * thousands: reading both per row cost 19 s for 5,000 rows, once 1.5 s).
 */
export async function themePicker(tx: DbOrTx, workspaceId: string, database?: Database) {
  const live = await themesRepository.listThemes(tx, workspaceId, {});
  if (!live.length) return () => null;
  const index = await similarityIndex(tx, workspaceId, database);
  const byId = new Map(live.map((t) => [t.id, t]));
  const liveIds = new Set(byId.keys());
  return (text: string) => {
    const match = index.closestTheme(text, liveIds);
    if (!match || !confidentEnough(match)) return null;
    return { theme: byId.get(match.themeId)!, confidence: Math.round(match.similarity * 100) / 100 };
  };
}
