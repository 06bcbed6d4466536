// A writer's first visit, end to end through the identity service: sign up, verify the address
// from the email the platform wrote to <data>/mail, log in, see the books, edit the profile,
// change the password and log in with the new one.
// Skipped (and says so) while the identity service is not part of the jar.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, launch, openPage, screenshot } from '../browser.mjs';
import { verificationLink } from '../writer.mjs';

async function identityIsHere() {
  const response = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  const body = await response.json().catch(() => ({}));
  // without identity every /api path asks for a token first
  return body.code !== 'authentication-required' && response.status !== 404;
}

let chromium;
let identity = false;
before(async () => {
  identity = await identityIsHere();
  chromium = await launch();
});
after(() => chromium?.close());

test('sign up, verify the email, log in, see my books, edit my profile and change my password', async (t) => {
  if (!identity) {
    t.skip('the identity service is not in this jar yet');
    return;
  }
  const { page, context, problems } = await openPage(chromium.browser);
  const id = Date.now().toString(36);
  const email = `writer-${id}@example.com`;
  const password = 'correct horse battery staple';

  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Username').fill(`writer_${id}`);
  await page.getByLabel('Password', { exact: false }).fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();

  await page.goto(await verificationLink(email));
  await page.getByText('Your email is verified.').waitFor();
  await screenshot(page, 'verify-email');

  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'My books' }).waitFor();
  await page.getByRole('link', { name: 'New book' }).waitFor();
  await screenshot(page, 'dashboard');

  await page.getByRole('link', { name: 'New book' }).click();
  await page.getByLabel('Working title').fill('The Lighthouse Keeper');
  await page.getByLabel('Your idea').fill('A keeper finds letters in the lamp room, written during a storm that has not come yet.');
  await screenshot(page, 'new-book');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Display name').fill('Ada Writer');
  await page.getByLabel('Bio').fill('Writes about the sea.');
  await page.getByLabel('Links').fill('https://ada.example');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Your profile is saved.').waitFor();
  await screenshot(page, 'settings');

  // a reload restores the session from the refresh token and shows what the server kept
  await page.reload();
  await page.getByLabel('Bio').waitFor();
  assert.equal(await page.getByLabel('Bio').inputValue(), 'Writes about the sea.');
  assert.equal(await page.getByLabel('Links').inputValue(), 'https://ada.example');
  assert.equal(await page.getByLabel('Display name').inputValue(), 'Ada Writer');

  // a new password ends every session: the app sends the writer to log in again, then back here
  const newPassword = 'a completely new passphrase';
  await page.getByLabel('Current password').fill(password);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('New password, again').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Your password is changed and you are signed out everywhere.').waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

  assert.deepEqual(problems.filter((p) => p.startsWith('uncaught')), []);
  await context.close();
});
