/**
 * The steps the theme use cases share (themes-triage, themes-structure, and accepting a suggestion): each runs
 * inside the caller's transaction and throws the catalogue's error when the theme or items are not as needed.
 */
import type { ThemeDetail } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { violates } from '../../../db/errors.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Emit } from '../../../lib/deps.ts';
import { FeedbackErrors as E } from '../feedback.errors.ts';
import { feedbackRepository as itemsRepo } from '../items/items.repository.ts';
import { themesRepository as themesRepo, type ThemeRow } from './themes.repository.ts';

/** A theme that can still change: it exists and was not merged away (locked for the transaction with `lock`). */
export async function liveTheme(tx: DbOrTx, ctx: TenantContext, themeId: string, lock = false): Promise<ThemeRow> {
  const theme = lock ? await themesRepo.lockTheme(tx, ctx.workspaceId, themeId) : await themesRepo.themeById(tx, ctx.workspaceId, themeId);
  if (!theme) throw E.themeNotFound(themeId);
  if (theme.mergedIntoId) {
    const into = await themesRepo.themeById(tx, ctx.workspaceId, theme.mergedIntoId);
    throw E.themeMerged(theme.name, into?.name ?? 'another theme');
  }
  return theme;
}

export async function uniqueName(tx: DbOrTx, ctx: TenantContext, name: string, exceptId?: string) {
  const other = await themesRepo.themeByName(tx, ctx.workspaceId, name);
  if (other && other.id !== exceptId) throw E.themeNameTaken('body.name', other.name);
}

/** The check above cannot see a theme another transaction is creating: its unique index can. */
export async function named<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (violates(e, 'themes_name_key')) throw E.themeNameTaken('body.name', name);
    throw e;
  }
}

export async function detail(tx: DbOrTx, ctx: TenantContext, themeId: string): Promise<ThemeDetail> {
  const theme = await themesRepo.themeDetail(tx, ctx.workspaceId, themeId, ctx.actor.userId);
  if (!theme) throw E.themeNotFound(themeId);
  return theme;
}

/** Puts items into a theme and signs their submitters up to it. */
export async function placeItems(tx: DbOrTx, ctx: TenantContext, itemIds: string[], theme: ThemeRow | null, assignedBy: 'person' | 'suggestion') {
  const moved = await itemsRepo.assignItems(tx, ctx.workspaceId, itemIds, theme, { assignedBy, confidence: null, actorUserId: ctx.actor.userId });
  if (theme) await themesRepo.addFollowers(tx, ctx.workspaceId, theme.id, moved.map((m) => m.submittedByUserId));
  return moved.length;
}

export async function existingItems(tx: DbOrTx, ctx: TenantContext, itemIds: string[], path = 'body.itemIds') {
  const unique = [...new Set(itemIds)];
  // Locked: a suggestion accepted or a split at the same moment waits, then sees where the items went.
  const rows = await itemsRepo.lockItems(tx, ctx.workspaceId, unique);
  if (rows.length !== unique.length) {
    const found = new Set(rows.map((r) => r.id));
    throw E.itemsNotFound(path, unique.filter((id) => !found.has(id)));
  }
  return rows;
}

export async function newTheme(tx: DbOrTx, ctx: TenantContext, name: string, description: string | null, itemIds: string[], assignedBy: 'person' | 'suggestion') {
  await uniqueName(tx, ctx, name);
  const theme = await named(name, () => themesRepo.insertTheme(tx, { workspaceId: ctx.workspaceId, name, description, createdByUserId: ctx.actor.userId }));
  await placeItems(tx, ctx, itemIds, theme, assignedBy);
  return theme;
}

/**
 * Tells the theme's owner and the marketing people and admins who follow it that feedback joined it (one event
 * per change, emitted in the change's transaction); not the person who added it.
 */
export async function announceAdded(
  tx: DbOrTx,
  ctx: TenantContext,
  emit: Emit,
  theme: ThemeRow,
  items: { id: string; kind: string; text: string }[],
  how: 'logged' | 'moved',
) {
  if (!items.length) return;
  const recipients = (await themesRepo.triageFollowers(tx, ctx.workspaceId, theme.id, theme.ownerUserId)).filter((u) => u !== ctx.actor.userId);
  const total = (await themesRepo.themeMetrics(tx, ctx.workspaceId, [theme.id])).get(theme.id)?.items ?? items.length;
  const first = items[0]!;
  await emit(tx, {
    workspaceId: ctx.workspaceId,
    type: 'feedback.item_added',
    payload: {
      themeId: theme.id,
      name: theme.name,
      added: items.length,
      items: total,
      sample: { id: first.id, kind: first.kind, text: first.text },
      how,
      addedBy: { userId: ctx.actor.userId, name: ctx.actor.name },
      recipientUserIds: recipients,
    },
    actorUserId: ctx.actor.userId,
  });
}
