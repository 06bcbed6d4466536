import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { discoverPath } from '../api/discovery';
import { renderApp, TestServer } from '../test/server';

// Shapes as the discovery service writes them (docs/discovery.md).
const lighthouse = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  title: "The Lighthouse Keeper's Daughter",
  authorId: 'u1',
  authorName: 'Ada',
  blurb: 'On a storm-battered island a girl keeps the lamp burning.',
  genre: 'literary',
  tags: ['sea', 'found family'],
  contentWarnings: ['none'],
  rating: 'teen',
  language: 'en',
  status: 'complete',
  words: 41000,
  chapters: 12,
  publishedAt: '2026-11-30T10:00:00Z',
};
const dragons = { ...lighthouse, id: 'a1b2c3d4-0000-4000-8000-000000000002', title: 'Dragons of the Ember Crown', genre: 'fantasy',
  tags: ['dragons', 'war'], rating: 'mature', blurb: 'Two dragon clans burn the north.' };

function page(items: object[], tags: [string, number][], nextCursor: string | null = null) {
  return {
    status: 200,
    body: { items, total: items.length, facets: { tag: tags.map(([value, count]) => ({ value, count })) }, nextCursor },
  };
}

describe('Discover', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it('builds one address per search, parameters in a fixed order', () => {
    expect(discoverPath({})).toBe('/api/v1/discover/books');
    expect(discoverPath({ q: ' sea stories ', genre: 'literary', tags: ['sea'], excludeTags: ['war', 'dragons'], sort: 'title' }))
      .toBe('/api/v1/discover/books?q=sea+stories&genre=literary&tag=sea&excludeTag=war&excludeTag=dragons&sort=title');
  });

  it('searches, filters by genre, requires a tag and hides another, asking the server each time', async () => {
    server.on('GET', '/api/v1/discover/books', () => page([lighthouse, dragons], [['sea', 1], ['dragons', 1]]));
    server.on('GET', '/api/v1/discover/books?q=coastal+tower', () => page([lighthouse], [['sea', 1]]));
    server.on('GET', '/api/v1/discover/books?q=coastal+tower&genre=literary', () => page([lighthouse], [['sea', 1]]));
    server.on('GET', '/api/v1/discover/books?q=coastal+tower&genre=literary&tag=sea', () => page([lighthouse], [['sea', 1]]));
    server.on('GET', '/api/v1/discover/books?q=coastal+tower&genre=literary&tag=sea&excludeTag=found+family', () => page([], []));
    renderApp('/discover', server.api());

    expect(await screen.findByRole('link', { name: 'Dragons of the Ember Crown' })).toBeInTheDocument();
    expect(screen.getByText('2 books')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'coastal tower');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('1 book')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Dragons of the Ember Crown' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Genre' }), 'literary');
    await user.click(await screen.findByRole('checkbox', { name: /sea/ }));
    expect(await screen.findByRole('checkbox', { name: /sea/, checked: true })).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Hide books tagged' }), ' Found  Family ');
    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(await screen.findByRole('heading', { name: 'Nothing found' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Hidden tags' })).getByRole('button', { name: /found family/ })).toBeInTheDocument();
    expect(server.calls('GET', '/api/v1/discover/books?q=coastal+tower&genre=literary&tag=sea&excludeTag=found+family')).toHaveLength(1);
  });

  it('sorts by followers and by rating, and lists the best rated of the genre chosen', async () => {
    const rated = (book: object, ratings: number, mean: number, score: number) => ({ book, ratings, mean, score });
    server.on('GET', '/api/v1/discover/books', () => page([lighthouse, dragons], []));
    server.on('GET', '/api/v1/discover/books?sort=rating', () => page([dragons, lighthouse], []));
    server.on('GET', '/api/v1/discover/books?genre=literary&sort=rating', () => page([lighthouse], []));
    server.on('GET', '/api/v1/discover/best-rated?size=5', () => ({
      status: 200, body: { items: [rated(dragons, 3, 14 / 3, 3.625), rated(lighthouse, 1, 5, 20 / 6)], total: 2 },
    }));
    server.on('GET', '/api/v1/discover/best-rated?genre=literary&size=5', () => ({
      status: 200, body: { items: [rated(lighthouse, 1, 5, 20 / 6)], total: 1 },
    }));
    renderApp('/discover', server.api());

    const best = await screen.findByRole('region', { name: 'Best rated' });
    expect(within(best).getAllByRole('link').map((a) => a.textContent)).toEqual(['Dragons of the Ember Crown', "The Lighthouse Keeper's Daughter"]);
    expect(within(best).getByText(/4\.7 of 5 from 3 ratings/)).toBeInTheDocument();
    expect(within(best).getByText(/5\.0 of 5 from 1 rating$/)).toBeInTheDocument();

    const user = userEvent.setup();
    const sort = screen.getByRole('combobox', { name: 'Sort by' });
    expect(within(sort).getByRole('option', { name: 'Most followed' })).toHaveValue('follows');
    await user.selectOptions(sort, 'Highest rated');
    await screen.findByText('2 books');
    await vi.waitFor(() => expect(server.calls('GET', '/api/v1/discover/books?sort=rating')).toHaveLength(1));
    const results = () => screen.getAllByRole('listitem').filter((li) => li.classList.contains('book-card'))
      .map((li) => within(li).getByRole('link').textContent);
    await vi.waitFor(() => expect(results()).toEqual(['Dragons of the Ember Crown', "The Lighthouse Keeper's Daughter"]));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Genre' }), 'literary');
    const literary = await screen.findByRole('region', { name: 'Best rated in literary' });
    expect(within(literary).getAllByRole('link').map((a) => a.textContent)).toEqual(["The Lighthouse Keeper's Daughter"]);
    await vi.waitFor(() => expect(results()).toEqual(["The Lighthouse Keeper's Daughter"]));
  });

  it('loads the next page with the cursor the server gave', async () => {
    server.on('GET', '/api/v1/discover/books', () => page([lighthouse], [], 'c1'));
    server.on('GET', '/api/v1/discover/books?cursor=c1', () => page([dragons], []));
    renderApp('/discover', server.api());

    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'More books' }));
    expect(await screen.findByRole('link', { name: 'Dragons of the Ember Crown' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "The Lighthouse Keeper's Daughter" })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'More books' })).not.toBeInTheDocument();
  });

  it("shows a published book's landing page: blurb, warnings, chapters and the way in", async () => {
    server.on('GET', `/api/v1/books/${lighthouse.id}`, () => ({
      status: 200,
      body: {
        id: lighthouse.id, title: lighthouse.title, format: 'novel', status: 'COMPLETE', words: 41000, publication: 'PUBLISHED',
        access: 'READ', authorId: 'u1', metadata: {}, artifacts: {},
        chapters: [{ id: 'c1', number: 1, title: 'The Lamp', status: 'FINAL', scenes: [] }],
        listing: { blurb: lighthouse.blurb, genre: 'literary', tags: ['sea'], contentWarnings: ['major-character-death'], rating: 'teen',
          language: 'en', status: 'complete' },
      },
    }));
    renderApp(`/discover/${lighthouse.id}`, server.api());

    expect(await screen.findByRole('heading', { name: lighthouse.title })).toBeInTheDocument();
    expect(screen.getByText(lighthouse.blurb)).toBeInTheDocument();
    expect(screen.getByText(/Major character death/)).toBeInTheDocument();
    expect(screen.getByText('The Lamp')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in to read' })).toBeInTheDocument();
  });

  it('says a book it may not read is not found', async () => {
    renderApp('/discover/a1b2c3d4-0000-4000-8000-00000000dead', server.api());
    expect(await screen.findByRole('heading', { name: 'Book not found' })).toBeInTheDocument();
  });
});

describe('Discover lists', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it('shows popular this week and rising stars, of the genre chosen and without the hidden tags', async () => {
    const card = { ...lighthouse, id: 'p1', title: 'Weekly Favourite' };
    server.on('GET', '/api/v1/discover/books', () => page([], []));
    server.on('GET', '/api/v1/discover/books?excludeTag=war', () => page([], []));
    server.on('GET', '/api/v1/discover/popular?size=5', () => ({
      status: 200, body: { items: [{ book: card, reads: 3, follows: 1, ratings: 0, points: 5 }], window: 'week', total: 1 },
    }));
    server.on('GET', '/api/v1/discover/rising-stars?size=5', () => ({
      status: 200, body: { items: [{ book: { ...card, id: 'r1', title: 'New Voice' }, points: 4, ageDays: 2, priorAudience: 0, debut: true, score: 1.3 }], total: 1 },
    }));
    server.on('GET', '/api/v1/discover/popular?excludeTag=war&size=5', () => ({ status: 200, body: { items: [], window: 'week', total: 0 } }));
    server.on('GET', '/api/v1/discover/rising-stars?excludeTag=war&size=5', () => ({ status: 200, body: { items: [], total: 0 } }));
    const user = userEvent.setup();
    renderApp('/discover', server.api());

    const popular = await screen.findByRole('region', { name: 'Popular this week' });
    expect(within(popular).getByRole('link', { name: 'Weekly Favourite' })).toHaveAttribute('href', '/discover/p1');
    expect(popular).toHaveTextContent('3 new readers, 1 follow');
    const rising = await screen.findByRole('region', { name: 'Rising stars' });
    expect(rising).toHaveTextContent('New Voice · Ada · debut');

    await user.type(screen.getByLabelText('Hide books tagged'), 'war');
    await user.click(screen.getByRole('button', { name: 'Hide' }));
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: 'Popular this week' })).not.toBeInTheDocument());
    expect(server.calls('GET', '/api/v1/discover/rising-stars?excludeTag=war&size=5')).toHaveLength(1);
  });
});
