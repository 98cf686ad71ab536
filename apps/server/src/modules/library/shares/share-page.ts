/**
 * The public share page as HTML: what a prospect sees (the asset's current published version and the workspace's
 * display name, nothing else), and the plain pages for a link that was turned off, expired or never existed. No
 * script at all; the one style block is allowed by its hash in the page's Content-Security-Policy.
 */
import { createHash } from 'node:crypto';

export interface SharedFile {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

export interface SharePageContent {
  workspaceName: string;
  title: string;
  /** Sanitized HTML (renderMarkdown): safe to insert as it is. */
  bodyHtml: string;
  version: number;
  publishedAt: Date;
  files: SharedFile[];
  /** The page's own address, e.g. `/s/<token>`: files are downloaded below it. */
  basePath: string;
}

export type GoneReason = 'revoked' | 'expired' | 'withdrawn';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = [
  "body{margin:0;background:#f3f4f6;color:#111827;font:16px/1.6 -apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif}",
  'main{max-width:760px;margin:0 auto;padding:32px 16px 48px}',
  'article,.notice{background:#fff;border-radius:8px;padding:32px;box-shadow:0 1px 2px rgba(0,0,0,.06)}',
  '.from{margin:0 0 8px;color:#4b5563;font-size:14px}',
  'h1{font-size:28px;line-height:1.25;margin:0 0 8px}',
  '.meta{margin:0 0 24px;color:#4b5563;font-size:14px}',
  '.body img{max-width:100%;height:auto}',
  '.body pre{overflow:auto;background:#f3f4f6;padding:12px;border-radius:6px}',
  '.body table{border-collapse:collapse}.body th,.body td{border:1px solid #d1d5db;padding:4px 8px}',
  '.body blockquote{margin:0;padding-left:16px;border-left:3px solid #d1d5db;color:#374151}',
  'a{color:#1d4ed8}',
  'h2.files{font-size:18px;margin:32px 0 8px}',
  'ul.files{list-style:none;margin:0;padding:0}ul.files li{padding:8px 0;border-top:1px solid #e5e7eb}',
  '.size{color:#4b5563;font-size:14px}',
  'footer{margin-top:24px;color:#4b5563;font-size:13px;text-align:center}',
  '@media (max-width:480px){article,.notice{padding:20px}h1{font-size:23px}}',
].join('\n');

/**
 * The page's Content-Security-Policy: nothing runs, nothing is framed or submitted; only the style block above and
 * images the material links to over https (the Markdown allows absolute http(s) images only).
 */
export const SHARE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self' https:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const formatDay = (d: Date) => DAY.format(d);

const KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function page(title: string, content: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    // The token is in this page's address: it must not travel on in a Referer.
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body><main>',
    content,
    '</main></body></html>',
  ].join('\n');
}

export function sharePageHtml(c: SharePageContent): string {
  const files = c.files.length
    ? [
        '<h2 class="files">Files</h2>',
        '<ul class="files">',
        ...c.files.map(
          (f) =>
            `<li><a href="${escapeHtml(`${c.basePath}/files/${f.id}`)}" download>${escapeHtml(f.fileName)}</a> ` +
            `<span class="size">${escapeHtml([KINDS[f.mediaType], formatSize(f.sizeBytes)].filter(Boolean).join(', '))}</span></li>`,
        ),
        '</ul>',
      ].join('\n')
    : '';
  return page(
    c.title,
    [
      '<article>',
      `<p class="from">Shared by ${escapeHtml(c.workspaceName)}</p>`,
      `<h1>${escapeHtml(c.title)}</h1>`,
      `<p class="meta">Version ${c.version}, published ${escapeHtml(formatDay(c.publishedAt))}</p>`,
      `<div class="body">${c.bodyHtml}</div>`,
      files,
      '</article>',
      '<footer>This page was shared with you personally. The sender sees when it is opened, not who opened it.</footer>',
    ].join('\n'),
  );
}

const GONE: Record<GoneReason, (at: string) => string> = {
  revoked: (at) => `The sender turned this link off on ${at}.`,
  expired: (at) => `This link expired on ${at}.`,
  withdrawn: () => 'The sender has withdrawn the material this link pointed to.',
};

/** A link that worked once and no longer does: a plain explanation, served with 410 Gone. */
export function goneHtml(reason: GoneReason, at: Date | null, workspaceName: string): string {
  const from = workspaceName ? ` at ${escapeHtml(workspaceName)}` : '';
  return page(
    'This link no longer works',
    [
      '<div class="notice">',
      '<h1>This link no longer works</h1>',
      `<p>${escapeHtml(GONE[reason](at ? formatDay(at) : ''))}</p>`,
      `<p>If you still need it, ask the person${from} who sent it to you for a new link.</p>`,
      '</div>',
    ].join('\n'),
  );
}

export function notFoundHtml(): string {
  return page(
    'Link not found',
    [
      '<div class="notice">',
      '<h1>Link not found</h1>',
      '<p>This address does not lead to any shared material. Check that the whole link was copied, or ask the person who sent it for a new one.</p>',
      '</div>',
    ].join('\n'),
  );
}
