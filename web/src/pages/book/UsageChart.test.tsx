import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK_ID, bookDetails, jobStatus, renderApp, returningWriter, TestServer } from '../../test/server';

const book = `/api/v1/books/${BOOK_ID}`;

const usage = {
  calls: 6,
  inputTokens: 9000,
  outputTokens: 3000,
  costUsd: 0.6,
  steps: [
    { step: 'plan/genre', phase: 'plan', chapter: null, scene: null, calls: 1, inputTokens: 1000, outputTokens: 200, costUsd: 0.05 },
    { step: 'plan/outline', phase: 'plan', chapter: null, scene: null, calls: 2, inputTokens: 2000, outputTokens: 800, costUsd: 0.1 },
    { step: 'draft/c001/s01', phase: 'draft', chapter: 1, scene: 1, calls: 1, inputTokens: 4000, outputTokens: 1600, costUsd: 0.3 },
    { step: 'memory/c001/s01', phase: 'summary', chapter: 1, scene: 1, calls: 1, inputTokens: 1500, outputTokens: 300, costUsd: 0.1 },
    { step: 'assist', phase: 'assist', chapter: 1, scene: 1, calls: 1, inputTokens: 500, outputTokens: 100, costUsd: 0.05 },
  ],
};

describe('The tokens and cost chart', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
    server.on('GET', book, () => ({ status: 200, body: bookDetails() }));
    server.on('GET', `${book}/status`, () => jobStatus('COMPLETED'));
    server.on('GET', `${book}/usage`, () => ({ status: 200, body: usage }));
  });

  afterEach(() => server.stop());

  it('draws one bar per step, as long as its tokens, with the same numbers in a table', async () => {
    renderApp(`/books/${BOOK_ID}?tab=usage`, server.api());

    const chart = await screen.findByRole('img', { name: /Tokens by step/ });
    expect(chart).toHaveAccessibleName('Tokens by step 5 bars; in all 12,000 tokens (9,000 in, 3,000 out). The table below has every number.');
    const labels = [...chart.querySelectorAll('.usage-label')].map((t) => t.textContent);
    expect(labels).toEqual([
      'Planning: genre and audience',
      'Planning: outline',
      'Drafting chapter 1, scene 1',
      'Noting what happened in chapter 1, scene 1',
      'AI assist, chapter 1',
    ]);
    // the longest bar (draft: 5,600 tokens) spans the chart; the others in proportion
    const widths = [...chart.querySelectorAll('g.usage-row')].map((g) =>
      [...g.querySelectorAll('rect')].reduce((w, r) => w + Number(r.getAttribute('width')), 0),
    );
    expect(widths[2]).toBeCloseTo(396, 0);
    expect(widths[1] / widths[2]).toBeCloseTo(2800 / 5600, 3);
    expect(widths[4] / widths[2]).toBeCloseTo(600 / 5600, 3);

    const table = screen.getByRole('table', { name: 'Tokens and cost by step' });
    const draft = within(table).getByRole('row', { name: /Drafting chapter 1, scene 1/ });
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells(draft)).toEqual(['1', '4,000', '1,600', '$0.30']);
    expect(cells(within(table).getByRole('row', { name: /In all/ }))).toEqual(['6', '9,000', '3,000', '$0.60']);
  });

  it('shows cost instead of tokens, and groups by kind of work or chapter', async () => {
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}?tab=usage`, server.api());

    await user.click(await screen.findByRole('radio', { name: 'Cost' }));
    await user.click(screen.getByRole('radio', { name: 'Kind of work' }));
    const chart = screen.getByRole('img', { name: /Cost by kind of work/ });
    const rows = [...chart.querySelectorAll('g.usage-row')].map((g) => ({
      label: g.querySelector('.usage-label')!.textContent,
      value: g.querySelector('.usage-value')!.textContent,
      width: Number(g.querySelector('rect')!.getAttribute('width')),
    }));
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['Planning', '$0.15'],
      ['Drafting', '$0.30'],
      ['Summaries and notes', '$0.10'],
      ['AI assist', '$0.05'],
    ]);
    expect(rows[0].width / rows[1].width).toBeCloseTo(0.5, 3);

    await user.click(screen.getByRole('radio', { name: 'Chapter' }));
    const byChapter = screen.getByRole('table', { name: 'Tokens and cost by chapter' });
    expect(within(byChapter).getAllByRole('row').map((r) => r.firstChild!.textContent)).toEqual(['Chapter', 'Planning', 'Chapter 1', 'In all']);
  });

  it('asks for the numbers only when its tab opens', async () => {
    server.on('GET', `${book}/codex`, () => ({ status: 200, body: { entries: [] } }));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}?tab=codex`, server.api());
    expect(await screen.findByText('No entries yet: add one, or let the generator fill it as it drafts.')).toBeInTheDocument();

    server.requests.length = 0;
    await user.click(screen.getByRole('tab', { name: 'Tokens and cost' }));
    expect(await screen.findByRole('img', { name: /Tokens by step/ })).toBeInTheDocument();
    expect(server.calls('GET', `${book}/usage`)).toHaveLength(1);
  });
});
