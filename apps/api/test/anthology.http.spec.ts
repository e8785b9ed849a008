import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { binaryParser, epubcheck, readZip } from './support/entries';
import { insertChallenge, insertEntry } from './support/fixtures';
import { expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

describe.each(testDatabaseKinds())('the anthology on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;

  const withArchive = async (
    challengeId: number,
    title: string,
    archive: string | null,
    rating = 'teen',
  ) => {
    const entry = await insertEntry(t.store, {
      challengeId,
      userId: writer.user.id,
      title,
      body: `${title} text.`,
    });
    const header = { title, ...(archive === null ? {} : { archive }) };
    await t.store.repos.entries.update(entry.id, {
      header_json: JSON.stringify(header),
      rating: rating as never,
    });
  };

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Anthology Organizer' });
    writer = await signUp(t.app, { displayName: 'Anthology Writer' });
    const done = await insertChallenge(t.store, {
      slug: 'finished',
      ownerId: organizer.user.id,
      resultsPublished: true,
      anonymous: true,
    });
    await withArchive(done.id, 'Yes Please', 'Yes, archive anywhere');
    await withArchive(done.id, 'Ask Me', 'Ask first');
    await withArchive(done.id, 'Silent', null);
    const adult = await insertChallenge(t.store, {
      slug: 'finished-adult',
      ownerId: organizer.user.id,
      resultsPublished: true,
    });
    await withArchive(adult.id, 'Grown Up', 'yes', 'explicit');
    const running = await insertChallenge(t.store, { slug: 'running', ownerId: organizer.user.id });
    await withArchive(running.id, 'Too Soon', 'yes');
  });

  it('holds the entries whose writers allowed archiving, authors revealed, and passes epubcheck', async () => {
    const res = await request(t.app)
      .get('/api/challenges/finished/anthology.epub')
      .buffer(true)
      .parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/epub+zip');
    const book = [...readZip(res.body as Buffer).values()]
      .map((file) => file.toString('utf8'))
      .join('\n');
    expect(book).toContain('Yes Please');
    expect(book).toContain('Anthology Writer');
    expect(book).not.toContain('Ask Me');
    expect(book).not.toContain('Silent');
    const check = await epubcheck(res.body as Buffer);
    expect(check.status, check.output).toBe(0);
  }, 60_000);

  it('waits for the results, and asks readers to confirm adult content', async () => {
    expectProblem(
      await request(t.app).get('/api/challenges/running/anthology.epub'),
      409,
      'WRONG_PHASE',
    );
    expectProblem(
      await request(t.app).get('/api/challenges/finished-adult/anthology.epub'),
      403,
      'ADULT_CONTENT',
    );
    const confirmed = await request(t.app).get(
      '/api/challenges/finished-adult/anthology.epub?confirmAdult=true',
    );
    expect(confirmed.status).toBe(200);
  });
});
