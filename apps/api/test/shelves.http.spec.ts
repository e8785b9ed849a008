import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertChallenge } from './support/fixtures';
import { errorPaths, expectProblem, signUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

describe.each(testDatabaseKinds())('challenge shelves on %s', (kind) => {
  const t = useTestApp(kind);

  beforeAll(async () => {
    const organizer = await signUp(t.app, { displayName: 'Shelf Organizer' });
    const ownerId = organizer.user.id;
    await insertChallenge(t.store, { slug: 'shelf-open-1', ownerId });
    await insertChallenge(t.store, { slug: 'shelf-open-2', ownerId });
    await insertChallenge(t.store, { slug: 'shelf-results', ownerId, resultsPublished: true });
    await insertChallenge(t.store, { slug: 'shelf-draft', ownerId, announced: false });
  });

  it('counts listed challenges per shelf and shows one shelf on request', async () => {
    const all = await request(t.app).get('/api/challenges');
    expect(all.body.shelves).toEqual({
      upcoming: 0,
      open: 2,
      closed: 0,
      voting: 0,
      results: 1,
      archive: 0,
    });
    const open = await request(t.app).get('/api/challenges?shelf=open');
    expect(open.body.challenges.map((c: { slug: string }) => c.slug).sort()).toEqual([
      'shelf-open-1',
      'shelf-open-2',
    ]);
    expect(open.body.shelves.open).toBe(2);
    const results = await request(t.app).get('/api/challenges?shelf=results');
    expect(results.body.challenges.map((c: { slug: string }) => c.slug)).toEqual(['shelf-results']);
  });

  it('answers 400 naming an unknown shelf or parameter', async () => {
    const shelf = await request(t.app).get('/api/challenges?shelf=attic');
    expectProblem(shelf, 400, 'VALIDATION_FAILED');
    expect(errorPaths(shelf)).toEqual(['shelf']);
    expect(errorPaths(await request(t.app).get('/api/challenges?colour=blue'))).toEqual(['colour']);
  });
});
