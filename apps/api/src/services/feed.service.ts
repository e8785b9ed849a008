import { challengePhase, isChallengeListed, publicEntryStatuses, tagKey } from '@ficathon/core';
import type { Store, StoredRating } from '@ficathon/db';
import type { Authenticated } from './auth.service';
import { Feed } from 'feed';
import { authorVisibleTo, scheduleOf } from '../serializers/challenge.serializer';
import { headerOf } from '../serializers/stored-header';
import type { ChallengeAccess } from './challenge-access';

const FEED_SIZE = 50;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Atom feeds: the public visitor's view (moderation and anonymity as for any visitor, and only an
 * entry's header and summary: the story may be behind the adult-content gate, so it is never in a
 * feed). A signed-in reader's fetch also leaves out what their content filters hide.
 */
export class FeedService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly clock: () => Date,
    private readonly origin: string,
  ) {}

  /** Challenges as they are announced, newest first. */
  async challengesFeed(): Promise<string> {
    const now = this.clock();
    const challenges = (await this.store.repos.challenges.listWithOrganizer())
      .filter((c) => isChallengeListed(challengePhase(scheduleOf(c), now)))
      .slice(0, FEED_SIZE);
    const feed = this.feed(
      'challenges',
      'New challenges on Ficathon',
      `${this.origin}/`,
      `${this.origin}/api/feeds/challenges.atom`,
    );
    for (const challenge of challenges) {
      feed.addItem({
        id: `${this.origin}/challenges/${challenge.slug}`,
        title: challenge.title,
        link: `${this.origin}/challenges/${challenge.slug}`,
        date: new Date(challenge.announced_at ?? challenge.created_at),
        author: [{ name: challenge.organizer_name }],
        description: challenge.description.slice(0, 500),
      });
    }
    return feed.atom1();
  }

  /** A challenge's entries as they become public, newest first. */
  async entriesFeed(slug: string, auth: Authenticated | null): Promise<string> {
    const context = await this.access.load(slug, null);
    const { challenge, phase } = context;
    // A signed-in reader's own fetch leaves out what they hide everywhere; everything else in a
    // feed (authors, moderation) stays the public view, whoever asks.
    const prefs = auth ? await this.store.repos.preferences.get(auth.user.id) : null;
    const entries = await this.store.repos.browse.page(
      {
        challengeId: challenge.id,
        statuses: publicEntryStatuses(challenge.moderated === 1),
        hiddenRatings: (prefs?.hiddenRatings ?? []) as StoredRating[],
        hiddenWarnings: (prefs?.hiddenWarnings ?? []).map(tagKey),
        hiddenTags: (prefs?.hiddenTags ?? []).map(tagKey),
      },
      'newest',
      null,
      FEED_SIZE,
    );
    const page = `${this.origin}/challenges/${challenge.slug}`;
    const feed = this.feed(
      `challenge-${challenge.slug}`,
      `New entries: ${challenge.title}`,
      page,
      `${this.origin}/api/challenges/${challenge.slug}/feed.atom`,
    );
    for (const entry of entries) {
      const header = headerOf(entry);
      const author = authorVisibleTo(challenge, phase, { userId: null, role: null }, entry.user_id)
        ? entry.pseud_name
        : 'Anonymous';
      const rows: [string, string | undefined][] = [
        ['By', author],
        ['Rating', entry.rating_raw ?? 'Not rated'],
        ['Warnings', header.warningsNone ? 'No warnings apply' : header.warnings?.join(', ')],
        ['Fandoms', header.fandoms?.join(', ')],
        ['Pairings', header.pairings?.join(', ')],
        ['Words', entry.word_count.toLocaleString('en')],
        ['Summary', header.summary],
      ];
      feed.addItem({
        id: `${this.origin}/entries/${entry.id}`,
        title: entry.title,
        link: `${this.origin}/entries/${entry.id}`,
        date: new Date(entry.submitted_at ?? entry.created_at),
        author: [{ name: author }],
        description: header.summary ?? '',
        content: rows
          .filter((row): row is [string, string] => Boolean(row[1]))
          .map(([label, value]) => `<p><strong>${escape(label)}:</strong> ${escape(value)}</p>`)
          .join(''),
      });
    }
    return feed.atom1();
  }

  /** The results of a challenge, once published. */
  async resultsFeed(slug: string): Promise<string> {
    const { challenge } = await this.access.load(slug, null);
    const page = `${this.origin}/challenges/${challenge.slug}`;
    const feed = this.feed(
      `results-${challenge.slug}`,
      `Results: ${challenge.title}`,
      page,
      `${this.origin}/api/challenges/${challenge.slug}/results.atom`,
    );
    if (challenge.results_published_at !== null) {
      feed.addItem({
        id: `${page}/results`,
        title: `Results of ${challenge.title}`,
        link: `${page}/results`,
        date: new Date(challenge.results_published_at),
        description: `The results of ${challenge.title} are published.`,
      });
    }
    return feed.atom1();
  }

  private feed(id: string, title: string, link: string, self: string): Feed {
    return new Feed({
      id: `${this.origin}/feeds/${id}`,
      title,
      link,
      updated: this.clock(),
      generator: 'Ficathon',
      feedLinks: { atom: self },
      copyright: 'Each work belongs to its writer.',
    });
  }
}
