import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { renderApp, signedIn, TestServer, writer } from '../test/server';

// Shapes as the messaging service writes them (docs/messaging.md).
function notification(cursor: number, title: string, unread = true) {
  return {
    id: `n${cursor}`,
    cursor: String(cursor),
    type: 'generation-finished',
    title,
    body: 'Every scene is drafted: read it, edit it or export it.',
    link: `/books/b${cursor}`,
    data: { bookId: `b${cursor}` },
    createdAt: '2026-12-02T10:00:00Z',
    readAt: unread ? null : '2026-12-02T10:05:00Z',
    unread,
  };
}

function signedInWriter(server: TestServer) {
  localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
  server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
  server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: writer }));
}

describe('The notification bell and page', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    signedInWriter(server);
  });

  afterEach(() => server.stop());

  it('shows the unread count, updates it live, and reconnects after the last one it saw', async () => {
    server.on('GET', '/api/v1/notifications?size=8', () => ({
      status: 200,
      body: { items: [notification(2, '“Tide Tables” is published'), notification(1, '“The Salt Road” is written', false)], unread: 1 },
    }));
    let streams = 0;
    server.on('GET', '/api/v1/notifications/stream', () => {
      streams++;
      if (streams === 1) {
        // a new one arrives while the page is open; then the server ends the stream (a token expired)
        return {
          status: 200,
          events: [
            { event: 'ready', data: { cursor: '2', unread: 1 } },
            { id: '3', event: 'notification', data: notification(3, '“Harbour Lights” is written') },
            { event: 'unread', data: { count: 2 } },
          ],
        };
      }
      return { status: 200, events: [{ event: 'ready', data: { cursor: '3', unread: 2 } }] };
    });
    server.on('GET', '/api/v1/books', () => ({ status: 200, body: { items: [], page: 0, size: 20, total: 0 } }));
    renderApp('/books', server.api());

    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(server.calls('GET', '/api/v1/notifications/stream')[0].headers['last-event-id']).toBe('2');
    expect(server.calls('GET', '/api/v1/notifications/stream')[0].headers.authorization).toBe('Bearer a2');

    const user = userEvent.setup();
    await user.click(bell);
    const panel = screen.getByRole('region', { name: 'Latest notifications' });
    const links = within(panel).getAllByRole('link').map((l) => l.textContent);
    expect(links).toEqual(['“Harbour Lights” is written', '“Tide Tables” is published', '“The Salt Road” is written', 'All notifications']);

    // the stream ended: the bell asks again from the last one it has, so nothing is missed
    await waitFor(() => expect(server.calls('GET', '/api/v1/notifications/stream')).toHaveLength(2), { timeout: 4000 });
    expect(server.calls('GET', '/api/v1/notifications/stream')[1].headers['last-event-id']).toBe('3');
  });

  it('marks one read from the dropdown and all read at once', async () => {
    server.on('GET', '/api/v1/notifications?size=8', () => ({
      status: 200,
      body: { items: [notification(2, 'Second'), notification(1, 'First')], unread: 2 },
    }));
    server.on('GET', '/api/v1/notifications/stream', () => ({ status: 200, events: [{ event: 'ready', data: { cursor: '2', unread: 2 } }] }));
    server.on('POST', '/api/v1/notifications/n1/read', () => ({ status: 200, body: notification(1, 'First', false) }));
    server.on('POST', '/api/v1/notifications/read-all?upTo=2', () => ({ status: 200, body: { marked: 1, unread: 0 } }));
    server.on('GET', '/api/v1/books/b1', () => ({ status: 404, body: { status: 404, code: 'book-not-found' } }));
    renderApp('/discover', server.api());

    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    await user.click(within(screen.getByRole('region', { name: 'Latest notifications' })).getByRole('link', { name: 'First' }));
    await waitFor(() => expect(server.calls('POST', '/api/v1/notifications/n1/read')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: /^Notifications/ }));
    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/notifications/read-all?upTo=2')).toHaveLength(1);
  });

  it('lists every notification on its page, deletes one and shows older ones', async () => {
    server.on('GET', '/api/v1/notifications?size=8', () => ({ status: 200, body: { items: [notification(3, 'Third')], unread: 1 } }));
    server.on('GET', '/api/v1/notifications/stream', () => ({ status: 200, events: [{ event: 'ready', data: { cursor: '3', unread: 1 } }] }));
    server.on('GET', '/api/v1/notifications?size=20', () => ({
      status: 200,
      body: { items: [notification(3, 'Third'), notification(2, 'Second', false)], nextCursor: '2', unread: 1 },
    }));
    server.on('GET', '/api/v1/notifications?size=20&cursor=2', () => ({ status: 200, body: { items: [notification(1, 'First', false)], unread: 1 } }));
    server.on('DELETE', '/api/v1/notifications/n2', () => ({ status: 204 }));
    renderApp('/notifications', server.api());

    expect(await screen.findByRole('heading', { name: /^Third.*unread/ })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete: Second' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Second' })).not.toBeInTheDocument());
    expect(server.calls('DELETE', '/api/v1/notifications/n2')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Show older' }));
    expect(await screen.findByRole('heading', { name: 'First' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument();
  });

  it('saves a channel per type, and when mail comes: zone, quiet hours and digest', async () => {
    server.on('GET', '/api/v1/notifications?size=8', () => ({ status: 200, body: { items: [], unread: 0 } }));
    server.on('GET', '/api/v1/notifications/stream', () => ({ status: 200, events: [] }));
    const defaults = { 'generation-finished': 'email', 'generation-failed': 'email', 'book-published': 'in-app', announcement: 'in-app' };
    server.on('GET', '/api/v1/notifications/preferences', () => ({ status: 200, body: { channels: defaults, defaults } }));
    server.on('PUT', '/api/v1/notifications/preferences', (r) => ({
      status: 200,
      body: { channels: (r.body as { channels: object }).channels, defaults },
    }));
    let mail = { timeZone: 'UTC', quietHours: null as { start: string; end: string } | null, digest: 'daily', digestAt: '08:00' };
    server.on('GET', '/api/v1/notifications/preferences/mail', () => ({ status: 200, body: mail }));
    server.on('PUT', '/api/v1/notifications/preferences/mail', (r) => {
      mail = { ...(r.body as typeof mail), digestAt: '08:00' };
      return { status: 200, body: mail };
    });
    renderApp('/notifications/preferences', server.api());

    const user = userEvent.setup();
    const published = await screen.findByRole('combobox', { name: 'A book of mine was published' });
    expect(within(published).getByRole('option', { name: 'In the app and in the digest mail' })).toBeInTheDocument();

    // when mail comes: a zone, quiet hours, a weekly digest
    const timing = await screen.findByRole('form', { name: 'When mail comes' });
    expect(within(timing).queryByLabelText('From')).toBeNull();
    await user.selectOptions(within(timing).getByLabelText('Time zone'), 'Asia/Tokyo');
    await user.click(within(timing).getByLabelText(/Quiet hours/));
    await user.clear(within(timing).getByLabelText('From'));
    await user.type(within(timing).getByLabelText('From'), '21:30');
    await user.selectOptions(within(timing).getByLabelText('Digest mail'), 'weekly');
    await user.click(within(timing).getByRole('button', { name: 'Save mail settings' }));
    expect(await within(timing).findByText('Mail settings saved.')).toBeInTheDocument();
    expect(server.calls('PUT', '/api/v1/notifications/preferences/mail')[0].body).toEqual({
      timeZone: 'Asia/Tokyo', quietHours: { start: '21:30', end: '07:00' }, digest: 'weekly',
    });
    await user.selectOptions(published, 'none');
    expect(within(screen.getByRole('combobox', { name: 'Announcements from the admins' })).queryByRole('option', { name: 'Not at all' }))
      .toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(server.calls('PUT', '/api/v1/notifications/preferences')[0].body).toEqual({ channels: { ...defaults, 'book-published': 'none' } });
  });
});
