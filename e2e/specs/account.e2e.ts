import { expect, test } from '@playwright/test';
import { uniqueAccount } from './accounts';
import { expectNoAxeViolations } from './axe';

test('a visitor browses the demo, signs up, signs out and in, and adds a pseud', async ({
  page,
}) => {
  const account = uniqueAccount('writer');
  const banner = page.getByRole('banner');
  const nav = banner.getByRole('navigation', { name: 'Main' });

  await test.step('home lists the demo challenge', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Challenges' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Ballads/ })).toBeVisible();
    await expectNoAxeViolations(page, 'home');
  });

  await test.step('the demo challenge shows its prompts and entries', async () => {
    await page.getByRole('link', { name: /Ballads/ }).click();
    await expect(page).toHaveURL(/\/challenges\/demo-ballads$/);
    await expect(page.getByRole('heading', { level: 1, name: /Ballads/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Prompts' })).toBeVisible();
    const prompts = page.getByRole('region', { name: 'Prompts' }).getByRole('listitem');
    await expect(prompts).toHaveCount(3);
    await expect(prompts.first().getByRole('blockquote')).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Entries' }).getByRole('heading', { level: 3 }),
    ).toHaveCount(2);
    await expectNoAxeViolations(page, 'challenge page');
  });

  await test.step('sign up shows field errors next to their fields', async () => {
    await nav.getByRole('link', { name: 'Sign up' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign up' })).toBeVisible();
    await expectNoAxeViolations(page, 'sign-up page');

    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Display name').fill(account.displayName);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Create account' }).click();

    const email = page.getByLabel('Email');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(/Enter an email address/);
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    await expect(page.getByLabel('Display name')).toHaveValue(account.displayName);
    await expectNoAxeViolations(page, 'sign-up page with errors');
  });

  await test.step('sign up succeeds and the header greets the writer', async () => {
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(nav.getByRole('link', { name: account.displayName })).toBeVisible();
  });

  await test.step('sign out', async () => {
    await nav.getByRole('button', { name: 'Sign out' }).click();
    await expect(nav.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(nav.getByRole('link', { name: account.displayName })).toHaveCount(0);
  });

  await test.step('a wrong password is refused without saying which field was wrong', async () => {
    await nav.getByRole('link', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expectNoAxeViolations(page, 'sign-in page');

    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(`${account.password}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Email or password is incorrect.');
    await expect(page.getByLabel('Email')).toHaveValue(account.email);
    await expectNoAxeViolations(page, 'sign-in page with an error');
  });

  await test.step('sign in with the right password', async () => {
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(nav.getByRole('link', { name: account.displayName })).toBeVisible();
    await page.screenshot({ path: 'screenshots/account-journey.png', fullPage: true });
  });

  await test.step('the account page lists pseuds and adds one', async () => {
    await nav.getByRole('link', { name: account.displayName }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(account.email);

    const pseuds = page.getByRole('list', { name: 'Your pseuds' });
    await expect(pseuds.getByRole('listitem')).toHaveCount(1);
    await expect(pseuds.getByRole('listitem')).toContainText(account.displayName);
    await expect(pseuds.getByRole('listitem')).toContainText('(default)');
    await expectNoAxeViolations(page, 'account page');

    const second = `Quill ${account.displayName.split(' ')[1]}`;
    await page.getByLabel('New pseud').fill(second);
    await page.getByRole('button', { name: 'Add pseud' }).click();
    await expect(page.getByRole('status')).toContainText(`Added the pseud “${second}”`);
    await expect(pseuds.getByRole('listitem')).toHaveCount(2);
    await expect(pseuds.getByRole('listitem').filter({ hasText: second })).not.toContainText(
      '(default)',
    );
    await expect(page.getByLabel('New pseud')).toHaveValue('');
    await expectNoAxeViolations(page, 'account page after adding a pseud');
  });

  await test.step('a duplicate pseud is refused next to the field', async () => {
    await page.getByLabel('New pseud').fill(account.displayName);
    await page.getByRole('button', { name: 'Add pseud' }).click();
    await expect(page.getByLabel('New pseud')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('list', { name: 'Your pseuds' }).getByRole('listitem')).toHaveCount(
      2,
    );
  });
});

test('the dark colour scheme passes the same accessibility checks', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expectNoAxeViolations(page, 'home (dark)');
  await page.getByRole('link', { name: /Ballads/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Ballads/ })).toBeVisible();
  await expectNoAxeViolations(page, 'challenge page (dark)');
});

test('pages fit a 360px wide screen without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', '/challenges/demo-ballads', '/signup', '/login']) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});

test('an unknown challenge shows a friendly 404', async ({ page }) => {
  const response = await page.goto('/challenges/no-such-challenge');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('signing in and out works through plain form posts', async ({ page, request }) => {
    const account = uniqueAccount('nojs');
    // Set up through the API (via the web app's /api proxy), as a returning user would exist.
    const signup = await request.post('/api/auth/signup', { data: account });
    expect(signup.status(), await signup.text()).toBe(201);

    const nav = page.getByRole('banner').getByRole('navigation', { name: 'Main' });
    await page.goto('/account');
    // Signed out, the account page sends you to sign in first and back afterwards.
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);

    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Email or password is incorrect.');
    // A full page load shows what the server sent back: the email, never the password.
    await expect(page.getByLabel('Email')).toHaveValue(account.email);
    await expect(page.getByLabel('Password')).toHaveValue('');

    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await expect(nav.getByRole('link', { name: account.displayName })).toBeVisible();

    await nav.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(nav.getByRole('link', { name: 'Sign in' })).toBeVisible();
  });
});
