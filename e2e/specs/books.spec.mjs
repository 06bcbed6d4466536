// My books (issue 13, item 5): words, progress and last edit on each card; rename, duplicate, delete with
// its confirmation and undo, and a Markdown manuscript imported as a new book, through the real API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, openPage, screenshot } from '../browser.mjs';
import { logIn, newWriter } from '../writer.mjs';

let chromium;
before(async () => {
  chromium = await launch();
});
after(() => chromium?.close());

test('rename, duplicate, delete and undo, then import a manuscript', async () => {
  const writer = await newWriter('books');
  const book = await writer.api('/api/v1/books', { method: 'POST', body: { title: 'Salt', format: 'novel' } });
  const chapter = await writer.api(`/api/v1/books/${book.id}/chapters`, { method: 'POST', body: { title: 'Harbour' } });
  await writer.api(`/api/v1/books/${book.id}/chapters/${chapter.id}/scenes`, {
    method: 'POST',
    body: { title: 'Dusk', content: '<p>The boats came in late that night, riding low with salt.</p>' },
  });
  const { page, context, problems } = await openPage(chromium.browser);
  await logIn(page, writer);

  const card = page.locator('.book-card', { has: page.getByRole('heading', { name: 'Salt' }) });
  await card.waitFor();
  assert.match(await card.textContent(), /Words:?\s*11/);
  assert.match(await card.textContent(), /1 of 1 scenes drafted/);
  assert.match(await card.textContent(), /Last edited/);
  await screenshot(page, 'dashboard-books');

  await card.getByRole('button', { name: 'Rename “Salt”' }).click();
  await card.getByLabel('New title').fill('Salt and Iron');
  await card.getByRole('button', { name: 'Save title' }).click();
  await page.getByRole('heading', { name: 'Salt and Iron' }).waitFor();
  assert.equal((await writer.api(`/api/v1/books/${book.id}`)).title, 'Salt and Iron');

  await page.getByRole('button', { name: 'Duplicate “Salt and Iron”' }).click();
  await page.getByRole('heading', { name: 'Salt and Iron (copy)' }).waitFor();

  const copy = page.locator('.book-card', { has: page.getByRole('heading', { name: 'Salt and Iron (copy)' }) });
  await copy.getByRole('button', { name: 'Delete “Salt and Iron (copy)”' }).click();
  await copy.getByRole('button', { name: 'Delete book' }).click();
  await page.getByText('Deleted “Salt and Iron (copy)”.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { name: 'Salt and Iron (copy)' }).waitFor();
  assert.equal((await writer.api('/api/v1/books')).items.length, 2, 'undo deleted nothing');

  await copy.getByRole('button', { name: 'Delete “Salt and Iron (copy)”' }).click();
  await copy.getByRole('button', { name: 'Delete book' }).click();
  for (let i = 0; i < 100 && (await writer.api('/api/v1/books')).items.length > 1; i++) await page.waitForTimeout(100);
  assert.equal((await writer.api('/api/v1/books')).items.length, 1, 'deleted once the undo time was over');

  await page.getByText('Import a manuscript').click();
  await page.getByLabel('Manuscript (Markdown, Word or EPUB)').setInputFiles({
    name: 'keeper.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# The Lamp Room\n\nMara climbed the stairs with the letters in her coat.\n\n# Fog\n\nThe fog came in.\n'),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForURL(/\/books\/[0-9a-f-]{36}$/);
  await page.getByRole('tab', { name: 'Outline' }).waitFor();
  assert.match(await page.locator('.outline-tree').textContent(), /The Lamp Room[\s\S]*Fog/);

  assert.deepEqual(problems, []);
  await context.close();
});
