import { describe, expect, it } from 'vitest';
import { renderMarkdown, sanitizeLibraryHtml } from './markdown.ts';

const ALLOWED_TAGS = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'a', 'code', 'pre', 'blockquote', 'em',
  'strong', 's', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);

/**
 * Whatever a writer types, the HTML that reaches a browser carries nothing that runs or loads from elsewhere:
 * every real tag (escaped text such as `&lt;script&gt;` is only text) is on the allowlist, with no event handler,
 * no style and no URL other than http(s)/mailto.
 */
function expectInert(html: string): void {
  const tags = [...html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)];
  for (const [whole, name, attrs] of tags) {
    expect(ALLOWED_TAGS.has(name!.toLowerCase()), whole).toBe(true);
    expect(attrs, whole).not.toMatch(/\son[a-z]+\s*=/i);
    expect(attrs, whole).not.toMatch(/\sstyle\s*=/i);
    for (const [, url] of attrs!.matchAll(/\s(?:href|src)="([^"]*)"/gi)) expect(url, whole).toMatch(/^(https?:\/\/|mailto:)/i);
  }
  expect(html).not.toMatch(/<(script|iframe|style)/i);
}

describe('renderMarkdown', () => {
  it('renders the allowed Markdown', () => {
    const html = renderMarkdown(
      [
        '# Battlecard', '', 'Some **bold** and *em* text with `code`.', '', '- one', '- two', '', '1. first', '',
        '> quoted', '', '```ts', 'const x = 1;', '```', '', '---', '', '| a | b |', '|---|---|', '| 1 | 2 |', '',
        '[site](https://example.com) [mail](mailto:a@example.com) ![logo](https://example.com/logo.png)',
      ].join('\n'),
    );
    expect(html).toContain('<h1>Battlecard</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<ul>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<pre><code class="language-ts">');
    expect(html).toContain('<hr />');
    expect(html).toContain('<table>');
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">site</a>');
    expect(html).toContain('<a href="mailto:a@example.com" rel="noopener noreferrer nofollow">mail</a>');
    expect(html).toContain('<img src="https://example.com/logo.png" alt="logo" />');
  });

  it('shows raw HTML in the Markdown as text, not markup', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>');
    expectInert(html);
    expect(html).toContain('&lt;script&gt;');
  });

  it.each([
    ['[click](javascript:alert(1))', /href=/],
    ['[click](JaVaScRiPt:alert(1))', /href=/],
    ['[click](data:text/html;base64,PHNjcmlwdD4=)', /href=/],
    ['<javascript:alert(1)>', /href=/],
    ['[click](vbscript:msgbox)', /href=/],
    ['![x](data:image/png;base64,AAAA)', /<img/],
    ['![x](javascript:alert(1))', /<img/],
    ['![x](/relative.png)', /<img/],
    ['![x](//evil.example/a.png)', /<img/],
  ])('%s keeps no target (a link its text, an image nothing)', (source, absent) => {
    const html = renderMarkdown(source);
    expectInert(html);
    expect(html).not.toMatch(absent);
  });

  it('keeps relative and protocol-relative links as text only', () => {
    const html = renderMarkdown('[a](/admin) [b](//evil.example) [c](#top)');
    expect(html).not.toMatch(/href=/);
    expect(html).toContain('<a>a</a>');
  });

  it('escapes inline HTML with handlers and styles', () => {
    const html = renderMarkdown('Text <b onmouseover="x()">b</b> <a href="javascript:alert(1)" onclick="x()">a</a> <span style="color:red">s</span>');
    expectInert(html);
    expect(html).toContain('&lt;b onmouseover');
  });

  it('the allowlist alone removes scripts, handlers, frames, styles and unsafe URLs', () => {
    const html = sanitizeLibraryHtml(
      '<p onclick="x()" style="color:red">p</p><script>alert(1)</script><iframe src="https://evil.example"></iframe>' +
        '<img src="x" onerror="alert(1)"><img src="data:image/png;base64,AAAA"><img src="https://ok.example/a.png" onload="x()">' +
        '<a href="javascript:alert(1)">j</a><a href=" data:text/html,x">d</a><a href="https://ok.example" target="_blank">ok</a>' +
        '<svg onload="x()"></svg><form action="https://evil.example"><input></form><style>p{}</style><object data="x"></object>',
    );
    expectInert(html);
    expect(html).not.toContain('alert');
    expect(html).toContain('<img src="https://ok.example/a.png" />');
    expect(html).toContain('<a href="https://ok.example" rel="noopener noreferrer nofollow">ok</a>');
    expect(html).toContain('<a>j</a>');
  });

  it('makes a linkified bare URL safe too', () => {
    const html = renderMarkdown('see https://example.com/page');
    expect(html).toContain('<a href="https://example.com/page" rel="noopener noreferrer nofollow">');
  });
});
