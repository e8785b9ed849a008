import { api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  try {
    return { challenges: await api(event).listChallenges() };
  } catch (e) {
    throwAsPageError(e);
  }
};
