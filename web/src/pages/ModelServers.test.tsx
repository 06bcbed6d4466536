import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { problem, providerCatalogue, renderApp, signedIn, TestServer, writer } from '../test/server';

/** The catalogue as the content service answers it, with the address this writer gave (if any). */
function catalogue(server: TestServer) {
  const addresses = new Map<string, string>();
  server.on('GET', '/api/v1/providers', () => ({
    status: 200,
    body: providerCatalogue.map((p) => ({ ...p, address: addresses.get(p.name) ?? null })),
  }));
  server.on('GET', '/api/v1/provider-keys', () => ({ status: 200, body: [] }));
  server.on('PUT', '/api/v1/provider-endpoints/openai-compatible', (r) => {
    const baseUrl = (r.body as { baseUrl: string }).baseUrl;
    if (!baseUrl.startsWith('http')) {
      return problem(400, 'invalid-provider-address', 'The address must start with http:// or https://.');
    }
    const stored = baseUrl.replace(/\/$/, '');
    addresses.set('openai-compatible', stored);
    return { status: 200, body: { provider: 'openai-compatible', baseUrl: stored, updatedAt: '2026-12-02T06:00:00Z' } };
  });
  server.on('DELETE', '/api/v1/provider-endpoints/openai-compatible', () => {
    addresses.delete('openai-compatible');
    return { status: 204 };
  });
  return addresses;
}

describe('Your own model servers in Settings', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: writer }));
  });

  afterEach(() => server.stop());

  it('saves a server’s address, says what is wrong with a bad one, tests it with its models listed and removes it', async () => {
    catalogue(server);
    server.on('POST', '/api/v1/provider-endpoints/openai-compatible/test', () => ({
      status: 200,
      body: {
        provider: 'openai-compatible',
        ok: true,
        model: 'llama-3.1-8b-instruct',
        models: ['llama-3.1-8b-instruct', 'qwen2.5-7b-instruct'],
        message: 'The server answered with llama-3.1-8b-instruct.',
      },
    }));
    const user = userEvent.setup();
    renderApp('/settings', server.api());

    const servers = await screen.findByRole('list', { name: 'Model servers' });
    const card = within(servers).getByText('OpenAI-compatible server', { selector: 'strong' }).closest('li')!;
    expect(card).toHaveTextContent('no address of yours');
    const address = within(card).getByLabelText('Address');
    expect(address).toHaveAccessibleDescription(/llama\.cpp http:\/\/localhost:8080\/v1/);
    expect(within(card).queryByRole('button', { name: /Test server/ })).not.toBeInTheDocument();

    await user.type(address, 'localhost:8080/v1');
    await user.click(within(card).getByRole('button', { name: 'Save address for OpenAI-compatible server' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('The address must start with http:// or https://.');

    await user.clear(address);
    await user.type(address, 'http://localhost:8080/v1/');
    await user.click(within(card).getByRole('button', { name: 'Save address for OpenAI-compatible server' }));
    expect(await within(card).findByText(/now go to/)).toHaveTextContent(
      'Your books written with OpenAI-compatible server now go to http://localhost:8080/v1.',
    );
    expect(await within(card).findByText('at http://localhost:8080/v1')).toBeInTheDocument();
    expect(server.calls('PUT', '/api/v1/provider-endpoints/openai-compatible').at(-1)!.body).toEqual({
      baseUrl: 'http://localhost:8080/v1/',
    });

    await user.click(within(card).getByRole('button', { name: 'Test server OpenAI-compatible server' }));
    expect(await within(card).findByText(/works\./)).toHaveTextContent(
      'OpenAI-compatible server works. The server answered with llama-3.1-8b-instruct.',
    );
    expect(within(card).getByText(/Models on this server/)).toHaveTextContent(
      'Models on this server: llama-3.1-8b-instruct, qwen2.5-7b-instruct.',
    );

    await user.click(within(card).getByRole('button', { name: 'Remove OpenAI-compatible server address' }));
    expect(await within(card).findByText('Your OpenAI-compatible server address is removed.')).toBeInTheDocument();
    expect(await within(card).findByText('no address of yours')).toBeInTheDocument();
    expect(server.calls('DELETE', '/api/v1/provider-endpoints/openai-compatible')).toHaveLength(1);
  });

  it('offers the models the writer’s own server lists when starting a book with it', async () => {
    const addresses = catalogue(server);
    addresses.set('openai-compatible', 'http://localhost:8080/v1');
    server.on('GET', '/api/v1/provider-endpoints/openai-compatible/models', () => ({
      status: 200,
      body: { provider: 'openai-compatible', models: ['llama-3.1-8b-instruct', 'qwen2.5-7b-instruct'] },
    }));
    const user = userEvent.setup();
    renderApp('/books/new', server.api());

    await user.selectOptions(await screen.findByLabelText('Writer'), 'openai-compatible');
    const model = screen.getByLabelText('Model');
    const list = await screen.findByText((_, element) => element?.tagName === 'DATALIST' && element.children.length === 2);
    expect(model).toHaveAttribute('list', list.id);
    expect([...list.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual([
      'llama-3.1-8b-instruct',
      'qwen2.5-7b-instruct',
    ]);
  });
});
