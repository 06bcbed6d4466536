import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problem, renderApp, TestServer } from '../test/server';

describe('Sign up', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it('shows what to fix next to each field, moves focus to the first, and sends nothing', async () => {
    const user = userEvent.setup();
    renderApp('/signup', server.api());

    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password', { exact: false }), 'short');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com.');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      'Shown on your public profile: letters, digits, dashes or underscores. Choose a username.',
    );
    expect(screen.getByText('Use at least 10 characters.')).toBeInTheDocument();
    // only the start-up probe for a forward-auth proxy (session.tsx)
    expect(server.requests.filter((r) => r.path !== '/api/v1/auth/session')).toHaveLength(0);
  });

  it('shows a taken username in words, next to the field, with the reference for support', async () => {
    server.on('POST', '/api/v1/auth/register', () =>
      problem(409, 'username-taken', 'Username ada is taken.', [{ field: 'username', message: 'This username is taken.' }]),
    );
    const user = userEvent.setup();
    renderApp('/signup', server.api());

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password', { exact: false }), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That username is already taken. Please choose another one.');
    expect(alert).toHaveTextContent(/Reference for support: req-\d+/);
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      'Shown on your public profile: letters, digits, dashes or underscores. This username is taken.',
    );
    expect(server.calls('POST', '/api/v1/auth/register')[0].body).toEqual({
      email: 'ada@example.com',
      username: 'ada',
      password: 'correct horse battery',
    });
  });

  it('asks the new writer to check their email once the account exists', async () => {
    server.on('POST', '/api/v1/auth/register', (r) => ({ status: 201, body: { id: 'u1', ...(r.body as object) } }));
    const user = userEvent.setup();
    renderApp('/signup', server.api());

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password', { exact: false }), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('We sent a link to ada@example.com');
    expect(server.calls('POST', '/api/v1/auth/register')).toHaveLength(1);
  });
});
