import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK_ID, bookDetails, problem, renderApp, returningWriter, TestServer } from '../../test/server';
import { localToIso } from './ReleasesPanel';

const book = `/api/v1/books/${BOOK_ID}`;

const released = { chapterId: 'c1', number: 1, title: 'The Lamp Room', publication: 'PUBLISHED', publishAt: null, publishedAt: '2026-11-30T09:00:00Z' };
const draft = { chapterId: 'c2', number: 2, title: 'The Storm', publication: 'DRAFT', publishAt: null, publishedAt: null };

describe('Serial release in the book view', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
    server.on('GET', book, () => ({ status: 200, body: bookDetails({ metadata: { generated: false } }) }));
  });

  afterEach(() => server.stop());

  it('shows each chapter’s state and releases, schedules in local time and withdraws', async () => {
    server.on('GET', `${book}/chapters/releases`, () => ({ status: 200, body: [released, draft] }));
    server.on('POST', `${book}/chapters/c2/publish`, (r) => {
      const at = (r.body as { at?: string }).at;
      return { status: 200, body: at ? { ...draft, publication: 'SCHEDULED', publishAt: at } : { ...draft, publication: 'PUBLISHED', publishedAt: '2026-12-03T15:00:00Z' } };
    });
    server.on('POST', `${book}/chapters/c1/unpublish`, () => ({ status: 200, body: { ...released, publication: 'UNPUBLISHED' } }));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}?tab=releases`, server.api());

    const first = (await screen.findByRole('heading', { name: 'Chapter 1: The Lamp Room' })).closest('li')!;
    expect(first).toHaveTextContent(/Released/);
    const second = screen.getByRole('heading', { name: 'Chapter 2: The Storm' }).closest('li')!;
    expect(second).toHaveTextContent('Draft');

    await user.click(within(second).getByRole('button', { name: 'Schedule chapter 2' }));
    const input = within(second).getByLabelText('Release chapter 2 at');
    await user.type(input, '2030-01-15T08:30');
    await user.click(within(second).getByRole('button', { name: 'Schedule' }));
    expect(await within(second).findByText(/Scheduled for/)).toBeInTheDocument();
    const sent = server.calls('POST', `${book}/chapters/c2/publish`)[0].body as { at: string };
    expect(sent.at).toBe(localToIso('2030-01-15T08:30'));
    expect(sent.at).toBe(new Date(2030, 0, 15, 8, 30).toISOString());

    await user.click(within(first).getByRole('button', { name: 'Withdraw chapter 1' }));
    expect(await within(first).findByText('Withdrawn')).toBeInTheDocument();
    expect(within(first).getByRole('button', { name: 'Release chapter 1 now' })).toBeInTheDocument();
  });

  it('explains a refused release in words', async () => {
    server.on('GET', `${book}/chapters/releases`, () => ({ status: 200, body: [draft] }));
    server.on('POST', `${book}/chapters/c2/publish`, () => problem(409, 'book-not-published', 'The book is not published'));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}?tab=releases`, server.api());

    await user.click(await screen.findByRole('button', { name: 'Release chapter 2 now' }));
    expect(await screen.findByText('Publish the book first: its chapters can only be released once it is out.')).toBeInTheDocument();
    expect(server.calls('POST', `${book}/chapters/c2/publish`)[0].body).toEqual({});
  });
});
