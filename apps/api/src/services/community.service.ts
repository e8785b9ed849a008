import { renderMarkdown } from '@ficathon/core';
import { isUniqueViolation, type CommunityRow, type Repositories, type Store } from '@ficathon/db';
import type { CommunityDetail, CommunitySummary, CreateCommunityRequest } from '@ficathon/schema';
import { AppError } from '../http/app-error';
import { isSlugShaped, slugTaken } from './slugs';
import type { Authenticated } from './auth.service';
import type { ChallengeService } from './challenge.service';
import { findPerson } from './people';

/**
 * Communities host a series of challenges ("the second Fic Challenge at <community>"). Their
 * moderators co-organize every challenge the community hosts; the owner manages the moderators.
 */
export class CommunityService {
  constructor(
    private readonly store: Store,
    private readonly challenges: ChallengeService,
    private readonly clock: () => Date,
  ) {}

  async create(auth: Authenticated, input: CreateCommunityRequest): Promise<CommunityDetail> {
    try {
      await this.store.transaction(async (repos) => {
        if (await repos.organizers.findCommunityBySlug(input.slug)) throw slugTaken(input.slug);
        await repos.organizers.insertCommunity({
          ...input,
          owner_id: auth.user.id,
          created_at: this.clock().toISOString(),
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken(input.slug);
      throw error;
    }
    return this.get(input.slug, auth);
  }

  async list(): Promise<CommunitySummary[]> {
    const rows = await this.store.repos.organizers.listCommunities();
    return rows.map((row) => ({
      slug: row.slug,
      name: row.name,
      descriptionHtml: renderMarkdown(row.description),
      challengeCount: row.challenge_count,
    }));
  }

  async get(slug: string, auth: Authenticated | null): Promise<CommunityDetail> {
    const repos = this.store.repos;
    const community = await this.find(repos, slug);
    const moderators = await repos.organizers.listCommunityModerators(community);
    const viewerIsModerator =
      auth !== null && moderators.some((moderator) => moderator.user_id === auth.user.id);
    const challenges = await this.challenges.listByCommunity(community.id, viewerIsModerator);
    return {
      slug: community.slug,
      name: community.name,
      descriptionHtml: renderMarkdown(community.description),
      descriptionMarkdown: community.description,
      challengeCount: challenges.length,
      moderators: moderators.map((m) => ({
        userId: m.user_id,
        name: m.name,
        role: m.is_owner ? 'owner' : 'moderator',
      })),
      viewerIsModerator,
      challenges,
    };
  }

  async addModerator(auth: Authenticated, slug: string, person: string): Promise<CommunityDetail> {
    await this.store.transaction(async (repos) => {
      const community = await this.findAsOwner(repos, slug, auth);
      const user = await findPerson(repos, person, 'person');
      const current = await repos.organizers.listCommunityModerators(community);
      if (current.some((moderator) => moderator.user_id === user.id)) {
        throw AppError.conflict('ALREADY_MODERATOR', 'They already moderate this community.', [
          { path: 'person', message: 'They already moderate this community.' },
        ]);
      }
      await repos.organizers.addCommunityModerator(
        community.id,
        user.id,
        this.clock().toISOString(),
      );
    });
    return this.get(slug, auth);
  }

  async removeModerator(auth: Authenticated, slug: string, userId: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const community = await this.findAsOwner(repos, slug, auth);
      if (userId === community.owner_id) {
        throw AppError.forbidden('CANNOT_REMOVE_OWNER', 'The community’s owner cannot be removed.');
      }
      if (!(await repos.organizers.removeCommunityModerator(community.id, userId))) {
        throw AppError.notFound('They do not moderate this community.');
      }
    });
  }

  private async find(repos: Repositories, slug: string): Promise<CommunityRow> {
    const community = isSlugShaped(slug)
      ? await repos.organizers.findCommunityBySlug(slug)
      : undefined;
    if (!community) throw AppError.notFound('There is no community at this address.');
    return community;
  }

  private async findAsOwner(
    repos: Repositories,
    slug: string,
    auth: Authenticated,
  ): Promise<CommunityRow> {
    const community = await this.find(repos, slug);
    if (community.owner_id !== auth.user.id && auth.user.is_admin !== 1) {
      throw AppError.forbidden(
        'NOT_OWNER',
        'Only the community’s owner can change its moderators.',
      );
    }
    return community;
  }
}
