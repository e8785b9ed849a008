import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderPlainText, renderSafeHtml } from './render-safe-html';

describe('renderMarkdown', () => {
  it('renders emphasis, links and lists', () => {
    const html = renderMarkdown('Some *light* and [a link](https://example.com).\n\n- one\n- two');
    expect(html).toContain('<em>light</em>');
    expect(html).toContain(
      '<a href="https://example.com" rel="nofollow noopener noreferrer ugc">a link</a>',
    );
    expect(html).toContain('<li>one</li>');
  });

  // Payloads may survive as visible, escaped text; what must never survive is live markup.
  const liveMarkup = (html: string): string[] => {
    const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)];
    return tags.flatMap(([tag, name = '', attributes = '']) => {
      const problems: string[] = [];
      if (!/^(p|em|strong|a|code|pre|blockquote|ul|ol|li|h[2-6]|br|hr)$/i.test(name)) {
        problems.push(tag);
      }
      if (/\son\w+\s*=/i.test(attributes)) problems.push(tag);
      const href = /href="([^"]*)"/i.exec(attributes)?.[1];
      if (href !== undefined && !/^(https?:|mailto:)/i.test(href)) problems.push(tag);
      return problems;
    });
  };

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](java\tscript:alert(1))',
    '<svg onload=alert(1)>',
    '<a href="https://x" onclick="alert(1)">x</a>',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '<iframe src="https://evil.example"></iframe>',
    `[x](https://example.com "title\\" onmouseover=\\"alert(1))`,
  ])('leaves no live markup from %s', (source) => {
    expect(liveMarkup(renderMarkdown(source))).toEqual([]);
  });

  it('keeps raw HTML as visible text instead of markup', () => {
    expect(renderMarkdown('<b>bold</b>')).toBe('<p>&lt;b&gt;bold&lt;/b&gt;</p>\n');
  });

  it('demotes a level-one heading below the page title', () => {
    expect(renderMarkdown('# Title')).toBe('<h2>Title</h2>\n');
  });
});

describe('renderPlainText', () => {
  it('makes paragraphs from blank lines and keeps single line breaks', () => {
    expect(renderPlainText('One line\nnext line\n\nSecond paragraph')).toBe(
      '<p>One line<br>\nnext line</p>\n<p>Second paragraph</p>',
    );
  });

  it('escapes every character that could be markup', () => {
    expect(renderPlainText(`<script>"it's" & more</script>`)).toBe(
      '<p>&lt;script&gt;&quot;it&#39;s&quot; &amp; more&lt;/script&gt;</p>',
    );
  });

  it('treats CRLF and bare CR like LF, and ignores whitespace-only paragraphs', () => {
    expect(renderPlainText('a\r\nb\r\n\r\n  \n\rc')).toBe('<p>a<br>\nb</p>\n<p>c</p>');
  });
});

describe('renderSafeHtml', () => {
  it('dispatches on the format', () => {
    expect(renderSafeHtml('*x*', 'markdown')).toContain('<em>x</em>');
    expect(renderSafeHtml('*x*', 'text')).toBe('<p>*x*</p>');
  });
});
