import type { CurrentUser, Pseud } from '@ficathon/schema';
import type { PseudRow, UserRow } from '@ficathon/db';

/** The signed-in user's view of themselves: the only serializer that includes an email. */
export function serializeCurrentUser(user: UserRow): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    isAdmin: user.is_admin === 1,
    createdAt: user.created_at,
  };
}

export function serializePseud(pseud: PseudRow): Pseud {
  return {
    id: pseud.id,
    name: pseud.name,
    isDefault: pseud.is_default === 1,
    createdAt: pseud.created_at,
  };
}
