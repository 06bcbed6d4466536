// Editing a scene of a sample book in the browser: type → autosaved (a reload shows it) → the
// history shows the version, a diff and a restore → AI assist "shorten" on a selection, accepted
// (saved) and rejected (unchanged), through the real endpoint and its sample writer → add a
// scene and move it, on a phone.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { launch, openPage, screenshot } from '../browser.mjs';
import { logIn, newWriter, sampleBook } from '../writer.mjs';

let chromium;
let writer;
let book;

before(async () => {
  chromium = await launch();
  writer = await newWriter('editor');
  book = await sampleBook(writer, { title: 'The Lamp Room', chapters: 2, targetWords: 1500 });
});
after(() => chromium?.close());

const firstScene = () => ({ chapter: book.chapters[0], scene: book.chapters[0].scenes[0] });
const scenePath = (chapterId, sceneId) => `/api/v1/books/${book.id}/chapters/${chapterId}/scenes/${sceneId}`;

/** Waits until the server has the scene at a version past `version`; returns it. */
async function savedAfter(chapterId, sceneId, version) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const scene = await writer.api(scenePath(chapterId, sceneId));
    if (scene.version > version) return scene;
    await sleep(100);
  }
  throw new Error(`scene ${sceneId} was not saved after version ${version}`);
}

/**
 * Console errors, except the browser's own note about the one 401 after a page load: the access
 * token lives only in memory (docs/web.md), so the first call after a reload is refused and the
 * client refreshes the session and retries, as designed.
 */
const errors = (problems) => problems.filter((p) => !/Failed to load resource: the server responded with a status of 401/.test(p));

/** Selects the scene's second paragraph (the first is the sample writer's label) with a triple click. */
async function selectParagraph(textbox) {
  await textbox.locator('p').nth(1).click({ clickCount: 3 });
}

test('type in a scene, see it autosaved, compare and restore a version', async () => {
  const { page, context, problems } = await openPage(chromium.browser);
  const { chapter, scene } = firstScene();
  await logIn(page, writer);
  await page.goto(`/books/${book.id}/write`);
  await page.waitForURL(`**/books/${book.id}/write/${scene.id}`);

  const textbox = page.getByRole('textbox', { name: `Text of ${scene.title}` });
  await textbox.waitFor();
  await page.getByText('Sample text').first().waitFor();
  // put the caret at the end of the last paragraph, and let the editor take the selection in
  await textbox.locator('p').last().click();
  await page.keyboard.press('Control+End');
  await sleep(300);
  await page.keyboard.press('Enter');
  await page.keyboard.type('The keeper wrote this line by hand.', { delay: 15 });
  await page.getByText('Saving…').or(page.getByText('Unsaved changes')).first().waitFor();
  const saved = await savedAfter(chapter.id, scene.id, scene.version);
  assert.match(saved.content, /<p>The keeper wrote this line by hand\.<\/p>$/);
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();

  await page.reload();
  await textbox.waitFor();
  assert.match(await textbox.innerText(), /The keeper wrote this line by hand\./);
  await screenshot(page, 'editor');

  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('region', { name: 'Version history' });
  await history.getByText(`Version ${saved.version}`).waitFor();
  assert.match(await history.getByRole('listitem').first().innerText(), /\(current\)[\s\S]*your edit/);
  await history.getByRole('button', { name: `Compare version ${scene.version} with current` }).click();
  await history.locator('ins', { hasText: 'The keeper wrote this line by hand.' }).waitFor();
  // at 1280px an open panel keeps the text at a reading measure (it goes above the text, not beside it)
  const textWidth = await textbox.evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(textWidth >= 600, `the text column is ${textWidth}px wide with History open at 1280px`);
  assert.equal(await history.getByText(/planned · 0 words/).count(), 0, "no empty 'planned' placeholder in the history");
  // the sidebar lists scenes without the reader's ⁂ marks between them
  const marks = await page.locator('.outline li.scene').evaluateAll((items) =>
    items.map((li) => getComputedStyle(li, '::before').content).filter((c) => c && c !== 'none' && c !== 'normal'),
  );
  assert.deepEqual(marks, []);
  await screenshot(page, 'editor-history');

  await history.getByRole('button', { name: `Restore version ${scene.version}…` }).click();
  await history.getByRole('button', { name: `Restore version ${scene.version}`, exact: true }).click();
  await page.getByText(`version ${saved.version + 1}`, { exact: false }).first().waitFor();
  assert.doesNotMatch(await textbox.innerText(), /wrote this line by hand/);
  const restored = await writer.api(scenePath(chapter.id, scene.id));
  assert.equal(restored.version, saved.version + 1);
  const versions = await writer.api(`${scenePath(chapter.id, scene.id)}/versions`);
  assert.equal(versions[0].origin, `restore of ${scene.version}`);

  // logging out from here lands on a plain log-in page, not on one that leads back to this scene
  await page.getByRole('button', { name: /Log out/ }).click();
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await page.waitForURL((url) => url.pathname === '/login');
  assert.equal(new URL(page.url()).search, '', `log out landed on ${page.url()}`);

  assert.deepEqual(errors(problems), []);
  await context.close();
});

test('AI assist shortens a selection: accepted it is saved, rejected nothing changes', async () => {
  const { chapter } = firstScene();
  const scene = chapter.scenes[1] ?? chapter.scenes[0];
  const { page, context, problems } = await openPage(chromium.browser);
  await logIn(page, writer);
  const before = await writer.api(scenePath(chapter.id, scene.id));
  await page.goto(`/books/${book.id}/write/${scene.id}`);
  const textbox = page.getByRole('textbox', { name: `Text of ${scene.title}` });
  await textbox.waitFor();

  // rejected: the text and the server's version stay as they were
  await selectParagraph(textbox);
  await page.getByRole('button', { name: 'Shorten' }).click();
  let panel = page.getByRole('region', { name: /Suggestion: Shorten/ });
  await panel.getByRole('button', { name: 'Accept: replace the selection' }).and(page.locator(':enabled')).waitFor();
  await panel.getByText('Sample text').waitFor();
  const textBefore = await textbox.innerText();
  await panel.getByRole('button', { name: 'Reject' }).click();
  await panel.waitFor({ state: 'detached' });
  assert.equal(await textbox.innerText(), textBefore);
  await sleep(2000); // longer than the autosave delay
  assert.equal((await writer.api(scenePath(chapter.id, scene.id))).version, before.version);

  // accepted: the suggestion replaces the paragraph and is saved
  await selectParagraph(textbox);
  await page.getByRole('button', { name: 'Shorten' }).click();
  panel = page.getByRole('region', { name: /Suggestion: Shorten/ });
  const accept = panel.getByRole('button', { name: 'Accept: replace the selection' });
  await accept.and(page.locator(':enabled')).waitFor();
  await screenshot(page, 'editor-assist');
  const suggested = (await panel.getByLabel('Suggested text').innerText()).trim();
  assert.ok(suggested.length > 0, 'the suggestion has text');
  await accept.click();
  await panel.waitFor({ state: 'detached' });
  const after = await savedAfter(chapter.id, scene.id, before.version);
  const firstLine = suggested.split('\n')[0].trim();
  assert.ok(after.content.includes(firstLine.slice(0, 20).replaceAll('&', '&amp;')), `saved text has the suggestion: ${after.content.slice(0, 200)}`);

  assert.deepEqual(errors(problems), []);
  await context.close();
});

test('add a scene, move it up with the keyboard, and write on a phone', async () => {
  const { page, context, problems } = await openPage(chromium.browser, { width: 360, height: 780 });
  const chapter = book.chapters[book.chapters.length - 1];
  await logIn(page, writer);
  await page.goto(`/books/${book.id}/write/${chapter.scenes[0].id}`);
  await page.getByRole('textbox', { name: `Text of ${chapter.scenes[0].title}` }).waitFor();
  await screenshot(page, 'editor-phone');

  // on a phone the chapters and scenes start folded away
  await page.getByText('Chapters and scenes').click();
  await page.getByRole('button', { name: `Add a scene to “${chapter.title}”` }).click();
  await page.getByLabel('New scene title').fill('Landfall');
  await page.keyboard.press('Enter');
  const textbox = page.getByRole('textbox', { name: 'Text of Landfall' });
  await textbox.waitFor();
  await textbox.click();
  await page.keyboard.type('They reached the shore at dawn.');
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 10000 });

  const moveUp = page.getByRole('button', { name: 'Move scene “Landfall” up' });
  await moveUp.focus();
  await page.keyboard.press('Enter');
  await page.getByText(/Moved “Landfall” up: now \d+ of \d+\./).waitFor();
  const outline = await writer.api(`/api/v1/books/${book.id}`);
  const titles = outline.chapters.find((c) => c.id === chapter.id).scenes.map((s) => s.title);
  assert.equal(titles.indexOf('Landfall'), titles.length - 2, `Landfall moved up one place: ${titles.join(', ')}`);
  const landfall = outline.chapters.find((c) => c.id === chapter.id).scenes.find((s) => s.title === 'Landfall');
  assert.equal(landfall.wordCount, 6);

  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page fits 360px (is ${width}px wide)`);
  assert.deepEqual(errors(problems), []);
  await context.close();
});
