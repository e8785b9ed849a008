import type { UserPreferenceRow } from '../tables/entry.table';
import type { Executor } from './executor';

export interface StoredPreferences {
  skipAdultGate: boolean;
  hiddenRatings: string[];
  hiddenWarnings: string[];
  hiddenTags: string[];
}

const DEFAULTS: StoredPreferences = {
  skipAdultGate: false,
  hiddenRatings: [],
  hiddenWarnings: [],
  hiddenTags: [],
};

/** A reader's account preferences: the adult-content gate and content filters. */
export class PreferenceRepository {
  constructor(private readonly db: Executor) {}

  async get(userId: number): Promise<StoredPreferences> {
    const row = await this.db
      .selectFrom('user_preference')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? fromRow(row) : { ...DEFAULTS };
  }

  async save(userId: number, prefs: StoredPreferences, now: string): Promise<void> {
    const values = {
      skip_adult_gate: prefs.skipAdultGate ? (1 as const) : (0 as const),
      hidden_ratings_json: JSON.stringify(prefs.hiddenRatings),
      hidden_warnings_json: JSON.stringify(prefs.hiddenWarnings),
      hidden_tags_json: JSON.stringify(prefs.hiddenTags),
      updated_at: now,
    };
    await this.db
      .insertInto('user_preference')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
  }
}

function fromRow(row: UserPreferenceRow): StoredPreferences {
  return {
    skipAdultGate: row.skip_adult_gate === 1,
    hiddenRatings: JSON.parse(row.hidden_ratings_json) as string[],
    hiddenWarnings: JSON.parse(row.hidden_warnings_json) as string[],
    hiddenTags: JSON.parse(row.hidden_tags_json) as string[],
  };
}
