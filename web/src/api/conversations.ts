// Paths and field names of the messaging service's conversations (docs/messaging.md, "Conversations").
import type { ApiClient } from './client';
import { ApiError } from './problems';

export interface Member {
  id: string;
  username: string;
  displayName?: string | null;
  avatarUrl?: string | null;
  lastReadMessageId?: string | null;
  /** How far this member read: the `cursor` of the last message they saw. */
  readCursor?: string | null;
}

export interface Message {
  id: string;
  conversationId: string;
  senderId: string;
  /** null once deleted: a tombstone stays in its place. */
  body: string | null;
  deleted: boolean;
  createdAt: string;
  editedAt?: string | null;
  /** Its number in the conversation: the cursor of paging and of read receipts. */
  cursor: string;
}

export interface Conversation {
  id: string;
  kind: 'direct' | 'group';
  title?: string | null;
  ownerId?: string | null;
  members: Member[];
  /** Others' messages after my receipt. */
  unread: number;
  lastMessage?: Message | null;
  createdAt: string;
}

export interface Contact {
  id: string;
  username: string;
  displayName?: string | null;
  avatarUrl?: string | null;
  talkedTo: boolean;
  following: boolean;
}

/** What the live stream carries for conversations (SSE `conversation` events, the same JSON as on `/ws`). */
export type ConversationFrame =
  | { type: 'conversation'; event: 'message' | 'message-edited' | 'message-deleted'; conversationId: string; message: Message }
  | { type: 'conversation'; event: 'read'; conversationId: string; userId: string; messageId: string; cursor: string }
  | { type: 'conversation'; event: 'typing'; conversationId: string; userId: string }
  | { type: 'conversation'; event: 'members'; conversationId: string };

/** Conversations' problem codes in words; any other code falls back to the app's list. */
const WORDS: Record<string, string> = {
  blocked: 'You can’t message this person: one of you has blocked the other.',
  'conversation-not-found': 'We couldn’t find that conversation. You may have left it.',
  'message-not-found': 'We couldn’t find that message. It may have been deleted.',
  'cannot-message-yourself': 'You can’t start a conversation with yourself.',
  'too-many-members': 'A group can have at most 50 members.',
  'not-the-owner': 'Only the group’s owner can do that.',
  'not-a-group': 'A direct conversation has no members to change.',
  'member-not-found': 'That person is not in this conversation.',
  'not-your-message': 'You can only change your own messages.',
  'message-deleted': 'That message was deleted, so it can’t be edited.',
  'message-too-long': 'A message can be at most 4,000 characters.',
  'invalid-body': 'A message can’t contain control characters.',
  'cannot-report-own-message': 'You can’t report your own message.',
  'cannot-report-yourself': 'You can’t report yourself.',
  'cannot-block-yourself': 'You can’t block yourself.',
  'user-not-found': 'We couldn’t find that person.',
  'validation-failed': 'Write something first (a group’s title is one line of at most 100 characters).',
};

/** An API error whose words are conversations' own. */
export class ConversationError extends ApiError {
  constructor(error: ApiError) {
    super(error.problem);
    const words = error.code ? WORDS[error.code] : undefined;
    if (words) this.message = words;
  }
}

async function worded<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    throw e instanceof ApiError ? new ConversationError(e) : e;
  }
}

const base = '/api/v1/conversations';
const id = encodeURIComponent;

export function conversationsApi(client: ApiClient) {
  return {
    list: (size = 50) => worded(client.get<{ items: Conversation[]; total: number }>(`${base}?size=${size}`)),
    get: (conversationId: string) => worded(client.get<Conversation>(`${base}/${id(conversationId)}`)),
    startDirect: (userId: string) => worded(client.post<Conversation>(base, { kind: 'direct', userId })),
    startGroup: (title: string, memberIds: string[]) => worded(client.post<Conversation>(base, { kind: 'group', title, memberIds })),
    addMember: (conversationId: string, userId: string) =>
      worded(client.post<Conversation>(`${base}/${id(conversationId)}/members`, { userId })),
    removeMember: (conversationId: string, userId: string) =>
      worded(client.delete(`${base}/${id(conversationId)}/members/${id(userId)}`)),
    /** Newest first; `before` is the previous page's `nextCursor`. */
    messages: (conversationId: string, before?: string | null, size = 30) =>
      worded(
        client.get<{ items: Message[]; nextCursor?: string | null }>(
          `${base}/${id(conversationId)}/messages?size=${size}${before ? `&before=${id(before)}` : ''}`,
        ),
      ),
    send: (conversationId: string, body: string) => worded(client.post<Message>(`${base}/${id(conversationId)}/messages`, { body })),
    edit: (conversationId: string, messageId: string, body: string) =>
      worded(client.patch<Message>(`${base}/${id(conversationId)}/messages/${id(messageId)}`, { body })),
    remove: (conversationId: string, messageId: string) =>
      worded(client.delete(`${base}/${id(conversationId)}/messages/${id(messageId)}`)),
    read: (conversationId: string, messageId: string) => worded(client.post(`${base}/${id(conversationId)}/read`, { messageId })),
    typing: (conversationId: string) => worded(client.post(`${base}/${id(conversationId)}/typing`)),
    search: (q: string, size = 20) => worded(client.get<Message[]>(`${base}/search?q=${id(q)}&size=${size}`)),
    contacts: () => worded(client.get<Contact[]>(`${base}/contacts`)),
    report: (conversationId: string, messageId: string, reason: string) =>
      worded(client.post<{ id: string }>(`${base}/${id(conversationId)}/messages/${id(messageId)}/reports`, { reason })),
    /** Reports a person (not one message) to the moderators; again while that report is open answers it. */
    reportUser: (userId: string, reason: string) => worded(client.post<{ id: string }>(`${base}/reports/users`, { userId, reason })),
  };
}

/** A person's name as the inbox shows it. */
export function nameOf(person: { username: string; displayName?: string | null }): string {
  return person.displayName || person.username;
}

/** A group's title, or the other person's name in a direct conversation. */
export function titleOf(conversation: Conversation, me: string | undefined): string {
  if (conversation.kind === 'group') return conversation.title || 'Group';
  const other = conversation.members.find((m) => m.id !== me);
  return other ? nameOf(other) : 'Conversation';
}
