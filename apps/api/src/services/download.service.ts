import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  allowsArchiving,
  gateRating,
  publicEntryStatuses,
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
import { requirePhase, type ChallengeAccess } from './challenge-access';
import type { Store } from '@ficathon/db';
import { authorVisibleTo } from '../serializers/challenge.serializer';
import { headerOf } from '../serializers/stored-header';

export type DownloadFormat = 'txt' | 'html' | 'epub';

export interface Download {
  fileName: string;
  contentType: string;
  content: string | Buffer;
}

const GATED = new Set(['mature', 'explicit']);

/** One entry as a file: the same visibility, anonymity and adult-content gate as the reading page. */
export class DownloadService {
  constructor(
    private readonly entries: EntryService,
    private readonly store: Store,
    private readonly access: ChallengeAccess,
  ) {}

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
          content: await writeEpub({
            title: entry.title,
            description: entry.header.summary ?? entry.title,
            author: doc.author ?? 'Anonymous',
            chapters: [chapterOf(doc)],
          }),
        };
    }
  }

  /**
   * The challenge's anthology, once results are out: every public entry whose writer allowed
   * archiving, in title order, each with its header, authors as the results reveal them.
   */
  async anthology(
    auth: Authenticated | null,
    slug: string,
    confirmedAdult: boolean,
  ): Promise<Download> {
    const context = await this.access.load(slug, auth);
    requirePhase(context, 'download the anthology', ['results', 'archived']);
    const { challenge, phase } = context;
    const rows = await this.store.repos.browse.page(
      { challengeId: challenge.id, statuses: publicEntryStatuses(challenge.moderated === 1) },
      'title',
      null,
      ANTHOLOGY_MAX,
    );
    const included = rows.filter((row) => allowsArchiving(headerOf(row).archive));
    if (included.length === 0) {
      throw AppError.conflict(
        'EMPTY_ANTHOLOGY',
        'No writer in this challenge has allowed archiving, so there is no anthology.',
      );
    }
    // As for one entry: organizers, and writers whose own work is the only adult work, pass.
    const gated = included.filter(
      (row) => GATED.has(gateRating(row.rating)) && row.user_id !== auth?.user.id,
    );
    if (!confirmedAdult && context.role === null && gated.length > 0) {
      const ratings = [...new Set(gated.map((row) => row.rating_raw ?? 'Not rated'))].join(', ');
      const warnings = [...new Set(gated.flatMap((row) => headerOf(row).warnings ?? []))].join(
        ', ',
      );
      throw AppError.forbidden(
        'ADULT_CONTENT',
        `The anthology includes adult work (rated ${ratings}; warnings: ${warnings || 'none given'}). Confirm you want to read adult content to download it.`,
      );
    }
    const viewer = { userId: auth?.user.id ?? null, role: context.role };
    const chapters = included.map((row) =>
      chapterOf({
        header: headerOf(row),
        author: authorVisibleTo(challenge, phase, viewer, row.user_id) ? row.pseud_name : null,
        body: row.body,
        bodyFormat: row.body_format,
        challengeTitle: challenge.title,
        promptTitle: null,
      }),
    );
    return {
      fileName: `${challenge.slug}-anthology.epub`,
      contentType: 'application/epub+zip',
      content: await writeEpub({
        title: challenge.title,
        description: `${included.length} entries of ${challenge.title}.`,
        author: [...new Set(chapters.map((chapter) => chapter.author))],
        chapters,
      }),
    };
  }
}

// A generous bound for one book; a challenge with more entries gets the first this many by title.
const ANTHOLOGY_MAX = 1_000;

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

/** One entry as an EPUB chapter: its header and its story. */
function chapterOf(doc: EntryDocument): { title: string; author: string; data: string } {
  const { headerHtml, bodyHtml } = renderEntryHtmlParts(doc);
  return {
    title: doc.header.title,
    author: doc.author ?? 'Anonymous',
    data: `${headerHtml}\n${bodyHtml}`,
  };
}

// The EPUB library re-serializes our HTML and writes ">" out raw, and "]]>" may not appear in
// XHTML text; a word joiner (invisible, U+2060) between "]]" and ">" keeps the book valid.
const xmlSafe = (text: string) =>
  text.replaceAll(']]&gt;', ']]\u2060&gt;').replaceAll(']]>', ']]\u2060>');

/** Writes an EPUB 3 book (valid per epubcheck) and returns its bytes. */
async function writeEpub(book: {
  title: string;
  description: string;
  author: string | string[];
  chapters: { title: string; author: string; data: string }[];
}): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ficathon-epub-'));
  const file = path.join(dir, 'book.epub');
  try {
    const epub = new EPub(
      {
        title: book.title,
        description: xmlSafe(book.description),
        author: book.author,
        publisher: 'Ficathon',
        lang: 'en',
        tocTitle: 'Contents',
        appendChapterTitles: true,
        tempDir: dir,
        content: book.chapters.map((chapter) => ({ ...chapter, data: xmlSafe(chapter.data) })),
      },
      file,
    );
    await epub.render();
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
