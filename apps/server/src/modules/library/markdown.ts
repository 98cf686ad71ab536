import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Library Markdown → HTML that a browser may insert as is (the asset page, the public share page). Raw HTML in the
 * Markdown is escaped by markdown-it (`html: false`), and the output is sanitized again against an explicit
 * allowlist, so nothing a writer types can run: no scripts, event handlers, styles, frames, `javascript:` or
 * `data:` URLs. Links keep only http(s)/mailto targets and never pass the page's authority on (rel).
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
const SAFE_IMAGE = /^https?:\/\//i;
const LINK_REL = 'noopener noreferrer nofollow';

const ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr',
    'ul', 'ol', 'li', 'a', 'code', 'pre', 'blockquote', 'em', 'strong', 's', 'img',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    code: ['class'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // A link to anything but http(s)/mailto (relative paths included) keeps its text and loses its target.
    a: (tagName, attribs) => {
      const { href, title } = attribs;
      const safe = href !== undefined && SAFE_LINK.test(href.trim());
      return {
        tagName,
        attribs: {
          ...(safe ? { href: href.trim(), rel: LINK_REL } : {}),
          ...(title !== undefined ? { title } : {}),
        },
      };
    },
  },
  // An image whose source is not an absolute http(s) URL is dropped whole.
  exclusiveFilter: (frame) => frame.tag === 'img' && !SAFE_IMAGE.test((frame.attribs.src ?? '').trim()),
};

export function renderMarkdown(source: string): string {
  return sanitizeLibraryHtml(markdown.render(source));
}

/** The allowlist alone: exported so its tests can feed it HTML that markdown-it would already have escaped. */
export function sanitizeLibraryHtml(html: string): string {
  return sanitizeHtml(html, ALLOWLIST);
}
