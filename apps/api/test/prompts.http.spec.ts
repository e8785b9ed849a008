import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Prompt } from '@ficathon/schema';
import { errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import {
  addPrompt,
  announce,
  as,
  challengeBody,
  challengeId,
  claim,
  createChallenge,
  detailOf,
  insertEntryWith,
  lyricPrompt,
  promptsOf,
  scheduleFromNow,
} from './support/organizer';
import { FakeClock, testDatabaseKinds, useTestApp } from './support/test-app';

interface DrawResponse {
  seed: string;
  assignments: { promptId: number; promptTitle: string; pseud: string }[];
  unassigned: string[];
}

describe.each(testDatabaseKinds())('prompts and claims over HTTP on %s', (kind) => {
  const t = useTestApp(kind);
  let owner: SignedUp;
  let writer: SignedUp;
  let otherWriter: SignedUp;
  let thirdWriter: SignedUp;
  let counter = 0;
  const fresh = (label: string) => `${label}-${++counter}`;

  beforeAll(async () => {
    owner = await signUp(t.app, { displayName: 'Prompt Keeper' });
    writer = await signUp(t.app, { displayName: 'Ann Writer' });
    otherWriter = await signUp(t.app, { displayName: 'Ben Writer' });
    thirdWriter = await signUp(t.app, { displayName: 'Cat Writer' });
  });

  /** A challenge on `app` (whose clock may be fake), announced and open unless `draft`. */
  async function challengeOn(
    app: Express,
    label: string,
    options: { draft?: boolean; now?: Date; closes?: number; claimExpiryDays?: number } = {},
  ): Promise<string> {
    const slug = fresh(label);
    const now = options.now ?? new Date();
    await createChallenge(
      app,
      owner.token,
      challengeBody(
        slug,
        {
          claimExpiryDays: options.claimExpiryDays ?? null,
          schedule: scheduleFromNow(now, {
            closes: options.closes ?? 20,
            votingOpens: (options.closes ?? 20) + 10,
            votingCloses: (options.closes ?? 20) + 20,
          }),
        },
        now,
      ),
    );
    if (!options.draft) await announce(app, owner.token, slug);
    return slug;
  }

  const titles = (prompts: Prompt[]) => prompts.map((p) => p.title);

  describe('bad prompts', () => {
    it.each([
      [
        'an image prompt without alt text',
        { kind: 'image', title: 'Blue eyes', link: 'https://example.org/eyes.jpg' },
        ['imageAlt'],
      ],
      [
        'an image prompt without its address',
        { kind: 'image', title: 'Eyes', imageAlt: 'Eyes' },
        ['link'],
      ],
      [
        'a lyrics prompt without lines',
        { kind: 'lyrics', title: 'Behind Blue Eyes', body: '' },
        ['body'],
      ],
      [
        'a lyrics prompt of blank lines',
        { kind: 'lyrics', title: 'Silence', body: ' \n\t\n' },
        ['body'],
      ],
      ['a quote without its words', { kind: 'quote', title: 'Hamlet' }, ['body']],
      ['a NUL in the title', lyricPrompt('Behind\u0000Blue Eyes'), ['title']],
      [
        'a link that is not a web address',
        lyricPrompt('Linked', { link: 'javascript:alert(1)' }),
        ['link'],
      ],
      ['room for no writer', lyricPrompt('Closed', { maxClaims: 0 }), ['maxClaims']],
    ])('refuses %s, naming the field', async (_label, input, paths) => {
      const slug = await challengeOn(t.app, 'bad-prompt', { draft: true });
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/prompts`)
        .set(as(owner.token))
        .send(input);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(paths);
      expect(await promptsOf(t.app, slug, owner.token)).toEqual([]);

      const kept = await addPrompt(t.app, owner.token, slug);
      const edit = await request(t.app)
        .patch(`/api/challenges/${slug}/prompts/${kept.id}`)
        .set(as(owner.token))
        .send(input);
      expectProblem(edit, 400, 'VALIDATION_FAILED');
      expect(errorPaths(edit)).toEqual(paths);
      expect(await promptsOf(t.app, slug, owner.token)).toEqual([kept]);
    });

    it('keeps every kind of valid prompt as written', async () => {
      const slug = await challengeOn(t.app, 'kinds', { draft: true });
      const inputs = [
        lyricPrompt('Behind Blue Eyes', { link: 'https://example.org/song', maxClaims: 2 }),
        { kind: 'quote', title: 'Hamlet', credit: 'Shakespeare', body: 'To be, or not to be' },
        { kind: 'text', title: 'Lighthouse' },
        {
          kind: 'image',
          title: 'Eyes',
          link: 'https://example.org/eyes.jpg',
          imageAlt: 'A pair of blue eyes',
        },
      ];
      for (const input of inputs) await addPrompt(t.app, owner.token, slug, input);
      const prompts = await promptsOf(t.app, slug, owner.token);
      expect(prompts.map((p) => [p.position, p.kind, p.title])).toEqual([
        [1, 'lyrics', 'Behind Blue Eyes'],
        [2, 'quote', 'Hamlet'],
        [3, 'text', 'Lighthouse'],
        [4, 'image', 'Eyes'],
      ]);
      expect(prompts[0]).toMatchObject({
        body: 'No one knows what it’s like\nTo be the bad man',
        link: 'https://example.org/song',
        maxClaims: 2,
      });
      expect(prompts[3]).toMatchObject({ imageAlt: 'A pair of blue eyes' });
    });
  });

  it('does not reach a prompt of another challenge through this one', async () => {
    const mine = await challengeOn(t.app, 'mine-only');
    await addPrompt(t.app, owner.token, mine);
    const theirs = fresh('theirs');
    await createChallenge(t.app, writer.token, challengeBody(theirs));
    await announce(t.app, writer.token, theirs);
    const foreign = await addPrompt(t.app, writer.token, theirs, lyricPrompt('Not Yours'));
    const base = `/api/challenges/${mine}/prompts/${foreign.id}`;
    for (const res of [
      await request(t.app).patch(base).set(as(owner.token)).send(lyricPrompt('Hijacked')),
      await request(t.app).delete(base).set(as(owner.token)),
      await request(t.app).post(`${base}/claim`).set(as(otherWriter.token)),
    ])
      expectProblem(res, 404, 'NOT_FOUND');
    expect(await promptsOf(t.app, theirs)).toEqual([foreign]);
  });

  describe('importing prompts', () => {
    it.each([
      [
        'pasted blocks',
        'text',
        'Behind Blue Eyes\nby The Who\nNo one knows what it’s like\n\nBargain\nby The Who\nI’d gladly lose me to find you\nhttps://example.org/bargain',
      ],
      [
        'CSV',
        'csv',
        'title,artist,lyrics,link\nBehind Blue Eyes,The Who,"No one knows what it’s like"\nBargain,The Who,"I’d gladly lose me to find you",https://example.org/bargain\n',
      ],
    ])('adds every prompt of %s after the ones there', async (_label, format, text) => {
      const slug = await challengeOn(t.app, 'imported', { draft: true });
      await addPrompt(t.app, owner.token, slug, lyricPrompt('Already There'));
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/prompts/import`)
        .set(as(owner.token))
        .send({ format, text });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(titles(res.body.prompts as Prompt[])).toEqual(['Behind Blue Eyes', 'Bargain']);
      const prompts = await promptsOf(t.app, slug, owner.token);
      expect(prompts.map((p) => [p.position, p.title, p.credit, p.link])).toEqual([
        [1, 'Already There', 'The Who', null],
        [2, 'Behind Blue Eyes', 'The Who', null],
        [3, 'Bargain', 'The Who', 'https://example.org/bargain'],
      ]);
    });

    it.each([
      [
        'a CSV row of an image without alt text',
        'csv',
        'kind,title,body,link\nlyrics,Good One,"A line"\nimage,No Alt,,https://example.org/a.jpg\nlyrics,Good Two,"Another line"\n',
        'Row 3',
      ],
      [
        'a CSV row of an unknown kind',
        'csv',
        'kind,title,body\nlyrics,Good One,"A line"\npoem,Odd One,"Lines"\n',
        'Row 3',
      ],
      [
        'a CSV row without a title',
        'csv',
        'title,body\nGood One,"A line"\n,"Orphan line"\n',
        'Row 3',
      ],
      [
        'a block of lyrics without lines',
        'text',
        'Good One\nA line\n\nBare Title\n\nGood Two\nMore',
        'Prompt 2',
      ],
    ])('imports nothing when one item is bad: %s', async (_label, format, text, where) => {
      const slug = await challengeOn(t.app, 'half-imported', { draft: true });
      await addPrompt(t.app, owner.token, slug, lyricPrompt('Already There'));
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/prompts/import`)
        .set(as(owner.token))
        .send({ format, text });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['text']);
      expect((res.body.errors as { message: string }[])[0]?.message).toContain(where);
      expect(titles(await promptsOf(t.app, slug, owner.token))).toEqual(['Already There']);
    });
  });

  describe('reordering prompts', () => {
    let slug: string;
    let ids: number[];

    beforeAll(async () => {
      slug = await challengeOn(t.app, 'ordered', { draft: true });
      ids = [];
      for (const title of ['One', 'Two', 'Three'])
        ids.push((await addPrompt(t.app, owner.token, slug, lyricPrompt(title))).id);
    });

    it('puts the prompts in the order given', async () => {
      const [a, b, c] = ids as [number, number, number];
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/prompts/reorder`)
        .set(as(owner.token))
        .send({ promptIds: [c, a, b] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(titles(res.body.prompts as Prompt[])).toEqual(['Three', 'One', 'Two']);
      const prompts = await promptsOf(t.app, slug, owner.token);
      expect(prompts.map((p) => [p.position, p.title])).toEqual([
        [1, 'Three'],
        [2, 'One'],
        [3, 'Two'],
      ]);
    });

    it.each([
      ['lists a prompt twice', (i: number[]) => [i[0]!, i[0]!, i[1]!]],
      ['lists a prompt twice, once in place of another', (i: number[]) => [i[0]!, i[1]!, i[1]!]],
      ['leaves a prompt out', (i: number[]) => [i[0]!, i[1]!]],
      ['names a prompt of no challenge', (i: number[]) => [i[0]!, i[1]!, i[2]!, 999_999]],
      ['names an unknown prompt in place of one', (i: number[]) => [i[0]!, i[1]!, 999_999]],
    ])('refuses a list that %s, under `promptIds`', async (_label, order) => {
      const before = titles(await promptsOf(t.app, slug, owner.token));
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/prompts/reorder`)
        .set(as(owner.token))
        .send({ promptIds: order(ids) });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['promptIds']);
      expect(titles(await promptsOf(t.app, slug, owner.token))).toEqual(before);
    });
  });

  describe('claims', () => {
    it('fill a prompt up to its limit; unclaiming frees room', async () => {
      const slug = await challengeOn(t.app, 'claimed');
      const prompt = await addPrompt(
        t.app,
        owner.token,
        slug,
        lyricPrompt('Solo', { maxClaims: 1 }),
      );
      const mine = await claim(t.app, writer.token, slug, prompt.id);
      expect(mine).toMatchObject({ claimCount: 1, claimedByMe: true });

      const url = `/api/challenges/${slug}/prompts/${prompt.id}/claim`;
      expectProblem(await request(t.app).post(url).set(as(otherWriter.token)), 409, 'PROMPT_FULL');
      expectProblem(await request(t.app).post(url).set(as(writer.token)), 409, 'ALREADY_CLAIMED');

      expect((await request(t.app).delete(url).set(as(writer.token))).status).toBe(204);
      expectProblem(await request(t.app).delete(url).set(as(writer.token)), 404, 'NOT_FOUND');
      const theirs = await claim(t.app, otherWriter.token, slug, prompt.id);
      expect(theirs).toMatchObject({ claimCount: 1, claimedByMe: true });
      expect((await promptsOf(t.app, slug, writer.token))[0]).toMatchObject({
        claimCount: 1,
        claimedByMe: false,
      });
    });

    it('are shown as the viewer’s own only to the writer who holds them', async () => {
      const slug = await challengeOn(t.app, 'mine');
      const [first, second] = [
        await addPrompt(t.app, owner.token, slug, lyricPrompt('First')),
        await addPrompt(t.app, owner.token, slug, lyricPrompt('Second')),
      ];
      await claim(t.app, writer.token, slug, first.id);
      await claim(t.app, otherWriter.token, slug, first.id);
      const claimed = (prompts: Prompt[]) =>
        prompts.map((p) => [p.title, p.claimCount, p.claimedByMe]);
      expect(claimed(await promptsOf(t.app, slug, writer.token))).toEqual([
        ['First', 2, true],
        ['Second', 0, false],
      ]);
      expect(claimed(await promptsOf(t.app, slug, thirdWriter.token))).toEqual([
        ['First', 2, false],
        ['Second', 0, false],
      ]);
      expect(claimed(await promptsOf(t.app, slug))).toEqual([
        ['First', 2, false],
        ['Second', 0, false],
      ]);
      expect(claimed((await detailOf(t.app, slug, owner.token)).prompts)).toEqual([
        ['First', 2, false],
        ['Second', 0, false],
      ]);
      expect(second.claimCount).toBe(0);
    });

    it('lapse after the challenge’s claim days, unless the writer has an entry on the prompt', async () => {
      const clock = new FakeClock();
      const app = t.buildApp({ clock: clock.now });
      const slug = await challengeOn(app, 'lapsing', { now: clock.now(), claimExpiryDays: 3 });
      const id = await challengeId(t.store, slug);
      const idle = await addPrompt(app, owner.token, slug, lyricPrompt('Idle', { maxClaims: 1 }));
      const written = await addPrompt(
        app,
        owner.token,
        slug,
        lyricPrompt('Written', { maxClaims: 1 }),
      );
      const withdrawn = await addPrompt(
        app,
        owner.token,
        slug,
        lyricPrompt('Withdrawn', { maxClaims: 1 }),
      );
      for (const prompt of [idle, written, withdrawn])
        await claim(app, writer.token, slug, prompt.id);
      await insertEntryWith(t.store, {
        challengeId: id,
        userId: writer.user.id,
        title: 'Answered',
        promptId: written.id,
      });
      await insertEntryWith(t.store, {
        challengeId: id,
        userId: writer.user.id,
        title: 'Taken back',
        promptId: withdrawn.id,
        status: 'withdrawn',
      });
      const claimUrl = (promptId: number) => `/api/challenges/${slug}/prompts/${promptId}/claim`;

      clock.advanceDays(2);
      expectProblem(
        await request(app).post(claimUrl(idle.id)).set(as(otherWriter.token)),
        409,
        'PROMPT_FULL',
      );

      clock.advanceDays(2);
      const state = (prompts: Prompt[]) =>
        prompts.map((p) => [p.title, p.claimCount, p.claimedByMe]);
      expect(state(await promptsOf(app, slug, writer.token))).toEqual([
        ['Idle', 0, false],
        ['Written', 1, true],
        ['Withdrawn', 0, false],
      ]);
      expect((await claim(app, otherWriter.token, slug, idle.id)).claimedByMe).toBe(true);
      expect((await claim(app, otherWriter.token, slug, withdrawn.id)).claimedByMe).toBe(true);
      expectProblem(
        await request(app).post(claimUrl(written.id)).set(as(otherWriter.token)),
        409,
        'PROMPT_FULL',
      );
      const dashboard = await request(app)
        .get(`/api/challenges/${slug}/dashboard`)
        .set(as(owner.token));
      expect(
        (dashboard.body.claimsPerPrompt as { title: string; claims: number }[]).map((p) => [
          p.title,
          p.claims,
        ]),
      ).toEqual([
        ['Idle', 1],
        ['Written', 1],
        ['Withdrawn', 1],
      ]);
    });

    it('cannot be made in draft, even by an organizer previewing: 409 naming the phases', async () => {
      const slug = await challengeOn(t.app, 'preview', { draft: true });
      const prompt = await addPrompt(t.app, owner.token, slug);
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/prompts/${prompt.id}/claim`)
        .set(as(owner.token));
      expectProblem(res, 409, 'WRONG_PHASE');
      expect(res.body.detail).toContain('announced or open for submissions');
      expect(res.body.detail).toContain('in draft now');
      // Writers do not know of the draft at all.
      expectProblem(
        await request(t.app)
          .post(`/api/challenges/${slug}/prompts/${prompt.id}/claim`)
          .set(as(writer.token)),
        404,
        'NOT_FOUND',
      );
    });

    // Three rounds at once make a lost race (PostgreSQL runs the requests side by side) all but
    // certain to show; SQLite runs one transaction at a time.
    it('never go past a prompt’s limit, even when writers claim at the same moment', async () => {
      const slug = await challengeOn(t.app, 'rush');
      const prompts: Prompt[] = [];
      for (const title of ['Last Spot', 'Only Spot', 'One Spot'])
        prompts.push(
          await addPrompt(t.app, owner.token, slug, lyricPrompt(title, { maxClaims: 1 })),
        );
      const results = await Promise.all(
        prompts.flatMap((prompt) =>
          [owner, writer, otherWriter, thirdWriter].map((who) =>
            request(t.app)
              .post(`/api/challenges/${slug}/prompts/${prompt.id}/claim`)
              .set(as(who.token)),
          ),
        ),
      );
      expect(results.filter((res) => res.status === 201)).toHaveLength(3);
      for (const res of results.filter((r) => r.status !== 201))
        expectProblem(res, 409, 'PROMPT_FULL');
      expect((await promptsOf(t.app, slug)).map((p) => p.claimCount)).toEqual([1, 1, 1]);
    });

    it('are made once when a writer claims twice at the same moment (a double click)', async () => {
      const slug = await challengeOn(t.app, 'double-click');
      const prompts: Prompt[] = [];
      for (const title of ['Click', 'Clack', 'Cluck'])
        prompts.push(await addPrompt(t.app, owner.token, slug, lyricPrompt(title)));
      const results = await Promise.all(
        prompts.flatMap((prompt) =>
          [1, 2].map(() =>
            request(t.app)
              .post(`/api/challenges/${slug}/prompts/${prompt.id}/claim`)
              .set(as(writer.token)),
          ),
        ),
      );
      // Either both clicks succeed (the second renews the first) or the second is told the prompt
      // is already claimed; never an error, and never two claims.
      for (const res of results) {
        if (res.status !== 201) expectProblem(res, 409, 'ALREADY_CLAIMED');
      }
      expect((await promptsOf(t.app, slug, writer.token)).map((p) => p.claimCount)).toEqual([
        1, 1, 1,
      ]);
    });

    it('need a signed-in writer', async () => {
      const slug = await challengeOn(t.app, 'anonymous-claim');
      const prompt = await addPrompt(t.app, owner.token, slug);
      expectProblem(
        await request(t.app).post(`/api/challenges/${slug}/prompts/${prompt.id}/claim`),
        401,
        'UNAUTHENTICATED',
      );
    });
  });

  describe('after submissions close', () => {
    let app: Express;
    let slug: string;
    let prompt: Prompt;

    beforeAll(async () => {
      const clock = new FakeClock();
      app = t.buildApp({ clock: clock.now });
      slug = await challengeOn(app, 'closing', { now: clock.now(), closes: 2 });
      prompt = await addPrompt(app, owner.token, slug);
      await claim(app, writer.token, slug, prompt.id);
      clock.advanceDays(3);
      expect((await detailOf(app, slug)).phase).toBe('closed');
    });

    it('no prompt can be claimed: 409 naming the phases that allow it', async () => {
      const res = await request(app)
        .post(`/api/challenges/${slug}/prompts/${prompt.id}/claim`)
        .set(as(otherWriter.token));
      expectProblem(res, 409, 'WRONG_PHASE');
      expect(res.body.detail).toContain('announced or open for submissions');
      expect(res.body.detail).toContain('closed for submissions now');
    });

    it.each([
      [
        'adding a prompt',
        () => request(app).post(`/api/challenges/${slug}/prompts`).send(lyricPrompt('Late')),
      ],
      [
        'importing prompts',
        () =>
          request(app)
            .post(`/api/challenges/${slug}/prompts/import`)
            .send({ format: 'text', text: 'Late\nA late line' }),
      ],
      [
        'editing a prompt',
        () =>
          request(app)
            .patch(`/api/challenges/${slug}/prompts/${prompt.id}`)
            .send(lyricPrompt('Rewritten')),
      ],
      [
        'removing a prompt',
        () => request(app).delete(`/api/challenges/${slug}/prompts/${prompt.id}`),
      ],
      [
        'reordering prompts',
        () =>
          request(app)
            .post(`/api/challenges/${slug}/prompts/reorder`)
            .send({ promptIds: [prompt.id] }),
      ],
    ])('the prompt set is kept as it was: %s is 409', async (_label, send) => {
      const res = await send().set(as(owner.token));
      expectProblem(res, 409, 'WRONG_PHASE');
      expect(res.body.detail).toContain('in draft or announced or open for submissions');
      expect(await promptsOf(app, slug)).toEqual([{ ...prompt, claimCount: 1 }]);
    });

    it('a writer can still give up a claim', async () => {
      const res = await request(app)
        .delete(`/api/challenges/${slug}/prompts/${prompt.id}/claim`)
        .set(as(writer.token));
      expect(res.status).toBe(204);
    });
  });

  describe('the prompt draw', () => {
    async function drawChallenge(label: string, signups: SignedUp[]): Promise<string> {
      const slug = await challengeOn(t.app, label);
      await addPrompt(t.app, owner.token, slug, lyricPrompt('Behind Blue Eyes'));
      await addPrompt(t.app, owner.token, slug, lyricPrompt('Bargain'));
      for (const who of signups) {
        const res = await request(t.app)
          .post(`/api/challenges/${slug}/draw/signup`)
          .set(as(who.token));
        expect(res.status).toBe(204);
      }
      return slug;
    }

    const draw = (slug: string, seed?: string) =>
      request(t.app)
        .post(`/api/challenges/${slug}/draw`)
        .set(as(owner.token))
        .send(seed === undefined ? {} : { seed });

    const byPseud = (body: DrawResponse) =>
      Object.fromEntries(body.assignments.map((a) => [a.pseud, a.promptTitle]));

    it('gives signed-up writers distinct prompts, reproducibly from the published seed', async () => {
      const writers = [writer, otherWriter, thirdWriter];
      const slug = await drawChallenge('drawn', writers);
      const res = await draw(slug, 'behind-blue-eyes');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const body = res.body as DrawResponse;
      expect(body.seed).toBe('behind-blue-eyes');
      expect(body.assignments).toHaveLength(2);
      expect(new Set(body.assignments.map((a) => a.promptId)).size).toBe(2);
      expect(body.unassigned).toHaveLength(1);
      expect([...body.assignments.map((a) => a.pseud), ...body.unassigned].sort()).toEqual(
        writers.map((w) => w.displayName).sort(),
      );
      expect((await detailOf(t.app, slug)).drawSeed).toBe('behind-blue-eyes');

      // Each drawn writer now holds a claim on their prompt, and only on it.
      for (const who of writers) {
        const held = (await promptsOf(t.app, slug, who.token))
          .filter((p) => p.claimedByMe)
          .map((p) => p.title);
        const drawn = byPseud(body)[who.displayName];
        expect(held).toEqual(drawn ? [drawn] : []);
      }

      const copy = await drawChallenge('drawn-copy', writers);
      const again = await draw(copy, 'behind-blue-eyes');
      expect(again.status).toBe(200);
      expect(byPseud(again.body as DrawResponse)).toEqual(byPseud(body));
      expect((again.body as DrawResponse).unassigned).toEqual(body.unassigned);
    });

    it('runs once: a second draw and late sign-ups are 409 DRAW_DONE', async () => {
      const slug = await drawChallenge('once', [writer, otherWriter]);
      const first = await draw(slug);
      expect(first.status).toBe(200);
      expect((first.body as DrawResponse).seed).toMatch(/^\S+$/);
      expectProblem(await draw(slug, 'another-try'), 409, 'DRAW_DONE');
      expectProblem(
        await request(t.app).post(`/api/challenges/${slug}/draw/signup`).set(as(thirdWriter.token)),
        409,
        'DRAW_DONE',
      );
      expect((await detailOf(t.app, slug)).drawSeed).toBe((first.body as DrawResponse).seed);
    });

    it('runs once even when two organizers start it at the same moment', async () => {
      const slug = await drawChallenge('double-draw', [writer, otherWriter, thirdWriter]);
      const results = await Promise.all([draw(slug, 'first-seed'), draw(slug, 'second-seed')]);
      expect(
        results.map((res) => res.status).sort(),
        JSON.stringify(results.map((r) => r.body)),
      ).toEqual([200, 409]);
      expectProblem(
        results.find((res) => res.status === 409)!,
        409,
        'DRAW_DONE',
      );
      const winner = results.find((res) => res.status === 200)!.body as DrawResponse;
      expect((await detailOf(t.app, slug)).drawSeed).toBe(winner.seed);
      const claims = (await promptsOf(t.app, slug)).map((p) => p.claimCount);
      expect(claims).toEqual([1, 1]);
    });

    it('needs someone signed up', async () => {
      const slug = await drawChallenge('empty-draw', []);
      expectProblem(await draw(slug, 'seed'), 409, 'NOBODY_SIGNED_UP');
      expect((await detailOf(t.app, slug)).drawSeed).toBeNull();
    });
  });
});
