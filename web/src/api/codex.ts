// Paths and field names of the content service's codex API (docs/content.md, "The codex"): a book's
// editable story bible, the ledger its drafting prompts carry. One place, like generation.ts.
import type { ApiClient } from './client';

export const CODEX_KINDS = ['CHARACTER', 'PLACE', 'OBJECT', 'LORE', 'FACTION', 'RELATIONSHIP'] as const;
export type CodexKind = (typeof CODEX_KINDS)[number];
/** ALWAYS: in every drafting prompt; NEVER: in none; AUTO: when the scene's plan or the previous scene names it. */
export type CodexPin = 'ALWAYS' | 'NEVER' | 'AUTO';

/** `fromScene` counts scenes through the book from 1; 0 is the plan (before the first scene). */
export interface CodexFact {
  id: string;
  text: string;
  attribute: string | null;
  fromScene: number;
  source: 'EXTRACTED' | 'AUTHOR';
  /** The author changed it: extraction leaves it alone. */
  edited: boolean;
}

export interface CodexEntry {
  id: string;
  kind: CodexKind;
  name: string;
  aliases: string[];
  description: string;
  pinned: CodexPin;
  source: 'EXTRACTED' | 'AUTHOR';
  facts: CodexFact[];
}

export interface EntryInput {
  kind?: CodexKind;
  name?: string;
  aliases?: string[];
  description?: string;
  pinned?: CodexPin;
}

export interface FactInput {
  text?: string;
  fromScene?: number;
  attribute?: string | null;
}

/** The most a book's standing instructions may be (engine `story/Instructions.MAX_CHARS`). */
export const INSTRUCTIONS_MAX_CHARS = 1000;

export function codexApi(client: ApiClient) {
  const codex = (book: string) => `/api/v1/books/${encodeURIComponent(book)}/codex`;
  const entry = (book: string, id: string) => `${codex(book)}/${encodeURIComponent(id)}`;
  return {
    list: async (book: string) => (await client.get<{ entries: CodexEntry[] }>(codex(book))).entries,
    /** The book's standing instructions (docs/content.md, "Standing instructions"): every drafting prompt ends with them. */
    instructions: async (book: string) =>
      (await client.get<{ text: string }>(`/api/v1/books/${encodeURIComponent(book)}/instructions`)).text,
    setInstructions: async (book: string, text: string) =>
      (await client.put<{ text: string }>(`/api/v1/books/${encodeURIComponent(book)}/instructions`, { text })).text,
    create: (book: string, input: EntryInput) => client.post<CodexEntry>(codex(book), input),
    update: (book: string, id: string, input: EntryInput) => client.patch<CodexEntry>(entry(book, id), input),
    remove: (book: string, id: string) => client.delete(entry(book, id)),
    addFact: (book: string, id: string, input: FactInput) => client.post<CodexFact>(`${entry(book, id)}/facts`, input),
    updateFact: (book: string, id: string, fact: string, input: FactInput) =>
      client.patch<CodexFact>(`${entry(book, id)}/facts/${encodeURIComponent(fact)}`, input),
    removeFact: (book: string, id: string, fact: string) => client.delete(`${entry(book, id)}/facts/${encodeURIComponent(fact)}`),
  };
}
