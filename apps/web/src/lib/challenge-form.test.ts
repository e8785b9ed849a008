import {
  CreateChallengeRequestSchema,
  UpdateChallengeRequestSchema,
  type ChallengeDetail,
} from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import {
  CHALLENGE_FIELDS,
  challengeFieldForPath,
  challengeValuesFrom,
  createChallengeInput,
  emptyChallengeValues,
  readChallengeForm,
  updateChallengeInput,
} from './challenge-form';
import { issuesToFieldErrors, problemToFormErrors } from './forms';

function formData(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('the challenge form', () => {
  it('turns the flat form into the nested request the API validates', () => {
    const values = readChallengeForm(
      formData([
        ['slug', 'Lyric-Fest'],
        ['title', 'Lyric fest'],
        ['description', '*Write*'],
        ['timeZone', 'America/New_York'],
        ['opensAt', '2026-12-01T00:00'],
        ['closesAt', '2026-12-20T23:59'],
        ['graceMinutes', '15'],
        ['votingOpensAt', ''],
        ['votingClosesAt', ''],
        ['minWords', '100'],
        ['maxWords', ''],
        ['allowedRatings', 'general'],
        ['allowedRatings', 'teen'],
        ['entriesPerWriter', '1'],
        ['entriesPerPrompt', ''],
        ['claimExpiryDays', '7'],
        ['promptRequired', 'on'],
        ['anonymous', 'on'],
      ]),
    );
    const parsed = CreateChallengeRequestSchema.parse(createChallengeInput(values));
    expect(parsed).toMatchObject({
      slug: 'lyric-fest',
      title: 'Lyric fest',
      anonymous: true,
      moderated: false,
      // An unticked checkbox is not submitted at all: it means "no".
      organizersSeeAuthors: false,
      claimExpiryDays: 7,
      rules: {
        minWords: 100,
        maxWords: null,
        allowedRatings: ['general', 'teen'],
        entriesPerWriter: 1,
        entriesPerPrompt: null,
        promptRequired: true,
        claimRequired: false,
      },
      schedule: {
        timeZone: 'America/New_York',
        opensAt: '2026-12-01T00:00',
        closesAt: '2026-12-20T23:59',
        graceMinutes: 15,
        votingOpensAt: null,
        votingClosesAt: null,
      },
    });
  });

  it('allows every rating when no box is ticked', () => {
    const input = createChallengeInput({ ...emptyChallengeValues(), slug: 'abc', title: 'A' });
    expect(CreateChallengeRequestSchema.parse(input).rules.allowedRatings).toBeNull();
  });

  it('puts validation errors next to the inputs they are about', () => {
    const values = {
      ...emptyChallengeValues(),
      slug: 'ok-slug',
      title: 'A title',
      minWords: 'ten',
      maxWords: '-5',
      graceMinutes: '1.5',
    };
    const parsed = CreateChallengeRequestSchema.safeParse(createChallengeInput(values));
    expect(parsed.success).toBe(false);
    const errors = issuesToFieldErrors(
      parsed.error?.issues ?? [],
      CHALLENGE_FIELDS,
      challengeFieldForPath,
    );
    expect(errors).toEqual({
      minWords: 'The minimum word count must be a whole number.',
      maxWords: 'The maximum word count cannot be negative.',
      graceMinutes: expect.stringMatching(/whole number|number/),
    });
  });

  it('maps the API’s dotted paths to the form’s fields', () => {
    expect(
      problemToFormErrors(
        {
          detail: 'Check these fields.',
          errors: [
            { path: 'schedule.closesAt', message: 'Submissions must close after they open.' },
            { path: 'rules.allowedRatings.0', message: 'Unknown rating.' },
            { path: 'slug', message: 'That address is taken.' },
            { path: 'rules.customFields.0.label', message: 'Give the field a label.' },
          ],
        },
        CHALLENGE_FIELDS,
        challengeFieldForPath,
      ),
    ).toEqual({
      closesAt: 'Submissions must close after they open.',
      allowedRatings: 'Unknown rating.',
      slug: 'That address is taken.',
      // Custom fields are not on this form: the message still reaches the organizer.
      form: 'Give the field a label.',
    });
  });

  it('shows stored deadlines as the wall-clock time of the challenge’s zone', () => {
    const challenge = {
      slug: 'fest',
      title: 'Fest',
      descriptionMarkdown: '# Hi',
      anonymous: false,
      moderated: true,
      organizersSeeAuthors: true,
      claimExpiryDays: null,
      rules: {
        minWords: null,
        maxWords: 2000,
        allowedRatings: null,
        requiredFields: ['summary'],
        entriesPerWriter: null,
        entriesPerPrompt: 1,
        promptRequired: false,
        claimRequired: false,
        lyricLineRequired: true,
        customFields: [],
      },
      schedule: {
        timeZone: 'America/New_York',
        announcedAt: null,
        // 23:59 in New York in winter (UTC-5) and in summer (UTC-4).
        opensAt: '2026-07-01T03:59:00.000Z',
        closesAt: '2026-12-21T04:59:00.000Z',
        votingOpensAt: null,
        votingClosesAt: null,
        resultsPublishedAt: null,
        archivedAt: null,
        graceMinutes: 0,
      },
    } as unknown as ChallengeDetail;
    expect(challengeValuesFrom(challenge)).toMatchObject({
      opensAt: '2026-06-30T23:59',
      closesAt: '2026-12-20T23:59',
      votingOpensAt: '',
      graceMinutes: '0',
      maxWords: '2000',
      minWords: '',
      entriesPerPrompt: '1',
      allowedRatings: [],
      requiredFields: ['summary'],
      moderated: true,
      lyricLineRequired: true,
      description: '# Hi',
    });
  });

  it('keeps custom fields it does not edit when saving the rules', () => {
    const customFields = [
      { id: 'song', label: 'Which song?', kind: 'text' as const, required: true, options: [] },
    ];
    const input = updateChallengeInput({ ...emptyChallengeValues(), title: 'T' }, customFields);
    expect(UpdateChallengeRequestSchema.parse(input).rules?.customFields).toEqual(customFields);
  });
});
