import type { Repositories, UserRow } from '@ficathon/db';
import { AppError } from '../http/app-error';

/**
 * Finds the account an organizer names by email or by pseud. A pseud shared by several people is
 * ambiguous (pseuds are unique per account only), so the organizer is asked for the email.
 */
export async function findPerson(
  repos: Repositories,
  person: string,
  field: string,
): Promise<UserRow> {
  const notFound = () =>
    AppError.badRequest('PERSON_NOT_FOUND', `Nobody here has the pseud or email “${person}”.`, [
      { path: field, message: `Nobody here has the pseud or email “${person}”.` },
    ]);
  if (person.includes('@')) {
    const user = await repos.users.findByEmail(person.trim().toLowerCase());
    if (!user) throw notFound();
    return user;
  }
  const pseuds = await repos.pseuds.listByNameKey(person.trim().toLowerCase());
  const userIds = [...new Set(pseuds.map((p) => p.user_id))];
  if (userIds.length === 0) throw notFound();
  if (userIds.length > 1) {
    throw AppError.conflict(
      'AMBIGUOUS_PSEUD',
      `Several people write as “${person}”; use their email.`,
      [{ path: field, message: `Several people write as “${person}”; use their email.` }],
    );
  }
  const user = await repos.users.findById(userIds[0]!);
  if (!user) throw notFound();
  return user;
}
