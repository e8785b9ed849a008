import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Flag, Timestamp } from './user.table';

export interface ChallengeTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** Markdown as the organizer wrote it; rendered only through the sanitizing renderer. */
  description: string;
  owner_id: number;
  /** The pseud the organizer runs the challenge as. */
  organizer_pseud_id: number;
  time_zone: string;
  anonymous: ColumnType<Flag, Flag | undefined, Flag>;
  moderated: ColumnType<Flag, Flag | undefined, Flag>;
  announced_at: Timestamp | null;
  opens_at: Timestamp | null;
  closes_at: Timestamp | null;
  voting_opens_at: Timestamp | null;
  voting_closes_at: Timestamp | null;
  results_published_at: Timestamp | null;
  archived_at: Timestamp | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
  /** The community hosting the challenge; null for a stand-alone challenge. */
  community_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** ChallengeRules as JSON (packages/schema rules.schema.ts). */
  rules_json: ColumnType<string, string | undefined, string>;
  grace_minutes: ColumnType<number, number | undefined, number>;
  /** Whether organizers see the authors of an anonymous challenge before the reveal. */
  organizers_see_authors: ColumnType<Flag, Flag | undefined, Flag>;
  /** Claims with no entry lapse after this many days; null = never. */
  claim_expiry_days: ColumnType<number | null, number | null | undefined, number | null>;
  /** Published seed of the prompt draw, once drawn. */
  draw_seed: ColumnType<string | null, string | null | undefined, string | null>;
  /** VotingConfig as JSON (packages/schema voting.schema.ts). */
  voting_json: ColumnType<string, string | undefined, string>;
}
export type ChallengeRow = Selectable<ChallengeTable>;
export type NewChallengeRow = Insertable<ChallengeTable>;

export interface PromptTable {
  id: Generated<number>;
  challenge_id: number;
  position: number;
  kind: 'lyrics' | 'quote' | 'text' | 'image';
  title: string;
  /** Artist of a song, source of a quote. */
  credit: string | null;
  /** Lyric excerpt or quote, line breaks kept. */
  body: string;
  link: string | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  /** How many writers may claim it at once; null = no limit. */
  max_claims: ColumnType<number | null, number | null | undefined, number | null>;
  /** Alt text of an image prompt (its URL is `link`). */
  image_alt: ColumnType<string | null, string | null | undefined, string | null>;
}
export type PromptRow = Selectable<PromptTable>;
export type NewPromptRow = Insertable<PromptTable>;
export type PromptRowUpdate = Updateable<PromptTable>;
export type ChallengeRowUpdate = Updateable<ChallengeTable>;

export interface ChallengeOrganizerTable {
  challenge_id: number;
  user_id: number;
  created_at: Timestamp;
}

export interface PromptClaimTable {
  id: Generated<number>;
  prompt_id: number;
  challenge_id: number;
  user_id: number;
  claimed_at: Timestamp;
  expires_at: Timestamp | null;
  released_at: Timestamp | null;
}
export type PromptClaimRow = Selectable<PromptClaimTable>;

export interface PromptDrawSignupTable {
  challenge_id: number;
  user_id: number;
  created_at: Timestamp;
}

/** A later deadline for one writer. */
export interface DeadlineExtensionTable {
  challenge_id: number;
  user_id: number;
  until: Timestamp;
  granted_by: number;
  created_at: Timestamp;
}
export type DeadlineExtensionRow = Selectable<DeadlineExtensionTable>;

/** Every organizer act, shown on the dashboard. Append-only. */
export interface AuditLogTable {
  id: Generated<number>;
  challenge_id: number;
  actor_id: number | null;
  action: string;
  detail_json: ColumnType<string, string | undefined, never>;
  created_at: Timestamp;
}
export type AuditLogRow = Selectable<AuditLogTable>;

export interface CommunityTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  owner_id: number;
  created_at: Timestamp;
}
export type CommunityRow = Selectable<CommunityTable>;

export interface CommunityModeratorTable {
  community_id: number;
  user_id: number;
  created_at: Timestamp;
}
