import { error, type RequestEvent } from '@sveltejs/kit';
import {
  CHALLENGE_LIMITS,
  CUSTOM_FIELD_LIMITS,
  RatingSchema,
  RequirableFieldSchema,
  type ChallengeDetail,
} from '@ficathon/schema';
import type { ChallengeFormOptions } from '$lib/challenge-form';
import { ratingLabel } from '$lib/format';
import { REQUIRABLE_FIELD_LABELS } from '$lib/rules-text';
import { timeZoneOptions } from '$lib/time-zones';
import { api } from './api';
import { throwAsPageError } from './errors';
import { signInFirst, signInIfSessionEnded } from './form-actions';

type Event = Pick<RequestEvent, 'cookies' | 'getClientAddress' | 'locals' | 'url'> & {
  params: { slug: string };
};

/**
 * The challenge behind an organizer page. Visitors are sent to sign in first; readers get a 403
 * page (a draft is a 404 to them, as the API hides it).
 */
export async function loadManagedChallenge(event: Event): Promise<ChallengeDetail> {
  if (!event.locals.user) signInFirst(event);
  let challenge: ChallengeDetail;
  try {
    challenge = await api(event).getChallenge(event.params.slug);
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
  if (challenge.viewerRole === null) {
    error(403, 'Only the organizers of this challenge can manage it.');
  }
  return challenge;
}

/**
 * What the challenge form offers, passed as page data: importing schema values in a component
 * would ship zod to the browser.
 */
export function challengeFormOptions(extraZones: readonly string[] = []): ChallengeFormOptions {
  return {
    timeZones: timeZoneOptions(new Date(), extraZones),
    ratings: RatingSchema.options.map((value) => ({
      value,
      label: ratingLabel({ raw: null, normalized: value }),
    })),
    requirableFields: RequirableFieldSchema.options.map((value) => ({
      value,
      label: REQUIRABLE_FIELD_LABELS[value],
    })),
    limits: {
      slugMax: CHALLENGE_LIMITS.slugMax,
      titleMax: CHALLENGE_LIMITS.titleMax,
      descriptionMax: CHALLENGE_LIMITS.descriptionMax,
      customFieldsMax: CUSTOM_FIELD_LIMITS.perChallenge,
      customFieldLabelMax: CUSTOM_FIELD_LIMITS.labelMax,
    },
  };
}
