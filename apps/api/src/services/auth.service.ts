import type { LoginRequest, SignupRequest } from '@ficathon/schema';
import {
  isUniqueViolation,
  type Repositories,
  type SessionRow,
  type Store,
  type UserRow,
} from '@ficathon/db';
import { AppError } from '../http/app-error';
import { insertAccount } from './insert-account';
import type { PasswordHasher } from './password-hasher';
import { generateSessionToken, sessionIdOf } from './session-token';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sessions last 30 days and are renewed when used in their last 15 (Lucia's sliding window). */
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;

export interface Authenticated {
  user: UserRow;
  session: SessionRow;
  /** The session's expiry moved forward on this request (the cookie must be sent again). */
  renewed?: boolean;
}

export interface IssuedSession {
  token: string;
  expiresAt: string;
  user: UserRow;
}

const EMAIL_TAKEN = () =>
  AppError.conflict('EMAIL_TAKEN', 'An account with this email address already exists.', [
    {
      path: 'email',
      message: 'An account with this email address already exists. Sign in instead?',
    },
  ]);

// One message for an unknown email and a wrong password, so the answer does not reveal who has an
// account.
const INVALID_CREDENTIALS = () =>
  new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is incorrect.');

export class AuthService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly store: Store,
    private readonly passwords: PasswordHasher,
    private readonly clock: () => Date,
  ) {}

  /** Creates the account and its default pseud (the display name), and signs the user in. */
  signup(input: SignupRequest): Promise<IssuedSession> {
    return this.createAccount(input, (repos, user) => this.issueSession(repos.sessions, user));
  }

  /**
   * Creates an account, then runs `then` in the same transaction (signing in, for a sign-up).
   * The email is checked first for a quick answer; the unique index settles races.
   */
  async createAccount<T>(
    input: SignupRequest,
    then: (repos: Repositories, user: UserRow) => Promise<T>,
  ): Promise<T> {
    if (await this.store.repos.users.findByEmail(input.email)) throw EMAIL_TAKEN();
    const passwordHash = await this.passwords.hash(input.password);
    const createdAt = this.clock().toISOString();
    try {
      return await this.store.transaction(async (repos) => {
        const { user } = await insertAccount(repos, {
          email: input.email,
          displayName: input.displayName,
          passwordHash,
          createdAt,
        });
        return then(repos, user);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw EMAIL_TAKEN();
      throw error;
    }
  }

  /** Checks the password and starts a new session (a new token at every login). */
  async login(input: LoginRequest): Promise<IssuedSession> {
    const user = await this.store.repos.users.findByEmail(input.email);
    if (!user) {
      // Spend the same time as a real check so response times do not reveal unknown emails.
      await this.passwords.verify(await this.getDummyHash(), input.password);
      throw INVALID_CREDENTIALS();
    }
    if (!(await this.passwords.verify(user.password_hash, input.password))) {
      throw INVALID_CREDENTIALS();
    }
    return this.issueSession(this.store.repos.sessions, user);
  }

  async logout(sessionId: string): Promise<void> {
    await this.store.repos.sessions.delete(sessionId);
  }

  /**
   * The user a session token belongs to, or null for an unknown or expired token. A session used
   * in the last half of its life is extended, so active users stay signed in.
   */
  async authenticate(token: string): Promise<Authenticated | null> {
    const sessions = this.store.repos.sessions;
    const found = await sessions.findWithUser(sessionIdOf(token));
    if (!found) return null;
    const now = this.clock().getTime();
    const expiresAt = Date.parse(found.session.expires_at);
    if (expiresAt <= now) {
      await sessions.delete(found.session.id);
      return null;
    }
    if (expiresAt - now < SESSION_RENEW_WITHIN_MS) {
      const renewed = new Date(now + SESSION_LIFETIME_MS).toISOString();
      await sessions.setExpiry(found.session.id, renewed);
      return { ...found, session: { ...found.session, expires_at: renewed }, renewed: true };
    }
    return found;
  }

  private async issueSession(
    sessions: Repositories['sessions'],
    user: UserRow,
  ): Promise<IssuedSession> {
    const token = generateSessionToken();
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
    await sessions.insert({
      id: sessionIdOf(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    });
    return { token, expiresAt, user };
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= this.passwords.hash('not-a-real-password');
    return this.dummyHash;
  }
}
