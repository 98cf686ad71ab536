/**
 * The demo's files: a PDF on a few published assets (battlecards, one-pagers, case studies, a pricing sheet),
 * written from the asset's own text and added through the upload path as its owner, so each has a thumbnail and
 * previews in the browser.
 */
import { Readable } from 'node:stream';
import type { Deps } from '../../../lib/deps.ts';
import { filesRepository as repo } from './files.repository.ts';
import { createFilesService } from './files.service.ts';
import { simplePdf } from './simple-pdf.ts';

const TYPES_WITH_FILES = new Set(['battlecard', 'one_pager', 'case_study', 'pricing_sheet', 'deck']);
const PER_TYPE = 2;
const LINES_PER_PAGE = 28;
const WIDTH = 88;

/** Markdown as plain lines of at most WIDTH characters: marks dropped, paragraphs wrapped. */
export function plainLines(markdown: string): string[] {
  const lines: string[] = [];
  for (const raw of markdown.split('\n')) {
    // A table's rule row says nothing on paper; its other rows read as columns spaced apart.
    if (/^\s*\|?[\s:|-]*-{3,}[\s:|-]*$/.test(raw)) continue;
    const row = /^\s*\|.*\|\s*$/.test(raw) ? raw.trim().slice(1, -1).split('|').map((c) => c.trim()).join('    ') : raw;
    const text = row
      .replace(/^#{1,6}\s*/, '')
      .replace(/^\s*[-*+]\s+/, '- ')
      .replace(/\*\*|__|`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .trimEnd();
    if (!text) {
      if (lines.length && lines[lines.length - 1] !== '') lines.push('');
      continue;
    }
    let rest = text;
    while (rest.length > WIDTH) {
      const cut = rest.lastIndexOf(' ', WIDTH);
      const at = cut > 20 ? cut : WIDTH;
      lines.push(rest.slice(0, at));
      rest = `  ${rest.slice(at).trimStart()}`;
    }
    lines.push(rest);
  }
  return lines;
}

export async function seedAssetFilesDemo(deps: Deps, workspaceId: string, slug: string): Promise<{ files: number }> {
  const files = createFilesService(deps);
  const candidates = await deps.database.withTenant(workspaceId, (tx) => repo.publishedAssets(tx, workspaceId));
  const taken = new Map<string, number>();
  const chosen = candidates.filter((a) => {
    if (!TYPES_WITH_FILES.has(a.type) || !a.ownerUserId) return false;
    const n = taken.get(a.type) ?? 0;
    taken.set(a.type, n + 1);
    return n < PER_TYPE;
  });
  const attach = async (asset: (typeof chosen)[number]) => {
    const lines = plainLines(asset.body);
    const pages: string[][] = [];
    for (let i = 0; i < Math.min(lines.length, LINES_PER_PAGE * 3); i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));
    const pdf = simplePdf({ title: asset.title, pages: pages.length ? pages : [['']] });
    const name = `${asset.title.replace(/[^\p{L}\p{N} .,&()'-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'asset'}.pdf`;
    await files.upload(
      {
        workspaceId,
        slug,
        role: 'marketing',
        actor: { userId: asset.ownerUserId, name: asset.ownerName, via: 'cli', ip: null, requestId: null },
      },
      asset.id,
      { name, stream: Readable.from([pdf]) },
    );
  };
  // Two at a time: the thumbnails' two threads (about half a second each on a quiet machine).
  const queue = [...chosen];
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await attach(next);
  };
  await Promise.all([lane(), lane()]);
  return { files: chosen.length };
}
