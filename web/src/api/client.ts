import { ApiError, readProblem } from './problems';

/** The two tokens a sign-in or a refresh hands out. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface RequestOptions {
  /** Sent as JSON, or as multipart/form-data when it is a FormData (uploads). */
  body?: unknown;
  /** Calls that must not carry a token nor trigger a refresh (sign in, refresh itself...). */
  anonymous?: boolean;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `If-Match` or `Last-Event-ID`. */
  headers?: Record<string, string>;
}

/** One server-sent event. `event` is `message` when the server named none. */
export interface StreamEvent {
  id?: string;
  event: string;
  data: string;
}

export interface StreamOptions extends RequestOptions {
  /** GET unless given (AI assist streams the answer to a POST). */
  method?: string;
  /** Continue after this event (the server's `Last-Event-ID` support). */
  lastEventId?: string;
}

export interface ApiClientOptions {
  /** Empty in the browser: the app and the API share one origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Where the refresh token lives between visits. */
  storage?: Storage;
  /** Exchanges a refresh token for new tokens; wired to the identity API in `api/index.ts`. */
  renew?: (client: ApiClient, refreshToken: string) => Promise<TokenPair>;
}

export const REFRESH_TOKEN_KEY = 'authorworks.refreshToken';
const REFRESH_LOCK = 'authorworks.refresh';

type SessionListener = (signedIn: boolean) => void;

/**
 * The one way the app talks to the API. The access token lives only in memory (a script
 * injected into the page cannot find it in storage after a reload); the refresh token is kept in
 * localStorage so a writer stays signed in across tabs and visits. A 401 triggers one refresh and
 * one retry; refreshes are serialised across tabs with the Web Locks API because refresh tokens
 * rotate and a token used twice ends the session.
 */
export class ApiClient {
  private accessToken: string | null = null;
  private renewing: Promise<boolean> | null = null;
  private readonly listeners = new Set<SessionListener>();
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly storage: Storage;
  private readonly renew?: ApiClientOptions['renew'];

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.storage = options.storage ?? localStorage;
    this.renew = options.renew;
  }

  get hasSession(): boolean {
    return this.accessToken !== null || this.storage.getItem(REFRESH_TOKEN_KEY) !== null;
  }

  get refreshToken(): string | null {
    return this.storage.getItem(REFRESH_TOKEN_KEY);
  }

  /** Keeps the tokens of a sign-in or refresh. */
  signIn(tokens: TokenPair): void {
    this.accessToken = tokens.accessToken;
    this.storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    this.listeners.forEach((l) => l(true));
  }

  /** Forgets both tokens (the server-side logout is the identity API's business). */
  signOut(): void {
    this.accessToken = null;
    this.storage.removeItem(REFRESH_TOKEN_KEY);
    this.listeners.forEach((l) => l(false));
  }

  /** Told when the session starts or ends, including when a refresh is refused. */
  onSessionChange(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  /**
   * Reads a `text/event-stream` answer, handing each event to `onEvent` as it arrives, and
   * resolves when the server ends the stream. Unlike EventSource it sends the access token (and
   * refreshes it on a 401, like every call); an error answer before the stream starts rejects
   * with its ApiError; `signal` stops reading (rejecting with an AbortError).
   */
  async stream(path: string, onEvent: (event: StreamEvent) => void, options: StreamOptions = {}): Promise<void> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = { ...options.headers, Accept: 'text/event-stream, application/problem+json' };
    if (options.lastEventId) {
      headers['Last-Event-ID'] = options.lastEventId;
    }
    const streamOptions = { ...options, headers };
    await this.renewBeforeSending(options);
    let response = await this.send(method, path, streamOptions);
    if (response.status === 401 && !options.anonymous && (await this.renewSession())) {
      response = await this.send(method, path, streamOptions);
    }
    if (!response.ok) {
      throw new ApiError(await readProblem(response));
    }
    if (!response.body) {
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new EventStreamParser(onEvent);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(value);
      }
      parser.push('\n\n');
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') {
        throw e;
      }
      throw new ApiError({ status: 0, code: 'network-error' });
    } finally {
      reader.releaseLock();
    }
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    await this.renewBeforeSending(options);
    let response = await this.send(method, path, options);
    if (response.status === 401 && !options.anonymous && (await this.renewSession())) {
      response = await this.send(method, path, options);
    }
    if (!response.ok) {
      throw new ApiError(await readProblem(response));
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    // a FormData body goes as multipart (fetch writes its Content-Type with the boundary); anything else as JSON
    const multipart = typeof FormData !== 'undefined' && options.body instanceof FormData;
    if (options.body !== undefined && !multipart) {
      headers['Content-Type'] = 'application/json';
    }
    if (!options.anonymous && this.accessToken) {
      headers.Authorization = `Bearer ${this.accessToken}`;
    }
    try {
      return await this.fetchImpl(this.baseUrl + path, {
        method,
        headers,
        body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') {
        throw e;
      }
      throw new ApiError({ status: 0, code: 'network-error' });
    }
  }

  /**
   * After a reload only the refresh token is left: renew first rather than send a request that
   * must fail with a 401 (which the browser also logs as an error in the console).
   */
  private async renewBeforeSending(options: RequestOptions): Promise<void> {
    if (!options.anonymous && this.accessToken === null && this.storage.getItem(REFRESH_TOKEN_KEY) !== null) {
      await this.renewSession();
    }
  }

  /** One refresh at a time; callers that hit a 401 meanwhile wait for its outcome. */
  private renewSession(): Promise<boolean> {
    this.renewing ??= this.lockedRenew().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  private lockedRenew(): Promise<boolean> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    // the lock holds until renewOnce settles; then() unwraps the promise it resolves with
    return locks ? locks.request(REFRESH_LOCK, () => this.renewOnce()).then((renewed) => renewed) : this.renewOnce();
  }

  private async renewOnce(): Promise<boolean> {
    // read it only now: another tab may have rotated it while this one waited for the lock
    const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY);
    if (!refreshToken || !this.renew) {
      return false;
    }
    try {
      this.signIn(await this.renew(this, refreshToken));
      return true;
    } catch (e) {
      // a refused token ends the session; a network failure leaves it for the next attempt
      if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
        this.signOut();
      }
      return false;
    }
  }
}

/**
 * The `text/event-stream` format (WHATWG HTML, "server-sent events"): lines of `field: value`,
 * an empty line ends an event, lines starting with `:` are comments, and `data` lines join with
 * newlines. Text may arrive cut anywhere, so an unfinished line waits for the next chunk.
 */
export class EventStreamParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;

  constructor(private readonly onEvent: (event: StreamEvent) => void) {}

  push(text: string): void {
    this.buffer += text;
    let end: number;
    while ((end = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, end);
      const breakLength = this.buffer.startsWith('\r\n', end) ? 2 : 1;
      if (breakLength === 1 && this.buffer[end] === '\r' && end === this.buffer.length - 1) {
        break; // a lone \r at the end may be the first half of \r\n
      }
      this.buffer = this.buffer.slice(end + breakLength);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) {
        this.onEvent({ id: this.id, event: this.event || 'message', data: this.data.join('\n') });
      }
      this.data = [];
      this.event = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
  }
}
