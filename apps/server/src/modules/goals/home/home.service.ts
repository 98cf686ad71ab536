/**
 * What the home pages read beyond other modules' lists: a person's deals' themes (feedback's read function, in the
 * caller's workspace only, row-level security as the second line).
 */
import type { MyDealThemes, MyDealThemesQuery, ThemeStatus } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { myDealThemes } from '../../feedback/index.ts';

export function createHomeService(deps: Pick<Deps, 'database'>) {
  return {
    /** The caller's deals' themes; an API token without a person has no deals and gets none. */
    async myDealThemes(ctx: TenantContext, query: MyDealThemesQuery): Promise<MyDealThemes> {
      const userId = ctx.actor.userId;
      if (!userId) return { items: [], total: 0, openDeals: 0, myUntriagedItems: 0 };
      const r = await deps.database.readTenant(ctx.workspaceId, (db) => myDealThemes(db, ctx.workspaceId, userId, query.limit));
      return {
        ...r,
        items: r.items.map(({ response, respondedAt, ...t }) => ({
          ...t,
          status: t.status as ThemeStatus,
          response: response && respondedAt ? { message: response, at: respondedAt.toISOString() } : null,
        })),
      };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
