import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { problem, renderApp, serveProviders, signedIn, TestServer, writer } from '../test/server';

function returningWriter(server: TestServer) {
  localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
  server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
  server.on('GET', '/api/v1/users/me', (r) =>
    r.headers.authorization === 'Bearer a2' ? { status: 200, body: writer } : { status: 401, body: { status: 401 } },
  );
}

/** Keys as the content service keeps them: only the last four characters ever come back. */
function keyStore(server: TestServer) {
  const keys = new Map<string, { provider: string; lastFour: string; createdAt: string }>();
  server.on('GET', '/api/v1/provider-keys', () => ({ status: 200, body: [...keys.values()] }));
  for (const provider of ['anthropic', 'openai', 'gemini']) {
    server.on('PUT', `/api/v1/provider-keys/${provider}`, (r) => {
      const key = (r.body as { key: string }).key;
      const stored = { provider, lastFour: key.slice(-4), createdAt: '2026-11-22T07:00:00Z' };
      keys.set(provider, stored);
      return { status: 200, body: stored };
    });
    server.on('DELETE', `/api/v1/provider-keys/${provider}`, () =>
      keys.delete(provider) ? { status: 204 } : problem(404, 'provider-key-not-found', `You have no ${provider} key stored.`),
    );
  }
  return keys;
}

describe('Provider keys in Settings', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
    serveProviders(server);
  });

  afterEach(() => server.stop());

  it('stores a key without ever showing it, tests it, replaces it and deletes it', async () => {
    keyStore(server);
    server.on('POST', '/api/v1/provider-keys/anthropic/test', () => ({
      status: 200,
      body: { provider: 'anthropic', ok: false, model: null, message: 'The key was refused: invalid x-api-key.' },
    }));
    const user = userEvent.setup();
    renderApp('/settings', server.api());

    expect(await screen.findByText('You have no keys stored. Books use the platform’s keys or the sample writer.')).toBeInTheDocument();
    const input = screen.getByLabelText('API key');
    expect(input).toHaveAttribute('type', 'password');

    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(input).toHaveAccessibleDescription(/Paste the whole key/);
    expect(server.calls('PUT', '/api/v1/provider-keys/anthropic')).toHaveLength(0);

    await user.type(input, 'sk-ant-fake-0000-1234');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(await screen.findByText('Your Anthropic Claude key ending in 1234 is saved.')).toBeInTheDocument();
    expect(server.calls('PUT', '/api/v1/provider-keys/anthropic')[0].body).toEqual({ key: 'sk-ant-fake-0000-1234' });
    expect(input).toHaveValue('');
    expect(document.body).not.toHaveTextContent('sk-ant-fake');

    const card = (await screen.findByText('Anthropic Claude', { selector: 'strong' })).closest('li')!;
    expect(card).toHaveTextContent(/ending in 1234, added/);

    await user.click(within(card).getByRole('button', { name: 'Test key Anthropic Claude' }));
    expect(await within(card).findByText(/could not be used/)).toHaveTextContent(
      'Your Anthropic Claude key could not be used. The key was refused: invalid x-api-key.',
    );

    // the same provider again replaces the key
    expect(screen.getByRole('button', { name: 'Replace key' })).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription('Replaces your Anthropic Claude key ending in 1234.');
    await user.type(input, 'sk-ant-fake-0000-9876');
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    expect(await screen.findByText('9876', { selector: '.key-last-four' })).toBeInTheDocument();
    expect(screen.queryByText('1234', { selector: '.key-last-four' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete Anthropic Claude key' }));
    expect(await screen.findByText('Your Anthropic Claude key is deleted.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Stored keys' })).not.toBeInTheDocument());
    expect(server.calls('DELETE', '/api/v1/provider-keys/anthropic')).toHaveLength(1);
  });

  it('keeps each provider apart and says when a key works', async () => {
    const keys = keyStore(server);
    keys.set('anthropic', { provider: 'anthropic', lastFour: 'aaaa', createdAt: '2026-11-20T07:00:00Z' });
    server.on('POST', '/api/v1/provider-keys/openai/test', () => ({
      status: 200,
      body: { provider: 'openai', ok: true, model: 'gpt-4.1-nano', message: 'The key works.' },
    }));
    const user = userEvent.setup();
    renderApp('/settings', server.api());

    await user.selectOptions(await screen.findByLabelText('Provider'), 'OpenAI');
    expect(screen.getByRole('button', { name: 'Save key' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('API key'), 'sk-proj-fake-5678');
    await user.click(screen.getByRole('button', { name: 'Save key' }));

    const openai = (await screen.findByText('OpenAI', { selector: 'strong' })).closest('li')!;
    await user.click(within(openai).getByRole('button', { name: 'Test key OpenAI' }));
    expect(await within(openai).findByText(/works/)).toHaveTextContent('Your OpenAI key works (it answered with gpt-4.1-nano).');
    expect(screen.getByText('Anthropic Claude', { selector: 'strong' }).closest('li')).toHaveTextContent('ending in aaaa');
  });
});
