import { z } from 'zod';
import { Uuid } from '../common.ts';
import { Decimal } from '../deals.ts';
import { FeedbackKind, ThemeStatus } from '../feedback.ts';
import { AssetSummary, Freshness } from './common.ts';
import { WinRate } from './influence.ts';

/**
 * Competitors as records: a name and aliases whose normalised keys ("SNOW", "Snowflake Inc." → one record) link
 * deals' competitor lists and feedback's competitor field at read time, and the page a rep opens before a
 * competitive call (win rate over time with intervals, lost revenue, themes, battlecards, field intel).
 */

const Name = z.string().trim().min(1, 'must not be empty').max(120, 'at most 120 characters');
const Website = z
  .string()
  .trim()
  .max(300, 'at most 300 characters')
  .regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, 'a web address starting with http:// or https://');

export const CreateCompetitorRequest = z.object({
  name: Name,
  aliases: z.array(Name).max(30, 'at most 30 aliases').default([]),
  website: Website.nullable().optional(),
  description: z.string().trim().max(2000, 'at most 2000 characters').nullable().optional(),
});
export type CreateCompetitorRequest = z.infer<typeof CreateCompetitorRequest>;

/** Every field optional; `aliases` replaces the list. */
export const UpdateCompetitorRequest = z.object({
  name: Name.optional(),
  aliases: z.array(Name).max(30, 'at most 30 aliases').optional(),
  website: Website.nullable().optional(),
  description: z.string().trim().max(2000, 'at most 2000 characters').nullable().optional(),
});
export type UpdateCompetitorRequest = z.infer<typeof UpdateCompetitorRequest>;

export const Competitor = z.object({
  id: Uuid,
  name: z.string(),
  aliases: z.array(z.string()),
  website: z.string().nullable(),
  description: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Competitor = z.infer<typeof Competitor>;

const Money = z.object({ deals: z.number().int(), amount: Decimal.describe('Sum of base-currency amounts') });

/** A competitor as the list shows it. */
export const CompetitorListItem = Competitor.extend({
  /** Closed deals whose competitors name it, all time. */
  winRate: WinRate,
  openPipeline: Money,
  battlecards: z.object({
    count: z.number().int().describe('Published battlecards tagged with it'),
    overdue: z.number().int(),
    /** The worst freshness among them (overdue before due soon before fresh); null without a battlecard. */
    worst: Freshness.shape.state.nullable(),
  }),
});
export type CompetitorListItem = z.infer<typeof CompetitorListItem>;

export const CompetitorList = z.object({
  items: z.array(CompetitorListItem),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  baseCurrency: z.string(),
});
export type CompetitorList = z.infer<typeof CompetitorList>;

export const CompetitorListQuery = z.object({
  q: z.string().trim().max(120).optional().describe('Words in the name or an alias'),
});
export type CompetitorListQuery = z.infer<typeof CompetitorListQuery>;

/** A competitor name seen in deals or feedback that no record's name or alias matches. */
export const UnlinkedCompetitorName = z.object({
  /** The most frequent spelling of the names sharing one key. */
  name: z.string(),
  /** Every spelling seen with that key. */
  spellings: z.array(z.string()),
  deals: z.number().int(),
  feedback: z.number().int(),
});
export type UnlinkedCompetitorName = z.infer<typeof UnlinkedCompetitorName>;
export const UnlinkedCompetitorNames = z.object({ items: z.array(UnlinkedCompetitorName) });
export type UnlinkedCompetitorNames = z.infer<typeof UnlinkedCompetitorNames>;

export const CompetitorQuarter = WinRate.extend({
  quarter: z.string().describe('Calendar quarter of the close date, e.g. "2026-Q1"'),
  start: z.string().describe('YYYY-MM-DD, the first day of the quarter'),
});
export type CompetitorQuarter = z.infer<typeof CompetitorQuarter>;

const Person = z.object({ userId: Uuid, name: z.string() });

export const CompetitorFieldIntel = z.object({
  id: Uuid,
  kind: FeedbackKind,
  text: z.string(),
  quote: z.string().nullable(),
  competitor: z.string().nullable().describe('The competitor field as logged (null when only the text names it)'),
  observedAt: z.iso.datetime(),
  submittedBy: Person.nullable(),
  deal: z.object({ id: Uuid, name: z.string() }).nullable(),
  account: z.object({ id: Uuid, name: z.string() }).nullable(),
});
export type CompetitorFieldIntel = z.infer<typeof CompetitorFieldIntel>;

/** Everything the competitor page shows, in one answer. */
export const CompetitorPage = z.object({
  competitor: Competitor,
  baseCurrency: z.string(),
  /** All closed deals whose competitors name it. */
  winRate: WinRate,
  /** By calendar quarter of the close date, oldest first, the last 8 quarters with closed deals (gaps filled). */
  quarters: z.array(CompetitorQuarter),
  lostRevenue: Money.extend({ withoutAmount: z.number().int() }),
  openPipeline: Money,
  /** Themes of the feedback linked to it, most items first. */
  themes: z.array(z.object({ id: Uuid, name: z.string(), status: ThemeStatus, items: z.number().int() })),
  /** Published battlecards tagged with it, overdue first. */
  battlecards: z.array(AssetSummary),
  /** Other published assets tagged with it. */
  assets: z.array(AssetSummary),
  /** The newest feedback linked to it, or competitor intel whose text names it. */
  fieldIntel: z.array(CompetitorFieldIntel),
  /** How many deals and feedback items its names link. */
  linked: z.object({ deals: z.number().int(), feedback: z.number().int() }),
});
export type CompetitorPage = z.infer<typeof CompetitorPage>;
