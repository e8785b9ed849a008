import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditEvent,
  ChallengeRulesInput,
  EntryDetail,
  RuleCheckResponse,
  RuleViolation,
} from '@ficathon/schema';
import {
  asUser,
  createEntry,
  defaultPseudId,
  getEntry,
  LYRIC_PROMPT,
  organizeChallenge,
  postEntry,
  putEntry,
  saveEntry,
  story,
} from './support/entries';
import { errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

interface MyEntry {
  id: number;
  title: string;
  status: string;
  challenge: { slug: string; title: string };
  wordCount: number;
  moderationNote: string | null;
  violations: RuleViolation[];
}

/** Every rule the issue names, each set so that a short, unprompted, mature story breaks it. */
const STRICT_RULES: ChallengeRulesInput = {
  minWords: 10,
  maxWords: 40,
  allowedRatings: ['general', 'teen'],
  requiredFields: ['summary', 'warnings'],
  promptRequired: true,
  claimRequired: true,
  lyricLineRequired: true,
  entriesPerWriter: 1,
  customFields: [{ id: 'song-choice', label: 'Which song?', kind: 'text', required: true }],
};

/** Eleven words that quote a line of LYRIC_PROMPT. */
const GOOD_BODY = 'He said it twice: To be the bad man, always, always.';

describe.each(testDatabaseKinds())('entry rules over HTTP on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let rival: SignedUp;
  let writerPseud: number;
  let rivalPseud: number;
  let counter = 0;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Rule Maker' });
    writer = await signUp(t.app, { displayName: 'Rule Breaker' });
    rival = await signUp(t.app, { displayName: 'Rule Follower' });
    writerPseud = await defaultPseudId(t.app, writer.token);
    rivalPseud = await defaultPseudId(t.app, rival.token);
  });

  /** A fresh open challenge with STRICT_RULES and one lyric prompt. */
  async function strictChallenge(rules: ChallengeRulesInput = STRICT_RULES) {
    counter += 1;
    const made = await organizeChallenge(t.app, organizer.token, `strict-${counter}`, {
      rules,
      prompts: [LYRIC_PROMPT],
    });
    return { slug: made.slug, promptId: made.prompts[0]!.id };
  }

  const claim = async (slug: string, promptId: number, token = writer.token) => {
    const res = await request(t.app)
      .post(`/api/challenges/${slug}/prompts/${promptId}/claim`)
      .set(asUser(token));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };

  /** An entry that keeps every STRICT_RULES rule (once the prompt is claimed). */
  const compliant = (pseudId: number, promptId: number, title = 'By the Rules') =>
    story(pseudId, {
      promptId,
      header: { title, rating: 'PG', summary: 'A short one.', warnings: ['None'] },
      body: GOOD_BODY,
      custom: { 'song-choice': 'Behind Blue Eyes' },
    });

  const myEntries = async (token = writer.token): Promise<MyEntry[]> => {
    const res = await request(t.app).get('/api/me/entries').set(asUser(token));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.entries as MyEntry[];
  };

  const rulesOf = (violations: { rule: string }[]) => violations.map((v) => v.rule).sort();

  it('refuses a submission that breaks rules with 422 listing each rule, its field and sentence, and saves nothing', async () => {
    const { slug } = await strictChallenge();
    const before = await myEntries();
    const res = await postEntry(
      t.app,
      writer.token,
      slug,
      story(writerPseud, {
        header: { title: 'Too Short', rating: 'Mature' },
        body: 'Four words, no more.',
        submit: true,
      }),
    );
    expectProblem(res, 422, 'RULES_BROKEN');
    const errors = res.body.errors as { path: string; message: string; rule: string }[];
    expect(rulesOf(errors)).toEqual([
      'allowed_rating',
      'custom_field_required',
      'min_words',
      'prompt_required',
      'required_field',
      'required_field',
    ]);
    for (const error of errors) {
      expect(error).toEqual({
        path: expect.stringMatching(/\S/),
        message: expect.stringMatching(/\S.*[.!?]$/),
        rule: expect.any(String),
      });
      expect(res.body.detail).toContain(error.message);
    }
    expect(errorPaths(res)).toEqual(
      expect.arrayContaining(['body', 'rating', 'summary', 'warnings', 'custom.song-choice']),
    );
    expect(await myEntries()).toEqual(before);
  });

  it('names the claim, lyric-line and maximum rules when a story uses an unclaimed prompt', async () => {
    const { slug, promptId } = await strictChallenge();
    const long = `${'Word '.repeat(45).trim()}.`;
    const res = await postEntry(
      t.app,
      writer.token,
      slug,
      story(writerPseud, {
        ...compliant(writerPseud, promptId),
        body: long,
        submit: true,
      }),
    );
    expectProblem(res, 422, 'RULES_BROKEN');
    expect(rulesOf(res.body.errors)).toEqual(['claim_required', 'lyric_line', 'max_words']);

    await claim(slug, promptId);
    const ok = await postEntry(t.app, writer.token, slug, {
      ...compliant(writerPseud, promptId),
      submit: true,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ status: 'submitted', violations: [] });
  });

  it('refuses a second live entry by the same writer (entries_per_writer)', async () => {
    const { slug, promptId } = await strictChallenge();
    await claim(slug, promptId);
    await createEntry(t.app, writer.token, slug, {
      ...compliant(writerPseud, promptId, 'First'),
      submit: true,
    });
    const second = await postEntry(t.app, writer.token, slug, {
      ...compliant(writerPseud, promptId, 'Second'),
      submit: true,
    });
    expectProblem(second, 422, 'RULES_BROKEN');
    expect(rulesOf(second.body.errors)).toEqual(['entries_per_writer']);
    // Another writer is not limited by this writer's entry.
    await claim(slug, promptId, rival.token);
    const rivals = await postEntry(t.app, rival.token, slug, {
      ...compliant(rivalPseud, promptId, 'Rival'),
      submit: true,
    });
    expect(rivals.status, JSON.stringify(rivals.body)).toBe(201);
  });

  it('refuses a rule-breaking edit of a submitted entry with 422 and keeps the old version', async () => {
    const { slug, promptId } = await strictChallenge();
    await claim(slug, promptId);
    const entry = await createEntry(t.app, writer.token, slug, {
      ...compliant(writerPseud, promptId),
      submit: true,
    });
    const revisions = async () =>
      (await request(t.app).get(`/api/entries/${entry.id}/revisions`).set(asUser(writer.token)))
        .body.revisions as unknown[];
    expect(await revisions()).toHaveLength(1);

    const res = await putEntry(t.app, writer.token, entry.id, {
      ...compliant(writerPseud, promptId),
      header: { title: 'By the Rules', rating: 'Explicit', summary: 'A short one.' },
    });
    expectProblem(res, 422, 'RULES_BROKEN');
    expect(rulesOf(res.body.errors)).toEqual(['allowed_rating', 'required_field']);
    expect(await revisions()).toHaveLength(1);
    const seen = await getEntry(t.app, entry.id, writer.token);
    expect(seen.body).toMatchObject({ status: 'submitted', rating: { raw: 'PG' } });
  });

  it('keeps the same rule-breaking content as a draft and lists its violations for the writer', async () => {
    const { slug } = await strictChallenge();
    const draft = await createEntry(
      t.app,
      writer.token,
      slug,
      story(writerPseud, {
        header: { title: 'Draft Breaking Rules', rating: 'Mature' },
        body: 'Four words, no more.',
      }),
    );
    expect(draft.status).toBe('draft');
    expect(rulesOf(draft.violations ?? [])).toEqual([
      'allowed_rating',
      'custom_field_required',
      'min_words',
      'prompt_required',
      'required_field',
      'required_field',
    ]);
    for (const violation of draft.violations ?? []) {
      expect(violation.message).toMatch(/\S/);
      expect(violation.field).toMatch(/\S/);
    }

    const listed = (await myEntries()).find((e) => e.id === draft.id);
    expect(listed).toMatchObject({
      title: 'Draft Breaking Rules',
      status: 'draft',
      challenge: { slug },
      wordCount: 4,
    });
    expect(rulesOf(listed!.violations)).toEqual(rulesOf(draft.violations ?? []));

    // Fixing the problems and submitting the draft works.
    const fixed = await putEntry(t.app, writer.token, draft.id, {
      ...compliant(writerPseud, (await strictPrompt(slug)).id),
      submit: true,
    });
    expectProblem(fixed, 422, 'RULES_BROKEN');
    expect(rulesOf(fixed.body.errors)).toEqual(['claim_required']);
    await claim(slug, (await strictPrompt(slug)).id);
    const submitted = await saveEntry(t.app, writer.token, draft.id, {
      ...compliant(writerPseud, (await strictPrompt(slug)).id),
      submit: true,
    });
    expect(submitted).toMatchObject({ status: 'submitted', violations: [] });
    expect((await myEntries()).find((e) => e.id === draft.id)?.violations).toEqual([]);
  });

  const strictPrompt = async (slug: string) => {
    const res = await request(t.app).get(`/api/challenges/${slug}/prompts`);
    return (res.body.prompts as { id: number }[])[0]!;
  };

  it('checks a draft against the rules without saving it', async () => {
    const { slug, promptId } = await strictChallenge();
    const before = await myEntries();
    const res = await request(t.app)
      .post(`/api/challenges/${slug}/entries/check`)
      .set(asUser(writer.token))
      .send(
        story(writerPseud, {
          promptId,
          header: { title: 'Checked', rating: 'NC-17', summary: 'S', warnings: ['None'] },
          body: 'Only five words here, friend.',
          custom: { 'song-choice': 'x' },
        }),
      );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as RuleCheckResponse;
    expect(body.wordCount).toBe(5);
    expect(rulesOf(body.violations)).toEqual([
      'allowed_rating',
      'claim_required',
      'lyric_line',
      'min_words',
    ]);
    expect(await myEntries()).toEqual(before);

    const clean = await request(t.app)
      .post(`/api/challenges/${slug}/entries/check`)
      .set(asUser(writer.token))
      .send({ ...compliant(writerPseud, promptId), submit: true });
    expect(clean.status).toBe(200);
    expect(rulesOf((clean.body as RuleCheckResponse).violations)).toEqual(['claim_required']);
    expect(await myEntries()).toEqual(before);
  });

  it('lets a rule pass once an organizer grants an exception, and logs the grant', async () => {
    const { slug, promptId } = await strictChallenge();
    await claim(slug, promptId);
    const entry = await createEntry(t.app, writer.token, slug, {
      ...compliant(writerPseud, promptId, 'Needs more room'),
      submit: true,
    });
    const longer = {
      ...compliant(writerPseud, promptId, 'Needs more room'),
      body: `${GOOD_BODY} ${'More words keep coming here. '.repeat(10)}`,
    };
    const refused = await putEntry(t.app, writer.token, entry.id, longer);
    expectProblem(refused, 422, 'RULES_BROKEN');
    expect(rulesOf(refused.body.errors)).toEqual(['max_words']);

    const grant = (rule: string, token = organizer.token) =>
      request(t.app).post(`/api/entries/${entry.id}/exceptions`).set(asUser(token)).send({ rule });
    expectProblem(await grant('max_words', writer.token), 403, 'NOT_ORGANIZER');
    const unknown = await grant('be_nice');
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(errorPaths(unknown)).toEqual(['rule']);

    const granted = await grant('max_words');
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    const saved = await saveEntry(t.app, writer.token, entry.id, longer);
    expect(saved.status).toBe('submitted');
    expect(saved.wordCount).toBeGreaterThan(40);
    expect(saved.violations).toEqual([]);

    // Other rules still hold for this entry.
    const other = await putEntry(t.app, writer.token, entry.id, {
      ...longer,
      header: { ...longer.header, rating: 'Explicit' },
    });
    expectProblem(other, 422, 'RULES_BROKEN');
    expect(rulesOf(other.body.errors)).toEqual(['allowed_rating']);

    const audit = await request(t.app)
      .get(`/api/challenges/${slug}/audit`)
      .set(asUser(organizer.token));
    expect(audit.status).toBe(200);
    expect(audit.body.events as AuditEvent[]).toContainEqual(
      expect.objectContaining({
        action: 'entry.exception_granted',
        actor: 'Rule Maker',
        detail: expect.objectContaining({ entryId: entry.id, rule: 'max_words' }),
      }),
    );
  });

  it('lets the live check honour an entry’s exception', async () => {
    const { slug, promptId } = await strictChallenge();
    await claim(slug, promptId);
    const entry = await createEntry(t.app, writer.token, slug, {
      ...compliant(writerPseud, promptId, 'Checked with exception'),
      submit: true,
    });
    const granted = await request(t.app)
      .post(`/api/entries/${entry.id}/exceptions`)
      .set(asUser(organizer.token))
      .send({ rule: 'allowed_rating' });
    expect(granted.status).toBe(200);
    const body = {
      ...compliant(writerPseud, promptId),
      header: { ...compliant(writerPseud, promptId).header, rating: 'Explicit' },
    };
    const check = (entryId: number | null) =>
      request(t.app)
        .post(`/api/challenges/${slug}/entries/check`)
        .set(asUser(writer.token))
        .send({ ...body, entryId });
    // As a new entry it would also be the writer's second; as the excepted entry it is fine.
    expect(rulesOf((await check(null)).body.violations)).toEqual([
      'allowed_rating',
      'entries_per_writer',
    ]);
    expect((await check(entry.id)).body.violations).toEqual([]);
  });

  it('does not let the live check borrow another writer’s exception', async () => {
    const { slug, promptId } = await strictChallenge();
    await claim(slug, promptId, rival.token);
    const rivals = await createEntry(t.app, rival.token, slug, {
      ...compliant(rivalPseud, promptId, 'Rival with exception'),
      submit: true,
    });
    const granted = await request(t.app)
      .post(`/api/entries/${rivals.id}/exceptions`)
      .set(asUser(organizer.token))
      .send({ rule: 'allowed_rating' });
    expect(granted.status).toBe(200);

    await claim(slug, promptId);
    const explicit = {
      ...compliant(writerPseud, promptId),
      header: { ...compliant(writerPseud, promptId).header, rating: 'Explicit' },
    };
    const res = await request(t.app)
      .post(`/api/challenges/${slug}/entries/check`)
      .set(asUser(writer.token))
      .send({ ...explicit, entryId: rivals.id });
    // Either the foreign entry id is refused, or it changes nothing.
    if (res.status === 200) {
      expect(rulesOf((res.body as RuleCheckResponse).violations)).toEqual(['allowed_rating']);
    } else {
      expect([403, 404], JSON.stringify(res.body)).toContain(res.status);
    }
  });

  it('lists the writer’s entries across challenges with status and rule problems', async () => {
    const a = await strictChallenge();
    const b = await strictChallenge({ minWords: 100 });
    const draftA = await createEntry(
      t.app,
      writer.token,
      a.slug,
      story(writerPseud, { header: { title: 'Across A' } }),
    );
    const draftB = await createEntry(
      t.app,
      writer.token,
      b.slug,
      story(writerPseud, { header: { title: 'Across B' } }),
    );
    const entries = await myEntries();
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get(draftA.id)).toMatchObject({ status: 'draft', challenge: { slug: a.slug } });
    expect(byId.get(draftB.id)).toMatchObject({ status: 'draft', challenge: { slug: b.slug } });
    expect(rulesOf(byId.get(draftB.id)!.violations)).toEqual(['min_words']);
    expect(byId.get(draftA.id)!.violations.length).toBeGreaterThan(1);
    // Nobody else's entries are listed.
    const rivals = await myEntries(rival.token);
    expect(rivals.map((e) => e.id)).not.toContain(draftA.id);
    expect(rivals.map((e) => e.id)).not.toContain(draftB.id);
  });

  it('shows an organizer the rule problems of a submitted entry, and a reader none', async () => {
    const { slug, promptId } = await strictChallenge();
    await claim(slug, promptId);
    const entry: EntryDetail = await createEntry(t.app, writer.token, slug, {
      ...compliant(writerPseud, promptId, 'Watched'),
      submit: true,
    });
    // The organizers tighten the rules after the entry came in.
    const tightened = await request(t.app)
      .patch(`/api/challenges/${slug}`)
      .set(asUser(organizer.token))
      .send({ rules: { ...STRICT_RULES, minWords: 20 } });
    expect(tightened.status, JSON.stringify(tightened.body)).toBe(200);
    const asOrganizer = await getEntry(t.app, entry.id, organizer.token);
    expect(rulesOf(asOrganizer.body.violations)).toEqual(['min_words']);
    const asWriter = await getEntry(t.app, entry.id, writer.token);
    expect(rulesOf(asWriter.body.violations)).toEqual(['min_words']);
    const asRival = await getEntry(t.app, entry.id, rival.token);
    expect(asRival.body.violations).toBeNull();
  });
});
