import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { problem, renderApp, signedIn, TestServer, writer } from '../test/server';

// Shapes as the messaging service writes them (docs/messaging.md, "Conversations").
const bob = { id: 'u-bob', username: 'bob', displayName: 'Bob', avatarUrl: null };
const C = 'c1';
function message(cursor: number, senderId: string, body: string | null, extra: Record<string, unknown> = {}) {
  return { id: `m${cursor}`, conversationId: C, senderId, body, deleted: body === null, createdAt: '2026-12-03T10:00:00Z', editedAt: null, cursor: String(cursor), ...extra };
}
function conversation(extra: Record<string, unknown> = {}) {
  return {
    id: C, kind: 'direct', title: null, ownerId: null, unread: 1, createdAt: '2026-12-03T09:00:00Z',
    members: [
      { id: writer.id, username: 'ada', displayName: 'Ada', avatarUrl: null, lastReadMessageId: 'm1', readCursor: '1' },
      { ...bob, lastReadMessageId: 'm1', readCursor: '1' },
    ],
    lastMessage: message(3, bob.id, 'Are you there?'),
    ...extra,
  };
}

describe('The inbox', () => {
  let server: TestServer;
  let frames: unknown[];
  let blocks: unknown[];

  beforeEach(async () => {
    server = await new TestServer().start();
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: writer }));
    server.on('GET', '/api/v1/notifications?size=8', () => ({ status: 200, body: { items: [], unread: 0 } }));
    frames = [];
    blocks = [];
    server.on('GET', `/api/v1/users/me/blocks?size=100`, () => ({ status: 200, body: { items: blocks, page: 0, size: 100, total: blocks.length } }));
    // the notifications stream carries conversation frames too; each reconnection hands over what the test queued
    server.on('GET', '/api/v1/notifications/stream', () => ({
      status: 200,
      events: [{ event: 'ready', data: { cursor: '0', unread: 0 } }, ...frames.splice(0).map((f) => ({ event: 'conversation', data: f }))],
    }));
    server.on('GET', '/api/v1/conversations?size=50', () => ({ status: 200, body: { items: [conversation()], page: 0, size: 50, total: 1 } }));
    server.on('GET', `/api/v1/conversations/${C}`, () => ({ status: 200, body: conversation() }));
  });

  afterEach(() => server.stop());

  it('lists conversations, shows one oldest first with earlier pages, sends a receipt, and follows typing, receipts and tombstones live', async () => {
    server.on('GET', `/api/v1/conversations/${C}/messages?size=30`, () => ({
      status: 200, body: { items: [message(3, bob.id, 'Are you there?'), message(2, writer.id, 'Hello Bob')], nextCursor: '2' },
    }));
    server.on('GET', `/api/v1/conversations/${C}/messages?size=30&before=2`, () => ({ status: 200, body: { items: [message(1, bob.id, 'Hi Ada')], nextCursor: null } }));
    server.on('POST', `/api/v1/conversations/${C}/read`, () => ({ status: 204 }));
    renderApp(`/inbox/${C}`, server.api());

    expect(await screen.findByRole('link', { name: 'Inbox, 1 unread' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Conversations' });
    expect(await within(nav).findByText('Are you there?')).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Messages' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('.message-body')?.textContent)).toEqual(['Hello Bob', 'Are you there?']);
    await waitFor(() => expect(server.calls('POST', `/api/v1/conversations/${C}/read`)[0]?.body).toEqual({ messageId: 'm3' }));

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Load earlier messages' }));
    expect(await within(list).findByText('Hi Ada')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load earlier messages' })).not.toBeInTheDocument();

    frames.push(
      { type: 'conversation', event: 'typing', conversationId: C, userId: bob.id },
      { type: 'conversation', event: 'read', conversationId: C, userId: bob.id, messageId: 'm3', cursor: '3' },
      { type: 'conversation', event: 'message-deleted', conversationId: C, message: message(3, bob.id, null) },
    );
    expect(await screen.findByText('Bob is typing…', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByText('Seen by Bob')).toBeInTheDocument();
    expect(within(list).getByText('Message deleted')).toBeInTheDocument();
  });

  it('sends, edits and deletes my messages, tells typing, and reports someone else’s', async () => {
    server.on('GET', `/api/v1/conversations/${C}/messages?size=30`, () => ({ status: 200, body: { items: [message(1, bob.id, 'Buy cheap pills')], nextCursor: null } }));
    server.on('POST', `/api/v1/conversations/${C}/read`, () => ({ status: 204 }));
    server.on('POST', `/api/v1/conversations/${C}/typing`, () => ({ status: 204 }));
    server.on('POST', `/api/v1/conversations/${C}/messages`, (r) => ({ status: 201, body: message(2, writer.id, (r.body as { body: string }).body) }));
    server.on('PATCH', `/api/v1/conversations/${C}/messages/m2`, (r) => ({ status: 200, body: message(2, writer.id, (r.body as { body: string }).body, { editedAt: '2026-12-03T10:01:00Z' }) }));
    server.on('DELETE', `/api/v1/conversations/${C}/messages/m2`, () => ({ status: 204 }));
    server.on('POST', `/api/v1/conversations/${C}/messages/m1/reports`, () => ({ status: 201, body: { id: 'r1' } }));
    renderApp(`/inbox/${C}`, server.api());

    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Message to Bob'), 'Hello');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    // the list re-renders as messages change: each check asks for it afresh
    const list = () => within(screen.getByRole('list', { name: 'Messages' }));
    await waitFor(() => expect(list().getByText('Hello')).toBeInTheDocument());
    expect(server.calls('POST', `/api/v1/conversations/${C}/typing`)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Edit your message' }));
    const edit = screen.getByLabelText('Edit your message');
    await user.clear(edit);
    await user.type(edit, 'Hello again');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(list().getByText('Hello again')).toBeInTheDocument());
    await waitFor(() => expect(list().getByText(/\(edited\)/)).toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Delete your message' }));
    await waitFor(() => expect(list().getByText('Message deleted')).toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Report this message from Bob' }));
    await user.selectOptions(screen.getByLabelText('Reason'), 'Spam');
    await user.type(screen.getByLabelText('Note (optional)'), 'pills again');
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText('Reported to the moderators.')).toBeInTheDocument();
    expect(server.calls('POST', `/api/v1/conversations/${C}/messages/m1/reports`)[0].body).toEqual({ reason: 'Spam: pills again' });
  });

  it('blocks the other person, shows a refused send in words, and lists and unblocks them in Settings', async () => {
    server.on('GET', `/api/v1/conversations/${C}/messages?size=30`, () => ({ status: 200, body: { items: [], nextCursor: null } }));
    server.on('PUT', `/api/v1/users/me/blocks/${bob.id}`, () => ((blocks = [{ ...bob, bio: '' }]), { status: 204 }));
    server.on('DELETE', `/api/v1/users/me/blocks/${bob.id}`, () => ((blocks = []), { status: 204 }));
    server.on('POST', `/api/v1/conversations/${C}/typing`, () => ({ status: 204 }));
    server.on('POST', `/api/v1/conversations/${C}/messages`, () => problem(403, 'blocked', 'One of you blocked the other.'));
    const view = renderApp(`/inbox/${C}`, server.api());

    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Block Bob' }));
    expect(await screen.findByRole('button', { name: 'Unblock Bob' })).toBeInTheDocument();
    expect(server.calls('PUT', `/api/v1/users/me/blocks/${bob.id}`)).toHaveLength(1);
    await user.type(screen.getByLabelText('Message to Bob'), 'Still there?');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('one of you has blocked the other');
    view.unmount();

    renderApp('/settings', server.api());
    const section = await screen.findByRole('region', { name: 'Blocked people' });
    await user.click(await within(section).findByRole('button', { name: 'Unblock Bob' }));
    expect(await within(section).findByText('You haven’t blocked anyone.')).toBeInTheDocument();
    expect(server.calls('DELETE', `/api/v1/users/me/blocks/${bob.id}`)).toHaveLength(1);
  });

  it('reports the other person (not a message) to the moderators from the conversation, in words when refused', async () => {
    server.on('GET', `/api/v1/conversations/${C}/messages?size=30`, () => ({ status: 200, body: { items: [], nextCursor: null } }));
    let reports = 0;
    server.on('POST', '/api/v1/conversations/reports/users', () =>
      ++reports === 1 ? problem(400, 'cannot-report-yourself', 'You cannot report yourself.') : { status: 201, body: { id: 'r9' } },
    );
    renderApp(`/inbox/${C}`, server.api());

    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Report Bob' }));
    const form = screen.getByRole('form', { name: 'Report Bob' });
    await user.selectOptions(within(form).getByLabelText('Reason'), 'Harassment');
    await user.type(within(form).getByLabelText('Note (optional)'), 'Every night');
    await user.click(within(form).getByRole('button', { name: 'Send report' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You can’t report yourself.');
    await user.click(within(form).getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText(/You reported Bob to the moderators/)).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/conversations/reports/users')[1].body).toEqual({ userId: bob.id, reason: 'Harassment: Every night' });
    expect(screen.queryByRole('button', { name: 'Report Bob' })).toBeNull();
  });

  it('starts a direct conversation and a group from contacts, leaves the group, and searches messages', async () => {
    const group = conversation({ id: 'g1', kind: 'group', title: 'Writers’ room', ownerId: writer.id, unread: 0, lastMessage: null });
    server.on('GET', '/api/v1/conversations/contacts', () => ({ status: 200, body: [{ ...bob, talkedTo: false, following: true }] }));
    server.on('POST', '/api/v1/conversations', (r) => ((r.body as { kind: string }).kind === 'group' ? { status: 201, body: group } : { status: 200, body: conversation() }));
    server.on('GET', '/api/v1/conversations/g1', () => ({ status: 200, body: group }));
    server.on('GET', '/api/v1/conversations/g1/messages?size=30', () => ({ status: 200, body: { items: [], nextCursor: null } }));
    server.on('GET', `/api/v1/conversations/${C}/messages?size=30`, () => ({ status: 200, body: { items: [], nextCursor: null } }));
    server.on('DELETE', `/api/v1/conversations/g1/members/${writer.id}`, () => ({ status: 204 }));
    server.on('GET', '/api/v1/conversations/search?q=storm&size=20', () => ({ status: 200, body: [message(4, bob.id, 'The storm chapter')] }));
    renderApp('/inbox', server.api());

    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New conversation' }));
    await user.selectOptions(await screen.findByLabelText('Person'), 'u-bob');
    await user.click(screen.getByRole('button', { name: 'Start conversation' }));
    expect(await screen.findByRole('heading', { name: 'Bob' })).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/conversations')[0].body).toEqual({ kind: 'direct', userId: 'u-bob' });

    await user.click(screen.getByRole('button', { name: 'New conversation' }));
    await user.click(await screen.findByLabelText('A group', { exact: false }));
    await user.type(screen.getByLabelText('Group title'), 'Writers’ room');
    await user.click(screen.getByRole('checkbox', { name: /Bob/ }));
    await user.click(screen.getByRole('button', { name: 'Create group' }));
    expect(await screen.findByRole('heading', { name: 'Writers’ room' })).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/conversations')[1].body).toEqual({ kind: 'group', title: 'Writers’ room', memberIds: ['u-bob'] });
    await user.click(screen.getByRole('button', { name: 'Leave group' }));
    await waitFor(() => expect(server.calls('DELETE', `/api/v1/conversations/g1/members/${writer.id}`)).toHaveLength(1));
    expect(await screen.findByText('Choose a conversation, or start a new one.')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'storm');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const results = await screen.findByRole('region', { name: 'Search results' });
    expect(within(results).getByText('The storm chapter')).toBeInTheDocument();
    expect(within(results).getByRole('link', { name: 'Bob' })).toHaveAttribute('href', `/inbox/${C}`);
  });
});
