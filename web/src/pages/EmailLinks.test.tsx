import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problem, renderApp, TestServer } from '../test/server';

describe('The links in emails', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it('verifies the email with the token from the link, sending it once', async () => {
    server.on('POST', '/api/v1/auth/verify-email', () => ({ status: 204 }));
    renderApp('/verify-email?token=tok-123', server.api());

    expect(await screen.findByText('Your email is verified. Welcome to AuthorWorks!')).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/auth/verify-email').map((r) => r.body)).toEqual([{ token: 'tok-123' }]);
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
  });

  it('explains a used link and offers a new one', async () => {
    server.on('POST', '/api/v1/auth/verify-email', () =>
      problem(400, 'invalid-token', 'This link is not valid any more.'),
    );
    server.on('POST', '/api/v1/auth/resend-verification', () => ({ status: 202 }));
    const user = userEvent.setup();
    renderApp('/verify-email?token=used', server.api());

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This link has expired or has already been used. Ask for a new one.',
    );
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send a new link' }));

    expect(await screen.findByText(/a new link is on its way/)).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/auth/resend-verification')[0].body).toEqual({ email: 'ada@example.com' });
  });

  it('sets a new password with the token from the link', async () => {
    server.on('POST', '/api/v1/auth/reset-password', () => ({ status: 204 }));
    const user = userEvent.setup();
    renderApp('/reset-password?token=reset-9', server.api());

    await user.type(screen.getByLabelText('New password'), 'a brand new password');
    await user.type(screen.getByLabelText('New password, again'), 'a brand new password');
    await user.click(screen.getByRole('button', { name: 'Save new password' }));

    expect(await screen.findByText('Your password is changed.')).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/auth/reset-password')[0].body).toEqual({
      token: 'reset-9',
      newPassword: 'a brand new password',
    });
  });

  it('never says whether an account exists when asked for a reset link', async () => {
    server.on('POST', '/api/v1/auth/forgot-password', () => ({ status: 202 }));
    const user = userEvent.setup();
    renderApp('/forgot-password', server.api());

    await user.type(screen.getByLabelText('Email'), 'someone@example.com');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));

    expect(await screen.findByRole('status')).toHaveTextContent('If an account uses someone@example.com');
    expect(server.calls('POST', '/api/v1/auth/forgot-password')[0].body).toEqual({ email: 'someone@example.com' });
  });
});
