import { AppError } from '../http/app-error';

// Slugs are made by SlugSchema (lower-case letters, digits, single dashes). A path segment of any
// other shape names nothing, so it is answered without asking the database.
const SLUG_SHAPE = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function isSlugShaped(slug: string): boolean {
  return SLUG_SHAPE.test(slug);
}

/** 409 for an address (challenge or community) that is already in use. */
export function slugTaken(slug: string): AppError {
  const message = `The address “${slug}” is taken; choose another.`;
  return AppError.conflict('SLUG_TAKEN', message, [{ path: 'slug', message }]);
}
