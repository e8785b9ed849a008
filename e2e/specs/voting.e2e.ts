import { randomInt, randomUUID } from 'node:crypto';
import {
  expect,
  request as requestFactory,
  test,
  type APIRequestContext,
  type Page,
} from '@playwright/test';
import { sharedAccount, uniqueAccount } from './accounts';
import { expectNoAxeViolations } from './axe';

// Fixed accounts shared with the other journeys: sign-ups are rate limited (5 an hour per
// client). The two extra writers and two extra voters this journey needs sign up from their own
// (forwarded) addresses: the API trusts X-Forwarded-For from a loopback proxy, as the web app is.
const ORGANIZER = sharedAccount('organizer');
const WRITER = sharedAccount('writer');
const READER = sharedAccount('reader');

const CATEGORY = { id: 'best-overall', name: 'Best overall' };

/** Entries are listed by title on the vote page, so the letters also give the order. */
const TITLES = { a: 'Amber Lantern', b: 'Brass Compass', c: 'Cobalt Tide' } as const;

type Account = ReturnType<typeof uniqueAccount> | ReturnType<typeof sharedAccount>;

// Extra accounts talk to the API directly: the web app's proxy replaces any X-Forwarded-For with
// the browser's address, so only there does a forwarded address get its own rate-limit bucket.
const API_URL = `http://127.0.0.1:${process.env.E2E_API_PORT ?? 4174}`;

function randomAddress(): string {
  return `10.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(1, 250)}`;
}

/**
 * Signs `account` in (or up, the first time) straight at the API from an address of its own,
 * and returns a request context that acts as it (with its session as a bearer token).
 */
async function apiAccount(account: Account) {
  const address = randomAddress();
  const anonymous = await requestFactory.newContext({
    baseURL: API_URL,
    extraHTTPHeaders: { 'x-forwarded-for': address },
  });
  let auth = await anonymous.post('/api/auth/login', {
    data: { email: account.email, password: account.password },
  });
  if (auth.status() === 401) {
    auth = await anonymous.post('/api/auth/signup', { data: account });
    expect(auth.status(), await auth.text()).toBe(201);
  } else {
    expect(auth.status(), await auth.text()).toBe(200);
  }
  const { token } = (await auth.json()) as { token: string };
  await anonymous.dispose();
  return requestFactory.newContext({
    baseURL: API_URL,
    extraHTTPHeaders: { 'x-forwarded-for': address, authorization: `Bearer ${token}` },
  });
}

async function defaultPseud(context: APIRequestContext) {
  const pseuds = (await (await context.get('/api/me/pseuds')).json()) as {
    pseuds: { id: number; name: string; isDefault: boolean }[];
  };
  return (pseuds.pseuds.find((p) => p.isDefault) ?? pseuds.pseuds[0])!;
}

async function submitEntry(context: APIRequestContext, slug: string, title: string) {
  const pseud = await defaultPseud(context);
  const posted = await context.post(`/api/challenges/${slug}/entries`, {
    data: {
      pseudId: pseud.id,
      header: {
        title,
        rating: 'PG-13',
        warningsNone: true,
        fandoms: ['Original Work'],
        archive: 'yes',
      },
      body: `${title}: a short story.\n\nIt ends well.`,
      submit: true,
    },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  return { id: ((await posted.json()) as { id: number }).id, author: pseud.name };
}

/** Opens a page and waits until its scripts have run. */
async function openPage(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForLoadState('networkidle');
  return response;
}

async function signInPage(page: Page, account: Account) {
  const login = await page.request.post('/api/auth/login', {
    data: { email: account.email, password: account.password },
  });
  expect(login.status(), await login.text()).toBe(200);
}

/** Ranks entries on the vote page (title -> rank) and saves the ranked category. */
async function rank(page: Page, ranks: Record<string, string>) {
  for (const [title, value] of Object.entries(ranks)) {
    await page.getByLabel(`Rank for “${title}”`).selectOption(value);
  }
  await page.getByRole('button', { name: `Save my vote in “${CATEGORY.name}”` }).click();
}

test('three readers vote in a ranked category; the organizer previews and publishes; a reader sees the winner', async ({
  page,
  browser,
  baseURL,
}) => {
  /** A page in a browser context of its own (axe needs one made by newContext). */
  const newPage = async () => (await browser.newContext({ baseURL })).newPage();

  test.setTimeout(240_000);

  // Everyone signs up or in before the clock starts.
  const voter2Account = uniqueAccount('voter');
  const voter3Account = uniqueAccount('voter');
  const organizer = await apiAccount(ORGANIZER);
  const writerA = await apiAccount(uniqueAccount('amber'));
  const writerB = await apiAccount(uniqueAccount('brass'));
  const writerC = await apiAccount(WRITER);
  const contexts = [
    organizer,
    writerA,
    writerB,
    writerC,
    await apiAccount(READER),
    await apiAccount(voter2Account),
    await apiAccount(voter3Account),
  ];

  // Submissions close a few seconds from now and voting follows at once; it closes once the
  // three readers have had time to vote through the pages.
  const slug = `vote-${randomUUID().slice(0, 8)}`;
  const title = `Lantern Vote ${slug.slice(-8)}`;
  const now = Date.now();
  const closesAt = new Date(now + 12_000);
  const votingClosesAt = new Date(now + 75_000);
  const created = await organizer.post('/api/challenges', {
    data: {
      slug,
      title,
      description: 'A short challenge with a ranked vote.',
      anonymous: true,
      schedule: {
        timeZone: 'Europe/London',
        opensAt: new Date(now - 60 * 60 * 1000).toISOString(),
        closesAt: closesAt.toISOString(),
        votingOpensAt: closesAt.toISOString(),
        votingClosesAt: votingClosesAt.toISOString(),
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const config = await organizer.put(`/api/challenges/${slug}/voting`, {
    data: {
      categories: [{ ...CATEGORY, method: 'ranked', rankedCount: 'instant_runoff' }],
    },
  });
  expect(config.status(), await config.text()).toBe(200);
  const announced = await organizer.post(`/api/challenges/${slug}/announce`);
  expect(announced.status(), await announced.text()).toBe(200);

  const a = await submitEntry(writerA, slug, TITLES.a);
  const b = await submitEntry(writerB, slug, TITLES.b);
  const c = await submitEntry(writerC, slug, TITLES.c);

  await test.step('voting opens, and the challenge page links to the vote', async () => {
    await expect
      .poll(
        async () =>
          ((await (await organizer.get(`/api/challenges/${slug}`)).json()) as { phase: string })
            .phase,
        { timeout: 20_000, intervals: [500] },
      )
      .toBe('voting');
  });

  // Two writers vote too (through the API), so the count needs a second round: first
  // preferences A 2, C 2, B 1; B is eliminated, its ballot moves to A, and A wins 3 to 2.
  for (const [context, ranking] of [
    [writerB, [c.id, a.id]],
    [writerC, [b.id, a.id]],
  ] as const) {
    const cast = await context.put(`/api/challenges/${slug}/ballots/${CATEGORY.id}`, {
      data: { ranking },
    });
    expect(cast.status(), await cast.text()).toBe(200);
  }

  // Everything else happens in the browser.
  for (const context of contexts) await context.dispose();

  await test.step('the first reader votes, after fixing a duplicate rank', async () => {
    await signInPage(page, READER);
    await openPage(page, `/challenges/${slug}`);
    await expectNoAxeViolations(page, 'challenge page during voting');
    await page.getByRole('link', { name: 'Vote', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Vote in “${title}”`);
    await page.waitForLoadState('networkidle');
    // No authors while the challenge is anonymous.
    await expect(page.getByText(a.author)).toHaveCount(0);
    await expectNoAxeViolations(page, 'vote page');

    await rank(page, { [TITLES.a]: '1', [TITLES.b]: '1' });
    const error = page.getByText(`Rank 1 is also given to “${TITLES.b}”.`).first();
    await expect(error).toBeVisible();
    await expect(page.getByLabel(`Rank for “${TITLES.a}”`)).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, 'vote page with a duplicate rank');

    await rank(page, { [TITLES.a]: '1', [TITLES.b]: '2' });
    await expect(
      page.getByRole('status').getByText(/Your vote in “Best overall” is saved/),
    ).toBeVisible();
    await expect(page.getByText('You have voted in this category.')).toBeVisible();
    // Reloaded, the page shows the ballot as saved.
    await openPage(page, `/challenges/${slug}/vote`);
    await expect(page.getByLabel(`Rank for “${TITLES.a}”`)).toHaveValue('1');
    await expect(page.getByLabel(`Rank for “${TITLES.b}”`)).toHaveValue('2');
    await expect(page.getByLabel(`Rank for “${TITLES.c}”`)).toHaveValue('');
    await page.screenshot({ path: 'screenshots/voting-ballot.png', fullPage: true });
  });

  await test.step('two more readers vote, one with the keyboard only', async () => {
    const second = await newPage();
    await signInPage(second, voter2Account);
    await openPage(second, `/challenges/${slug}/vote`);
    await rank(second, { [TITLES.a]: '1', [TITLES.c]: '2' });
    await expect(second.getByRole('status').getByText(/is saved/)).toBeVisible();
    await second.context().close();

    const third = await newPage();
    await signInPage(third, voter3Account);
    await openPage(third, `/challenges/${slug}/vote`);
    // Keyboard: focus the first rank, choose with the arrow keys, tab on, submit with Enter.
    const cRank = third.getByLabel(`Rank for “${TITLES.c}”`);
    await cRank.focus();
    await third.keyboard.press('ArrowDown'); // Not ranked -> 1
    await expect(cRank).toHaveValue('1');
    const aRank = third.getByLabel(`Rank for “${TITLES.a}”`);
    await aRank.focus();
    await third.keyboard.press('ArrowDown');
    await third.keyboard.press('ArrowDown'); // -> 2
    await expect(aRank).toHaveValue('2');
    await third.getByRole('button', { name: `Save my vote in “${CATEGORY.name}”` }).focus();
    await third.keyboard.press('Enter');
    await expect(third.getByRole('status').getByText(/is saved/)).toBeVisible();
    await third.context().close();
  });

  await test.step('voting closes; ballots are refused and the vote page says so', async () => {
    const wait = votingClosesAt.getTime() - Date.now() + 500;
    if (wait > 0) await page.waitForTimeout(wait);
    const late = await page.request.put(`/api/challenges/${slug}/ballots/${CATEGORY.id}`, {
      data: { ranking: [b.id] },
    });
    expect(late.status()).toBe(409);
    await openPage(page, `/challenges/${slug}/vote`);
    await expect(page.getByText('Voting has closed.')).toBeVisible();
    // Before publication the results page is a plain 404.
    const early = await page.goto(`/challenges/${slug}/results`);
    expect(early?.status()).toBe(404);
  });

  await test.step('the organizer previews and publishes', async () => {
    const organizerPage = await newPage();
    await signInPage(organizerPage, ORGANIZER);
    await openPage(organizerPage, `/challenges/${slug}/manage`);
    await organizerPage.getByRole('link', { name: 'Voting and results' }).click();
    await expect(organizerPage.getByRole('heading', { level: 1 })).toHaveText('Voting and results');
    await organizerPage.waitForLoadState('networkidle');
    const preview = organizerPage.getByRole('region', { name: CATEGORY.name });
    await expect(preview.getByText('Authors revealed on publication')).toBeVisible();
    await expect(preview.getByRole('row', { name: new RegExp(TITLES.a) })).toContainText('1');
    await expectNoAxeViolations(organizerPage, 'voting and results (preview)');
    await organizerPage.screenshot({ path: 'screenshots/voting-preview.png', fullPage: true });

    await organizerPage.getByRole('button', { name: 'Publish the results' }).click();
    await expect(organizerPage.getByText('Tick the box to confirm').first()).toBeVisible();
    await organizerPage
      .getByLabel('I understand that publishing is public and cannot be undone')
      .check();
    await organizerPage.getByRole('button', { name: 'Publish the results' }).click();
    await expect(
      organizerPage.getByRole('status').getByText(/results are published/),
    ).toBeVisible();
    await expectNoAxeViolations(organizerPage, 'voting and results (published)');
    await organizerPage.context().close();
  });

  await test.step('a reader sees the winner, the revealed author and the round chart', async () => {
    await openPage(page, `/challenges/${slug}`);
    await page.getByRole('link', { name: 'See the results' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Results of “${title}”`);
    await page.waitForLoadState('networkidle');
    const category = page.getByRole('region', { name: CATEGORY.name });
    const winner = category.getByText(/^Winner$/).locator('..');
    await expect(winner).toContainText(TITLES.a);
    await expect(winner).toContainText(`by ${a.author}`);
    await expect(category.getByRole('row', { name: new RegExp(TITLES.b) })).toContainText(b.author);
    // The chart, and its table: B out in round 1, A elected 3 to 2 in round 2.
    await expect(category.locator('figure svg')).toBeVisible();
    await category.getByText('Rounds as a table').click();
    const rounds = category.getByRole('table', { name: /votes per round/ });
    await expect(rounds.getByRole('row', { name: new RegExp(TITLES.b) })).toContainText(
      '1 (eliminated)',
    );
    await expect(rounds.getByRole('row', { name: new RegExp(TITLES.a) })).toContainText(
      '3 (elected)',
    );
    // The winner's award banner, and the snippet that embeds it elsewhere.
    await category.getByText('Award banners for the placed entries').click();
    const banner = category.getByRole('img', { name: new RegExp(`^${TITLES.a}: place 1`) });
    await expect(banner).toBeVisible();
    await expect
      .poll(() => banner.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await expect(category.getByLabel(`Embed this banner: “${TITLES.a}”`)).toHaveValue(
      new RegExp(
        `^<img src="http://[^"]+/api/challenges/${slug}/results/awards/${a.id}\\.svg" alt="${TITLES.a}: place 1`,
      ),
    );
    await expect(page.getByRole('link', { name: 'Feed of the results (Atom)' })).toHaveAttribute(
      'href',
      `/api/challenges/${slug}/results.atom`,
    );
    await expectNoAxeViolations(page, 'results page');
    await page.screenshot({ path: 'screenshots/voting-results.png', fullPage: true });
  });
});

test('the organizer sets up the vote and a judge; the judge scores an entry', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const organizer = await apiAccount(ORGANIZER);
  const writer = await apiAccount(WRITER);
  const judge = await apiAccount(READER);
  const slug = `setup-${randomUUID().slice(0, 8)}`;
  const now = Date.now();
  const closesAt = new Date(now + 8_000);
  const created = await organizer.post('/api/challenges', {
    data: {
      slug,
      title: `Judged ${slug.slice(-8)}`,
      schedule: {
        timeZone: 'Europe/London',
        opensAt: new Date(now - 60 * 60 * 1000).toISOString(),
        closesAt: closesAt.toISOString(),
        votingOpensAt: new Date(now + 10 * 60_000).toISOString(),
        votingClosesAt: new Date(now + 20 * 60_000).toISOString(),
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  expect((await organizer.post(`/api/challenges/${slug}/announce`)).status()).toBe(200);
  await submitEntry(writer, slug, TITLES.a);
  for (const context of [organizer, writer, judge]) await context.dispose();

  await test.step('categories and criteria are added and saved without a page script', async () => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const organizerPage = await context.newPage();
    await signInPage(organizerPage, ORGANIZER);
    await organizerPage.goto(`/challenges/${slug}/manage/voting`);
    await organizerPage.getByLabel('Name of a new category').fill('Best overall');
    await organizerPage.getByLabel('Method of the new category').selectOption('score');
    await organizerPage.getByRole('button', { name: 'Add this category' }).click();
    await expect(organizerPage.getByText('Not saved yet')).toBeVisible();
    await expect(
      organizerPage.getByRole('group', { name: 'Category 1: Best overall' }),
    ).toBeVisible();
    await organizerPage.getByLabel('Name of a new criterion').fill('Use of the prompt');
    await organizerPage.getByRole('button', { name: 'Add this criterion' }).click();
    await organizerPage.getByLabel('Result comes from').selectOption('blend');
    await organizerPage.getByLabel('Approval: most entries one voter may approve').fill('lots');
    await organizerPage.getByRole('button', { name: 'Save the voting setup' }).click();
    await expect(organizerPage.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(
      organizerPage
        .getByRole('group', { name: 'Category 1: Best overall' })
        .locator('.field-error'),
    ).toHaveCount(1);
    await organizerPage.getByLabel('Approval: most entries one voter may approve').fill('');
    await organizerPage.getByRole('button', { name: 'Save the voting setup' }).click();
    await expect(organizerPage.getByText('The voting setup is saved.')).toBeVisible();
    await organizerPage.goto(`/challenges/${slug}/manage/voting`);
    await expect(organizerPage.getByLabel('Result comes from')).toHaveValue('blend');
    await expect(organizerPage.getByLabel('Criterion', { exact: true })).toHaveValue(
      'Use of the prompt',
    );
    await context.close();
  });

  await test.step('the organizer appoints a judge', async () => {
    const organizerPage = await (await browser.newContext({ baseURL })).newPage();
    await signInPage(organizerPage, ORGANIZER);
    await organizerPage.goto(`/challenges/${slug}/manage/voting`);
    await organizerPage.waitForLoadState('networkidle');
    // The same messages with the page's script running, checked by axe this time.
    await organizerPage.getByLabel('Entries a voter must have opened').fill('many');
    await organizerPage.getByRole('button', { name: 'Save the voting setup' }).click();
    await expect(organizerPage.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expectNoAxeViolations(organizerPage, 'voting setup with an error');
    await organizerPage.getByLabel('Entries a voter must have opened').fill('');
    await organizerPage.getByRole('button', { name: 'Save the voting setup' }).click();
    await expect(organizerPage.getByText('The voting setup is saved.')).toBeVisible();
    await organizerPage
      .getByRole('region', { name: 'Judges' })
      .getByLabel('Pseud or email address')
      .fill(READER.email);
    await organizerPage.getByRole('button', { name: 'Add judge' }).click();
    await expect(organizerPage.getByText(`${READER.email} is now a judge.`)).toBeVisible();
    await expect(
      organizerPage
        .getByRole('list', { name: 'Judges' })
        .getByRole('button', { name: `Remove ${READER.displayName}` }),
    ).toBeVisible();
    await expectNoAxeViolations(organizerPage, 'voting setup');
    await organizerPage.screenshot({ path: 'screenshots/voting-setup.png', fullPage: true });
    await organizerPage.context().close();
  });

  await test.step('the judge scores the entry once submissions close', async () => {
    const wait = closesAt.getTime() - Date.now() + 500;
    if (wait > 0) await page.waitForTimeout(wait);
    await signInPage(page, READER);
    await openPage(page, `/challenges/${slug}/judge`);
    const sheet = page.getByRole('article', { name: TITLES.a });
    await sheet.getByLabel('Use of the prompt (1 to 5)').fill('4');
    await sheet.getByLabel('Comment for the writer (optional)').fill('The ending lands.');
    await sheet.getByRole('button', { name: `Save scores for “${TITLES.a}”` }).click();
    await expect(page.getByText(`Your scores for “${TITLES.a}” are saved.`)).toBeVisible();
    await openPage(page, `/challenges/${slug}/judge`);
    await expect(sheet.getByLabel('Use of the prompt (1 to 5)')).toHaveValue('4');
    await expect(sheet.getByText('Scored', { exact: false })).toBeVisible();
    await expectNoAxeViolations(page, 'judging sheet');
    await page.screenshot({ path: 'screenshots/voting-judging.png', fullPage: true });
  });
});
