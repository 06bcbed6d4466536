import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderApp, returningWriter, TestServer, writer } from '../test/server';

function report(id: string, extra: Record<string, unknown> = {}) {
  return {
    id, kind: 'comment', bookId: 'b1', commentId: `c-${id}`, readerId: null, offenderId: 'u9', reportedText: `Rude words ${id}`,
    reason: 'harassment', note: 'Not kind.', status: 'open', reporterId: 'u2', createdAt: '2026-12-01T10:00:00Z', decidedAt: null,
    decidedBy: null, hid: false, ...extra,
  };
}

describe('Moderation', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  function admin() {
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: { ...writer, roles: ['USER', 'ADMIN'] } }));
    returningWriter(server);
  }

  it('links the queue for admins only', async () => {
    returningWriter(server);
    renderApp('/discover', server.api());
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'Following' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Moderation' })).not.toBeInTheDocument();
  });

  it('lists open reports, hides and resolves one, dismisses another, and shows the settled ones', async () => {
    admin();
    let open = [report('r1'), report('r2', { kind: 'review', commentId: null, readerId: 'u9', reason: 'spam', note: null })];
    server.on('GET', '/api/v1/discover/moderation/reports?status=open&page=0&size=50', () => ({
      status: 200, body: { items: open, page: 0, size: 50, total: open.length },
    }));
    server.on('POST', '/api/v1/discover/moderation/reports/r1/resolve', () => {
      open = open.filter((r) => r.id !== 'r1');
      return { status: 200, body: report('r1', { status: 'resolved', hid: true }) };
    });
    server.on('POST', '/api/v1/discover/moderation/reports/r2/dismiss', () => {
      open = open.filter((r) => r.id !== 'r2');
      return { status: 200, body: report('r2', { status: 'dismissed' }) };
    });
    server.on('GET', '/api/v1/discover/moderation/reports?status=resolved&page=0&size=50', () => ({
      status: 200, body: { items: [report('r1', { status: 'resolved', hid: true })], page: 0, size: 50, total: 1 },
    }));
    const user = userEvent.setup();
    renderApp('/discover', server.api());

    await user.click(await within(screen.getByRole('navigation', { name: 'Main' })).findByRole('link', { name: 'Moderation' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Moderation' })).toBeInTheDocument();
    const first = await screen.findByRole('listitem', { name: 'Report of a comment: Harassment' });
    expect(first).toHaveTextContent('Rude words r1');
    expect(first).toHaveTextContent('Note: Not kind.');
    await user.click(within(first).getByRole('button', { name: 'Hide it and resolve' }));
    expect(server.calls('POST', '/api/v1/discover/moderation/reports/r1/resolve')[0].body).toEqual({ hide: true });
    await waitFor(() => expect(screen.queryByText('Rude words r1')).not.toBeInTheDocument());
    expect(screen.getByText('Rude words r2')).toBeInTheDocument();

    await user.click(within(screen.getByRole('listitem', { name: 'Report of a review: Spam' })).getByRole('button', { name: 'Dismiss' }));
    expect(await screen.findByText('No open reports.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Resolved' }));
    expect(await screen.findByText('Resolved, hidden')).toBeInTheDocument();
  });

  it('tells a reader who is no admin that the queue is not theirs', async () => {
    returningWriter(server);
    renderApp('/moderation', server.api());
    expect(await screen.findByText('Only admins moderate reports.')).toBeInTheDocument();
    expect(server.requests.some((r) => r.path.startsWith('/api/v1/discover/moderation'))).toBe(false);
  });
});
