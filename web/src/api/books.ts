// Paths and field names of the content service's book API (one place, like identity.ts).
import type { ApiClient } from './client';

export interface BookSummary {
  id: string;
  title: string;
  format?: string;
  status?: string;
  /** When the book was last edited (any save, rename or structural change). */
  updatedAt?: string;
  /** The book's words: the sum of its scenes' counts, the same number every screen shows. */
  words?: number;
  /** How many scenes the book has, and how many of them are more than the outline's plan. */
  scenes?: number;
  scenesDrafted?: number;
  /** True when the text came from the offline sample writer, not a language model. */
  sample?: boolean;
  /** The book's word goal, null when it has none. */
  goalWords?: number | null;
  /** How the content service says who wrote it: `provider: "sample"` for the offline sample writer. */
  metadata?: { provider?: string };
}

/** The writer's words per day against their daily goal (`GET /api/v1/goals`). */
export interface WritingProgress {
  dailyWords: number | null;
  zone: string;
  today: string;
  todayWords: number;
  streak: number;
  days: { date: string; words: number }[];
}

/** A book's word goal and the pace that reaches it. */
export interface BookGoal {
  targetWords: number;
  deadline: string | null;
  words: number;
  remaining: number;
  daysLeft: number | null;
  wordsPerDay: number | null;
}

/** The writer's own time zone, so "today" is their today. */
function zone() {
  return encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

export const FORMATS = [
  { value: 'NOVEL', label: 'Novel' },
  { value: 'NOVELLA', label: 'Novella' },
  { value: 'SHORT_STORY', label: 'Short story' },
  { value: 'SCREENPLAY', label: 'Screenplay' },
  { value: 'STAGE_PLAY', label: 'Stage play' },
  { value: 'TV_EPISODE', label: 'TV episode' },
  { value: 'NON_FICTION', label: 'Non-fiction' },
] as const;

export const LENGTHS = [
  { value: 'SHORT', label: 'Short (about 15,000 words)' },
  { value: 'MEDIUM', label: 'Medium (about 40,000 words)' },
  { value: 'LONG', label: 'Long (about 80,000 words)' },
] as const;

/** What each length asks the content service for. */
export const TARGET_WORDS: Record<(typeof LENGTHS)[number]['value'], number> = {
  SHORT: 15_000,
  MEDIUM: 40_000,
  LONG: 80_000,
};

export const PROVIDERS = [{ value: 'sample', label: 'Sample writer (offline, no AI)' }] as const;

export interface GenerationRequest {
  title: string;
  braindump: string;
  format: (typeof FORMATS)[number]['value'];
  targetLength: (typeof LENGTHS)[number]['value'];
  provider: string;
}

export interface GenerationJob {
  bookId?: string;
  jobId?: string;
}

/** A chapter's public life (`docs/content.md#serial-release`). */
export interface ChapterRelease {
  chapterId: string;
  number: number;
  title: string;
  publication: 'DRAFT' | 'SCHEDULED' | 'PUBLISHED' | 'UNPUBLISHED';
  publishAt?: string | null;
  publishedAt?: string | null;
  /** Who may read it once released (the releases list has it; publish and withdraw answers may not). */
  access?: ChapterAccess | null;
}

/**
 * Who may read a released chapter (`docs/content.md#chapter-gating`): everyone, any paid member, or members
 * at chosen tiers and above; `later` lets more in after days (a tier, or any member when `tier` is null),
 * `everyoneAfterDays` makes it public. `freePreview`: within the book's free preview, so public anyway.
 */
export interface ChapterAccess {
  chapterId?: string;
  number?: number;
  visibility: 'public' | 'members' | 'tiers';
  tiers: string[];
  later: { tier: string | null; afterDays: number }[];
  everyoneAfterDays: number | null;
  freePreview?: boolean;
}

export function booksApi(client: ApiClient) {
  const chapter = (id: string, chapterId: string) => `/api/v1/books/${encodeURIComponent(id)}/chapters/${encodeURIComponent(chapterId)}`;
  return {
    /** Every chapter's release state, in order (the owner's). */
    releases: (id: string) => client.get<ChapterRelease[]>(`/api/v1/books/${encodeURIComponent(id)}/chapters/releases`),
    /** Now, or at `at` (an ISO instant) when it is in the future. */
    releaseChapter: (id: string, chapterId: string, at?: string) =>
      client.post<ChapterRelease>(`${chapter(id, chapterId)}/publish`, at ? { at } : {}),
    withdrawChapter: (id: string, chapterId: string) => client.post<ChapterRelease>(`${chapter(id, chapterId)}/unpublish`),
    /** Sets who may read the chapter (membership gating). */
    setChapterAccess: (id: string, chapterId: string, access: ChapterAccess) =>
      client.put<ChapterAccess>(`${chapter(id, chapterId)}/access`, {
        visibility: access.visibility,
        tiers: access.tiers,
        later: access.later,
        everyoneAfterDays: access.everyoneAfterDays,
      }),
    /** How many of the book's first chapters are always public. */
    freePreview: (id: string) => client.get<{ chapters: number }>(`/api/v1/books/${encodeURIComponent(id)}/free-preview`),
    setFreePreview: (id: string, chapters: number) =>
      client.put<{ chapters: number }>(`/api/v1/books/${encodeURIComponent(id)}/free-preview`, { chapters }),
    /** The writer's books (the first page, newest first). */
    async list(): Promise<BookSummary[]> {
      const body = await client.get<{ items: BookSummary[] }>('/api/v1/books');
      return (body?.items ?? []).map((book) => ({ ...book, sample: book.sample ?? book.metadata?.provider === 'sample' }));
    },

    /** Renames the book (`PATCH /books/{id}`). */
    rename: (id: string, title: string) => client.patch<BookSummary>(`/api/v1/books/${encodeURIComponent(id)}`, { title }),

    /** Today's words, the daily goal and the streak, in the writer's time zone. */
    progress: () => client.get<WritingProgress>(`/api/v1/goals?zone=${zone()}`),
    setDailyGoal: (dailyWords: number) => client.put<{ dailyWords: number }>('/api/v1/goals', { dailyWords }),
    clearDailyGoal: () => client.delete('/api/v1/goals'),
    setGoal: (id: string, targetWords: number, deadline: string | null) =>
      client.put<BookGoal>(`/api/v1/books/${encodeURIComponent(id)}/goal?zone=${zone()}`, { targetWords, deadline }),
    clearGoal: (id: string) => client.delete(`/api/v1/books/${encodeURIComponent(id)}/goal`),

    /** Deletes the book and everything in it, for good (the screen offers its undo before calling this). */
    remove: (id: string) => client.delete(`/api/v1/books/${encodeURIComponent(id)}`),

    /** A copy with its chapters, scenes and text; the server names it "<title> (copy)". */
    duplicate: (id: string) => client.post<BookSummary>(`/api/v1/books/${encodeURIComponent(id)}/duplicate`, {}),

    /** A new book from a Markdown, Word (.docx) or EPUB manuscript; the format follows the file's extension. */
    importFile(file: File) {
      const form = new FormData();
      form.append('file', file, file.name);
      return client.post<{ id: string; title: string }>('/api/v1/books/import', form);
    },

    generate: ({ targetLength, ...rest }: GenerationRequest) =>
      client.post<GenerationJob>('/api/v1/books/generate', { ...rest, targetWords: TARGET_WORDS[targetLength] }),
  };
}
