import type { PseudRow, Repositories, UserRow } from '@ficathon/db';

export interface NewAccount {
  email: string;
  displayName: string;
  passwordHash: string;
  createdAt: string;
}

/**
 * Inserts a user and their default pseud (the display name): every account has one, because
 * entries are posted under a pseud. Call it inside a transaction.
 */
export async function insertAccount(
  repos: Repositories,
  account: NewAccount,
): Promise<{ user: UserRow; pseud: PseudRow }> {
  const user = await repos.users.insert({
    email: account.email,
    display_name: account.displayName,
    password_hash: account.passwordHash,
    created_at: account.createdAt,
  });
  const pseud = await repos.pseuds.insert({
    user_id: user.id,
    name: account.displayName,
    name_key: account.displayName.toLowerCase(),
    is_default: 1,
    created_at: account.createdAt,
  });
  return { user, pseud };
}
