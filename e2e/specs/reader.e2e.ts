import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { sharedAccount, signUpOrIn } from './accounts';
import { expectNoAxeViolations } from './axe';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

// Fixed accounts shared with the other journeys: sign-ups are rate limited (5 an hour per
// client). The reader is the one account this file adds.
const ORGANIZER = sharedAccount('organizer');
const WRITER = sharedAccount('writer');
const READER = sharedAccount('reader');

/** Words only the teen entry's story has, to search for as a phrase. */
const PHRASE = 'lanterns of Sunnydale';

/**
 * Opens a page and waits until its scripts have run, so that clicks and typing reach hydrated
 * components.
 */
async function openPage(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForLoadState('networkidle');
  return response;
}

interface Story {
  title: string;
  rating: string;
  warnings?: string[];
  fandoms: string[];
  pairings?: string[];
  epigraph?: { text: string; credit: string };
  body: string;
}

/** Posted oldest first, so the list's "newest first" order is the reverse. */
const STORIES: Story[] = [
  {
    title: 'Midnight Rooftop',
    rating: 'NC-17',
    fandoms: ['Angel'],
    pairings: ['Spike/Wesley'],
    body: 'The roof was warm long after the sun went down.\n\nThey stayed until dawn.',
  },
  {
    title: 'Grey Harbour',
    rating: 'R',
    warnings: ['Major character death'],
    fandoms: ['Angel'],
    pairings: ['Angel/Cordelia'],
    epigraph: {
      text: 'In Scarlet Town, where I was born,\nThere was a fair maid dwellin’',
      credit: '~ Barbara Allen, traditional',
    },
    body: 'The tide went out at noon.\n\n* * *\n\nIt did not come back for her.',
  },
  {
    title: 'Blue Kettle',
    rating: 'PG-13',
    fandoms: ['Buffy the Vampire Slayer'],
    body: `Willow put the kettle on while the ${PHRASE} flickered below the hill.\n\nThen tea, and the long night.`,
  },
];

/**
 * Through the API: the shared organizer opens a lyric challenge now, and the shared writer
 * submits the three stories to it (explicit, mature with a warning, teen).
 */
async function setUpChallenge(request: APIRequestContext, writer: APIRequestContext) {
  await signUpOrIn(request, ORGANIZER);
  const slug = `readers-${randomUUID().slice(0, 8)}`;
  const title = `Harbour Songs ${slug.slice(-8)}`;
  const now = Date.now();
  const created = await request.post('/api/challenges', {
    data: {
      slug,
      title,
      description: 'Stories inspired by traditional songs.',
      schedule: {
        timeZone: 'Europe/London',
        opensAt: new Date(now - HOUR).toISOString(),
        closesAt: new Date(now + 7 * DAY).toISOString(),
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const prompt = await request.post(`/api/challenges/${slug}/prompts`, {
    data: {
      kind: 'lyrics',
      title: 'Barbara Allen',
      credit: 'Traditional',
      body: 'In Scarlet Town, where I was born,\nThere was a fair maid dwellin’',
    },
  });
  expect(prompt.status(), await prompt.text()).toBe(201);
  const promptId = ((await prompt.json()) as { id: number }).id;
  const announced = await request.post(`/api/challenges/${slug}/announce`);
  expect(announced.status(), await announced.text()).toBe(200);

  await signUpOrIn(writer, WRITER);
  const pseuds = (await (await writer.get('/api/me/pseuds')).json()) as {
    pseuds: { id: number; isDefault: boolean }[];
  };
  const pseudId = (pseuds.pseuds.find((p) => p.isDefault) ?? pseuds.pseuds[0])!.id;
  const ids: Record<string, number> = {};
  for (const story of STORIES) {
    const posted = await writer.post(`/api/challenges/${slug}/entries`, {
      data: {
        pseudId,
        promptId,
        header: {
          title: story.title,
          rating: story.rating,
          ...(story.warnings ? { warnings: story.warnings } : { warningsNone: true }),
          fandoms: story.fandoms,
          ...(story.pairings ? { pairings: story.pairings } : {}),
          ...(story.epigraph ? { epigraph: story.epigraph } : {}),
          archive: 'yes',
        },
        body: story.body,
        submit: true,
      },
    });
    expect(posted.status(), await posted.text()).toBe(201);
    ids[story.title] = ((await posted.json()) as { id: number }).id;
  }
  return { slug, title, ids };
}

/** Opens a disclosure (<details>) by its summary, unless it is open already. */
async function expand(page: Page, summary: string) {
  const details = page.locator('details', { has: page.getByText(summary, { exact: true }) });
  if ((await details.getAttribute('open')) === null) await page.getByText(summary).click();
}

/** The card of one entry in a list, found by its title. */
function card(page: Page, title: string): Locator {
  return page.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) });
}

test('a reader browses, filters, searches, passes the gate, reads, and leaves kudos and a comment', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const writerContext = await browser.newContext();
  const { slug, title, ids } = await setUpChallenge(request, writerContext.request);
  await signUpOrIn(page.request, READER);
  const readerName = READER.displayName;

  await test.step('the home page shelves challenges by what readers can do now', async () => {
    await openPage(page, '/');
    await expect(
      page.locator('head link[rel="alternate"][type="application/atom+xml"]'),
    ).toHaveAttribute('href', '/api/feeds/challenges.atom');
    const shelves = page.getByRole('navigation', { name: 'Shelves' });
    await shelves.getByRole('link', { name: /^Open now \(\d+\)$/ }).click();
    await expect(page).toHaveURL(/\/\?shelf=open$/);
    await expect(shelves.getByRole('link', { name: /^Open now/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByRole('heading', { level: 2, name: 'Open now' })).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await expectNoAxeViolations(page, 'home, open shelf');
    await page.screenshot({ path: 'screenshots/reader-home.png', fullPage: true });

    // Nothing can reach the voting phase yet: that shelf says so.
    await shelves.getByRole('link', { name: 'Voting now (0)' }).click();
    await expect(page).toHaveURL(/\/\?shelf=voting$/);
    await expect(page.getByText('No challenge is voting right now.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Feed of new challenges (Atom)' })).toBeVisible();
  });

  await test.step('the entries page shows rating and warnings on every card', async () => {
    await openPage(page, `/challenges/${slug}`);
    // Before the results there is no anthology to download.
    await expect(page.getByRole('link', { name: /anthology/i })).toHaveCount(0);
    await page.getByRole('link', { name: 'Browse, filter and search all 3 entries' }).click();
    await expect(page).toHaveURL(new RegExp(`/challenges/${slug}/entries$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Entries of “${title}”`);
    await expect(page.getByRole('status').filter({ hasText: /entries/ })).toHaveText('3 entries');
    await expect(
      page.locator('head link[rel="alternate"][type="application/atom+xml"]'),
    ).toHaveAttribute('href', `/api/challenges/${slug}/feed.atom`);
    const results = page.getByRole('list', { name: 'Entries' });
    await expect(results.getByRole('heading', { level: 3 })).toHaveText([
      'Blue Kettle',
      'Grey Harbour',
      'Midnight Rooftop',
    ]);
    await expect(card(page, 'Midnight Rooftop')).toContainText('Explicit (NC-17)');
    await expect(card(page, 'Midnight Rooftop')).toContainText('No warnings apply');
    await expect(card(page, 'Grey Harbour')).toContainText('Mature (R)');
    await expect(card(page, 'Grey Harbour')).toContainText('Major character death');
    await expect(card(page, 'Blue Kettle')).toContainText('Teen and up (PG-13)');
    await expect(card(page, 'Blue Kettle')).toContainText('No warnings apply');
    await expect(card(page, 'Blue Kettle')).toContainText(`by ${WRITER.displayName}`);
    await expectNoAxeViolations(page, 'entries page');
  });

  await test.step('excluding explicit entries leaves two, and the counts follow', async () => {
    const fandoms = page.getByRole('group', { name: 'Fandoms' });
    await expand(page, 'Fandoms, pairings, characters and prompt');
    await expect(fandoms.getByLabel('Angel (2)')).toBeVisible();
    await page
      .getByRole('group', { name: 'Hide these ratings' })
      .getByLabel('Explicit (1)')
      .check();
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(page).toHaveURL(
      new RegExp(`/challenges/${slug}/entries\\?excludeRating=explicit$`),
    );
    await expect(page.getByRole('status').filter({ hasText: /entries/ })).toHaveText(
      '2 entries match',
    );
    await expect(card(page, 'Midnight Rooftop')).toHaveCount(0);
    await expect(card(page, 'Grey Harbour')).toBeVisible();
    // The other facets now count only what is left; the rating facet still offers Explicit.
    await expand(page, 'Fandoms, pairings, characters and prompt');
    await expect(fandoms.getByLabel('Angel (1)')).toBeVisible();
    await expect(
      page.getByRole('group', { name: 'Hide these ratings' }).getByLabel('Explicit (1)'),
    ).toBeChecked();
    await expect(
      page.getByRole('group', { name: 'Show only these ratings' }).getByLabel('Mature (1)'),
    ).not.toBeChecked();
    await expectNoAxeViolations(page, 'entries page, explicit hidden');
    await page.screenshot({ path: 'screenshots/reader-filtered.png', fullPage: true });
  });

  await test.step('searching a phrase finds the entry and highlights it', async () => {
    await page.getByLabel('Search', { exact: true }).fill(`"${PHRASE}"`);
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(page).toHaveURL(/\?q=%22lanterns\+of\+Sunnydale%22&excludeRating=explicit$/);
    await expect(page.getByRole('status').filter({ hasText: /entr/ })).toHaveText(
      '1 entry matches',
    );
    const found = card(page, 'Blue Kettle');
    await expect(found).toContainText(PHRASE);
    // Every word of the phrase is marked, whether as one match or word by word.
    const marked = await found.locator('mark').allTextContents();
    expect(marked.join(' ').replace(/\s+/g, ' ')).toBe(PHRASE);
    await expect(found).toContainText('Teen and up (PG-13)');
    await expectNoAxeViolations(page, 'search results');
    await page.screenshot({ path: 'screenshots/reader-search.png', fullPage: true });

    // No match: said so, with a way out.
    await page.getByLabel('Search', { exact: true }).fill('zeppelin');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(page.getByText('No entries match these filters.')).toBeVisible();
    await page.getByRole('link', { name: 'Clear all filters' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/challenges/${slug}/entries$`));
    await expect(page.getByRole('status').filter({ hasText: /entries/ })).toHaveText('3 entries');
  });

  const maturePath = `/entries/${ids['Grey Harbour']}`;

  await test.step('the mature entry is behind a notice naming its rating and warning', async () => {
    await page.getByRole('link', { name: 'Grey Harbour' }).click();
    await expect(page).toHaveURL(new RegExp(`${maturePath}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Before you read “Grey Harbour”',
    );
    const main = page.getByRole('main');
    await expect(main).toContainText('Mature (R)');
    await expect(main).toContainText('Major character death');
    await expect(page.locator('.story')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Go back' })).toHaveAttribute(
      'href',
      `/challenges/${slug}/entries`,
    );
    await expectNoAxeViolations(page, 'adult-content notice');
    await page.screenshot({ path: 'screenshots/reader-gate.png', fullPage: true });
    await page.getByRole('button', { name: 'Proceed' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grey Harbour');
  });

  await test.step('the reading view: header card, epigraph, scene break, neighbours', async () => {
    await page.waitForLoadState('networkidle');
    const about = page.locator('header.entry-card');
    await expect(about).toContainText('Mature (R)');
    await expect(about).toContainText('Major character death');
    await expect(about).toContainText('Angel/Cordelia');
    await expect(page.getByRole('region', { name: 'Written for the prompt' })).toContainText(
      'In Scarlet Town, where I was born,',
    );
    await expect(page.locator('.epigraph figcaption')).toHaveText('~ Barbara Allen, traditional');
    const sceneBreak = page.locator('.story .scene-break');
    await expect(sceneBreak).toHaveText('* * *');
    await expect(sceneBreak).toHaveCSS('text-align', 'center');
    const others = page.getByRole('navigation', { name: 'Other entries of this challenge' });
    await expect(others.getByRole('link', { name: /Previous entry\s*Blue Kettle/ })).toBeVisible();
    await expect(others.getByRole('link', { name: /Next entry\s*Midnight Rooftop/ })).toBeVisible();
  });

  await test.step('reading settings apply to the story and survive a reload', async () => {
    const article = page.getByRole('article', { name: 'Grey Harbour' });
    await expect(article).toHaveClass(/text-standard/);
    await expand(page, 'Reading settings');
    await page.getByRole('radio', { name: 'Largest' }).check();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('radio', { name: 'Narrow' }).check();
    await expect(article).toHaveClass(/text-larger/);
    await expect(article).toHaveClass(/theme-dark/);
    await page.reload();
    await page.waitForLoadState('networkidle');
    await expect(article).toHaveClass(/text-larger/);
    await expect(article).toHaveClass(/theme-dark/);
    await expect(article).toHaveClass(/width-narrow/);
    await expect(page.locator('.story')).toHaveCSS('font-size', '24px');
    await expectNoAxeViolations(page, 'entry page, dark reading settings');
    await page.screenshot({ path: 'screenshots/reader-entry.png', fullPage: true });
    // Back to the standard settings for the rest of the journey.
    await expand(page, 'Reading settings');
    await page.getByRole('radio', { name: 'Standard' }).first().check();
    await page.getByRole('radio', { name: 'Standard' }).nth(1).check();
    await page.getByRole('radio', { name: 'As my device' }).check();
    await expect(article).toHaveClass(/text-standard/);
  });

  await test.step('kudos: the count goes up once, then the button explains itself', async () => {
    const kudos = page.getByRole('region', { name: 'Kudos' });
    await expect(kudos).toContainText('0 kudos');
    await kudos.getByRole('button', { name: 'Leave kudos' }).click();
    await expect(kudos).toContainText('1 kudos');
    await expect(kudos.getByRole('status')).toHaveText('Thank you! Your kudos is counted.');
    const button = kudos.getByRole('button', { name: 'Leave kudos' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription('You left kudos on this entry. Thank you!');
  });

  await test.step('a comment: refused empty, then posted, then edited', async () => {
    const thread = page.getByRole('region', { name: /^Comments/ });
    await expect(thread.getByRole('heading', { level: 2 })).toHaveText('Comments (0)');
    await thread.getByRole('button', { name: 'Post comment' }).click();
    const box = thread.getByLabel('Your comment');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toHaveAccessibleDescription(/Write your comment\./);

    await box.fill('The harbour scene broke my heart.');
    await thread.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText('Your comment is posted.')).toBeVisible();
    await expect(thread.getByRole('heading', { level: 2 })).toHaveText('Comments (1)');
    const mine = thread.getByRole('article', { name: new RegExp(readerName) });
    await expect(mine).toContainText('The harbour scene broke my heart.');
    await expect(box).toHaveValue('');

    await mine.getByRole('link', { name: 'Edit your comment' }).click();
    const edit = page.getByLabel('Edit your comment');
    await expect(edit).toHaveValue('The harbour scene broke my heart.');
    await edit.fill('The harbour scene broke my heart. Thank you.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved your changes to the comment.')).toBeVisible();
    await expect(mine).toContainText('Thank you.');
    await expect(mine).toContainText('edited');
    await expectNoAxeViolations(page, 'entry page with a comment');
  });

  await test.step("the writer's inbox has the kudos and the comment", async () => {
    const writer = await writerContext.newPage();
    await openPage(writer, '/');
    const nav = writer.getByRole('banner').getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: /^Inbox \d+ new$/ })).toBeVisible();
    await nav.getByRole('link', { name: /^Inbox/ }).click();
    await expect(writer.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    const inbox = writer.getByRole('list', { name: 'Notifications, newest first' });
    const comment = inbox
      .getByRole('listitem')
      .filter({ hasText: `${READER.displayName} commented on “Grey Harbour”.` });
    const kudos = inbox
      .getByRole('listitem')
      .filter({ hasText: `${READER.displayName} left kudos on “Grey Harbour”.` });
    await expect(comment).toContainText('New');
    await expect(kudos).toContainText('New');
    await expect(comment.getByRole('link', { name: 'Open the entry' })).toHaveAttribute(
      'href',
      maturePath,
    );
    await expectNoAxeViolations(writer, 'inbox');
    await writer.screenshot({ path: 'screenshots/reader-inbox.png', fullPage: true });

    await writer.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(writer.getByText('Marked every notification read.')).toBeVisible();
    await expect(writer.getByText('No new notifications.')).toBeVisible();
    await expect(comment).not.toContainText('New');
    await expect(nav.getByRole('link', { name: 'Inbox', exact: true })).toBeVisible();

    // The writer may remove comments on their own entry, and replies as themselves.
    await comment.getByRole('link', { name: 'Open the entry' }).click();
    const thread = writer.getByRole('region', { name: /^Comments/ });
    await expect(
      thread.getByRole('link', { name: `Delete… the comment by ${readerName}` }),
    ).toBeVisible();
    await thread.getByRole('link', { name: `Reply to ${readerName}` }).click();
    await writer.getByLabel(`Reply to ${readerName}`).fill('Thank you for reading!');
    await writer.getByRole('button', { name: 'Post reply' }).click();
    await expect(writer.getByText('Your reply is posted.')).toBeVisible();
    const replies = thread.getByRole('list', { name: `Replies to ${readerName}` });
    await expect(replies).toContainText('Thank you for reading!');
    await expect(replies).toContainText('writer');
    await writerContext.close();
  });

  await test.step('the anthology waits for the results', async () => {
    await openPage(page, `/challenges/${slug}/anthology`);
    await expect(
      page.getByText(/The anthology is made once the results are published/),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'anthology page before the results');
    const file = await page.request.get(`/api/challenges/${slug}/anthology.epub`);
    expect(file.status()).toBe(409);
  });

  await test.step('preferences: hide a rating everywhere, and skip the notice', async () => {
    await openPage(page, '/account');
    await page.getByRole('link', { name: 'Reading preferences' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Reading preferences' }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'preferences');
    // Refused input is named next to its field, and nothing is saved.
    await page.getByLabel('Tags to hide').fill('x'.repeat(201));
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByLabel('Tags to hide')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
    await page.getByLabel('Tags to hide').fill('');
    await page.getByRole('group', { name: 'Ratings to hide' }).getByLabel('Explicit').check();
    await page.getByLabel('Warnings to hide').fill('Major character death');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByText('Saved your reading preferences.')).toBeVisible();
    await page.screenshot({ path: 'screenshots/reader-preferences.png', fullPage: true });

    await openPage(page, `/challenges/${slug}/entries`);
    await expect(page.getByRole('status').filter({ hasText: /entr/ })).toHaveText('1 entry');
    await expect(page.getByText(/Your preferences also hide entries rated Explicit/)).toBeVisible();

    await openPage(page, '/account/preferences');
    await page.getByRole('group', { name: 'Ratings to hide' }).getByLabel('Explicit').uncheck();
    await page.getByLabel('Warnings to hide').fill('');
    await page.getByLabel(/Don’t ask before showing/).check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByText('Saved your reading preferences.')).toBeVisible();

    // A new browser session of the same reader: no notice before the explicit entry.
    const fresh = await browser.newContext();
    const again = await fresh.newPage();
    await signUpOrIn(again.request, READER);
    await openPage(again, `/entries/${ids['Midnight Rooftop']}`);
    await expect(again.getByRole('heading', { level: 1 })).toHaveText('Midnight Rooftop');
    await fresh.close();

    // Leave the shared reader as the other journeys expect it: asked before adult work.
    await openPage(page, '/account/preferences');
    await page.getByLabel(/Don’t ask before showing/).uncheck();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByText('Saved your reading preferences.')).toBeVisible();
  });

  await test.step('the reader pages fit a phone and pass in the dark scheme', async () => {
    const paths = [
      '/?shelf=open',
      `/challenges/${slug}/entries?excludeRating=explicit`,
      `/entries/${ids['Blue Kettle']}`,
      '/account/notifications',
      '/account/preferences',
    ];
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const path of paths) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (dark)`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of paths) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
  });
});

test('bad filter values are named next to their fields, never a server error', async ({
  page,
  browser,
  request,
}) => {
  const writerContext = await browser.newContext();
  const { slug } = await setUpChallenge(request, writerContext.request);
  await writerContext.close();

  const response = await page.goto(
    `/challenges/${slug}/entries?minWords=900&maxWords=10&sort=sideways&cursor=forged`,
  );
  expect(response?.status()).toBe(200);
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toBeVisible();
  await expect(page.getByLabel('Order')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The entries could not be listed with these filters.')).toBeVisible();
  await expectNoAxeViolations(page, 'entries page with bad filters');

  // An unknown shelf is a page that does not exist.
  const shelf = await page.goto('/?shelf=attic');
  expect(shelf?.status()).toBe(404);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the filter form and the comment forms work as plain forms', async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(120_000);
    const writerContext = await browser.newContext();
    const { slug, ids } = await setUpChallenge(request, writerContext.request);
    await writerContext.close();
    await signUpOrIn(page.request, READER);

    await page.goto(`/challenges/${slug}/entries`);
    await page
      .getByRole('group', { name: 'Hide these ratings' })
      .getByLabel('Explicit (1)')
      .check();
    await page.getByLabel('Search', { exact: true }).fill('tide');
    await page.getByRole('button', { name: 'Show entries' }).click();
    // The empty fields a plain form sends are dropped: one address per filter state.
    await expect(page).toHaveURL(
      new RegExp(`/challenges/${slug}/entries\\?q=tide&excludeRating=explicit$`),
    );
    await expect(page.getByText('1 entry matches')).toBeVisible();
    await expect(card(page, 'Grey Harbour').locator('mark')).toHaveText(['tide']);
    await expect(page.getByLabel('Search', { exact: true })).toHaveValue('tide');

    // The comment forms, on an entry with no notice in front of it.
    await page.goto(`/entries/${ids['Blue Kettle']}`);
    const thread = page.getByRole('region', { name: /^Comments/ });
    await thread.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByLabel('Your comment')).toHaveAccessibleDescription(
      /Write your comment\./,
    );
    await page.getByLabel('Your comment').fill('Tea makes everything better.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText('Your comment is posted.')).toBeVisible();
    const mine = thread
      .getByRole('article', { name: new RegExp(READER.displayName) })
      .filter({ hasText: 'Tea makes everything better.' });
    await expect(mine).toBeVisible();

    await mine.getByRole('link', { name: `Reply to ${READER.displayName}` }).click();
    await page.getByLabel(`Reply to ${READER.displayName}`).fill('And biscuits.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    await expect(page.getByText('Your reply is posted.')).toBeVisible();
    await expect(
      thread.getByRole('list', { name: `Replies to ${READER.displayName}` }),
    ).toContainText('And biscuits.');

    // Deleting asks first; "No, keep it" keeps it.
    await mine.getByRole('link', { name: `Delete… the comment by ${READER.displayName}` }).click();
    await expect(page.getByText('Delete this comment? It cannot be undone.')).toBeVisible();
    await page.getByRole('link', { name: 'No, keep it' }).click();
    await expect(mine).toContainText('Tea makes everything better.');
    await mine.getByRole('link', { name: `Delete… the comment by ${READER.displayName}` }).click();
    await page.getByRole('button', { name: 'Delete the comment' }).click();
    await expect(page.getByText('The comment is deleted.')).toBeVisible();
    // Its reply stays, under a deleted comment.
    await expect(thread).toContainText('This comment was deleted.');
    await expect(thread).toContainText('And biscuits.');

    // Kudos is a plain form too.
    await page.getByRole('button', { name: 'Leave kudos' }).click();
    await expect(page.getByRole('region', { name: 'Kudos' })).toContainText('1 kudos');
  });
});

test('after the results, a reader downloads the anthology past the adult notice', async ({
  page,
  request,
  browser,
}) => {
  // A challenge that closes a few seconds after its entries are in, so results can be published.
  await signUpOrIn(request, ORGANIZER);
  const slug = `anthology-${randomUUID().slice(0, 8)}`;
  const now = Date.now();
  const created = await request.post('/api/challenges', {
    data: {
      slug,
      title: `Finished Songs ${slug.slice(-8)}`,
      schedule: {
        timeZone: 'Europe/London',
        opensAt: new Date(now - HOUR).toISOString(),
        closesAt: new Date(now + 8_000).toISOString(),
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  expect((await request.post(`/api/challenges/${slug}/announce`)).status()).toBe(200);

  const writerContext = await browser.newContext();
  const writer = writerContext.request;
  await signUpOrIn(writer, WRITER);
  const pseuds = (await (await writer.get('/api/me/pseuds')).json()) as {
    pseuds: { id: number; isDefault: boolean }[];
  };
  const pseudId = (pseuds.pseuds.find((p) => p.isDefault) ?? pseuds.pseuds[0])!.id;
  for (const [title, rating, archive] of [
    ['Archived at Dawn', 'NC-17', 'yes'],
    ['Kept at Home', 'G', 'no'],
  ] as const) {
    const posted = await writer.post(`/api/challenges/${slug}/entries`, {
      data: {
        pseudId,
        header: { title, rating, archive },
        body: `${title}: a story.`,
        submit: true,
      },
    });
    expect(posted.status(), await posted.text()).toBe(201);
  }
  await writerContext.close();

  // Publishing is refused (409) until submissions close; then it goes through.
  await expect
    .poll(async () => (await request.post(`/api/challenges/${slug}/results/publish`)).status(), {
      timeout: 30_000,
      intervals: [1_000],
    })
    .toBe(200);

  await openPage(page, `/challenges/${slug}/anthology`);
  await expect(page.getByText(/may include entries rated/)).toContainText('Explicit');
  await expectNoAxeViolations(page, 'anthology notice');
  await page.getByRole('button', { name: 'Proceed' }).click();
  const link = page.getByRole('link', { name: 'Download the anthology (EPUB)' });
  await expect(link).toBeVisible();
  await expectNoAxeViolations(page, 'anthology download');
  await page.screenshot({ path: 'screenshots/reader-anthology.png', fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(`${slug}-anthology.epub`);
  const file = await download.path();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(file);
  // An EPUB is a ZIP whose first entry is the uncompressed "mimetype".
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.subarray(30, 38).toString('latin1')).toBe('mimetype');
});
