// From an idea to a generated book in the browser, with the offline sample writer: the new-book
// wizard, each plan step as it completes, the outline edited and approved, live progress to the
// end, and the book view's tabs (outline, story bible, codex, summaries, a scene's context,
// tokens and cost). Screenshots of each screen for docs/web.md.
//
// Outline approval, the ledger and the per-book usage are the content-api contract (items 1-3);
// on a server without them the spec follows what the server does (without approval the job
// drafts straight away) and says, as a test diagnostic, which parts it left out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { launch, openPage, SCREENSHOTS, screenshot } from '../browser.mjs';
import { logIn, newWriter } from '../writer.mjs';

const LONG = 180_000;

/** Whether the server has the ledger and usage routes (404 book-not-found rather than no route). */
async function contractIsHere(writer) {
  try {
    await writer.api('/api/v1/books/00000000-0000-4000-8000-000000000000/ledger');
    return true;
  } catch (e) {
    return String(e.message).includes('book-not-found');
  }
}

/** The first screenful only: the sample writer's long texts would make the docs' images megabytes. */
async function firstScreen(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

let chromium;
before(async () => {
  chromium = await launch();
});
after(() => chromium?.close());

test('a new book with the sample writer: plan, approve the outline, watch it written, read what the generator knew', async (t) => {
  const writer = await newWriter('gen');
  const { page, context, problems } = await openPage(chromium.browser);
  const contract = await contractIsHere(writer);
  let approving = false;
  if (!contract) {
    t.diagnostic('content-api ledger and usage (contract items 2-3) are not on this server: those tabs are skipped');
  }
  try {
    await logIn(page, writer);
    await page.getByRole('link', { name: 'New book' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New book' }).waitFor();

    await page.getByLabel('Working title').fill('Letters from the Storm');
    await page
      .getByLabel('Your idea')
      .fill('A lighthouse keeper finds letters in the lamp room, written during a storm that has not come yet.');
    await page.getByLabel('Length').selectOption('CUSTOM');
    await page.getByLabel('Words').fill('3000');
    await page.getByLabel('Chapters').fill('3');
    await page.getByLabel('Genre (optional)').fill('gothic mystery');
    await page.getByLabel('Style (optional)').fill('close third person, past tense');
    assert.equal(await page.getByLabel('I want to approve the outline first').isChecked(), true);
    await screenshot(page, 'new-book-wizard');
    await page.getByRole('button', { name: 'Start writing' }).click();

    const bookHeading = page.getByRole('heading', { level: 1, name: 'Letters from the Storm' });
    const approval = page.getByRole('heading', { level: 1, name: 'Approve your outline' });
    // a server without outline approval ignores approveOutline: then the wizard goes on to the book
    await approval.or(bookHeading).waitFor({ timeout: LONG });
    approving = await approval.isVisible();
    if (approving) {
      for (const step of ['Genre and audience', 'Style guide', 'Characters', 'Synopsis', 'Outline']) {
        await page.locator('.plan-step-done', { hasText: step }).waitFor();
      }
      // what a plan step wrote reads as text, not JSON
      const characters = page.locator('.plan-step', { hasText: 'Characters' });
      await characters.getByText('What it wrote').click();
      await characters.locator('.readable-card h3').first().waitFor();
      assert.equal((await characters.textContent()).includes('{"'), false);
      await characters.getByText('What it wrote').click();
      await firstScreen(page, 'outline-approval');
      await page.getByLabel('Chapter 1 title', { exact: true }).fill('The Keeper Wakes');
      await page.getByRole('button', { name: 'Approve outline and start drafting' }).click();
      await bookHeading.waitFor({ timeout: LONG });
      await page.getByText('Outline approved: drafting has started.').waitFor();
    } else {
      t.diagnostic('outline approval (content-api contract item 1) is not on this server: the job drafted at once');
    }
    assert.equal(new URL(page.url()).pathname.startsWith('/books/'), true);
    const bookId = new URL(page.url()).pathname.split('/')[2];

    // live progress: the panel names the step while it writes, and ends "Finished" with every scene drafted
    await page.locator('.progress-panel').waitFor();
    await screenshot(page, 'book-progress');
    await page.locator('.progress-panel').getByRole('heading', { name: 'Finished' }).waitFor({ timeout: LONG });
    const bar = page.getByRole('progressbar', { name: 'Scenes drafted' });
    assert.equal(await bar.getAttribute('value'), await bar.getAttribute('max'));
    assert.match(await page.locator('.progress-panel').textContent(), /Every scene is drafted\./);
    assert.equal(await page.getByText('Sample text').first().isVisible(), true);
    // one source of truth: the header's words are the card's, and the card's tokens are the usage's
    const cardFigure = (name) => page.locator('.progress-figures > div', { hasText: name }).locator('dd').textContent();
    await page.waitForFunction(() => document.querySelector('.book-words')?.textContent ===
      [...document.querySelectorAll('.progress-figures > div')].find((d) => d.textContent.startsWith('Words'))?.querySelector('dd')?.textContent);
    assert.equal(await page.locator('.book-words').textContent(), await cardFigure('Words'));
    if (contract) {
      const usage = await writer.api(`/api/v1/books/${bookId}/usage`);
      assert.equal(await cardFigure('Tokens'), new Intl.NumberFormat('en').format(usage.inputTokens + usage.outputTokens));
    }
    assert.equal(await page.getByText('Outline approved: drafting has started.').count(), 0, 'the approval news is gone once finished');
    await page.reload();
    await page.locator('.progress-panel').getByRole('heading', { name: 'Finished' }).waitFor();
    assert.equal(await page.getByText('Outline approved: drafting has started.').count(), 0, 'and stays gone after a reload');
    assert.doesNotMatch(await page.locator('.outline-tree').textContent(), /planned/, 'every chapter of a drafted book is drafted');

    // outline tree: chapters and scenes linking into the editor (and the edited chapter title, when approval exists)
    await page.getByRole('tab', { name: 'Outline' }).click();
    const firstChapter = page.locator('.outline-tree > li').first();
    await firstChapter.waitFor();
    if (approving) {
      await page.getByRole('heading', { name: 'Chapter 1: The Keeper Wakes' }).waitFor();
    }
    const sceneHref = await firstChapter.locator('.outline-scenes a').first().getAttribute('href');
    assert.match(sceneHref, new RegExp(`^/books/${bookId}/write/[0-9a-f-]{36}$`));
    await firstScreen(page, 'book-outline');

    await page.getByRole('tab', { name: 'Story bible' }).click();
    await page.getByRole('heading', { name: 'Characters', level: 3 }).waitFor();
    assert.equal(await page.locator('.tab-panel').textContent().then((text) => text.includes('{"')), false);
    await firstScreen(page, 'book-bible');

    if (contract) {
      // the codex took the read-only ledger's place: seeded from the ledger on first opening
      await page.getByRole('tab', { name: 'Codex' }).click();
      await page.locator('.codex-entry').first().waitFor();
      await firstScreen(page, 'book-codex');
    }

    await page.getByRole('tab', { name: 'Summaries' }).click();
    await page.getByRole('heading', { name: 'The whole book' }).waitFor();
    await firstScreen(page, 'book-summaries');

    // a scene's context, from the outline tree's link
    await page.getByRole('tab', { name: 'Outline' }).click();
    await page.getByRole('button', { name: 'What went into it: chapter 1, scene 1' }).click();
    const parts = page.getByRole('table', { name: 'Parts of the prompt' });
    await parts.waitFor();
    assert.ok((await parts.getByRole('row').count()) > 2, 'the manifest lists the parts of the prompt');
    await screenshot(page, 'book-context');

    if (contract) {
      await page.getByRole('tab', { name: 'Tokens and cost' }).click();
      const chart = page.getByRole('img', { name: /Tokens by step/ });
      await chart.waitFor();
      assert.ok((await chart.locator('g.usage-row').count()) >= 5, 'one bar per step at least for the plan');
      await page.getByText('The numbers as a table').click();
      await page.getByRole('table', { name: 'Tokens and cost by step' }).waitFor();
      await firstScreen(page, 'book-usage');
    }

    // the dashboard row leads back to the book
    await page.getByRole('link', { name: 'My books' }).click();
    await page.getByRole('link', { name: 'Letters from the Storm' }).click();
    await bookHeading.waitFor();

    // on a phone the book view fits and the tabs still work
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('tab', { name: 'Outline' }).click();
    await page.getByRole('tab', { name: 'Outline', selected: true }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Story bible', selected: true }).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Story bible' }).evaluate((t) => t === document.activeElement), true);
    await page.getByRole('heading', { name: 'Characters', level: 3 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'nothing wider than the phone');
    await firstScreen(page, 'book-phone');

    // with the contract, the console stays clean; without it the missing endpoints' 404s are expected
    const unexpected = contract ? problems : problems.filter((p) => !p.includes('404'));
    assert.deepEqual(unexpected, []);
  } finally {
    await context.close();
  }
});
