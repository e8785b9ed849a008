import request from 'supertest';
import { xml2js, type Element } from 'xml-js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addPseud,
  asUser,
  createEntry,
  defaultPseudId,
  organizeChallenge,
  story,
} from './support/entries';
import { bearer, sessionCookie, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

/** Words only the stories hold: a feed carries headers and summaries, never the text. */
const STORY_WORD = 'Zanzibarquill';
const MASKED_STORY_WORD = 'Quixotrellis';

const childrenNamed = (el: Element, name: string) =>
  (el.elements ?? []).filter((child) => child.name === name);
const textOf = (el: Element | undefined): string =>
  (el?.elements ?? []).map((child) => child.text ?? child.cdata ?? textOf(child)).join('');

/** The feed element of an Atom document, after checking what RFC 4287 requires of it. */
function atomFeed(xml: string): Element {
  const doc = xml2js(xml) as Element;
  const feeds = (doc.elements ?? []).filter((e) => e.name === 'feed');
  expect(feeds).toHaveLength(1);
  const feed = feeds[0]!;
  expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
  for (const name of ['id', 'title', 'updated']) expect(childrenNamed(feed, name)).toHaveLength(1);
  expect(Number.isNaN(Date.parse(textOf(childrenNamed(feed, 'updated')[0])))).toBe(false);
  const ids = new Set<string>();
  for (const entry of childrenNamed(feed, 'entry')) {
    for (const name of ['id', 'title', 'updated']) {
      expect(childrenNamed(entry, name), name).toHaveLength(1);
    }
    expect(childrenNamed(entry, 'link').length).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(textOf(childrenNamed(entry, 'updated')[0])))).toBe(false);
    const id = textOf(childrenNamed(entry, 'id')[0]);
    expect(ids.has(id), `entry id ${id} twice`).toBe(false);
    ids.add(id);
    // Without a feed-level author, every entry needs one (RFC 4287 4.1.1).
    if (childrenNamed(feed, 'author').length === 0) {
      expect(childrenNamed(entry, 'author').length).toBeGreaterThan(0);
    }
  }
  return feed;
}

const entryTitles = (feed: Element) =>
  childrenNamed(feed, 'entry')
    .map((entry) => textOf(childrenNamed(entry, 'title')[0]))
    .sort();

/** Every text node and attribute value in the document. */
function valuesIn(el: Element, found: string[] = []): string[] {
  if (el.text !== undefined) found.push(String(el.text));
  if (el.cdata !== undefined) found.push(el.cdata);
  for (const value of Object.values(el.attributes ?? {})) found.push(String(value));
  for (const child of el.elements ?? []) valuesIn(child, found);
  return found;
}

describe.each(testDatabaseKinds())('entry feeds of API-made entries on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let masked: SignedUp;
  let careful: SignedUp;
  const feedOf = async (slug: string, headers: Record<string, string> = {}) => {
    const res = await request(t.app).get(`/api/challenges/${slug}/feed.atom`).set(headers);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    return { xml: res.text, feed: atomFeed(res.text) };
  };

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Feed Reader Organizer' });
    writer = await signUp(t.app, { displayName: 'Open Penname' });
    masked = await signUp(t.app, {
      displayName: 'Masked Penname',
      email: `masked.penname.${kind}@example.org`,
    });
    careful = await signUp(t.app, { displayName: 'Careful Feed Reader' });
    const pseudId = await defaultPseudId(t.app, writer.token);
    const maskedPseud = await defaultPseudId(t.app, masked.token);
    const secondMask = await addPseud(t.app, masked.token, 'Second Mask');

    await organizeChallenge(t.app, organizer.token, 'feed-reader-open');
    await organizeChallenge(t.app, organizer.token, 'feed-reader-masked', { anonymous: true });
    await organizeChallenge(t.app, organizer.token, 'feed-reader-moderated', { moderated: true });

    const post = (
      token: string,
      pseud: number,
      slug: string,
      header: Record<string, unknown>,
      submit = true,
      body = `The ${STORY_WORD} sang at dawn.`,
    ) =>
      createEntry(
        t.app,
        token,
        slug,
        story(pseud, { header: { title: 'x', ...header }, body, submit }),
      );

    await post(writer.token, pseudId, 'feed-reader-open', {
      title: 'Sea Storm',
      summary: 'A storm <em>at</em> sea & a lighthouse.',
      rating: 'PG-13',
    });
    await post(writer.token, pseudId, 'feed-reader-open', {
      title: 'Blood Moon',
      rating: 'NC-17',
      warnings: ['Violence'],
      fandoms: ['Pokémon'],
    });
    await post(writer.token, pseudId, 'feed-reader-open', { title: 'Unsent Draft' }, false);
    const withdrawn = await post(writer.token, pseudId, 'feed-reader-open', {
      title: 'Taken Back Entry',
    });
    await request(t.app)
      .post(`/api/entries/${withdrawn.id}/withdraw`)
      .set(bearer(writer.token))
      .expect(200);

    const maskedBody = `A ${MASKED_STORY_WORD} by Masked Penname, signed.`;
    await post(
      masked.token,
      maskedPseud,
      'feed-reader-masked',
      { title: 'Behind the Mask', summary: 'Who wrote this?' },
      true,
      maskedBody,
    );
    await post(
      masked.token,
      secondMask,
      'feed-reader-masked',
      { title: 'Second Face', rating: 'Mature', warnings: ['Violence'] },
      true,
      maskedBody,
    );

    const approved = await post(writer.token, pseudId, 'feed-reader-moderated', {
      title: 'Approved Story',
    });
    await request(t.app)
      .post(`/api/entries/${approved.id}/moderation`)
      .set(bearer(organizer.token))
      .send({ action: 'approve' })
      .expect(200);
    await post(writer.token, pseudId, 'feed-reader-moderated', { title: 'Pending Story' });
    const rejected = await post(writer.token, pseudId, 'feed-reader-moderated', {
      title: 'Rejected Story',
    });
    await request(t.app)
      .post(`/api/entries/${rejected.id}/moderation`)
      .set(bearer(organizer.token))
      .send({ action: 'reject', reason: 'Off theme.' })
      .expect(200);

    await request(t.app)
      .put('/api/me/preferences')
      .set(bearer(careful.token))
      .send({ hiddenRatings: ['explicit'], hiddenWarnings: ['violence'], hiddenTags: ['pokemon'] })
      .expect(200);
  });

  it('lists only public entries: no draft, no withdrawn entry', async () => {
    const { feed } = await feedOf('feed-reader-open');
    expect(entryTitles(feed)).toEqual(['Blood Moon', 'Sea Storm']);
  });

  it('holds back unapproved and rejected entries of a moderated challenge', async () => {
    const { feed, xml } = await feedOf('feed-reader-moderated');
    expect(entryTitles(feed)).toEqual(['Approved Story']);
    expect(xml).not.toContain('Pending Story');
    expect(xml).not.toContain('Rejected Story');
    expect(xml).not.toContain('Off theme');
  });

  it('carries the header and summary, escaped, but never the story', async () => {
    const { feed, xml } = await feedOf('feed-reader-open');
    expect(xml).not.toContain(STORY_WORD);
    const storm = childrenNamed(feed, 'entry').find(
      (entry) => textOf(childrenNamed(entry, 'title')[0]) === 'Sea Storm',
    )!;
    const content = textOf(childrenNamed(storm, 'content')[0]);
    expect(content).toContain('Open Penname');
    expect(content).toContain('PG-13');
    // The summary's markup is text in the HTML content, not markup.
    expect(content).toContain('A storm &lt;em&gt;at&lt;/em&gt; sea &amp; a lighthouse.');
    const moon = childrenNamed(feed, 'entry').find(
      (entry) => textOf(childrenNamed(entry, 'title')[0]) === 'Blood Moon',
    )!;
    expect(textOf(childrenNamed(moon, 'content')[0])).toContain('Violence');
  });

  it('names no pseud, email or user id of an anonymous challenge’s writer anywhere', async () => {
    const { feed, xml } = await feedOf('feed-reader-masked');
    expect(entryTitles(feed)).toEqual(['Behind the Mask', 'Second Face']);
    expect(xml).not.toContain(MASKED_STORY_WORD);
    for (const leak of ['Masked Penname', 'Second Mask', masked.email, 'masked.penname']) {
      expect(xml).not.toContain(leak);
    }
    const values = valuesIn(feed);
    expect(values).not.toContain(String(masked.user.id));
    for (const value of values) {
      expect(value).not.toMatch(new RegExp(`users?/${masked.user.id}\\b|user[_-]?id`, 'i'));
    }
    for (const entry of childrenNamed(feed, 'entry')) {
      for (const author of childrenNamed(entry, 'author')) {
        expect(textOf(childrenNamed(author, 'name')[0])).toBe('Anonymous');
        expect(childrenNamed(author, 'email')).toEqual([]);
        expect(childrenNamed(author, 'uri')).toEqual([]);
      }
    }
  });

  it('leaves out what a signed-in reader hides, and stays the public view for everyone else', async () => {
    const everyone = entryTitles((await feedOf('feed-reader-open')).feed);
    expect(everyone).toContain('Blood Moon');
    // The same reader's list and feed leave the same entries out.
    const list = await request(t.app)
      .get('/api/challenges/feed-reader-open/entries')
      .set(asUser(careful.token));
    const listed = list.body.entries.map((e: { title: string }) => e.title);
    expect(listed).not.toContain('Blood Moon');
    const maskedList = await request(t.app)
      .get('/api/challenges/feed-reader-masked/entries')
      .set(asUser(careful.token));
    const maskedListed = maskedList.body.entries.map((e: { title: string }) => e.title);
    for (const headers of [bearer(careful.token), sessionCookie(careful.token)]) {
      expect(entryTitles((await feedOf('feed-reader-open', headers)).feed)).toEqual(listed);
      const masked = await feedOf('feed-reader-masked', headers);
      expect(entryTitles(masked.feed)).toEqual(maskedListed);
      // Anonymity is the visitor's, whoever asks.
      expect(masked.xml).not.toContain('Masked Penname');
    }
  });

  it('shows its own writer no more than anyone else', async () => {
    const { xml } = await feedOf('feed-reader-masked', bearer(masked.token));
    expect(xml).not.toContain('Masked Penname');
    expect(xml).not.toContain(MASKED_STORY_WORD);
  });
});
