import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { problem, renderApp, signedIn, TestServer, writer } from '../test/server';

describe('Log in', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it('takes the writer to their books, which start empty', async () => {
    server.on('POST', '/api/v1/auth/login', () => signedIn('a1', 'r1'));
    server.on('GET', '/api/v1/users/me', (r) =>
      r.headers.authorization === 'Bearer a1' ? { status: 200, body: writer } : problem(401, 'authentication-required', 'Sign in.'),
    );
    server.on('GET', '/api/v1/books', (r) =>
      r.headers.authorization === 'Bearer a1'
        ? { status: 200, body: { items: [], page: 0, size: 20, total: 0 } }
        : problem(401, 'authentication-required', 'Sign in.'),
    );
    const user = userEvent.setup();
    renderApp('/login', server.api());

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'No books yet' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'My books' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New book' })).toHaveAttribute('href', '/books/new');
  });

  it('says in words when the password is wrong, and keeps what was typed', async () => {
    server.on('POST', '/api/v1/auth/login', () => problem(401, 'invalid-credentials', 'Bad credentials'));
    const user = userEvent.setup();
    renderApp('/login', server.api());

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "That email and password don't match. Check them and try again.",
    );
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
  });

  it('sends a signed-out visitor of a private screen to log in', async () => {
    renderApp('/settings', server.api());

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    // only the start-up probe for a forward-auth proxy (session.tsx)
    expect(server.requests.filter((r) => r.path !== '/api/v1/auth/session')).toHaveLength(0);
  });
});

describe('A returning writer', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it('is told in words when the server cannot be reached, and stays signed in for a later try', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
    const api = server.api();
    await server.stop();
    renderApp('/books', api);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "We couldn't reach AuthorWorks. Check your connection and try again.",
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('r1');
  });

  it('whose kept session was refused is asked to log in again', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r-old');
    server.on('GET', '/api/v1/users/me', () => problem(401, 'authentication-required', 'Sign in.'));
    server.on('POST', '/api/v1/auth/refresh', () => problem(401, 'refresh-token-expired', 'This session has expired.'));
    renderApp('/books', server.api());

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });
});
