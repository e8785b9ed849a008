import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { sharedAccount, signUpOrIn } from './accounts';
import { expectNoAxeViolations } from './axe';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const ORGANIZER = sharedAccount('organizer');
const WRITER = sharedAccount('writer');

/** A real challenge entry's opening (see ../shared/fixtures/entries/expected.json). */
const FIXTURE = new URL('../../../shared/fixtures/entries/crack-it-open.txt', import.meta.url);

/** Traditional songs, long in the public domain. */
const PROMPTS = [
  {
    title: 'Barbara Allen',
    body: "In Scarlet Town, where I was born,\nThere was a fair maid dwellin'",
  },
  {
    title: 'The Water Is Wide',
    body: "The water is wide, I cannot get o'er,\nAnd neither have I wings to fly",
  },
];

/**
 * Sets up, through the API as the shared organizer, a lyric challenge that is open now and asks
 * for a claimed prompt and a summary, and accepts explicit work (the fixture is rated NC-17).
 */
async function createOpenChallenge(request: APIRequestContext, label: string) {
  await signUpOrIn(request, ORGANIZER);
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const title = `Lyrical Inspiration ${slug.slice(-8)}`;
  const now = Date.now();
  const created = await request.post('/api/challenges', {
    data: {
      slug,
      title,
      description: 'Write a story inspired by one of the traditional songs below.',
      schedule: {
        timeZone: 'Europe/London',
        opensAt: new Date(now - HOUR).toISOString(),
        closesAt: new Date(now + 7 * DAY).toISOString(),
      },
      rules: {
        promptRequired: true,
        claimRequired: true,
        requiredFields: ['summary'],
        allowedRatings: ['teen', 'mature', 'explicit'],
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  for (const prompt of PROMPTS) {
    const added = await request.post(`/api/challenges/${slug}/prompts`, {
      data: { kind: 'lyrics', title: prompt.title, credit: 'Traditional', body: prompt.body },
    });
    expect(added.status(), await added.text()).toBe(201);
  }
  const announced = await request.post(`/api/challenges/${slug}/announce`);
  expect(announced.status(), await announced.text()).toBe(200);
  return { slug, title };
}

/** The fixture as a writer would paste it, and the story the parser finds after its header. */
async function readFixture(request: APIRequestContext) {
  const text = await readFile(FIXTURE, 'utf8');
  const parsed = await request.post('/api/header/parse', { data: { text } });
  expect(parsed.status(), await parsed.text()).toBe(200);
  const { body } = (await parsed.json()) as { body: string };
  expect(body.startsWith('The soft sound of feet on rough cement')).toBe(true);
  return { text, body };
}

/**
 * Opens a page and waits until its scripts have run: text typed into a server-rendered field
 * before hydration can be overwritten when the field's value is hydrated.
 */
async function openPage(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForLoadState('networkidle');
  return response;
}

const SUMMARY = 'Late one night, on a rooftop in L.A., Spike keeps Wesley company.';
const SUMMARY_PROBLEM = 'This challenge asks every entry for a summary.';
const PROMPT_PROBLEM = 'Choose the prompt your story answers.';

test('a writer claims a prompt, pastes a story, fixes a rule problem, submits, edits and downloads it', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const { slug, title } = await createOpenChallenge(request, 'rooftops');
  const fixture = await readFixture(request);
  await signUpOrIn(page.request, WRITER);
  let entryPath = '';

  await test.step('the writer claims a prompt and opens the submit form', async () => {
    await openPage(page, `/challenges/${slug}`);
    const first = page.getByRole('region', { name: 'Prompts' }).getByRole('listitem').first();
    await first.getByRole('button', { name: 'Claim “Barbara Allen”' }).click();
    await expect(first).toContainText('You claimed this prompt.');
    await page.getByRole('link', { name: 'Submit an entry' }).click();
    await expect(page).toHaveURL(new RegExp(`/challenges/${slug}/submit$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Submit an entry' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    // Only the claimed prompt is offered.
    await expect(page.getByLabel('Prompt', { exact: true }).locator('option')).toHaveText([
      'Choose a prompt',
      'Barbara Allen (Traditional)',
    ]);
    await expectNoAxeViolations(page, 'submit page');
    await page.screenshot({ path: 'screenshots/writer-submit.png', fullPage: true });
  });

  await test.step('pasting the story and reading its header fills the form', async () => {
    await page.getByLabel('Paste your story with its header').fill(fixture.text);
    await page.getByRole('button', { name: 'Read the header' }).click();
    await expect(page.getByText(/^Read the header: \d+ fields filled in/)).toBeVisible();

    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Crack It Open');
    await expect(page.getByLabel('Rating', { exact: true })).toHaveValue('NC-17');
    // "Content/Warnings: Spike/Wesley" names a pairing, not a warning.
    await expect(page.getByLabel('Pairings')).toHaveValue('Spike/Wesley');
    await expect(page.getByLabel('Warnings', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('Spoilers')).toHaveValue(/^Through late S3/);
    await expect(page.getByLabel('Disclaimer')).toHaveValue(
      /^These characters are the property of Joss Whedon/,
    );
    await expect(page.getByLabel('Archive and distribution permission')).toHaveValue(
      /^Only with my explicit permission/,
    );
    await expect(page.getByLabel('Your story', { exact: true })).toHaveValue(fixture.body);
    await expect(page.getByLabel('Paste your story with its header')).toHaveValue('');

    // The rules are checked at once: the fixture has no summary, and no prompt is chosen yet.
    const checks = page.getByRole('region', { name: 'Checks' });
    await expect(checks).toContainText(SUMMARY_PROBLEM);
    await expect(checks).toContainText(PROMPT_PROBLEM);
    await expect(checks).toContainText(/Length: [\d,]+ words/);
    const summary = page.getByLabel(/^Summary/);
    await expect(summary).toHaveAttribute('aria-invalid', 'true');
    await expect(summary).toHaveAccessibleDescription(new RegExp(SUMMARY_PROBLEM));
    await expectNoAxeViolations(page, 'submit page after reading the header');
    await page.screenshot({ path: 'screenshots/writer-parsed.png', fullPage: true });
  });

  await test.step('submitting with a rule broken is refused, and nothing typed is lost', async () => {
    await page.getByLabel('Notes').fill('Written for the lyric challenge. Thanks for reading!');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(problem).toBeVisible();
    await expect(problem.getByRole('link', { name: SUMMARY_PROBLEM })).toHaveAttribute(
      'href',
      '#summary',
    );
    await expect(problem.getByRole('link', { name: PROMPT_PROBLEM })).toHaveAttribute(
      'href',
      '#promptId',
    );
    await expect(page).toHaveURL(new RegExp(`/challenges/${slug}/submit$`));
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Crack It Open');
    await expect(page.getByLabel('Notes')).toHaveValue(
      'Written for the lyric challenge. Thanks for reading!',
    );
    await expect(page.getByLabel('Your story', { exact: true })).toHaveValue(fixture.body);
    await expectNoAxeViolations(page, 'submit page with broken rules');
    await page.screenshot({ path: 'screenshots/writer-rules-broken.png', fullPage: true });
  });

  await test.step('fixing the problems clears the live checks, and the entry is submitted', async () => {
    const checks = page.getByRole('region', { name: 'Checks' });
    await page.getByLabel(/^Summary/).fill(SUMMARY);
    await expect(checks).not.toContainText(SUMMARY_PROBLEM);
    await expect(checks).toContainText(PROMPT_PROBLEM);
    await page
      .getByLabel('Prompt', { exact: true })
      .selectOption({ label: 'Barbara Allen (Traditional)' });
    await expect(checks).toContainText('Your entry meets every rule of the challenge.');
    await expect(page.getByLabel(/^Summary/)).not.toHaveAttribute('aria-invalid', 'true');

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect(page).toHaveURL(/\/entries\/\d+\?saved=submitted$/);
    entryPath = new URL(page.url()).pathname;
    await expect(page.getByText('Your entry is submitted.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Crack It Open');
    await expect(page.getByText(`by ${WRITER.displayName}`)).toBeVisible();
    const about = page.getByRole('definition');
    await expect(about.filter({ hasText: 'Explicit (NC-17)' })).toBeVisible();
    await expect(about.filter({ hasText: SUMMARY })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Written for the prompt' })).toContainText(
      'In Scarlet Town, where I was born,',
    );
    await expect(page.locator('.story')).toContainText('Tonight, L.A. feels far away.');
    await expect(page.getByText('Status: Submitted.')).toBeVisible();
    await expectNoAxeViolations(page, 'entry page');
    await page.screenshot({ path: 'screenshots/writer-entry.png', fullPage: true });
  });

  await test.step('the writer edits the entry once', async () => {
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit “Crack It Open”');
    await page.waitForLoadState('networkidle');
    await expect(page.getByLabel('Your story', { exact: true })).toHaveValue(fixture.body);
    await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(/^\d+$/);
    // A submitted entry is never saved automatically: every save would publish a version.
    await expect(page.getByText('Your draft is saved automatically')).toHaveCount(0);
    await expectNoAxeViolations(page, 'edit page');
    await page.getByLabel(/^Summary/).fill(SUMMARY.replace('night', 'evening'));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`${entryPath}\\?saved=updated$`));
    await expect(page.getByText('Saved your changes.')).toBeVisible();
    await expect(
      page.getByRole('definition').filter({ hasText: 'Late one evening' }),
    ).toBeVisible();
  });

  await test.step('the history has two versions, and the diff marks the changed line', async () => {
    await page.getByRole('link', { name: 'Revisions' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Revisions of “Crack It Open”',
    );
    await expect(page.getByRole('list', { name: 'Versions' }).getByRole('listitem')).toHaveCount(2);
    const diff = page.getByRole('region', { name: 'Changes from version 1 to version 2' });
    await expect(diff.locator('del')).toHaveText(/^−?Removed: summary: Late one night/);
    await expect(diff.locator('ins')).toHaveText(/^\+?Added: summary: Late one evening/);
    await expect(
      page.getByText('1 line added (marked +), 1 line removed (marked −).'),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'revisions page');
    await page.screenshot({ path: 'screenshots/writer-revisions.png', fullPage: true });

    // Choosing the same two versions the other way round shows the change reversed.
    await page.getByLabel('Older version').selectOption({ index: 1 });
    await page.getByLabel('Newer version').selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Show the changes' }).click();
    const reversed = page.getByRole('region', { name: 'Changes from version 2 to version 1' });
    await expect(reversed.locator('ins')).toHaveText(/summary: Late one night/);
  });

  await test.step('the .txt download holds the story exactly as pasted', async () => {
    await page.goto(entryPath);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Plain text (.txt)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^crack-it-open-\d+\.txt$/);
    const text = await readFile(await download.path(), 'utf8');
    const end = text.indexOf('\n\n');
    expect(text.slice(0, end)).toMatch(/^Title: Crack It Open\n/);
    expect(text.slice(0, end)).toContain('Summary: Late one evening');
    expect(text.slice(end + 2)).toBe(fixture.body);
  });

  await test.step('"My entries" lists the entry with its status', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'My entries' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My entries' })).toBeVisible();
    const item = page
      .getByRole('list', { name: 'My entries' })
      .getByRole('listitem')
      .filter({ hasText: title });
    await expect(item.getByRole('link', { name: 'Crack It Open', exact: true })).toBeVisible();
    await expect(item).toContainText('Submitted');
    await expectNoAxeViolations(page, 'my entries page');
    await page.screenshot({ path: 'screenshots/writer-my-entries.png', fullPage: true });
  });

  await test.step('a reader passes the adult-content notice once per session', async () => {
    const readerContext = await browser.newContext();
    const reader = await readerContext.newPage();
    await reader.goto(entryPath);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(
      'Before you read “Crack It Open”',
    );
    await expect(reader.getByRole('main')).toContainText('Explicit (NC-17)');
    await expect(reader.locator('.story')).toHaveCount(0);
    await expectNoAxeViolations(reader, 'adult-content notice');
    await reader.screenshot({ path: 'screenshots/writer-reader-notice.png', fullPage: true });
    await reader.getByRole('button', { name: 'Proceed' }).click();
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Crack It Open');
    await expect(reader.locator('.story')).toContainText('Tonight, L.A. feels far away.');
    await expect(reader.getByRole('region', { name: 'Your entry' })).toHaveCount(0);
    // Remembered: the next visit goes straight to the story.
    await reader.goto(entryPath);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Crack It Open');
    const txt = await reader.request.get(
      (await reader.getByRole('link', { name: 'Plain text (.txt)' }).getAttribute('href')) ?? '',
    );
    expect(txt.status()).toBe(200);
    await readerContext.close();
  });

  await test.step('the writer pages pass in the dark scheme and fit a phone', async () => {
    const paths = [
      `/challenges/${slug}/submit`,
      entryPath,
      `${entryPath}/edit`,
      `${entryPath}/revisions`,
      '/account/entries',
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
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('withdrawing asks for confirmation first', async () => {
    await page.goto(entryPath);
    await page.getByRole('link', { name: 'Withdraw…' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Withdraw “Crack It Open”?');
    await expectNoAxeViolations(page, 'withdraw confirmation');
    await page.getByRole('link', { name: 'No, keep it' }).click();
    await expect(page).toHaveURL(new RegExp(`${entryPath}$`));
    await page.getByRole('link', { name: 'Withdraw…' }).click();
    await page.getByRole('button', { name: 'Withdraw the entry' }).click();
    await expect(page).toHaveURL(new RegExp(`${entryPath}\\?withdrawn=1$`));
    await expect(page.getByText('Status: Withdrawn.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the submit form reads a paste, keeps everything after a refused submit, and submits', async ({
    page,
    request,
  }) => {
    const { slug } = await createOpenChallenge(request, 'nojs');
    const fixture = await readFixture(request);
    await signUpOrIn(page.request, WRITER);

    await page.goto(`/challenges/${slug}`);
    await page.getByRole('button', { name: 'Claim “The Water Is Wide”' }).click();
    await expect(page.getByText('You claimed this prompt.')).toBeVisible();
    await page.getByRole('link', { name: 'Submit an entry' }).click();

    await page.getByLabel('Paste your story with its header').fill(fixture.text);
    await page.getByRole('button', { name: 'Read the header' }).click();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Crack It Open');
    await expect(page.getByLabel('Your story', { exact: true })).toHaveValue(fixture.body);
    await expect(page.getByRole('region', { name: 'Checks' })).toContainText(SUMMARY_PROBLEM);

    // Choose the prompt and change the title, but forget the summary.
    await page
      .getByLabel('Prompt', { exact: true })
      .selectOption({ label: 'The Water Is Wide (Traditional)' });
    await page.getByLabel('Title', { exact: true }).fill('Crack It Open (a rooftop story)');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    await expect(
      page.getByRole('alert').getByRole('link', { name: SUMMARY_PROBLEM }),
    ).toBeVisible();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(
      'Crack It Open (a rooftop story)',
    );
    await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(/^\d+$/);
    await expect(page.getByLabel('Rating', { exact: true })).toHaveValue('NC-17');
    await expect(page.getByLabel('Your story', { exact: true })).toHaveValue(fixture.body);

    // The Check button shows the checks without saving.
    await page.getByLabel(/^Summary/).fill(SUMMARY);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Checks' })).toContainText(
      'Your entry meets every rule of the challenge.',
    );

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect(page).toHaveURL(/\/entries\/\d+\?saved=submitted$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Crack It Open (a rooftop story)',
    );
    await expect(page.getByRole('region', { name: 'Written for the prompt' })).toContainText(
      'The water is wide',
    );
  });
});

test('a story file is imported, Enter in a field only checks, and a draft is previewed', async ({
  page,
  request,
}) => {
  const { slug } = await createOpenChallenge(request, 'imports');
  await signUpOrIn(page.request, WRITER);
  await openPage(page, `/challenges/${slug}/submit`);

  // Browsers often send no useful type for .md: the extension decides.
  const markdown =
    'Title: Rooftops\nRating: PG-13\nSummary: Two old friends.\n\nThe *city* was quiet.\n';
  const file = page.getByLabel('Import a file');
  await file.setInputFiles({
    name: 'rooftops.md',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(markdown),
  });
  await page.getByRole('button', { name: 'Import the file' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Rooftops');
  await expect(page.getByLabel(/^Summary/)).toHaveValue('Two old friends.');
  await expect(page.getByLabel('Markdown', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Your story', { exact: true })).toHaveValue(
    'The *city* was quiet.\n',
  );

  await file.setInputFiles({
    name: 'story.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4'),
  });
  await page.getByRole('button', { name: 'Import the file' }).click();
  await expect(file).toHaveAccessibleDescription(/Import a \.txt, \.md, \.html or \.docx file\./);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Rooftops');

  // Enter submits the form's first button, which only checks: nothing is saved.
  await page.getByLabel('Title', { exact: true }).press('Enter');
  await expect(page.getByText(/^Checked: 1 rule not met yet\./)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/challenges/${slug}/submit$`));

  await page.getByRole('button', { name: 'Save and preview' }).click();
  await expect(page).toHaveURL(/\/entries\/\d+\/edit\?preview=1#preview$/);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('em')).toHaveText('city');
  await expect(page.getByText('Status: Draft.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeVisible();
  await expectNoAxeViolations(page, 'edit page with a preview');
  await page.screenshot({ path: 'screenshots/writer-preview.png', fullPage: true });
});

test('a new entry is saved as a draft automatically, and the form then updates that draft', async ({
  page,
  request,
}) => {
  const { slug } = await createOpenChallenge(request, 'autosave');
  await signUpOrIn(page.request, WRITER);
  const myDrafts = async () => {
    const response = await page.request.get('/api/me/entries');
    expect(response.status()).toBe(200);
    const { entries } = (await response.json()) as {
      entries: { id: number; title: string; status: string; challenge: { slug: string } }[];
    };
    return entries.filter((entry) => entry.challenge.slug === slug);
  };

  // The page's timers run on a clock the test moves, so no test waits half a minute.
  await page.clock.install();
  await openPage(page, `/challenges/${slug}/submit`);
  await expect(page.getByText('Your draft is saved automatically while you write.')).toBeVisible();

  await page.getByLabel('Your story', { exact: true }).fill('The first line of a story.');
  await page.clock.runFor(31_000);
  await expect(
    page.getByText('Your draft will be saved automatically once it has a title.'),
  ).toBeVisible();
  expect(await myDrafts()).toHaveLength(0);

  await page.getByLabel('Title', { exact: true }).fill('Saved While Writing');
  await page.clock.runFor(31_000);
  await expect(page.getByText(/^Draft saved \d\d:\d\d$/)).toBeVisible();
  const [draft, ...others] = await myDrafts();
  expect(others).toHaveLength(0);
  expect(draft).toMatchObject({ title: 'Saved While Writing', status: 'draft' });

  // The form's own button saves to that draft: still one entry.
  await page
    .getByLabel('Your story', { exact: true })
    .fill('The first line of a story.\n\nAnd a second.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${draft!.id}\\?saved=draft$`));
  expect(await myDrafts()).toHaveLength(1);
  await expect(page.locator('.story')).toContainText('And a second.');
});
