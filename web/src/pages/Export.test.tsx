import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { File as NodeFile } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { problem, renderApp, signedIn, TestServer, writer } from '../test/server';

const BOOK = '0b7c6a1e-2222-4c9e-9a57-2f1d3c4b5a69';
const base = `/api/v1/books/${BOOK}`;

function returningWriter(server: TestServer) {
  localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
  server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
  server.on('GET', '/api/v1/users/me', (r) =>
    r.headers.authorization === 'Bearer a2' ? { status: 200, body: writer } : { status: 401, body: { status: 401 } },
  );
}

function aBook(server: TestServer, format = 'novel') {
  server.on('GET', base, () => ({
    status: 200,
    body: { id: BOOK, title: 'The Lighthouse Keeper', format, status: 'COMPLETE', metadata: { provider: 'sample' }, words: 900, chapters: [] },
  }));
}

const anExport = (state: string, extra: object = {}) => ({
  id: 'e1',
  bookId: BOOK,
  format: 'pdf',
  trim: '5X8',
  state,
  fileId: null,
  error: null,
  createdAt: '2026-11-22T07:00:00Z',
  completedAt: null,
  ...extra,
});

describe('The export screen', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    return server.stop();
  });

  it('exports a PDF in the chosen page size, follows it until done and offers the download', async () => {
    aBook(server);
    let exportsListed = 0;
    server.on('GET', `${base}/exports`, () => {
      exportsListed += 1;
      return { status: 200, body: exportsListed === 1 ? [] : [anExport('DONE', { completedAt: '2026-11-22T07:00:03Z' })] };
    });
    server.on('POST', `${base}/export`, () => ({ status: 202, body: anExport('QUEUED') }));
    let polls = 0;
    server.on('GET', `${base}/exports/e1`, () => {
      polls += 1;
      return {
        status: 200,
        body: polls < 2 ? anExport('RUNNING') : anExport('DONE', { downloadUrl: '/api/v1/files/f1/content?expires=1&signature=abc' }),
      };
    });
    const user = userEvent.setup();
    renderApp(`/books/${BOOK}/export`, server.api());

    expect(await screen.findByRole('heading', { level: 1, name: 'Export “The Lighthouse Keeper”' })).toBeInTheDocument();
    expect(screen.getByText('Sample text')).toBeInTheDocument();
    expect(await screen.findByText(/None yet/)).toBeInTheDocument();
    // a novel: no script formats
    expect(screen.queryByRole('radio', { name: /Fountain/ })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /EPUB/ })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: /PDF/ }));
    await user.selectOptions(screen.getByLabelText('Page size'), '5 × 8 in');
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));

    expect(await screen.findByText(/Making your PDF/)).toBeInTheDocument();
    const download = await screen.findByRole('link', { name: 'Download PDF' });
    expect(download).toHaveAttribute('href', '/api/v1/files/f1/content?expires=1&signature=abc');
    expect(server.calls('POST', `${base}/export`)[0].body).toEqual({ format: 'pdf', trim: '5x8', author: 'Ada' });
    // and the finished export now heads the list of earlier ones
    expect(await screen.findByRole('cell', { name: 'PDF · 5 × 8 in' })).toBeInTheDocument();
  });

  it('offers Fountain and Final Draft for a screenplay and says why a failed export failed', async () => {
    aBook(server, 'screenplay');
    server.on('GET', `${base}/exports`, () => ({ status: 200, body: [] }));
    server.on('POST', `${base}/export`, () => ({
      status: 202,
      body: anExport('FAILED', { format: 'fdx', trim: null, error: 'The file store does not accept this type of file.' }),
    }));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK}/export`, server.api());

    await user.click(await screen.findByRole('radio', { name: /Final Draft/ }));
    expect(screen.getByRole('radio', { name: /Fountain/ })).toBeInTheDocument();
    expect(screen.queryByLabelText('Page size')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export Final Draft (FDX)' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We couldn’t make the Final Draft (FDX). The file store does not accept this type of file.',
    );
    expect(server.calls('POST', `${base}/export`)[0].body).toEqual({ format: 'fdx', author: 'Ada' });
  });

  it('puts a refused format into words', async () => {
    aBook(server);
    server.on('GET', `${base}/exports`, () => ({ status: 200, body: [] }));
    server.on('POST', `${base}/export`, () =>
      problem(503, 'exports-unavailable', 'Exports need the storage service, which does not run in this process.'),
    );
    const user = userEvent.setup();
    renderApp(`/books/${BOOK}/export`, server.api());

    await user.click(await screen.findByRole('button', { name: 'Export EPUB' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Exports aren't available on this server right now: its file storage isn't running.",
    );
  });

  it('uploads a cover as multipart and says when the image is not one it takes', async () => {
    aBook(server);
    server.on('GET', `${base}/exports`, () => ({ status: 200, body: [] }));
    let uploads = 0;
    server.on('PUT', `${base}/cover`, () =>
      ++uploads === 1
        ? { status: 200, body: { fileId: 'f9', mediaType: 'image/png' } }
        : problem(415, 'unsupported-cover-type', 'The cover must be a PNG or JPEG image; this is a image/gif.'),
    );
    const user = userEvent.setup();
    renderApp(`/books/${BOOK}/export`, server.api());

    await user.click(await screen.findByRole('button', { name: 'Upload cover' }));
    expect(screen.getByLabelText('Cover image (PNG or JPEG)')).toHaveAccessibleDescription('Choose a PNG or JPEG image first.');

    // jsdom's FormData and File mean nothing to Node's fetch, which the tests send with: use Node's
    // (in a browser both come from the same place)
    const NodeFormData = (await new Request('http://x', { method: 'POST', body: new URLSearchParams('a=b') }).formData()).constructor;
    vi.stubGlobal('FormData', NodeFormData);
    const png = new NodeFile([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'cover.png', { type: 'image/png' });
    await user.upload(screen.getByLabelText('Cover image (PNG or JPEG)'), png as unknown as File);
    await user.click(screen.getByRole('button', { name: 'Upload cover' }));
    expect(await screen.findByText('Your cover is saved. Every export from now on uses it.')).toBeInTheDocument();
    const upload = server.calls('PUT', `${base}/cover`)[0];
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.body).toContain('name="file"; filename="cover.png"');
    expect(upload.headers.authorization).toBe('Bearer a2');

    await user.click(screen.getByRole('button', { name: 'Upload cover' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('A cover must be a PNG or JPEG image.'));
  });
});
