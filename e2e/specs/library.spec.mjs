// Reading, exporting and provider keys, through the real platform: a sample book read in the reader
// (which remembers the chapter across a reload), exported as EPUB and PDF and downloaded through the
// signed links, and an Anthropic key stored, listed by its last four, tested and deleted.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { launch, openPage, screenshot } from '../browser.mjs';
import { logIn, newWriter, sampleBook } from '../writer.mjs';

let chromium;
let writer;
let book;

before(async () => {
  chromium = await launch();
  writer = await newWriter('reader');
  book = await sampleBook(writer, { title: 'The Lighthouse Keeper', chapters: 3, targetWords: 3000 });
});
after(() => chromium?.close());

/** Every console error (a book never opened answers its reading position with 204, not an error). */
function consoleErrors(page) {
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} ${m.location()?.url ?? ''}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return errors;
}

// Chromium names the heading as shown: "CHAPTER 2: …" (text-transform)
const chapterHeading = (page, n) => page.getByRole('heading', { level: 1, name: new RegExp(`^chapter ${n}\\s*:`, 'i') });

test('the reader shows a sample book in book type and comes back to the chapter where I stopped', async () => {
  const { page, context } = await openPage(chromium.browser);
  const errors = consoleErrors(page);
  await logIn(page, writer);

  await page.goto(`/books/${book.id}/read`);
  await chapterHeading(page, 1).waitFor();
  await page.locator('.scene-body p').first().waitFor();
  assert.equal(await page.getByText('Sample text', { exact: true }).count(), 1);
  const font = await page.locator('.reader-text').evaluate((e) => getComputedStyle(e).fontFamily);
  assert.match(font, /serif/);
  await screenshot(page, 'reader');

  // the right arrow turns to chapter 2, and the place is saved at once
  const saved = page.waitForResponse((r) => r.url().endsWith('/reading-position') && r.request().method() === 'PUT');
  await page.keyboard.press('ArrowRight');
  await chapterHeading(page, 2).waitFor();
  const answer = await saved;
  assert.equal(answer.status(), 200);
  const chapter2 = book.chapters[1];
  assert.deepEqual((await saved).request().postDataJSON(), { chapterId: chapter2.id, sceneId: chapter2.scenes[0].id, progress: 0 });

  await page.reload();
  await chapterHeading(page, 2).waitFor();
  await page.locator('.scene-body p').first().waitFor();
  assert.equal(await page.getByRole('button', { name: /Previous chapter/ }).count(), 1);

  // scrolling down a way saves the place inside the chapter once scrolling stops; a reload comes back to it
  const scrolled = page.waitForResponse((r) => r.url().endsWith('/reading-position') && r.request().method() === 'PUT');
  await page.mouse.wheel(0, 1200);
  const place = (await scrolled).request().postDataJSON();
  assert.equal(place.chapterId, chapter2.id);
  assert.ok(place.progress > 0, `progress ${place.progress}`);
  const y = await page.evaluate(() => window.scrollY);
  await page.reload();
  await chapterHeading(page, 2).waitFor();
  await page.locator('.scene-body p').first().waitFor();
  const restored = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(restored - y) < 40, `back at ${restored}px, left at ${y}px`);

  assert.deepEqual(errors, []);
  await context.close();
});

test('the reader, the export screen and the settings fit a phone', async () => {
  const { page, context } = await openPage(chromium.browser, { width: 360, height: 740 });
  const errors = consoleErrors(page);
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= 360);
  await logIn(page, writer);
  await page.goto(`/books/${book.id}/read`);
  await page.locator('.scene-body p').first().waitFor();
  assert.ok(await fits(), 'the reader: nothing sticks out sideways');
  await screenshot(page, 'reader-phone');
  await page.getByRole('link', { name: 'Export' }).click();
  await page.getByRole('button', { name: 'Export EPUB' }).waitFor();
  assert.ok(await fits(), 'the export screen: nothing sticks out sideways');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Provider keys' }).waitFor();
  assert.ok(await fits(), 'the settings: nothing sticks out sideways');
  assert.deepEqual(errors, []);
  await context.close();
});

test('export an EPUB and a PDF and download both', async () => {
  const { page, context } = await openPage(chromium.browser);
  const errors = consoleErrors(page);
  await logIn(page, writer);
  await page.goto(`/books/${book.id}/export`);
  await page.getByRole('heading', { level: 1, name: 'Export “The Lighthouse Keeper”' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: /Fountain/ }).count(), 0, 'a novel has no script formats');

  assert.ok(await page.getByRole('radio', { name: /EPUB/ }).isChecked());
  await page.getByRole('button', { name: 'Export EPUB' }).click();
  const epubLink = page.getByRole('link', { name: 'Download EPUB' });
  await epubLink.waitFor({ timeout: 60_000 });
  const [epubDownload] = await Promise.all([page.waitForEvent('download'), epubLink.click()]);
  const epub = await readFile(await epubDownload.path());
  // an EPUB is a zip whose first entry is the uncompressed "mimetype" file
  assert.equal(epub.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
  assert.equal(epub.subarray(30, 38).toString('latin1'), 'mimetype');
  assert.equal(epub.subarray(38, 58).toString('latin1'), 'application/epub+zip');

  await page.getByRole('radio', { name: /PDF/ }).check();
  await page.getByLabel('Page size').selectOption('A5');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const pdfLink = page.getByRole('link', { name: 'Download PDF' });
  await pdfLink.waitFor({ timeout: 60_000 });
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
  const pdf = await readFile(await pdfDownload.path());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');

  // both are listed as earlier exports
  await page.getByRole('cell', { name: /^PDF · A5/ }).waitFor();
  await page.getByRole('cell', { name: 'EPUB', exact: true }).waitFor();
  await screenshot(page, 'export');
  assert.deepEqual(errors, []);
  await context.close();
});

test('store a provider key, see its last four, test it and delete it', async () => {
  const { page, context } = await openPage(chromium.browser);
  const errors = consoleErrors(page);
  await logIn(page, writer);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Provider keys' }).waitFor();
  await page.getByText('You have no keys stored.', { exact: false }).waitFor();

  assert.equal(await page.getByLabel('API key').getAttribute('type'), 'password');
  await page.getByLabel('Provider', { exact: true }).selectOption('anthropic');
  await page.getByLabel('API key').fill('sk-ant-e2e-not-a-real-key-4321');
  await page.getByRole('button', { name: 'Save key' }).click();
  await page.getByText('Your Anthropic Claude key ending in 4321 is saved.').waitFor();
  const card = page.getByRole('listitem').filter({ hasText: 'Anthropic Claude' });
  await card.getByText(/ending in 4321, added/).waitFor();
  assert.equal(await page.getByLabel('API key').inputValue(), '');
  assert.equal(await page.getByText('sk-ant-e2e', { exact: false }).count(), 0, 'the key is never shown back');

  // the real provider is out of reach from here: the answer must still be a sentence
  await card.getByRole('button', { name: 'Test key Anthropic Claude' }).click();
  const outcome = card.locator('.key-test');
  await outcome.waitFor({ timeout: 90_000 });
  const text = await outcome.textContent();
  assert.match(text, /^Your Anthropic Claude key could not be used\. The (key was refused|provider could not be reached)/);
  assert.doesNotMatch(text, /Exception|null|undefined/);
  await screenshot(page, 'provider-keys');

  await card.getByRole('button', { name: 'Delete Anthropic Claude key' }).click();
  await page.getByText('Your Anthropic Claude key is deleted.').waitFor();
  await page.getByText('You have no keys stored.', { exact: false }).waitFor();
  assert.deepEqual(await writer.api('/api/v1/provider-keys'), []);

  assert.deepEqual(errors, []);
  await context.close();
});
