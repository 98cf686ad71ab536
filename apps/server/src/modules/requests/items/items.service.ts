/**
 * The items feature's use cases, composed: reads (queue, lists, similar, page, comments, activity), changes
 * (filing, editing, lifecycle, +1, merge, placing, boost, comments) and attachments.
 */
import type { Deps } from '../../../lib/deps.ts';
import { createAttachmentsService } from './attachments.service.ts';
import { createItemsReadService } from './items-read.service.ts';
import { createItemsWriteService } from './items-write.service.ts';

export function createItemsService(deps: Deps) {
  return { ...createItemsReadService(deps), ...createItemsWriteService(deps), attachments: createAttachmentsService(deps) };
}

export type ItemsService = ReturnType<typeof createItemsService>;
