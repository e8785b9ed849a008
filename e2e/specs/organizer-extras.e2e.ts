import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { sharedAccount, signUpOrIn } from './accounts';
import { expectNoAxeViolations } from './axe';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

// The same fixed accounts as organizer.e2e.ts: sign-ups are rate limited (5 an hour per client).
const ORGANIZER = sharedAccount('organizer');
const WRITER = sharedAccount('writer');

/**
 * Opens a page and waits until its scripts have run: text typed into a server-rendered field
 * before hydration can be overwritten when the field's value is hydrated.
 */
async function openPage(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForLoadState('networkidle');
  return response;
}

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** An open challenge made through the API: open since an hour ago, closing in three days. */
async function openChallenge(
  request: APIRequestContext,
  slug: string,
  extra: Record<string, unknown> = {},
  prompts: string[] = [],
) {
  const now = Date.now();
  const created = await request.post('/api/challenges', {
    data: {
      slug,
      title: `Challenge ${slug}`,
      schedule: {
        timeZone: 'UTC',
        opensAt: new Date(now - HOUR).toISOString(),
        closesAt: new Date(now + 3 * DAY).toISOString(),
      },
      ...extra,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  for (const title of prompts) {
    const prompt = await request.post(`/api/challenges/${slug}/prompts`, {
      data: { kind: 'text', title },
    });
    expect(prompt.status(), await prompt.text()).toBe(201);
  }
  const announced = await request.post(`/api/challenges/${slug}/announce`);
  expect(announced.status(), await announced.text()).toBe(200);
}

test('an organizer starts a community, shares it, and hosts a challenge with custom fields', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  await signUpOrIn(page.request, ORGANIZER);
  const communitySlug = unique('ballad-circle');
  const communityName = `The Ballad Circle ${communitySlug.slice(-8)}`;
  const challengeSlug = unique('verses');
  const challengeTitle = `Verses ${challengeSlug.slice(-8)}`;

  await test.step('the communities page offers to start one', async () => {
    await openPage(page, '/communities');
    await expect(page.getByRole('heading', { level: 1, name: 'Communities' })).toBeVisible();
    await expect(
      page.getByRole('banner').getByRole('link', { name: 'Communities' }),
    ).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page, 'communities page');
    await page.getByRole('link', { name: 'Start a community' }).click();
    await expect(page).toHaveURL(/\/communities\/new$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Start a community' })).toBeVisible();
    await page.waitForLoadState('networkidle');
  });

  await test.step('the form says what is missing, beside each field', async () => {
    await page.getByRole('button', { name: 'Start the community' }).click();
    await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Address')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Address')).toHaveAccessibleDescription(
      /Choose an address for the community/,
    );
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
    await expectNoAxeViolations(page, 'new community page with errors');

    await page.getByLabel('Name').fill(communityName);
    await page.getByLabel('Address').fill(communitySlug);
    await page
      .getByLabel('Description (optional)')
      .fill('We run a **ballad** challenge every season.');
    await page.screenshot({
      path: 'screenshots/organizer-extras-new-community.png',
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Start the community' }).click();
    await expect(page).toHaveURL(new RegExp(`/communities/${communitySlug}\\?created=1$`));
    await expect(page.getByRole('heading', { level: 1, name: communityName })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Your community is started.');
    await expect(page.locator('.prose strong')).toHaveText('ballad');
    await expect(page.getByRole('list', { name: 'Moderators' })).toContainText(
      `${ORGANIZER.displayName} (owner)`,
    );
    await expect(page.getByText('No challenge is running right now.')).toBeVisible();
  });

  await test.step('the address is taken now', async () => {
    await openPage(page, '/communities/new');
    await page.getByLabel('Name').fill('Copycat');
    await page.getByLabel('Address').fill(communitySlug);
    await page.getByRole('button', { name: 'Start the community' }).click();
    await expect(page.getByLabel('Address')).toHaveAccessibleDescription(/is taken/);
    await expect(page.getByLabel('Name')).toHaveValue('Copycat');
  });

  await test.step('the community is listed', async () => {
    await openPage(page, '/communities');
    await expect(page.getByRole('link', { name: communityName })).toHaveAttribute(
      'href',
      `/communities/${communitySlug}`,
    );
    await expectNoAxeViolations(page, 'communities page with a community');
    await page.screenshot({ path: 'screenshots/organizer-extras-communities.png', fullPage: true });
  });

  await test.step('the owner adds a co-moderator by email, and removes one after asking', async () => {
    // The writer's account has to exist to be added; signed in apart from this page.
    await signUpOrIn(request, WRITER);
    await openPage(page, `/communities/${communitySlug}`);
    await expectNoAxeViolations(page, 'community page');

    const moderators = page.getByRole('region', { name: 'Moderators' });
    await moderators.getByLabel('Pseud or email address').fill('nobody-here@example.com');
    await moderators.getByRole('button', { name: 'Add moderator' }).click();
    await expect(moderators.getByLabel('Pseud or email address')).toHaveAccessibleDescription(
      /Nobody here has the pseud or email/,
    );

    await moderators.getByLabel('Pseud or email address').fill(WRITER.email);
    await moderators.getByRole('button', { name: 'Add moderator' }).click();
    await expect(page.getByRole('status')).toContainText(
      `${WRITER.displayName} is now a moderator of ${communityName}.`,
    );
    const list = page.getByRole('list', { name: 'Moderators' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list).toContainText(`${WRITER.displayName} (moderator)`);

    // Removing asks first; keeping them changes nothing.
    await list.getByRole('link', { name: `Remove… ${WRITER.displayName}` }).click();
    await expect(
      page.getByRole('heading', { level: 3, name: `Remove ${WRITER.displayName}?` }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'community page asking to confirm a removal');
    await page.getByRole('link', { name: 'No, keep them' }).click();
    await expect(page.getByRole('heading', { name: `Remove ${WRITER.displayName}?` })).toHaveCount(
      0,
    );
    await expect(list.getByRole('listitem')).toHaveCount(2);

    await list.getByRole('link', { name: `Remove… ${WRITER.displayName}` }).click();
    await page.getByRole('button', { name: `Yes, remove ${WRITER.displayName}` }).click();
    await expect(page.getByRole('status')).toContainText(
      `${WRITER.displayName} no longer moderates this community.`,
    );
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(page).toHaveURL(new RegExp(`/communities/${communitySlug}$`));

    // And back as a moderator, to stay; nothing asks to remove them again.
    await moderators.getByLabel('Pseud or email address').fill(WRITER.email);
    await moderators.getByRole('button', { name: 'Add moderator' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(page.getByRole('heading', { name: `Remove ${WRITER.displayName}?` })).toHaveCount(
      0,
    );
    await page.screenshot({ path: 'screenshots/organizer-extras-community.png', fullPage: true });
  });

  await test.step('a challenge started from the community is hosted in it', async () => {
    await page.getByRole('link', { name: 'Start a challenge in this community' }).click();
    await expect(page).toHaveURL(new RegExp(`/challenges/new\\?community=${communitySlug}$`));
    await page.waitForLoadState('networkidle');
    await expect(page.getByLabel('Community (optional)')).toHaveValue(communitySlug);

    const now = Date.now();
    await page.getByLabel('Title').fill(challengeTitle);
    await page.getByLabel('Address').fill(challengeSlug);
    await page.getByLabel('Time zone').selectOption('UTC');
    await page.getByLabel('Entries open').fill(new Date(now - HOUR).toISOString().slice(0, 16));
    await page.getByLabel('Entries close').fill(new Date(now + 3 * DAY).toISOString().slice(0, 16));
  });

  await test.step('the organizer adds custom fields, and removes one', async () => {
    const custom = page.getByRole('group', { name: 'Custom fields on the entry form' });
    const label = custom.getByLabel('Field label');
    const kind = custom.getByLabel('Kind of answer');
    const options = custom.getByLabel(/^Options/);
    const added = custom.getByRole('list', { name: 'Custom fields' });
    await expect(custom.getByText('No custom fields yet.')).toBeVisible();

    await label.fill('Which verse inspired you?');
    await kind.selectOption('choice');
    await custom.getByLabel('Writers must answer it').check();
    await options.fill('First verse\nSecond verse\n\nThe chorus');
    await custom.getByRole('button', { name: 'Add this field' }).click();
    await expect(custom.getByRole('status')).toHaveText(
      'Added the field “Which verse inspired you?”.',
    );
    await expect(added.getByRole('listitem')).toHaveCount(1);
    await expect(added).toContainText('One of a list: First verse, Second verse, The chorus');
    // The row is empty again and ready for the next field; the rest of the form is as typed.
    await expect(label).toHaveValue('');
    await expect(label).toBeFocused();
    await expect(page.getByLabel('Title')).toHaveValue(challengeTitle);

    // A choice needs two options: said beside the options, with what was typed kept.
    await label.fill('Mood');
    await kind.selectOption('choice');
    await options.fill('Sad');
    await custom.getByRole('button', { name: 'Add this field' }).click();
    await expect(options).toHaveAttribute('aria-invalid', 'true');
    await expect(options).toHaveAccessibleDescription(/A choice field needs at least two options/);
    await expect(label).toHaveValue('Mood');
    await expect(added.getByRole('listitem')).toHaveCount(1);

    await label.fill('This story is new for the challenge');
    await kind.selectOption('checkbox');
    await custom.getByLabel('Writers must answer it').check();
    await options.fill('');
    await custom.getByRole('button', { name: 'Add this field' }).click();
    await expect(added.getByRole('listitem')).toHaveCount(2);
    await expect(added.getByRole('listitem').nth(1)).toContainText('A tick box · must be ticked');

    await label.fill('Temporary question');
    await custom.getByRole('button', { name: 'Add this field' }).click();
    await expect(added.getByRole('listitem')).toHaveCount(3);
    await added.getByRole('button', { name: 'Remove “Temporary question”' }).click();
    await expect(custom.getByRole('status')).toHaveText('Removed the field “Temporary question”.');
    await expect(added.getByRole('listitem')).toHaveCount(2);

    await expectNoAxeViolations(page, 'new challenge page with custom fields');
    await custom.screenshot({ path: 'screenshots/organizer-extras-custom-fields.png' });
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page).toHaveURL(new RegExp(`/challenges/${challengeSlug}/manage\\?created=1$`));
  });

  await test.step('the draft shows on the community page for moderators only', async () => {
    await openPage(page, `/communities/${communitySlug}`);
    const drafts = page.getByRole('region', { name: 'Drafts' });
    await expect(drafts.getByRole('link', { name: challengeTitle })).toBeVisible();
    await expect(drafts.getByText('Draft', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'community page with a draft');

    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto(`/communities/${communitySlug}`);
    await expect(visitor.getByRole('heading', { level: 1, name: communityName })).toBeVisible();
    await expect(visitor.getByRole('region', { name: 'Drafts' })).toHaveCount(0);
    await expect(visitor.getByRole('link', { name: challengeTitle })).toHaveCount(0);
    await expect(visitor.getByRole('button', { name: 'Add moderator' })).toHaveCount(0);
    await visitorContext.close();
  });

  await test.step('once announced, readers see the custom fields among the rules', async () => {
    const announced = await page.request.post(`/api/challenges/${challengeSlug}/announce`);
    expect(announced.status(), await announced.text()).toBe(200);

    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto(`/challenges/${challengeSlug}`);
    await expect(visitor.getByRole('link', { name: communityName })).toHaveAttribute(
      'href',
      `/communities/${communitySlug}`,
    );
    const rules = visitor.getByRole('list', { name: 'Rules' });
    await expect(rules).toContainText(
      'The entry form asks “Which verse inspired you?”, with the choices First verse, Second verse or The chorus (an answer is required).',
    );
    await expect(rules).toContainText(
      'Every entry must tick “This story is new for the challenge”.',
    );
    await expectNoAxeViolations(visitor, 'public page with custom fields');
    await visitor.screenshot({
      path: 'screenshots/organizer-extras-public-rules.png',
      fullPage: true,
    });

    await visitor.goto(`/communities/${communitySlug}`);
    await expect(
      visitor.getByRole('region', { name: 'Current challenges' }).getByRole('link', {
        name: challengeTitle,
      }),
    ).toBeVisible();
    await visitorContext.close();
  });

  await test.step('the edit form keeps the custom fields', async () => {
    await openPage(page, `/challenges/${challengeSlug}/manage/edit`);
    const added = page.getByRole('list', { name: 'Custom fields' });
    await expect(added.getByRole('listitem')).toHaveCount(2);
    await expect(page.getByLabel('Community (optional)')).toHaveCount(0);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/challenges/${challengeSlug}/manage\\?saved=1$`));
    await openPage(page, `/challenges/${challengeSlug}/manage/edit`);
    await expect(added.getByRole('listitem')).toHaveCount(2);
  });

  await test.step('the community pages pass in the dark scheme and fit a phone', async () => {
    const paths = ['/communities', '/communities/new', `/communities/${communitySlug}`];
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const path of paths) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (dark)`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [...paths, `/challenges/${challengeSlug}/manage/edit`]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
  });
});

test('hosting a challenge in a community one does not moderate is refused beside the field', async ({
  page,
}) => {
  // The writer owns a community of their own; the organizer does not moderate it.
  await signUpOrIn(page.request, WRITER);
  const theirs = unique('writers-only');
  const created = await page.request.post('/api/communities', {
    data: { slug: theirs, name: 'Writers only', description: '' },
  });
  expect(created.status(), await created.text()).toBe(201);

  await signUpOrIn(page.request, ORGANIZER);
  await openPage(page, `/challenges/new?community=${theirs}`);
  await page.getByLabel('Title').fill('Not mine to host');
  await page.getByLabel('Address').fill(unique('not-mine'));
  await page.getByRole('button', { name: 'Create draft' }).click();
  const community = page.getByLabel('Community (optional)');
  await expect(community).toHaveAttribute('aria-invalid', 'true');
  await expect(community).toHaveAccessibleDescription(/Only the community’s moderators/);

  await community.fill('no-such-community-here');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(community).toHaveAccessibleDescription(/There is no community at this address/);
  await expect(page.getByLabel('Title')).toHaveValue('Not mine to host');
});

test('a writer enters the prompt draw and the organizer runs it with a published seed', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signUpOrIn(page.request, ORGANIZER);
  const slug = unique('draw');
  const prompts = ['Homecoming', 'Lighthouse', 'Winter road'];
  await openChallenge(page.request, slug, {}, prompts);

  const writerContext = await browser.newContext();
  const writer = await writerContext.newPage();
  await signUpOrIn(writer.request, WRITER);

  await test.step('the writer enters the draw on the public page', async () => {
    await openPage(writer, `/challenges/${slug}`);
    const section = writer.getByRole('region', { name: 'Prompts' });
    await expect(section.getByText('0 writers signed up.', { exact: false })).toBeVisible();
    await section.getByRole('button', { name: 'Enter the prompt draw' }).click();
    await expect(section.getByText('You are in the prompt draw.', { exact: false })).toBeVisible();
    await expect(section.getByText('1 writer signed up.', { exact: false })).toBeVisible();
    await expect(section.getByText('You are in the draw.')).toBeVisible();
    await expect(section.getByRole('button', { name: 'Leave the prompt draw' })).toBeVisible();
    await expectNoAxeViolations(writer, 'public page, in the draw');
    await section.screenshot({ path: 'screenshots/organizer-extras-draw-signup.png' });

    // Leaving and entering again.
    await section.getByRole('button', { name: 'Leave the prompt draw' }).click();
    await expect(section.getByText('0 writers signed up.', { exact: false })).toBeVisible();
    await section.getByRole('button', { name: 'Enter the prompt draw' }).click();
    await expect(section.getByText('1 writer signed up.', { exact: false })).toBeVisible();
  });

  await test.step('the organizer runs the draw with the seed “ballads”', async () => {
    await openPage(page, `/challenges/${slug}/manage`);
    const draw = page.getByRole('region', { name: 'Prompt draw' });
    await expect(draw).toContainText('1 writer has signed up.');
    // Organizers run the draw; they do not enter it.
    await openPage(page, `/challenges/${slug}`);
    await expect(page.getByRole('button', { name: 'Enter the prompt draw' })).toHaveCount(0);
    await openPage(page, `/challenges/${slug}/manage`);

    await draw.getByLabel('Seed (optional)').fill('ballads');
    await draw.getByRole('button', { name: 'Run the draw' }).click();
    const confirm = draw.getByLabel(/^Run the draw now/);
    await expect(confirm).toHaveAttribute('aria-invalid', 'true');
    await expect(draw.getByLabel('Seed (optional)')).toHaveValue('ballads');

    await confirm.check();
    await draw.getByRole('button', { name: 'Run the draw' }).click();
    await expect(page.getByRole('status').first()).toContainText(
      'The draw gave one writer a prompt, with the seed “ballads”.',
    );
    const table = draw.getByRole('table', { name: 'Who was given which prompt' });
    const row = table.getByRole('row', { name: new RegExp(WRITER.displayName) });
    await expect(row).toHaveCount(1);
    const drawnTitle = (await row.getByRole('cell').textContent())?.trim() ?? '';
    expect(prompts).toContain(drawnTitle);
    await expect(draw.locator('code')).toHaveText('ballads');
    await expect(draw.getByRole('button', { name: 'Run the draw' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'manage page after the draw');
    await page.screenshot({ path: 'screenshots/organizer-extras-draw.png', fullPage: true });

    // Reloaded, the page still says the draw ran and with which seed.
    await openPage(page, `/challenges/${slug}/manage`);
    await expect(draw).toContainText('The draw has run, with the seed ballads');

    await test.step('the public page publishes the seed, and the writer has the prompt', async () => {
      await openPage(writer, `/challenges/${slug}`);
      await expect(writer.getByText('Prompts were drawn with the published seed')).toContainText(
        'ballads',
      );
      await expect(writer.getByRole('button', { name: /prompt draw/ })).toHaveCount(0);
      const drawn = writer
        .getByRole('region', { name: 'Prompts' })
        .getByRole('listitem')
        .filter({ hasText: drawnTitle });
      await expect(drawn).toContainText('You claimed this prompt.');
      await expectNoAxeViolations(writer, 'public page after the draw');
      await writer.screenshot({
        path: 'screenshots/organizer-extras-draw-public.png',
        fullPage: true,
      });
    });
  });
  await writerContext.close();
});

test('an anonymous challenge’s manage page previews what the reveal makes public', async ({
  page,
  browser,
}) => {
  await signUpOrIn(page.request, ORGANIZER);
  const slug = unique('masks');
  await openChallenge(page.request, slug, { anonymous: true, organizersSeeAuthors: false });

  const writerContext = await browser.newContext();
  const writer = await writerContext.newPage();
  await signUpOrIn(writer.request, WRITER);
  const me = await (await writer.request.get('/api/me')).json();
  const entry = await writer.request.post(`/api/challenges/${slug}/entries`, {
    data: {
      pseudId: me.pseuds[0].id,
      header: { title: 'A masked ball' },
      body: 'They danced until the candles guttered and nobody knew whose hand they held.',
      submit: true,
    },
  });
  expect(entry.status(), await entry.text()).toBe(201);
  await writerContext.close();

  await openPage(page, `/challenges/${slug}/manage`);
  const reveal = page.getByRole('region', { name: 'What the reveal will make public' });
  await expect(reveal).toContainText('The reveal happens when you publish the results');
  await expect(reveal).toContainText('You chose not to see authors during the challenge');
  const row = reveal.getByRole('row', { name: /A masked ball/ });
  await expect(row).toContainText('Submitted');
  await expect(row).toContainText('hidden until the reveal');
  await expect(reveal).not.toContainText(WRITER.displayName);
  await expectNoAxeViolations(page, 'manage page with the reveal preview');
  await page.screenshot({ path: 'screenshots/organizer-extras-reveal.png', fullPage: true });

  // Organizers who see authors see whose name the reveal will show.
  const patched = await page.request.patch(`/api/challenges/${slug}`, {
    data: { organizersSeeAuthors: true },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  await openPage(page, `/challenges/${slug}/manage`);
  await expect(reveal.getByRole('row', { name: /A masked ball/ })).toContainText(
    WRITER.displayName,
  );
  await expect(reveal).not.toContainText('You chose not to see authors');

  // A challenge that is not anonymous has nothing to reveal.
  const open = unique('open-faces');
  await openChallenge(page.request, open);
  await openPage(page, `/challenges/${open}/manage`);
  await expect(page.getByRole('heading', { name: 'What the reveal will make public' })).toHaveCount(
    0,
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('custom fields are added and removed by the form’s own buttons', async ({ page }) => {
    await signUpOrIn(page.request, ORGANIZER);
    const slug = unique('plain');
    await page.goto('/challenges/new');
    await page.getByLabel('Title').fill('Plain HTML');
    await page.getByLabel('Address').fill(slug);
    const custom = page.getByRole('group', { name: 'Custom fields on the entry form' });
    const added = custom.getByRole('list', { name: 'Custom fields' });

    // Nothing typed: the label is asked for.
    await custom.getByRole('button', { name: 'Add this field' }).click();
    await expect(custom.getByLabel('Field label')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Title')).toHaveValue('Plain HTML');

    await custom.getByLabel('Field label').fill('Favourite line');
    await custom.getByRole('button', { name: 'Add this field' }).click();
    await expect(custom.getByRole('status')).toHaveText('Added the field “Favourite line”.');
    await expect(added.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByLabel('Title')).toHaveValue('Plain HTML');
    await expect(page.getByLabel('Address')).toHaveValue(slug);

    await custom.getByLabel('Field label').fill('Scratch');
    await custom.getByRole('button', { name: 'Add this field' }).click();
    await added.getByRole('button', { name: 'Remove “Favourite line”' }).click();
    await expect(added.getByRole('listitem')).toHaveCount(1);
    await expect(added).toContainText('Scratch');

    // A field typed but not added yet is saved with the challenge rather than lost.
    await custom.getByLabel('Field label').fill('Beta reader');
    await custom.getByLabel('Kind of answer').selectOption('checkbox');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page).toHaveURL(new RegExp(`/challenges/${slug}/manage\\?created=1$`));

    await page.goto(`/challenges/${slug}/manage/edit`);
    await expect(added.getByRole('listitem')).toHaveText([
      /Scratch\s*Free text · optional/,
      /Beta reader\s*A tick box · optional/,
    ]);
  });
});
