import type { FeedbackItem, ThemeStatus } from '@tandem/contracts';

export interface ThemeGroup {
  themeId: string;
  name: string;
  status: ThemeStatus;
  items: number;
  /** Distinct deals the items name. */
  deals: number;
  /** The theme's latest answer as the submitter sees it, if any. */
  response: FeedbackItem['response'];
}

/**
 * A rep's feedback by theme, the theme with most of their items first (ties: the one seen last first), and how
 * many items are not grouped yet. Items arrive newest first, so the first response met is the latest.
 */
export function groupByTheme(items: readonly FeedbackItem[]): { groups: ThemeGroup[]; untriaged: number } {
  const byId = new Map<string, ThemeGroup & { deals_: Set<string>; order: number }>();
  let untriaged = 0;
  items.forEach((item, order) => {
    if (!item.theme) {
      untriaged += 1;
      return;
    }
    let g = byId.get(item.theme.id);
    if (!g) {
      g = { themeId: item.theme.id, name: item.theme.name, status: item.theme.status, items: 0, deals: 0, response: null, deals_: new Set(), order };
      byId.set(item.theme.id, g);
    }
    g.items += 1;
    if (item.deal) g.deals_.add(item.deal.id);
    g.response ??= item.response;
  });
  const groups = [...byId.values()]
    .sort((a, b) => b.items - a.items || a.order - b.order)
    .map(({ deals_, order: _order, ...g }) => ({ ...g, deals: deals_.size }));
  return { groups, untriaged };
}
