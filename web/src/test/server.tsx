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
