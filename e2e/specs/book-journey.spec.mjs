// The journey of issue 5, all in the browser, as a new writer lives it: sign up → verify the email
// → log in → a new book with the sample writer → watch the progress to the end → open a scene in
// the editor → accept an AI-assist suggestion → type a line of my own → export an EPUB and
// download it, which holds both the suggestion and my line.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { launch, openPage, screenshot } from '../browser.mjs';
import { verificationLink } from '../writer.mjs';

let chromium;
before(async () => {
  chromium = await launch();
});
after(() => chromium?.close());

const LONG = { timeout: 120_000 };

/** The text of every file in a zip (an EPUB), by name, read through its central directory. */
function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'the download is a zip');
  const files = new Map();
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = bytes.readUInt32LE(at + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return files;
}

test('sign up, generate a book with the sample writer, edit a scene with AI assist, download the EPUB', async () => {
  const { page, context, problems } = await openPage(chromium.browser);
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const email = `journey-${id}@example.com`;
  const password = 'correct horse battery staple';
  const title = `The Keeper's Letters ${id}`;

  // sign up, verify, log in
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Username').fill(`journey_${id}`);
  await page.getByLabel('Password', { exact: false }).fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await page.goto(await verificationLink(email));
  await page.getByText('Your email is verified.').waitFor();
  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'My books' }).waitFor();

  // a new book, written by the sample writer, followed to the end
  await page.getByRole('link', { name: 'New book' }).first().click();
  await page.getByLabel('Working title').fill(title);
  await page.getByLabel('Your idea').fill('A keeper finds letters in the lamp room, written during a storm that has not come yet.');
  await page.getByLabel('Length').selectOption('CUSTOM');
  await page.getByLabel('Words').fill('2000');
  await page.getByLabel('Chapters').fill('2');
  await page.getByLabel('I want to approve the outline first').uncheck();
  await page.getByRole('button', { name: 'Start writing' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor(LONG);
  const progress = page.locator('.progress-panel');
  await progress.getByRole('progressbar', { name: 'Scenes drafted' }).waitFor(LONG);
  await progress.getByRole('heading', { name: 'Finished' }).waitFor(LONG);
  const bar = progress.getByRole('progressbar', { name: 'Scenes drafted' });
  assert.equal(await bar.getAttribute('aria-valuenow'), await bar.getAttribute('aria-valuemax'), 'every scene drafted');

  // the first scene in the editor, through the book's outline
  await page.getByRole('tab', { name: 'Outline' }).click();
  await page.locator('.outline-scenes a').first().click();
  const textbox = page.getByRole('textbox', { name: /^Text of / });
  await textbox.waitFor();
  await page.getByText('Sample text').first().waitFor();

  // AI assist: shorten the second paragraph (the first is the sample writer's label), accept it
  await textbox.locator('p').nth(1).click({ clickCount: 3 });
  await page.getByRole('button', { name: 'Shorten' }).click();
  const panel = page.getByRole('region', { name: /Suggestion: Shorten/ });
  const accept = panel.getByRole('button', { name: 'Accept: replace the selection' });
  await accept.and(page.locator(':enabled')).waitFor(LONG);
  const suggestion = (await panel.getByLabel('Suggested text').innerText()).trim().split('\n')[0].trim();
  assert.ok(suggestion.length > 0, 'the suggestion has text');
  await accept.click();
  await panel.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor(LONG);

  // a line of my own at the end of the scene
  const mine = 'The keeper signed the last letter with a borrowed pen.';
  await textbox.locator('p').last().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(mine, { delay: 15 });
  await page.getByText('Saving…').or(page.getByText('Unsaved changes')).first().waitFor();
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor(LONG);

  // export an EPUB and download it
  await page.getByRole('link', { name: 'About this book' }).click();
  await page.getByRole('link', { name: 'Export' }).click();
  await page.getByRole('button', { name: 'Export EPUB' }).click();
  const download = page.getByRole('link', { name: 'Download EPUB' });
  await download.waitFor(LONG);
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const epub = unzip(await readFile(await file.path()));
  assert.equal(epub.get('mimetype'), 'application/epub+zip');
  const text = [...epub.entries()].filter(([name]) => name.endsWith('.xhtml')).map(([, body]) => body).join('\n');
  assert.ok(text.includes(mine), 'the EPUB has the line I typed');
  assert.ok(text.includes(suggestion.slice(0, 30).replaceAll('&', '&amp;')), `the EPUB has the accepted suggestion: ${suggestion}`);
  await screenshot(page, 'journey-export');

  assert.deepEqual(problems.filter((p) => !/status of 401/.test(p)), []);
  await context.close();
});
