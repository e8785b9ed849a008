import { api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  try {
    return { challenge: await api(event).getChallenge(event.params.slug) };
  } catch (e) {
    throwAsPageError(e);
  }
};
