// Paths and field names of what the reader, the export screen and the provider-key settings use
// (content service: books, scenes, reading position, exports, covers, provider keys).
import type { ApiClient } from './client';

export interface SceneOutline {
  id: string;
  number: number;
  title: string;
  wordCount: number;
  status: string;
}

/**
 * A chapter gated for this reader by membership (docs/content.md#chapter-gating): they get a teaser.
 * `unlocksAt`: when it opens for them (absent: not on its schedule); `anyMember`: any paid tier of the
 * author unlocks it now; `tiers`: the tier ids (and those above them) that unlock it now.
 */
export interface ChapterLock {
  locked: true;
  unlocksAt?: string | null;
  anyMember: boolean;
  tiers: string[];
}

export interface ChapterOutline {
  id: string;
  number: number;
  title: string;
  description?: string | null;
  status: string;
  scenes: SceneOutline[];
  /** Set when the chapter is locked for this reader. */
  locked?: ChapterLock | null;
}

/** One of a creator's tiers as anyone may see it (`GET /api/v1/creators/{id}/tiers`, docs/subscriptions.md). */
export interface CreatorTier {
  id: string;
  name: string;
  monthlyPrice: number;
  currency: string;
  archived?: boolean;
}

/** `GET /api/v1/books/{id}`: the book with its chapters and their scenes (without text). */
export interface BookDetails {
  id: string;
  title: string;
  description?: string | null;
  /** Wire form: `novel`, `short-story`, `screenplay`, `stage-play`, `tv-episode`... */
  format: string;
  status: string;
  metadata?: { provider?: string } | null;
  words: number;
  chapters: ChapterOutline[];
  updatedAt?: string;
  /** Whether the author uploaded a cover (without one, exports draw one from the title). */
  cover?: boolean;
  /** The book's public life: `DRAFT`, `SCHEDULED`, `PUBLISHED`, `UNPUBLISHED` or `ARCHIVED`. */
  publication?: string;
  /** Who wrote it (the owner's user id). */
  authorId?: string | null;
}

/** One scene with its text: HTML the content service has already sanitised (docs/content.md). */
export interface SceneText {
  id: string;
  chapterId: string;
  number: number;
  title: string;
  content: string | null;
  wordCount: number;
  /** For a chapter locked for this reader: its first words, plain text (never the whole chapter). */
  teaser?: string | null;
  locked?: ChapterLock | null;
}

export interface ReadingPosition {
  chapterId: string;
  sceneId: string;
  /** How far into the scene, 0..1. */
  progress: number;
  updatedAt?: string;
}

export type ExportState = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'WAITING_FOR_STORAGE';

export interface BookExport {
  id: string;
  bookId: string;
  format: string;
  trim?: string | null;
  state: ExportState;
  error?: string | null;
  createdAt: string;
  completedAt?: string | null;
  /** A signed link that needs no token; only on `GET .../exports/{exportId}` of a DONE export. */
  downloadUrl?: string | null;
  expiresAt?: string | null;
}

export interface ProviderKey {
  provider: string;
  lastFour: string;
  createdAt: string;
}

export interface KeyTest {
  provider: string;
  ok: boolean;
  model?: string | null;
  /** What the writer's own server lists (Ollama, OpenAI-compatible); empty for hosted providers. */
  models?: string[];
  message: string;
}

/** Where the writer's own model server is (Ollama, an OpenAI-compatible one). */
export interface ProviderEndpoint {
  provider: string;
  baseUrl: string;
  updatedAt: string;
}

/** Scripts get Fountain and Final Draft as well (the server refuses them for prose). */
export const SCRIPT_FORMATS = ['screenplay', 'stage-play', 'tv-episode'];

export const EXPORT_FORMATS = [
  { value: 'epub', label: 'EPUB', hint: 'E-readers, Apple Books, Kobo', scriptsOnly: false },
  { value: 'pdf', label: 'PDF', hint: 'Print-ready pages in the trim size you choose', scriptsOnly: false },
  { value: 'docx', label: 'Word (DOCX)', hint: 'For editors and agents', scriptsOnly: false },
  { value: 'md', label: 'Markdown', hint: 'Plain text with light formatting', scriptsOnly: false },
  { value: 'fountain', label: 'Fountain', hint: 'Plain-text screenplay format', scriptsOnly: true },
  { value: 'fdx', label: 'Final Draft (FDX)', hint: 'For Final Draft', scriptsOnly: true },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['value'];

export const TRIM_SIZES = [
  { value: '6x9', label: '6 × 9 in (US trade)' },
  { value: '5.5x8.5', label: '5.5 × 8.5 in (digest)' },
  { value: '5x8', label: '5 × 8 in' },
  { value: 'A5', label: 'A5 (148 × 210 mm)' },
  { value: 'letter', label: 'US Letter (8.5 × 11 in)' },
] as const;

export function isScript(format: string | undefined): boolean {
  return SCRIPT_FORMATS.includes((format ?? '').toLowerCase().replaceAll('_', '-'));
}

export function isSampleBook(book: Pick<BookDetails, 'metadata'>): boolean {
  return book.metadata?.provider === 'sample';
}

const book = (id: string) => `/api/v1/books/${encodeURIComponent(id)}`;

export function libraryApi(client: ApiClient) {
  return {
    book: (id: string) => client.get<BookDetails>(book(id)),

    /** A creator's tiers, cheapest first (public). */
    creatorTiers: (authorId: string) => client.get<CreatorTier[]>(`/api/v1/creators/${encodeURIComponent(authorId)}/tiers`),

    scene: (bookId: string, chapterId: string, sceneId: string) =>
      client.get<SceneText>(`${book(bookId)}/chapters/${encodeURIComponent(chapterId)}/scenes/${encodeURIComponent(sceneId)}`),

    /** Where the writer stopped reading; null when they never opened the book (204). */
    async readingPosition(bookId: string): Promise<ReadingPosition | null> {
      return (await client.get<ReadingPosition | undefined>(`${book(bookId)}/reading-position`)) ?? null;
    },

    saveReadingPosition: (bookId: string, position: Omit<ReadingPosition, 'updatedAt'>) =>
      client.put<ReadingPosition>(`${book(bookId)}/reading-position`, position),

    /** `author` is the name on the title page; without it the server credits the profile's display name, else username. */
    startExport: (bookId: string, format: ExportFormat, trim?: string, author?: string) =>
      client.post<BookExport>(`${book(bookId)}/export`, {
        format,
        ...(trim ? { trim } : {}),
        ...(author?.trim() ? { author: author.trim() } : {}),
      }),

    /** The export; when DONE it carries a fresh signed `downloadUrl`. */
    export: (bookId: string, exportId: string) =>
      client.get<BookExport>(`${book(bookId)}/exports/${encodeURIComponent(exportId)}`),

    exports: (bookId: string) => client.get<BookExport[]>(`${book(bookId)}/exports`),

    uploadCover(bookId: string, file: File) {
      const form = new FormData();
      form.append('file', file, file.name);
      return client.put<{ fileId: string; mediaType: string }>(`${book(bookId)}/cover`, form);
    },

    removeCover: (bookId: string) => client.delete(`${book(bookId)}/cover`),

    providerKeys: () => client.get<ProviderKey[]>('/api/v1/provider-keys'),
    saveProviderKey: (provider: string, key: string) =>
      client.put<ProviderKey>(`/api/v1/provider-keys/${encodeURIComponent(provider)}`, { key }),
    deleteProviderKey: (provider: string) => client.delete(`/api/v1/provider-keys/${encodeURIComponent(provider)}`),
    testProviderKey: (provider: string) =>
      client.post<KeyTest>(`/api/v1/provider-keys/${encodeURIComponent(provider)}/test`),
    providerEndpoints: () => client.get<ProviderEndpoint[]>('/api/v1/provider-endpoints'),
    saveProviderEndpoint: (provider: string, baseUrl: string) =>
      client.put<ProviderEndpoint>(`/api/v1/provider-endpoints/${encodeURIComponent(provider)}`, { baseUrl }),
    deleteProviderEndpoint: (provider: string) => client.delete(`/api/v1/provider-endpoints/${encodeURIComponent(provider)}`),
    testProviderEndpoint: (provider: string) =>
      client.post<KeyTest>(`/api/v1/provider-endpoints/${encodeURIComponent(provider)}/test`),
  };
}
