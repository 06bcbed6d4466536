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
  /** For a recommendation: the id of the book of the reader's it is closest to. */
  because?: string | null;
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
  /** An ISO day (`2026-12-01`) or time: only books updated at or after it. */
  updatedSince?: string;
  sort?: string;
  cursor?: string;
}

/** A list's time window (`/popular`, `/trending`). */
export type ListWindow = 'day' | 'week' | 'month' | 'all';

/** `GET /api/v1/discover/trending`: readers over the book's age (Hacker News form), per window. */
export interface TrendingPage {
  items: { book: BookCard; reads: number; score: number }[];
  total: number;
}

/** A saved search: a name and the parameters of `GET /api/v1/discover/books` (as the server keeps them). */
export interface SavedSearchQuery {
  q?: string | null;
  genre?: string[];
  tag?: string[];
  excludeTag?: string[];
  rating?: string[];
  status?: string[];
  language?: string[];
  minWords?: number | null;
  maxWords?: number | null;
  updatedSince?: string | null;
  sort?: string | null;
}

export interface SavedSearch {
  id: string;
  name: string;
  query: SavedSearchQuery;
  createdAt: string;
  updatedAt: string;
}

/** The reader's saved blocklist: books by these authors or with these tags are left out of every answer. */
export interface Blocklist {
  authors: { id: string; name?: string | null }[];
  tags: string[];
}

/** The page's search as a saved search keeps it. */
export function toSavedQuery(query: DiscoverQuery): SavedSearchQuery {
  const saved: SavedSearchQuery = {};
  if (query.q?.trim()) saved.q = query.q.trim();
  if (query.genre) saved.genre = [query.genre];
  if (query.rating) saved.rating = [query.rating];
  if (query.status) saved.status = [query.status];
  if ((query.tags ?? []).length > 0) saved.tag = query.tags;
  if ((query.excludeTags ?? []).length > 0) saved.excludeTag = query.excludeTags;
  if (query.updatedSince) saved.updatedSince = query.updatedSince;
  if (query.sort) saved.sort = query.sort;
  return saved;
}

/** A saved search as the page's search (the page shows one genre, rating and status). */
export function fromSavedQuery(saved: SavedSearchQuery): DiscoverQuery {
  return {
    q: saved.q ?? undefined,
    genre: saved.genre?.[0],
    rating: saved.rating?.[0],
    status: saved.status?.[0],
    tags: saved.tag ?? [],
    excludeTags: saved.excludeTag ?? [],
    updatedSince: saved.updatedSince ?? undefined,
    sort: saved.sort ?? undefined,
  };
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
  if (query.updatedSince) params.append('updatedSince', query.updatedSince);
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

/** `GET /api/v1/discover/popular`: points = reads + 2 × follows + 3 × first ratings in the window (a week by default). */
export interface PopularPage {
  items: { book: BookCard; reads: number; follows: number; ratings: number; points: number }[];
  window: string;
  total: number;
}

/** `GET /api/v1/discover/rising-stars`: new books by growth for their age, damped by the author's earlier audience. */
export interface RisingPage {
  items: { book: BookCard; points: number; ageDays: number; priorAudience: number; debut: boolean; score: number; reservedSlot?: boolean }[];
  total: number;
}

export type Visibility = 'public' | 'private';

/** A reader's reading list as their lists show it: `books` counts its published books. */
export interface ReadingListSummary {
  id: string;
  ownerId: string;
  name: string;
  description?: string | null;
  visibility: Visibility;
  books: number;
  createdAt: string;
  updatedAt: string;
}

/** One reading list with the books the caller may read, in the owner's order. */
export interface ReadingList extends Omit<ReadingListSummary, 'books'> {
  books: BookCard[];
}

/** `GET /api/v1/discover/authors/{id}`: the profile fields are null when identity does not know the author. */
export interface AuthorPage {
  id: string;
  username?: string | null;
  displayName?: string | null;
  bio?: string | null;
  avatarUrl?: string | null;
  links: string[];
  followers?: number | null;
  bookFollowers: number;
  books: BookCard[];
  lists: ReadingListSummary[];
}

/** A chapter release, as `/discover/feed` and `/discover/latest` list them (newest first). */
export interface Update {
  id: string;
  bookId: string;
  bookTitle: string;
  authorId: string;
  authorName?: string | null;
  genre?: string | null;
  chapterId: string;
  chapterNumber: number;
  chapterTitle: string;
  words: number;
  publishedAt: string;
}

export interface UpdatePage {
  items: Update[];
  nextCursor?: string | null;
}

/** A chapter comment (`docs/discovery.md#chapter-comments-with-replies`); a tombstone has `deleted` and no body or author. */
export interface Comment {
  id: string;
  bookId: string;
  chapterId: string;
  parentId?: string | null;
  authorId?: string | null;
  authorName?: string | null;
  body?: string | null;
  deleted: boolean;
  hidden: boolean;
  edited: boolean;
  replies: number;
  createdAt: string;
  editedAt?: string | null;
}

export interface CommentPage {
  items: Comment[];
  nextCursor?: string | null;
}

export const REPORT_REASONS: Record<string, string> = {
  spam: 'Spam',
  harassment: 'Harassment',
  hate: 'Hate',
  sexual: 'Sexual content',
  violence: 'Violence',
  spoiler: 'Spoiler',
  'off-topic': 'Off topic',
  other: 'Something else',
};

/** A report of a comment or a review, as the admins' queue lists it. */
export interface Report {
  id: string;
  kind: 'comment' | 'review';
  bookId: string;
  commentId?: string | null;
  readerId?: string | null;
  offenderId?: string | null;
  reportedText?: string | null;
  reason: string;
  note?: string | null;
  status: 'open' | 'resolved' | 'dismissed';
  reporterId: string;
  createdAt: string;
  decidedAt?: string | null;
  decidedBy?: string | null;
  hid: boolean;
}

export interface ReportPage {
  items: Report[];
  page: number;
  size: number;
  total: number;
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.append(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A list's parameters in a fixed order: genre, hidden tags, window, size. */
function listParams(genre: string | undefined, excludeTags: string[], size: number, window?: ListWindow): string {
  const params = new URLSearchParams();
  if (genre) params.append('genre', genre);
  for (const tag of excludeTags) params.append('excludeTag', tag);
  if (window) params.append('window', window);
  params.append('size', String(size));
  return params.toString();
}

export function discoveryApi(client: ApiClient) {
  const discovered = (id: string) => `/api/v1/discover/books/${encodeURIComponent(id)}`;
  const comment = (id: string) => `/api/v1/discover/comments/${encodeURIComponent(id)}`;
  const list = (id: string) => `/api/v1/discover/lists/${encodeURIComponent(id)}`;
  return {
    search: (query: DiscoverQuery) => client.get<SearchPage>(discoverPath(query)),
    bestRated: (genre?: string, size = 5) =>
      client.get<BestRatedPage>(`/api/v1/discover/best-rated?${new URLSearchParams({ ...(genre ? { genre } : {}), size: String(size) })}`),
    /** Popular in the window (the server's default, a week, is not sent). */
    popular: (genre?: string, excludeTags: string[] = [], size = 5, window: ListWindow = 'week') =>
      client.get<PopularPage>(`/api/v1/discover/popular?${listParams(genre, excludeTags, size, window === 'week' ? undefined : window)}`),
    trending: (genre?: string, excludeTags: string[] = [], window: ListWindow = 'all', size = 5) =>
      client.get<TrendingPage>(`/api/v1/discover/trending?${listParams(genre, excludeTags, size, window)}`),
    recommendations: (size = 5) => client.get<{ items: BookCard[] }>(`/api/v1/discover/recommendations?size=${size}`).then((r) => r.items),
    /** Tags of readable books starting with `prefix`, most used first. */
    tags: (prefix: string, size = 8) =>
      client.get<{ items: { tag: string; books: number }[] }>(`/api/v1/discover/tags${query({ prefix, size })}`).then((r) => r.items),
    savedSearches: () => client.get<{ items: SavedSearch[] }>('/api/v1/discover/saved-searches').then((r) => r.items),
    saveSearch: (name: string, saved: SavedSearchQuery) => client.post<SavedSearch>('/api/v1/discover/saved-searches', { name, query: saved }),
    deleteSavedSearch: (id: string) => client.delete(`/api/v1/discover/saved-searches/${encodeURIComponent(id)}`),
    blocklist: () => client.get<Blocklist>('/api/v1/discover/blocklist'),
    setBlocklist: (authors: string[], tags: string[]) => client.put<Blocklist>('/api/v1/discover/blocklist', { authors, tags }),
    rising: (genre?: string, excludeTags: string[] = [], size = 5) =>
      client.get<RisingPage>(`/api/v1/discover/rising-stars?${listParams(genre, excludeTags, size)}`),
    author: (id: string) => client.get<AuthorPage>(`/api/v1/discover/authors/${encodeURIComponent(id)}`),
    myLists: () => client.get<{ items: ReadingListSummary[] }>('/api/v1/discover/lists').then((r) => r.items),
    readingList: (id: string) => client.get<ReadingList>(list(id)),
    createList: (name: string, visibility: Visibility = 'private') => client.post<ReadingList>('/api/v1/discover/lists', { name, visibility }),
    changeList: (id: string, changes: { name?: string; description?: string; visibility?: Visibility }) =>
      client.patch<ReadingList>(list(id), changes),
    deleteList: (id: string) => client.delete(list(id)),
    addToList: (id: string, bookId: string) => client.put<ReadingList>(`${list(id)}/books/${encodeURIComponent(bookId)}`, {}),
    removeFromList: (id: string, bookId: string) => client.delete(`${list(id)}/books/${encodeURIComponent(bookId)}`),
    reorderList: (id: string, bookIds: string[]) => client.put<ReadingList>(`${list(id)}/order`, { bookIds }),
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
    /** Releases of the books the caller follows (signed in). */
    feed: (cursor?: string | null, size = 20) => client.get<UpdatePage>(`/api/v1/discover/feed${query({ cursor, size })}`),
    /** Every release, of one genre or all (no token needed). */
    latest: (cursor?: string | null, genre?: string, size = 20) =>
      client.get<UpdatePage>(`/api/v1/discover/latest${query({ genre, cursor, size })}`),
    comments: (bookId: string, chapterId: string, options: { parentId?: string; cursor?: string | null; size?: number } = {}) =>
      client.get<CommentPage>(
        `${discovered(bookId)}/chapters/${encodeURIComponent(chapterId)}/comments${query({ parentId: options.parentId, cursor: options.cursor, size: options.size })}`,
      ),
    postComment: (bookId: string, chapterId: string, body: string, parentId?: string) =>
      client.post<Comment>(`${discovered(bookId)}/chapters/${encodeURIComponent(chapterId)}/comments`, { body, ...(parentId ? { parentId } : {}) }),
    comment: (commentId: string) => client.get<Comment>(`${comment(commentId)}`),
    editComment: (commentId: string, body: string) => client.patch<Comment>(comment(commentId), { body }),
    deleteComment: (commentId: string) => client.delete(comment(commentId)),
    setHidden: (commentId: string, hidden: boolean) =>
      hidden ? client.put<Comment>(`${comment(commentId)}/hidden`, {}) : client.delete<Comment>(`${comment(commentId)}/hidden`),
    reportComment: (commentId: string, reason: string, note?: string) =>
      client.post<Report>(`${comment(commentId)}/reports`, { reason, ...(note?.trim() ? { note: note.trim() } : {}) }),
    reports: (status = 'open', page = 0, size = 20) =>
      client.get<ReportPage>(`/api/v1/discover/moderation/reports${query({ status, page, size })}`),
    resolveReport: (reportId: string, hide: boolean) =>
      client.post<Report>(`/api/v1/discover/moderation/reports/${encodeURIComponent(reportId)}/resolve`, { hide }),
    dismissReport: (reportId: string) => client.post<Report>(`/api/v1/discover/moderation/reports/${encodeURIComponent(reportId)}/dismiss`),
  };
}

/** `science-fiction` → `Science fiction`. */
export function label(wire: string): string {
  const text = wire.replaceAll('-', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
