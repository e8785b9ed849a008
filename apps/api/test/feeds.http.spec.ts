import request from 'supertest';
import { xml2js, type Element } from 'xml-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertChallenge, insertEntry } from './support/fixtures';
import { signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

/** The feed element of an Atom document, after checking the parts RFC 4287 requires. */
function atomFeed(xml: string): Element {
  const doc = xml2js(xml) as Element;
  const feed = doc.elements?.find((e) => e.name === 'feed');
  expect(feed?.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
  const names = (el: Element) => (el.elements ?? []).map((child) => child.name);
  expect(names(feed!)).toEqual(expect.arrayContaining(['id', 'title', 'updated']));
  for (const entry of (feed!.elements ?? []).filter((e) => e.name === 'entry')) {
    expect(names(entry)).toEqual(expect.arrayContaining(['id', 'title', 'updated', 'link']));
  }
  return feed!;
}

const entryTitles = (feed: Element) =>
  (feed.elements ?? [])
    .filter((e) => e.name === 'entry')
    .map(
      (e) =>
        e.elements?.find((c) => c.name === 'title')?.elements?.[0]?.text ??
        e.elements?.find((c) => c.name === 'title')?.elements?.[0]?.cdata,
    );

describe.each(testDatabaseKinds())('Atom feeds on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Feed Organizer' });
    writer = await signUp(t.app, {
      displayName: 'Secret Writer',
      email: 'secret.writer@example.com',
    });
    const open = await insertChallenge(t.store, {
      slug: 'feed-open',
      ownerId: organizer.user.id,
      title: 'Open Feed Challenge',
    });
    await insertEntry(t.store, {
      challengeId: open.id,
      userId: writer.user.id,
      title: 'Public Story',
      body: 'SECRET-BODY-TEXT',
    });
    await insertEntry(t.store, {
      challengeId: open.id,
      userId: writer.user.id,
      title: 'Hidden Draft',
      status: 'draft',
    });
    const masked = await insertChallenge(t.store, {
      slug: 'feed-masked',
      ownerId: organizer.user.id,
      anonymous: true,
    });
    await insertEntry(t.store, {
      challengeId: masked.id,
      userId: writer.user.id,
      title: 'Masked Story',
    });
    const moderated = await insertChallenge(t.store, {
      slug: 'feed-moderated',
      ownerId: organizer.user.id,
      moderated: true,
    });
    await insertEntry(t.store, {
      challengeId: moderated.id,
      userId: writer.user.id,
      title: 'Awaiting Approval',
    });
    await insertChallenge(t.store, {
      slug: 'feed-draft',
      ownerId: organizer.user.id,
      announced: false,
      title: 'Draft Challenge',
    });
  });

  it('lists announced challenges, not drafts', async () => {
    const res = await request(t.app).get('/api/feeds/challenges.atom');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = atomFeed(res.text);
    expect(entryTitles(feed)).toContain('Open Feed Challenge');
    expect(res.text).not.toContain('Draft Challenge');
  });

  it('lists public entries with header and summary, never the story or drafts', async () => {
    const res = await request(t.app).get('/api/challenges/feed-open/feed.atom');
    const feed = atomFeed(res.text);
    expect(entryTitles(feed)).toEqual(['Public Story']);
    expect(res.text).toContain('Secret Writer');
    expect(res.text).not.toContain('SECRET-BODY-TEXT');
    expect(res.text).not.toContain('Hidden Draft');
  });

  it('names no author in an anonymous challenge, and holds back unmoderated entries', async () => {
    const masked = await request(t.app).get('/api/challenges/feed-masked/feed.atom');
    atomFeed(masked.text);
    expect(masked.text).toContain('Masked Story');
    expect(masked.text).toContain('Anonymous');
    for (const leak of ['Secret Writer', 'secret.writer@example.com', String(writer.user.id)]) {
      expect(masked.text).not.toContain(`>${leak}<`);
    }
    expect(masked.text).not.toContain('Secret Writer');
    const moderated = await request(t.app).get('/api/challenges/feed-moderated/feed.atom');
    expect(entryTitles(atomFeed(moderated.text))).toEqual([]);
  });

  it('is 404 for an unknown or draft challenge, and the results feed is valid while empty', async () => {
    expect((await request(t.app).get('/api/challenges/feed-draft/feed.atom')).status).toBe(404);
    expect((await request(t.app).get('/api/challenges/nowhere/feed.atom')).status).toBe(404);
    const results = await request(t.app).get('/api/challenges/feed-open/results.atom');
    expect(entryTitles(atomFeed(results.text))).toEqual([]);
  });
});
