import { PSEUD_LIMITS, type CreatePseudRequest } from '@ficathon/schema';
import { isUniqueViolation, type PseudRow, type Store } from '@ficathon/db';
import { AppError } from '../http/app-error';

const PSEUD_TAKEN = (name: string) =>
  AppError.conflict('PSEUD_TAKEN', `You already have a pseud called “${name}”.`, [
    { path: 'name', message: `You already have a pseud called “${name}”.` },
  ]);

export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
  ) {}

  listPseuds(userId: number): Promise<PseudRow[]> {
    return this.store.repos.pseuds.listByUser(userId);
  }

  /** Adds a pseud; names are unique per user, ignoring case. */
  async createPseud(userId: number, input: CreatePseudRequest): Promise<PseudRow> {
    try {
      return await this.store.transaction(async (repos) => {
        if ((await repos.pseuds.countByUser(userId)) >= PSEUD_LIMITS.perUser) {
          throw AppError.conflict(
            'PSEUD_LIMIT_REACHED',
            `You can have at most ${PSEUD_LIMITS.perUser} pseuds.`,
          );
        }
        return repos.pseuds.insert({
          user_id: userId,
          name: input.name,
          name_key: input.name.toLowerCase(),
          created_at: this.clock().toISOString(),
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw PSEUD_TAKEN(input.name);
      throw error;
    }
  }
}
