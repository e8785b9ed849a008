import { api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  try {
    // A 404 before publication: the page says no more than the API does.
    const [results, challenge] = await Promise.all([
      client.results(event.params.slug),
      client.getChallenge(event.params.slug),
    ]);
    return { results, timeZone: challenge.schedule.timeZone, origin: event.url.origin };
  } catch (e) {
    throwAsPageError(e);
  }
};
