// Paths and field names of the discovery service (docs/discovery.md) and of a published book as
// content shows it to readers (docs/content.md#publishing).
import type { ApiClient } from './client';
import type { BookDetails } from './library';

/** A published book as discovery lists it. */
export interface BookCard {
  id: string;
  title: string;
  authorId: string;
  authorName?: string | null;
  blurb: string;
  genre?: string | null;
  tags: string[];
  contentWarnings: string[];
  rating: string;
  language: string;
  status: string;
  words: number;
  chapters: number;
  publishedAt: string;
  score?: number | null;
  reason?: string | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

/** `GET /api/v1/discover/books`. */
export interface SearchPage {
  items: BookCard[];
  total: number;
  facets: Partial<Record<'genre' | 'tag' | 'rating' | 'language' | 'status', FacetValue[]>>;
  nextCursor?: string | null;
}

export interface DiscoverQuery {
  q?: string;
  genre?: string;
  rating?: string;
  status?: string;
  tags?: string[];
  excludeTags?: string[];
  sort?: string;
  cursor?: string;
}

/** What readers see of a book before opening it. */
export interface Listing {
  blurb: string;
  genre?: string | null;
  tags: string[];
  contentWarnings: string[];
  rating: string;
  language: string;
  status: string;
}

/** `GET /api/v1/books/{id}` for a published book: `access` is `READ` for a reader, `OWN` for its author. */
export interface PublishedBookDetails extends BookDetails {
  publication: string;
  access: 'READ' | 'OWN';
  authorId: string;
  listing: Listing;
}

/** The search's address: parameters in a fixed order, so the same search is the same URL. */
export function discoverPath(query: DiscoverQuery): string {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.append('q', query.q.trim());
  if (query.genre) params.append('genre', query.genre);
  if (query.rating) params.append('rating', query.rating);
  if (query.status) params.append('status', query.status);
  for (const tag of query.tags ?? []) params.append('tag', tag);
  for (const tag of query.excludeTags ?? []) params.append('excludeTag', tag);
  if (query.sort) params.append('sort', query.sort);
  if (query.cursor) params.append('cursor', query.cursor);
  const text = params.toString();
  return `/api/v1/discover/books${text ? `?${text}` : ''}`;
}

/** A reader's rating: overall and parts 1–5, an optional plain-text review; in reviews, the reader's display name. */
export interface Rating {
  readerId?: string;
  readerName?: string | null;
  overall: number;
  style?: number | null;
  story?: number | null;
  grammar?: number | null;
  characters?: number | null;
  review?: string | null;
  updatedAt?: string;
}

export interface Reviews {
  summary: { ratings: number; overall: number | null; reviews: number; followers: number };
  reviews: { items: Rating[]; total: number };
}

/** `GET /api/v1/discover/best-rated`: rated books by Bayesian average (`score`), with their ratings and mean. */
export interface BestRatedPage {
  items: { book: BookCard; ratings: number; mean: number; score: number }[];
  total: number;
}

export function discoveryApi(client: ApiClient) {
  const discovered = (id: string) => `/api/v1/discover/books/${encodeURIComponent(id)}`;
  return {
    search: (query: DiscoverQuery) => client.get<SearchPage>(discoverPath(query)),
    bestRated: (genre?: string, size = 5) =>
      client.get<BestRatedPage>(`/api/v1/discover/best-rated?${new URLSearchParams({ ...(genre ? { genre } : {}), size: String(size) })}`),
    follow: (id: string) => client.get<{ following: boolean; followers: number }>(`${discovered(id)}/follow`),
    setFollow: (id: string, following: boolean) =>
      following
        ? client.put<{ following: boolean; followers: number }>(`${discovered(id)}/follow`, {})
        : client.delete<{ following: boolean; followers: number }>(`${discovered(id)}/follow`),
    reviews: (id: string) => client.get<Reviews>(`${discovered(id)}/reviews`),
    /** The reader's own rating, or null before they rated (204). */
    myRating: (id: string) => client.get<Rating | undefined>(`${discovered(id)}/rating`).then((r) => r ?? null),
    rate: (id: string, rating: Rating) => client.put<Rating>(`${discovered(id)}/rating`, rating),
    book: (id: string) => client.get<PublishedBookDetails>(`/api/v1/books/${encodeURIComponent(id)}`),
  };
}

/** `science-fiction` → `Science fiction`. */
export function label(wire: string): string {
  const text = wire.replaceAll('-', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
