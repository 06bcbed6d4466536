// Paths and field names of the content service's generation API: the new-book wizard, live
// progress, plan artifacts, ledger, summaries, context manifests and usage (docs/content.md and
// the team contract). One place, like books.ts and identity.ts.
import type { ApiClient, StreamEvent } from './client';
import { ApiError } from './problems';

/** The offline sample writer: the server's default provider, which always works. */
export const SAMPLE_PROVIDER = 'sample';

/** One provider of the server's catalogue (`GET /api/v1/providers`), the offline sample writer first. */
export interface ProviderInfo {
  name: string;
  label: string;
  /** Calls need a key; the writer may store their own under provider keys. */
  needsKey: boolean;
  /** The writer may store a key for it: one it needs, or an optional one (a router such as OpenRouter, a proxy). */
  takesKey?: boolean;
  /** A server at an address the writer may give (Ollama, an OpenAI-compatible server). */
  needsAddress?: boolean;
  /** The address this writer gave for it, if any. */
  address?: string | null;
  /** There is no default model: the writer must name one. */
  needsModel: boolean;
  defaultModel: string | null;
  summaryModel: string | null;
  /** Calls cost nothing per token (local or offline models). */
  free: boolean;
  /** The server knows where the provider is (a local one only when its address is configured). */
  configured: boolean;
  /** The server has a default key of its own for it. */
  serverKey: boolean;
}

/** The plan steps, in the order the generator runs them, with the artifact each one writes. */
export const PLAN_STEPS = [
  { key: 'plan/genre', kind: 'genre', label: 'Genre and audience' },
  { key: 'plan/style', kind: 'style', label: 'Style guide' },
  { key: 'plan/characters', kind: 'characters', label: 'Characters' },
  { key: 'plan/synopsis', kind: 'synopsis', label: 'Synopsis' },
  { key: 'plan/outline', kind: 'outline', label: 'Outline' },
] as const;

export type ArtifactKind = 'braindump' | (typeof PLAN_STEPS)[number]['kind'];

/** What `POST /api/v1/books/generate` takes. */
export interface StartGeneration {
  title: string;
  braindump: string;
  format: string;
  targetWords: number;
  provider: string;
  model?: string;
  budgetUsd?: number;
  approveOutline: boolean;
  /** The author's genre, in their words; its own field, never a line inside the braindump. */
  genre?: string;
  /** The author's style wishes. */
  style?: string;
}

/** Job states of `GET .../status`. */
export type JobState = 'QUEUED' | 'RUNNING' | 'AWAITING_APPROVAL' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'BUDGET_EXHAUSTED';

export interface Progress {
  step: string;
  scenesDone: number;
  scenesTotal: number;
  words: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  etaSeconds: number | null;
}

export interface JobStatus extends Partial<Progress> {
  jobId: string;
  bookId: string;
  state: JobState;
  provider?: string;
  model?: string;
  error?: string | null;
}

export const ACTIVE_STATES: readonly JobState[] = ['QUEUED', 'RUNNING'];

export interface SceneSummary {
  id: string;
  number: number;
  title: string;
  wordCount: number;
  status: string;
  version: number;
}

export interface ChapterView {
  id: string;
  number: number;
  title: string;
  description?: string;
  status: string;
  scenes: SceneSummary[];
}

export interface BookDetails {
  id: string;
  title: string;
  description?: string;
  format: string;
  status: string;
  metadata?: { provider?: string; model?: string; targetWords?: number; generated?: boolean } | null;
  words: number;
  chapters: ChapterView[];
  artifacts?: Record<string, number>;
  /** Derived: the offline sample writer wrote it. */
  sample: boolean;
}

export interface Artifact<T = unknown> {
  kind: string;
  document: T;
  version: number;
}

/** The outline as the generator writes it; unknown fields are kept as they are when saving. */
export interface OutlineDocument {
  acts?: { title: string; summary: string }[];
  chapters: OutlineChapter[];
  [other: string]: unknown;
}

export interface OutlineChapter {
  title: string;
  summary?: string;
  scenes: OutlineScene[];
  [other: string]: unknown;
}

export interface OutlineScene {
  title: string;
  beats?: string[];
  pov?: string;
  setting?: string;
  characters?: string[];
  wordTarget?: number;
  [other: string]: unknown;
}

export interface Position {
  chapter: number;
  scene: number;
}

export interface LedgerFact {
  subject: string;
  kind: string;
  attribute: string;
  value: string;
  since: Position;
  until: Position | null;
}

export interface Ledger {
  aliases: Record<string, string>;
  facts: LedgerFact[];
}

export type Phase = 'plan' | 'draft' | 'revision' | 'summary' | 'assist' | 'other';

export interface StepUsage {
  step: string;
  phase: Phase;
  chapter: number | null;
  scene: number | null;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface BookUsage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  steps: StepUsage[];
}

export interface ManifestPart {
  name: string;
  priority: number;
  tokens: number;
  itemsKept: number;
  itemsTotal: number;
  status: 'INCLUDED' | 'TRUNCATED' | 'OMITTED' | 'NOT_VISIBLE';
  note?: string | null;
}

export interface ContextManifest {
  step: string;
  budgetTokens: number;
  usedTokens: number;
  parts: ManifestPart[];
  /** The call's system prompt and first user message, exactly as sent (absent for scenes drafted before they were kept). */
  system?: string | null;
  prompt?: string | null;
}

export interface Summary {
  /** 0 is the whole book. */
  chapter: number;
  summary: unknown;
}

export interface ProviderKey {
  provider: string;
  lastFour: string;
  createdAt?: string;
}

/** One event of a book's progress stream, its data parsed. */
export interface ProgressEvent {
  id?: string;
  name: string;
  data: {
    jobId?: string;
    progress?: Progress;
    /** `step-completed`: the step key (the server also names it `step`). */
    key?: string;
    step?: string;
    chapter?: number;
    scene?: number;
    words?: number;
    state?: string;
    message?: string | null;
  };
}

/** After these the server ends the stream: the job is over (or waits for the author). */
export const TERMINAL_EVENTS = ['completed', 'failed', 'cancelled', 'budget-exhausted', 'outline-ready'] as const;

/** The step key a `step-completed` event carries. */
export function stepOf(event: ProgressEvent): string | undefined {
  return event.data.key ?? event.data.step ?? event.data.progress?.step;
}

function parseEvent(e: StreamEvent): ProgressEvent {
  let data: ProgressEvent['data'] = {};
  try {
    data = JSON.parse(e.data) ?? {};
  } catch {
    // a keep-alive or a malformed line carries nothing the screen needs
  }
  return { id: e.id, name: e.event, data };
}

export function generationApi(client: ApiClient) {
  const book = (id: string) => `/api/v1/books/${encodeURIComponent(id)}`;
  const scene = (id: string, chapterId: string, sceneId: string) =>
    `${book(id)}/chapters/${encodeURIComponent(chapterId)}/scenes/${encodeURIComponent(sceneId)}`;

  return {
    /** Starts a book: 202 with its job (and the new book's id). */
    start: (request: StartGeneration) => client.post<JobStatus>('/api/v1/books/generate', request),

    /** The providers a book can be written with, as the server offers them. */
    providers: () => client.get<ProviderInfo[]>('/api/v1/providers'),

    /** The writer's stored provider keys (never the keys themselves). */
    providerKeys: () => client.get<ProviderKey[]>('/api/v1/provider-keys'),

    /** The models the writer's own server lists (Ollama, OpenAI-compatible). */
    providerModels: (provider: string) =>
      client
        .get<{ provider: string; models: string[] }>(`/api/v1/provider-endpoints/${encodeURIComponent(provider)}/models`)
        .then((list) => list.models),

    async book(id: string): Promise<BookDetails> {
      const b = await client.get<Omit<BookDetails, 'sample'>>(book(id));
      return { ...b, chapters: b.chapters ?? [], sample: b.metadata?.provider === 'sample' };
    },

    /** The latest job, or null for a book that was never generated. */
    async status(id: string): Promise<JobStatus | null> {
      try {
        return await client.get<JobStatus>(`${book(id)}/status`);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'generation-not-found') return null;
        throw e;
      }
    },

    cancel: (id: string) => client.post<JobStatus>(`${book(id)}/generation/cancel`),

    resume: (id: string, budgetUsd?: number) =>
      client.post<JobStatus>(`${book(id)}/generation/resume`, budgetUsd === undefined ? {} : { budgetUsd }),

    /** Progress events until the job is over; `lastEventId` continues after a broken stream. */
    events: (id: string, onEvent: (e: ProgressEvent) => void, options: { lastEventId?: string; signal?: AbortSignal } = {}) =>
      client.stream(`${book(id)}/events`, (e) => onEvent(parseEvent(e)), options),

    /** A plan artifact, or null when the book has none of that kind yet. */
    async artifact<T = unknown>(id: string, kind: ArtifactKind): Promise<Artifact<T> | null> {
      try {
        return await client.get<Artifact<T>>(`${book(id)}/artifacts/${kind}`);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'artifact-not-found') return null;
        throw e;
      }
    },

    /** Saves an edited artifact (the body is the document itself), refused if someone saved since `version`. */
    saveArtifact: <T>(id: string, kind: ArtifactKind, document: T, version?: number) =>
      client.put<Artifact<T>>(`${book(id)}/artifacts/${kind}`, document, {
        headers: version === undefined ? undefined : { 'If-Match': `"${version}"` },
      }),

    ledger: (id: string) => client.get<Ledger>(`${book(id)}/ledger`),

    usage: (id: string) => client.get<BookUsage>(`${book(id)}/usage`),

    summaries: (id: string) => client.get<Summary[]>(`${book(id)}/summaries`),

    /** What went into a scene's drafting prompt, or null for a scene the generator did not draft. */
    async manifest(id: string, chapterId: string, sceneId: string): Promise<ContextManifest | null> {
      try {
        return await client.get<ContextManifest>(`${scene(id, chapterId, sceneId)}/manifest`);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'manifest-not-found') return null;
        throw e;
      }
    },
  };
}

export type GenerationApi = ReturnType<typeof generationApi>;
