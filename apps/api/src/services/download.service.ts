import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  gateRating,
  renderEntryHtmlDocument,
  renderEntryHtmlParts,
  renderEntryText,
  type EntryDocument,
} from '@ficathon/core';
import { EPub } from '@lesjoursfr/html-to-epub';
import type { EntryDetail } from '@ficathon/schema';
import { AppError } from '../http/app-error';
import type { Authenticated } from './auth.service';
import type { EntryService } from './entry.service';

export type DownloadFormat = 'txt' | 'html' | 'epub';

export interface Download {
  fileName: string;
  contentType: string;
  content: string | Buffer;
}

const GATED = new Set(['mature', 'explicit']);

/** One entry as a file: the same visibility, anonymity and adult-content gate as the reading page. */
export class DownloadService {
  constructor(private readonly entries: EntryService) {}

  async download(
    auth: Authenticated | null,
    entryId: number,
    format: DownloadFormat,
    confirmedAdult: boolean,
  ): Promise<Download> {
    const { detail: entry, body } = await this.entries.readForDownload(auth, entryId);
    // Mature, explicit and unrated work is behind the gate; its writer and organizers pass (the
    // serializer sends rule problems to exactly those two).
    const privileged = entry.isMine || entry.violations !== null;
    if (GATED.has(gateRating(entry.rating.normalized)) && !confirmedAdult && !privileged) {
      const warnings = entry.header.warningsNone
        ? 'none'
        : (entry.header.warnings ?? []).join(', ') || 'not given';
      throw AppError.forbidden(
        'ADULT_CONTENT',
        `This entry is rated ${entry.rating.raw ?? 'not rated'} (warnings: ${warnings}). Confirm you want to read adult content to download it.`,
      );
    }
    const doc = documentOf(entry, body);
    const base = fileBase(entry.title, entry.id);
    switch (format) {
      case 'txt':
        return {
          fileName: `${base}.txt`,
          contentType: 'text/plain; charset=utf-8',
          content: renderEntryText(doc),
        };
      case 'html':
        return {
          fileName: `${base}.html`,
          contentType: 'text/html; charset=utf-8',
          content: renderEntryHtmlDocument(doc),
        };
      case 'epub':
        return {
          fileName: `${base}.epub`,
          contentType: 'application/epub+zip',
          content: await renderEpub(doc, entry),
        };
    }
  }
}

function documentOf(entry: EntryDetail, body: string): EntryDocument {
  return {
    header: entry.header,
    author: entry.author,
    body,
    bodyFormat: entry.bodyFormat,
    challengeTitle: entry.challenge.title,
    promptTitle: entry.prompt?.title ?? null,
  };
}

/** A safe, readable file name: the title's letters and digits, and the id for uniqueness. */
function fileBase(title: string, id: number): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${slug || 'entry'}-${id}`;
}

async function renderEpub(doc: EntryDocument, entry: EntryDetail): Promise<Buffer> {
  const parts = renderEntryHtmlParts(doc);
  // The EPUB library re-serializes our HTML and writes ">" out raw, and "]]>" may not appear in
  // XHTML text; a word joiner (invisible, U+2060) between "]]" and ">" keeps the book valid.
  const [headerHtml, bodyHtml] = [parts.headerHtml, parts.bodyHtml].map((html) =>
    html.replaceAll(']]&gt;', ']]\u2060&gt;'),
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ficathon-epub-'));
  const file = path.join(dir, 'entry.epub');
  try {
    const epub = new EPub(
      {
        title: entry.title,
        description: (entry.header.summary ?? entry.title).replaceAll(']]>', ']]\u2060>'),
        author: doc.author ?? 'Anonymous',
        publisher: 'Ficathon',
        lang: 'en',
        tocTitle: 'Contents',
        appendChapterTitles: true,
        tempDir: dir,
        content: [{ title: entry.title, data: `${headerHtml}\n${bodyHtml}` }],
      },
      file,
    );
    await epub.render();
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
