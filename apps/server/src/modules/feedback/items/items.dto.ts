/** Feedback item rows to the DTOs of packages/contracts/src/feedback.ts, in one place (the repository maps with it). */
import type { FeedbackItem } from '@tandem/contracts';
import type { accounts, deals } from '../../deals/tables.ts';
import type { feedbackItems, themes } from '../tables.ts';

export type FeedbackItemRow = typeof feedbackItems.$inferSelect;
type ThemeRow = typeof themes.$inferSelect;

/** One row of an item list, with what its DTO shows: deal, account, submitter, theme and its response. */
export interface ItemListRow {
  item: FeedbackItemRow;
  deal: Pick<typeof deals.$inferSelect, 'id' | 'name' | 'stageCategory' | 'amountBase'> | null;
  account: Pick<typeof accounts.$inferSelect, 'id' | 'name' | 'segment'> | null;
  submitterName: string | null;
  theme: Pick<ThemeRow, 'id' | 'name' | 'status' | 'response' | 'respondedAt' | 'respondedByUserId'> | null;
  responderName: string | null;
}

const iso = (d: Date) => d.toISOString();
const person = (userId: string | null, name: string | null | undefined) => (userId ? { userId, name: name ?? 'Former member' } : null);

export function toItemDto(r: ItemListRow): FeedbackItem {
  const i = r.item;
  const t = r.theme;
  return {
    id: i.id,
    kind: i.kind,
    text: i.text,
    quote: i.quote,
    competitor: i.competitor,
    source: i.source,
    deal: r.deal?.id ? { id: r.deal.id, name: r.deal.name, stageCategory: r.deal.stageCategory, amountBase: r.deal.amountBase } : null,
    account: r.account?.id ? { id: r.account.id, name: r.account.name, segment: r.account.segment } : null,
    submittedBy: person(i.submittedByUserId, r.submitterName),
    observedAt: iso(i.observedAt),
    createdAt: iso(i.createdAt),
    theme: t?.id ? { id: t.id, name: t.name, status: t.status } : null,
    assignment: i.themeId && i.assignedBy ? { by: i.assignedBy, confidence: i.assignmentConfidence } : null,
    response:
      t?.id && t.response && t.respondedAt
        ? { message: t.response, status: t.status, at: iso(t.respondedAt), by: person(t.respondedByUserId, r.responderName) }
        : null,
  };
}
