import type { ImportStartRequest } from '@tandem/contracts';
import { wsKey } from '../../../app/workspace-context.tsx';

/** Every import query of a workspace: the history under `all`, each import (and its previews) under `detail`. */
export const importsKeys = {
  all: (slug: string) => wsKey(slug, 'imports'),
  list: (slug: string) => [...importsKeys.all(slug), 'list'],
  detail: (slug: string, id: string) => wsKey(slug, 'imports', id),
  preview: (slug: string, id: string, body: ImportStartRequest) => [...importsKeys.detail(slug, id), 'preview', body],
  /** The workspace's stage mapping as the review page reads it (kept apart from the deal settings' copy). */
  stageMapping: (slug: string) => wsKey(slug, 'imports-stage-mapping'),
};
