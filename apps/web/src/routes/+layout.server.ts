import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
  // Only what the header needs: every page's data is serialized into its HTML.
  return { user: locals.user ? { displayName: locals.user.displayName } : null };
};
