import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { problem, renderApp, signedIn, TestServer, writer } from '../test/server';

/** A writer who comes back: the refresh token from last time restores the session. */
function returningWriter(server: TestServer) {
  localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
  server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
  server.on('GET', '/api/v1/users/me', (r) =>
    r.headers.authorization === 'Bearer a2' ? { status: 200, body: writer } : { status: 401, body: { status: 401 } },
  );
}

describe('My books and a new book', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
  });

  afterEach(() => server.stop());

  it('shows the empty state when the writer has no books', async () => {
    server.on('GET', '/api/v1/books', () => ({ status: 200, body: { items: [], page: 0, size: 20, total: 0 } }));
    renderApp('/books', server.api());

    expect(await screen.findByRole('heading', { name: 'No books yet' })).toBeInTheDocument();
    expect(server.calls('GET', '/api/v1/books')).toHaveLength(1);
  });

  it('marks books written by the sample writer', async () => {
    server.on('GET', '/api/v1/books', () => ({
      status: 200,
      body: {
        items: [
          { id: 'b1', title: 'The Lighthouse Keeper', format: 'novel', metadata: { provider: 'sample' } },
          { id: 'b2', title: 'Real Draft', format: 'screenplay', metadata: { provider: 'anthropic' } },
        ],
        page: 0,
        size: 20,
        total: 2,
      },
    }));
    renderApp('/books', server.api());

    const sample = (await screen.findByRole('heading', { name: 'The Lighthouse Keeper' })).closest('li')!;
    expect(sample).toHaveTextContent('Novel');
    expect(sample).toHaveTextContent('Sample text');
    const real = screen.getByRole('heading', { name: 'Real Draft' }).closest('li')!;
    expect(real).toHaveTextContent('Screenplay');
    expect(real).not.toHaveTextContent('Sample text');
    expect(screen.getByRole('link', { name: 'The Lighthouse Keeper' })).toHaveAttribute('href', '/books/b1');
  });

  it('saves the profile with links as a list', async () => {
    server.on('PATCH', `/api/v1/users/${writer.id}`, (r) => ({ status: 200, body: { ...writer, ...(r.body as object) } }));
    const user = userEvent.setup();
    renderApp('/settings', server.api());

    await user.type(await screen.findByLabelText('Bio'), 'Writes sea stories.');
    await user.type(screen.getByLabelText('Links'), 'https://ada.example{Enter}ftp://nope');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(screen.getByLabelText('Links')).toHaveAccessibleDescription(/“ftp:\/\/nope” is not a secure web address/);
    expect(server.calls('PATCH', `/api/v1/users/${writer.id}`)).toHaveLength(0);

    await user.clear(screen.getByLabelText('Links'));
    await user.type(screen.getByLabelText('Links'), 'https://ada.example{Enter}https://news.ada.example');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Your profile is saved.')).toBeInTheDocument();
    expect(server.calls('PATCH', `/api/v1/users/${writer.id}`)[0].body).toEqual({
      displayName: 'Ada',
      bio: 'Writes sea stories.',
      avatarUrl: '',
      links: ['https://ada.example', 'https://news.ada.example'],
    });
  });

  it('refuses a password change whose two new passwords differ', async () => {
    const user = userEvent.setup();
    renderApp('/settings', server.api());

    await user.type(await screen.findByLabelText('Current password'), 'old password one');
    await user.type(screen.getByLabelText('New password'), 'new password two');
    await user.type(screen.getByLabelText('New password, again'), 'new password 2');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(screen.getByLabelText('New password, again')).toHaveAccessibleDescription("The two passwords don't match.");
    expect(server.calls('POST', '/api/v1/users/me/password')).toHaveLength(0);
  });
});

describe('Changing the password', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
  });

  afterEach(() => server.stop());

  it('sends the writer to log in again, since the server ended every session', async () => {
    server.on('POST', '/api/v1/users/me/password', () => ({ status: 204 }));
    const user = userEvent.setup();
    renderApp('/settings', server.api());

    await user.type(await screen.findByLabelText('Current password'), 'old password one');
    await user.type(screen.getByLabelText('New password'), 'new password two');
    await user.type(screen.getByLabelText('New password, again'), 'new password two');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Your password is changed and you are signed out everywhere.');
    expect(server.calls('POST', '/api/v1/users/me/password')[0].body).toEqual({
      currentPassword: 'old password one',
      newPassword: 'new password two',
    });
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('says so when the current password is wrong', async () => {
    server.on('POST', '/api/v1/users/me/password', () => problem(400, 'wrong-password', 'The current password is wrong.'));
    const user = userEvent.setup();
    renderApp('/settings', server.api());

    await user.type(await screen.findByLabelText('Current password'), 'not my password');
    await user.type(screen.getByLabelText('New password'), 'new password two');
    await user.type(screen.getByLabelText('New password, again'), 'new password two');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("Your current password isn't right.");
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('r2');
  });
});
