import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { createApi, type Api } from '../api';
import { ApiClient } from '../api/client';
import { renewTokens } from '../api/identity';
import { App } from '../App';
import { SessionProvider } from '../session/session';

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Answer `text/event-stream` with these events instead of a JSON body. */
  events?: { id?: string; event: string; data: unknown }[];
}

type Handler = (request: Recorded) => Reply | undefined;

/**
 * A real HTTP server standing in for the platform's API: tests give it the answers the identity
 * and content contracts define, and read back what the app sent.
 */
export class TestServer {
  readonly requests: Recorded[] = [];
  private readonly handlers: Handler[] = [];
  private server: Server | null = null;
  private requestCount = 0;
  url = '';

  on(method: string, path: string, reply: (request: Recorded) => Reply): this {
    this.handlers.push((r) => (r.method === method && r.path === path ? reply(r) : undefined));
    return this;
  }

  calls(method: string, path: string): Recorded[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString();
      const recorded: Recorded = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        // JSON bodies parsed; anything else (a multipart upload) kept as its text
        body: text && (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : text || undefined,
      };
      this.requests.push(recorded);
      const requestId = `req-${++this.requestCount}`;
      const reply = this.handlers.map((h) => h(recorded)).find(Boolean) ?? {
        status: 404,
        body: { status: 404, code: 'not-found', title: 'Not Found', detail: 'Not Found', requestId },
      };
      if (reply.events) {
        res.writeHead(reply.status, { 'Content-Type': 'text/event-stream', 'X-Request-Id': requestId });
        for (const e of reply.events) {
          res.write(`${e.id ? `id: ${e.id}\n` : ''}event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
        }
        res.end();
        return;
      }
      const problem = reply.status >= 400;
      res.writeHead(reply.status, {
        'Content-Type': problem ? 'application/problem+json' : 'application/json',
        'X-Request-Id': requestId,
      });
      res.end(reply.body === undefined ? '' : JSON.stringify(problem ? { requestId, ...(reply.body as object) } : reply.body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  api(): Api {
    return createApi(new ApiClient({ baseUrl: this.url, renew: renewTokens }));
  }
}

export function problem(status: number, code: string, detail: string, errors?: { field: string; message: string }[]): Reply {
  return { status, body: { type: `https://authorworks.dev/problems/${code}`, title: 'Error', status, code, detail, errors } };
}

/** What sign-in and refresh answer. */
export function signedIn(accessToken: string, refreshToken: string): Reply {
  return {
    status: 200,
    body: { accessToken, tokenType: 'Bearer', expiresIn: 900, refreshToken, refreshExpiresIn: 2592000 },
  };
}

export const writer = {
  id: '6f1c1e0e-2b1a-4c9e-9a57-2f1d3c4b5a69',
  email: 'ada@example.com',
  username: 'ada',
  displayName: 'Ada',
  bio: '',
  avatarUrl: '',
  links: [],
  emailVerified: true,
};

/** The whole app at one address, talking to the given server. */
export function renderApp(path: string, api: Api) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider api={api}>
        <App />
      </SessionProvider>
    </MemoryRouter>,
  );
}

// --- The generation contract (docs/content.md; team contract items 1-3): answers for the
// new-book wizard and the book view tests. Shapes as the content service writes them.

export const BOOK_ID = 'b7d0c6a2-5a43-4c1e-9a0e-3f1e2d4c5b6a';

export function progressOf(p: Partial<Record<string, unknown>> = {}) {
  return {
    step: 'queued',
    scenesDone: 0,
    scenesTotal: 0,
    words: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    etaSeconds: null,
    ...p,
  };
}

/** `GET .../status` and the job that generate, cancel and resume answer. */
export function jobStatus(state: string, progress: Partial<Record<string, unknown>> = {}, extra: Record<string, unknown> = {}): Reply {
  return {
    status: state === 'QUEUED' ? 202 : 200,
    body: { jobId: 'j1', bookId: BOOK_ID, state, provider: 'sample', model: 'sample-writer', error: null, ...progressOf(progress), ...extra },
  };
}

/** An outline as the generator writes it (fields the screens do not edit included). */
export function outlineDocument() {
  return {
    acts: [{ title: 'Act one', summary: 'The letters arrive.' }],
    chapters: [
      {
        title: 'The Lamp Room',
        summary: 'Mara finds the first letter.',
        scenes: [
          { title: 'A letter in the lamp', pov: 'Mara', characters: ['Mara'], setting: 'the lamp room', beats: ['Mara climbs', 'She finds a letter'], wordTarget: 500 },
          { title: 'The date', pov: 'Mara', characters: ['Mara', 'Tom'], setting: 'the kitchen', beats: ['The letter is dated next week'], wordTarget: 500 },
        ],
      },
      {
        title: 'The Storm',
        summary: 'The storm comes.',
        scenes: [{ title: 'Landfall', pov: 'Tom', characters: ['Tom'], setting: 'the cliff', beats: ['Tom sees the boat'], wordTarget: 1000 }],
      },
    ],
  };
}

export const planArtifacts: Record<string, unknown> = {
  braindump: 'A keeper finds letters in the lamp room from a future storm.',
  genre: { genre: 'Literary mystery', subgenres: ['gothic'], audience: 'Adults', tone: 'Brooding', comparableTitles: ['The Lighthouse'] },
  style: { voice: 'Close third', tense: 'past', person: 'third', proseRules: ['Short sentences'], dialogueRules: ['Sparse'], avoid: ['Clichés'] },
  characters: {
    characters: [
      { name: 'Mara Vell', aliases: ['the keeper'], role: 'protagonist', description: 'A lighthouse keeper', goal: 'Stop the wreck', flaw: 'Distrust', arc: 'Learns to ask for help' },
    ],
  },
  synopsis: { logline: 'A keeper gets letters from a storm that has not come yet.', synopsis: 'Mara reads the letters.', ending: 'She saves the boat.', themes: ['time', 'trust'] },
  outline: outlineDocument(),
};

/** `GET /api/v1/books/{id}`: a generated book with its chapters and scenes. */
export function bookDetails(extra: Record<string, unknown> = {}) {
  return {
    id: BOOK_ID,
    title: 'The Lighthouse Keeper',
    description: '',
    format: 'novel',
    status: 'COMPLETE',
    metadata: { provider: 'sample', model: 'sample-writer', generated: true },
    words: 1450,
    artifacts: { braindump: 1, genre: 1, style: 1, characters: 1, synopsis: 1, outline: 1 },
    chapters: [
      {
        id: 'c1',
        number: 1,
        title: 'The Lamp Room',
        description: 'Mara finds the first letter.',
        status: 'DRAFT',
        scenes: [
          { id: 's1', number: 1, title: 'A letter in the lamp', wordCount: 480, status: 'DRAFT', version: 1 },
          { id: 's2', number: 2, title: 'The date', wordCount: 970, status: 'DRAFT', version: 2 },
        ],
      },
      { id: 'c2', number: 2, title: 'The Storm', description: 'The storm comes.', status: 'PLANNED', scenes: [{ id: 's3', number: 1, title: 'Landfall', wordCount: 0, status: 'PLANNED', version: 1 }] },
    ],
    ...extra,
  };
}

/** Answers every GET of the book's plan artifacts as `{kind, document, version}`. */
export function servePlanArtifacts(server: TestServer, bookId = BOOK_ID, documents = planArtifacts) {
  for (const [kind, document] of Object.entries(documents)) {
    server.on('GET', `/api/v1/books/${bookId}/artifacts/${kind}`, () => ({ status: 200, body: { kind, document, version: 1 } }));
  }
}

/** A writer who comes back: the refresh token from last time restores the session. */
export function returningWriter(server: TestServer) {
  localStorage.setItem('authorworks.refreshToken', 'r1');
  server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
  server.on('GET', '/api/v1/users/me', (r) =>
    r.headers.authorization === 'Bearer a2' ? { status: 200, body: writer } : { status: 401, body: { status: 401 } },
  );
}

/** The provider catalogue as the content service serves it (`GET /api/v1/providers`). */
export const providerCatalogue = [
  { name: 'sample', label: 'Sample writer (offline, no AI)', needsKey: false, takesKey: false, needsAddress: false, needsModel: false, defaultModel: 'sample-writer', summaryModel: 'sample-writer', free: true, configured: true, serverKey: false },
  { name: 'anthropic', label: 'Anthropic Claude', needsKey: true, takesKey: true, needsAddress: false, needsModel: false, defaultModel: 'claude-sonnet-4-5', summaryModel: 'claude-haiku-4-5', free: false, configured: true, serverKey: false },
  { name: 'openai', label: 'OpenAI', needsKey: true, takesKey: true, needsAddress: false, needsModel: false, defaultModel: 'gpt-5', summaryModel: 'gpt-5-mini', free: false, configured: true, serverKey: true },
  { name: 'gemini', label: 'Google Gemini', needsKey: true, takesKey: true, needsAddress: false, needsModel: false, defaultModel: 'gemini-2.5-pro', summaryModel: 'gemini-2.5-flash', free: false, configured: true, serverKey: false },
  { name: 'ollama', label: 'Ollama (local models)', needsKey: false, takesKey: true, needsAddress: true, address: null, needsModel: false, defaultModel: 'llama3.1', summaryModel: 'llama3.1', free: true, configured: false, serverKey: false },
  { name: 'openai-compatible', label: 'OpenAI-compatible server', needsKey: false, takesKey: true, needsAddress: true, address: null, needsModel: true, defaultModel: null, summaryModel: null, free: false, configured: true, serverKey: false },
];

export function serveProviders(server: TestServer, providers = providerCatalogue) {
  server.on('GET', '/api/v1/providers', () => ({ status: 200, body: providers }));
}
