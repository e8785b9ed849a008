import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryDetail, Rating, SaveEntryInput } from '@ficathon/schema';
import {
  asUser,
  binaryParser,
  createEntry,
  defaultPseudId,
  getEntry,
  organizeChallenge,
  readZip,
  story,
} from './support/entries';
import { expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

const BODY = 'The storm broke over the lighthouse at midnight.';

describe.each(testDatabaseKinds())('the adult-content gate on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let otherWriter: SignedUp;
  let reader: SignedUp;
  const entries: Record<string, EntryDetail> = {};

  /** The header as written, what the 403 must name (the raw rating first), and the scale. */
  const GATED: Record<
    string,
    { header: Partial<SaveEntryInput['header']>; named: string[]; normalized: Rating }
  > = {
    mature: {
      header: { rating: 'Mature', warnings: ['Violence', 'Major Character Death'] },
      named: ['Mature', 'Violence', 'Major Character Death'],
      normalized: 'mature',
    },
    explicit: {
      header: { rating: 'NC-17', warningsNone: true },
      named: ['NC-17', 'none'],
      normalized: 'explicit',
    },
    unrated: {
      header: { warnings: ['Rape/Non-Con'] },
      named: ['not rated', 'Rape/Non-Con'],
      normalized: 'not_rated',
    },
  };

  const download = (id: number, token?: string, query = '') =>
    request(t.app)
      .get(`/api/entries/${id}/download.txt${query}`)
      .set(asUser(token))
      .buffer(true)
      .parse(binaryParser);
  const anthology = (slug: string, token?: string, query = '') =>
    request(t.app)
      .get(`/api/challenges/${slug}/anthology.epub${query}`)
      .set(asUser(token))
      .buffer(true)
      .parse(binaryParser);
  /** A binary response's problem document, which binaryParser leaves as bytes. */
  const problemOf = (res: { body: unknown }) =>
    JSON.parse((res.body as Buffer).toString('utf8')) as { code: string; detail: string };

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Gate Organizer' });
    writer = await signUp(t.app, { displayName: 'Gate Writer' });
    otherWriter = await signUp(t.app, { displayName: 'Gentle Writer' });
    reader = await signUp(t.app, { displayName: 'Gate Reader' });
    const pseudId = await defaultPseudId(t.app, writer.token);
    await organizeChallenge(t.app, organizer.token, 'gated');
    for (const [name, { header }] of Object.entries(GATED)) {
      entries[name] = await createEntry(
        t.app,
        writer.token,
        'gated',
        story(pseudId, {
          header: { title: `Gated ${name}`, rating: undefined, ...header },
          body: BODY,
          submit: true,
        }),
      );
    }
    entries.teen = await createEntry(
      t.app,
      writer.token,
      'gated',
      story(pseudId, { header: { title: 'Open Teen', rating: 'PG-13' }, body: BODY, submit: true }),
    );
  });

  it.each(Object.keys(GATED))(
    'gives the %s entry to anyone who opens it: the gate is the page’s to show',
    async (name) => {
      const gated = GATED[name]!;
      for (const token of [undefined, reader.token]) {
        const res = await getEntry(t.app, entries[name]!.id, token);
        expect(res.status).toBe(200);
        const entry = res.body as EntryDetail;
        expect(entry.rating.normalized).toBe(gated.normalized);
        expect(entry.bodyHtml).toContain('lighthouse');
        // What the interstitial names comes with the entry.
        expect(entry.rating.raw ?? 'not rated').toBe(gated.named[0]);
        if ('warnings' in gated.header)
          expect(entry.header.warnings).toEqual(gated.header.warnings);
        if (gated.header.warningsNone) expect(entry.header.warningsNone).toBe(true);
      }
    },
  );

  it.each(Object.keys(GATED))(
    'asks a reader to confirm before downloading the %s entry, naming its rating and warnings',
    async (name) => {
      const { id } = entries[name]!;
      for (const token of [undefined, reader.token]) {
        const refused = await download(id, token);
        expect(refused.status).toBe(403);
        const problem = problemOf(refused);
        expect(problem.code).toBe('ADULT_CONTENT');
        for (const named of GATED[name]!.named) {
          expect(problem.detail).toContain(named);
        }
        expect((refused.body as Buffer).toString('utf8')).not.toContain('lighthouse');
        const confirmed = await download(id, token, '?confirmAdult=true');
        expect(confirmed.status).toBe(200);
        expect((confirmed.body as Buffer).toString('utf8')).toContain('lighthouse');
      }
      for (const query of ['?confirmAdult=false', '?confirmAdult=1', '?confirmAdult=TRUE']) {
        expect((await download(id, reader.token, query)).status, query).toBe(403);
      }
    },
  );

  it('lets the writer and the organizers download without confirming', async () => {
    for (const name of Object.keys(GATED)) {
      expect((await download(entries[name]!.id, writer.token)).status).toBe(200);
      expect((await download(entries[name]!.id, organizer.token)).status).toBe(200);
    }
  });

  it('asks nothing before a teen-rated download', async () => {
    expect((await download(entries.teen!.id, reader.token)).status).toBe(200);
    expect((await download(entries.teen!.id)).status).toBe(200);
  });

  describe('the anthology', () => {
    beforeAll(async () => {
      const pseudId = await defaultPseudId(t.app, writer.token);
      const otherPseudId = await defaultPseudId(t.app, otherWriter.token);
      for (const slug of ['gated-anthology', 'gentle-anthology']) {
        await organizeChallenge(t.app, organizer.token, slug);
        await createEntry(
          t.app,
          otherWriter.token,
          slug,
          story(otherPseudId, {
            header: { title: `Gentle Tale of ${slug}`, rating: 'G', archive: 'Yes' },
            body: BODY,
            submit: true,
          }),
        );
      }
      await createEntry(
        t.app,
        writer.token,
        'gated-anthology',
        story(pseudId, {
          header: {
            title: 'Storm Night',
            rating: 'NC-17',
            warnings: ['Violence'],
            archive: 'Yes, anywhere',
          },
          body: BODY,
          submit: true,
        }),
      );
      // Publishing results has no endpoint yet: mark both challenges' results out.
      for (const slug of ['gated-anthology', 'gentle-anthology']) {
        const challenge = await t.store.repos.challenges.findBySlug(slug);
        await t.store.repos.challenges.update(challenge!.id, {
          results_published_at: new Date(Date.now() - 60_000).toISOString(),
        });
      }
    });

    it('asks a reader to confirm, and downloads once confirmed', async () => {
      for (const token of [undefined, reader.token]) {
        const refused = await anthology('gated-anthology', token);
        expect(refused.status).toBe(403);
        expect(problemOf(refused).code).toBe('ADULT_CONTENT');
        const confirmed = await anthology('gated-anthology', token, '?confirmAdult=true');
        expect(confirmed.status).toBe(200);
        const book = [...readZip(confirmed.body as Buffer).values()]
          .map((file) => file.toString('utf8'))
          .join('\n');
        expect(book).toContain('Storm Night');
        expect(book).toContain('Gentle Tale of gated-anthology');
      }
    });

    it('names the adult ratings and warnings it holds when it asks', async () => {
      const refused = await anthology('gated-anthology', reader.token);
      expectProblemDetail(problemOf(refused).detail, ['NC-17', 'Violence']);
    });

    it('lets the writer of its only adult entry download it without confirming', async () => {
      expect((await anthology('gated-anthology', writer.token)).status).toBe(200);
    });

    it('asks nothing when no entry in it is adult', async () => {
      expect((await anthology('gentle-anthology', reader.token)).status).toBe(200);
      expect((await anthology('gentle-anthology')).status).toBe(200);
    });

    it('answers 404 for an unknown challenge', async () => {
      expectProblem(
        await request(t.app).get('/api/challenges/nowhere/anthology.epub'),
        404,
        'NOT_FOUND',
      );
    });
  });
});

function expectProblemDetail(detail: string, named: string[]): void {
  for (const name of named) expect(detail, `the detail names ${name}`).toContain(name);
}
