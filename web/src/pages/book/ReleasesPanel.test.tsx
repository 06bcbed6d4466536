import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK_ID, bookDetails, problem, renderApp, returningWriter, TestServer, writer } from '../../test/server';
import { describeAccess, localToIso } from './ReleasesPanel';

const book = `/api/v1/books/${BOOK_ID}`;

const released = { chapterId: 'c1', number: 1, title: 'The Lamp Room', publication: 'PUBLISHED', publishAt: null, publishedAt: '2026-11-30T09:00:00Z' };
const draft = { chapterId: 'c2', number: 2, title: 'The Storm', publication: 'DRAFT', publishAt: null, publishedAt: null };

const tiers = [
  { id: 't1', name: 'Reader', monthlyPrice: 500, currency: 'USD' },
  { id: 't2', name: 'Patron', monthlyPrice: 1500, currency: 'USD' },
];
const open = { visibility: 'public', tiers: [], later: [], everyoneAfterDays: null, freePreview: false };

describe('Serial release in the book view', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
    server.on('GET', book, () => ({ status: 200, body: bookDetails({ metadata: { generated: false } }) }));
    server.on('GET', `/api/v1/creators/${writer.id}/tiers`, () => ({ status: 200, body: tiers }));
    server.on('GET', `${book}/free-preview`, () => ({ status: 200, body: { chapters: 0 } }));
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

  it('sets who may read a chapter: chosen tiers first, another tier later, then everyone', async () => {
    server.on('GET', `${book}/chapters/releases`, () => ({ status: 200, body: [{ ...released, access: open }, { ...draft, access: open }] }));
    server.on('PUT', `${book}/chapters/c1/access`, (r) => ({ status: 200, body: { ...(r.body as object), chapterId: 'c1', number: 1, freePreview: false } }));
    server.on('POST', `${book}/chapters/c1/unpublish`, () => ({ status: 200, body: { ...released, publication: 'UNPUBLISHED', access: null } }));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}?tab=releases`, server.api());

    const first = (await screen.findByRole('heading', { name: 'Chapter 1: The Lamp Room' })).closest('li')!;
    expect(first).toHaveTextContent('Readers: Everyone');
    await user.click(within(first).getByRole('button', { name: 'Who may read chapter 1' }));
    const form = within(first).getByRole('form', { name: 'Who may read chapter 1' });
    await user.selectOptions(within(form).getByLabelText('Readers of chapter 1'), 'tiers');
    await user.click(await within(form).findByRole('checkbox', { name: 'Patron' }));
    await user.click(within(form).getByRole('button', { name: 'Add a step' }));
    await user.selectOptions(within(form).getByLabelText('Step 1 tier'), 't1');
    await user.type(within(form).getByLabelText('Step 1 days after release'), '3');
    await user.type(within(form).getByLabelText('Everyone may read it after (days; empty: never)'), '10');
    await user.click(within(form).getByRole('button', { name: 'Save access' }));

    expect(await within(first).findByText('Readers: Patron and up at release · Reader after 3 days · everyone after 10 days')).toBeInTheDocument();
    expect(server.calls('PUT', `${book}/chapters/c1/access`)[0].body).toEqual({
      visibility: 'tiers', tiers: ['t2'], later: [{ tier: 't1', afterDays: 3 }], everyoneAfterDays: 10,
    });
    // withdrawing answers the release without its access: the one set stays shown
    await user.click(within(first).getByRole('button', { name: 'Withdraw chapter 1' }));
    expect(await within(first).findByText('Withdrawn')).toBeInTheDocument();
    expect(first).toHaveTextContent('Patron and up at release');
  });

  it('explains a refused schedule and saves the free preview', async () => {
    server.on('GET', `${book}/chapters/releases`, () => ({ status: 200, body: [{ ...released, access: open }] }));
    server.on('PUT', `${book}/chapters/c1/access`, () => problem(400, 'invalid-schedule', 'steps out of order'));
    server.on('PUT', `${book}/free-preview`, (r) => ({ status: 200, body: r.body }));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}?tab=releases`, server.api());

    await user.click(await screen.findByRole('button', { name: 'Who may read chapter 1' }));
    await user.selectOptions(screen.getByLabelText('Readers of chapter 1'), 'members');
    await user.type(screen.getByLabelText('Everyone may read it after (days; empty: never)'), '0');
    await user.click(screen.getByRole('button', { name: 'Save access' }));
    expect(await screen.findByText(/That early-access schedule does not work/)).toBeInTheDocument();
    expect(server.calls('PUT', `${book}/chapters/c1/access`)[0].body).toEqual({ visibility: 'members', tiers: [], later: [], everyoneAfterDays: 0 });

    const preview = screen.getByLabelText('Free preview: the first chapters everyone may read');
    await user.clear(preview);
    await user.type(preview, '2');
    await user.click(screen.getByRole('button', { name: 'Save preview' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(server.calls('PUT', `${book}/free-preview`)[0].body).toEqual({ chapters: 2 });
  });

  it('puts the access in words', () => {
    expect(describeAccess({ visibility: 'members', tiers: [], later: [], everyoneAfterDays: null }, tiers)).toBe('Members of any tier at release');
    expect(describeAccess({ visibility: 'members', tiers: [], later: [], everyoneAfterDays: 5, freePreview: true }, tiers)).toBe('Everyone (free preview)');
  });
});
