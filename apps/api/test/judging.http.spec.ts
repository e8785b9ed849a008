import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertChallenge, insertEntry } from './support/fixtures';
import { bearer, errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { DAY_MS, testDatabaseKinds, useTestApp } from './support/test-app';

describe.each(testDatabaseKinds())('judges on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let judge: SignedUp;
  let reader: SignedUp;
  let entryId: number;
  let judgesOwn: number;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Judging Organizer' });
    judge = await signUp(t.app, { displayName: 'Judge Judy' });
    reader = await signUp(t.app, { displayName: 'Judging Reader' });
    const challenge = await insertChallenge(t.store, {
      slug: 'judged',
      ownerId: organizer.user.id,
    });
    entryId = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: organizer.user.id,
        title: 'Judged Story',
      })
    ).id;
    judgesOwn = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: judge.user.id,
        title: 'Judge’s Own',
      })
    ).id;
    await request(t.app)
      .put('/api/challenges/judged/voting')
      .set(bearer(organizer.token))
      .send({
        categories: [{ id: 'jury', name: 'Jury prize', method: 'score', source: 'judges' }],
        rubric: [
          { id: 'craft', label: 'Craft', weight: 2, scale: 5 },
          { id: 'lyric', label: 'Use of the lyric', weight: 1, scale: 10 },
        ],
      })
      .expect(200);
  });

  it('lets organizers appoint judges, and only judges see a judging sheet', async () => {
    const added = await request(t.app)
      .post('/api/challenges/judged/judges')
      .set(bearer(organizer.token))
      .send({ person: 'Judge Judy' });
    expect(added.status).toBe(201);
    expect(added.body.judges).toEqual([{ userId: judge.user.id, name: 'Judge Judy' }]);
    expectProblem(
      await request(t.app)
        .post('/api/challenges/judged/judges')
        .set(bearer(reader.token))
        .send({ person: 'x' }),
      403,
      'NOT_ORGANIZER',
    );
    expectProblem(
      await request(t.app).get('/api/challenges/judged/judging').set(bearer(reader.token)),
      403,
      'NOT_JUDGE',
    );
    // The challenge page tells judges (and only them) that they judge it.
    const asJudge = await request(t.app).get('/api/challenges/judged').set(bearer(judge.token));
    expect(asJudge.body.viewerIsJudge).toBe(true);
    const asReader = await request(t.app).get('/api/challenges/judged').set(bearer(reader.token));
    expect(asReader.body.viewerIsJudge).toBe(false);
    const sheet = await request(t.app)
      .get('/api/challenges/judged/judging')
      .set(bearer(judge.token));
    // A judge never sees (or scores) their own entry, and never sees authors.
    expect(sheet.body.entries.map((e: { title: string }) => e.title)).toEqual(['Judged Story']);
    expect(JSON.stringify(sheet.body)).not.toContain('Judging Organizer');
  });

  it('takes scores after submissions close, on every criterion and within each scale', async () => {
    const scores = { scores: { craft: 4, lyric: 9 }, comment: 'Lovely use of the refrain.' };
    expectProblem(
      await request(t.app)
        .put(`/api/challenges/judged/judging/${entryId}`)
        .set(bearer(judge.token))
        .send(scores),
      409,
      'WRONG_PHASE',
    );
    const challenge = await t.store.repos.challenges.findBySlug('judged');
    await t.store.repos.challenges.update(challenge!.id, {
      closes_at: new Date(Date.now() - DAY_MS).toISOString(),
    });

    const bad = await request(t.app)
      .put(`/api/challenges/judged/judging/${entryId}`)
      .set(bearer(judge.token))
      .send({ scores: { craft: 6, extra: 1 } });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(errorPaths(bad).sort()).toEqual(['scores.craft', 'scores.extra', 'scores.lyric']);
    expectProblem(
      await request(t.app)
        .put(`/api/challenges/judged/judging/${judgesOwn}`)
        .set(bearer(judge.token))
        .send(scores),
      422,
      'OWN_ENTRY',
    );

    const saved = await request(t.app)
      .put(`/api/challenges/judged/judging/${entryId}`)
      .set(bearer(judge.token))
      .send(scores);
    expect(saved.status).toBe(200);
    expect(saved.body.entries[0]).toMatchObject({
      id: entryId,
      scores: { craft: 4, lyric: 9 },
      comment: 'Lovely use of the refrain.',
    });
  });

  it('answers voters that a judged category is for the judges', async () => {
    const challenge = await t.store.repos.challenges.findBySlug('judged');
    const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
    await t.store.repos.challenges.update(challenge!.id, {
      voting_opens_at: at(-0.5),
      voting_closes_at: at(1),
    });
    const res = await request(t.app)
      .put('/api/challenges/judged/ballots/jury')
      .set(bearer(reader.token))
      .send({ scores: { [entryId]: 5 } });
    expectProblem(res, 409, 'JUDGES_ONLY');
  });
});
