import { api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  try {
    return { communities: await api(event).listCommunities() };
  } catch (e) {
    throwAsPageError(e);
  }
};
