import {
  CreateChallengeRequestSchema,
  UpdateChallengeRequestSchema,
  type ChallengeDetail,
} from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import {
  CHALLENGE_FIELDS,
  challengeErrorFields,
  challengeFieldForPath,
  challengeValuesFrom,
  createChallengeInput,
  emptyChallengeValues,
  readChallengeForm,
  updateChallengeInput,
} from './challenge-form';
import { encodeCustomField } from './custom-fields';
import { issuesToFieldErrors, problemToFormErrors } from './forms';

const customField = (id: string) => ({ id, label: id, kind: 'text', required: false, options: [] });

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
            { path: 'rules.customFields.1.options', message: 'Give at least two options.' },
            { path: 'rules.customFields', message: 'Each custom field needs its own id.' },
            { path: 'rules.customFields.5.label', message: 'No such field on the form.' },
          ],
        },
        challengeErrorFields({ customFields: [customField('a'), customField('b')] }),
        challengeFieldForPath,
      ),
    ).toEqual({
      closesAt: 'Submissions must close after they open.',
      allowedRatings: 'Unknown rating.',
      slug: 'That address is taken.',
      // Beside the custom field it is about, or the list as a whole.
      'customFields.1': 'Give at least two options.',
      customFields: 'Each custom field needs its own id.',
      // A field the form does not show: the message still reaches the organizer.
      form: 'No such field on the form.',
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

  it('saves the custom fields as listed, with their ids kept', () => {
    const customFields = [
      { id: 'song', label: 'Which song?', kind: 'text' as const, required: true, options: [] },
      {
        id: 'verse',
        label: 'Which verse?',
        kind: 'choice' as const,
        required: false,
        options: ['First', 'Second'],
      },
    ];
    const input = updateChallengeInput({ ...emptyChallengeValues(), title: 'T', customFields });
    expect(UpdateChallengeRequestSchema.parse(input).rules?.customFields).toEqual(customFields);
  });

  it('reads the custom fields back from their hidden inputs, and the new row', () => {
    const field = {
      id: 'verse',
      label: 'Which verse?',
      kind: 'choice',
      required: true,
      options: ['First', 'Second'],
    };
    const values = readChallengeForm(
      formData([
        ['customField', encodeCustomField(field)],
        ['customField', 'not json'],
        ['newFieldLabel', 'Is it new?'],
        ['newFieldKind', 'checkbox'],
        ['newFieldRequired', 'on'],
      ]),
    );
    expect(values.customFields).toEqual([field]);
    expect(values.newField).toEqual({
      label: 'Is it new?',
      kind: 'checkbox',
      required: true,
      options: '',
    });
  });

  it('hosts the challenge in a community when one is named, else in none', () => {
    const base = { ...emptyChallengeValues(), slug: 'abc', title: 'A' };
    expect(CreateChallengeRequestSchema.parse(createChallengeInput(base)).communitySlug).toBeNull();
    expect(
      CreateChallengeRequestSchema.parse(
        createChallengeInput({ ...base, communitySlug: ' lyric-circle ' }),
      ).communitySlug,
    ).toBe('lyric-circle');
  });
});
