import express from 'express';
import { z } from 'zod';
import { parseEntryHeader } from '@ficathon/core';
import {
  ENTRY_LIMITS,
  EntryDetailSchema,
  IdSchema,
  EntryListQuerySchema,
  EntryPageSchema,
  ImportedTextSchema,
  MyEntriesResponseSchema,
  ParsedEntrySchema,
  ParseHeaderRequestSchema,
  RevisionDiffSchema,
  RevisionSummarySchema,
  RuleCheckResponseSchema,
  SaveEntryRequestSchema,
} from '@ficathon/schema';
import { problemResponse, type ApiRouter } from '../http/api-router';
import { AppError } from '../http/app-error';
import { asId, idParam, requireAuth } from '../http/params';
import type { BrowseService } from '../services/browse.service';
import type { DownloadFormat, DownloadService } from '../services/download.service';
import type { EntryService } from '../services/entry.service';
import { IMPORT_TYPES, importStoryFile } from '../services/story-import';

const writerErrors = {
  401: problemResponse('Not signed in.'),
  403: problemResponse('Not your entry or pseud.'),
  404: problemResponse('No such challenge or entry.'),
  409: problemResponse('Wrong phase, or the deadline has passed (the detail names it).'),
  413: problemResponse('The story is longer than the limit.'),
  422: problemResponse('Broken rules: each in `errors` with its rule id, field and sentence.'),
};

// A story of ENTRY_LIMITS.bodyMax characters takes up to 4 bytes each in JSON, plus its header.
export const STORY_BODY_LIMIT = `${Math.ceil((ENTRY_LIMITS.bodyMax * 4) / 1_000_000) + 1}mb`;

/** The requests that carry a whole story, and so get STORY_BODY_LIMIT instead of the default. */
export function carriesStory(method: string, path: string): boolean {
  return (
    (method === 'POST' &&
      /^\/api\/(challenges\/[^/]+\/entries(\/check)?|header\/parse)$/.test(path)) ||
    (method === 'PUT' && /^\/api\/entries\/[^/]+$/.test(path))
  );
}

/** A body over the story limit is a 413, like any request over its size limit. */
function requireStoryLength(body: string): void {
  if (body.length > ENTRY_LIMITS.bodyMax) {
    throw new AppError(
      413,
      'STORY_TOO_LONG',
      `A story has at most ${ENTRY_LIMITS.bodyMax.toLocaleString('en')} characters; this one has ${body.length.toLocaleString('en')}.`,
    );
  }
}

/** The writer's time zone, if the client says it, for deadline messages. */
const zoneOf = (header: string | string[] | undefined) =>
  typeof header === 'string' ? header : undefined;

export function registerEntryRoutes(
  api: ApiRouter,
  services: { entries: EntryService; downloads: DownloadService; browse: BrowseService },
): void {
  const { entries, downloads, browse } = services;
  const slugOf = (params: Record<string, unknown>) => String(params.slug);
  api.route(
    {
      method: 'post',
      path: '/header/parse',
      summary: 'Parse a pasted story: header fields, the story body, and what to check',
      tag: 'entries',
      auth: 'public',
      body: ParseHeaderRequestSchema,
      responses: {
        200: { description: 'The parsed entry.', schema: ParsedEntrySchema },
        400: problemResponse('No text, or too long.'),
      },
    },
    (_req, res, input) => {
      res.json(parseEntryHeader(input.text));
    },
  );

  api.router.post(
    '/header/import',
    express.raw({ type: Object.keys(IMPORT_TYPES), limit: '10mb' }),
  );
  api.route(
    {
      method: 'post',
      path: '/header/import',
      summary: 'Read a .txt, .md, .html or .docx file (sent as the raw body) as pasteable text',
      tag: 'entries',
      auth: 'session',
      responses: {
        200: { description: 'The text, ready to parse.', schema: ImportedTextSchema },
        400: problemResponse('The file could not be read.'),
        401: problemResponse('Not signed in.'),
        413: problemResponse('The file is over 10 MB.'),
        415: problemResponse('Not a .txt, .md, .html or .docx file.'),
      },
    },
    async (req, res) => {
      requireAuth(res.locals.auth);
      const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      res.json({ text: await importStoryFile(mediaType, content) });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/entries',
      summary:
        'The entries readers may see: filtered, sorted, searched, a page at a time, with facet counts',
      tag: 'entries',
      auth: 'public',
      query: EntryListQuerySchema,
      responses: {
        200: { description: 'A page of entries.', schema: EntryPageSchema },
        400: problemResponse('An unknown parameter or value (named), or a broken cursor.'),
        404: problemResponse('No such challenge.'),
      },
    },
    async (req, res, _input, query) => {
      res.json(await browse.listEntries(slugOf(req.params), res.locals.auth, query));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/entries',
      summary: 'Start an entry: a private draft, or submitted at once (`submit: true`)',
      tag: 'entries',
      auth: 'session',
      body: SaveEntryRequestSchema,
      responses: {
        201: { description: 'The entry.', schema: EntryDetailSchema },
        400: problemResponse('A field is invalid.'),
        ...writerErrors,
      },
    },
    async (req, res, input) => {
      requireStoryLength(input.body);
      res
        .status(201)
        .json(
          await entries.create(
            requireAuth(res.locals.auth),
            slugOf(req.params),
            input,
            zoneOf(req.headers['x-time-zone']),
          ),
        );
    },
  );

  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/entries/check',
      summary: 'Check a draft against the challenge’s rules without saving it',
      tag: 'entries',
      auth: 'session',
      body: SaveEntryRequestSchema.extend({ entryId: IdSchema.nullable().default(null) }),
      responses: {
        200: { description: 'Word count and broken rules.', schema: RuleCheckResponseSchema },
        400: problemResponse('A field is invalid.'),
        401: problemResponse('Not signed in.'),
        404: problemResponse('No such challenge.'),
      },
    },
    async (req, res, input) => {
      requireStoryLength(input.body);
      res.json(
        await entries.check(requireAuth(res.locals.auth), slugOf(req.params), input, input.entryId),
      );
    },
  );

  api.route(
    {
      method: 'get',
      path: '/me/entries',
      summary: 'Your entries across challenges, with status and rule problems',
      tag: 'entries',
      auth: 'session',
      responses: {
        200: { description: 'Your entries.', schema: MyEntriesResponseSchema },
        401: problemResponse('Not signed in.'),
      },
    },
    async (_req, res) => {
      res.json({ entries: await entries.myEntries(requireAuth(res.locals.auth)) });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/entries/:entryId',
      summary: 'One entry as you may see it',
      tag: 'entries',
      auth: 'public',
      responses: {
        200: { description: 'The entry.', schema: EntryDetailSchema },
        404: problemResponse('No such entry (or not visible to you).'),
      },
    },
    async (req, res) => {
      res.json(await entries.get(res.locals.auth, idParam(req, 'entryId')));
    },
  );

  api.route(
    {
      method: 'put',
      path: '/entries/:entryId',
      summary: 'Save a new version of your entry (every version is kept)',
      tag: 'entries',
      auth: 'session',
      body: SaveEntryRequestSchema,
      responses: {
        200: { description: 'The entry.', schema: EntryDetailSchema },
        400: problemResponse('A field is invalid.'),
        ...writerErrors,
      },
    },
    async (req, res, input) => {
      requireStoryLength(input.body);
      res.json(
        await entries.update(
          requireAuth(res.locals.auth),
          idParam(req, 'entryId'),
          input,
          zoneOf(req.headers['x-time-zone']),
        ),
      );
    },
  );

  api.route(
    {
      method: 'post',
      path: '/entries/:entryId/withdraw',
      summary: 'Withdraw your entry',
      tag: 'entries',
      auth: 'session',
      responses: {
        200: { description: 'The withdrawn entry.', schema: EntryDetailSchema },
        ...writerErrors,
      },
    },
    async (req, res) => {
      res.json(await entries.withdraw(requireAuth(res.locals.auth), idParam(req, 'entryId')));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/entries/:entryId/revisions',
      summary: 'Every saved version of your entry, oldest first',
      tag: 'entries',
      auth: 'session',
      responses: {
        200: {
          description: 'The versions.',
          schema: z.object({ revisions: z.array(RevisionSummarySchema) }),
        },
        ...writerErrors,
      },
    },
    async (req, res) => {
      res.json({
        revisions: await entries.revisions(requireAuth(res.locals.auth), idParam(req, 'entryId')),
      });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/entries/:entryId/revisions/diff',
      summary: 'What changed between two versions (?from=<id>&to=<id>)',
      tag: 'entries',
      auth: 'session',
      responses: {
        200: { description: 'The line diff.', schema: RevisionDiffSchema },
        ...writerErrors,
      },
    },
    async (req, res) => {
      const revision = (name: string) => {
        const raw = String(req.query[name] ?? '');
        const id = asId(raw);
        // A well-formed number that no row can have names nothing: 404, like any unknown version.
        if (id === undefined && /^[1-9]\d{0,29}$/.test(raw))
          throw AppError.notFound('There is no such version of this entry.');
        if (id === undefined) {
          throw AppError.badRequest(
            'VALIDATION_FAILED',
            `Give the version to compare as ?${name}=<id>.`,
            [{ path: name, message: 'Choose a version.' }],
          );
        }
        return id;
      };
      res.json(
        await entries.diff(
          requireAuth(res.locals.auth),
          idParam(req, 'entryId'),
          revision('from'),
          revision('to'),
        ),
      );
    },
  );

  api.route(
    {
      method: 'post',
      path: '/entries/:entryId/exceptions',
      summary: 'Let this entry break one rule (organizers; logged)',
      tag: 'moderation',
      auth: 'session',
      body: z.object({ rule: z.string().max(40) }),
      responses: {
        200: { description: 'The entry.', schema: EntryDetailSchema },
        400: problemResponse('No such rule.'),
        401: problemResponse('Not signed in.'),
        403: problemResponse('Not an organizer.'),
        404: problemResponse('No such entry.'),
      },
    },
    async (req, res, input) => {
      res.json(
        await entries.grantException(
          requireAuth(res.locals.auth),
          idParam(req, 'entryId'),
          input.rule,
        ),
      );
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/anthology.epub',
      summary: 'The anthology (EPUB): entries whose writers allowed archiving, after the results',
      tag: 'entries',
      auth: 'public',
      responses: {
        200: { description: 'The EPUB.', contentType: 'application/epub+zip' },
        403: problemResponse('Adult content not confirmed (?confirmAdult=true).'),
        404: problemResponse('No such challenge.'),
        409: problemResponse('Results not published yet, or no entry may be archived.'),
      },
    },
    async (req, res) => {
      const file = await downloads.anthology(
        res.locals.auth,
        slugOf(req.params),
        req.query.confirmAdult === 'true',
      );
      res.attachment(file.fileName).type(file.contentType).send(file.content);
    },
  );

  for (const format of ['txt', 'html', 'epub'] as const satisfies readonly DownloadFormat[]) {
    api.route(
      {
        method: 'get',
        path: `/entries/:entryId/download.${format}`,
        summary: `Download the entry as .${format} (adult-rated work needs ?confirmAdult=true)`,
        tag: 'entries',
        auth: 'public',
        responses: {
          200: {
            description: `The .${format} file.`,
            contentType:
              format === 'epub'
                ? 'application/epub+zip'
                : format === 'html'
                  ? 'text/html'
                  : 'text/plain',
          },
          403: problemResponse('Adult content not confirmed.'),
          404: problemResponse('No such entry (or not visible to you).'),
        },
      },
      async (req, res) => {
        const file = await downloads.download(
          res.locals.auth,
          idParam(req, 'entryId'),
          format,
          req.query.confirmAdult === 'true',
        );
        res.attachment(file.fileName).type(file.contentType).send(file.content);
      },
    );
  }
}
