import { error } from '@sveltejs/kit';
import { api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import { shelfNamed } from '$lib/shelves';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const raw = event.url.searchParams.get('shelf');
  const shelf = raw === null || raw === '' ? null : shelfNamed(raw);
  if (shelf === undefined) {
    error(404, 'There is no such shelf. Choose one of the shelves on the challenges page.');
  }
  try {
    const list = await api(event).browseChallenges(shelf?.shelf ?? null);
    return { shelf: shelf?.shelf ?? null, challenges: list.challenges, shelves: list.shelves };
  } catch (e) {
    throwAsPageError(e);
  }
};
