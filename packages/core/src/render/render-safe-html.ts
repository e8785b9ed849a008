import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * The one way text written on the site becomes HTML. Raw HTML in the source is not interpreted
 * (markdown-it `html: false`), and the result is sanitized again with an allow-list, so neither a
 * markdown trick nor a parser bug can put a script, an event handler or a `javascript:` link on a
 * page.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'em',
    'strong',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Writers' links leave the site: never pass our referrer or page handle to them.
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer ugc' }),
    // A writer's "# Heading" must not compete with the page's own <h1>.
    h1: 'h2',
  },
};

export type TextFormat = 'markdown' | 'text';

/** Renders Markdown to sanitized HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), ALLOWED);
}

/**
 * Renders plain text: blank lines separate paragraphs, single line breaks are kept (poetry and
 * lyrics depend on them). Everything is escaped; nothing in the text is markup.
 */
export function renderPlainText(source: string): string {
  const paragraphs = source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');
  return paragraphs
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

/** Renders text in the format its writer chose. */
export function renderSafeHtml(source: string, format: TextFormat): string {
  return format === 'markdown' ? renderMarkdown(source) : renderPlainText(source);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
