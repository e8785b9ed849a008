import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { sharedAccount, signUpOrIn } from './accounts';
import { expectNoAxeViolations } from './axe';

const ZONE = 'America/New_York';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The wall-clock time of `date` in `timeZone`, as a datetime-local input takes it. */
function localInputValue(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Traditional ballads, long in the public domain. */
const PROMPTS = [
  {
    title: 'Barbara Allen',
    artist: 'Traditional',
    lines: "In Scarlet Town, where I was born,\nThere was a fair maid dwellin'",
  },
  {
    title: 'The Wraggle Taggle Gipsies',
    artist: 'Traditional',
    lines: 'There were three gipsies a-come to my door,\nAnd downstairs ran this lady, O!',
  },
  {
    title: 'O Waly, Waly',
    artist: 'Traditional',
    lines: "The water is wide, I cannot get o'er,\nAnd neither have I wings to fly",
  },
];

/**
 * Opens a page and waits until its scripts have run: text typed into a server-rendered field
 * before hydration can be overwritten when the field's value is hydrated.
 */
async function openPage(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForLoadState('networkidle');
  return response;
}

const ORGANIZER = sharedAccount('organizer');
const WRITER = sharedAccount('writer');

/** Signs the page in as `account` through the API (page.request shares the page's cookies). */
async function signInThroughApi(page: Page, account: typeof ORGANIZER) {
  await signUpOrIn(page.request, account);
}

test('an organizer creates a lyric challenge, announces it, and a visitor sees the countdown', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const organizer = ORGANIZER;
  // The account exists, but this browser is not signed in: the journey signs in by the form.
  await signUpOrIn(request, organizer);
  const slug = `ballads-${randomUUID().slice(0, 8)}`;
  const title = `Ballad Fest ${slug.slice(-8)}`;
  const now = Date.now();

  await test.step('starting a challenge asks the organizer to sign in first', async () => {
    await openPage(page, '/challenges/new');
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fchallenges%2Fnew$/);
    await page.getByLabel('Email').fill(organizer.email);
    await page.getByLabel('Password').fill(organizer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/challenges\/new$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Start a challenge' })).toBeVisible();
    await expect(
      page.getByRole('banner').getByRole('link', { name: 'Start a challenge' }),
    ).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page, 'new challenge page');
  });

  await test.step('the create form takes the basics, schedule, rules and settings', async () => {
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Address').fill(slug);
    await page
      .getByLabel('Description')
      .fill('Write a story inspired by one of the **traditional ballads** below.');
    await page.getByLabel('Time zone').selectOption(ZONE);
    await expect(page.getByLabel('Entries close')).toHaveAccessibleDescription(
      /America\/New York time/,
    );
    await page.getByLabel('Entries open').fill(localInputValue(new Date(now - HOUR), ZONE));
    await page
      .getByLabel('Entries close')
      .fill(localInputValue(new Date(now + 3 * DAY + 5 * HOUR), ZONE));
    await page.getByLabel('Grace period in minutes').fill('30');
    await page.getByLabel('Minimum words').fill('100');
    await page.getByLabel('Maximum words').fill('5000');
    const ratings = page.getByRole('group', { name: 'Allowed ratings' });
    await ratings.getByLabel('General audiences').check();
    await ratings.getByLabel('Teen and up').check();
    await page.getByLabel('Entries per writer').fill('1');
    await page.getByLabel('Every entry must be written for a prompt').check();
    await page.getByLabel('The story must quote a line of its prompt').check();
    await page.getByLabel('Anonymous entries').check();
    await page.screenshot({ path: 'screenshots/organizer-new.png', fullPage: true });
    await page.getByRole('button', { name: 'Create draft' }).click();

    await expect(page).toHaveURL(new RegExp(`/challenges/${slug}/manage\\?created=1$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Manage “${title}”`);
    await expect(page.getByRole('status')).toContainText('Your draft is saved');
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'manage page (draft)');
  });

  await test.step('the organizer adds three lyric prompts and reorders them', async () => {
    await page
      .getByRole('navigation', { name: 'Organizer pages' })
      .getByRole('link', { name: /Prompts/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Prompts' })).toBeVisible();
    await expect(page.getByText('No prompts yet.')).toBeVisible();
    await expectNoAxeViolations(page, 'prompts page (empty)');

    const add = page.getByRole('region', { name: 'Add a prompt' });
    // The fields follow the kind of prompt as it is chosen.
    await add.getByLabel('Kind of prompt').selectOption('image');
    await expect(add.getByLabel('Alt text')).toBeVisible();
    await expect(add.getByLabel('Song title')).toHaveCount(0);
    await add.getByLabel('Kind of prompt').selectOption('lyrics');
    await expect(add.getByLabel('Alt text')).toHaveCount(0);
    for (const prompt of PROMPTS) {
      await expect(add.getByLabel('Kind of prompt')).toHaveValue('lyrics');
      await add.getByLabel('Song title').fill(prompt.title);
      await add.getByLabel('Artist').fill(prompt.artist);
      await add.getByLabel('Lyric excerpt').fill(prompt.lines);
      await add.getByRole('button', { name: 'Add prompt' }).click();
      await expect(page.getByRole('status')).toContainText(`Added the prompt “${prompt.title}”.`);
      await expect(add.getByLabel('Song title')).toHaveValue('');
    }
    const list = page.getByRole('list', { name: /The prompt set/ });
    await expect(list.getByRole('heading', { level: 3 })).toHaveText(PROMPTS.map((p) => p.title));

    // Bring the last ballad to the middle.
    await list.getByRole('button', { name: 'Move up “O Waly, Waly”' }).click();
    await expect(page.getByRole('status')).toContainText('Moved “O Waly, Waly” up.');
    await expect(list.getByRole('heading', { level: 3 })).toHaveText([
      'Barbara Allen',
      'O Waly, Waly',
      'The Wraggle Taggle Gipsies',
    ]);
    await expect(list.getByRole('button', { name: 'Move up “O Waly, Waly”' })).toBeFocused();
    await expectNoAxeViolations(page, 'prompts page');
    await page.screenshot({ path: 'screenshots/organizer-prompts.png', fullPage: true });
  });

  await test.step('the edit form shows the deadlines as they were entered', async () => {
    await page.goto(`/challenges/${slug}/manage`);
    await page.getByRole('link', { name: 'Edit settings' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit “${title}”`);
    await expect(page.getByLabel('Time zone')).toHaveValue(ZONE);
    await expect(page.getByLabel('Entries close')).toHaveValue(
      localInputValue(new Date(now + 3 * DAY + 5 * HOUR), ZONE),
    );
    await expect(page.getByLabel('Grace period in minutes')).toHaveValue('30');
    await expect(page.getByLabel('Teen and up')).toBeChecked();
    await expect(page.getByLabel('Mature')).not.toBeChecked();
    await expectNoAxeViolations(page, 'edit page');
    await page.getByLabel('Entries per prompt').fill('2');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/challenges/${slug}/manage\\?saved=1$`));
    await expect(page.getByRole('status')).toContainText('Saved your changes.');
  });

  await test.step('the moderation queue starts empty', async () => {
    await page.goto(`/challenges/${slug}/manage/moderation`);
    await expect(page.getByRole('heading', { level: 1, name: 'Moderation queue' })).toBeVisible();
    await expect(page.getByText('The queue is empty')).toBeVisible();
    await expectNoAxeViolations(page, 'moderation page (empty)');
  });

  await test.step('announcing needs a confirmation, then makes the challenge public', async () => {
    await page.goto(`/challenges/${slug}/manage`);
    await page.getByRole('button', { name: 'Announce the challenge' }).click();
    const confirm = page.getByLabel('I have checked the schedule and the prompts');
    await expect(confirm).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();

    await confirm.check();
    await page.getByRole('button', { name: 'Announce the challenge' }).click();
    await expect(page.getByRole('status')).toContainText('The challenge is announced');
    // Entries opened an hour ago, so the announced challenge is open at once.
    await expect(page.getByText('Open for entries', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Announce the challenge' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Delete this draft…' })).toHaveCount(0);
    await expect(page.getByRole('table').filter({ hasText: 'Claims' })).toContainText(
      'Barbara Allen',
    );
    await expect(page.getByRole('region', { name: 'Audit log' })).toContainText(/announce/i);
    await expectNoAxeViolations(page, 'manage page (open)');
    await page.screenshot({ path: 'screenshots/organizer-manage.png', fullPage: true });
  });

  await test.step('the account page lists the challenge among those organized', async () => {
    await page.goto('/account');
    await expect(
      page.getByRole('list', { name: 'Challenges you organize' }).getByRole('link', {
        name: title,
      }),
    ).toHaveAttribute('href', `/challenges/${slug}/manage`);
  });

  await test.step('a visitor sees the prompts, the rules and the countdown', async () => {
    const visitorContext = await browser.newContext({ timezoneId: 'Europe/London' });
    const visitor = await visitorContext.newPage();
    // The browser's clock is under the test's control (starting now), to see the countdown move.
    await visitor.clock.install();
    await visitor.goto('/');
    await visitor.getByRole('link', { name: title }).click();
    await expect(visitor).toHaveURL(new RegExp(`/challenges/${slug}$`));
    await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(visitor.getByRole('link', { name: 'Organize' })).toHaveCount(0);

    const prompts = visitor.getByRole('region', { name: 'Prompts' }).getByRole('listitem');
    await expect(prompts).toHaveCount(3);
    await expect(prompts.first()).toContainText('In Scarlet Town, where I was born,');
    await expect(prompts.nth(1)).toContainText('The water is wide');
    await expect(visitor.getByRole('link', { name: 'Sign in' }).last()).toBeVisible();

    const countdown = visitor.getByText(/^Entries close in/);
    await expect(countdown).toHaveText(/^Entries close in 3 days, [45] hours\.$/);
    await expect(countdown.locator('time')).toHaveAttribute('datetime', /^P3DT[45]H\d+M$/);

    const rules = visitor.getByRole('list', { name: 'Rules' });
    await expect(rules).toContainText('Entries are between 100 and 5,000 words long.');
    await expect(rules).toContainText('Allowed ratings: General audiences and Teen and up.');
    await expect(rules).toContainText('Each writer may post one entry.');

    const schedule = visitor.getByRole('region', { name: 'Schedule' });
    await expect(schedule).toContainText('(America/New York)');
    // The visitor's own zone is added once the page runs in their browser.
    await expect(schedule).toContainText('Your time:');
    await expect(schedule).toContainText('Entries arriving up to 30 minutes late still count.');

    await expectNoAxeViolations(visitor, 'public challenge page');
    await visitor.screenshot({ path: 'screenshots/organizer-public.png', fullPage: true });

    // Two hours later the same page, never reloaded, has counted down by itself.
    await visitor.clock.fastForward('02:00:00');
    await expect(countdown).toHaveText(/^Entries close in 3 days, [23] hours\.$/);

    // A draft of someone else's, or this challenge's manage page, is not for visitors.
    const manage = await visitor.goto(`/challenges/${slug}/manage`);
    await expect(visitor).toHaveURL(/\/login\?redirectTo=/);
    expect(manage?.status()).toBe(200);
    await visitorContext.close();
  });

  await test.step('a signed-in writer can claim and unclaim a prompt', async () => {
    const writerContext = await browser.newContext();
    const writer = await writerContext.newPage();
    await signInThroughApi(writer, WRITER);
    await writer.goto(`/challenges/${slug}`);
    const first = writer.getByRole('region', { name: 'Prompts' }).getByRole('listitem').first();
    await expect(first).toContainText('Unclaimed');
    await first.getByRole('button', { name: 'Claim “Barbara Allen”' }).click();
    await expect(first).toContainText('You claimed this prompt.');
    await expect(first).toContainText('1 claim');
    await expect(writer.getByRole('link', { name: 'Organize' })).toHaveCount(0);
    await first.getByRole('button', { name: 'Unclaim “Barbara Allen”' }).click();
    await expect(first).toContainText('Unclaimed');

    // A reader who is not an organizer gets a 403 page, not the dashboard.
    const response = await writer.goto(`/challenges/${slug}/manage`);
    expect(response?.status()).toBe(403);
    await expect(writer.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    await expect(writer.getByRole('main')).toContainText('Only the organizers');
    await writerContext.close();
  });

  await test.step('the organizer extends the deadline and adds a co-organizer', async () => {
    await openPage(page, `/challenges/${slug}/manage`);
    const extend = page.getByRole('region', { name: 'Extend the deadline' });
    const until = localInputValue(new Date(now + 6 * DAY), ZONE);
    await extend.getByLabel('New deadline').fill(until);
    await extend.getByRole('button', { name: 'Extend the deadline' }).click();
    await expect(page.getByRole('status')).toContainText('Moved the deadline for everyone to');
    await expect(page.getByText(/^Entries close in [56] days/)).toBeVisible();

    // One writer, but nobody named: the error sits next to the field.
    await extend.getByRole('radio', { name: 'One writer' }).check();
    await extend.getByRole('button', { name: 'Extend the deadline' }).click();
    await expect(extend.getByLabel('Writer (only for one writer)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    const organizers = page.getByRole('region', { name: 'Organizers' });
    await organizers.getByLabel('Pseud or email address').fill(WRITER.displayName);
    await organizers.getByRole('button', { name: 'Add co-organizer' }).click();
    await expect(page.getByRole('status')).toContainText(
      `${WRITER.displayName} is now a co-organizer.`,
    );
    const list = page.getByRole('list', { name: 'Organizers' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await list.getByRole('button', { name: `Remove ${WRITER.displayName}` }).click();
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expectNoAxeViolations(page, 'manage page after extending');
  });

  await test.step('the organizer pages pass in the dark scheme and fit a phone', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const path of ['/challenges/new', `/challenges/${slug}/manage`, `/challenges/${slug}`]) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (dark)`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [
      '/challenges/new',
      `/challenges/${slug}`,
      `/challenges/${slug}/manage`,
      `/challenges/${slug}/manage/edit`,
      `/challenges/${slug}/manage/prompts`,
      `/challenges/${slug}/manage/moderation`,
    ]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
  });
});

test('closing before opening is refused next to the close field', async ({ page }) => {
  await signInThroughApi(page, ORGANIZER);
  await openPage(page, '/challenges/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Start a challenge' })).toBeVisible();

  const slug = `backwards-${randomUUID().slice(0, 8)}`;
  await page.getByLabel('Title').fill('Backwards in time');
  await page.getByLabel('Address').fill(slug);
  await page.getByLabel('Time zone').selectOption('Europe/London');
  await page.getByLabel('Entries open').fill('2030-12-10T12:00');
  await page.getByLabel('Entries close').fill('2030-12-01T12:00');
  await page.getByRole('button', { name: 'Create draft' }).click();

  const closes = page.getByLabel('Entries close');
  await expect(closes).toHaveAttribute('aria-invalid', 'true');
  await expect(closes).toHaveAccessibleDescription(/^Error: .+/);
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  // The summary links to the field, and what was typed is kept.
  await expect(page.getByRole('alert').getByRole('link')).toHaveAttribute('href', '#closesAt');
  await expect(page.getByLabel('Title')).toHaveValue('Backwards in time');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/London');
  await expect(page.getByLabel('Entries open')).toHaveValue('2030-12-10T12:00');
  await expect(page).toHaveURL(/\/challenges\/new$/);
  await expectNoAxeViolations(page, 'new challenge page with an error');
  await page.screenshot({ path: 'screenshots/organizer-bad-input.png', fullPage: true });
});

test('a draft can be deleted, after a confirmation page', async ({ page }) => {
  await signInThroughApi(page, ORGANIZER);
  const slug = `short-lived-${randomUUID().slice(0, 8)}`;
  const created = await page.request.post('/api/challenges', {
    data: { slug, title: 'Short-lived', schedule: { timeZone: 'AoE' } },
  });
  expect(created.status(), await created.text()).toBe(201);

  await openPage(page, `/challenges/${slug}/manage`);
  await expect(page.getByText('Anywhere on Earth time', { exact: false }).first()).toBeVisible();

  // Without dates the draft cannot be announced, and the organizer is told everything missing.
  await page.getByLabel('I have checked the schedule and the prompts').check();
  await page.getByRole('button', { name: 'Announce the challenge' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toContainText('Set when submissions open before announcing.');
  await expect(problem).toContainText('Set when submissions close before announcing.');
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Delete this draft…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delete “Short-lived”?');
  await expectNoAxeViolations(page, 'delete confirmation page');
  await page.getByRole('link', { name: 'No, keep it' }).click();
  await expect(page).toHaveURL(new RegExp(`/challenges/${slug}/manage$`));

  await page.getByRole('link', { name: 'Delete this draft…' }).click();
  await page.getByRole('button', { name: 'Delete the draft' }).click();
  await expect(page).toHaveURL(/\/account\?deleted=1$/);
  await expect(page.getByRole('status').first()).toContainText('The draft challenge was deleted.');
  const gone = await page.goto(`/challenges/${slug}`);
  expect(gone?.status()).toBe(404);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the prompt form switches kinds, and prompts are added and moved', async ({ page }) => {
    await signInThroughApi(page, ORGANIZER);
    const slug = `pictures-${randomUUID().slice(0, 8)}`;
    const created = await page.request.post('/api/challenges', {
      data: { slug, title: 'Pictures', schedule: { timeZone: 'Europe/London' } },
    });
    expect(created.status(), await created.text()).toBe(201);

    await page.goto(`/challenges/${slug}/manage/prompts`);
    const add = page.getByRole('region', { name: 'Add a prompt' });
    await expect(add.getByLabel('Alt text')).toHaveCount(0);
    await add.getByLabel('Kind of prompt').selectOption('image');
    await add.getByRole('button', { name: 'Show the fields for this kind' }).click();
    await expect(add.getByLabel('Alt text')).toBeVisible();
    await expect(add.getByLabel('Kind of prompt')).toHaveValue('image');

    await add.getByLabel('Title').fill('A lighthouse');
    await add.getByLabel('Image address').fill('https://example.com/lighthouse.jpg');
    await add.getByRole('button', { name: 'Add prompt' }).click();
    // Described for readers who cannot see it, or no prompt.
    await expect(add.getByLabel('Alt text')).toHaveAttribute('aria-invalid', 'true');
    await expect(add.getByLabel('Title')).toHaveValue('A lighthouse');
    await add.getByLabel('Alt text').fill('A white lighthouse on a rock in a grey sea');
    await add.getByRole('button', { name: 'Add prompt' }).click();
    await expect(page.getByRole('status')).toContainText('Added the prompt “A lighthouse”.');

    await add.getByLabel('Kind of prompt').selectOption('text');
    await add.getByRole('button', { name: 'Show the fields for this kind' }).click();
    await add.getByLabel('Word or phrase').fill('Homecoming');
    await add.getByRole('button', { name: 'Add prompt' }).click();
    await expect(page.getByRole('status')).toContainText('Added the prompt “Homecoming”.');

    const list = page.getByRole('list', { name: /The prompt set/ });
    await list.getByRole('button', { name: 'Move up “Homecoming”' }).click();
    await expect(list.getByRole('heading', { level: 3 })).toHaveText([
      'Homecoming',
      'A lighthouse',
    ]);
  });
});
