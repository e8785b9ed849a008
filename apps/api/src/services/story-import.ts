import { convert as htmlToText } from 'html-to-text';
import mammoth from 'mammoth';
import { AppError } from '../http/app-error';

/** The file types a story can be imported from, by media type. */
export const IMPORT_TYPES = {
  'text/plain': 'text',
  'text/markdown': 'text',
  'text/html': 'html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
} as const;

/**
 * Turns an uploaded file into the text a writer would have pasted: plain text and Markdown as
 * they are (UTF-8), HTML and Word documents as paragraphs separated by blank lines. The header
 * parser then reads it like any paste.
 */
export async function importStoryFile(mediaType: string, content: Buffer): Promise<string> {
  const kind = IMPORT_TYPES[mediaType as keyof typeof IMPORT_TYPES];
  if (!kind) {
    throw new AppError(415, 'UNSUPPORTED_FILE_TYPE', 'Import a .txt, .md, .html or .docx file.');
  }
  if (kind === 'docx') {
    try {
      const { value } = await mammoth.extractRawText({ buffer: content });
      return value;
    } catch {
      throw AppError.badRequest(
        'UNREADABLE_FILE',
        'This file could not be read as a Word document (.docx).',
      );
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw AppError.badRequest('NOT_UTF8', 'Save the file as UTF-8 text and try again.');
  }
  if (kind === 'text') return text;
  return htmlToText(text, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      // Headings and table headers keep the writer's capitalisation (the library shouts them).
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
        selector,
        options: { uppercase: false },
      })),
      { selector: 'table', options: { uppercaseHeaderCells: false } },
    ],
  });
}
