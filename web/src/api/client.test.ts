import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, EventStreamParser, REFRESH_TOKEN_KEY, type StreamEvent } from './client';
import { identityApi, renewTokens } from './identity';
import { ApiError } from './problems';
import { problem, signedIn, TestServer, writer } from '../test/server';

describe('ApiClient', () => {
  let server: TestServer;
  let client: ApiClient;

  beforeEach(async () => {
    server = await new TestServer().start();
    client = new ApiClient({ baseUrl: server.url, renew: renewTokens });
    // /users/me answers only to the access token the refresh hands out
    server.on('GET', '/api/v1/users/me', (r) =>
      r.headers.authorization === 'Bearer fresh-access'
        ? { status: 200, body: writer }
        : problem(401, 'authentication-required', 'A valid access token is required: sign in again.'),
    );
  });

  afterEach(() => server.stop());

  it('refreshes the session once on a 401 and retries the request with the new token', async () => {
    client.signIn({ accessToken: 'expired-access', refreshToken: 'refresh-1' });
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('fresh-access', 'refresh-2'));

    const me = await identityApi(client).me();

    expect(me.username).toBe('ada');
    expect(server.calls('POST', '/api/v1/auth/refresh').map((r) => r.body)).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(server.calls('GET', '/api/v1/users/me')).toHaveLength(2);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('after a reload, renews the kept session before the first call instead of provoking a 401', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('fresh-access', 'refresh-2'));

    const me = await identityApi(client).me();

    expect(me.username).toBe('ada');
    expect(server.calls('POST', '/api/v1/auth/refresh')).toHaveLength(1);
    expect(server.calls('GET', '/api/v1/users/me')).toHaveLength(1);
  });

  it('shares one refresh between requests that fail at the same time', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('fresh-access', 'refresh-2'));
    const identity = identityApi(client);

    const answers = await Promise.all([identity.me(), identity.me(), identity.me()]);

    expect(answers.map((u) => u.id)).toEqual([writer.id, writer.id, writer.id]);
    expect(server.calls('POST', '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh token is refused, and retries no more', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'stolen-and-reused');
    server.on('POST', '/api/v1/auth/refresh', () => problem(401, 'invalid-token', 'This refresh token is not valid.'));
    const sessions: boolean[] = [];
    client.onSessionChange((signedIn) => sessions.push(signedIn));

    const failure = await identityApi(client).me().catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect((failure as ApiError).message).toBe('Your session has ended. Please log in again.');
    expect(server.calls('GET', '/api/v1/users/me')).toHaveLength(1);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(sessions).toEqual([false]);
  });

  it('keeps the access token in memory and only the refresh token in storage after logging in', async () => {
    server.on('POST', '/api/v1/auth/login', () => signedIn('fresh-access', 'refresh-9'));

    const me = await identityApi(client).logIn('ada@example.com', 'correct horse battery');

    expect(me.email).toBe('ada@example.com');
    expect(server.calls('GET', '/api/v1/users/me')[0].headers.authorization).toBe('Bearer fresh-access');
    expect(server.calls('POST', '/api/v1/auth/login')[0].body).toEqual({
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
    expect(server.calls('POST', '/api/v1/auth/login')[0].headers.authorization).toBeUndefined();
    expect(Object.values({ ...localStorage })).toEqual(['refresh-9']);
  });

  it('says a wrong password in words and does not try to refresh a sign-in', async () => {
    server.on('POST', '/api/v1/auth/login', () => problem(401, 'invalid-credentials', 'The email or the password is wrong.'));

    const failure = (await identityApi(client).logIn('ada@example.com', 'nope').catch((e: unknown) => e)) as ApiError;

    expect(failure.message).toBe("That email and password don't match. Check them and try again.");
    expect(server.calls('POST', '/api/v1/auth/login')).toHaveLength(1);
    expect(server.calls('POST', '/api/v1/auth/refresh')).toHaveLength(0);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('says so when a reused refresh token made the server sign the writer out everywhere', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    server.on('POST', '/api/v1/auth/refresh', () =>
      problem(401, 'refresh-token-reused', 'This refresh token was already used.'),
    );

    const failure = (await client.post('/api/v1/auth/refresh', { refreshToken: 'refresh-1' }, { anonymous: true })
      .catch((e: unknown) => e)) as ApiError;

    expect(failure.message).toBe('For your safety we signed you out everywhere. Please log in again.');
  });

  it('turns problem details into words, field errors and a request id', async () => {
    server.on('POST', '/api/v1/auth/register', () =>
      problem(400, 'validation-failed', 'Some fields are not valid.', [{ field: 'username', message: 'must not be blank' }]),
    );

    const failure = (await identityApi(client)
      .register({ email: 'a@example.com', username: '', password: 'x' })
      .catch((e: unknown) => e)) as ApiError;

    expect(failure.message).toBe('Some fields need your attention.');
    expect(failure.fieldErrors).toEqual({ username: 'must not be blank' });
    expect(failure.requestId).toMatch(/^req-\d+$/);
  });

  it("shows the server's detail for a code it does not know", async () => {
    server.on('POST', '/api/v1/auth/forgot-password', () =>
      problem(422, 'mailbox-on-fire', 'Our mail provider is having a moment.'),
    );

    const failure = (await identityApi(client).forgotPassword('a@example.com').catch((e: unknown) => e)) as ApiError;

    expect(failure.message).toBe('Our mail provider is having a moment.');
    expect(failure.code).toBe('mailbox-on-fire');
  });

  it('explains a server that cannot be reached', async () => {
    await server.stop();

    const failure = (await identityApi(client).forgotPassword('a@example.com').catch((e: unknown) => e)) as ApiError;

    expect(failure.code).toBe('network-error');
    expect(failure.message).toBe("We couldn't reach AuthorWorks. Check your connection and try again.");
  });

  it('streams server-sent events with the token, after refreshing it, and sends Last-Event-ID', async () => {
    client.signIn({ accessToken: 'expired-access', refreshToken: 'refresh-1' });
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('fresh-access', 'refresh-2'));
    server.on('GET', '/api/v1/books/b1/events', (r) =>
      r.headers.authorization === 'Bearer fresh-access'
        ? {
            status: 200,
            events: [
              { id: '7', event: 'scene-drafted', data: { chapter: 1, scene: 2 } },
              { id: '8', event: 'completed', data: { jobId: 'j1' } },
            ],
          }
        : problem(401, 'authentication-required', 'A valid access token is required: sign in again.'),
    );
    const events: StreamEvent[] = [];

    await client.stream('/api/v1/books/b1/events', (e) => events.push(e), { lastEventId: '6' });

    expect(events).toEqual([
      { id: '7', event: 'scene-drafted', data: '{"chapter":1,"scene":2}' },
      { id: '8', event: 'completed', data: '{"jobId":"j1"}' },
    ]);
    const calls = server.calls('GET', '/api/v1/books/b1/events');
    expect(calls).toHaveLength(2);
    expect(calls[1].headers['last-event-id']).toBe('6');
    expect(calls[1].headers.accept).toContain('text/event-stream');
  });

  it('rejects a stream refused before it starts with the problem in words', async () => {
    client.signIn({ accessToken: 'fresh-access', refreshToken: 'r' });
    server.on('POST', '/api/v1/books/b1/chapters/c1/scenes/s1/assist', () =>
      problem(400, 'invalid-assist-action', 'action must be one of continue, rewrite, expand, shorten, fix-grammar'),
    );

    const failure = (await client
      .stream('/api/v1/books/b1/chapters/c1/scenes/s1/assist', () => undefined, { method: 'POST', body: { action: 'sing' } })
      .catch((e: unknown) => e)) as ApiError;

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure.status).toBe(400);
    expect(server.calls('POST', '/api/v1/books/b1/chapters/c1/scenes/s1/assist')[0].body).toEqual({ action: 'sing' });
  });
});

describe('EventStreamParser', () => {
  it('joins data lines, skips comments, and copes with text cut anywhere, CRLF included', () => {
    const events: StreamEvent[] = [];
    const parser = new EventStreamParser((e) => events.push(e));
    const text = ': keep-alive\r\nevent: delta\r\ndata: one\r\ndata: two\r\n\r\ndata:plain\n\nid: 3\nevent: done\ndata: {}\n\n';

    for (const ch of text) parser.push(ch);

    expect(events).toEqual([
      { id: undefined, event: 'delta', data: 'one\ntwo' },
      { id: undefined, event: 'message', data: 'plain' },
      { id: '3', event: 'done', data: '{}' },
    ]);
  });
});
