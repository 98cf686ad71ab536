import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { themesRepository } from '../themes/themes.repository.ts';

/**
 * For the Alignment Index (alignment module): of the revenue at stake (open pipeline + lost revenue, the themes
 * board's own figures) behind the themes that received feedback in [from, to), the part in themes now addressed.
 */
export async function revenueWeightedThemesAddressed(db: DbOrTx, workspaceId: string, from: Date, to: Date) {
  const r = await db.execute(sql`
    select distinct t.id, t.status from feedback_items f join themes t on t.workspace_id = f.workspace_id and t.id = f.theme_id
    where f.workspace_id = ${workspaceId} and f.created_at >= ${from} and f.created_at < ${to} and t.merged_into_id is null`);
  const themes = r.rows as { id: string; status: string }[];
  const metrics = await themesRepository.themeMetrics(db, workspaceId, themes.map((t) => t.id));
  let atStake = 0;
  let addressed = 0;
  for (const t of themes) {
    const m = metrics.get(t.id);
    const v = Number(m?.openPipeline ?? 0) + Number(m?.lostRevenue ?? 0);
    atStake += v;
    if (t.status === 'addressed') addressed += v;
  }
  return { themes: themes.length, addressedThemes: themes.filter((t) => t.status === 'addressed').length, atStake, addressed };
}
