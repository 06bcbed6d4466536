// Paths and field names of the content service's writing API: a book's chapters and scenes, a
// scene's text with its versions, and AI assist (one place, like books.ts and identity.ts).
import type { ApiClient, StreamEvent } from './client';
import { ApiError, type Problem } from './problems';

export type PartStatus = 'PLANNED' | 'DRAFT' | 'REVIEW' | 'FINAL';

export interface SceneSummary {
  id: string;
  number: number;
  title: string;
  wordCount: number;
  status: PartStatus;
  version: number;
}

export interface Chapter {
  id: string;
  number: number;
  title: string;
  description?: string | null;
  status: PartStatus;
  scenes: SceneSummary[];
}

export interface BookOutline {
  id: string;
  title: string;
  format?: string;
  status?: string;
  metadata?: { provider?: string } | null;
  words: number;
  chapters: Chapter[];
}

export interface Scene {
  id: string;
  chapterId: string;
  number: number;
  title: string;
  /** Sanitised HTML (docs/content.md): p, em, strong, h2–h4, blockquote, ul, ol, li, br, hr, a[href]. */
  content: string;
  wordCount: number;
  status: PartStatus;
  /** The version the text is at; a save names it as `baseVersion`. */
  version: number;
}

/** The outline's empty first version of a planned scene: no one's text. */
export function isPlaceholder(v: Pick<VersionSummary, 'origin' | 'wordCount'>): boolean {
  return v.origin === 'planned' && v.wordCount === 0;
}

export interface VersionSummary {
  number: number;
  wordCount: number;
  author: string | null;
  /** `edit`, `generated`, `revision`, `planned`, `import`, `restore of N`. */
  origin: string;
  createdAt: string;
}

export interface Version extends VersionSummary {
  body: string;
}

export interface DiffChange {
  type: 'change' | 'insert' | 'delete';
  fromPosition: number;
  fromLines: string[];
  toPosition: number;
  toLines: string[];
}

export interface VersionDiff {
  from: number;
  to: number;
  changes: DiffChange[];
}

export const ASSIST_ACTIONS = [
  { value: 'continue', label: 'Continue', hint: 'Writes on from the end of the scene' },
  { value: 'rewrite', label: 'Rewrite', hint: 'Says the selected text another way' },
  { value: 'expand', label: 'Expand', hint: 'Makes the selected text longer and richer' },
  { value: 'shorten', label: 'Shorten', hint: 'Makes the selected text tighter' },
  { value: 'fix-grammar', label: 'Fix grammar', hint: 'Corrects spelling, grammar and punctuation' },
] as const;

export type AssistAction = (typeof ASSIST_ACTIONS)[number]['value'];

/** The assist endpoint's limit on the selection it is sent. */
export const MAX_ASSIST_SELECTION = 20_000;

export interface AssistResult {
  text: string;
  /** Written by the offline sample writer: shown with the "Sample text" badge. */
  sample: boolean;
  provider?: string;
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  costUsd?: number;
}

export interface AssistRequest {
  action: AssistAction;
  selection?: string;
  instruction?: string;
}

/** A book's metadata says which writer made it; the offline sample writer's text is badged. */
export function isSampleBook(book: Pick<BookOutline, 'metadata'>): boolean {
  return book.metadata?.provider === 'sample';
}

/** Where a book's text matches (`POST /books/{id}/find`): per scene, its count and the first matches in context. */
export interface FoundText {
  total: number;
  scenes: {
    chapterId: string;
    chapterNumber: number;
    chapterTitle: string;
    sceneId: string;
    sceneNumber: number;
    sceneTitle: string;
    version: number;
    count: number;
    samples: { before: string; text: string; after: string }[];
  }[];
}

export interface FindOptions {
  find: string;
  matchCase: boolean;
  wholeWord: boolean;
  regex: boolean;
}

export function editingApi(client: ApiClient) {
  const book = (id: string) => `/api/v1/books/${encodeURIComponent(id)}`;
  const chapter = (id: string, chapterId: string) => `${book(id)}/chapters/${encodeURIComponent(chapterId)}`;
  const scene = (id: string, chapterId: string, sceneId: string) =>
    `${chapter(id, chapterId)}/scenes/${encodeURIComponent(sceneId)}`;

  return {
    /** The book with its chapters and their scenes, in order. */
    outline: (id: string) => client.get<BookOutline>(book(id)),

    find: (id: string, options: FindOptions) => client.post<FoundText>(`${book(id)}/find`, options),
    /** Replaces in the previewed scenes at their previewed versions; a scene saved since is left alone and named. */
    replace: (id: string, options: FindOptions, replace: string, versions: Record<string, number>) =>
      client.post<{ replaced: number; scenesChanged: number; changedSincePreview: string[] }>(`${book(id)}/replace`, {
        ...options,
        replace,
        versions,
      }),

    addChapter: (id: string, title: string) => client.post<Chapter>(`${book(id)}/chapters`, { title }),
    renameChapter: (id: string, chapterId: string, title: string) =>
      client.patch<Chapter>(chapter(id, chapterId), { title }),
    deleteChapter: (id: string, chapterId: string) => client.delete(chapter(id, chapterId)),
    /** Every chapter id exactly once, in the new order. */
    orderChapters: (id: string, ids: string[]) => client.put<Chapter[]>(`${book(id)}/chapters/order`, { ids }),

    addScene: (id: string, chapterId: string, title: string) =>
      client.post<Scene>(`${chapter(id, chapterId)}/scenes`, { title, content: '' }),
    renameScene: (id: string, chapterId: string, sceneId: string, title: string) =>
      client.patch<Scene>(scene(id, chapterId, sceneId), { title }),
    deleteScene: (id: string, chapterId: string, sceneId: string) => client.delete(scene(id, chapterId, sceneId)),
    orderScenes: (id: string, chapterId: string, ids: string[]) =>
      client.put<SceneSummary[]>(`${chapter(id, chapterId)}/scenes/order`, { ids }),

    scene: (id: string, chapterId: string, sceneId: string) => client.get<Scene>(scene(id, chapterId, sceneId)),

    /**
     * Saves the text as the scene's next version, only if it is still at `baseVersion`: otherwise
     * the server refuses with 409 `edit-conflict` (and `currentVersion`) and overwrites nothing.
     * Without a base version the save always applies; the replaced text stays in the history.
     */
    saveText: (id: string, chapterId: string, sceneId: string, content: string, baseVersion?: number) =>
      client.patch<Scene>(scene(id, chapterId, sceneId), baseVersion === undefined ? { content } : { content, baseVersion }),

    /**
     * Newest first, without the empty placeholder the outline saved when it planned the scene (the server
     * leaves it out too; restoring it would only empty the scene).
     */
    versions: async (id: string, chapterId: string, sceneId: string) =>
      ((await client.get<VersionSummary[]>(`${scene(id, chapterId, sceneId)}/versions`)) ?? []).filter((v) => !isPlaceholder(v)),
    version: (id: string, chapterId: string, sceneId: string, n: number) =>
      client.get<Version>(`${scene(id, chapterId, sceneId)}/versions/${n}`),
    diff: (id: string, chapterId: string, sceneId: string, from: number, to: number) =>
      client.get<VersionDiff>(`${scene(id, chapterId, sceneId)}/versions/diff?from=${from}&to=${to}`),
    /** Saves version n's text as a new version (a restore never rewinds the history). */
    restore: (id: string, chapterId: string, sceneId: string, n: number) =>
      client.post<Scene>(`${scene(id, chapterId, sceneId)}/versions/${n}/restore`),

    /**
     * Streams an AI suggestion: `onText` gets the text so far after each `delta`; resolves with
     * the `done` event's result, rejects with an ApiError for a problem before the stream or an
     * `error` event, and with an AbortError when `signal` stops it. Nothing is saved by the server.
     */
    async assist(
      id: string,
      chapterId: string,
      sceneId: string,
      request: AssistRequest,
      onText: (textSoFar: string) => void,
      signal?: AbortSignal,
    ): Promise<AssistResult> {
      let text = '';
      let result: AssistResult | null = null;
      let failure: Problem | null = null;
      const onEvent = (event: StreamEvent) => {
        if (event.event === 'delta') {
          text += (JSON.parse(event.data) as { text?: string }).text ?? '';
          onText(text);
        } else if (event.event === 'done') {
          const done = JSON.parse(event.data) as Partial<AssistResult>;
          result = { ...done, text: done.text ?? text, sample: done.sample === true };
        } else if (event.event === 'error') {
          failure = JSON.parse(event.data) as Problem;
        }
      };
      await client.stream(`${scene(id, chapterId, sceneId)}/assist`, onEvent, { method: 'POST', body: request, signal });
      const problem = failure as Problem | null; // set by onEvent, which TypeScript cannot follow
      if (problem) throw new ApiError({ ...problem, status: problem.status ?? 502 });
      if (!result) throw new ApiError({ status: 0, code: 'assist-interrupted' });
      return result;
    },
  };
}

export type EditingApi = ReturnType<typeof editingApi>;
