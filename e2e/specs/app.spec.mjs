// The app as it stands without any service behind a screen: it loads cleanly, draws its forms,
// checks them, and answers a hard refresh on any of its addresses.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, openPage, screenshot } from '../browser.mjs';

let chromium;
before(async () => {
  chromium = await launch();
});
after(() => chromium?.close());

test('the start page loads without console errors and leads to sign up', async () => {
  const { page, context, problems } = await openPage(chromium.browser);
  await page.goto('/');
  await page.getByRole('heading', { name: 'From an idea to a finished, edited book' }).waitFor();
  await screenshot(page, 'home');

  await page.getByRole('link', { name: 'Create your account' }).click();
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/signup');
  assert.equal(await page.title(), 'Sign up · AuthorWorks');
  await screenshot(page, 'signup');
  assert.deepEqual(problems, []);
  await context.close();
});

test('sign up shows what to fix, in words, without asking the server', async () => {
  const { page, context, problems } = await openPage(chromium.browser);
  const apiCalls = [];
  // the start-up probe for a forward-auth proxy (GET /api/v1/auth/session) is not a form's business
  page.on('request', (r) => r.url().includes('/api/') && !r.url().endsWith('/api/v1/auth/session') && apiCalls.push(r.url()));
  await page.goto('/signup');
  await page.getByLabel('Email').fill('ada-at-example');
  await page.getByRole('button', { name: 'Sign up' }).click();

  await page.getByText('Enter an email address like name@example.com.').waitFor();
  assert.equal(await page.getByText('Choose a username.').count(), 1);
  assert.equal(await page.getByText('Use at least 10 characters.').count(), 1);
  assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'email');
  await screenshot(page, 'signup-errors');
  assert.deepEqual(apiCalls, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a keyboard user reaches the skip link first and it leads to the content', async () => {
  const { page, context, problems } = await openPage(chromium.browser);
  await page.goto('/login');
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('main') !== null), true);
  await screenshot(page, 'login');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every app address survives a hard refresh', async () => {
  const { page, context } = await openPage(chromium.browser);
  for (const [path, heading] of [
    ['/login', 'Log in'],
    ['/forgot-password', 'Forgot your password?'],
    ['/reset-password?token=from-the-email', 'Choose a new password'],
    ['/no/such/page', 'Page not found'],
  ]) {
    const response = await page.goto(path);
    assert.equal(response.status(), 200, path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }
  await screenshot(page, 'not-found');
  await page.goto('/forgot-password');
  await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
  await screenshot(page, 'forgot-password');
  await page.goto('/reset-password?token=from-the-email');
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await screenshot(page, 'reset-password');
  await context.close();
});

test('a private screen sends a signed-out visitor to log in', async () => {
  const { page, context, problems } = await openPage(chromium.browser);
  await page.goto('/settings');
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('next'), '/settings');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the forms fit a phone screen without sideways scrolling', async () => {
  const { page, context, problems } = await openPage(chromium.browser, { width: 360, height: 740 });
  await page.goto('/signup');
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await screenshot(page, 'signup-phone');
  assert.deepEqual(problems, []);
  await context.close();
});
