import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { renderApp, TestServer, writer } from '../test/server';

/**
 * Behind Authelia (forward-auth, docs/identity.md) the proxy adds Remote-User to every request:
 * the identity service signs those in, so the app, holding no token, is signed in all the same.
 */
function behindTheProxy(server: TestServer) {
  server.on('GET', '/api/v1/auth/session', () => ({ status: 200, body: { signedIn: true, forwardAuth: true } }));
  server.on('GET', '/api/v1/users/me', (r) =>
    r.headers.authorization ? { status: 400, body: { status: 400, detail: 'no token expected' } } : { status: 200, body: writer },
  );
  server.on('GET', '/api/v1/books', () => ({ status: 200, body: { items: [], page: 0, size: 20, total: 0 } }));
  server.on('GET', '/api/v1/provider-keys', () => ({ status: 200, body: [] }));
}

describe('Forward-auth mode', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it('has no log-in page: the proxy’s user lands on My books', async () => {
    behindTheProxy(server);
    renderApp('/login', server.api());

    expect(await screen.findByRole('heading', { level: 1, name: 'My books' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav).toHaveTextContent('Settings');
    expect(nav).not.toHaveTextContent('Log in');
    expect(nav).not.toHaveTextContent('Sign up');
    expect(nav).not.toHaveTextContent('Log out');
    expect(server.calls('GET', '/api/v1/users/me')).toHaveLength(1);
    expect(server.requests.some((r) => r.headers.authorization)).toBe(false);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('sends sign-up to My books and leaves the password to the proxy', async () => {
    behindTheProxy(server);
    const { unmount } = renderApp('/signup', server.api());
    expect(await screen.findByRole('heading', { level: 1, name: 'My books' })).toBeInTheDocument();
    unmount();

    renderApp('/settings', server.api());
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Provider keys' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Password' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Profile' })).toBeInTheDocument();
  });

  it('keeps the log-in page when no proxy signed the visitor in', async () => {
    server.on('GET', '/api/v1/auth/session', () => ({ status: 200, body: { signedIn: false, forwardAuth: false } }));
    renderApp('/login', server.api());

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Sign up');
    // no anonymous /users/me, which would put a failed request in the browser console
    expect(server.calls('GET', '/api/v1/users/me')).toHaveLength(0);
  });
});
